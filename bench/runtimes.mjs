// Time to the first answer in each runtime, from a cold start and a warm one, for this package,
// the official `openai@7.57.0` SDK and a bare fetch (floor), and the bundle each platform's tool
// emits. The package is the packed tarball installed in a scratch project
// (scripts/runtimes-project.sh), as the runtime tests use it.
//
//   make bench                       # runs bench/run.mjs, then this
//   node bench/runtimes.mjs [--runs N] [--warm N] [--only node,deno,bun,workers,edge,next]
//
// The program: import the client, construct it, `groups.list({ limit: 1 })`, first page in hand.
// - node, deno, bun: a fresh process per cold run (bench/runtimes/first.mjs). Cold = from before
//   the import to the first page (in the process); `spawn` = from spawning the process to its
//   `first` line (start-up of the runtime included). Warm = a new client in the same process.
// - workers: the Worker bundled by `wrangler deploy --dry-run`, started in workerd by Miniflare.
//   Cold = from `new Miniflare()` (workerd starts, loads and compiles the Worker and its wasm
//   module) to the first answer of its first request; `first request` = that request alone.
//   Warm = a later request to the same isolate (a new client per request).
// - edge: the edge function bundled by esbuild (edge conditions), in a new `EdgeRuntime` per cold
//   run (its wasm compiled by the host, as Vercel does): from `new EdgeRuntime` to the first answer.
// - next: `next start` of the app of tests/runtimes/next (built once): from spawning the server to
//   the first answer of /api/first-node or /api/first-edge; warm = later requests.
// Implementations interleave run by run in a rotating order. Prints a table and writes
// bench/results-runtimes.json (git-ignored).

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startMock, KEY } from '../tests/support/mock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const IMPLS = ['wasm', 'official', 'floor'];
const COMPATIBILITY_DATE = '2026-04-01';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('runs', 7));
const WARM = Number(opt('warm', 5));
const ONLY = opt('only', 'node,deno,bun,workers,edge,next').split(',');
const log = (...a) => console.error('[bench runtimes]', ...a);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const rotate = (arr, k) => arr.map((_, i) => arr[(i + k) % arr.length]);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const env = (extra = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_'))),
  NEXT_TELEMETRY_DISABLED: '1',
  WRANGLER_SEND_METRICS: 'false',
  DENO_NO_UPDATE_CHECK: '1',
  ...extra,
});

// ---------------------------------------------------------------- the scratch project
const project = path.join(root, 'target', 'bench-runtimes');
log('packing pkg/ and installing it in', project);
execFileSync(path.join(root, 'scripts', 'runtimes-project.sh'), [project], { stdio: ['ignore', 'ignore', 'inherit'] });
const work = path.join(project, 'bench');
mkdirSync(work, { recursive: true });
cpSync(path.join(here, 'runtimes', 'first.mjs'), path.join(work, 'first.mjs'));

