// The installed package, imported by name: its exports and all 53 methods, called with the
// official SDK's argument order, against the mock.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAIAdmin, * as pkg from 'openai-admin-wasm';
import { startMock, collect, KEY } from '../support/mock.mjs';

let mock;
let org;

before(async () => {
  mock = await startMock();
  org = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 }).admin.organization;
});
after(() => mock?.stop());

const errorClasses = [
  'OpenAIError',
  'InvalidArgumentError',
  'APIError',
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'APIUserAbortError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
  'ResponseDriftError',
];

test('default export, named OpenAIAdmin and the statics are the same objects', () => {
  assert.equal(typeof OpenAIAdmin, 'function');
  assert.equal(pkg.default, OpenAIAdmin);
  assert.equal(pkg.OpenAIAdmin, OpenAIAdmin);
  assert.equal(OpenAIAdmin.OpenAIAdmin, OpenAIAdmin);
  for (const name of errorClasses) {
    assert.equal(typeof pkg[name], 'function', name);
    assert.equal(OpenAIAdmin[name], pkg[name], `OpenAIAdmin.${name}`);
    if (name !== 'ResponseDriftError') assert.equal(new pkg[name]({ message: 'm' }).name, name);
  }
  assert.equal(OpenAIAdmin.NotFoundError, pkg.NotFoundError);
  assert.equal(typeof pkg.NextCursorPage, 'function');
  assert.equal(typeof pkg.ConversationCursorPage, 'function');
  assert.equal(typeof pkg.APIPromise, 'function');
  assert.equal(typeof pkg.PagePromise, 'function');
});

test('error classes form the official hierarchy', () => {
  const { OpenAIError, APIError, APIConnectionError } = pkg;
  assert.ok(new pkg.InvalidArgumentError('x', 'limit') instanceof OpenAIError);
  assert.ok(new pkg.InvalidArgumentError('x', 'limit') instanceof pkg.BadRequestError);
  assert.ok(new APIError({ message: 'x' }) instanceof OpenAIError);
  assert.ok(new APIError({ message: 'x' }) instanceof Error);
  for (const name of ['BadRequestError', 'AuthenticationError', 'NotFoundError', 'RateLimitError', 'APIUserAbortError']) {
    assert.ok(new pkg[name]({ message: 'x' }) instanceof APIError, name);
  }
  assert.ok(new pkg.APIConnectionTimeoutError() instanceof APIConnectionError);
  assert.equal(new pkg.APIConnectionTimeoutError().message, 'Request timed out.');
});

test('the resource tree mirrors client.admin.organization of the official SDK', () => {
  const methods = {
    groups: ['list', 'create', 'retrieve', 'update', 'delete'],
    'groups.users': ['list', 'create', 'retrieve', 'delete'],
    'groups.roles': ['list', 'create', 'retrieve', 'delete'],
    roles: ['list', 'create', 'retrieve', 'update', 'delete'],
    users: ['list', 'retrieve', 'update', 'delete'],
    'users.roles': ['list', 'create', 'retrieve', 'delete'],
    projects: ['list', 'create', 'retrieve', 'update', 'archive'],
    'projects.users': ['list', 'create', 'retrieve', 'update', 'delete'],
    'projects.users.roles': ['list', 'create', 'retrieve', 'delete'],
    'projects.groups': ['list', 'create', 'retrieve', 'delete'],
    'projects.groups.roles': ['list', 'create', 'retrieve', 'delete'],
    'projects.roles': ['list', 'create', 'retrieve', 'update', 'delete'],
  };
  let count = 0;
  for (const [resource, verbs] of Object.entries(methods)) {
    const target = resource.split('.').reduce((o, k) => o[k], org);
    for (const verb of verbs) {
      assert.equal(typeof target[verb], 'function', `${resource}.${verb}`);
      count++;
    }
  }
  assert.equal(count, 53);
});

test('groups: list, create, retrieve, update, delete', async () => {
  const page = await org.groups.list({ limit: 5 });
  assert.equal(page.data.length, 5);
  assert.equal(page.has_more, true);
  assert.equal(page.next, page.data[4].id);
  const created = await org.groups.create({ name: 'Package' });
  assert.equal(created.name, 'Package');
  assert.equal(created.is_scim_managed, false);
  assert.equal(created.group_type, 'group');
  assert.match(created.id, /^group_/);
  assert.deepEqual(await org.groups.retrieve(created.id), created);
  const updated = await org.groups.update(created.id, { name: 'Package 2' });
  assert.equal(updated.id, created.id);
  assert.equal(updated.name, 'Package 2');
  assert.deepEqual(await org.groups.delete(created.id), { object: 'group.deleted', id: created.id, deleted: true });
  await assert.rejects(org.groups.retrieve(created.id), pkg.NotFoundError);
});

test('group users: create, list, retrieve(userID, { group_id }), delete(userID, { group_id })', async () => {
  const group = await org.groups.create({ name: 'Package members' });
  const users = (await org.users.list({ limit: 4 })).data;
  for (const u of users) {
    assert.deepEqual(await org.groups.users.create(group.id, { user_id: u.id }), {
      object: 'group.user',
      user_id: u.id,
      group_id: group.id,
    });
  }
  const members = await collect(org.groups.users.list(group.id, { limit: 3 }));
  // Group members are listed newest first by default, as the spec says.
  assert.deepEqual(members.map((m) => m.id), users.map((u) => u.id).reverse());
  const one = await org.groups.users.retrieve(users[1].id, { group_id: group.id });
  assert.equal(one.id, users[1].id);
  assert.equal(one.user_type, 'user');
  assert.deepEqual(await org.groups.users.delete(users[1].id, { group_id: group.id }), {
    object: 'group.user.deleted',
    deleted: true,
  });
  const left = await collect(org.groups.users.list(group.id, { order: 'asc' }));
  assert.deepEqual(left.map((m) => m.id), [users[0].id, users[2].id, users[3].id]);
  await assert.rejects(org.groups.users.retrieve(users[1].id, { group_id: group.id }), pkg.NotFoundError);
});

