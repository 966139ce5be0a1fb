// The package in a real browser: this directory's app (index.html, main.js, worker.js,
// scenario.js) is built by Vite, which resolves `openai-admin-wasm` by name from the scratch
// project's node_modules; the mock serves the build (`--www`) so page and API share an origin;
// Chromium (playwright-core) loads it; the page and a module worker each make real calls.
//
// Run from a copy inside the scratch project (scripts/test-package.sh does). CHROMIUM overrides
// /usr/bin/chromium; MOCK_BIN the mock.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { launchChromium } from '../support/browser.mjs';
import { startMock, repoRoot } from '../support/mock.mjs';

const app = path.dirname(fileURLToPath(import.meta.url));

let mock;
let browser;
let page;
const problems = [];
const served = [];

before(async () => {
  const vite = path.join(repoRoot(), 'node_modules', '.bin', 'vite');
  const build = spawnSync(vite, ['build', '--config', 'vite.config.mjs'], { cwd: app, encoding: 'utf8' });
  assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`);
  assert.ok(existsSync(path.join(app, 'dist', 'index.html')));

  mock = await startMock({ args: ['--www', path.join(app, 'dist')] });
  browser = await launchChromium();
  const context = await browser.newContext();
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => served.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] }));
  await page.goto(`${mock.url}/`);
  await page.waitForFunction(() => window.__worker !== undefined, null, { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await mock?.stop();
});

/** What the scenario must report, on the page and in the worker alike. */
function checkScenario(result, where) {
  assert.equal(result.failed, undefined, result.failed);
  assert.equal(result.where, where);

  // The constructor checks synchronously, before and after the wasm has loaded, as the official SDK's.
  assert.deepEqual(result.guard, { constructorThrew: true, name: 'OpenAIError', mentionsFlag: true, leaksKey: false });
  assert.deepEqual(result.guardAfterLoad, { constructorThrew: true, name: 'OpenAIError', mentionsFlag: true, leaksKey: false });
  // No key: "Missing credentials", as the official SDK; with Authorization removed (a proxy adds it), built.
  assert.deepEqual(result.noKey, { constructorThrew: true, missingCredentials: true });
  assert.deepEqual(result.proxy, { constructed: true });

  assert.equal(result.list.count, 5);
  assert.equal(result.list.hasMore, true);
  assert.equal(result.list.first, 'Engineering');
  assert.match(result.list.requestID, /^req_/);
  assert.deepEqual(result.all, { count: result.all.count });
  assert.ok(result.all.count >= 12);
  assert.equal(result.create.name, `From the ${where}`);
  assert.match(result.create.id, /^group_/);
  assert.match(result.create.requestID, /^req_/);
  assert.equal(result.notFound.rejected, true);
  assert.equal(result.notFound.name, 'NotFoundError');
  assert.equal(result.notFound.isNotFound, true);
  assert.equal(result.notFound.status, 404);
  assert.match(result.notFound.requestID, /^req_/);
  assert.match(result.notFound.message, /No group found with id 'group_does_not_exist'/);
}

test('the page (main thread) lists, creates and gets a NotFoundError', async (t) => {
  const result = await page.evaluate(() => window.__result);
  t.diagnostic(`key guard before the wasm loaded: ${JSON.stringify(result.guard)}`);
  checkScenario(result, 'page');
  assert.equal(await page.locator('#page').getAttribute('data-done'), 'true');
});

test('a module worker does the same', async () => {
  const result = await page.evaluate(() => window.__worker);
  checkScenario(result, 'worker');
  assert.equal(await page.locator('#worker').getAttribute('data-done'), 'true');
});

test('the wasm was fetched once per realm, as application/wasm, from the Vite build', () => {
  const wasm = served.filter((r) => r.url.endsWith('.wasm'));
  assert.ok(wasm.length >= 1 && wasm.length <= 2, JSON.stringify(served, null, 1));
  for (const r of wasm) {
    assert.equal(r.status, 200);
    assert.equal(r.type, 'application/wasm');
    assert.match(new URL(r.url).pathname, /^\/assets\/openai_admin_wasm_bg-[\w-]+\.wasm$/);
  }
});

test('the API saw both realms, each with the key and the browser headers', async () => {
  const log = (await mock.requests()).data.filter((r) => r.path === '/v1/organization/groups' && r.method === 'POST');
  assert.deepEqual(log.map((r) => JSON.parse(r.body).name).sort(), ['From the page', 'From the worker']);
  for (const r of log) assert.equal(r.headers.authorization, 'Bearer ***');
});

test('no page errors or console errors besides the expected 404', () => {
  const unexpected = problems.filter((p) => !/404/.test(p));
  assert.deepEqual(unexpected, []);
});
