// The tolerance cases (cases.mjs) in headless Chromium: page.mjs is bundled with esbuild (this
// package's browser entry, found by name as a bundler finds it, and the official SDK's browser
// build), served by one server and run against the canned answers of another (a second origin,
// so CORS is in play). Each case runs in the page through page.evaluate. CHROMIUM overrides
// /usr/bin/chromium; TOLERANCE_PKG=dir bundles dir/dist/index.js instead of the installed package.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { launchChromium } from '../support/browser.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const www = mkdtempSync(path.join(tmpdir(), 'admin-tolerance-www-'));
mkdirSync(path.join(www, 'b'));
mkdirSync(path.join(www, 'wasm'));
writeFileSync(path.join(www, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>tolerance</title><script type="module" src="b/page.js"></script>\n');

// The package directory: TOLERANCE_PKG, else the installed package (its package.json resolves).
const pkgDir = process.env.TOLERANCE_PKG
  ? path.resolve(process.env.TOLERANCE_PKG)
  : path.dirname(createRequire(path.join(here, 'x.js')).resolve('openai-admin-wasm/package.json'));
await esbuild.build({
  entryPoints: [path.join(here, 'page.mjs')],
  outfile: path.join(www, 'b', 'page.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // Both libraries define BadRequestError & co.: keep the class names the cases compare.
  keepNames: true,
  logLevel: 'warning',
  plugins: process.env.TOLERANCE_PKG
    ? [{ name: 'pkg', setup: (b) => b.onResolve({ filter: /^openai-admin-wasm$/ }, () => ({ path: path.join(pkgDir, 'dist', 'index.js') })) }]
    : [],
});
// The browser entry fetches new URL('../wasm/openai_admin_wasm_bg.wasm', import.meta.url): with
// the bundle at /static/b/page.js that is /static/wasm/.
copyFileSync(path.join(pkgDir, 'wasm', 'openai_admin_wasm_bg.wasm'), path.join(www, 'wasm', 'openai_admin_wasm_bg.wasm'));

const api = await startServer();
const site = await startServer({ staticDir: www });
const browser = await launchChromium();
const page = await browser.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(String(e.stack ?? e)));
await page.goto(`${site.url}/static/index.html?api=${encodeURIComponent(api.url)}`);
await page.waitForFunction(() => window.__ready === true, null, { timeout: 30_000 });
const cases = await page.evaluate(() => window.__cases);

after(async () => {
  await browser.close();
  await api.close();
  await site.close();
  rmSync(www, { recursive: true, force: true });
});

for (const c of cases) {
  test(`[chromium] ${c.group}: ${c.name}`, { timeout: 30_000 }, async (t) => {
    const result = await page.evaluate((name) => window.__run(name), c.name);
    assert.ok(result.ok, result.error);
    if (result.note) t.diagnostic(result.note);
  });
}

test('[chromium] no uncaught error or unhandled rejection in the page', () => {
  assert.deepEqual(pageErrors, []);
});
