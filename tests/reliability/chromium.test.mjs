// The reliability cases (cases.mjs) in headless Chromium: a page served by the mock imports the
// browser entry point (pkg/dist/index.js, from a private copy of pkg/) and the same cases module;
// each case runs in the page through page.evaluate; cases.mjs imports /support/controls.mjs,
// also served. The official `openai` SDK, to compare with, is bundled for the browser by esbuild
// (class names kept) and served as /official/openai.js. CHROMIUM overrides /usr/bin/chromium.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { launchChromium } from '../support/browser.mjs';
import { CANARY_KEY } from './cases.mjs';
import { ROOT, closedPort, copyPkg, startMock } from './harness.mjs';

const pkg = await copyPkg();
const officialDir = mkdtempSync(join(tmpdir(), 'admin-reliability-openai-'));
await esbuild.build({
  stdin: { contents: "export * from 'openai'; export { default } from 'openai';", resolveDir: ROOT, loader: 'js' },
  outfile: join(officialDir, 'openai.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  keepNames: true,
  logLevel: 'warning',
});
const mock = await startMock([
  '--static',
  `/official=${officialDir}`,
  '--static',
  `/pkg=${pkg}`,
  '--static',
  `/reliability=${join(ROOT, 'tests/reliability')}`,
  '--static',
  `/support=${join(ROOT, 'tests/support')}`,
]);
const browser = await launchChromium();
const page = await browser.newPage();
/** Everything the page printed or threw, to search for the key and for uncaught errors. */
const consoleLines = [];
const pageErrors = [];
page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => pageErrors.push(String(e.stack ?? e)));
await page.goto(`${mock.url}/reliability/page.html?closed=${await closedPort()}`);
await page.waitForFunction(() => window.__ready === true, null, { timeout: 30_000 });
const cases = await page.evaluate(() => window.__cases);

after(async () => {
  await browser.close();
  await mock.stop();
  rmSync(pkg, { recursive: true, force: true });
  rmSync(officialDir, { recursive: true, force: true });
});

for (const c of cases) {
  test(`[chromium] ${c.group}: ${c.name}`, { timeout: c.timeout + 10_000 }, async (t) => {
    const result = await page.evaluate((name) => window.__run(name), c.name);
    assert.ok(result.ok, result.error);
    if (result.note) t.diagnostic(result.note);
  });
}

test('[chromium] nothing the page logged shows the key', () => {
  const leaked = consoleLines.filter((line) => line.includes(CANARY_KEY));
  assert.deepEqual(leaked, []);
});

test('[chromium] no uncaught error or unhandled rejection in the page', () => {
  assert.deepEqual(pageErrors, []);
});