/** An entry that answers one request with the first page, for one implementation. */
function entrySource(impl, shape) {
  const imp = impl === 'wasm' ? "import Client from 'openai-admin-wasm';" : impl === 'official' ? "import Client from 'openai';" : '';
  const first =
    impl === 'floor'
      ? 'const res = await fetch(`${api}/organization/groups?limit=1`, { headers: { Authorization: `Bearer ${key}` } }); const data = (await res.json()).data;'
      : `const data = (await new Client({ adminAPIKey: key, baseURL: api${impl === 'official' ? ", apiKey: 'unused'" : ''} }).admin.organization.groups.list({ limit: 1 })).data;`;
  if (shape === 'worker') {
    return `${imp}\nexport default {\n  async fetch(request, env) {\n    const api = env.MOCK_API, key = env.MOCK_KEY;\n    ${first}\n    return Response.json({ count: data.length });\n  },\n};\n`;
  }
  // edge: a fetch listener; the mock's address and key come with the request.
  return `${imp}\naddEventListener('fetch', (event) => event.respondWith((async () => {\n  const u = new URL(event.request.url); const api = u.searchParams.get('api'), key = event.request.headers.get('x-key');\n  ${first}\n  return Response.json({ count: data.length });\n})()));\n`;
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const sizes = {}; // runtime -> impl -> { files: {name: [raw, gzip]}, raw, gzip }
function sizeOf(runtime, impl, files) {
  const entry = { files: {}, raw: 0, gzip: 0 };
  for (const [name, buf] of files) {
    entry.files[name] = [buf.length, gz(buf)];
    entry.raw += buf.length;
    entry.gzip += gz(buf);
  }
  (sizes[runtime] ??= {})[impl] = entry;
}

// ---------------------------------------------------------------- the mock
const mock = await startMock({ builds: ['release', 'debug'], timeoutMs: 60_000 });
const api = `${mock.url}/v1`;
log(`mock at ${mock.url} (pid ${mock.child.pid})`);

const samples = {}; // `${runtime}|${impl}` -> { cold: [], warm: [], spawn: [] }
const add = (runtime, impl, key, v) => ((samples[`${runtime}|${impl}`] ??= {})[key] ??= []).push(v);

// ---------------------------------------------------------------- node, deno, bun
const processRuntimes = {
  node: () => [process.execPath, ['first.mjs']],
  deno: () => [bin('deno'), ['run', '--node-modules-dir=manual', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', 'first.mjs']],
  bun: () => [bin('bun'), ['run', 'first.mjs']],
};
function firstInProcess(runtime, impl) {
  const [cmd, args] = processRuntimes[runtime]();
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstAt = null;
    let result = null;
    let stderr = '';
    const child = spawn(cmd, [...args, impl, api, KEY], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], env: env({ DENO_DIR: path.join(project, '.deno') }) });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (d) => (stderr += d));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'first') firstAt = performance.now();
      else if (line.startsWith('{')) result = JSON.parse(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 || !result || firstAt === null) return reject(new Error(`${runtime} ${impl} failed (exit ${code}):\n${stderr}`));
      resolve({ ...result, spawn: firstAt - t0 });
    });
  });
}
const failures = [];
/** Runs one runtime's part; a failure is reported (and the run goes on with the other runtimes). */
async function section(name, fn) {
  if (!ONLY.includes(name)) return;
  try {
    await fn();
  } catch (e) {
    failures.push(`${name}: ${e.message.split('\n').slice(0, 8).join('\n')}`);
    log(`${name} FAILED: ${e.message.slice(0, 2000)}`);
  }
}

