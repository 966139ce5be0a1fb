// Reading an organization under the Admin API's kind of limits, time-scaled: the mock's
// `--route-limit N/6` (N per endpoint in any 6 s, 429 with no header) stands for "N a minute", the
// scheduler's caps scaled alike (backoff cap 6 s, Retry-After cap 30 s). For the demo seed (30
// users) and the medium seed (300 users, 30 groups) under 10/6 and 5/6, `loadOrganization`:
// - its time against the limit-bound time, that of the busiest endpoint: (ceil(n / N) − 1) × 6 s;
// - the share of requests answered 429 after the first window (budget ≤ 10%);
// and beside it the official SDK's straightforward script (bench/access-sequential-sdk.mjs, the
// client's defaults: 2 retries, its own backoff): whether it finishes, and when it fails.
// Then, per seed under the first limit, the command line with one snapshot folder: the requests of
// a cold `access dump`, of a second, warm `access who EMAIL` (budget: 0 within --max-age), and of
// an `access plan` whose file names one group (it reads again only what the file names).
//
//   node bench/access-limits.mjs [--seeds demo,medium] [--limits 10/6,5/6] [--no-sdk]
//
// Needs pkg/ built (scripts/build-pkg.sh) and target/release/openai-admin-mock (else the debug
// one). The medium seed under 5/6 takes about 7 minutes.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { copyPkg, KEY, startMock } from '../tests/support/mock.mjs';
import { counted } from './cli-counts.mjs';
import { loadSequentially, officialClient } from './access-sequential-sdk.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { access, file, parse, stringify } from '../tests/access/harness.mjs';

const WINDOW_S = 6;
const SCALE = WINDOW_S / 60;
const { values } = parseArgs({ options: { seeds: { type: 'string', default: 'demo,medium' }, limits: { type: 'string', default: '10/6,5/6' }, 'no-sdk': { type: 'boolean' } } });
const pkgDir = await copyPkg({ prefix: 'openai-admin-bench-limits-', need: ['dist/node.js', 'dist/access/node.js', 'wasm/openai_admin_access_bg.wasm'], waitSeconds: 600 });
const { OpenAIAdmin } = await import(path.join(pkgDir, 'dist', 'node.js'));
const { loadOrganization, Scheduler } = await import(path.join(pkgDir, 'dist', 'access', 'node.js'));

/** The limit-bound time and the 429 share after the first window, from the mock's stats and request log. */
async function figures(mock, perWindow) {
  const stats = await mock.call('GET', '/__mock/stats');
  const busiest = Math.max(...Object.values(stats.endpoints).map((e) => e.ok));
  const log = (await mock.requests()).data;
  const first = Math.min(...log.map((e) => e.at_ms));
  const later = log.filter((e) => e.at_ms >= first + WINDOW_S * 1000);
  const limited = later.filter((e) => e.fault === 'rate_limited').length;
  return {
    requests: stats.requests,
    rateLimited: stats.rate_limited,
    busiest,
    boundS: (Math.ceil(busiest / perWindow) - 1) * WINDOW_S,
    laterShare: later.length ? limited / later.length : 0,
    laterLimited: limited,
    later: later.length,
  };
}

