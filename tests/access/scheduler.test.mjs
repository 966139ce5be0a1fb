// The scheduler on a fake clock, against a simulated API that limits each endpoint over a sliding
// window (as the real Admin API does, a few requests a minute, 429 with no headers): learning down
// to a request a minute, the backoff without Retry-After (exponential, jittered, capped), a
// Retry-After honoured and capped, an abort and a deadline while waiting, the rates kept across
// runs, endpoints paced on their own, and a create answered 429 five times made exactly once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OpenAIAdmin } from '../../pkg/dist/node.js';
import { applyPlan } from '../../pkg/dist/access/node.js';
import { Scheduler, SchedulerDeadlineError, FLOOR_PER_MINUTE } from '../../pkg/dist/access/scheduler.js';

const MINUTE = 60_000;
const BASE = 'https://api.test/v1';
const ROLES = (u) => `${BASE}/organization/users/${u}/roles`;
const MEMBERS = (g) => `${BASE}/organization/groups/${g}/users`;
const ROLES_EP = 'GET /organization/users/{user_id}/roles';
const MEMBERS_EP = 'GET /organization/groups/{group_id}/users';

/** A clock whose timers fire only when the test runs it. */
function fakeClock(start = Date.parse('2026-12-01T00:00:00Z')) {
  let t = start;
  let timers = [];
  const settle = async () => {
    for (let i = 0; i < 30; i++) await new Promise((r) => setImmediate(r));
  };
  return {
    now: () => t,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const entry = { at: t + Math.max(0, ms), resolve };
        timers.push(entry);
        signal?.addEventListener(
          'abort',
          () => {
            timers = timers.filter((x) => x !== entry);
            reject(signal.reason);
          },
          { once: true },
        );
      }),
    settle,
    /** Runs the clock, timer after timer, until `promise` settles; resolves to its outcome. */
    async until(promise, limitMs = 24 * 3_600_000) {
      let done = false;
      promise.then(
        () => (done = true),
        () => (done = true),
      );
      const end = t + limitMs;
      for (;;) {
        await settle();
        if (done) return promise;
        if (timers.length === 0) throw new Error('nothing is waiting, yet the promise is pending');
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (next.at > end) throw new Error(`still pending after ${limitMs} ms of fake time`);
        t = Math.max(t, next.at);
        next.resolve();
      }
    },
    /** Advances to `at`, firing the timers due by then. */
    async advance(ms) {
      const end = t + ms;
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at);
        if (!timers.length || timers[0].at > end) break;
        const next = timers.shift();
        t = Math.max(t, next.at);
        next.resolve();
      }
      t = end;
      await settle();
    },
  };
}

/**
 * An API that admits `limit` requests per endpoint in any `windowMs` (sliding), and answers 429
 * beyond; `headers(waitMs)` gives the 429's headers (none by default). `log` holds every answer.
 */
