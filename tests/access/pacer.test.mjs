// The shared pacer and the loader against the mock: the rate never goes over the cap in any one
// second (the mock's own count), a 429 slows every worker, the client's options apply, and the
// loader reads exactly what the model needs (a recording model stands in for the wasm one).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { OpenAIAdmin } from '../../pkg/dist/node.js';
import { Pacer, retryAfterMs } from '../../pkg/dist/access/pacer.js';
import { loadInto } from '../../pkg/dist/access/load.js';

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

test('retryAfterMs reads retry-after-ms, seconds and dates', () => {
  const h = (o) => new Headers(o);
  assert.equal(retryAfterMs(h({ 'retry-after-ms': '250', 'retry-after': '3' }), 0), 250);
  assert.equal(retryAfterMs(h({ 'retry-after': '2' }), 0), 2000);
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(retryAfterMs(h({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now), 5000);
  assert.equal(retryAfterMs(h({}), 0), 1000);
  assert.throws(() => new Pacer({ concurrency: 0 }), RangeError);
  assert.throws(() => new Pacer({ maxRequestsPerSecond: -1 }), RangeError);
});

test('concurrency bounds the requests in flight', async () => {
  const pacer = new Pacer({ concurrency: 3 });
  let inFlight = 0;
  let most = 0;
  const slow = async () => {
    most = Math.max(most, ++inFlight);
    await new Promise((r) => setTimeout(r, 20));
    inFlight--;
    return new Response('{}');
  };
  await Promise.all(Array.from({ length: 12 }, () => pacer.run(slow)));
  assert.equal(most, 3);
  assert.equal(pacer.stats.sent, 12);
});

test('a 429 pauses every sender for Retry-After and halves the rate, which then climbs back', async () => {
  let t = 0;
  const pacer = new Pacer({ maxRequestsPerSecond: 40, now: () => t });
  assert.equal(pacer.rate, 40);
  pacer.rateLimited(1000);
  assert.equal(pacer.rate, 1, 'halved from what was sent in the last second (nothing: 1)');
  const p = new Pacer({ maxRequestsPerSecond: 40, now: () => Date.now() });
  await Promise.all(Array.from({ length: 20 }, () => p.run(async () => new Response('{}'))));
  const t0 = Date.now();
  p.rateLimited(300);
  assert.equal(p.rate, 10);
  await p.run(async () => new Response('{}'));
  assert.ok(Date.now() - t0 >= 290, 'the next request waited the pause');
  void t;
});

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
  // 3 pages of users, one of groups, one of roles, 2 per group, 1 per user.
  assert.equal(s.requests, 3 + 1 + 1 + 60 + 300);
  assert.equal(result.reads, 3 + 60 + 300);
  const { lanes, asOf, ...last } = progress.at(-1);
  // One lane per endpoint of the per-group and per-user reads, each done.
  assert.deepEqual(
    lanes.map((l) => [l.endpoint, l.done, l.pending]),
    [
      ['GET /organization/groups/{group_id}/users', 30, 0],
      ['GET /organization/groups/{group_id}/roles', 30, 0],
      ['GET /organization/users/{user_id}/roles', 300, 0],
    ],
  );
  assert.ok(asOf <= Date.now() && asOf > Date.now() - 60_000, 'the oldest read shown is from this load');
  assert.deepEqual(last, {
    done: 363,
    total: 363,
    phase: 'done',
    users: { listed: 300, total: 300, loaded: 300 },
    groups: { listed: 30, total: 30, loaded: 30 },
    roles: { listed: 7, total: 7, loaded: 7 },
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
  assert.equal(s.requests, 1 + 1 + 1 + 20 + 100);
  assert.equal(s.rate_limited, 0);
  assert.ok(s.max_requests_in_one_second <= 20, JSON.stringify(s));
  assert.equal(model.userRoles.size, 100);
});

test('without a cap, under --rate-limit 30, the pacer backs off on 429 and every read succeeds', async () => {
  const mock = await start([...SMALL, '--rate-limit', '30', '--latency-ms', '5']);
  // No client retries: every 429 the pacer did not prevent reaches the loader, which reads again.
  const client = new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: mock.api, maxRetries: 0 });
  const model = recorder();
  const result = await loadInto(client, model, { concurrency: 8, signal: AbortSignal.timeout(60_000) });
  const s = await stats(mock);
  assert.equal(model.userRoles.size, 100);
  assert.equal(model.members.size, 10);
  assert.equal(result.rateLimited, s.rate_limited, 'the pacer saw every 429');
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
  assert.equal(seen, 123);
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
  assert.equal(seen, 123);
  assert.deepEqual(theirs.users.map((u) => u.id), ours.users.map((u) => u.id));
  const sizes = (map) => Object.fromEntries([...map].map(([k, v]) => [k, v.length]));
  assert.deepEqual(sizes(theirs.members), sizes(ours.members));
  assert.deepEqual(sizes(theirs.userRoles), sizes(ours.userRoles));
});
