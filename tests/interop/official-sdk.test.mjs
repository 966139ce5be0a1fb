// Runs the official `openai` SDK (7.57.0) against the mock for all 26 Admin API operations, and
// for what the mock does where the spec says more than its schemas: roles inherited through
// groups, `null` clearing a description, empty update bodies, `role: 'member'`, unknown fields,
// unknown cursors, out-of-range limits, and the example answer shapes (`--shapes examples`).
//
//   cargo build -p openai-admin-mock && node --test tests/interop/
//
// MOCK_BIN overrides the binary (default target/debug/openai-admin-mock).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { collect, startMock } from '../support/mock.mjs';

const KEY = 'sk-admin-interop-test';

let mock;
let client;

before(async () => {
  mock = await startMock({ adminKey: KEY });
  client = new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0 });
});

after(() => mock?.stop());

const org = () => client.admin.organization;

test('groups: list, create, retrieve, update, delete', async () => {
  const page = await org().groups.list({ limit: 5 });
  assert.equal(page.data.length, 5);
  assert.equal(page.has_more, true);
  const all = await collect(org().groups.list({ limit: 5 }));
  assert.equal(all.length, 12);
  assert.equal(new Set(all.map((g) => g.id)).size, 12);
  const desc = await collect(org().groups.list({ limit: 4, order: 'desc' }));
  assert.deepEqual(desc.map((g) => g.id), all.map((g) => g.id).reverse());

  const created = await org().groups.create({ name: 'Interop' });
  assert.equal(created.name, 'Interop');
  assert.equal(created.is_scim_managed, false);
  const got = await org().groups.retrieve(created.id);
  assert.equal(got.id, created.id);
  assert.equal(got.group_type, 'group');
  const updated = await org().groups.update(created.id, { name: 'Interop 2' });
  assert.equal(updated.name, 'Interop 2');
  const deleted = await org().groups.delete(created.id);
  assert.deepEqual(deleted, { object: 'group.deleted', id: created.id, deleted: true });
});

test('group users: create, list, retrieve, delete', async () => {
  const group = await org().groups.create({ name: 'Interop members' });
  const users = (await org().users.list({ limit: 6 })).data;
  for (const u of users) {
    const a = await org().groups.users.create(group.id, { user_id: u.id });
    assert.deepEqual(a, { object: 'group.user', user_id: u.id, group_id: group.id });
  }
  const members = await collect(org().groups.users.list(group.id, { limit: 2 }));
  assert.deepEqual(members.map((m) => m.id), users.map((u) => u.id).reverse());
  const one = await org().groups.users.retrieve(users[1].id, { group_id: group.id });
  assert.equal(one.id, users[1].id);
  assert.equal(one.user_type, 'user');
  const removed = await org().groups.users.delete(users[1].id, { group_id: group.id });
  assert.deepEqual(removed, { object: 'group.user.deleted', deleted: true });
  const left = await collect(org().groups.users.list(group.id, { order: 'asc' }));
  assert.equal(left.length, 5);
});

test('group roles: create, list, retrieve, delete', async () => {
  const group = await org().groups.create({ name: 'Interop roles' });
  const roles = (await org().roles.list()).data;
  const auditor = roles.find((r) => r.name === 'User Auditor');
  const a = await org().groups.roles.create(group.id, { role_id: auditor.id });
  assert.equal(a.object, 'group.role');
  assert.equal(a.group.id, group.id);
  assert.equal(a.group.scim_managed, false);
  assert.equal(a.role.name, 'User Auditor');
  await org().groups.roles.create(group.id, { role_id: roles[0].id });
  const listed = await collect(org().groups.roles.list(group.id, { limit: 1 }));
  assert.equal(listed.length, 2);
  const details = await org().groups.roles.retrieve(auditor.id, { group_id: group.id });
  assert.equal(details.id, auditor.id);
  assert.ok('assignment_sources' in details);
  const del = await org().groups.roles.delete(auditor.id, { group_id: group.id });
  assert.deepEqual(del, { object: 'group.role.deleted', deleted: true });
});

test('roles: list, create, retrieve, update, delete', async () => {
  const roles = await collect(org().roles.list({ limit: 2 }));
  assert.ok(roles.length >= 6);
  assert.equal(roles[0].name, 'Owner');
  assert.equal(roles[0].predefined_role, true);
  const r = await org().roles.create({
    role_name: 'Interop Role',
    permissions: ['api.groups.read'],
    description: 'made by the SDK test',
  });
  assert.equal(r.name, 'Interop Role');
  assert.equal((await org().roles.retrieve(r.id)).description, 'made by the SDK test');
  const u = await org().roles.update(r.id, { role_name: 'Interop Role 2', permissions: ['api.groups.write'] });
  assert.equal(u.name, 'Interop Role 2');
  assert.deepEqual(u.permissions, ['api.groups.write']);
  assert.deepEqual(await org().roles.delete(r.id), { object: 'role.deleted', id: r.id, deleted: true });
  await assert.rejects(org().roles.delete(roles[0].id), (e) => e instanceof OpenAI.BadRequestError);
});