function limitedApi(clock, { limit = Infinity, windowMs = MINUTE, headers = () => ({}), answer } = {}) {
  const admitted = new Map();
  const log = [];
  const fetch = async (input, init) => {
    const method = init?.method ?? 'GET';
    const endpoint = Scheduler.endpointOf(method, String(input));
    const now = clock.now();
    const recent = (admitted.get(endpoint) ?? []).filter((x) => now - x < windowMs);
    admitted.set(endpoint, recent);
    const forced = answer?.({ endpoint, n: log.filter((e) => e.endpoint === endpoint).length });
    if (forced || recent.length >= limit) {
      const status = forced?.status ?? 429;
      log.push({ t: now, endpoint, status, body: init?.body });
      const h = forced?.headers ?? headers(recent.length ? recent[0] + windowMs - now : 0);
      return new Response(JSON.stringify({ error: { message: 'Rate limit reached for requests', type: 'requests' } }), { status, headers: h });
    }
    recent.push(now);
    log.push({ t: now, endpoint, status: 200, body: init?.body });
    const id = `id_${log.length}`;
    const item = method === 'POST' ? { object: 'group', id, name: JSON.parse(init.body).name, created_at: 1, is_scim_managed: false, group_type: 'group' } : { object: 'list', data: [], has_more: false, next: null };
    return new Response(JSON.stringify(item), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, log, of: (endpoint) => log.filter((e) => e.endpoint === endpoint) };
}

const statuses = (entries) => entries.map((e) => e.status);
const gaps = (entries) => entries.slice(1).map((e, i) => e.t - entries[i].t);

test('endpointOf names the route template, ids left out', () => {
  assert.equal(Scheduler.endpointOf('get', ROLES('user_abc')), ROLES_EP);
  assert.equal(Scheduler.endpointOf('GET', `${MEMBERS('g 1')}?limit=1000&after=x`), MEMBERS_EP);
  assert.equal(Scheduler.endpointOf('POST', `${BASE}/organization/groups`), 'POST /organization/groups');
  assert.equal(Scheduler.endpointOf('DELETE', `${BASE}/organization/groups/g1/roles/r1`), 'DELETE /organization/groups/{group_id}/roles/{role_id}');
  assert.equal(Scheduler.endpointOf('GET', 'http://x/v1/elsewhere/1'), 'GET /v1/elsewhere/1');
  assert.throws(() => new Scheduler({ backoffCapMs: 0 }), /backoffCapMs/);
  assert.throws(() => new Scheduler({ retryAfterCapMs: -1 }), /retryAfterCapMs/);
});

test('an endpoint limited to 1 a minute is learned at ≤ 1 a minute, every request answered', async () => {
  const clock = fakeClock();
  const api = limitedApi(clock, { limit: 1, windowMs: MINUTE });
  const s = new Scheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5 });
  const send = s.fetch(api.fetch);
  const answers = await clock.until(Promise.all([1, 2, 3, 4, 5].map((i) => send(ROLES(`u${i}`)))));
  assert.deepEqual(answers.map((r) => r.status), [200, 200, 200, 200, 200], 'no 429 reaches the caller');
  const [learned] = s.learned();
  assert.equal(learned.endpoint, ROLES_EP);
  assert.ok(learned.perMinute <= 1 && learned.perMinute >= FLOOR_PER_MINUTE, String(learned.perMinute));
  const ok = api.log.filter((e) => e.status === 200);
  assert.equal(ok.length, 5);
  assert.ok(gaps(ok).every((g) => g >= MINUTE), `admitted a minute apart: ${gaps(ok)}`);
  // The first burst draws 429s; once learned, none.
  const afterFirstWindow = api.log.filter((e) => e.t >= api.log[0].t + MINUTE);
  assert.equal(afterFirstWindow.filter((e) => e.status === 429).length, 0, JSON.stringify(statuses(api.log)));
  const p = s.progress()[0];
  assert.equal(p.sent, api.log.length);
  assert.equal(p.ok, 5);
  assert.ok(p.rateLimited >= 1 && p.rateLimited <= 4, `the first burst's 429s: ${p.rateLimited}`);
  // Below a request a minute: one every two minutes settles at the floor.
  const slow = limitedApi(clock, { limit: 1, windowMs: 2 * MINUTE });
  const s2 = new Scheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5 });
  const send2 = s2.fetch(slow.fetch);
  await clock.until(Promise.all([1, 2, 3, 4, 5, 6].map((i) => send2(ROLES(`u${i}`)))));
  assert.ok(s2.learned()[0].perMinute <= 0.5 + 1e-9, String(s2.learned()[0].perMinute));
  const tail = slow.log.slice(-3);
  assert.deepEqual(statuses(tail), [200, 200, 200], 'settled: the last requests draw no 429');
});

