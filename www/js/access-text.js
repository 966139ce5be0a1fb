// What the Access section writes, as pure functions of the access module's answers and the
// store's load state (no DOM; tests run them in Node): counts, the load's progress line, a
// person's permissions by resource, where a role comes from, the member filter.

export const fmt = new Intl.NumberFormat('en-US');
/** `3 holders`, `1 holder`. */
export const count = (n, one, many = `${one}s`) => `${fmt.format(n)} ${n === 1 ? one : many}`;

/** A user's name for people: the name, else the email, else the id. */
export const userName = (u) => u.name || u.email || u.id;

/** `api.roles.write` → `roles`: the resource a permission is about. */
export function resourceOf(permission) {
  const parts = permission.split('.');
  return parts.length >= 3 ? parts.slice(1, -1).join('.') : parts[0];
}

/** Permissions grouped by resource, in first-seen order: `[[resource, [permission, …]], …]`. */
export function permissionsByResource(permissions) {
  const by = new Map();
  for (const p of permissions) by.set(resourceOf(p), [...(by.get(resourceOf(p)) ?? []), p]);
  return [...by];
}

/** `owner: 5 · reader: 2,040`: users per organization role, fewest first. */
export function organizationRoleCounts(stats) {
  return Object.entries(stats.organizationRoles)
    .sort(([, a], [, b]) => a - b)
    .map(([role, n]) => `${role}: ${fmt.format(n)}`)
    .join(' · ');
}

/** "412 of 2,045 users · 80 of 212 groups", or "412 users listed so far …" before the total is known. */
export function progressLine(p) {
  if (p.users.total === null) {
    return `${count(p.users.listed, 'user')} listed so far (the API tells how many there are only at the end of its list) · ${count(p.groups.listed, 'group')} · ${count(p.roles.listed, 'role')}`;
  }
  return `${fmt.format(p.users.loaded)} of ${count(p.users.total, 'user')} · ${fmt.format(p.groups.loaded)} of ${count(p.groups.total ?? p.groups.listed, 'group')} · ${count(p.roles.listed, 'role')}`;
}

/**
 * The load's endpoints as they stand `elapsedMs` after the progress `p` was reported: a wait
 * counts down, and the time left with it (the loader reports when a wait starts and ends, not
 * each second). The words of each busy endpoint's line are the access module's (`endpointLines`).
 */
export const endpointsAfter = (p, elapsedMs) =>
  (p?.endpoints ?? []).map((e) => {
    if (!(e.waitingMs > 0)) return e;
    const waited = Math.min(e.waitingMs, Math.max(0, elapsedMs));
    return { ...e, waitingMs: e.waitingMs - waited, ...(e.etaMs != null ? { etaMs: Math.max(0, e.etaMs - waited) } : {}) };
  });

/** What search covers while the organization loads. */
export const searchCoverage = (p) =>
  p.projects
    ? `Still loading: search covers the ${count(p.users.listed, 'user')}, ${count(p.groups.listed, 'group')}, ${count(p.roles.listed, 'role')} and ${count(p.projects.listed, 'project')} read so far.`
    : `Still loading: search covers the ${count(p.users.listed, 'user')}, ${count(p.groups.listed, 'group')} and ${count(p.roles.listed, 'role')} read so far.`;

/** The progress bar's `{ max, value }`, or null while the total is unknown (indeterminate). */
export const progressBar = (p) => (p && p.users.total !== null ? { max: Math.max(p.total, 1), value: p.done } : null);

/** The counts line under the progress: memberships and users per organization role. */
export const countsLine = (s) => `${count(s.memberships, 'membership')} · users per organization role: ${organizationRoleCounts(s)}`;

/** `Loaded 12 users, 3 groups and 9 roles.` */
export const loadedLine = (s) => `Loaded ${fmt.format(s.users)} users, ${fmt.format(s.groups)} groups and ${fmt.format(s.roles)} roles.`;

/** Where a role comes from, in words: `direct, via Engineering`. */
export const sourcesText = (sources) => sources.map((s) => (s.kind === 'direct' ? 'direct' : `via ${s.group.name}`)).join(', ');

/** Whether every source is a group (the role is changed in the group, not on the person). */
export const onlyThroughGroups = (sources) => sources.every((s) => s.kind !== 'direct');

/** The members whose name or email contains `query`, compared with the core's name folding. */
export function filterMembers(org, members, query) {
  const q = org.fold(query.trim());
  if (!q) return members;
  return members.filter((m) => org.fold(`${m.name ?? ''} ${m.email ?? ''}`).includes(q));
}
