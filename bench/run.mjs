// Benchmarks this package against the official `openai@7.57.0` SDK and a bare fetch + JSON.parse
// floor, side by side, against the release mock seeded with 100,000 users and 100,000 groups.
//
//   make bench                      # builds pkg/ and the release mock, then runs this
//   node bench/run.mjs [--runs N] [--cold-runs N] [--browser-runs N] [--only case,case] [--no-browser]
//
// Every Node case runs in a fresh process per run (bench/case.mjs), implementations interleaved
// run by run in a rotating order. Prints one table and writes bench/results.json.

import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { copyPkg, mockBinary, startMock } from '../tests/support/mock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const KEY = 'sk-admin-demo';
const USERS = 100_000;
const GROUPS = 100_000;
const IMPLS = ['wasm', 'official', 'floor'];
// bytes gzip, wasm + minified JS: no larger than the 57.7 KB of the release before the tolerant
// reader, aiming for 45 KB
const SIZE_BUDGET = 57_700;
const SIZE_AIM = 45_000;

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('runs', 9));
const COLD_RUNS = Number(opt('cold-runs', 10));
const BROWSER_RUNS = Number(opt('browser-runs', 5));
const ONLY = opt('only', null)?.split(',');
const BROWSER = !argv.includes('--no-browser');
const want = (c) => !ONLY || ONLY.includes(c);

const log = (...a) => console.error('[bench]', ...a);
/** What is missing, and how to get it; exits with 2. */
const missing = (err) => {
  console.error(`${err.message}\n(\`make bench\` builds pkg/ and the release mock)`);
  process.exit(2);
};
try {
  mockBinary(['release']);
} catch (err) {
  missing(err);
}
// ---------------------------------------------------------------- cleanup
// The mock is killed on exit by tests/support/mock.mjs; the temporary directories are removed here.
const tmp = [];
process.on('exit', () => tmp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

// ---------------------------------------------------------------- bundles (size + browser)
// A copy of pkg/ (waiting while a build is under way), so that a rebuild of pkg/ during the run
// cannot mix two builds.
const pkgDir = await copyPkg({ prefix: 'openai-admin-bench-pkg-', waitSeconds: 600 }).catch(missing);
tmp.push(pkgDir);
const work = mkdtempSync(path.join(tmpdir(), 'openai-admin-bench-'));
tmp.push(work);
const www = path.join(work, 'www');
mkdirSync(path.join(www, 'b'), { recursive: true });
mkdirSync(path.join(www, 'wasm'), { recursive: true });
writeFileSync(path.join(www, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');
// The package's browser entry fetches `new URL('../wasm/openai_admin_wasm_bg.wasm', import.meta.url)`:
// with the bundle at /b/wasm.js that is /wasm/openai_admin_wasm_bg.wasm.
const wasmFile = path.join(pkgDir, 'wasm', 'openai_admin_wasm_bg.wasm');
copyFileSync(wasmFile, path.join(www, 'wasm', 'openai_admin_wasm_bg.wasm'));

const esbuild = await import('esbuild');
for (const impl of IMPLS) {
  await esbuild.build({
    entryPoints: [path.join(here, 'browser', `${impl}.js`)],
    outfile: path.join(www, 'b', `${impl}.js`),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'warning',
    // bench/browser/wasm.js imports ../../pkg/dist/index.js: take it from the copy.
    plugins: [
      {
        name: 'pkg-copy',
        setup(b) {
          b.onResolve({ filter: /\/pkg\/dist\/index\.js$/ }, () => ({ path: path.join(pkgDir, 'dist', 'index.js') }));
        },
      },
    ],
  });
}
const gz = (file) => execFileSync('gzip', ['-9c', file], { maxBuffer: 64 << 20 }).length;
const rawSize = (file) => readFileSync(file).length;
const size = {
  wasm: {
    jsRaw: rawSize(path.join(www, 'b', 'wasm.js')),
    jsGzip: gz(path.join(www, 'b', 'wasm.js')),
    wasmRaw: rawSize(wasmFile),
    wasmGzip: gz(wasmFile),
  },
  official: { jsRaw: rawSize(path.join(www, 'b', 'official.js')), jsGzip: gz(path.join(www, 'b', 'official.js')) },
};
size.wasm.total = size.wasm.jsGzip + size.wasm.wasmGzip;
size.official.total = size.official.jsGzip;
log(`size: package ${size.wasm.jsGzip} B js + ${size.wasm.wasmGzip} B wasm gzip; official ${size.official.jsGzip} B gzip`);

// ---------------------------------------------------------------- mock
const mock = await startMock({
  seed: 'empty',
  adminKey: KEY,
  args: ['--users', String(USERS), '--groups', String(GROUPS), '--www', www],
  builds: ['release'],
  timeoutMs: 60_000,
});
log(mock.startupLog.trim() || 'mock started');
const url = mock.url;
log(`mock at ${url} (pid ${mock.child.pid})`);

// Group ids for the retrieve cases, fetched once with a plain request.
const idsFile = path.join(work, 'ids.json');
{
  const res = await fetch(`${url}/v1/organization/groups?limit=1000`, { headers: { Authorization: `Bearer ${KEY}` } });
  const body = await res.json();
  if (body.data?.length !== 1000) throw new Error(`unexpected groups page: ${JSON.stringify(body).slice(0, 300)}`);
  writeFileSync(idsFile, JSON.stringify(body.data.map((g) => g.id)));
}

// ---------------------------------------------------------------- node cases
/** Runs bench/case.mjs once; for `cold`, also the wall time from spawn to the `first` line. */
function runChild(kind, impl) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    let firstAt = null;
    let result = null;
    let stderr = '';
    const child = spawn(process.execPath, [path.join(here, 'case.mjs'), kind, impl, url, idsFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH_ADMIN_KEY: KEY, BENCH_PKG: pkgDir },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.stderr.on('data', (d) => (stderr += d));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'first') firstAt = process.hrtime.bigint();
      else if (line.startsWith('{')) result = JSON.parse(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 || !result) return reject(new Error(`case ${kind} ${impl} failed (exit ${code}):\n${stderr}`));
      if (kind === 'cold') result.spawnToFirstMs = Number(firstAt - t0) / 1e6;
      resolve(result);
    });
  });
}

