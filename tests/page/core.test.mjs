// The page's calls of the real access core of pkg/ (built by `scripts/build-pkg.sh`): the
// Organization's planMembership and planPerson as actions.js calls them, the group-role file
// org-api.js writes, the member filter's folding, and the model after applied outcomes, with the
// core's rules (SCIM, the last owner, unknown people, what is already so) and wording.
import test from 'node:test';
import assert from 'node:assert/strict';
import { emptyOrganization, foldName } from '../../pkg/dist/access/node.js';
import { planGroupRoles } from '../../www/js/org-api.js';
import { touchedBy } from '../../www/js/store.js';
import { filterMembers } from '../../www/js/access-text.js';

const user = (id, name, role, scim = false) => ({ object: 'organization.user', id, name, email: `${name.toLowerCase()}@example.com`, role, is_scim_managed: scim, added_at: 1 });
const role = (id, name, predefined = false) => ({ object: 'role', id, name, description: null, permissions: ['api.users.read'], predefined_role: predefined });

/** Ada (the only owner), Grace, Eve (SCIM); Engineering (Ada, with Auditor), Directory (SCIM, Eve); Grace holds Auditor directly. */
async function organization() {
  const org = await emptyOrganization();
  const m = org.model;
  m.addUsers([user('u-ada', 'Ada', 'owner'), user('u-grace', 'Grace', 'reader'), user('u-eve', 'Eve', 'reader', true)]);
  m.addGroups([
    { object: 'group', id: 'g-eng', name: 'Engineering', created_at: 1, is_scim_managed: false },
    { object: 'group', id: 'g-dir', name: 'Directory', created_at: 1, is_scim_managed: true },
  ]);
  m.addRoles([role('r-aud', 'Auditor'), role('r-own', 'Owner', true)]);
  m.setGroupMembers('g-eng', [{ id: 'u-ada', name: 'Ada', email: 'ada@example.com' }]);
  m.setGroupMembers('g-dir', [{ id: 'u-eve', name: 'Eve', email: 'eve@example.com' }]);
  m.setGroupRoles('g-eng', [role('r-aud', 'Auditor')]);
  m.setGroupRoles('g-dir', []);
  m.setUserRoles('u-ada', [{ ...role('r-aud', 'Auditor'), assignment_sources: [{ principal_type: 'group', principal_id: 'g-eng' }] }]);
  m.setUserRoles('u-grace', [{ ...role('r-aud', 'Auditor'), assignment_sources: [{ principal_type: 'user', principal_id: 'u-grace' }] }]);
  m.setUserRoles('u-eve', []);
  return org;
}
const lines = (plan) => plan.operations.map((o) => `${o.change} ${o.summary}`);

test('a membership edit: the core plans the adds and removals, blocks an unknown person, and says nothing for what is already so', async () => {
  const org = await organization();
  const plan = org.planMembership({ group: 'g-eng', add: ['GRACE@example.com', 'u-ada'], remove: [] });
  assert.deepEqual(lines(plan), ['+ add grace@example.com to Engineering']);
  assert.deepEqual(plan.unmanaged, []);
  assert.deepEqual(lines(org.planMembership({ group: 'Engineering', remove: ['u-ada'] })), ['- remove ada@example.com from Engineering']);
  const scim = org.planMembership({ group: 'g-dir', add: ['u-grace'] });
  assert.deepEqual(scim.operations, []);
  assert.match(scim.blocked[0].reason, /SCIM/);
  org.free();
});

test("a person's change: organization role, groups and direct roles, in the core's words; the last owner refused as a whole", async () => {
  const org = await organization();
  const plan = org.planPerson({ user: 'u-grace', organizationRole: 'owner', addGroups: ['g-eng'], removeRoles: ['r-aud'] });
  assert.deepEqual(lines(plan).sort(), [
    '+ add grace@example.com to Engineering',
    '- unassign role Auditor from grace@example.com',
    '~ change the organization role of grace@example.com from reader to owner',
  ]);
  assert.deepEqual(lines(org.planPerson({ user: 'u-ada', addRoles: ['Auditor'] })), ['+ assign role Auditor to ada@example.com']);
  const refused = org.planPerson({ user: 'ada@example.com', organizationRole: 'reader' });
  assert.deepEqual([refused.refused, refused.operations], ['noOwnerLeft', []]);
  assert.match(refused.blocked[0].reason, /no owner/);
  assert.throws(() => org.planMembership({ group: 'g-eng', add: ['ghost'] }), /add\[0\]/, 'an unknown person is an error naming the argument');
  const scim = org.planPerson({ user: 'u-eve', organizationRole: 'owner' });
  assert.deepEqual(scim.operations, []);
  assert.match(scim.blocked[0].reason, /SCIM/);
  org.free();
});

test("a group's roles, and the outcomes applied to the model: the core's answers follow", async () => {
  const org = await organization();
  const plan = planGroupRoles(org, { group: 'g-eng', removeRoles: ['r-aud'] });
  assert.deepEqual(lines(plan), ['- unassign role Auditor from group Engineering']);
  assert.deepEqual(org.assignmentOf({ user: 'u-ada' }, 'r-aud'), { direct: false, via: [{ kind: 'group', id: 'g-eng', name: 'Engineering' }] });
  const outcomes = plan.operations.map(() => ({ status: 'done', result: null }));
  org.applyOutcomes(plan, outcomes);
  assert.deepEqual([...touchedBy(plan, outcomes).groups], ['g-eng']);
  assert.deepEqual(org.assignmentOf({ group: 'g-eng' }, 'r-aud'), { direct: false, via: [] });
  assert.deepEqual(org.group('g-eng').roles, []);
  assert.deepEqual(org.assignmentOf({ user: 'u-grace' }, 'r-aud'), { direct: true, via: [] });
  // Ada held Auditor only through Engineering (the API's sources said so): no longer, without a reload.
  assert.deepEqual(org.assignmentOf({ user: 'u-ada' }, 'r-aud'), { direct: false, via: [] });
  assert.deepEqual(org.accessOf('u-ada').roles, []);
  assert.equal(org.user('EVE@example.com')?.id, 'u-eve');
  org.free();
});

test("the member filter compares with the core's folding (case and accents)", async () => {
  const org = await emptyOrganization();
  const members = [{ id: '1', name: 'Ève Curie', email: 'eve@example.com' }, { id: '2', name: 'Ada', email: 'ada@example.com' }];
  assert.deepEqual(filterMembers(org, members, ' ÈVE cu').map((m) => m.id), ['1']);
  assert.deepEqual(filterMembers(org, members, 'ADA@').map((m) => m.id), ['2']);
  // The Groups filter's folding without an organization is the same folding.
  assert.equal(foldName('Ève ÇURIE'), org.fold('Ève ÇURIE'));
  assert.equal(foldName('Ève ÇURIE'), 'eve curie');
  org.free();
});
