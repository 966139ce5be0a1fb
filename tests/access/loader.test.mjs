// The loader through the scheduler against the mock: it reads exactly what the model needs (a
// recording model stands in for the wasm one), each once, with progress per kind and per
// endpoint; a global cap holds under the mock's --rate-limit (its own count); the scheduler waits
// out the 429s of a per-key limit so every read succeeds; the client's options apply; the official
// SDK's client works too.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { OpenAIAdmin } from '../../pkg/dist/node.js';
import '../../pkg/dist/access/node.js';
import { Loader, loadInto } from '../../pkg/dist/access/load.js';

const LARGE = ['--users', '300', '--groups', '30', '--members-per-group', '20', '--roles', '5', '--scim-groups', '2', '--owners', '1'];

/** A model that records what the loader gives it. */
function recorder() {
  const r = { users: [], groups: [], roles: [], members: new Map(), groupRoles: new Map(), userRoles: new Map() };
  return Object.assign(r, {
    addUsers: (items) => r.users.push(...items),
    addGroups: (items) => r.groups.push(...items),
    addRoles: (items) => r.roles.push(...items),
    setGroupMembers: (id, items) => r.members.set(id, items),
    setGroupRoles: (id, items) => r.groupRoles.set(id, items),
    setUserRoles: (id, items) => r.userRoles.set(id, items),
    addProjects: () => {},
    setProjectMembers: () => {},
    setProjectGroups: () => {},
    setProjectRoles: () => {},
    setProjectGroupRoles: () => {},
    setProjectUserRoles: () => {},
  });
}

const stats = async (mock) => mock.call('GET', '/__mock/stats');

let mocks = [];
after(async () => Promise.all(mocks.map((m) => m.stop())));
const start = async (args) => {
  const m = await startMock({ seed: 'empty', args });
  mocks.push(m);
  return m;
};

test('loadInto reads users, groups, roles, members and assignments, each once', async () => {
  const mock = await start(LARGE);
  const client = new OpenAIAdmin({ adminAPIKey: mock.adminKey ?? 'sk-admin-demo', baseURL: mock.api });
  const model = recorder();
  const progress = [];
  const result = await loadInto(client, model, { onProgress: (p) => progress.push(p) });
  assert.equal(model.users.length, 300);
  assert.equal(model.groups.length, 30);
  assert.equal(model.roles.length, 7);
  assert.equal(model.members.size, 30);
  assert.ok([...model.members.values()].every((m) => m.length === 20));
  assert.equal(model.groupRoles.size, 30);
  assert.equal(model.userRoles.size, 300);
  const s = await stats(mock);
  // 3 pages of users, one of groups, one of roles, one of projects (none here), 2 per group, 1 per user.
  assert.equal(s.requests, 3 + 1 + 1 + 1 + 60 + 300);
  assert.equal(result.reads, 4 + 60 + 300);
  const { endpoints, asOf, ...last } = progress.at(-1);
  // The three lists, then one lane per endpoint of the per-group and per-user reads, each done.
  const reads = Object.fromEntries(endpoints.map((e) => [e.label, [e.done, e.total, e.ok, e.perMinute]]));
  assert.deepEqual(reads, {
    users: [1, 1, 3, null],
    groups: [1, 1, 1, null],
    roles: [1, 1, 1, null],
    projects: [1, 1, 1, null],
    "groups' members": [30, 30, 30, null],
    "groups' roles": [30, 30, 30, null],
    "users' roles": [300, 300, 300, null],
    "projects' members": [0, 0, 0, null],
    "projects' groups": [0, 0, 0, null],
    "projects' roles": [0, 0, 0, null],
    "groups' project roles": [0, 0, 0, null],
    "members' project roles": [0, 0, 0, null],
  });
  assert.ok(asOf <= Date.now() && asOf > Date.now() - 60_000, 'the oldest read shown is from this load');
  assert.deepEqual(last, {
    done: 364,
    total: 364,
    phase: 'done',
    users: { listed: 300, total: 300, loaded: 300 },
    groups: { listed: 30, total: 30, loaded: 30 },
    roles: { listed: 7, total: 7, loaded: 7 },
    projects: { listed: 0, total: 0, loaded: 0 },
  });
  // The users arrive a page (100) at a time, their total known only with the last.
  assert.deepEqual([...new Set(progress.filter((p) => p.users.total === null).map((p) => p.users.listed))], [0, 100, 200, 300]);
  assert.ok(progress.some((p) => p.phase === 'users'));
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i].done >= progress[i - 1].done);
});

const SMALL = ['--users', '100', '--groups', '10', '--members-per-group', '20', '--roles', '3'];

test('under --rate-limit 20 with a cap of 20 and concurrency 8: no 429, never more than 20 in a second', async () => {
  const mock = await start([...SMALL, '--rate-limit', '20']);
  const client = new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: mock.api });
  const model = recorder();
  await loadInto(client, model, { concurrency: 8, maxRequestsPerSecond: 20, signal: AbortSignal.timeout(60_000) });
  const s = await stats(mock);
  assert.equal(s.requests, 1 + 1 + 1 + 1 + 20 + 100);
  assert.equal(s.rate_limited, 0);
  assert.ok(s.max_requests_in_one_second <= 20, JSON.stringify(s));
  assert.equal(model.userRoles.size, 100);
});