test('users: list (for await), retrieve, update, delete', async () => {
  const all = await collect(org().users.list({ limit: 7 }));
  assert.ok(all.length >= 40);
  assert.equal(new Set(all.map((u) => u.id)).size, all.length);
  assert.equal(all.filter((u) => u.is_service_account).length, 1);
  const filtered = await org().users.list({ emails: ['ada.lovelace@example.com', 'alan.turing@example.com'] });
  assert.deepEqual(filtered.data.map((u) => u.name).sort(), ['Ada Lovelace', 'Alan Turing']);

  const target = all[30];
  const got = await org().users.retrieve(target.id);
  assert.equal(got.email, target.email);
  const up = await org().users.update(target.id, { role: 'owner' });
  assert.equal(up.role, 'owner');
  const del = await org().users.delete(target.id);
  assert.deepEqual(del, { object: 'organization.user.deleted', id: target.id, deleted: true });
  await assert.rejects(org().users.retrieve(target.id), OpenAI.NotFoundError);
});

test('user roles: create, list, retrieve, delete', async () => {
  // A user whose groups hold no role: the list shows only the role assigned here.
  const user = (await org().users.list({ limit: 30 })).data[26];
  const role = (await org().roles.list()).data.find((r) => r.name === 'Role Administrator');
  const a = await org().users.roles.create(user.id, { role_id: role.id });
  assert.equal(a.object, 'user.role');
  assert.equal(a.user.id, user.id);
  assert.equal(a.role.id, role.id);
  const listed = await collect(org().users.roles.list(user.id));
  assert.deepEqual(listed.map((r) => r.id), [role.id]);
  const details = await org().users.roles.retrieve(role.id, { user_id: user.id });
  assert.equal(details.name, 'Role Administrator');
  const del = await org().users.roles.delete(role.id, { user_id: user.id });
  assert.deepEqual(del, { object: 'user.role.deleted', deleted: true });
});

test('a 404 surfaces as OpenAI.NotFoundError with requestID; odd ids round-trip', async () => {
  const odd = 'group/with ?#%&ü';
  await assert.rejects(org().groups.retrieve(odd), (e) => {
    assert.ok(e instanceof OpenAI.NotFoundError, String(e));
    assert.equal(e.status, 404);
    assert.match(e.requestID, /^req_/);
    assert.equal(e.type, 'invalid_request_error');
    assert.ok(e.message.includes(`No group found with id '${odd}'`), e.message);
    return true;
  });
});

test('a 400 names the bad field and a 401 comes from a wrong key', async () => {
  await assert.rejects(org().groups.create({ name: '' }), (e) => {
    assert.ok(e instanceof OpenAI.BadRequestError);
    assert.equal(e.param, 'name');
    return true;
  });
  const wrong = new OpenAI({ adminAPIKey: 'sk-admin-nope', apiKey: 'unused', baseURL: mock.api, maxRetries: 0 });
  await assert.rejects(wrong.admin.organization.groups.list(), (e) => {
    assert.ok(e instanceof OpenAI.AuthenticationError);
    assert.equal(e.code, 'invalid_api_key');
    assert.ok(!e.message.includes('sk-admin-nope'));
    return true;
  });
});

test('the SDK retries an injected 503 honouring retry-after-ms', async () => {
  const res = await fetch(`${mock.url}/__mock/faults`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify([{ path: '/v1/organization/roles', status: 503, retry_after_ms: '10' }]),
  });
  assert.equal(res.status, 200);
  const retrying = new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 2 });
  const page = await retrying.admin.organization.roles.list();
  assert.ok(page.data.length >= 2);
  const log = await (await fetch(`${mock.url}/__mock/requests`, { headers: { Authorization: `Bearer ${KEY}` } })).json();
  const hits = log.data.filter((r) => r.path === '/v1/organization/roles' && r.method === 'GET');
  assert.equal(hits.at(-2).fault, 'status=503');
  assert.equal(hits.at(-1).fault, null);
  assert.equal(hits.at(-1).headers['x-stainless-retry-count'], '1');
  assert.equal(hits.at(-1).headers.authorization, 'Bearer ***');
});

