// The minimal wasm page written in Rust (examples/wasm-page), built by
// scripts/test-client-page.sh into target/wasm-page/, opened in headless Chromium against the
// mock (which serves it with `--static`): it lists the groups through the async Rust client's
// `fetch` transport, and shows an error's class without the key.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { launchChromium } from '../support/browser.mjs';
import { KEY, repoRoot, startMock } from '../support/mock.mjs';

const dir = join(repoRoot(), 'target', 'wasm-page');
let mock;
let browser;

before(async () => {
  assert.ok(existsSync(join(dir, 'index.html')), `${dir} is not built: run scripts/test-client-page.sh`);
  mock = await startMock({ args: ['--static', `/page=${dir}`] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await mock?.stop();
});

async function openPage() {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${mock.url}/page/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

test('the page lists every group through the Rust client', async () => {
  const { page, errors } = await openPage();
  await page.fill('#key', KEY);
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => /groups$/.test(document.getElementById('status').textContent));
  const names = await page.$$eval('#groups li', (items) => items.map((li) => li.textContent));
  const expected = (await mock.call('GET', '/v1/organization/groups?limit=100')).data.map((g) => g.name);
  assert.deepEqual(names, expected);
  assert.equal(await page.textContent('#status'), `${expected.length} groups`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a wrong key shows the error class, never the key', async () => {
  const { page, errors } = await openPage();
  const key = 'sk-admin-page-canary-51f0';
  await page.fill('#key', key);
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Error'));
  const status = await page.textContent('#status');
  assert.match(status, /^Error \(Authentication\): 401 /);
  assert.ok(!status.includes(key));
  assert.equal(await page.$$eval('#groups li', (items) => items.length), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
