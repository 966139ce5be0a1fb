// Access benchmarks: loading an organization of 2,000 users, 200 groups, 10,000 memberships and 20
// custom roles behind 20 ms of latency, with `loadOrganization` at its defaults against the
// straightforward sequential script written with the official SDK (bench/access-sequential-sdk.mjs);
// the same load under `--rate-limit 50` (no failed read, 429s under 5% of the requests); and the
// gzip sizes of a page that imports only `openai-admin-wasm` and of one that imports the access entry.
//
//   node bench/access.mjs [--runs N] [--only load,ratelimit,size]
//
// Needs pkg/ built (scripts/build-pkg.sh) and target/release/openai-admin-mock. Writes
// bench/access-results.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { copyPkg, KEY, startMock } from '../tests/support/mock.mjs';
import { loadSequentially, officialClient } from './access-sequential-sdk.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, only: { type: 'string' } } });
const RUNS = Number(values.runs);
const want = (c) => !values.only || values.only.split(',').includes(c);
const ORG = ['--users', '2000', '--groups', '200', '--members-per-group', '50', '--roles', '20', '--scim-groups', '5', '--owners', '2'];
const results = { date: new Date().toISOString(), runs: RUNS };
const pkgDir = await copyPkg({ prefix: 'openai-admin-bench-access-', need: ['dist/node.js', 'dist/access/node.js', 'wasm/openai_admin_access_bg.wasm'], waitSeconds: 600 });
const { OpenAIAdmin } = await import(path.join(pkgDir, 'dist', 'node.js'));
const { loadOrganization } = await import(path.join(pkgDir, 'dist', 'access', 'node.js'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (mock) => mock.call('GET', '/__mock/stats');

try {
  if (want('load')) {
    const mock = await startMock({ seed: 'empty', args: [...ORG, '--latency-ms', '20'], builds: ['release'] });
    try {
      const seq = [];
      const ours = [];
      let requests;
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        const counts = await loadSequentially(officialClient(mock.api, KEY));
        seq.push(performance.now() - t);
        if (counts.memberships !== 10_000 || counts.users !== 2000) throw new Error(`unexpected counts ${JSON.stringify(counts)}`);
        await mock.call('DELETE', '/__mock/stats');
        t = performance.now();
        const org = await loadOrganization(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api }));
        ours.push(performance.now() - t);
        const s = org.stats();
        if (s.memberships !== 10_000 || s.users !== 2000 || s.customRoles !== 20) throw new Error(`unexpected model ${JSON.stringify(s)}`);
        org.free();
        requests = (await stats(mock)).requests;
        console.log(`load run ${i + 1}: sequential official SDK ${(seq.at(-1) / 1000).toFixed(2)} s, loadOrganization ${(ours.at(-1) / 1000).toFixed(2)} s (${requests} requests)`);
      }
      results.load = { sequentialMs: seq, loadOrganizationMs: ours, requests, speedup: median(seq) / median(ours) };
      console.log(`load: median ${(median(seq) / 1000).toFixed(2)} s vs ${(median(ours) / 1000).toFixed(2)} s: ${results.load.speedup.toFixed(1)}x (budget ≥ 6x)`);
    } finally {
      await mock.stop();
    }
  }
  if (want('ratelimit')) {
    const mock = await startMock({ seed: 'empty', args: [...ORG, '--latency-ms', '20', '--rate-limit', '50'], builds: ['release'] });
    try {
      const t = performance.now();
      const org = await loadOrganization(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api }));
      const ms = performance.now() - t;
      const s = await stats(mock);
      const m = org.stats();
      org.free();
      results.rateLimit = { ms, ...s, share429: s.rate_limited / s.requests, complete: m.memberships === 10_000 && m.users === 2000 };
      console.log(`rate limit 50/s: ${(ms / 1000).toFixed(1)} s, ${s.requests} requests, ${s.rate_limited} answered 429 (${((100 * s.rate_limited) / s.requests).toFixed(2)}%, budget < 5%), busiest second ${s.max_requests_in_one_second}, model complete: ${results.rateLimit.complete}`);
    } finally {
      await mock.stop();
    }
  }
  if (want('size')) {
    const esbuild = await import('esbuild');
    const work = mkdtempSync(path.join(tmpdir(), 'openai-admin-bench-access-size-'));
    const gz = (file) => execFileSync('gzip', ['-9c', file], { maxBuffer: 64 << 20 }).length;
    const bundle = async (entry, out) => {
      await esbuild.build({
        entryPoints: [path.join(here, 'browser', entry)],
        outfile: path.join(work, out),
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        logLevel: 'warning',
        plugins: [{ name: 'pkg-copy', setup: (b) => b.onResolve({ filter: /\/pkg\/dist\// }, (a) => ({ path: path.join(pkgDir, 'dist', a.path.split('/pkg/dist/')[1]) })) }],
      });
      return gz(path.join(work, out));
    };
    const clientWasm = gz(path.join(pkgDir, 'wasm', 'openai_admin_wasm_bg.wasm'));
    const accessWasm = gz(path.join(pkgDir, 'wasm', 'openai_admin_access_bg.wasm'));
    const listJs = await bundle('wasm.js', 'list.js');
    const accessJs = await bundle('access.js', 'access.js');
    results.size = { list: { js: listJs, wasm: clientWasm, total: listJs + clientWasm }, access: { js: accessJs, wasm: clientWasm + accessWasm, accessWasm, total: accessJs + clientWasm + accessWasm } };
    console.log(`size: a page importing only openai-admin-wasm: ${listJs} B js + ${clientWasm} B wasm = ${listJs + clientWasm} B gzip`);
    console.log(`size: a page importing openai-admin-wasm/access: ${accessJs} B js + ${clientWasm} B client wasm + ${accessWasm} B access wasm = ${results.size.access.total} B gzip`);
    rmSync(work, { recursive: true, force: true });
  }
} finally {
  rmSync(pkgDir, { recursive: true, force: true });
}
writeFileSync(path.join(here, 'access-results.json'), `${JSON.stringify(results, null, 2)}\n`);
