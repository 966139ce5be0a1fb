// The scheduler's decisions against the shared table of cases (`tests/access/pace-cases.json`),
// which the Rust scheduler (`openai-admin-access`, feature `client`: `access/tests/pace_cases.rs`)
// is held to as well: the package's TypeScript scheduler and the Rust one make the same decisions.
// Each case sends its requests one after another through the scheduler on a fake clock, against a
// simulated API (a sliding window per endpoint, or a script of answers), and checks when each
// attempt went out and what it was answered, the rates learned and the ETA, and the endpoint of
// each URL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Scheduler } from '../../pkg/dist/access/scheduler.js';
import { endpointOf } from '../../pkg/dist/access/endpoints.js';
import { setCoreLoader } from '../../pkg/dist/access/core.js';
import { initSync } from '../../pkg/wasm/openai_admin_wasm.js';

const table = JSON.parse(readFileSync(new URL('./pace-cases.json', import.meta.url), 'utf8'));
// The core's `retryAfterDelay` reads the headers, as in the package.
setCoreLoader(() => initSync({ module: readFileSync(new URL('../../pkg/wasm/openai_admin_wasm_bg.wasm', import.meta.url)) }));

const BASE = 'https://api.test/v1';

/** The attempts of a case: [ms since the start, status] each, the rates learned, the ETAs. */
export async function runCase(c) {
  let t = c.start ?? 0;
  const start = t;
  const scheduler = new Scheduler({
    now: () => t,
    sleep: async (ms) => {
      t += Math.max(0, ms);
    },
    random: () => c.random,
    retryAfterCapMs: c.caps.retryAfterCapMs,
    backoffCapMs: c.caps.backoffCapMs,
    learned: (c.learned ?? []).map((l) => ({ endpoint: l.endpoint, perMinute: l.perMinute, at: start + l.at })),
  });
  const admitted = new Map();
  let script = [...(c.api.script ?? [])];
  const attempts = [];
  const fetch = scheduler.fetch(async (input, init) => {
    const endpoint = endpointOf(init?.method ?? 'GET', String(input));
    let status = 200;
    let headers = {};
    if (c.api.script) {
      const next = script.shift() ?? { status: 200 };
      status = next.status;
      headers = next.headers ?? {};
    } else {
      const sent = (admitted.get(endpoint) ?? []).filter((at) => at > t - c.api.windowMs);
      if (sent.length >= c.api.limit) {
        status = 429;
        headers = c.api.headers ?? {};
      } else sent.push(t);
      admitted.set(endpoint, sent);
    }
    attempts.push([t - start, status]);
    return new Response(status === 429 ? '{"error":{"type":"requests"}}' : '{}', { status, headers });
  });
  for (const r of c.requests) {
    for (let i = 0; i < (r.repeat ?? 1); i++) {
      const response = await fetch(`${BASE}${r.path.replace('{i}', String(i))}`, { method: r.method });
      await response.text();
    }
  }
  const learned = Object.fromEntries(scheduler.learned().map((l) => [l.endpoint, l.perMinute]));
  const eta = (c.eta ?? []).map((e) => scheduler.etaMs(e.endpoint, e.remaining));
  return { attempts, learned, eta };
}

function close(actual, expected, what) {
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: ${actual}, expected ${expected}`);
}

for (const c of table.cases) {
  test(`pace case: ${c.name}`, async () => {
    const got = await runCase(c);
    assert.equal(got.attempts.length, c.expect.attempts.length, `attempts: ${JSON.stringify(got.attempts)}`);
    got.attempts.forEach(([at, status], i) => {
      assert.equal(status, c.expect.attempts[i][1], `attempt ${i}'s status`);
      close(at, c.expect.attempts[i][0], `attempt ${i}'s time`);
    });
    assert.deepEqual(Object.keys(got.learned).sort(), Object.keys(c.expect.learned).sort());
    for (const [endpoint, perMinute] of Object.entries(c.expect.learned)) close(got.learned[endpoint], perMinute, `${endpoint} learned`);
    (c.expect.eta ?? []).forEach((ms, i) => (ms === null ? assert.equal(got.eta[i], null) : close(got.eta[i], ms, `eta ${i}`)));
  });
}

test('pace cases: the endpoint of each URL', () => {
  for (const [method, url, endpoint] of table.endpoints) assert.equal(endpointOf(method, url), endpoint, `${method} ${url}`);
});