test('group roles: create, list, retrieve(roleID, { group_id }), delete(roleID, { group_id })', async () => {
  const group = await org.groups.create({ name: 'Package roles' });
  const roles = (await org.roles.list()).data;
  const auditor = roles.find((r) => r.name === 'User Auditor');
  assert.ok(auditor, 'the demo seed has a User Auditor role');
  const assigned = await org.groups.roles.create(group.id, { role_id: auditor.id });
  assert.equal(assigned.object, 'group.role');
  assert.equal(assigned.group.id, group.id);
  assert.equal(assigned.group.scim_managed, false);
  assert.equal(assigned.role.id, auditor.id);
  await org.groups.roles.create(group.id, { role_id: roles[0].id });
  const listed = await collect(org.groups.roles.list(group.id, { limit: 1 }));
  assert.deepEqual(listed.map((r) => r.id).sort(), [auditor.id, roles[0].id].sort());
  const details = await org.groups.roles.retrieve(auditor.id, { group_id: group.id });
  assert.equal(details.name, 'User Auditor');
  assert.deepEqual(details.permissions, auditor.permissions);
  assert.deepEqual(await org.groups.roles.delete(auditor.id, { group_id: group.id }), {
    object: 'group.role.deleted',
    deleted: true,
  });
  assert.equal((await org.groups.roles.list(group.id)).data.length, 1);
});

test('roles: list, create, retrieve, update, delete', async () => {
  const roles = await collect(org.roles.list({ limit: 2 }));
  assert.ok(roles.length >= 6);
  assert.equal(roles[0].name, 'Owner');
  assert.equal(roles[0].predefined_role, true);
  const role = await org.roles.create({
    role_name: 'Package Role',
    permissions: ['api.groups.read'],
    description: 'made by the package test',
  });
  assert.equal(role.name, 'Package Role');
  assert.equal(role.predefined_role, false);
  assert.equal((await org.roles.retrieve(role.id)).description, 'made by the package test');
  const updated = await org.roles.update(role.id, { role_name: 'Package Role 2', permissions: ['api.groups.write'] });
  assert.equal(updated.name, 'Package Role 2');
  assert.deepEqual(updated.permissions, ['api.groups.write']);
  assert.equal(updated.description, 'made by the package test');
  assert.deepEqual(await org.roles.delete(role.id), { object: 'role.deleted', id: role.id, deleted: true });
  await assert.rejects(org.roles.delete(roles[0].id), (e) => {
    assert.ok(e instanceof pkg.BadRequestError);
    assert.equal(e.code, 'predefined_role_immutable');
    return true;
  });
});

test('users: list (emails filter), retrieve, update, delete', async () => {
  const filtered = await org.users.list({ emails: ['ada.lovelace@example.com', 'alan.turing@example.com'] });
  assert.deepEqual(filtered.data.map((u) => u.name).sort(), ['Ada Lovelace', 'Alan Turing']);
  const all = await collect(org.users.list({ limit: 100 }));
  const target = all[30];
  const got = await org.users.retrieve(target.id);
  assert.equal(got.email, target.email);
  assert.equal(got.object, 'organization.user');
  const up = await org.users.update(target.id, { role: 'owner' });
  assert.equal(up.role, 'owner');
  assert.deepEqual(await org.users.delete(target.id), { object: 'organization.user.deleted', id: target.id, deleted: true });
  await assert.rejects(org.users.retrieve(target.id), pkg.NotFoundError);
});

test('user roles: create, list, retrieve(roleID, { user_id }), delete(roleID, { user_id })', async () => {
  // A user whose groups hold no role: the list shows only the role assigned here.
  const user = (await org.users.list({ limit: 30 })).data[26];
  const role = (await org.roles.list()).data.find((r) => r.name === 'Role Administrator');
  const assigned = await org.users.roles.create(user.id, { role_id: role.id });
  assert.equal(assigned.object, 'user.role');
  assert.equal(assigned.user.id, user.id);
  assert.equal(assigned.role.id, role.id);
  assert.deepEqual((await collect(org.users.roles.list(user.id))).map((r) => r.id), [role.id]);
  assert.equal((await org.users.roles.retrieve(role.id, { user_id: user.id })).name, 'Role Administrator');
  assert.deepEqual(await org.users.roles.delete(role.id, { user_id: user.id }), {
    object: 'user.role.deleted',
    deleted: true,
  });
  assert.deepEqual((await org.users.roles.list(user.id)).data, []);
});

test('path parameters are percent-encoded: an odd id round-trips into the 404 message', async () => {
  const odd = 'group/with ?#%&ü';
  await assert.rejects(org.groups.retrieve(odd), (e) => {
    assert.ok(e instanceof pkg.NotFoundError, String(e));
    assert.ok(e.message.includes(`No group found with id '${odd}'`), e.message);
    return true;
  });
  const log = await mock.requests();
  const last = log.data.at(-1);
  assert.equal(last.path, '/v1/organization/groups/' + encodeURIComponent(odd));
});
