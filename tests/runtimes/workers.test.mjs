// Cloudflare Workers: two Workers, one with this package (the client and the server handler) and
// one with the official SDK, each bundled by `wrangler deploy --dry-run --outdir` with wrangler's
// default rules (a `.wasm` import becomes a compiled WebAssembly module), then run in workerd by
// Miniflare on 127.0.0.1 against the mock.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import { startMock, KEY } from '../support/mock.mjs';
import { checkReport, here, ms, runOk, sameAsOfficial, tool } from './harness.mjs';
import { runWith } from './program.mjs';

const dir = path.join(here, 'workers');
const COMPATIBILITY_DATE = '2026-04-01';
const DASHBOARD_TOKEN = 'dashboard-token-0123456789';

let mock;
const workers = {};
const bundles = {};

/** `wrangler deploy --dry-run` of `${name}.js`; resolves to the files it wrote. */
async function bundle(name) {
  const config = path.join(dir, `wrangler.${name}.jsonc`);
  writeFileSync(config, JSON.stringify({ name: `runtimes-${name}`, main: `./${name}.js`, compatibility_date: COMPATIBILITY_DATE }, null, 2));
  const outdir = path.join(dir, `dist-${name}`);
  rmSync(outdir, { recursive: true, force: true });
  const r = await runOk(tool('wrangler'), ['deploy', '--dry-run', '--outdir', outdir, '--config', config], { cwd: dir });
  const files = readdirSync(outdir).filter((f) => !f.endsWith('.map') && f !== 'README.md').sort();
  return { outdir, files, sizes: Object.fromEntries(files.map((f) => [f, statSync(path.join(outdir, f)).size])), log: r.stdout };
}

async function start(name) {
  const mf = new Miniflare({
    modules: true,
    scriptPath: path.join(bundles[name].outdir, `${name}.js`),
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: COMPATIBILITY_DATE,
    bindings: { MOCK_URL: mock.url, MOCK_KEY: KEY, DASHBOARD_TOKEN },
    host: '127.0.0.1',
    port: 0,
  });
  try {
    const url = await mf.ready;
    return { mf, url: url.origin };
  } catch (e) {
    await mf.dispose();
    throw e;
  }
}

before(async () => {
  mock = await startMock();
  for (const name of ['wasm', 'official']) bundles[name] = await bundle(name);
  for (const name of ['wasm', 'official']) workers[name] = await start(name);
});

after(async () => {
  for (const w of Object.values(workers)) await w.mf.dispose();
  await mock?.stop();
});

async function programIn(name) {
  const res = await fetch(`${workers[name].url}/run`);
  const text = await res.text();
  assert.equal(res.status, 200, text.slice(0, 2000));
  return JSON.parse(text);
}

test('wrangler bundles this package with its default rules: the wasm as a module of its own', (t) => {
  const { files, sizes } = bundles.wasm;
  t.diagnostic(`wrangler output: ${JSON.stringify(sizes)}`);
  assert.ok(files.includes('wasm.js'), files.join(', '));
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one .wasm module in ${files.join(', ')}`);
  assert.match(wasm[0], /openai_admin_wasm_bg\.wasm$/);
});

let officialReport;
test('the official SDK runs the program in workerd', async (t) => {
  officialReport = await programIn('official');
  t.diagnostic(`first answer after ${ms(officialReport.firstAnswerMs)}, all steps ${ms(officialReport.totalMs)}`);
  checkReport(officialReport);
});

test('this package runs the same program in workerd, with the same results as the official SDK', async (t) => {
  const report = await programIn('wasm');
  t.diagnostic(`first answer after ${ms(report.firstAnswerMs)}, all steps ${ms(report.totalMs)}`);
  checkReport(report);
  assert.ok(officialReport, 'the official SDK ran first');
  sameAsOfficial(report, officialReport);
});

test('the server handler (openai-admin-wasm/server) runs in the Worker: the program through it', async (t) => {
  const api = `${workers.wasm.url}/admin/v1`;
  // The visitor's client holds the dashboard token; the Worker adds the admin key.
  const report = await runWith('wasm', { default: OpenAIAdmin, NotFoundError }, {
    api,
    key: DASHBOARD_TOKEN,
    controls: { origin: mock.url, key: KEY },
    label: 'workers handler',
  });
  t.diagnostic(`first answer through the handler after ${ms(report.firstAnswerMs)}`);
  checkReport(report);
  // (The mock requires the admin key: every answer above came with the key the Worker added.)
  // Without the token, the handler refuses before contacting the API.
  const refused = await fetch(`${api}/organization/groups`);
  assert.equal(refused.status, 401);
});