test('a burst whose 429 is answered before its 200s: the late 200s count in the rate learned', async () => {
  const clock = fakeClock();
  const api = limitedApi(clock, { limit: 10, windowMs: MINUTE });
  // The API answers a 429 at once, and takes half a second over the 5th to 10th admitted reads.
  let admitted = 0;
  const slowOk = async (input, init) => {
    const response = await api.fetch(input, init);
    if (response.status === 200 && ++admitted > 4 && admitted <= 10) await clock.sleep(500);
    return response;
  };
  const s = new Scheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5 });
  const send = s.fetch(slowOk);
  const reads = Array.from({ length: 28 }, (_, i) => send(ROLES(`u${i}`)));
  await clock.advance(100);
  const [early] = s.learned();
  assert.equal(early.perMinute, 0.9 * 4, 'while six 200s are on their way, the 429 showed four');
  const answers = await clock.until(Promise.all(reads));
  assert.ok(answers.every((r) => r.status === 200));
  assert.equal(s.learned()[0].perMinute, 9, 'the ten admitted in the window, at 90 %');
  const ok = api.log.filter((e) => e.status === 200);
  // 10 at once, the first slot a minute (and 2 %) later, then 17 at 60/9 s apart: under 3 minutes.
  assert.ok(ok.at(-1).t - ok[0].t < 3 * MINUTE, `the last read ${(ok.at(-1).t - ok[0].t) / 1000} s after the first`);
  const afterFirstWindow = api.log.filter((e) => e.t >= api.log[0].t + MINUTE);
  assert.equal(afterFirstWindow.filter((e) => e.status === 429).length, 0, JSON.stringify(statuses(api.log)));
});

test('without Retry-After: exponential, jittered backoff, capped', async () => {
  const clock = fakeClock();
  const cap = 60_000;
  // The first 9 attempts are refused (no request ever admitted: the endpoint learns no rate).
  const api = limitedApi(clock, { answer: ({ n }) => (n < 9 ? { status: 429 } : null) });
  const jitter = [0, 1, 0.5, 0.25, 0, 1, 0.5, 1, 0];
  let i = 0;
  const s = new Scheduler({ now: clock.now, sleep: clock.sleep, random: () => jitter[i++ % jitter.length], backoffCapMs: cap });
  const r = await clock.until(s.fetch(api.fetch)(ROLES('u1')));
  assert.equal(r.status, 200);
  assert.equal(api.log.length, 10);
  const expected = jitter.map((j, k) => Math.min(cap, (cap / 32) * 2 ** k) * (0.5 + 0.5 * j));
  assert.deepEqual(gaps(api.log), expected);
  assert.ok(gaps(api.log).every((g) => g <= cap));
  assert.equal(Math.max(...gaps(api.log)), cap, 'the cap is reached, not passed');
  assert.equal(s.learned().length, 0, 'nothing admitted: no rate learned from it');
});

test('Retry-After is honoured up to the cap; beyond it, the wait is the cap and the ask is reported', async () => {
  const clock = fakeClock();
  const asks = [{ 'retry-after': '30' }, { 'retry-after-ms': '1500' }, { 'retry-after': '3600' }];
  const api = limitedApi(clock, { answer: ({ n }) => (n < asks.length ? { status: 429, headers: asks[n] } : null) });
  const s = new Scheduler({ now: clock.now, sleep: clock.sleep, retryAfterCapMs: 300_000 });
  const pending = s.fetch(api.fetch)(`${BASE}/organization/groups`, { method: 'POST', body: '{"name":"A"}' });
  await clock.settle();
  let p = s.progress()[0];
  assert.deepEqual([p.waitingMs, p.waitReason, p.askedMs], [30_000, 'retry-after', 30_000]);
  await clock.advance(30_000);
  await clock.settle();
  p = s.progress()[0];
  assert.deepEqual([p.waitingMs, p.waitReason, p.askedMs], [1500, 'retry-after', 1500]);
  await clock.advance(1500);
  p = s.progress()[0];
  assert.deepEqual([p.waitingMs, p.waitReason, p.askedMs], [300_000, 'retry-after-capped', 3_600_000]);
  const r = await clock.until(pending);
  assert.equal(r.status, 200);
  assert.deepEqual(gaps(api.log), [30_000, 1500, 300_000]);
  assert.deepEqual(
    api.log.map((e) => e.body),
    Array(4).fill('{"name":"A"}'),
    'the same body each time',
  );
  // An HTTP date is read against the scheduler's clock.
  const dated = limitedApi(clock, { answer: ({ n }) => (n === 0 ? { status: 429, headers: { 'retry-after': new Date(clock.now() + 12_000).toUTCString() } } : null) });
  const s2 = new Scheduler({ now: clock.now, sleep: clock.sleep });
  await clock.until(s2.fetch(dated.fetch)(ROLES('u1')));
  assert.ok(Math.abs(gaps(dated.log)[0] - 12_000) < 1000, String(gaps(dated.log)));
});

