// `openai-admin access` under the Admin API's real kind of limits, time-scaled: the mock's
// `--route-limit N/6` (N per endpoint in any 6 s, 429 with no header) stands for "N a minute", and
// OPENAI_ADMIN_TIME_SCALE=0.1 scales the scheduler's caps the same way (60 s → 6 s). A dump comes
// out complete and equal to one made without limits, within 1.5 × the limit-bound time (that of
// the busiest endpoint: (ceil(n / N) − 1) × window) plus one window; apply makes each change
// once; and the share of requests answered 429 after the first window stays within 10%.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { access, dir, file, parse, stringify, writes } from './harness.mjs';

const WINDOW_S = 6;
const SCALED = { OPENAI_ADMIN_TIME_SCALE: '0.1' };

const mocks = [];
after(() => Promise.all(mocks.map((m) => m.stop())));
async function start(args, seed = 'demo') {
  const m = await startMock({ seed, args });
  mocks.push(m);
  return m;
}

let reference;
/** The demo seed dumped with no limit. */
async function referenceDump() {
  if (!reference) {
    const m = await start([]);
    const r = await access(m, ['dump']);
    assert.equal(r.code, 0, r.stderr);
    reference = r.stdout;
  }
  return reference;
}

/**
 * What a run cost on `mock`: the limit-bound time of its busiest endpoint (by its answered
 * requests), the share of requests answered 429 after the first window, from the request log.
 */
async function figures(mock, perWindow) {
  const stats = await mock.call('GET', '/__mock/stats');
  const busiest = Math.max(...Object.values(stats.endpoints).map((e) => e.ok));
  const boundS = (Math.ceil(busiest / perWindow) - 1) * WINDOW_S;
  const log = (await mock.requests()).data;
  const first = Math.min(...log.map((e) => e.at_ms));
  const later = log.filter((e) => e.at_ms >= first + WINDOW_S * 1000);
  const limited = later.filter((e) => e.fault === 'rate_limited').length;
  return { stats, busiest, boundS, share: later.length ? limited / later.length : 0, later: later.length, limited };
}

for (const [limit, extra] of [
  ['10/6', []],
  ['5/6', []],
  ['5/6', ['--route-limit-retry-after']],
]) {
  test(`access dump under --route-limit ${limit} ${extra.join(' ')}: complete, correct, within 1.5× the limit-bound time + a window`, async () => {
    const expected = await referenceDump();
    const mock = await start(['--route-limit', limit, ...extra]);
    const started = Date.now();
    const r = await access(mock, ['dump'], { env: SCALED });
    const tookS = (Date.now() - started) / 1000;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, expected, 'the same dump as without limits');
    const perWindow = Number(limit.split('/')[0]);
    const f = await figures(mock, perWindow);
    const budgetS = 1.5 * f.boundS + WINDOW_S;
    console.log(
      `# --route-limit ${limit} ${extra.join(' ')}: ${tookS.toFixed(1)} s (limit-bound ${f.boundS} s, budget ${budgetS} s); ` +
        `429s after the first window: ${f.limited}/${f.later} (${(f.share * 100).toFixed(1)}%); all: ${f.stats.rate_limited}/${f.stats.requests}`,
    );
    assert.ok(f.boundS > 0, 'the limit binds');
    assert.ok(tookS <= budgetS, `${tookS} s > ${budgetS} s`);
    assert.ok(f.share <= 0.1, `${(f.share * 100).toFixed(1)}% of the requests after the first window were answered 429`);
    // Without a terminal, the waits are said in plain lines.
    assert.match(r.stderr, /waiting \d+ s: the API asked us to slow down/);
    assert.doesNotMatch(r.stderr, /sk-admin/);
  });
}