const expected = { 'list-groups': GROUPS, 'list-users': USERS, cold: 100 };
const nodeCases = [
  { kind: 'list-groups', runs: RUNS },
  { kind: 'list-users', runs: RUNS },
  { kind: 'per-call', runs: RUNS },
  { kind: 'concurrency', runs: RUNS },
  { kind: 'cold', runs: COLD_RUNS },
].filter((c) => want(c.kind) || (c.kind.startsWith('list-') && want('memory')));
const samples = {}; // `${case}|${impl}` -> [results]
const add = (c, impl, r) => (samples[`${c}|${impl}`] ??= []).push(r);

const rotate = (arr, k) => arr.map((_, i) => arr[(i + k) % arr.length]);
const maxRuns = Math.max(0, ...nodeCases.map((c) => c.runs));
const started = Date.now();
for (let r = 0; r < maxRuns; r++) {
  for (const c of nodeCases) {
    if (r >= c.runs) continue;
    for (const impl of rotate(IMPLS, r)) {
      const res = await runChild(c.kind, impl);
      if (expected[c.kind] !== undefined && res.count !== expected[c.kind]) {
        throw new Error(`${c.kind} ${impl}: got ${res.count} items, expected ${expected[c.kind]}`);
      }
      add(c.kind, impl, res);
    }
  }
  log(`node run ${r + 1}/${maxRuns} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

// ---------------------------------------------------------------- browser case
if (BROWSER && want('browser')) {
  const { launchChromium } = await import('../tests/support/browser.mjs');
  const browser = await launchChromium();
  try {
    for (let r = 0; r < BROWSER_RUNS; r++) {
      for (const impl of rotate(IMPLS, r)) {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(String(e)));
          await page.goto(`${url}/`);
          const res = await page.evaluate(
            async ({ impl, key }) => {
              const t0 = performance.now();
              const m = await import(`/b/${impl}.js`);
              const api = m.make(`${location.origin}/v1`, key);
              const first = await api.firstPage();
              const t1 = performance.now();
              const groups = await api.listGroups();
              const t2 = performance.now();
              const users = await api.listUsers();
              const t3 = performance.now();
              return { first, groups, users, firstMs: t1 - t0, groupsMs: t2 - t1, usersMs: t3 - t2 };
            },
            { impl, key: KEY },
          );
          if (res.groups !== GROUPS || res.users !== USERS || res.first !== 1) {
            throw new Error(`browser ${impl}: counts ${JSON.stringify(res)} ${errors.join('\n')}`);
          }
          add('browser list-groups', impl, { ms: res.groupsMs });
          add('browser list-users', impl, { ms: res.usersMs });
          add('browser first-call', impl, { ms: res.firstMs });
        } finally {
          await context.close();
        }
      }
      log(`browser run ${r + 1}/${BROWSER_RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- table
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const rows = [];
function row(caseName, unit, pick, from = caseName) {
  const stats = {};
  for (const impl of IMPLS) {
    const xs = (samples[`${from}|${impl}`] ?? []).map(pick);
    if (xs.length) stats[impl] = { values: xs, median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
  }
  for (const impl of IMPLS) {
    const s = stats[impl];
    if (!s) continue;
    rows.push({
      case: caseName,
      impl,
      unit,
      runs: s.values.length,
      median: s.median,
      min: s.min,
      max: s.max,
      vsOfficial: stats.official ? s.median / stats.official.median : null,
      vsFloor: stats.floor ? s.median / stats.floor.median : null,
      values: s.values,
    });
  }
}
const ms = (r) => r.ms;
const mib = (r) => r.maxRssKB / 1024;
if (want('list-groups')) row('list-groups', 'ms', ms);
if (want('list-users')) row('list-users', 'ms', ms);
if (want('per-call')) row('per-call', 'ms', ms);
if (want('concurrency')) row('concurrency', 'ms', ms);
// CPU time of the client process over the same timed part: on a busy machine wall time also
// counts waiting for a core; this does not.
for (const c of ['list-groups', 'list-users', 'per-call', 'concurrency']) if (want(c)) row(`${c} cpu`, 'ms', (r) => r.cpuMs, c);
if (want('cold')) row('cold start', 'ms', (r) => r.spawnToFirstMs, 'cold');
if (want('memory')) {
  row('memory list-groups', 'MiB', mib, 'list-groups');
  row('memory list-users', 'MiB', mib, 'list-users');
}
if (want('size')) {
  for (const impl of ['wasm', 'official']) {
    const v = size[impl].total / 1000;
    rows.push({
      case: 'size gzip',
      impl,
      unit: 'KB',
      runs: 1,
      median: v,
      min: v,
      max: v,
      vsOfficial: size[impl].total / size.official.total,
      vsFloor: null,
      detail: size[impl],
    });
  }
}
for (const c of ['browser list-groups', 'browser list-users', 'browser first-call']) if (samples[`${c}|wasm`]) row(c, 'ms', ms);

const fmt = (v, unit) => (v === null || v === undefined ? '–' : unit === 'KB' || unit === 'MiB' ? v.toFixed(1) : v.toFixed(0));
const fmtRatio = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(2)}×`);
const header = ['case', 'impl', 'runs', 'median', 'min', 'max', 'vs official', 'vs floor'];
const lines = rows.map((r) => [
  r.case,
  r.impl,
  String(r.runs),
  `${fmt(r.median, r.unit)} ${r.unit}`,
  fmt(r.min, r.unit),
  fmt(r.max, r.unit),
  fmtRatio(r.vsOfficial),
  fmtRatio(r.vsFloor),
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const numeric = (i) => i >= 2;
const pad = (cells) => `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
const table = [pad(header), `|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...lines.map(pad)].join('\n');

// ---------------------------------------------------------------- budgets
const get = (c, impl) => rows.find((r) => r.case === c && r.impl === impl);
const budgets = [];
const check = (name, ok, detail) => ok !== null && budgets.push({ name, pass: ok, detail });
const w = (c) => get(c, 'wasm');
if (w('size gzip')) {
  check('size ≤ 57.7 KB gzip (wasm + minified JS)', size.wasm.total <= SIZE_BUDGET, `${size.wasm.total} B`);
  check('size ≤ 45 KB gzip (the aim)', size.wasm.total <= SIZE_AIM, `${size.wasm.total} B`);
}
// list-all: ≤ 0.9× the official SDK and ≤ 1.15× the floor; per call: ≤ 0.8× and ≤ 1.2×.
const speedBudgets = { 'list-groups': [0.9, 1.15], 'list-users': [0.9, 1.15], 'per-call': [0.8, 1.2] };
for (const [c, [official, floor]] of Object.entries(speedBudgets)) {
  const r = w(c);
  if (!r) continue;
  check(`${c} ≤ ${official}× official`, r.vsOfficial <= official, fmtRatio(r.vsOfficial));
  check(`${c} ≤ ${floor}× floor`, r.vsFloor <= floor, fmtRatio(r.vsFloor));
}
if (w('cold start')) check('cold start ≤ official', w('cold start').vsOfficial <= 1, fmtRatio(w('cold start').vsOfficial));
for (const c of ['memory list-groups', 'memory list-users']) {
  if (w(c)) check(`${c} ≤ official`, w(c).vsOfficial <= 1, fmtRatio(w(c).vsOfficial));
}

// ---------------------------------------------------------------- output
const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadavg: loadavg().map((x) => Number(x.toFixed(2))),
  platform: `${process.platform} ${process.arch}`,
};
let commit = null;
try {
  commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', 'src', 'pkg-template', 'Cargo.toml'], { encoding: 'utf8' }).trim();
  if (dirty) commit += ' (+ uncommitted changes in src/ or pkg-template/)';
} catch {}

console.log(`\n${table}\n`);
console.log(`machine: ${machine.nproc} cores, ${machine.cpu}, Node ${machine.node}, load average at end ${machine.loadavg.join(' ')}`);
console.log(`package: ${commit ?? 'unknown commit'}; ${size.wasm.jsGzip} B JS + ${size.wasm.wasmGzip} B wasm gzip (raw ${size.wasm.jsRaw} + ${size.wasm.wasmRaw}); official ${size.official.jsGzip} B gzip (raw ${size.official.jsRaw})`);
console.log('budgets (this package):');
for (const b of budgets) console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.detail}`);

writeFileSync(
  path.join(here, 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine, commit, config: { runs: RUNS, coldRuns: COLD_RUNS, browserRuns: BROWSER_RUNS, users: USERS, groups: GROUPS }, size, rows, budgets, table }, null, 2)}\n`,
);
log(`wrote bench/results.json (${((Date.now() - started) / 1000).toFixed(0)} s of runs)`);
process.exit(0);
