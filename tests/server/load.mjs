// Load through the server handler: the mixed read/write model of tests/load/load.mjs run twice
// against the same mock, once calling it directly and once through the demo server (the handler on
// Node's http, bearer-token authorize, JSON-lines audit), and the latency the handler adds, reported.
//
//   node tests/server/load.mjs
//
// LOAD_SECONDS (per run, default 10), LOAD_WORKERS (a comma-separated list of concurrencies, each
// measured directly and through the handler; default "8,64"), MOCK_BIN (default: the release mock).
// Fails if either run fails its model (any 5xx, unexpected status, final state other than the
// model), or if the audit file does not hold exactly one event per request through the handler.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyPkg, repoRoot, startMock } from '../support/mock.mjs';
import { ADMIN_TOKEN, startDemoServer } from '../e2e/harness.mjs';

const KEY = 'sk-admin-LOAD-CANARY-20c4';
const seconds = process.env.LOAD_SECONDS ?? '10';
const levels = (process.env.LOAD_WORKERS ?? '8,64').split(',').map(Number);
const root = repoRoot();

/** Runs tests/load/load.mjs against `base` with `token`; resolves to its parsed report. */
function run(base, token, workers) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'tests/load/load.mjs'), base], {
      env: { ...process.env, ADMIN_KEY: token, LOAD_SECONDS: seconds, LOAD_WORKERS: String(workers) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const num = (re) => Number(re.exec(out)?.[1]);
      const report = {
        code,
        out,
        err,
        p50: num(/p50 ([\d.]+)/),
        p99: num(/p99 ([\d.]+)/),
        rps: num(/: (\d+) requests\/s/),
        total: num(/statuses \(all (\d+) requests/),
      };
      if (code !== 0) reject(Object.assign(new Error(`load run against ${base} failed (${code})\n${out}\n${err}`), { report }));
      else resolve(report);
    });
  });
}

const pkgDir = await copyPkg({ need: ['dist/server/node.js', 'wasm/openai_admin_wasm_bg.wasm'], prefix: 'admin-server-load-' });
const mock = await startMock({ adminKey: KEY, args: ['--users', '256'], builds: ['release'] });
let failed = false;
const rows = [];
try {
  for (const workers of levels) {
    await mock.reset();
    const direct = await run(mock.url, KEY, workers);
    await mock.reset();
    const demo = await startDemoServer({ upstream: mock.api, pkgDir, key: KEY });
    let through;
    let audit;
    try {
      through = await run(demo.url, ADMIN_TOKEN, workers);
    } finally {
      audit = (await demo.stop()).split('\n').filter(Boolean);
      if (demo.output().includes(KEY)) {
        console.error('FAILED: the admin key is in the handler server output');
        failed = true;
      }
    }
    const events = audit.map((l) => JSON.parse(l));
    if (audit.some((l) => l.includes(KEY))) {
      console.error('FAILED: the admin key is in an audit line');
      failed = true;
    }
    if (events.length !== through.total) {
      console.error(`FAILED: ${events.length} audit events for ${through.total} requests through the handler`);
      failed = true;
    }
    const writes = events.filter((e) => e.writes).length;
    const sortedOwn = events
      .filter((e) => e.upstreamMs !== undefined)
      .map((e) => e.durationMs - e.upstreamMs)
      .sort((a, b) => a - b);
    const own99 = sortedOwn[Math.floor(0.99 * (sortedOwn.length - 1))] ?? NaN;
    rows.push({ workers, direct, through, writes, own99, events: events.length });
    console.log(`\n== ${workers} connections, ${seconds} s each ==`);
    console.log(`direct:  ${direct.out.trim().split('\n').join('\n         ')}`);
    console.log(`handler: ${through.out.trim().split('\n').join('\n         ')}`);
    console.log(
      `audit: ${events.length} events, one per request (${writes} writes); p99 of the time spent in the handler itself (duration minus the wait for the API): ${own99.toFixed(2)} ms`,
    );
  }
} catch (err) {
  console.error(err.message);
  failed = true;
} finally {
  await mock.stop();
  rmSync(pkgDir, { recursive: true, force: true });
}

console.log('\nlatency the handler adds (through the handler minus directly, same load, same mock):');
console.log('| connections | direct p50 / p99 ms | handler p50 / p99 ms | added p50 / p99 ms | handler-only p99 ms | requests/s direct → handler |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const d = r.direct;
  const t = r.through;
  console.log(
    `| ${r.workers} | ${d.p50.toFixed(2)} / ${d.p99.toFixed(2)} | ${t.p50.toFixed(2)} / ${t.p99.toFixed(2)} | ${(t.p50 - d.p50).toFixed(2)} / ${(t.p99 - d.p99).toFixed(2)} | ${r.own99.toFixed(2)} | ${d.rps} → ${t.rps} |`,
  );
}
if (failed) process.exit(1);
console.log('load through the handler: every status and the final state as the model predicted, one audit event per request, no key anywhere');