for (const runtime of Object.keys(processRuntimes)) await section(runtime, async () => {
  // One untimed run each: Deno writes its code cache, every runtime has its files in the page cache.
  for (const impl of IMPLS) await firstInProcess(runtime, impl);
  for (let r = 0; r < RUNS; r++) {
    for (const impl of rotate(IMPLS, r)) {
      const res = await firstInProcess(runtime, impl);
      add(runtime, impl, 'cold', res.cold);
      add(runtime, impl, 'spawn', res.spawn);
      add(runtime, impl, 'warm', median(res.warm.slice(0, WARM)));
    }
  }
  log(`${runtime} done`);
});
// Bun's bundler: what `bun build --target=bun --minify` emits (the wasm file loads at run time).
await section('bun', async () => {
  for (const impl of ['wasm', 'official']) {
    const src = path.join(work, `bun-${impl}.mjs`);
    writeFileSync(src, `${entrySource(impl, 'worker')}`);
    const out = path.join(work, `bun-out-${impl}`);
    rmSync(out, { recursive: true, force: true });
    execFileSync(bin('bun'), ['build', '--target=bun', '--minify', '--outdir', out, src], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    const files = readdirSync(out).map((f) => [f, readFileSync(path.join(out, f))]);
    if (impl === 'wasm') {
      const wasm = path.join(project, 'node_modules', 'openai-admin-wasm', 'wasm', 'openai_admin_wasm_bg.wasm');
      files.push(['openai_admin_wasm_bg.wasm (read at run time)', readFileSync(wasm)]);
    }
    sizeOf('bun', impl, files);
  }
});

// ---------------------------------------------------------------- workers
await section('workers', async () => {
  const { Miniflare } = await import('miniflare');
  const scripts = {};
  for (const impl of IMPLS) {
    const dir = path.join(work, `worker-${impl}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.js'), entrySource(impl, 'worker'));
    writeFileSync(path.join(dir, 'wrangler.jsonc'), JSON.stringify({ name: `bench-${impl}`, main: './index.js', compatibility_date: COMPATIBILITY_DATE }));
    execFileSync(bin('wrangler'), ['deploy', '--dry-run', '--outdir', 'dist'], { cwd: dir, env: env(), stdio: ['ignore', 'ignore', 'inherit'] });
    const dist = path.join(dir, 'dist');
    const files = readdirSync(dist).filter((f) => !f.endsWith('.map') && f !== 'README.md');
    scripts[impl] = path.join(dist, 'index.js');
    if (impl !== 'floor') sizeOf('workers', impl, files.map((f) => [f, readFileSync(path.join(dist, f))]));
  }
  const options = (impl) => ({
    modules: true,
    scriptPath: scripts[impl],
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: COMPATIBILITY_DATE,
    bindings: { MOCK_API: api, MOCK_KEY: KEY },
  });
  const ask = async (mf) => {
    const res = await mf.dispatchFetch('http://bench.test/first');
    const body = await res.json();
    if (body.count !== 1) throw new Error(`worker answered ${JSON.stringify(body)}`);
  };
  for (const impl of IMPLS) {
    const mf = new Miniflare(options(impl));
    await ask(mf);
    await mf.dispose();
  }
  for (let r = 0; r < RUNS; r++) {
    for (const impl of rotate(IMPLS, r)) {
      const t0 = performance.now();
      const mf = new Miniflare(options(impl));
      try {
        await mf.ready;
        const t1 = performance.now();
        await ask(mf);
        const t2 = performance.now();
        add('workers', impl, 'cold', t2 - t0);
        add('workers', impl, 'first request', t2 - t1);
        const warm = [];
        for (let i = 0; i < WARM; i++) {
          const t = performance.now();
          await ask(mf);
          warm.push(performance.now() - t);
        }
        add('workers', impl, 'warm', median(warm));
      } finally {
        await mf.dispose();
      }
    }
  }
  log('workers done');
});

// ---------------------------------------------------------------- edge
await section('edge', async () => {
  const { bundleEdge, edgeRuntime } = await import(pathToFileURL(path.join(root, 'tests', 'runtimes', 'edge', 'bundle.mjs')).href);
  const bundles = {};
  for (const impl of IMPLS) {
    const src = path.join(work, `edge-${impl}.js`);
    writeFileSync(src, entrySource(impl, 'edge'));
    bundles[impl] = await bundleEdge(src, { minify: true });
    if (impl !== 'floor') {
      sizeOf('edge', impl, [
        [`edge-${impl}.js (esbuild --minify)`, Buffer.from(bundles[impl].code)],
        ...bundles[impl].wasm.map((w) => [path.basename(w.file), readFileSync(w.file)]),
      ]);
    }
  }
  const ask = async (rt) => {
    const res = await rt.dispatchFetch(`http://edge.test/first?api=${encodeURIComponent(api)}`, { headers: { 'x-key': KEY } });
    const body = await res.json();
    if (body.count !== 1) throw new Error(`edge function answered ${JSON.stringify(body)}`);
  };
  for (const impl of IMPLS) await ask(edgeRuntime(bundles[impl]));
  for (let r = 0; r < RUNS; r++) {
    for (const impl of rotate(IMPLS, r)) {
      const t0 = performance.now();
      const rt = edgeRuntime(bundles[impl]);
      await ask(rt);
      add('edge', impl, 'cold', performance.now() - t0);
      const warm = [];
      for (let i = 0; i < WARM; i++) {
        const t = performance.now();
        await ask(rt);
        warm.push(performance.now() - t);
      }
      add('edge', impl, 'warm', median(warm));
    }
  }
  log('edge done');
});

// ---------------------------------------------------------------- next
await section('next', async () => {
  const app = path.join(work, 'next');
  cpSync(path.join(root, 'tests', 'runtimes', 'next'), app, { recursive: true });
  // The test app's routes and page import ../../program.mjs (from next/app): keep it where they find it.
  cpSync(path.join(root, 'tests', 'runtimes', 'program.mjs'), path.join(work, 'program.mjs'));
  for (const rt of ['node', 'edge']) {
    const dir = path.join(app, 'app', 'api', `first-${rt}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'route.js'),
      `import OpenAIAdmin from 'openai-admin-wasm';\nimport OpenAI from 'openai';\nexport const runtime = '${rt === 'node' ? 'nodejs' : 'edge'}';\nexport const dynamic = 'force-dynamic';\n` +
        `export async function GET(request) {\n  const impl = new URL(request.url).searchParams.get('impl');\n  const api = process.env.MOCK_API, key = process.env.MOCK_KEY;\n  let data;\n` +
        `  if (impl === 'floor') data = (await (await fetch(\`\${api}/organization/groups?limit=1\`, { headers: { Authorization: \`Bearer \${key}\` } })).json()).data;\n` +
        `  else { const Client = impl === 'wasm' ? OpenAIAdmin : OpenAI; data = (await new Client({ adminAPIKey: key, baseURL: api, apiKey: 'unused' }).admin.organization.groups.list({ limit: 1 })).data; }\n` +
        `  return Response.json({ count: data.length });\n}\n`,
    );
  }
  log('next build (once)');
  execFileSync(bin('next'), ['build'], { cwd: app, env: env(), stdio: ['ignore', 'ignore', 'inherit'] });
  const freePort = () =>
    new Promise((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    });
  for (const rt of ['node', 'edge']) {
    for (let r = 0; r < RUNS; r++) {
      for (const impl of rotate(IMPLS, r)) {
        const port = await freePort();
        const t0 = performance.now();
        const server = spawn(bin('next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
          cwd: app,
          env: env({ MOCK_API: api, MOCK_KEY: KEY, NODE_ENV: 'production' }),
          stdio: 'ignore',
          detached: true,
        });
        const gone = new Promise((resolve) => server.once('exit', resolve));
        const url = `http://127.0.0.1:${port}/api/first-${rt}?impl=${impl}`;
        try {
          let res;
          for (let i = 0; ; i++) {
            try {
              res = await fetch(url);
              break;
            } catch (e) {
              // Not listening yet.
              if (i > 1500) throw new Error(`next start: no answer from ${url} (${e.message})`);
              await sleep(20);
            }
          }
          const text = await res.text();
          if (res.status !== 200 || JSON.parse(text).count !== 1) throw new Error(`next ${rt} ${impl}: ${res.status} ${text.slice(0, 500)}`);
          add(`next ${rt}`, impl, 'cold', performance.now() - t0);
          const warm = [];
          for (let i = 0; i < WARM; i++) {
            const t = performance.now();
            await (await fetch(url)).json();
            warm.push(performance.now() - t);
          }
          add(`next ${rt}`, impl, 'warm', median(warm));
        } finally {
          try {
            process.kill(-server.pid, 'SIGKILL');
          } catch {}
          await gone;
        }
      }
    }
    log(`next ${rt} done`);
  }
});

await mock.stop();

// ---------------------------------------------------------------- report
const rows = [];
for (const [key, s] of Object.entries(samples)) {
  const [runtime, impl] = key.split('|');
  const row = { runtime, impl };
  for (const [k, xs] of Object.entries(s)) row[k] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
  rows.push(row);
}
const get = (runtime, impl) => rows.find((r) => r.runtime === runtime && r.impl === impl);
const f = (x) => (x === undefined ? '' : x.median.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a.median / b.median).toFixed(2)}×` : '');
const lines = [['runtime', 'impl', 'cold ms', 'cold vs official', 'warm ms', 'warm vs official', 'spawn / first request ms']];
for (const runtime of [...new Set(rows.map((r) => r.runtime))]) {
  for (const impl of IMPLS) {
    const r = get(runtime, impl);
    if (!r) continue;
    const o = get(runtime, 'official');
    lines.push([runtime, impl, f(r.cold), impl === 'official' ? '' : ratio(r.cold, o?.cold), f(r.warm), impl === 'official' ? '' : ratio(r.warm, o?.warm), f(r.spawn ?? r['first request'])]);
  }
}
const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
const table = lines.map((l, j) => `| ${l.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |${j === 0 ? `\n|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|` : ''}`).join('\n');
const sizeLines = [['runtime', 'impl', 'raw B', 'gzip B', 'files (raw / gzip B)']];
for (const [runtime, byImpl] of Object.entries(sizes)) {
  for (const [impl, s] of Object.entries(byImpl)) {
    sizeLines.push([runtime, impl, String(s.raw), String(s.gzip), Object.entries(s.files).map(([n, [r, g]]) => `${n} ${r} / ${g}`).join('; ')]);
  }
}
const sw = sizeLines[0].map((_, i) => Math.max(...sizeLines.map((l) => l[i].length)));
const sizeTable = sizeLines.map((l, j) => `| ${l.map((c, i) => c.padEnd(sw[i])).join(' | ')} |${j === 0 ? `\n|${sw.map((w) => '-'.repeat(w + 2)).join('|')}|` : ''}`).join('\n');

const machine = { nproc: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadavg: loadavg().map((x) => Number(x.toFixed(2))) };
let commit = null;
try {
  commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {}
console.log(`\n${table}\n\n${sizeTable}\n`);
for (const f of failures) console.log(`FAILED ${f}`);
console.log(`machine: ${machine.nproc} cores, ${machine.cpu}, Node ${machine.node}, load average at end ${machine.loadavg.join(' ')}; package at ${commit}; ${RUNS} cold runs, warm = median of ${WARM}`);
writeFileSync(
  path.join(here, 'results-runtimes.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine, commit, config: { runs: RUNS, warm: WARM, only: ONLY }, failures, rows, sizes, samples, table, sizeTable }, null, 2)}\n`,
);
log('wrote bench/results-runtimes.json');
process.exit(failures.length ? 1 : 0);