test('timeScale scales the caps (0.1: a minute is 6 s), and the time left is known from the first 429, during its wait', async () => {
  const clock = fakeClock();
  const api = limitedApi(clock, { limit: 10, windowMs: 6000 });
  const s = new Scheduler({ now: clock.now, sleep: clock.sleep, timeScale: 0.1 });
  const send = s.fetch(api.fetch);
  const all = Promise.all(Array.from({ length: 25 }, (_, i) => send(ROLES(`u${i}`))));
  await clock.settle();
  const [p] = s.progress();
  assert.equal(p.rateLimited > 0, true, 'the 11th request was answered 429');
  assert.ok(p.waitingMs > 0 && p.waitingMs <= 6000 * 1.02 + 50, `a wait within the scaled window: ${p.waitingMs} ms`);
  assert.ok(p.perMinute > 0, 'a rate learned from the first 429');
  const eta = s.etaMs(ROLES_EP, 15);
  assert.ok(eta !== null && eta >= p.waitingMs, `the time left includes the wait: ${eta} ms`);
  assert.ok(eta <= p.waitingMs + 15 * (6000 / 9), `15 reads at about 9 per 6 s after the wait: ${eta} ms`);
  const start = api.log[0].t;
  await clock.until(all);
  const took = api.log.at(-1).t - start;
  assert.ok(took <= 3 * 6000, `25 reads under 10 per 6 s in ${took} ms of fake time, not minutes`);
  assert.ok(Math.abs(took - eta - (api.log.find((e) => e.status === 429).t - start)) < 6000, `the ETA said at the first 429 held: ${eta} ms said, ${took} ms taken`);
  // A Retry-After of an hour is waited at most the scaled cap (30 s).
  const asked = limitedApi(clock, { answer: ({ n }) => (n === 0 ? { status: 429, headers: { 'retry-after': '3600' } } : null) });
  const s2 = new Scheduler({ now: clock.now, sleep: clock.sleep, timeScale: 0.1 });
  await clock.until(s2.fetch(asked.fetch)(ROLES('u1')));
  assert.deepEqual(gaps(asked.log), [30_000]);
  assert.throws(() => new Scheduler({ timeScale: 0 }), /timeScale/);
});

test('an abort while waiting ends the wait; a deadline refuses what would wait past it', async () => {
  const clock = fakeClock();
  const api = limitedApi(clock, { limit: 1 });
  const ac = new AbortController();
  const s = new Scheduler({ now: clock.now, sleep: clock.sleep, signal: ac.signal });
  const send = s.fetch(api.fetch);
  const first = send(ROLES('u1'));
  const second = send(ROLES('u2'));
  await clock.settle();
  assert.equal((await first).status, 200);
  assert.ok(s.progress()[0].waitingMs > 0, 'the second waits');
  const reason = new Error('stop');
  ac.abort(reason);
  await assert.rejects(second, (e) => e === reason);
  assert.equal(api.log.length, 2, 'not sent again');
  // The request's own signal.
  const own = new AbortController();
  const s2 = new Scheduler({ now: clock.now, sleep: clock.sleep });
  const send2 = s2.fetch(limitedApi(clock, { limit: 1 }).fetch);
  await send2(ROLES('u1'));
  const waiting = send2(ROLES('u2'), { signal: own.signal });
  await clock.settle();
  own.abort(new Error('mine'));
  await assert.rejects(waiting, /mine/);
  // A deadline: what the API allows only after it is refused at once.
  const s3 = new Scheduler({ now: clock.now, sleep: clock.sleep, deadline: clock.now() + 5_000 });
  const send3 = s3.fetch(limitedApi(clock, { limit: 1 }).fetch);
  const [a, b] = [send3(ROLES('u1')), send3(ROLES('u2')).then(() => null, (e) => e)];
  await clock.settle();
  assert.equal((await a).status, 200);
  const refused = await b;
  assert.ok(refused instanceof SchedulerDeadlineError && /after the deadline/.test(refused.message), String(refused));
});

