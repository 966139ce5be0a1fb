// The access core's calls as the page and the command line make them, through the package's
// `Organization` (no API, no mock: an organization filled by hand): a membership edit and a
// person's change planned by the planner (its wording, the last-owner floor, the SCIM rules, a
// bad reference named), `assignmentOf`, the one name folding and user lookup, search hits' facts
// worded in TypeScript, `buildIndex`, and `{ from }` resolved by the core for `retryPlan`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyOrganization, retryPlan } from '../../pkg/dist/access/node.js';

async function org() {
  const o = await emptyOrganization();
  o.model.addUsers([
    { id: 'u1', name: 'Zoë Ærø', email: 'zoe@example.com', role: 'owner' },
    { id: 'u2', name: 'Bob', email: 'bob@example.com', role: 'reader' },
    { id: 'u3', name: 'Cy', email: 'cy@example.com', role: 'reader', is_scim_managed: true },
  ]);
  o.model.addGroups([
    { id: 'g2', name: 'Ops' },
    { id: 'g1', name: 'Idp', is_scim_managed: true },
  ]);
  o.model.addRoles([
    { id: 'r1', name: 'Auditor', permissions: ['api.groups.read'] },
    { id: 'r2', name: 'Writer', permissions: [] },
  ]);
  o.model.setGroupMembers('g2', [{ id: 'u1' }]);
  o.model.setGroupMembers('g1', [{ id: 'u2' }]);
  o.model.setGroupRoles('g2', [{ id: 'r2', name: 'Writer' }]);
  o.model.setUserRoles('u1', [{ id: 'r1', name: 'Auditor', assignment_sources: null }]);
  return o;
}

test('planMembership: the planner plans it, says it in its words, blocks a SCIM group, names a bad argument', async () => {
  const o = await org();
  const plan = o.planMembership({ group: 'Ops', add: ['BOB@example.com'], remove: ['u1'] });
  assert.deepEqual(
    plan.operations.map((op) => [op.change, op.operation, op.summary]),
    [
      ['+', 'groups.users.create', 'add bob@example.com to Ops'],
      ['-', 'groups.users.delete', 'remove zoe@example.com from Ops'],
    ],
  );
  assert.equal(plan.refused, null);
  const scim = o.planMembership({ group: 'g1', add: ['zoe@example.com'] });
  assert.deepEqual(scim.operations, []);
  assert.match(scim.blocked[0].reason, /^SCIM-managed/);
  assert.throws(() => o.planMembership({ group: 'Ops', add: ['nobody@example.com'] }), /^Error: add\[0\]: no user `nobody@example.com`/);
  assert.throws(() => o.planMembership({ group: 'Ops', members: [] }), /unknown field `members`/);
  o.free();
});

test('planPerson: the last owner is kept, a SCIM user keeps the organization role, joins another group', async () => {
  const o = await org();
  const refused = o.planPerson({ user: 'zoe@example.com', organizationRole: 'reader' });
  assert.equal(refused.refused, 'noOwnerLeft');
  assert.deepEqual(refused.operations, []);
  const scim = o.planPerson({ user: 'u3', organizationRole: 'owner', addGroups: ['Ops'], addRoles: ['Auditor'] });
  assert.deepEqual(scim.operations.map((op) => op.summary), ['add cy@example.com to Ops', 'assign role Auditor to cy@example.com']);
  assert.match(scim.blocked[0].reason, /^SCIM-managed user/);
  const inherited = o.planPerson({ user: 'u1', removeRoles: ['Writer'] });
  assert.deepEqual(inherited.blocked, [{ subject: 'role Writer of user zoe@example.com', reason: 'not assigned directly: held through group Ops (change it in the group)' }]);
  o.free();
});

test('assignmentOf, fold, user: one answer each', async () => {
  const o = await org();
  assert.deepEqual(o.assignmentOf({ user: 'zoe@example.com' }, 'r2'), { direct: false, via: [{ kind: 'group', id: 'g2', name: 'Ops' }] });
  assert.deepEqual(o.assignmentOf({ user: 'u1' }, 'Auditor'), { direct: true, via: [] });
  assert.deepEqual(o.assignmentOf({ group: 'Ops' }, 'r2'), { direct: true, via: [] });
  assert.throws(() => o.assignmentOf({}, 'r1'), /^Error: subject:/);
  assert.equal(o.fold('Zoë ÆRØ Straße'), 'zoe aro strase');
  assert.equal(o.user('ZOE@example.com')?.id, 'u1');
  assert.equal(o.user('u2')?.email, 'bob@example.com');
  assert.equal(o.user('nobody'), null);
  o.free();
});

test('search hits carry facts, worded in TypeScript; buildIndex warms the keys', async () => {
  const o = await org();
  o.buildIndex();
  const [group] = o.search('ops', 1);
  assert.deepEqual(group, { id: 'g2', label: 'Ops', score: 4, kind: 'group', memberCount: 1, scim: false, detail: '1 member' });
  const [idp] = o.search('idp', 1);
  assert.equal(idp.detail, '1 member · SCIM-managed');
  const [role] = o.search('auditor', 1);
  assert.equal(role.detail, 'custom role · 1 permission · 1 holder');
  const [user] = o.search('cy', 1);
  assert.equal(user.detail, 'cy@example.com · reader · SCIM');
  // Folded the same way as `fold`: an accent typed or not finds the same person.
  assert.equal(o.search('zoe', 1)[0].id, 'u1');
  assert.equal(o.search('ZOË', 1)[0].id, 'u1');
  o.free();
});

test('retryPlan resolves { from } through the core: a done create gives its id, a chosen one its new index', () => {
  const plan = {
    operations: [
      { operation: 'groups.create', ids: {}, body: { name: 'N' }, summary: 'create group N', change: '+', dependsOn: [] },
      { operation: 'groups.users.create', ids: { group_id: { from: 0 } }, body: { user_id: 'u1' }, summary: 'add a to N', change: '+', dependsOn: [0] },
      { operation: 'groups.roles.create', ids: { group_id: { from: 0 } }, body: { role_id: 'r1' }, summary: 'assign r1 to N', change: '+', dependsOn: [0] },
    ],
    blocked: [],
    unmanaged: [],
    refused: null,
  };
  const done = [{ status: 'done', result: { id: 'group_9' } }, { status: 'failed', error: new Error('x') }, { status: 'done', result: {} }];
  assert.deepEqual(retryPlan(plan, done, [1]).operations[0].ids, { group_id: 'group_9' });
  const failed = [{ status: 'failed', error: new Error('x') }, { status: 'skipped', reason: 'r' }, { status: 'skipped', reason: 'r' }];
  const both = retryPlan(plan, failed, [0, 2]);
  assert.deepEqual(both.operations[1].ids, { group_id: { from: 0 } });
  assert.throws(() => retryPlan(plan, failed, [1]), /operation 1 \(add a to N\) needs operation 0 \(create group N\)/);
});