const rows = [];
for (const seed of values.seeds.split(',')) {
  for (const limit of values.limits.split(',')) {
    const perWindow = Number(limit.split('/')[0]);
    const mock = await startMock({ seed, args: ['--route-limit', limit], builds: ['release', 'debug'] });
    try {
      const scheduler = new Scheduler({ timeScale: SCALE });
      const t = performance.now();
      const org = await loadOrganization(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api }), { scheduler });
      const tookS = (performance.now() - t) / 1000;
      const s = org.stats();
      org.free();
      const f = await figures(mock, perWindow);
      const row = { seed, limit, users: s.users, groups: s.groups, tookS, ...f, learned: scheduler.learned().map((l) => `${l.endpoint}: ${l.perMinute.toFixed(1)}/min`) };
      if (!values['no-sdk']) {
        await new Promise((r) => setTimeout(r, WINDOW_S * 1000 + 500)); // a fresh window for the SDK
        const t2 = performance.now();
        try {
          await loadSequentially(officialClient(mock.api, KEY));
          row.sdk = { finished: true, afterS: (performance.now() - t2) / 1000 };
        } catch (e) {
          row.sdk = { finished: false, afterS: (performance.now() - t2) / 1000, error: `${e.constructor?.name ?? 'Error'} ${e.status ?? ''}`.trim() };
        }
      }
      rows.push(row);
      const sdk = row.sdk ? (row.sdk.finished ? `SDK finished in ${row.sdk.afterS.toFixed(1)} s` : `SDK failed after ${row.sdk.afterS.toFixed(1)} s (${row.sdk.error})`) : '';
      console.log(
        `${seed} (${s.users} users, ${s.groups} groups) under ${limit}: ${tookS.toFixed(1)} s against a limit-bound ${f.boundS} s ` +
          `(${(tookS / f.boundS).toFixed(2)}×); 429s after the first window ${f.laterLimited}/${f.later} = ${(f.laterShare * 100).toFixed(1)}% ` +
          `(all: ${f.rateLimited}/${f.requests}); ${sdk}`,
      );
    } finally {
      await mock.stop();
    }
  }
}
console.log('\n| seed | limit | time | limit-bound | ratio | 429s after the first window | official SDK script |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const sdk = r.sdk ? (r.sdk.finished ? `finished in ${r.sdk.afterS.toFixed(1)} s` : `failed after ${r.sdk.afterS.toFixed(1)} s (${r.sdk.error})`) : '';
  console.log(`| ${r.seed} | ${r.limit} | ${r.tookS.toFixed(1)} s | ${r.boundS} s | ${(r.tookS / r.boundS).toFixed(2)}× | ${r.laterLimited}/${r.later} (${(r.laterShare * 100).toFixed(1)}%) | ${sdk} |`);
}

const cliRows = [];
const firstLimit = values.limits.split(',')[0];
for (const seed of values.seeds.split(',')) {
  const mock = await startMock({ seed, args: ['--route-limit', firstLimit], builds: ['release', 'debug'] });
  try {
    const env = { OPENAI_ADMIN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'openai-admin-bench-cache-')), OPENAI_ADMIN_TIME_SCALE: String(SCALE) };
    const dump = await counted(mock, () => access(mock, ['dump'], { env }));
    const doc = parse(dump.result.stdout);
    const email = Object.keys(doc.users).find((e) => e.includes('@'));
    const group = Object.keys(doc.groups)[0];
    const who = await counted(mock, () => access(mock, ['who', email], { env }));
    const plan = await counted(mock, () => access(mock, ['plan', '-f', file(stringify({ groups: { [group]: doc.groups[group] } }))], { env }));
    cliRows.push({ seed, limit: firstLimit, dump, who, plan });
    console.log(`${seed} under ${firstLimit}, the command line: cold dump ${dump.requests} requests in ${dump.tookS.toFixed(1)} s; warm who ${who.requests}; plan of one group ${plan.requests} in ${plan.tookS.toFixed(1)} s`);
  } finally {
    await mock.stop();
  }
}
console.log('\n| seed | limit | cold `access dump` | warm `access who` (budget 0) | `access plan` naming one group |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of cliRows) {
  console.log(`| ${r.seed} | ${r.limit} | ${r.dump.requests} requests, ${r.dump.tookS.toFixed(1)} s | ${r.who.requests} | ${r.plan.requests} requests, ${r.plan.tookS.toFixed(1)} s |`);
}

const over = rows.filter((r) => r.laterShare > 0.1 || r.tookS > 1.5 * r.boundS + WINDOW_S);
const warm = cliRows.filter((r) => r.who.requests > 0);
if (over.length || warm.length) {
  console.error(`over budget: ${[...over.map((r) => `${r.seed} ${r.limit}`), ...warm.map((r) => `${r.seed}: a warm who made ${r.who.requests} requests`)].join(', ')}`);
  process.exitCode = 1;
}
