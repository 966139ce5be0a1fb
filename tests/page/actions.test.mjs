// The page's writes (www/js/actions.js): plan through the core, refused without a preview,
// nothing sent before Apply, the outcomes given to the model and the store, and the direct
// writes of a group's or a role's own fields recorded the same way.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createActions, entries, isAccessFile } from '../../www/js/actions.js';
import { createStore } from '../../www/js/store.js';
import { fakeOrg, op } from './fake-org.mjs';

const NO_OWNER = { subject: 'organization', reason: 'the plan would leave the organization with no owner: nothing is planned' };

/** A store whose organization is `org`, loaded; a client that records deletes. */
async function setup({ org = fakeOrg(), answer = 'apply' } = {}) {
  const sent = [];
  const client = { admin: { organization: { users: { delete: async (id) => sent.push(['users.delete', id]) } } } };
  const store = createStore({ startLoading: async () => ({ organization: org, done: Promise.resolve({}) }) });
  store.connect({ client, role: 'admin' });
  await store.organization();
  const touched = [];
  store.subscribe((c) => c.type === 'changed' && touched.push(c.touched));
  const previews = [];
  const applyPlan = async (c, plan) => {
    assert.equal(c, client);
    sent.push(...plan.operations.map((o) => o.operation));
    return plan.operations.map(() => ({ status: 'done', result: { id: 'new-id' } }));
  };
  const preview = async (p) => {
    previews.push(p);
    if (answer === 'cancel') return false;
    await p.apply(p.plan, {});
    return true;
  };
  return { org, store, sent, touched, previews, actions: createActions({ store, applyPlan, preview }) };
}

test('addMembers: people found through the core, the others listed as not found; Apply sends, the model and the store follow', async () => {
  const s = await setup();
  s.org.nextPlan = { operations: [op('groups.users.create', { group_id: 'g-eng' }, { user_id: 'u-grace' })], blocked: [], unmanaged: [] };
  const r = await s.actions.addMembers({ group: 'g-eng', people: ['GRACE@example.com', 'u-grace', 'nobody@x'], opener: 'button' });
  assert.deepEqual(r, { status: 'applied' });
  assert.equal(s.previews.length, 1);
  assert.equal(s.previews[0].title, 'Add to Engineering');
  assert.equal(s.previews[0].opener, 'button');
  assert.deepEqual(s.previews[0].notFound, ['nobody@x']);
  assert.deepEqual(s.org.calls.planMembership, [{ group: 'g-eng', add: ['grace@example.com'] }], "the core's planMembership; GRACE@… and u-grace are one person");
  assert.deepEqual(s.org.calls.plan, [], 'no access file is written');
  assert.deepEqual(s.sent, ['groups.users.create']);
  assert.equal(s.org.calls.applyOutcomes.length, 1);
  assert.deepEqual([...s.touched[0].groups, ...s.touched[0].users], ['g-eng', 'u-grace']);
  assert.equal(s.store.state.revision, 1);
});

test('cancelled in the preview: nothing sent, nothing recorded', async () => {
  const s = await setup({ answer: 'cancel' });
  s.org.nextPlan = { operations: [op('groups.users.delete', { group_id: 'g-eng', user_id: 'u-ada' }, null, '-')], blocked: [], unmanaged: [] };
  assert.deepEqual(await s.actions.removeMembers({ group: 'g-eng', people: ['u-ada'] }), { status: 'cancelled' });
  assert.equal(s.previews[0].title, 'Remove from Engineering');
  assert.deepEqual(s.org.calls.planMembership, [{ group: 'g-eng', remove: ['u-ada'] }]);
  assert.deepEqual([s.sent, s.org.calls.applyOutcomes, s.touched], [[], [], []]);
});

test('a plan the core refuses as a whole: no preview, the reason returned', async () => {
  const s = await setup();
  s.org.nextPlan = { operations: [], blocked: [NO_OWNER], unmanaged: [], refused: 'noOwnerLeft' };
  const r = await s.actions.changePerson({ user: 'u-ada', organizationRole: 'reader' });
  assert.deepEqual(r, { status: 'refused', reason: NO_OWNER.reason });
  assert.deepEqual(s.org.calls.planPerson, [{ user: 'u-ada', organizationRole: 'reader' }]);
  assert.deepEqual([s.previews, s.sent], [[], []]);
});

test('blocked rows (a SCIM group) are the preview’s to show: the page offers the change and the core says why not', async () => {
  const s = await setup({ answer: 'cancel' });
  s.org.nextPlan = { operations: [], blocked: [{ subject: 'group Ops', reason: 'SCIM-managed' }], unmanaged: [] };
  await s.actions.changePerson({ user: 'u-eve', addGroups: ['g-ops'] });
  assert.deepEqual(s.previews[0].plan.blocked, [{ subject: 'group Ops', reason: 'SCIM-managed' }], 'blocked without `refused`: previewed, not refused');
  assert.equal(s.previews[0].title, 'Change Ève Curie');
});

