// The server handler against a plain reverse proxy: autocannon through each target, side by side,
// against the release mock, with the CPU time each proxy process spends per request.
//
//   node bench/server.mjs [--quick] [--seconds S] [--runs N] [--conns 8,64] [--targets a,b] [--pkg DIR] [--out FILE]
//
// Targets (bench/server-target.mjs, one process each): `direct` (autocannon straight at the mock),
// `minimal` (a keep-alive node:http proxy that swaps the key), `fetch` (the same with the global
// fetch), `minimal-undici` (the same with undici's Pool.request; not run unless named), `handler` (createAdminHandler + toNodeHandler from a copy of pkg/, bearer-token authorize,
// no audit sink), `handler-audit` (the same with the JSON-lines audit file). Cases: GET
// /v1/organization/groups?limit=20 and POST /v1/organization/groups/{id} (a rename).
//
// Default: 10 s per run after a 1 s warm-up (3 s before a target's first run of a case), 3 runs,
// connections 8 and 64, every target (about 10 minutes). `--quick`: 3 s runs, 1 run (under 2
// minutes). Runs are interleaved: run 1 of every cell, then run 2 in another order, ... so that
// drifting background load hits every target. Reported:
// medians of the runs. Latencies come from autocannon's `response` event (float ms), not its
// integer-ms histogram. Proxy CPU per request: process.cpuUsage() of the proxy process over the
// measured run, divided by the requests answered in it. Fails on any non-2xx answer.
import { fork } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { copyPkg, startMock } from '../tests/support/mock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const KEY = 'sk-admin-bench-0000';
const TOKEN = 'bench-visitor-token-0123456789';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const QUICK = argv.includes('--quick');
const SECONDS = Number(opt('seconds', QUICK ? 3 : 10));
const RUNS = Number(opt('runs', QUICK ? 1 : 3));
const WARMUP = Number(opt('warmup', 1));
const CONNS = opt('conns', '8,64').split(',').map(Number);
const TARGETS = opt('targets', 'direct,minimal,fetch,handler').split(',');
const OUT = opt('out', path.join(here, 'results-server.json'));
const log = (...a) => console.error('[bench/server]', ...a);

// ---------------------------------------------------------------- the mock and the proxies
// A copy of pkg/ (a rebuild during the run cannot mix two builds), or the build `--pkg DIR` names.
const PKG = opt('pkg', null);
const pkgDir = PKG
  ? path.resolve(PKG)
  : TARGETS.some((t) => t.startsWith('handler'))
    ? await copyPkg({ need: ['dist/server/node.js', 'wasm/openai_admin_wasm_bg.wasm'], prefix: 'bench-server-pkg-' })
    : null;