test('roles inherited through a group show in users.roles.list with assignment_sources', async () => {
  const group = await org().groups.create({ name: 'Interop inheritance' });
  const user = (await org().users.list({ limit: 30 })).data[27];
  const role = await org().roles.create({ role_name: 'Interop Inherited', permissions: [] });
  await org().groups.users.create(group.id, { user_id: user.id });
  await org().groups.roles.create(group.id, { role_id: role.id });
  const listed = await collect(org().users.roles.list(user.id, { limit: 1 }));
  const inherited = listed.find((r) => r.id === role.id);
  assert.deepEqual(inherited.assignment_sources, [{ principal_id: group.id, principal_type: 'group' }]);
  const one = await org().users.roles.retrieve(role.id, { user_id: user.id });
  assert.deepEqual(one.assignment_sources, inherited.assignment_sources);
  await assert.rejects(org().users.roles.delete(role.id, { user_id: user.id }), (e) => {
    assert.ok(e instanceof OpenAI.NotFoundError, String(e));
    assert.ok(e.message.includes(group.id), e.message);
    return true;
  });
  await org().groups.users.delete(user.id, { group_id: group.id });
  const after = await collect(org().users.roles.list(user.id));
  assert.ok(!after.some((r) => r.id === role.id));
  await org().roles.delete(role.id);
  await org().groups.delete(group.id);
});

test('null clears a description; empty update bodies, role member and unknown fields are accepted', async () => {
  const r = await org().roles.create({ role_name: 'Interop Nullable', permissions: ['a.b'], description: 'text' });
  assert.equal((await org().roles.update(r.id, {})).description, 'text');
  const cleared = await org().roles.update(r.id, { description: null });
  assert.equal(cleared.description, null);
  assert.equal((await org().roles.retrieve(r.id)).description, null);
  assert.equal(cleared.name, 'Interop Nullable');
  await org().roles.delete(r.id);

  const user = (await org().users.list({ limit: 30 })).data[28];
  const before = await org().users.retrieve(user.id);
  assert.deepEqual(await org().users.update(user.id, {}), before);
  const owner = await org().users.update(user.id, { role: 'owner' });
  assert.equal(owner.role, 'owner');
  // The operation's text says "owner or member"; the mock reads member as reader.
  const member = await org().users.update(user.id, /** @type {any} */ ({ role: 'member' }));
  assert.equal(member.role, 'reader');
  await assert.rejects(org().users.update(user.id, /** @type {any} */ ({ role: 'admin' })), (e) => {
    assert.ok(e instanceof OpenAI.BadRequestError);
    assert.equal(e.param, 'role');
    return true;
  });

  const g = await org().groups.create(/** @type {any} */ ({ name: 'Interop extra', description: 'unknown field' }));
  assert.equal(g.name, 'Interop extra');
  const page = await org().groups.list(/** @type {any} */ ({ limit: 1, color: 'red' }));
  assert.equal(page.data.length, 1);
  await org().groups.delete(g.id);
});

test('unknown cursors and out-of-range limits are BadRequestError naming the parameter', async () => {
  const cases = [
    [() => org().groups.list({ after: 'group_nope' }), 'after', 'invalid_cursor'],
    [() => org().users.list({ after: 'user_nope' }), 'after', 'invalid_cursor'],
    [() => org().roles.list({ after: 'role_nope' }), 'after', 'invalid_cursor'],
    [() => org().users.list({ limit: 0 }), 'limit', 'integer_below_min_value'],
    [() => org().users.list({ limit: 500 }), 'limit', 'integer_above_max_value'],
    [() => org().groups.list({ limit: 2000 }), 'limit', 'integer_above_max_value'],
  ];
  for (const [call, param, code] of cases) {
    await assert.rejects(call(), (e) => {
      assert.ok(e instanceof OpenAI.BadRequestError, String(e));
      assert.equal(e.param, param);
      assert.equal(e.code, code);
      assert.match(e.requestID, /^req_/);
      return true;
    });
  }
});

test('--shapes examples: the SDK reads the example answer shapes', async () => {
  const ex = await startMock({ adminKey: KEY, args: ['--shapes', 'examples'] });
  try {
    const c = new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: ex.api, maxRetries: 0 }).admin.organization;
    const groups = await collect(c.groups.list({ limit: 5 }));
    assert.equal(groups.length, 12);
    assert.ok(groups.every((g) => g.object === 'group' && !('group_type' in g)));
    const created = await c.groups.create({ name: 'Examples' });
    assert.deepEqual(Object.keys(created).sort(), ['created_at', 'id', 'is_scim_managed', 'name', 'object']);
    const got = await c.groups.retrieve(created.id);
    assert.equal(got.group_type, 'group');
    assert.ok(!('object' in got));
    const updated = await c.groups.update(created.id, { name: 'Examples 2' });
    assert.deepEqual(Object.keys(updated).sort(), ['created_at', 'id', 'is_scim_managed', 'name']);
    const users = await collect(c.users.list({ limit: 10 }));
    assert.ok(users.length >= 40);
    assert.deepEqual(Object.keys(users[0]).sort(), ['added_at', 'email', 'id', 'name', 'object', 'role']);
    const engineering = groups.find((g) => g.name === 'Engineering');
    const roles = await collect(c.groups.roles.list(engineering.id));
    assert.ok(roles.length > 0 && roles.every((r) => !('assignment_sources' in r)));
  } finally {
    await ex.stop();
  }
});