test('deleteUser: refused (the core refuses the person no longer being an owner) before any question; else confirmed, sent, the organization read again', async () => {
  const s = await setup();
  s.org.nextPlan = { operations: [], blocked: [NO_OWNER], unmanaged: [], refused: 'noOwnerLeft' };
  let asked = 0;
  const confirm = async () => (asked++, true);
  assert.deepEqual(await s.actions.deleteUser({ user: 'ada@example.com', confirm }), { status: 'refused', reason: NO_OWNER.reason });
  assert.deepEqual([asked, s.sent], [0, []]);
  s.org.nextPlan = { operations: [op('users.update', { user_id: 'u-ada' }, { role: 'reader' }, '~')], blocked: [], unmanaged: [] };
  assert.deepEqual(await s.actions.deleteUser({ user: 'ada@example.com', confirm: async () => false }), { status: 'cancelled' });
  assert.deepEqual(s.sent, []);
  assert.deepEqual(await s.actions.deleteUser({ user: 'ada@example.com', confirm }), { status: 'applied' });
  assert.deepEqual(s.sent, [['users.delete', 'u-ada']]);
  assert.equal(s.org.calls.freed, 1, 'the model, which cannot drop a user, is replaced');
  assert.equal(s.store.state.load.status, 'loading');
});

test('importFile: an access file through plan, a CSV through planCsv, the unmanaged count noted; a bad file throws the core’s error', async () => {
  const s = await setup({ answer: 'cancel' });
  s.org.nextPlan = { operations: [], blocked: [], unmanaged: [{}, {}] };
  await s.actions.importFile({ name: 'a.yaml', text: 'groups: {}' });
  await s.actions.importFile({ name: 'm.csv', text: 'Engineering,ada@example.com' });
  assert.equal(s.org.calls.plan.length, 1);
  assert.deepEqual(s.org.calls.planCsv, ['Engineering,ada@example.com']);
  assert.deepEqual(s.previews.map((p) => [p.title, p.notes]), [['Import a.yaml', ['Not in the file, left alone: 2.']], ['Import m.csv', []]]);
  s.org.planCsv = () => {
    throw Object.assign(new Error('line 2: bad'), { errors: [{ line: 2 }] });
  };
  await assert.rejects(s.actions.importFile({ name: 'bad.csv', text: 'x' }), /line 2/);
});

test('a plan applied after a new connection is sent but not recorded in the new organization', async () => {
  const s = await setup({ answer: 'cancel' });
  s.org.nextPlan = { operations: [op('users.roles.create', { user_id: 'u-ada' }, { role_id: 'r-aud' })], blocked: [], unmanaged: [] };
  await s.actions.changePerson({ user: 'u-ada', addRoles: ['r-aud'] });
  s.store.connect({ client: s.store.state.client });
  await s.previews[0].apply(s.previews[0].plan, {});
  assert.deepEqual([s.sent, s.org.calls.applyOutcomes, s.touched], [['users.roles.create'], [], []]);
});

test('direct: a group’s own fields sent as given, then recorded in the model and the store', async () => {
  const s = await setup();
  const result = await s.actions.direct({ operation: 'groups.create', body: { name: 'New' }, send: async () => ({ id: 'g-new', name: 'New' }) });
  assert.deepEqual(result, { id: 'g-new', name: 'New' });
  const [[plan, outcomes]] = s.org.calls.applyOutcomes;
  assert.deepEqual([plan.operations[0].operation, plan.operations[0].change, outcomes[0].result.id], ['groups.create', '+', 'g-new']);
  assert.deepEqual([...s.touched[0].groups], ['g-new']);
  await assert.rejects(s.actions.direct({ operation: 'groups.delete', ids: { group_id: 'g-x' }, send: async () => { throw new Error('HTTP 404'); } }), /404/);
  assert.equal(s.org.calls.applyOutcomes.length, 1, 'a failed write is not recorded');
});

test('changeGroupRoles: the group by id with its whole role list, roles by name (by id when two share it), planned by the core', async () => {
  const s = await setup({ answer: 'cancel' });
  await s.actions.changeGroupRoles({ group: 'Engineering', addRoles: ['r-b2', 'Auditor'], removeRoles: [] });
  await s.actions.changeGroupRoles({ group: 'g-eng', removeRoles: ['Auditor'] });
  assert.deepEqual(s.org.calls.plan, [{ groups: { Engineering: { id: 'g-eng', roles: ['Auditor', 'r-b2'] } } }, { groups: { Engineering: { id: 'g-eng', roles: [] } } }]);
  assert.deepEqual(s.previews.map((p) => [p.title, p.plan.unmanaged]), [['Change Engineering', []], ['Change Engineering', []]], "what the small file leaves out is not listed as unmanaged");
});

