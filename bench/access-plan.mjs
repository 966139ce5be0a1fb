// The access core through its wasm module, in Node, with no network: an organization of 2,000
// users, 200 groups, 10,000 memberships and 20 custom roles built from API-shaped items, then
// `plan` against the dump of the same organization with 10% of it changed (a tenth of the
// memberships moved, a tenth of the groups' and users' roles changed, 5 groups renamed).
//
//   node bench/access-plan.mjs [RUNS]     # prints one JSON line of figures
//
// Reports: the time to fill the model, `dump`, `plan` (median and max of RUNS, default 21, after
// 3 warm-up runs; the file as `dump` writes it, YAML), `search` per keystroke, the module's linear memory after loading (the model's
// memory), and the access module's gzip size. BENCH_PKG: the package directory, default ../pkg.

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

/** A model of the organization whose group members, group roles and user roles are these. */
function load(members, groupRoles, userRoles, names = groups.map((g) => g.name)) {
  const model = new glue.AccessModel();
  model.addUsers(users);
  model.addRoles(roles);
  model.addGroups(groups.map((g, i) => ({ ...g, name: names[i] })));
  groups.forEach((g, i) => {
    model.setGroupMembers(g.id, [...members[i]].map((u) => ({ id: users[u].id, name: users[u].name, email: users[u].email })));
    model.setGroupRoles(g.id, groupRoles[i].map(assigned));
  });
  users.forEach((u, i) => model.setUserRoles(u.id, userRoles[i].map(assigned)));
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
// of 20 groups and 200 users, 5 groups renamed), as `dump` writes it (YAML).
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
const target = load(members2, groupRoles2, userRoles2, names2);
const yaml = target.dump('yaml');
target.free();
const text = yaml;

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
  fileBytes: text.length, operations: plan.operations.length, blocked: plan.blocked.length,
  loadMs: round(loadMs), dumpMs: round(dumpMs),
  planMedianMs: round(times[Math.floor(times.length / 2)]), planMaxMs: round(times.at(-1)),
  planCpuMedianMs: round(cpu[Math.floor(cpu.length / 2)]), planCpuMinMs: round(cpu[0]),
  searchMsPerKeystroke: round(searchMs),
  wasmMemoryMB: round(memoryBytes / 1048576),
  accessWasmGzipBytes: gzipSync(bytes, { level: 9 }).length,
}));