test('the rates learned are kept across runs: the next run starts at them and draws no 429', async () => {
  const clock = fakeClock();
  const first = limitedApi(clock, { limit: 10 });
  const s1 = new Scheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5 });
  await clock.until(Promise.all(Array.from({ length: 25 }, (_, i) => s1.fetch(first.fetch)(ROLES(`u${i}`)))));
  assert.ok(first.log.some((e) => e.status === 429), 'the first run had to learn');
  const learned = JSON.parse(JSON.stringify(s1.learned()));
  assert.equal(learned.length, 1);
  assert.equal(learned[0].endpoint, ROLES_EP);
  assert.ok(learned[0].perMinute >= 8 && learned[0].perMinute <= 10, String(learned[0].perMinute));
  assert.ok(learned[0].at > Date.parse('2026-01-01') && learned[0].at <= clock.now(), 'when, on the clock');
  await clock.advance(10 * MINUTE);
  const second = limitedApi(clock, { limit: 10 });
  const s2 = new Scheduler({ now: clock.now, sleep: clock.sleep, learned });
  assert.equal(s2.progress()[0].perMinute, learned[0].perMinute, 'imported');
  const start = clock.now();
  await clock.until(Promise.all(Array.from({ length: 25 }, (_, i) => s2.fetch(second.fetch)(ROLES(`u${i}`)))));
  assert.equal(second.log.filter((e) => e.status === 429).length, 0);
  assert.ok(s2.etaMs(ROLES_EP, 9) > 0);
  const took = clock.now() - start;
  assert.ok(took <= (24 / learned[0].perMinute) * MINUTE + 1, `${took} ms at the learned pace`);
  // ETA: the remaining requests at the learned pace.
  const eta = s2.etaMs(ROLES_EP, 10);
  assert.ok(Math.abs(eta - (9 / learned[0].perMinute) * MINUTE) <= (1 / learned[0].perMinute) * MINUTE + 1, String(eta));
  assert.equal(s2.etaMs(MEMBERS_EP, 10), null, 'not limited: no ETA');
});

test('endpoints are paced on their own: a limited one holds no other back', async () => {
  const clock = fakeClock();
  const api = limitedApi(clock, { limit: 2 });
  const s = new Scheduler({ now: clock.now, sleep: clock.sleep, random: () => 0.5 });
  const send = s.fetch(api.fetch);
  const roles = Promise.all(Array.from({ length: 6 }, (_, i) => send(ROLES(`u${i}`))));
  await clock.settle();
  assert.ok(s.progress().find((p) => p.endpoint === ROLES_EP).waitingMs > 0, 'users\' roles waits');
  // Members: two at once, then two more a minute later (their own window), whatever roles does.
  const members = Promise.all([send(MEMBERS('g1')), send(MEMBERS('g2'))]);
  await clock.settle();
  assert.equal(statuses(api.of(MEMBERS_EP)).join(), '200,200', 'sent at once, not behind the waiting endpoint');
  await members;
  await clock.until(roles);
  const p = Object.fromEntries(s.progress().map((e) => [e.endpoint, e]));
  assert.equal(p[MEMBERS_EP].perMinute, null, 'members never limited');
  assert.ok(p[ROLES_EP].perMinute <= 2);
  assert.equal(p[MEMBERS_EP].rateLimited, 0);
});

