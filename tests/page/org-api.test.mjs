// The page's adapter to the access core's planner calls (www/js/org-api.js): the core's own call
// when the Organization has it, else a small access file planned by the core's `plan`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { assignmentOf, buildIndex, findUser, fold, planGroupRoles, planMembership, planPerson, refusal } from '../../www/js/org-api.js';
import { fakeOrg } from './fake-org.mjs';

test('planMembership without the core call: the group by id with its whole member list, edited, people by email (else id)', () => {
  const org = fakeOrg();
  const plan = planMembership(org, { group: 'Engineering', add: ['grace@example.com', 'u-grace', 'nobody@example.com'], remove: ['u-svc'] });
  assert.deepEqual(org.calls.plan, [{ groups: { Engineering: { id: 'g-eng', members: ['ada@example.com', 'grace@example.com', 'nobody@example.com'] } } }]);
  assert.deepEqual(plan.unmanaged, [], 'what the small file does not name is not listed');
  // An email-less member is named by id and kept when not removed.
  planMembership(org, { group: 'g-eng', add: [], remove: ['ada@example.com'] });
  assert.deepEqual(org.calls.plan[1].groups.Engineering.members, ['u-svc']);
});

test('planMembership and planPerson use the core call when the Organization has it', () => {
  const got = [];
  const answer = { operations: [], blocked: [], unmanaged: [] };
  const org = fakeOrg({ core: { planMembership: (a) => (got.push(['m', a]), answer), planPerson: (a) => (got.push(['p', a]), answer) } });
  assert.equal(planMembership(org, { group: 'g-eng', add: ['a@x'] }), answer);
  assert.equal(planPerson(org, { user: 'u-ada', addRoles: ['r-aud'] }), answer);
  assert.deepEqual(got, [
    ['m', { group: 'g-eng', add: ['a@x'], remove: [] }],
    ['p', { user: 'u-ada', organizationRole: undefined, addGroups: [], removeGroups: [], addRoles: ['r-aud'], removeRoles: [] }],
  ]);
  assert.deepEqual(org.calls.plan, [], 'no access file is written');
});

test('planPerson without the core call: the organization role, direct roles by name (by id when two share it), and each group joined or left', () => {
  const org = fakeOrg();
  planPerson(org, { user: 'grace@example.com', organizationRole: 'owner', addRoles: ['r-b2'], removeRoles: ['Auditor'], addGroups: ['Engineering'] });
  assert.deepEqual(org.calls.plan[0], {
    users: { 'grace@example.com': { role: 'owner', roles: ['r-b2'] } },
    groups: { Engineering: { id: 'g-eng', members: ['ada@example.com', 'u-svc', 'grace@example.com'] } },
  });
  planPerson(org, { user: 'u-ada', removeGroups: ['g-eng'] });
  assert.deepEqual(org.calls.plan[1], { groups: { Engineering: { id: 'g-eng', members: ['u-svc'] } } }, 'no users section when the person is unchanged');
  planPerson(org, { user: 'u-grace', removeRoles: ['r-aud'] });
  assert.deepEqual(org.calls.plan[2], { users: { 'grace@example.com': { roles: [] } } });
  planPerson(org, { user: 'u-grace', addRoles: ['r-b1'] });
  assert.deepEqual(org.calls.plan[3], { users: { 'grace@example.com': { roles: ['Auditor', 'r-b1'] } } });
});

test('bad arguments are refused early, naming the argument', () => {
  const org = fakeOrg();
  assert.throws(() => planMembership(org, { group: '' }), /^TypeError: group: expected a non-empty string/);
  assert.throws(() => planMembership(org, { group: 'g-eng', add: 'ada' }), /^TypeError: add: expected a list/);
  assert.throws(() => planMembership(org, { group: 'nope' }), /^RangeError: group: no group "nope"/);
  assert.throws(() => planPerson(org, { user: 'u-ada', organizationRole: '' }), /organizationRole: expected a non-empty string/);
  assert.throws(() => planPerson(org, { user: 'ghost' }), /^RangeError: user: no user "ghost"/);
  assert.throws(() => planPerson(org, { user: 'u-ada', removeRoles: [1] }), /removeRoles: expected a list/);
  assert.throws(() => assignmentOf(org, {}, 'r-aud'), /assignmentOf: expected \{ user \} or \{ group \}/);
  assert.deepEqual(org.calls.plan, []);
});

test('planGroupRoles: the group by id with its whole role list, roles by name', () => {
  const org = fakeOrg();
  planGroupRoles(org, { group: 'Ops', addRoles: ['r-aud'] });
  planGroupRoles(org, { group: 'g-eng', removeRoles: ['Auditor'] });
  assert.deepEqual(org.calls.plan, [{ groups: { Ops: { id: 'g-ops', roles: ['Auditor'] } } }, { groups: { Engineering: { id: 'g-eng', roles: [] } } }]);
});

test('assignmentOf without the core call: direct, and through which groups', () => {
  const org = fakeOrg();
  assert.deepEqual(assignmentOf(org, { user: 'u-grace' }, 'r-aud'), { direct: true, via: [] });
  assert.deepEqual(assignmentOf(org, { user: 'u-ada' }, 'r-aud'), { direct: false, via: [{ kind: 'group', id: 'g-eng', name: 'Engineering' }] });
  assert.equal(assignmentOf(org, { user: 'u-eve' }, 'r-aud'), null);
  assert.deepEqual(assignmentOf(org, { group: 'g-eng' }, 'r-aud'), { direct: true, via: [] });
  assert.equal(assignmentOf(org, { group: 'g-ops' }, 'r-aud'), null);
  const core = fakeOrg({ core: { assignmentOf: (who, role) => ({ direct: false, via: [], who, role }) } });
  assert.deepEqual(assignmentOf(core, { user: 'u-ada' }, 'r-x'), { direct: false, via: [], who: { user: 'u-ada' }, role: 'r-x' });
});

test('fold, findUser and buildIndex: the core when it has them, else the fallbacks', () => {
  const org = fakeOrg();
  assert.equal(fold(org, 'Ève ÇURIE'), 'eve curie');
  assert.equal(fold(null, 'Zoë'), 'zoe', 'no organization yet: the fallback');
  assert.deepEqual(findUser(org, 'grace@example.com'), { id: 'u-grace', name: 'Grace Hopper', email: 'grace@example.com' });
  assert.equal(findUser(org, 'nobody'), null);
  buildIndex(org);
  assert.deepEqual(org.calls.search, [['', 1]]);
  const built = [];
  const core = fakeOrg({ core: { fold: (t) => `folded:${t}`, user: (r) => ({ id: r }), buildIndex: () => built.push(1) } });
  assert.equal(fold(core, 'A'), 'folded:A');
  assert.deepEqual(findUser(core, 'x'), { id: 'x' });
  buildIndex(core);
  assert.deepEqual([built, core.calls.search], [[1], []]);
});

test('refusal: only a plan with no operations whose blocked entry is the organization', () => {
  const refused = { subject: 'organization', reason: 'the plan would leave the organization with no owner' };
  assert.equal(refusal({ operations: [], blocked: [refused], unmanaged: [] }), refused);
  assert.equal(refusal({ operations: [], blocked: [{ subject: 'group Ops', reason: 'SCIM' }], unmanaged: [] }), null);
  assert.equal(refusal({ operations: [{}], blocked: [refused], unmanaged: [] }), null);
});
