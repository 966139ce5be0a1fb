// What the Access section writes (www/js/access-text.js), from answers and progress alone.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as t from '../../www/js/access-text.js';
import { fakeOrg } from './fake-org.mjs';

const progress = (users, groups = { listed: 3, total: null, loaded: 1 }) => ({ done: 40, total: 90, phase: 'members', users, groups, roles: { listed: 9, total: null, loaded: 0 } });

test('counts: singular, plural, thousands', () => {
  assert.equal(t.count(1, 'holder'), '1 holder');
  assert.equal(t.count(2045, 'user'), '2,045 users');
  assert.equal(t.count(0, 'entry', 'entries'), '0 entries');
  assert.equal(t.organizationRoleCounts({ organizationRoles: { reader: 2040, owner: 5 } }), 'owner: 5 · reader: 2,040');
  assert.equal(t.countsLine({ memberships: 1, organizationRoles: { owner: 1 } }), '1 membership · users per organization role: owner: 1');
  assert.equal(t.loadedLine({ users: 1200, groups: 4, roles: 2 }), 'Loaded 1,200 users, 4 groups and 2 roles.');
});

test('progress: users listed before the total is known, then loaded of total; the bar only once it is known', () => {
  const early = progress({ listed: 412, total: null, loaded: 0 });
  assert.equal(t.progressLine(early), '412 users listed so far (the API tells how many there are only at the end of its list) · 3 groups · 9 roles');
  assert.equal(t.progressBar(early), null);
  const later = progress({ listed: 2045, total: 2045, loaded: 412 }, { listed: 212, total: null, loaded: 80 });
  assert.equal(t.progressLine(later), '412 of 2,045 users · 80 of 212 groups · 9 roles');
  assert.deepEqual(t.progressBar(later), { max: 90, value: 40 });
  assert.deepEqual(t.progressBar({ ...later, total: 0, done: 0 }), { max: 1, value: 0 });
  assert.equal(t.searchCoverage(early), 'Still loading: search covers the 412 users, 3 groups and 9 roles read so far.');
  const withProjects = { ...early, projects: { listed: 1, total: null, loaded: 0 } };
  assert.equal(t.searchCoverage(withProjects), 'Still loading: search covers the 412 users, 3 groups, 9 roles and 1 project read so far.');
});

test('a person: permissions by resource, sources in words, held only through groups', () => {
  assert.deepEqual(t.permissionsByResource(['api.roles.write', 'api.roles.read', 'api.groups.users.read', 'billing']), [
    ['roles', ['api.roles.write', 'api.roles.read']],
    ['groups.users', ['api.groups.users.read']],
    ['billing', ['billing']],
  ]);
  const eng = { kind: 'group', group: { id: 'g', name: 'Eng' } };
  assert.equal(t.sourcesText([{ kind: 'direct' }, eng]), 'direct, via Eng');
  assert.equal(t.onlyThroughGroups([eng]), true);
  assert.equal(t.onlyThroughGroups([eng, { kind: 'direct' }]), false);
  assert.equal(t.userName({ id: 'u', name: null, email: null }), 'u');
  assert.equal(t.userName({ id: 'u', name: '', email: 'e@x' }), 'e@x');
});

test('the member filter folds names like search: case and accents', () => {
  const members = [
    { id: '1', name: 'Ève Curie', email: 'eve@example.com' },
    { id: '2', name: 'Ada Lovelace', email: 'ada@example.com' },
    { id: '3', name: null, email: 'svc@example.com' },
  ];
  const org = fakeOrg();
  assert.deepEqual(t.filterMembers(org, members, ' EVE ').map((m) => m.id), ['1']);
  assert.deepEqual(t.filterMembers(org, members, 'curie').map((m) => m.id), ['1']);
  assert.deepEqual(t.filterMembers(org, members, 'svc@').map((m) => m.id), ['3']);
  assert.equal(t.filterMembers(org, members, '  '), members);
  const core = fakeOrg({ core: { fold: (s) => s.toUpperCase() } });
  assert.deepEqual(t.filterMembers(core, members, 'ada').map((m) => m.id), ['2'], "the Organization's folding, whatever it is");
});