test('a create answered 429 five times (Retry-After: 1) is sent until it succeeds, and made once', async () => {
  const clock = fakeClock();
  const api = limitedApi(clock, {
    answer: ({ endpoint, n }) => (endpoint === 'POST /organization/groups' && n < 5 ? { status: 429, headers: { 'retry-after': '1' } } : null),
  });
  const client = new OpenAIAdmin({ adminAPIKey: 'sk-admin-test', baseURL: BASE, fetch: api.fetch, maxRetries: 2 });
  const scheduler = new Scheduler({ now: clock.now, sleep: clock.sleep });
  const plan = {
    operations: [{ operation: 'groups.create', ids: {}, body: { name: 'Platform' }, summary: 'create group Platform', change: '+', dependsOn: [] }],
    blocked: [],
    unmanaged: [],
  };
  const outcomes = await clock.until(applyPlan(client, plan, { scheduler }));
  assert.equal(outcomes[0].status, 'done', JSON.stringify(outcomes[0]));
  const posts = api.of('POST /organization/groups');
  assert.deepEqual(statuses(posts), [429, 429, 429, 429, 429, 200], 'sent 6 times, made once');
  assert.ok(posts.every((e) => JSON.parse(e.body).name === 'Platform'));
  assert.equal(api.log.filter((e) => e.endpoint === 'GET /organization/groups').length, 0, 'no listing: a 429 is not ambiguous');
  assert.deepEqual(gaps(posts), [1000, 1000, 1000, 1000, 1000]);
});

test('the progress lines: reads done, the rate learned, the time left, and why it waits', async () => {
  const { endpointText, loadLine } = await import('../../pkg/dist/cli/access-progress.js');
  const { formatDuration, parseDuration } = await import('../../pkg/dist/cli/durations.js');
  const row = { endpoint: ROLES_EP, label: "users' roles", sent: 420, ok: 412, rateLimited: 8, perMinute: 9.6, waitingMs: 0, waitReason: null, done: 412, total: 2045, etaMs: 170 * MINUTE };
  assert.equal(endpointText(row), "users' roles 412/2,045 · 9.6/min learned · about 2 h 50 min left");
  assert.equal(endpointText({ ...row, waitingMs: 37_200, waitReason: 'rate-limit', etaMs: null }), "users' roles 412/2,045 · waiting 38 s: the API asked us to slow down");
  // From the first 429 on the rate is known: the time left (the wait included) is said during the wait too.
  assert.equal(
    endpointText({ ...row, waitingMs: 37_200, waitReason: 'rate-limit', etaMs: 170 * MINUTE + 37_200 }),
    "users' roles 412/2,045 · waiting 38 s: the API asked us to slow down · about 2 h 51 min left",
  );
  assert.equal(
    endpointText({ ...row, waitingMs: 300_000, waitReason: 'retry-after-capped', askedMs: 3_600_000, etaMs: null }),
    "users' roles 412/2,045 · waiting 5 min: the API asked us to wait 1 h; we wait at most 5 min before trying again",
  );
  const line = loadLine({ done: 415, total: 2420, phase: 'users', endpoints: [{ ...row, endpoint: 'GET /organization/users', label: 'users', perMinute: null, done: 1, total: 1, etaMs: null }, row] });
  assert.match(line, /^Reading the organization \[#+\.+\] 415\/2420 · users' roles 412\/2,045 · 9\.6\/min learned/);
  assert.deepEqual([formatDuration(0), formatDuration(59_001), formatDuration(250_000), formatDuration(3 * 3_600_000 + 60_000)], ['0 s', '1 min', '4 min 10 s', '3 h 1 min']);
  assert.deepEqual(['30s', '15m', '2h', '1h30m', '0', '90', '500ms', 'soon', '', '5 m'].map(parseDuration), [30_000, 900_000, 7_200_000, 5_400_000, 0, 90_000, 500, null, null, null]);
});