test('entries and isAccessFile', () => {
  assert.deepEqual(entries(' a@x, b@x;\n a@x  c@x '), ['a@x', 'b@x', 'c@x']);
  assert.deepEqual(entries(''), []);
  assert.equal(isAccessFile('x.YML', ''), true);
  assert.equal(isAccessFile('x.csv', 'groups:'), false);
  assert.equal(isAccessFile('paste', '# c\n\nusers:\n'), true);
  assert.equal(isAccessFile('paste', 'projects:\n  billing-bot:\n'), true, 'a file with only projects: is an access file');
  assert.equal(isAccessFile('paste', 'Engineering,ada@example.com'), false);
});

test("a project's members: pasted people resolved, planned by the core's planProjectMembership, previewed, applied", async () => {
  const org = fakeOrg();
  org.holdersOfProject = (p) => (p === 'proj_bot' ? { project: { id: 'proj_bot', name: 'billing-bot', archived: false }, members: [{ user: { id: 'u-ada', email: 'ada@example.com' }, role: 'owner' }] } : null);
  const s = await setup({ org });
  s.org.nextPlan = { operations: [op('projects.users.create', { project_id: 'proj_bot' }, { user_id: 'u-grace', role: 'member' })], blocked: [], unmanaged: [] };
  const r = await s.actions.addProjectMembers({ project: 'proj_bot', people: ['GRACE@example.com', 'nobody@x'], role: 'member', opener: 'button' });
  assert.deepEqual(r, { status: 'applied' });
  assert.equal(s.previews[0].title, 'Add to project billing-bot as member');
  assert.deepEqual(s.previews[0].notFound, ['nobody@x']);
  assert.deepEqual(s.org.calls.planProjectMembership, [{ project: 'proj_bot', add: [{ user: 'grace@example.com', role: 'member' }] }]);
  assert.deepEqual(s.org.calls.plan, [], 'the page writes no access file');
  assert.deepEqual(s.sent, ['projects.users.create']);
  assert.deepEqual([...s.touched[0].users], ['u-grace']);
  // Removal; a refusal (the last owner) shows no preview.
  s.org.nextPlan = { operations: [], blocked: [{ subject: 'project billing-bot', reason: 'the plan would leave the project with no owner' }], unmanaged: [], refused: 'noProjectOwnerLeft' };
  const refused = await s.actions.removeProjectMembers({ project: 'proj_bot', people: ['u-ada'] });
  assert.deepEqual(refused, { status: 'refused', reason: 'the plan would leave the project with no owner' });
  assert.deepEqual(s.org.calls.planProjectMembership[1], { project: 'proj_bot', remove: ['u-ada'] });
  assert.equal(s.previews.length, 1);
});

test("a project member's own roles: given and taken back through planProjectMembership, previewed, applied", async () => {
  const org = fakeOrg();
  org.holdersOfProject = (p) => (p === 'proj_bot' ? { project: { id: 'proj_bot', name: 'billing-bot', archived: false }, members: [] } : null);
  const s = await setup({ org });
  s.org.nextPlan = { operations: [op('projects.users.roles.create', { project_id: 'proj_bot', user_id: 'u-grace' }, { role_id: 'role_inv' })], blocked: [], unmanaged: [] };
  const r = await s.actions.changeProjectMemberRoles({ project: 'proj_bot', user: 'u-grace', addRoles: ['role_inv'], opener: 'button' });
  assert.deepEqual(r, { status: 'applied' });
  assert.equal(s.previews[0].title, 'Change the project roles of Grace Hopper in billing-bot');
  assert.deepEqual(s.org.calls.planProjectMembership, [{ project: 'proj_bot', addRoles: [{ user: 'u-grace', role: 'role_inv' }], removeRoles: [] }]);
  assert.deepEqual(s.sent, ['projects.users.roles.create']);
  assert.deepEqual([...s.touched[0].users], ['u-grace']);
  await s.actions.changeProjectMemberRoles({ project: 'proj_bot', user: 'grace@example.com', removeRoles: ['Invoice Reader'] });
  assert.deepEqual(s.org.calls.planProjectMembership[1], { project: 'proj_bot', addRoles: [], removeRoles: [{ user: 'grace@example.com', role: 'Invoice Reader' }] });
});
