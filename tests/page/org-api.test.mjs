// The page's one planning helper of its own (www/js/org-api.js): a group's roles, written as a
// small access file for the core's `plan` (the core has no call for it).
import test from 'node:test';
import assert from 'node:assert/strict';
import { planGroupRoles } from '../../www/js/org-api.js';
import { fakeOrg } from './fake-org.mjs';

test('planGroupRoles: the group by id with its whole role list edited, roles by name (by id when two share it)', () => {
  const org = fakeOrg();
  const plan = planGroupRoles(org, { group: 'Ops', addRoles: ['r-aud', 'Auditor'] });
  planGroupRoles(org, { group: 'g-eng', removeRoles: ['Auditor'], addRoles: ['r-b1', 'Nope'] });
  assert.deepEqual(org.calls.plan, [
    { groups: { Ops: { id: 'g-ops', roles: ['Auditor'] } } },
    { groups: { Engineering: { id: 'g-eng', roles: ['r-b1', 'Nope'] } } },
  ]);
  assert.deepEqual(plan.unmanaged, [], 'what the small file does not name is not listed');
});

test('planGroupRoles: bad arguments are refused early, naming the argument', () => {
  const org = fakeOrg();
  assert.throws(() => planGroupRoles(org, { group: '' }), /^TypeError: group: expected a non-empty string/);
  assert.throws(() => planGroupRoles(org, { group: 'g-eng', addRoles: 'r-aud' }), /^TypeError: addRoles: expected a list/);
  assert.throws(() => planGroupRoles(org, { group: 'g-eng', removeRoles: [1] }), /^TypeError: removeRoles: expected a list/);
  assert.throws(() => planGroupRoles(org, { group: 'nope' }), /^RangeError: group: no group "nope"/);
  assert.deepEqual(org.calls.plan, []);
});
