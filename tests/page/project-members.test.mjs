// A project's members planned by the page (www/js/org-api.js `planProjectMembers`): the small
// access file it writes, its early errors naming the argument, and the real core of pkg/ planning
// it (adds, a role change, removals, the owner floor, an unknown person, an archived project).
import test from 'node:test';
import assert from 'node:assert/strict';
import { emptyOrganization } from '../../pkg/dist/access/node.js';
import { planProjectMembers } from '../../www/js/org-api.js';

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
  m.setProjectRoles('proj_bot', []);
  return org;
}
const lines = (plan) => plan.operations.map((o) => `${o.change} ${o.operation} ${o.body ? JSON.stringify(o.body) : ''}`.trim());

test('the file names the project by id with its whole member list: adds with the role, removals left out', () => {
  const files = [];
  const fake = {
    holdersOfProject: (p) => (p === 'billing-bot' || p === 'proj_bot' ? { project: { id: 'proj_bot', name: 'billing-bot', archived: false }, members: [{ user: { id: 'u-grace', email: 'grace@example.com' }, role: 'owner' }, { user: { id: 'u-linus', email: 'linus@example.com' }, role: 'member' }] } : null),
    user: (r) => ({ 'u-ada': { id: 'u-ada', email: 'ada@example.com' }, 'LINUS@example.com': { id: 'u-linus', email: 'linus@example.com' } })[r] ?? null,
    plan: (text) => (files.push(JSON.parse(text)), { operations: [], blocked: [], unmanaged: [{ kind: 'project', name: 'x', id: 'x' }] }),
  };
  const plan = planProjectMembers(fake, { project: 'billing-bot', add: ['u-ada', 'new@example.com'], role: 'member', remove: ['LINUS@example.com'] });
  assert.deepEqual(files, [{ projects: { 'billing-bot': { id: 'proj_bot', members: { 'grace@example.com': 'owner', 'ada@example.com': 'member', 'new@example.com': 'member' } } } }]);
  assert.deepEqual(plan.unmanaged, [], 'what the small file does not name is not listed');
});

test('bad arguments are refused early, naming the argument, and nothing is planned', async () => {
  const org = await organization();
  assert.throws(() => planProjectMembers(org, { project: '' }), /^TypeError: project: expected a non-empty string/);
  assert.throws(() => planProjectMembers(org, { project: 'billing-bot', add: 'ada@example.com', role: 'member' }), /^TypeError: add: expected a list/);
  assert.throws(() => planProjectMembers(org, { project: 'billing-bot', add: ['ada@example.com'], role: 'admin' }), /^TypeError: role: expected "owner" or "member", got "admin"/);
  assert.throws(() => planProjectMembers(org, { project: 'billing-bot', remove: [1] }), /^TypeError: remove: expected a list/);
  assert.throws(() => planProjectMembers(org, { project: 'nope' }), /^RangeError: project: no project "nope"/);
});

test('the real core plans the adds, a role change and a removal, and nothing for what is already so', async () => {
  const org = await organization();
  const plan = planProjectMembers(org, { project: 'billing-bot', add: ['ada@example.com', 'grace@example.com'], role: 'owner', remove: ['u-linus'] });
  assert.equal(plan.refused ?? null, null);
  assert.deepEqual(lines(plan).sort(), ['+ projects.users.create {"role":"owner","user_id":"u-ada"}', '- projects.users.delete'].sort());
  assert.deepEqual(plan.operations.find((o) => o.change === '-').ids, { project_id: 'proj_bot', user_id: 'u-linus' });
  assert.deepEqual(lines(planProjectMembers(org, { project: 'proj_bot', add: ['linus@example.com'], role: 'member' })), [], 'already a member: nothing to do');
  const promote = planProjectMembers(org, { project: 'proj_bot', add: ['u-linus'], role: 'owner' });
  assert.deepEqual(lines(promote), ['~ projects.users.update {"role":"owner"}']);
});

test("the core's rules: the last owner cannot be removed, an unknown email and an archived project are blocked", async () => {
  const org = await organization();
  const lastOwner = planProjectMembers(org, { project: 'billing-bot', remove: ['grace@example.com'] });
  assert.equal(lastOwner.refused, 'noProjectOwnerLeft');
  assert.deepEqual(lastOwner.operations, []);
  const unknown = planProjectMembers(org, { project: 'billing-bot', add: ['nobody@example.com'], role: 'member' });
  assert.deepEqual(unknown.operations, []);
  assert.match(unknown.blocked.map((b) => `${b.subject}: ${b.reason}`).join('\n'), /nobody@example\.com/);
  const archived = planProjectMembers(org, { project: 'Legacy', add: ['ada@example.com'], role: 'member' });
  assert.deepEqual(archived.operations, []);
  assert.match(archived.blocked.map((b) => `${b.subject}: ${b.reason}`).join('\n'), /archived/);
});