test('without a cap, under --rate-limit 30, the scheduler waits out the 429s and every read succeeds', async () => {
  const mock = await start([...SMALL, '--rate-limit', '30', '--latency-ms', '5']);
  // No client retries: a 429 that reached the client would fail the read.
  const client = new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: mock.api, maxRetries: 0 });
  const model = recorder();
  const result = await loadInto(client, model, { concurrency: 8, signal: AbortSignal.timeout(60_000) });
  const s = await stats(mock);
  assert.equal(model.userRoles.size, 100);
  assert.equal(model.members.size, 10);
  assert.equal(result.rateLimited, s.rate_limited, 'the scheduler saw every 429');
  assert.ok(s.rate_limited > 0, 'the limit was reached');
  assert.ok(s.rate_limited / s.requests < 0.1, JSON.stringify(s));
});

test('the client\'s options apply: its fetch sees every request, and abort stops the load', async () => {
  const mock = await start(SMALL);
  let seen = 0;
  const client = new OpenAIAdmin({
    adminAPIKey: 'sk-admin-demo',
    baseURL: mock.api,
    fetch: (url, init) => (seen++, fetch(url, init)),
  });
  await loadInto(client, recorder());
  assert.equal(seen, 124);
  const ac = new AbortController();
  const p = loadInto(client, recorder(), { signal: ac.signal, onProgress: (pr) => pr.done > 20 && ac.abort() });
  await assert.rejects(p);
});

test('the official SDK\'s client works as well: the same reads, paced through its fetch', async () => {
  const { default: OpenAI } = await import('openai');
  const mock = await start(SMALL);
  let seen = 0;
  const official = new OpenAI({ adminAPIKey: 'sk-admin-demo', apiKey: 'unused', baseURL: mock.api, fetch: (url, init) => (seen++, fetch(url, init)) });
  const ours = recorder();
  const theirs = recorder();
  await loadInto(new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: mock.api }), ours);
  await loadInto(official, theirs, { maxRequestsPerSecond: 1000 });
  assert.equal(seen, 124);
  assert.deepEqual(theirs.users.map((u) => u.id), ours.users.map((u) => u.id));
  const sizes = (map) => Object.fromEntries([...map].map(([k, v]) => [k, v.length]));
  assert.deepEqual(sizes(theirs.members), sizes(ours.members));
  assert.deepEqual(sizes(theirs.userRoles), sizes(ours.userRoles));
});

test('a group deleted after the lists were read (its reads answered 404) is read as empty, and the load goes on', async () => {
  const mock = await start(['--users', '20', '--groups', '4', '--members-per-group', '5', '--roles', '2']);
  const client = new OpenAIAdmin({ adminAPIKey: mock.adminKey ?? 'sk-admin-demo', baseURL: mock.api });
  const [gone] = (await mock.call('GET', '/v1/organization/groups?limit=1000')).data;
  await mock.faults([
    { method: 'GET', path: `/v1/organization/groups/${gone.id}/users`, status: 404 },
    { method: 'GET', path: `/v1/organization/groups/${gone.id}/roles`, status: 404 },
  ]);
  const model = recorder();
  const result = await loadInto(client, model);
  assert.deepEqual(model.members.get(gone.id), []);
  assert.deepEqual(model.groupRoles.get(gone.id), []);
  const others = [...model.members].filter(([id]) => id !== gone.id);
  assert.equal(others.length, 3);
  assert.ok(others.every(([, m]) => m.length === 5), 'the other groups are read whole');
  assert.equal(model.userRoles.size, 20);
  assert.equal(result.reads, 4 + 4 * 2 + 20);
});

test('a read of a group deleted meanwhile is dropped: its request aborted, the read recorded empty, and the load goes on', { timeout: 20_000 }, async () => {
  const mock = await start(['--users', '6', '--groups', '3', '--members-per-group', '2', '--roles', '2']);
  const [gone] = (await mock.call('GET', '/v1/organization/groups?limit=1000')).data;
  const heldPath = `/v1/organization/groups/${gone.id}/users`;
  let held = null;
  const client = new OpenAIAdmin({
    adminAPIKey: mock.adminKey ?? 'sk-admin-demo',
    baseURL: mock.api,
    // The deleted group's members read is never answered: only its abort ends it.
    fetch: (url, init) =>
      new URL(String(url)).pathname === heldPath
        ? new Promise((_, reject) => {
            held = init.signal;
            init.signal.addEventListener('abort', () => reject(init.signal.reason));
          })
        : fetch(url, init),
  });
  const model = recorder();
  const loader = new Loader(client, model);
  await loader.lists();
  const reading = loader.entities(loader.allEntities());
  while (held === null) await new Promise((r) => setTimeout(r, 5));
  loader.forget([
    { kind: 'members', id: gone.id },
    { kind: 'groupRoles', id: gone.id },
  ]);
  await reading;
  assert.equal(held.aborted, true, 'the request in flight was aborted');
  assert.deepEqual(model.members.get(gone.id), []);
  const others = [...model.members].filter(([id]) => id !== gone.id);
  assert.ok(others.length === 2 && others.every(([, m]) => m.length === 2), 'the other groups are read whole');
  assert.equal(model.userRoles.size, 6);
  const progress = loader.progress();
  assert.equal(progress.done, progress.total, 'every read counted once');
});
