// CPU profile of one bench case: starts the release mock (100,000 users and groups), runs
// `node --cpu-prof bench/case.mjs <case> <impl>` once and prints the top frames by self time and the
// share of time per script.
//
//   node bench/profile.mjs [case=list-users] [impl=wasm] [top=25]
//
// The .cpuprofile is kept in target/bench-profile/ (open it in Chrome DevTools for a flame chart).

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startMock } from '../tests/support/mock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const [kind = 'list-users', impl = 'wasm', topArg = '25'] = process.argv.slice(2);
const KEY = 'sk-admin-demo';
const out = path.join(root, 'target', 'bench-profile');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Killed when this process exits.
const { url } = await startMock({
  seed: 'empty',
  adminKey: KEY,
  args: ['--users', '100000', '--groups', '100000'],
  builds: ['release'],
  timeoutMs: 60_000,
});

const ids = (await (await fetch(`${url}/v1/organization/groups?limit=1000`, { headers: { Authorization: `Bearer ${KEY}` } })).json()).data.map((g) => g.id);
const idsFile = path.join(out, 'ids.json');
writeFileSync(idsFile, JSON.stringify(ids));

const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${out}`, path.join(here, 'case.mjs'), kind, impl, url, idsFile], {
  encoding: 'utf8',
  env: { ...process.env, BENCH_ADMIN_KEY: KEY },
});
if (run.status !== 0) throw new Error(run.stderr);
console.log(run.stdout.trim());

const file = readdirSync(out).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(readFileSync(path.join(out, file), 'utf8'));
const dt = new Map(); // node id -> µs of self time
for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const byFrame = new Map();
const byScript = new Map();
const short = (u) => (u ? u.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|pkg|bench)\//, '$1/').replace(/^\/tmp\/[^/]+\//, '') : '(native)');
for (const n of prof.nodes) {
  const t = dt.get(n.id) ?? 0;
  if (!t) continue;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${short(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
  byFrame.set(key, (byFrame.get(key) ?? 0) + t);
  const s = f.url ? short(f.url) : f.functionName.startsWith('(') ? f.functionName : '(native)';
  byScript.set(s, (byScript.get(s) ?? 0) + t);
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`\n${kind} ${impl}: ${(total / 1000).toFixed(0)} ms sampled; profile in ${path.relative(root, path.join(out, file))}`);
console.log('\nself time by frame:');
for (const [k, t] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) console.log(`${pct(t)}  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`);
console.log('\nself time by script:');
for (const [k, t] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(t)}  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`);
process.exit(0);
