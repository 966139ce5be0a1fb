// The access core through its wasm module, in Node, with no network: an organization of 2,000
// users, 200 groups, 10,000 memberships, 20 custom roles and 40 projects (2,000 project
// memberships drawn from the users, owners and members; 3 groups with access to each of 30 of
// them, with project roles; 2 custom roles each) built from API-shaped items, then `plan`
// against the dump of the same organization with 10% of it changed (a tenth of the memberships
// moved, a tenth of the groups' and users' roles changed, 5 groups renamed, a tenth of the
// project memberships added, removed or re-roled, a tenth of the groups' project roles changed).
//
//   node bench/access-plan.mjs [RUNS]     # prints one JSON line of figures
//
// Reports: the time to fill the model, `dump`, `plan` (median and max of RUNS, default 21, after
// 3 warm-up runs; the file as `dump` writes it, YAML), `search` per keystroke, the module's linear memory after loading (the model's
// memory), and the access module's gzip size. BENCH_PKG: the package directory, default ../pkg.
// BENCH_GENERAL_YAML=1: the file begins with a `---` line, which the fast reader
// (`access/src/file/fast.rs`) leaves to the general YAML reader (`access/src/file/yaml/`): `plan`
// then measures that reader.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const RUNS = Number(process.argv[2] ?? 21);
const pkg = process.env.BENCH_PKG ?? new URL('../pkg', import.meta.url).pathname;
const glue = await import(pathToFileURL(`${pkg}/wasm/openai_admin_access.js`).href);
const bytes = readFileSync(`${pkg}/wasm/openai_admin_access_bg.wasm`);
const exports = glue.initSync({ module: bytes });

const USERS = 2000, GROUPS = 200, MEMBERSHIPS = 10000, ROLES = 20;
const PROJECTS = 40, PROJECT_MEMBERS = 50, PROJECT_GROUPS = 3;
// A fixed pseudo-random sequence, so every run plans the same change.
let seed = 42;
const rand = (n) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};

const users = Array.from({ length: USERS }, (_, i) => ({
  object: 'organization.user', id: `user_${i}`, name: `Person ${i}`, email: `person${i}@example.com`,
  role: i < 5 ? 'owner' : 'reader', added_at: 1711471533, is_scim_managed: false,
}));
const role = (i, predefined) => ({
  object: 'role', id: `role_${i}`, name: predefined ? `Predefined ${i}` : `Custom Role ${i}`,
  description: `Role ${i}`, permissions: [`api.p${i}.read`, `api.p${i}.write`], resource_type: 'api.organization',
  predefined_role: predefined,
});
const roles = [...Array.from({ length: ROLES }, (_, i) => role(i, false)), role(100, true), role(101, true)];
const groups = Array.from({ length: GROUPS }, (_, i) => ({
  object: 'group', id: `group_${i}`, name: `Team ${i}`, created_at: 1711471533, is_scim_managed: i % 50 === 49,
}));
const members = groups.map(() => new Set());
for (let n = 0; n < MEMBERSHIPS; ) {
  const g = rand(GROUPS), u = rand(USERS);
  if (!members[g].has(u)) { members[g].add(u); n++; }
}
const groupRoles = groups.map(() => [rand(ROLES), rand(ROLES)].filter((r, i, a) => a.indexOf(r) === i));
const userRoles = users.map((_, u) => (u % 4 === 0 ? [rand(ROLES)] : []));
const assigned = (r) => ({ ...roles[r], assignment_sources: null });

// The projects: each with its members (user index → `owner` | `member`; the first an owner, about
// a tenth owners), its groups with access (group index → role indices in `projectRoles`) and its
// roles (the three predefined ones, answered by their long ids, and two custom ones).
const projects = Array.from({ length: PROJECTS }, (_, i) => ({
  object: 'organization.project', id: `proj_${i}`, name: `Project ${i}`, created_at: 1711471533, archived_at: null, status: 'active',
}));
const projectRoles = (p) => [
  ...['owner', 'member', 'viewer'].map((r) => ({
    object: 'role', id: `role-api-project-${r}__api-project__${p.id}`, name: `Project ${r}`, description: null,
    permissions: [`api.project.${r}`], resource_type: 'api.project', predefined_role: true,
  })),
  ...[0, 1].map((k) => ({
    object: 'role', id: `prole_${p.id}_${k}`, name: `Custom Project Role ${k}`, description: `Project role ${k}`,
    permissions: [`api.project.c${k}.read`], resource_type: 'api.project', predefined_role: false,
  })),
];
const projectMembers = projects.map(() => {
  const m = new Map();
  while (m.size < PROJECT_MEMBERS) m.set(rand(USERS), m.size === 0 || rand(10) === 0 ? 'owner' : 'member');
  return m;
});
const projectGroups = projects.map((_, i) => {
  const g = new Map();
  while (i % 4 !== 3 && g.size < PROJECT_GROUPS) g.set(rand(GROUPS), [1 + rand(2), 3 + rand(2)]);
  return g;
});

