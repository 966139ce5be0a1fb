// The access core's calls the page needs beyond the loaded Organization's answers, in one place:
// a membership edit, a person's change, "is this assignment direct, and through what", the one
// name folding, the one user lookup and building the search index. When the Organization has the
// core's own call (`planMembership`, `planPerson`, `assignmentOf`, `fold`, `user`, `buildIndex`),
// it is used as is. When it does not yet, the edit is written as a small access file (JSON) and
// planned by the core's `plan(file)`, the planner `openai-admin access plan` uses: every rule
// (SCIM, the last owner, unknown people, what is already so) and every summary still come from the
// core, never from the page. A key or section the file leaves out is not managed, so the file
// names only what the edit touches. Pure: no DOM, no import of the package (tests run it in Node).

const has = (org, name) => typeof org?.[name] === 'function';

/** How a file names a user: the email, else the id (the core's `user_key`). */
const userKey = (u) => u.email ?? u.id;

function required(name, value) {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name}: expected a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}
function list(name, value) {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) throw new TypeError(`${name}: expected a list of non-empty strings`);
  return value;
}

/** The user with this id or email (any case), as the core finds one; null when there is none. */
export function findUser(org, ref) {
  required('user', ref);
  if (has(org, 'user')) return org.user(ref);
  return org.accessOf(ref)?.user ?? null;
}

/**
 * `text` folded for comparing names (lowercase, without accents): the core's folding when the
 * Organization has it, else Unicode decomposition without combining marks.
 */
export function fold(org, text) {
  if (has(org, 'fold')) return org.fold(String(text));
  return String(text).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Builds the search index now (so that the first keystroke does not wait for it). */
export function buildIndex(org) {
  if (has(org, 'buildIndex')) org.buildIndex();
  else org.search('', 1);
}

/**
 * Whether `roleId` is held by `{ user }` or `{ group }` directly, and through which groups:
 * `{ direct, via: [{ kind: 'group', id, name }] }`; null when the principal does not hold it.
 */
export function assignmentOf(org, who, roleId) {
  required('roleId', roleId);
  if (has(org, 'assignmentOf')) return org.assignmentOf(who, roleId);
  if (who?.user !== undefined) {
    const held = org.accessOf(required('user', who.user))?.roles.find((r) => r.role.id === roleId);
    if (!held) return null;
    return {
      direct: held.sources.some((s) => s.kind === 'direct'),
      via: held.sources.filter((s) => s.kind === 'group').map((s) => ({ kind: 'group', id: s.group.id, name: s.group.name })),
    };
  }
  if (who?.group !== undefined) {
    const g = org.group(required('group', who.group));
    return g?.roles.some((r) => r.id === roleId) ? { direct: true, via: [] } : null;
  }
  throw new TypeError('assignmentOf: expected { user } or { group }');
}

/** The group's entry of an access file: its id (so a shared name is no problem) and `fields`. */
function groupEntry(org, ref) {
  const g = org.group(required('group', ref));
  if (!g) throw new RangeError(`group: no group ${JSON.stringify(ref)} in the organization`);
  return { g, entry: (fields) => ({ [g.group.name]: { id: g.group.id, ...fields } }) };
}

/**
 * How a file names each role of `refs` (ids or names): by its name, which the core's summaries
 * then show, unless another role has the same name (then by id).
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

/** `current` with `add` appended and `remove` taken out (both already in the file's terms). */
const edited = (current, add, remove) => {
  const out = current.filter((x) => !remove.includes(x));
  for (const x of add) if (!out.includes(x)) out.push(x);
  return out;
};

/** The file's key of each person named by id or email; a name the organization lacks stays as given (the core blocks it). */
const keysOf = (org, refs) => refs.map((r) => {
  const u = findUser(org, r);
  return u ? userKey(u) : r;
});

/** A plan adding and removing members of `group` (ids or emails); the core blocks what it must. */
export function planMembership(org, { group, add, remove } = {}) {
  required('group', group);
  const adds = list('add', add);
  const removes = list('remove', remove);
  if (has(org, 'planMembership')) return org.planMembership({ group, add: adds, remove: removes });
  const { g, entry } = groupEntry(org, group);
  const members = edited(g.members.map(userKey), keysOf(org, adds), keysOf(org, removes));
  return onlyChanges(org.plan(JSON.stringify({ groups: entry({ members }) })));
}

/**
 * A plan changing one person: the organization role, groups joined and left, roles assigned and
 * unassigned directly (groups and roles by id or name). The file names roles by name (by id when
 * two share it), so the core's summaries read `assign role Auditor to ada@example.com`.
 */
export function planPerson(org, { user, organizationRole, addGroups, removeGroups, addRoles, removeRoles } = {}) {
  required('user', user);
  if (organizationRole !== undefined) required('organizationRole', organizationRole);
  const args = { addGroups: list('addGroups', addGroups), removeGroups: list('removeGroups', removeGroups), addRoles: list('addRoles', addRoles), removeRoles: list('removeRoles', removeRoles) };
  if (has(org, 'planPerson')) return org.planPerson({ user, organizationRole, ...args });
  const a = org.accessOf(user);
  if (!a) throw new RangeError(`user: no user ${JSON.stringify(user)} in the organization`);
  const key = userKey(a.user);
  const person = {};
  if (organizationRole !== undefined) person.role = organizationRole;
  if (args.addRoles.length || args.removeRoles.length) {
    // The file lists a user's direct roles.
    const name = roleNamer(org);
    const direct = a.roles.filter((r) => r.sources.some((s) => s.kind === 'direct')).map((r) => name(r.role.id));
    person.roles = edited(direct, args.addRoles.map(name), args.removeRoles.map(name));
  }
  const file = {};
  if (Object.keys(person).length) file.users = { [key]: person };
  const joining = args.addGroups.map((ref) => [ref, true]);
  const leaving = args.removeGroups.map((ref) => [ref, false]);
  for (const [ref, join] of [...joining, ...leaving]) {
    const { g, entry } = groupEntry(org, ref);
    const members = g.members.map(userKey);
    file.groups = { ...file.groups, ...entry({ members: join ? edited(members, [key], []) : edited(members, [], [key]) }) };
  }
  return onlyChanges(org.plan(JSON.stringify(file)));
}

/**
 * A plan assigning and unassigning roles of `group` (ids or names). The core has no call of its
 * own for this yet: it is always planned from a small access file.
 */
export function planGroupRoles(org, { group, addRoles, removeRoles } = {}) {
  required('group', group);
  const adds = list('addRoles', addRoles);
  const removes = list('removeRoles', removeRoles);
  const { g, entry } = groupEntry(org, group);
  const name = roleNamer(org);
  const roles = edited(g.roles.map((r) => name(r.id)), adds.map(name), removes.map(name));
  return onlyChanges(org.plan(JSON.stringify({ groups: entry({ roles }) })));
}

/** A plan of a small file without its `unmanaged` list (everything else the file does not name). */
function onlyChanges(plan) {
  return { ...plan, unmanaged: [] };
}

/** The entry that refuses the plan as a whole (it would leave the organization with no owner), or null. */
export function refusal(plan) {
  return plan.refused ? plan.blocked[0] ?? null : null;
}
