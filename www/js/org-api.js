// The access change the core has no call for: a group's role list. The Organization plans a
// membership edit (`planMembership`), a person's change (`planPerson`) and a project's member
// changes (`planProjectMembership`) itself, and answers `assignmentOf`, `fold`, `user` and
// `buildIndex`: the page calls those directly. A group's roles are planned by the core's
// `plan(file)` from a small access file naming that group (by id, with its whole role list), so
// every rule (SCIM, unknown roles, what is already so) and every summary is still the core's.
// Pure: no DOM, no import of the package (tests run it in Node).

/**
 * How a file names a role (by id or name): by its name, which the core's summaries then show,
 * unless another role has the same name (then by id). A name the organization lacks stays as
 * given (the core blocks it).
 */
function roleNamer(org) {
  const all = org.stats().holdersPerRole.map((r) => r.role);
  const count = new Map();
  for (const r of all) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return (ref) => {
    const role = all.find((r) => r.id === ref) ?? all.find((r) => r.name === ref);
    if (!role) return ref;
    return count.get(role.name) === 1 ? role.name : role.id;
  };
}

function list(name, value) {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) throw new TypeError(`${name}: expected a list of non-empty strings`);
  return value;
}

/** A plan assigning and unassigning roles of `group` (id or name; roles by id or name). */
export function planGroupRoles(org, { group, addRoles, removeRoles } = {}) {
  if (typeof group !== 'string' || group === '') throw new TypeError(`group: expected a non-empty string, got ${JSON.stringify(group)}`);
  const adds = list('addRoles', addRoles);
  const removes = list('removeRoles', removeRoles);
  const g = org.group(group);
  if (!g) throw new RangeError(`group: no group ${JSON.stringify(group)} in the organization`);
  const name = roleNamer(org);
  const roles = g.roles.map((r) => name(r.id)).filter((r) => !removes.map(name).includes(r));
  for (const r of adds.map(name)) if (!roles.includes(r)) roles.push(r);
  const plan = org.plan(JSON.stringify({ groups: { [g.group.name]: { id: g.group.id, roles } } }));
  // The small file leaves everything else out: none of it is "unmanaged" by this change.
  return { ...plan, unmanaged: [] };
}