/** A model of the organization whose group members, group roles, user roles and projects are these. */
function load(members, groupRoles, userRoles, names = groups.map((g) => g.name), pMembers = projectMembers, pGroups = projectGroups) {
  const model = new glue.AccessModel();
  model.addUsers(users);
  model.addRoles(roles);
  model.addGroups(groups.map((g, i) => ({ ...g, name: names[i] })));
  groups.forEach((g, i) => {
    model.setGroupMembers(g.id, [...members[i]].map((u) => ({ id: users[u].id, name: users[u].name, email: users[u].email })));
    model.setGroupRoles(g.id, groupRoles[i].map(assigned));
  });
  users.forEach((u, i) => model.setUserRoles(u.id, userRoles[i].map(assigned)));
  model.addProjects(projects);
  projects.forEach((p, i) => {
    const pRoles = projectRoles(p);
    model.setProjectRoles(p.id, pRoles);
    model.setProjectMembers(p.id, [...pMembers[i]].map(([u, role]) => ({
      object: 'organization.project.user', id: users[u].id, name: users[u].name, email: users[u].email, role, added_at: 1711471533,
    })));
    model.setProjectGroups(p.id, [...pGroups[i].keys()].map((g) => ({
      object: 'project.group', project_id: p.id, group_id: groups[g].id, group_name: names[g], created_at: 1711471533,
    })));
    for (const [g, rs] of pGroups[i]) model.setProjectGroupRoles(p.id, groups[g].id, rs.map((r) => pRoles[r]));
  });
  return model;
}

const t0 = performance.now();
const model = load(members, groupRoles, userRoles);
const loadMs = performance.now() - t0;
const memoryBytes = exports.memory.buffer.byteLength;

let t = performance.now();
const dump = model.dump('yaml');
const dumpMs = performance.now() - t;

// The file: the organization with 10% changed (1,000 of the 10,000 memberships moved, the roles
// of 20 groups and 200 users, 5 groups renamed, 200 project memberships, the project roles of a
// tenth of the groups with access), as `dump` writes it (YAML, with its `projects:` section).
const members2 = members.map((m) => new Set(m));
for (let n = 0; n < MEMBERSHIPS / 10; n++) {
  const g = members2[rand(GROUPS)];
  if (n % 2 === 0 && g.size) g.delete([...g][rand(g.size)]);
  else g.add(rand(USERS));
}
const groupRoles2 = groupRoles.map((r) => [...r]);
for (let n = 0; n < GROUPS / 10; n++) groupRoles2[rand(GROUPS)] = [rand(ROLES)];
const userRoles2 = userRoles.map((r) => [...r]);
for (let n = 0; n < USERS / 10; n++) userRoles2[rand(USERS)] = [rand(ROLES)];
const names2 = groups.map((g, i) => (i % 40 === 3 ? `${g.name} renamed` : g.name));
// A tenth of the 2,000 project memberships: a third added, a third removed, a third re-roled
// (never the first owner, so no project is left without one); a tenth of the groups' project
// roles changed.
const projectMembers2 = projectMembers.map((m) => new Map(m));
for (let n = 0; n < (PROJECTS * PROJECT_MEMBERS) / 10; n++) {
  const m = projectMembers2[rand(PROJECTS)];
  const others = [...m.keys()].slice(1);
  if (n % 3 === 0) m.set(rand(USERS), rand(2) ? 'member' : 'owner');
  else if (n % 3 === 1 && others.length) m.delete(others[rand(others.length)]);
  else if (others.length) {
    const u = others[rand(others.length)];
    m.set(u, m.get(u) === 'owner' ? 'member' : 'owner');
  }
}
const projectGroups2 = projectGroups.map((g) => new Map([...g].map(([k, v]) => [k, [...v]])));
const pairs = projectGroups2.flatMap((g) => [...g.keys()].map((k) => [g, k]));
for (let n = 0; n < Math.ceil(pairs.length / 10); n++) {
  const [g, k] = pairs[rand(pairs.length)];
  g.set(k, [1 + rand(2), 3 + rand(2), rand(2) ? 0 : 2].filter((r, i, a) => a.indexOf(r) === i));
}
const target = load(members2, groupRoles2, userRoles2, names2, projectMembers2, projectGroups2);
const yaml = target.dump('yaml');
target.free();
const text = process.env.BENCH_GENERAL_YAML === '1' ? `---\n${yaml}` : yaml;

// Wall time, and this process's CPU time (what the plan costs when other processes share the
// machine's cores).
const times = [], cpu = [];
let plan;
for (let i = 0; i < RUNS + 3; i++) {
  t = performance.now();
  const c = process.cpuUsage();
  plan = model.plan(text, { prune: false });
  const used = process.cpuUsage(c);
  if (i >= 3) {
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);

const queries = ['p', 'pe', 'per', 'pers', 'perso', 'person1', 'person19', 'team 1'];
t = performance.now();
for (const q of queries) model.search(q, 20);
const searchMs = (performance.now() - t) / queries.length;

const round = (x) => Math.round(x * 100) / 100;
console.log(JSON.stringify({
  users: USERS, groups: GROUPS, memberships: MEMBERSHIPS, customRoles: ROLES,
  projects: PROJECTS, projectMemberships: projectMembers.reduce((n, m) => n + m.size, 0),
  projectGroupAccesses: pairs.length,
  fileBytes: text.length, operations: plan.operations.length, blocked: plan.blocked.length,
  loadMs: round(loadMs), dumpMs: round(dumpMs),
  planMedianMs: round(times[Math.floor(times.length / 2)]), planMaxMs: round(times.at(-1)),
  planCpuMedianMs: round(cpu[Math.floor(cpu.length / 2)]), planCpuMinMs: round(cpu[0]),
  searchMsPerKeystroke: round(searchMs),
  wasmMemoryMB: round(memoryBytes / 1048576),
  accessWasmGzipBytes: gzipSync(bytes, { level: 9 }).length,
}));
