// A small organization with the answers of the access module's Organization (accessOf, group,
// holdersOf, users, user, stats, search, fold, assignmentOf, buildIndex, plan, planCsv,
// planMembership, planPerson, planProjectMembership, applyOutcomes), for the page's Node tests of what the page does
// with the answers (core.test.mjs runs the real core). Its planning calls record what they are
// given and answer what `nextPlan` holds.
export const users = [
  { id: 'u-ada', name: 'Ada Lovelace', email: 'ada@example.com', organizationRole: 'owner', scim: false },
  { id: 'u-grace', name: 'Grace Hopper', email: 'grace@example.com', organizationRole: 'reader', scim: false },
  { id: 'u-svc', name: 'Build bot', email: null, organizationRole: 'reader', scim: false },
  { id: 'u-eve', name: 'Ève Curie', email: 'eve@example.com', organizationRole: 'reader', scim: true },
];
const roles = {
  'r-aud': { id: 'r-aud', name: 'Auditor', description: null, permissions: ['api.users.read'], predefined: false },
  // Two roles with one name: a file names them by id.
  'r-b1': { id: 'r-b1', name: 'Billing', description: null, permissions: [], predefined: true },
  'r-b2': { id: 'r-b2', name: 'Billing', description: null, permissions: [], predefined: false },
};
const groups = {
  'g-eng': { group: { id: 'g-eng', name: 'Engineering' }, members: ['u-ada', 'u-svc'], roles: ['r-aud'], scim: false },
  'g-ops': { group: { id: 'g-ops', name: 'Ops' }, members: [], roles: [], scim: true },
};
const ref = ({ id, name, email }) => ({ id, name, email });

export function fakeOrg({ core = {} } = {}) {
  const calls = { plan: [], planCsv: [], planMembership: [], planPerson: [], planProjectMembership: [], applyOutcomes: [], freed: 0, search: [], buildIndex: 0 };
  const find = (r) => users.find((x) => x.id === r || x.email === r.toLowerCase());
  const direct = { 'u-grace': ['r-aud'] };
  const org = {
    calls,
    complete: true,
    nextPlan: { operations: [], blocked: [], unmanaged: [{ kind: 'user', name: 'x', id: 'x' }] },
    user(r) {
      // Like the core: an id, or an email in any case.
      const u = find(r);
      return u ? ref(u) : null;
    },
    accessOf(r) {
      const u = find(r);
      if (!u) return null;
      const inGroups = Object.values(groups).filter((g) => g.members.includes(u.id));
      const held = new Map();
      for (const id of direct[u.id] ?? []) held.set(id, [{ kind: 'direct' }]);
      for (const g of inGroups) for (const id of g.roles) held.set(id, [...(held.get(id) ?? []), { kind: 'group', group: g.group }]);
      return {
        user: ref(u),
        organizationRole: u.organizationRole,
        scim: u.scim,
        groups: inGroups.map((g) => g.group),
        roles: [...held].map(([id, sources]) => ({ role: roles[id], sources })),
        permissions: [],
      };
    },
    group(r) {
      const g = groups[r] ?? Object.values(groups).find((x) => x.group.name === r);
      if (!g) return null;
      return { group: g.group, members: g.members.map((id) => ref(users.find((u) => u.id === id))), roles: g.roles.map((id) => roles[id]), scim: g.scim };
    },
    holdersOf(r) {
      const role = roles[r] ?? Object.values(roles).find((x) => x.name === r);
      return role ? { role, holders: [], groups: [] } : null;
    },
    users: () => users.map((u) => ({ ...u })),
    stats: () => ({ membersPerGroup: Object.values(groups).map((g) => ({ group: g.group, members: g.members.length })), holdersPerRole: Object.values(roles).map((r) => ({ role: { id: r.id, name: r.name }, holders: 1 })) }),
    search(text, limit) {
      calls.search.push([text, limit]);
      return [];
    },
    fold: (text) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
    buildIndex() {
      calls.buildIndex += 1;
    },
    assignmentOf(who, roleId) {
      calls.assignmentOf = [...(calls.assignmentOf ?? []), [who, roleId]];
      return { direct: true, via: [] };
    },
    planMembership(edit) {
      calls.planMembership.push(edit);
      return org.nextPlan;
    },
    planProjectMembership(edit) {
      calls.planProjectMembership.push(edit);
      return org.nextPlan;
    },
    planPerson(edit) {
      calls.planPerson.push(edit);
      return org.nextPlan;
    },
    plan(file) {
      calls.plan.push(file.startsWith('{') ? JSON.parse(file) : file);
      return org.nextPlan;
    },
    planCsv(csv) {
      calls.planCsv.push(csv);
      return org.nextPlan;
    },
    applyOutcomes(plan, outcomes) {
      calls.applyOutcomes.push([plan, outcomes]);
    },
    free() {
      calls.freed += 1;
    },
    ...core,
  };
  return org;
}

/** An operation as the planner writes one. */
export const op = (operation, ids, body = null, change = '+') => ({ operation, ids, body, summary: `${operation} ${JSON.stringify(ids)}`, change, dependsOn: [] });
