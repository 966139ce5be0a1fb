// A project's members planned by the access core's one call, `planProjectMembership`, as the page
// calls it (actions.js), on the real core of pkg/: adds with a project role, a role change,
// removals, a member's own project roles given and taken back, the owner floor, an archived
// project, a role only for a member, and bad arguments refused early, naming the argument.
import test from 'node:test';
import assert from 'node:assert/strict';
import { emptyOrganization } from '../../pkg/dist/access/node.js';

const user = (id, name, role = 'reader') => ({ object: 'organization.user', id, name, email: `${name.toLowerCase()}@example.com`, role, is_scim_managed: false, added_at: 1 });
const project = (id, name, status = 'active') => ({ object: 'organization.project', id, name, created_at: 1, archived_at: status === 'archived' ? 2 : null, status });
const member = (id, name, role) => ({ object: 'organization.project.user', id, name, email: `${name.toLowerCase()}@example.com`, role, added_at: 1 });

/** Ada, Grace, Linus; billing-bot (Grace owner, Linus member), Legacy (archived). */
async function organization() {
  const org = await emptyOrganization();
  const m = org.model;
  m.addUsers([user('u-ada', 'Ada', 'owner'), user('u-grace', 'Grace'), user('u-linus', 'Linus')]);
  m.addGroups([]);
  m.addRoles([]);
  for (const id of ['u-ada', 'u-grace', 'u-linus']) m.setUserRoles(id, []);
  m.addProjects([project('proj_bot', 'billing-bot'), project('proj_old', 'Legacy', 'archived')]);
  m.setProjectMembers('proj_bot', [member('u-grace', 'Grace', 'owner'), member('u-linus', 'Linus', 'member')]);
  m.setProjectGroups('proj_bot', []);
  m.setProjectRoles('proj_bot', [{ object: 'role', id: 'role_inv', name: 'Invoice Reader', permissions: ['api.billing.read'], predefined_role: false, resource_type: 'api.project' }]);
  // Grace's and Linus's own project roles are read: Linus holds Invoice Reader directly.
  m.setProjectUserRoles('proj_bot', 'u-grace', []);
  m.setProjectUserRoles('proj_bot', 'u-linus', [{ id: 'role_inv', name: 'Invoice Reader', assignment_sources: [{ principal_type: 'user', principal_id: 'u-linus' }] }]);
  return org;
}
const lines = (plan) => plan.operations.map((o) => `${o.change} ${o.operation} ${o.body ? JSON.stringify(o.body) : ''}`.trim());
const blocked = (plan) => plan.blocked.map((b) => `${b.subject}: ${b.reason}`).join('\n');

test('bad arguments are refused early, naming the argument, and nothing is planned', async () => {
  const org = await organization();
  assert.throws(() => org.planProjectMembership({ project: 'nope' }), /^Error: project: no project `nope` in the organization/);
  assert.throws(() => org.planProjectMembership({ project: 'billing-bot', add: 'ada@example.com' }), /^Error: the project membership edit: .*add/);
  assert.throws(() => org.planProjectMembership({ project: 'billing-bot', add: [{ user: 'ada@example.com', role: 'admin' }] }), /^Error: add\[0\]\.role: expected `owner` or `member`, not `admin`/);
  assert.throws(() => org.planProjectMembership({ project: 'billing-bot', add: [{ user: 'nobody@example.com', role: 'member' }] }), /^Error: add\[0\]\.user: no user `nobody@example\.com`/);
  assert.throws(() => org.planProjectMembership({ project: 'billing-bot', remove: ['u-ada'], add: [{ user: 'ada@example.com', role: 'member' }] }), /^Error: remove\[0\]: `u-ada` is also in `add`/);
  assert.throws(() => org.planProjectMembership({ project: 'billing-bot', addRoles: [{ user: 'u-grace', role: 'Nope' }] }), /^Error: addRoles\[0\]\.role: no role `Nope` in project billing-bot/);
  assert.throws(() => org.planProjectMembership({ project: 'billing-bot', members: [] }), /members/);
});

test('the real core plans the adds, a role change and a removal, and nothing for what is already so', async () => {
  const org = await organization();
  const plan = org.planProjectMembership({ project: 'billing-bot', add: [{ user: 'ada@example.com', role: 'owner' }, { user: 'grace@example.com', role: 'owner' }], remove: ['u-linus'] });
  assert.equal(plan.refused ?? null, null);
  assert.deepEqual(plan.unmanaged, [], 'nothing else of the organization is listed');
  assert.deepEqual(lines(plan).sort(), ['+ projects.users.create {"role":"owner","user_id":"u-ada"}', '- projects.users.delete'].sort());
  assert.deepEqual(plan.operations.find((o) => o.change === '-').ids, { project_id: 'proj_bot', user_id: 'u-linus' });
  assert.deepEqual(lines(org.planProjectMembership({ project: 'proj_bot', add: [{ user: 'linus@example.com', role: 'member' }] })), [], 'already a member: nothing to do');
  const promote = org.planProjectMembership({ project: 'proj_bot', add: [{ user: 'u-linus', role: 'owner' }] });
  assert.deepEqual(lines(promote), ['~ projects.users.update {"role":"owner"}']);
  assert.deepEqual(promote.operations.map((o) => o.summary), ['change the project role of linus@example.com in project billing-bot from member to owner']);
});

test("a member's own project roles: given, taken back, and what is already so plans nothing", async () => {
  const org = await organization();
  const plan = org.planProjectMembership({ project: 'billing-bot', addRoles: [{ user: 'grace@example.com', role: 'Invoice Reader' }], removeRoles: [{ user: 'u-linus', role: 'role_inv' }] });
  assert.deepEqual(plan.blocked, []);
  assert.deepEqual(plan.operations.map((o) => o.summary), [
    'assign project role Invoice Reader to grace@example.com in project billing-bot',
    'unassign project role Invoice Reader from linus@example.com in project billing-bot',
  ]);
  assert.deepEqual(plan.operations[0].ids, { project_id: 'proj_bot', user_id: 'u-grace' });
  assert.deepEqual(plan.operations[0].body, { role_id: 'role_inv' });
  assert.deepEqual(org.planProjectMembership({ project: 'billing-bot', addRoles: [{ user: 'u-linus', role: 'Invoice Reader' }] }).operations, []);
  // Applied in memory, the same edit then plans nothing.
  org.applyOutcomes(plan);
  assert.deepEqual(org.planProjectMembership({ project: 'billing-bot', addRoles: [{ user: 'grace@example.com', role: 'Invoice Reader' }] }).operations, []);
});

test("the core's rules: the last owner cannot be removed, an archived project and a role for a non-member are blocked", async () => {
  const org = await organization();
  const lastOwner = org.planProjectMembership({ project: 'billing-bot', remove: ['grace@example.com'] });
  assert.equal(lastOwner.refused, 'noProjectOwnerLeft');
  assert.deepEqual(lastOwner.operations, []);
  const archived = org.planProjectMembership({ project: 'Legacy', add: [{ user: 'ada@example.com', role: 'member' }] });
  assert.deepEqual(archived.operations, []);
  assert.match(blocked(archived), /archived/);
  const stranger = org.planProjectMembership({ project: 'billing-bot', addRoles: [{ user: 'ada@example.com', role: 'Invoice Reader' }] });
  assert.deepEqual(stranger.operations, []);
  assert.match(blocked(stranger), /ada@example\.com.*not a member of project billing-bot/);
});
