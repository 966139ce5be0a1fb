// The access changes the core has no call for: a group's role list, and a project's members. The Organization plans a
// membership edit (`planMembership`) and a person's change (`planPerson`) itself, and answers
// `assignmentOf`, `fold`, `user` and `buildIndex`: the page calls those directly. A group's roles
// are planned by the core's `plan(file)` from a small access file naming that group (by id, with
// its whole role list), so every rule (SCIM, unknown roles, what is already so) and every summary
// is still the core's; a project's members likewise, from a file naming that project (by id, with
// its whole member list, and nothing else of it). Pure: no DOM, no import of the package (tests run it in Node).

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

/** The project roles a member may have (the API's `role` of a project user). */
export const PROJECT_MEMBER_ROLES = ['owner', 'member'];

/**
 * A plan adding people (ids or emails) to `project` (id or name) with `role` (`owner` or
 * `member`; one already a member gets that role) and removing others (ids or emails): the
 * project's whole member list in a small access file for the core's `plan`, so that the owner
 * floor, an archived project, an unknown person and what is already so are the core's answers.
 */
export function planProjectMembers(org, { project, add, role, remove } = {}) {
  if (typeof project !== 'string' || project === '') throw new TypeError(`project: expected a non-empty string, got ${JSON.stringify(project)}`);
  const adds = list('add', add);
  const removes = list('remove', remove);
  if (adds.length && !PROJECT_MEMBER_ROLES.includes(role)) throw new TypeError(`role: expected "owner" or "member", got ${JSON.stringify(role)}`);
  const p = org.holdersOfProject(project);
  if (!p) throw new RangeError(`project: no project ${JSON.stringify(project)} in the organization`);
  const gone = new Set(removes.map((r) => org.user(r)?.id ?? r));
  const members = {};
  for (const m of p.members) {
    if (gone.has(m.user.id) || (m.user.email && gone.has(m.user.email))) continue;
    // The file names members by email: one without an email cannot be kept by a file.
    if (!m.user.email) throw new RangeError(`project: member ${m.user.id} of ${p.project.name} has no email, so the project's members cannot be planned from a file`);
    members[m.user.email] = m.role;
  }
  for (const ref of adds) members[org.user(ref)?.email ?? ref] = role;
  const plan = org.plan(JSON.stringify({ projects: { [p.project.name]: { id: p.project.id, members } } }));
  return { ...plan, unmanaged: [] };
}
