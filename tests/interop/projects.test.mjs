// Runs the official `openai` SDK (7.57.0) against the mock for the 27 project operations, and for
// what the mock does where the spec says more than its schemas: archived projects listed only
// with `include_archived`, role ids that do not round-trip (the short `role-api-project-owner` in,
// the long `role-api-project-owner__api-project__proj_…` out), project roles only for members,
// the default project, deletes that cascade, and a seed of 40 projects (`--projects 40`).
//
//   cargo build -p openai-admin-mock && node --test tests/interop/projects.test.mjs

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { collect, startMock } from '../support/mock.mjs';
import { EVERY_PROJECT_OPERATION, OWNER_ROLE, runEveryProjectOperation } from '../support/project-operations.mjs';

const KEY = 'sk-admin-interop-test';

let mock;
let client;
before(async () => {
  mock = await startMock({ adminKey: KEY });
  client = new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0 });
});
after(() => mock?.stop());
beforeEach(() => mock.reset());

const org = () => client.admin.organization;
const status = (promise) => promise.then(() => 200, (e) => e.status);

test('all 27 project operations, with pages read by for await', async () => {
  const { ran, results, project_id } = await runEveryProjectOperation(org());
  assert.deepEqual(ran, EVERY_PROJECT_OPERATION);
  assert.deepEqual(results['projects.list'].map((p) => p.name), ['Default project', 'billing-bot', 'Support Assistant', 'Research Sandbox', 'Data Pipeline']);
  assert.equal(results['projects.update'].name, 'Ops Project 2');
  assert.equal(results['projects.users.list'].length, 2, 'two pages of one');
  assert.equal(results['projects.users.update'].role, 'owner');
  assert.deepEqual(results['projects.roles.list'].slice(0, 3).map((r) => r.predefined_role), [true, true, true]);
  assert.equal(results['projects.roles.create'].resource_type, 'api.project');
  assert.equal(results['projects.users.roles.create'].role.id, `${OWNER_ROLE}__api-project__${project_id}`);
  assert.equal(results['projects.users.roles.create'].object, 'user.role');
  assert.equal(results['projects.users.roles.list'].length, 2);
  assert.deepEqual(results['projects.groups.list'].map((g) => g.project_id), [project_id]);
  assert.equal(results['projects.groups.retrieve'].group_type, 'group');
  assert.equal(results['projects.groups.roles.create'].object, 'group.role');
  assert.deepEqual(results['projects.groups.roles.delete'], { object: 'group.role.deleted', deleted: true });
  assert.deepEqual(results['projects.groups.delete'], { object: 'project.group.deleted', deleted: true });
  assert.equal(results['projects.users.delete'].object, 'organization.project.user.deleted');
  assert.equal(results['projects.roles.delete'].object, 'role.deleted');
  assert.equal(results['projects.archive'].status, 'archived');
});

test('archived projects are listed only with include_archived, and refuse changes and their users list', async () => {
  const active = await collect(org().projects.list());
  const all = await collect(org().projects.list({ include_archived: true, limit: 3 }));
  assert.equal(active.length, 5);
  assert.equal(all.length, 7);
  const archived = all.filter((p) => p.status === 'archived');
  assert.deepEqual(archived.map((p) => p.name), ['Legacy Chatbot', 'Old Experiments']);
  assert.ok(archived.every((p) => typeof p.archived_at === 'number'));
  const id = archived[0].id;
  assert.equal((await org().projects.retrieve(id)).status, 'archived');
  for (const call of [
    () => org().projects.users.list(id),
    () => org().projects.update(id, { name: 'x' }),
    () => org().projects.roles.create(id, { role_name: 'x', permissions: [] }),
  ]) {
    const err = await call().then(() => null, (e) => e);
    assert.ok(err instanceof OpenAI.BadRequestError, String(err));
    assert.equal(err.code, 'project_archived');
  }
  const defaultProject = active.find((p) => p.name === 'Default project');
  assert.equal(await status(org().projects.update(defaultProject.id, { name: 'Renamed' })), 400);
  assert.equal(await status(org().projects.archive(defaultProject.id)), 400);
});

