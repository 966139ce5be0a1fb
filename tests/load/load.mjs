// Concurrent mixed reads and writes against a running mock, checked against a model.
//
//   node tests/load/load.mjs http://127.0.0.1:PORT
//
// Environment: LOAD_SECONDS (default 30), LOAD_WORKERS (concurrent connections, default 64),
// LOAD_USERS_PER_WORKER (default 8), LOAD_SEED (default 1), ADMIN_KEY (default sk-admin-demo).
//
// Each worker owns one group and one custom role (both created at the start) and a fixed set of
// users (shared with other workers, so user records and their link sets are contended). It runs
// a deterministic random sequence of operations over one keep-alive connection, one request at
// a time: add and remove members, assign and unassign its role to its group and to its users,
// create groups, retrieve groups, members and users, list members, groups and roles. A model of
// its group's members, its group's roles and its role's users predicts every status (200 or 404)
// and every member list it reads. When the time is up each worker finishes its request in
// flight, then every group's members and roles and every user's roles are read back through the
// API and compared with the models: a lost or duplicated membership or assignment fails the run,
// as does any 5xx, connection error or unexpected status.
//
// Why not wrk with a Lua script: wrk stops with a request in flight on every connection, whose
// effect on the server is unknown, and its Lua cannot make the final reads; an exact model needs
// both.

import http from 'node:http';
import { performance } from 'node:perf_hooks';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/load/load.mjs http://HOST:PORT');
  process.exit(2);
}
const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const workers = Number(process.env.LOAD_WORKERS ?? 64);
const usersPerWorker = Number(process.env.LOAD_USERS_PER_WORKER ?? 8);
const seed = Number(process.env.LOAD_SEED ?? 1);
const key = process.env.ADMIN_KEY ?? 'sk-admin-demo';
const url = new URL(base);

const agent = new http.Agent({ keepAlive: true, maxSockets: workers });
const statuses = new Map();
const problems = [];
const latencies = [];
let requests = 0;
let connectionErrors = 0;

function problem(text) {
  if (problems.length < 50) problems.push(text);
  else if (problems.length === 50) problems.push('… more problems left out');
}