test('access apply of 20 additions under --route-limit 10/6: each made once, and the plan afterwards is empty', async () => {
  const mock = await start(['--route-limit', '10/6']);
  // The file: the demo seed's dump (made on an unlimited mock of the same seed) plus 20 additions,
  // 5 new groups with 3 members each.
  const doc = parse(await referenceDump());
  const emails = [...new Set(Object.values(doc.groups).flatMap((g) => g.members ?? []))];
  assert.ok(emails.length >= 3, 'the demo has people');
  for (let i = 1; i <= 5; i++) doc.groups[`Limited ${i}`] = { members: emails.slice(0, 3) };
  const f = file(stringify(doc));
  await mock.clearRequests();
  const applied = await access(mock, ['apply', '-f', f, '--yes'], { env: SCALED });
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stderr, /Apply complete: 20 done, 0 failed, 0 skipped/);
  const w = await writes(mock);
  const made = w.filter((e) => !e.fault);
  const creates = made.filter((e) => e.method === 'POST' && e.path === '/v1/organization/groups');
  assert.equal(creates.length, 5, 'each group created once');
  assert.equal(new Set(creates.map((e) => JSON.parse(e.body).name)).size, 5);
  const adds = made.filter((e) => e.method === 'POST' && /\/groups\/[^/]+\/users$/.test(e.path));
  assert.equal(adds.length, 15, 'each member added once');
  assert.equal(new Set(adds.map((e) => `${e.path} ${e.body}`)).size, 15);
  const again = await access(mock, ['plan', '-f', f, '--exit-code'], { env: SCALED });
  assert.equal(again.code, 0, again.stdout + again.stderr);
  assert.match(again.stdout, /No changes/);
});

test("who holds a role under --route-limit 20/6 says it needs every user's roles, with the time left: from the first 429 on a cold cache, at once with the rates a run before learned", async () => {
  const mock = await start(['--route-limit', '20/6']);
  const cache = mkdtempSync(path.join(dir, 'who-role-'));
  const env = { ...SCALED, OPENAI_ADMIN_CACHE_DIR: cache };
  const cold = await access(mock, ['who', 'User Auditor'], { env });
  assert.equal(cold.code, 0, cold.stderr);
  assert.match(cold.stdout, /User Auditor/);
  const users = (await mock.call('GET', '/__mock/stats')).endpoints['GET /organization/users/{user_id}/roles'].ok;
  assert.match(cold.stderr, new RegExp(`Who holds role 'User Auditor' needs every user's roles: ${users} reads to go\\.`), 'said before any rate is known');
  // No rate yet when it was said: the plain progress line says the time left from the first 429.
  assert.match(cold.stderr, new RegExp(`^users' roles \\d+/${users} · waiting \\d+ s: the API asked us to slow down · about (\\d+ min ?)?(\\d+ s)? left$`, 'm'));
  // Read again (--max-age 0) with the rates the first run kept in the snapshot: the time left at once.
  const warm = await access(mock, ['who', 'User Auditor', '--max-age', '0'], { env });
  assert.equal(warm.code, 0, warm.stderr);
  assert.equal(warm.stdout, cold.stdout);
  const said = new RegExp(`^Who holds role 'User Auditor' needs every user's roles: ${users} reads to go, about ((\\d+) min ?)?((\\d+) s)?\\.$`, 'm').exec(warm.stderr);
  assert.ok(said, warm.stderr);
  const saidS = Number(said[2] ?? 0) * 60 + Number(said[4] ?? 0);
  // The limit-bound time of the users' roles: (ceil(n / 20) − 1) windows; the learned rate is 0.9 of the limit.
  const boundS = (Math.ceil(users / 20) - 1) * WINDOW_S;
  assert.ok(saidS >= boundS * 0.5 && saidS <= boundS * 3, `about ${saidS} s said, the limit allows ${boundS} s`);
});

test('--timeout: a bad duration is a usage error naming the flag; a wait past it ends the command, saying why', async () => {
  const mock = await start(['--route-limit', '1/60']);
  const bad = await access(mock, ['dump', '--timeout', 'soon']);
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /--timeout must be a duration such as 30s, 15m or 2h, got 'soon'/);
  const started = Date.now();
  const r = await access(mock, ['dump', '--timeout', '2s']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /gave up after --timeout 2s: the API's limits needed longer/);
  assert.ok(Date.now() - started < 15_000, 'it did not wait for the limit');
  assert.equal(r.stdout, '');
});