test('role ids that do not round-trip: the short id is accepted everywhere, the long one answered', async () => {
  const bot = (await collect(org().projects.list())).find((p) => p.name === 'billing-bot');
  const project_id = bot.id;
  const long = `${OWNER_ROLE}__api-project__${project_id}`;
  const members = await collect(org().projects.users.list(project_id));
  const member = members.find((m) => m.role === 'member');
  const assigned = await org().projects.users.roles.create(member.id, { project_id, role_id: OWNER_ROLE });
  assert.equal(assigned.role.id, long);
  assert.equal((await org().projects.users.roles.retrieve(OWNER_ROLE, { project_id, user_id: member.id })).id, long);
  assert.equal((await org().projects.roles.retrieve(OWNER_ROLE, { project_id })).id, long);
  const listed = await collect(org().projects.users.roles.list(member.id, { project_id }));
  assert.ok(listed.some((r) => r.id === long));
  assert.deepEqual(await org().projects.users.roles.delete(OWNER_ROLE, { project_id, user_id: member.id }), { object: 'user.role.deleted', deleted: true });
  // Another project's long id names no role here.
  const other = (await collect(org().projects.list())).find((p) => p.name === 'Data Pipeline');
  assert.equal(await status(org().projects.roles.retrieve(`${OWNER_ROLE}__api-project__${other.id}`, { project_id })), 404);
  // Predefined project roles cannot change.
  const err = await org().projects.roles.delete(OWNER_ROLE, { project_id }).catch((e) => e);
  assert.equal(err.status, 400);
  assert.equal(err.code, 'predefined_role_immutable');
});

test('project roles go to members and groups with access only; roles through groups carry their sources', async () => {
  const pipeline = (await collect(org().projects.list())).find((p) => p.name === 'Data Pipeline');
  const project_id = pipeline.id;
  const members = await collect(org().projects.users.list(project_id));
  const memberIds = new Set(members.map((m) => m.id));
  const outsider = (await collect(org().users.list())).find((u) => !memberIds.has(u.id));
  const custom = (await collect(org().projects.roles.list(project_id))).find((r) => !r.predefined_role);
  const err = await org().projects.users.roles.create(outsider.id, { project_id, role_id: custom.id }).catch((e) => e);
  assert.ok(err instanceof OpenAI.NotFoundError);
  assert.match(err.message, /not a member of project/);
  const groups = await collect(org().projects.groups.list(project_id));
  assert.equal(groups.length, 2);
  const outsideGroup = (await collect(org().groups.list())).find((g) => !groups.some((pg) => pg.group_id === g.id));
  assert.equal(await status(org().projects.groups.roles.create(outsideGroup.id, { project_id, role_id: custom.id })), 404);
  // Platform holds the custom role in this project: its members who are project members have it
  // through the group.
  const platform = groups.find((g) => g.group_name === 'Platform');
  const platformRoles = await collect(org().projects.groups.roles.list(platform.group_id, { project_id }));
  assert.ok(platformRoles.some((r) => r.id === custom.id));
  const platformMembers = await collect(org().groups.users.list(platform.group_id));
  const both = platformMembers.find((u) => memberIds.has(u.id));
  if (both) {
    const held = await collect(org().projects.users.roles.list(both.id, { project_id }));
    const inherited = held.find((r) => r.id === custom.id);
    assert.ok(inherited.assignment_sources.some((s) => s.principal_id === platform.group_id && s.principal_type === 'group'));
  }
});

test('deleting an organization user or group removes it from every project', async () => {
  const bot = (await collect(org().projects.list())).find((p) => p.name === 'billing-bot');
  const project_id = bot.id;
  const member = (await collect(org().projects.users.list(project_id))).find((m) => m.role === 'member');
  await org().users.delete(member.id);
  assert.equal(await status(org().projects.users.retrieve(member.id, { project_id })), 404);
  const group = (await collect(org().projects.groups.list(project_id)))[0];
  await org().groups.delete(group.group_id);
  assert.ok(!(await collect(org().projects.groups.list(project_id))).some((g) => g.group_id === group.group_id));
});

test('a seed with 40 projects pages through whole, each with members, a group and a custom role', async () => {
  const big = await startMock({ adminKey: KEY, seed: 'empty', args: ['--users', '60', '--groups', '6', '--projects', '40'] });
  try {
    const c = new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: big.api, maxRetries: 0 });
    const projects = await collect(c.admin.organization.projects.list({ limit: 100 }));
    assert.equal(projects.length, 40);
    const last = projects.at(-1);
    assert.equal(last.name, 'Bench Project 040');
    assert.equal((await collect(c.admin.organization.projects.users.list(last.id))).length, 10);
    assert.equal((await collect(c.admin.organization.projects.groups.list(last.id))).length, 1);
    const roles = await collect(c.admin.organization.projects.roles.list(last.id));
    assert.deepEqual(roles.filter((r) => !r.predefined_role).map((r) => r.name), ['Bench Project Role']);
  } finally {
    big.stop();
  }
});