/** One request; resolves { status, body } with the body parsed as JSON when it is. */
function call(method, path, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path: `/v1${path}`,
        headers: {
          authorization: `Bearer ${key}`,
          accept: 'application/json',
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          requests += 1;
          latencies.push(performance.now() - started);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            problem(`${method} ${path}: ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`);
          }
          if (res.statusCode >= 500) problem(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`);
          resolve({ status: res.statusCode, body: json });
        });
        res.on('error', (err) => {
          connectionErrors += 1;
          problem(`${method} ${path}: response error ${err.message}`);
          resolve({ status: 0, body: null });
        });
      },
    );
    req.on('error', (err) => {
      connectionErrors += 1;
      problem(`${method} ${path}: ${err.message}`);
      resolve({ status: 0, body: null });
    });
    req.end(payload);
  });
}

/** A 200 answer's body, or a recorded problem. */
async function ok(method, path, body) {
  const res = await call(method, path, body);
  if (res.status !== 200) {
    throw new Error(`${method} ${path} during setup: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** Every page of a `next`-paginated list. */
async function listAll(path) {
  const out = [];
  let after = null;
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await ok('GET', `${path}${sep}limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    out.push(...page.data);
    if (!page.has_more) return out;
    after = page.next;
  }
}

/** mulberry32: a small deterministic generator, one per worker. */
function random(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = encodeURIComponent;

function expectStatus(op, res, want) {
  if (res.status !== want) problem(`${op}: expected ${want}, got ${res.status} ${JSON.stringify(res.body)}`);
}

async function worker(w, users, deadline) {
  const rand = random(seed * 1000003 + w);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const name = `Load Group ${w}`;
  const group = await ok('POST', '/organization/groups', { name });
  const role = await ok('POST', '/organization/roles', {
    role_name: `Load Role ${seed}-${w}-${Date.now()}`,
    permissions: ['api.groups.read'],
  });
  const mine = users.slice((w * 3) % users.length).concat(users).slice(0, usersPerWorker);
  const model = { group: group.id, role: role.id, members: new Set(), groupRole: false, roleUsers: new Set(), ops: 0 };
  const g = enc(group.id);
  const ops = [
    [30, async () => {
      const user = pick(mine);
      const res = await call('POST', `/organization/groups/${g}/users`, { user_id: user });
      expectStatus(`add ${user} to ${group.id}`, res, 200);
      if (res.status === 200) model.members.add(user);
    }],
    [24, async () => {
      const user = pick(mine);
      const res = await call('DELETE', `/organization/groups/${g}/users/${enc(user)}`);
      expectStatus(`remove ${user} from ${group.id}`, res, model.members.has(user) ? 200 : 404);
      if (res.status === 200) model.members.delete(user);
    }],
    [5, async () => {
      const user = pick(mine);
      const res = await call('GET', `/organization/groups/${g}/users/${enc(user)}`);
      expectStatus(`retrieve member ${user} of ${group.id}`, res, model.members.has(user) ? 200 : 404);
    }],
    [8, async () => {
      const res = await call('GET', `/organization/groups/${g}/users?limit=1000`);
      expectStatus(`list members of ${group.id}`, res, 200);
      const got = (res.body?.data ?? []).map((u) => u.id).sort();
      const want = [...model.members].sort();
      if (res.status === 200 && got.join() !== want.join()) {
        problem(`members of ${group.id} read during the run: ${got} but the model says ${want}`);
      }
    }],
    [4, async () => {
      const res = await call('POST', `/organization/groups/${g}/roles`, { role_id: role.id });
      expectStatus(`assign ${role.id} to ${group.id}`, res, 200);
      if (res.status === 200) model.groupRole = true;
    }],
    [4, async () => {
      const res = await call('DELETE', `/organization/groups/${g}/roles/${enc(role.id)}`);
      expectStatus(`unassign ${role.id} from ${group.id}`, res, model.groupRole ? 200 : 404);
      if (res.status === 200) model.groupRole = false;
    }],
    [5, async () => {
      const user = pick(mine);
      const res = await call('POST', `/organization/users/${enc(user)}/roles`, { role_id: role.id });
      expectStatus(`assign ${role.id} to ${user}`, res, 200);
      if (res.status === 200) model.roleUsers.add(user);
    }],
    [5, async () => {
      const user = pick(mine);
      const res = await call('DELETE', `/organization/users/${enc(user)}/roles/${enc(role.id)}`);
      expectStatus(`unassign ${role.id} from ${user}`, res, model.roleUsers.has(user) ? 200 : 404);
      if (res.status === 200) model.roleUsers.delete(user);
    }],
    [2, async () => {
      const res = await call('POST', '/organization/groups', { name: `Load Extra ${w}-${model.ops}` });
      expectStatus('create a group', res, 200);
    }],
    [5, async () => {
      const res = await call('GET', `/organization/groups/${g}`);
      expectStatus(`retrieve ${group.id}`, res, 200);
      if (res.body?.name !== name) problem(`${group.id} is called ${res.body?.name}`);
    }],
    [4, async () => {
      const user = pick(mine);
      const res = await call('GET', `/organization/users/${enc(user)}`);
      expectStatus(`retrieve ${user}`, res, 200);
    }],
    [2, async () => {
      const res = await call('GET', '/organization/groups?limit=20&order=desc');
      expectStatus('list groups', res, 200);
    }],
    [2, async () => {
      const res = await call('GET', '/organization/roles?limit=50');
      expectStatus('list roles', res, 200);
    }],
  ];
  const total = ops.reduce((sum, [weight]) => sum + weight, 0);
  while (performance.now() < deadline) {
    let r = rand() * total;
    const [, op] = ops.find(([weight]) => (r -= weight) < 0) ?? ops[0];
    await op();
    model.ops += 1;
  }
  return model;
}

async function main() {
  const users = (await (async () => {
    const out = [];
    let after = null;
    for (;;) {
      const page = await ok('GET', `/organization/users?limit=100${after ? `&after=${enc(after)}` : ''}`);
      out.push(...page.data.map((u) => u.id));
      if (!page.has_more) return out;
      after = page.last_id;
    }
  })());
  if (users.length < usersPerWorker) throw new Error(`only ${users.length} users on the mock`);
  const setupRequests = requests;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const models = await Promise.all(Array.from({ length: workers }, (_, w) => worker(w, users, deadline)));
  const elapsed = (performance.now() - started) / 1000;
  const loadRequests = requests - setupRequests;

  // Read everything back and compare with the models.
  let checked = 0;
  for (const m of models) {
    const members = (await listAll(`/organization/groups/${enc(m.group)}/users`)).map((u) => u.id);
    const want = [...m.members].sort();
    const got = [...members].sort();
    if (new Set(members).size !== members.length) problem(`${m.group}: duplicated members ${members}`);
    if (got.join() !== want.join()) problem(`${m.group}: members ${got}, the model says ${want}`);
    const roles = (await listAll(`/organization/groups/${enc(m.group)}/roles`)).map((r) => r.id);
    if (roles.includes(m.role) !== m.groupRole || roles.length !== (m.groupRole ? 1 : 0)) {
      problem(`${m.group}: roles ${roles}, the model says ${m.groupRole ? m.role : 'none'}`);
    }
    checked += 2;
  }
  const usersWithRole = new Map();
  for (const user of new Set(models.flatMap((m) => [...m.roleUsers]).concat(users))) {
    // Direct assignments only: a role the user also inherits through a group lists the user among
    // its `assignment_sources`; one only inherited does not (the model tracks direct ones).
    const direct = (r) => !Array.isArray(r.assignment_sources) || r.assignment_sources.some((s) => s.principal_type === 'user');
    const roles = (await listAll(`/organization/users/${enc(user)}/roles`)).filter(direct).map((r) => r.id);
    if (new Set(roles).size !== roles.length) problem(`${user}: duplicated roles ${roles}`);
    usersWithRole.set(user, new Set(roles));
    checked += 1;
  }
  for (const m of models) {
    for (const [user, roles] of usersWithRole) {
      if (roles.has(m.role) !== m.roleUsers.has(user)) {
        problem(`${user} ${roles.has(m.role) ? 'has' : 'lacks'} ${m.role}, the model says otherwise`);
      }
    }
  }

  const histogram = [...statuses.entries()].sort(([a], [b]) => a - b);
  const sorted = latencies.slice(setupRequests).sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(2);
  const members = models.reduce((sum, m) => sum + m.members.size, 0);
  console.log(`load: ${workers} connections, ${seconds} s, ${loadRequests} requests in ${elapsed.toFixed(1)} s: ${(loadRequests / elapsed).toFixed(0)} requests/s`);
  console.log(`latency ms: p50 ${pct(50)}, p99 ${pct(99)}, max ${sorted.at(-1)?.toFixed(2)}`);
  console.log(`statuses (all ${requests} requests, setup and read-back included): ${histogram.map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  console.log(`model: ${models.reduce((s, m) => s + m.ops, 0)} operations; final state ${members} memberships in ${workers} groups, ${models.filter((m) => m.groupRole).length} group role assignments, ${models.reduce((s, m) => s + m.roleUsers.size, 0)} user role assignments; ${checked} lists read back`);
  const fivexx = histogram.filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
  if (problems.length || fivexx || connectionErrors) {
    console.error(`FAILED: ${fivexx} 5xx, ${connectionErrors} connection errors, ${problems.length} problems`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log('load: no 5xx, no connection error, every status as the model predicted, final state equal to the model');
  agent.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