process.on('exit', () => pkgDir && !PKG && rmSync(pkgDir, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
const mock = await startMock({ adminKey: KEY, seed: 'empty', args: ['--groups', '100'], builds: ['release'] });
const group = await mock.call('POST', '/v1/organization/groups', { name: 'Bench' });

function startTarget(kind) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'server-target.mjs'), [kind, mock.url, pkgDir ?? ''], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: { ...process.env, BENCH_KEY: KEY },
    });
    process.on('exit', () => child.kill('SIGKILL'));
    child.once('exit', (code) => reject(new Error(`${kind} exited (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^listening on (\S+)$/.exec(line);
      if (m) resolve({ kind, url: m[1], child });
    });
  });
}
const cpuOf = (child) =>
  new Promise((resolve) => {
    child.once('message', (m) => resolve(m.cpu));
    child.send('cpu');
  });

const targets = new Map([['direct', { kind: 'direct', url: mock.url, child: null }]]);
for (const kind of TARGETS) if (kind !== 'direct') targets.set(kind, await startTarget(kind));

// ---------------------------------------------------------------- one run
const CASES = {
  GET: { method: 'GET', path: '/v1/organization/groups?limit=20' },
  POST: { method: 'POST', path: `/v1/organization/groups/${group.id}`, body: JSON.stringify({ name: 'Bench renamed' }) },
};

function cannon(target, kase, connections, seconds, onResponse) {
  const headers = { authorization: `Bearer ${target.kind === 'direct' ? KEY : TOKEN}` };
  if (kase.body) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `${target.url}${kase.path}`, method: kase.method, headers, body: kase.body, connections, duration: seconds },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onResponse) instance.on('response', onResponse);
  });
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const warmed = new Set();
async function measure(target, caseName, connections) {
  const kase = CASES[caseName];
  // The first run of a target and case warms it up longer: the engine optimizes the hot code then.
  const first = !warmed.has(`${target.kind} ${caseName}`);
  warmed.add(`${target.kind} ${caseName}`);
  await cannon(target, kase, connections, first ? 3 * WARMUP : WARMUP);
  const latencies = [];
  let bad = 0;
  const cpu0 = target.child ? await cpuOf(target.child) : 0;
  const t0 = performance.now();
  const result = await cannon(target, kase, connections, SECONDS, (_client, status, _bytes, ms) => {
    if (status < 200 || status > 299) bad += 1;
    latencies.push(ms);
  });
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = target.child ? await cpuOf(target.child) : 0;
  if (bad || result.errors || result.timeouts) throw new Error(`${target.kind} ${caseName} ${connections}: ${bad} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    cpuUs: target.child ? (cpu1 - cpu0) / latencies.length : null,
    requests: latencies.length,
  };
}

// ---------------------------------------------------------------- the cells, interleaved
const cells = [];
for (const connections of CONNS) for (const kind of targets.keys()) for (const caseName of Object.keys(CASES)) cells.push({ kind, caseName, connections, runs: [] });
const total = cells.length * RUNS * (SECONDS + WARMUP);
log(`${cells.length} cells × ${RUNS} runs × (${WARMUP} + ${SECONDS}) s ≈ ${Math.ceil(total / 60)} min; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (let run = 0; run < RUNS; run++) {
  const order = run % 2 ? [...cells].reverse() : cells;
  for (const cell of order) {
    const r = await measure(targets.get(cell.kind), cell.caseName, cell.connections);
    cell.runs.push(r);
    log(`run ${run + 1} ${cell.kind} ${cell.caseName} ${cell.connections}: ${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} ms${r.cpuUs === null ? '' : `, ${r.cpuUs.toFixed(0)} µs CPU/req`}`);
  }
}
await mock.stop();
for (const t of targets.values()) t.child?.kill();

// ---------------------------------------------------------------- the table
const med = (cell, k) => (cell.runs[0][k] === null ? null : median(cell.runs.map((r) => r[k])));
const find = (kind, caseName, connections) => cells.find((c) => c.kind === kind && c.caseName === caseName && c.connections === connections);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const NAMES = {
  direct: 'direct to the mock',
  minimal: 'minimal keep-alive `node:http` proxy (bench/server-target.mjs)',
  fetch: 'the same proxy with the global `fetch`',
  'minimal-undici': 'the same proxy with undici Pool.request',
  handler: '`createAdminHandler` + `toNodeHandler`',
  'handler-audit': '`createAdminHandler` + `toNodeHandler`, JSON-lines audit',
};
const lines = [
  `${SECONDS} s runs, medians of ${RUNS}, release mock; ${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
  '',
  '| target | conns | GET req/s | GET p50 / p99 ms | POST req/s | POST p50 / p99 ms | proxy CPU per request (GET / POST) |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];
for (const connections of CONNS) {
  for (const kind of targets.keys()) {
    const g = find(kind, 'GET', connections);
    const p = find(kind, 'POST', connections);
    const cpu = med(g, 'cpuUs') === null ? '–' : `${fmt(med(g, 'cpuUs'))} / ${fmt(med(p, 'cpuUs'))} µs`;
    lines.push(
      `| ${NAMES[kind]} | ${connections} | ${fmt(med(g, 'rps'))} | ${med(g, 'p50').toFixed(2)} / ${med(g, 'p99').toFixed(2)} | ${fmt(med(p, 'rps'))} | ${med(p, 'p50').toFixed(2)} / ${med(p, 'p99').toFixed(2)} | ${cpu} |`,
    );
  }
}

// Targets of the handler against the minimal proxy and direct calls.
const checks = [];
if (targets.has('handler') && targets.has('minimal')) {
  const c8 = CONNS[0];
  const ratio = (caseName) => med(find('handler', caseName, c8), 'cpuUs') / med(find('minimal', caseName, c8), 'cpuUs');
  checks.push([`CPU per forwarded GET ≤ 2× the minimal proxy's (${c8} conns)`, ratio('GET'), 2, '×']);
  checks.push([`CPU per forwarded POST ≤ 2.5× the minimal proxy's (${c8} conns)`, ratio('POST'), 2.5, '×']);
  if (targets.has('direct') && CONNS.includes(8)) {
    const added = (k) => med(find('handler', 'GET', 8), k) - med(find('direct', 'GET', 8), k);
    checks.push(['added GET latency at 8 conns, p50 ≤ 0.5 ms', added('p50'), 0.5, ' ms']);
    checks.push(['added GET latency at 8 conns, p99 ≤ 2 ms', added('p99'), 2, ' ms']);
  }
  if (CONNS.includes(64)) {
    const share = (caseName) => med(find('handler', caseName, 64), 'rps') / med(find('minimal', caseName, 64), 'rps');
    checks.push(['GET throughput at 64 conns ≥ 50% of the minimal proxy\'s', share('GET'), 0.5, '', true]);
    checks.push(['POST throughput at 64 conns ≥ 50% of the minimal proxy\'s', share('POST'), 0.5, '', true]);
  }
}
lines.push('');
for (const [what, value, limit, unit, atLeast] of checks) {
  const ok = atLeast ? value >= limit : value <= limit;
  lines.push(`- ${ok ? 'pass' : 'MISS'}: ${what}: ${value.toFixed(2)}${unit}`);
}
console.log(lines.join('\n'));
writeFileSync(OUT, `${JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, runs: RUNS, load: loadavg(), cells }, null, 1)}\n`);
log(`samples in ${path.relative(process.cwd(), OUT)}`);
