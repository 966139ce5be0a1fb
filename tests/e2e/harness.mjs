// Shared setup of the end-to-end tests: starts the mock (serving www/ and pkg/), Chromium through
// playwright-core, and gives each test a fresh page on freshly reset data.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const KEY = 'sk-admin-demo';
const SHOTS = join(ROOT, 'tests/e2e/screenshots');

/** The mock binary: $MOCK_BIN, else the release build, else the debug build. */
function mockBinary() {
  const candidates = process.env.MOCK_BIN
    ? [resolve(ROOT, process.env.MOCK_BIN)]
    : [join(ROOT, 'target/release/openai-admin-mock'), join(ROOT, 'target/debug/openai-admin-mock')];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `mock binary not found (looked at ${candidates.join(', ')}): run \`cargo build --release -p openai-admin-mock\` or set MOCK_BIN`,
    );
  }
  return found;
}

/** Starts the mock on a free port; resolves once it prints its address. */
function startMock() {
  if (!existsSync(join(ROOT, 'pkg/dist/index.js'))) {
    throw new Error('pkg/dist/index.js is missing: build the npm package first with `scripts/build-pkg.sh`');
  }
  const bin = mockBinary();
  const child = spawn(bin, ['--port', '0', '--seed', 'demo', '--www', 'www', '--static', '/pkg=pkg'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`the mock printed no address within 10 s\n${stderr}`)), 10_000);
    function fail(err) {
      clearTimeout(timer);
      child.kill();
      reject(err);
    }
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`the mock exited with ${code} before listening\n${stderr}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolvePromise({ child, base: m[1] });
      }
    });
  });
}

/**
 * Starts everything a test file needs. Call `stack.close()` in `after()`.
 * `stack.api(method, path, body)` calls the mock directly (to check state, set faults).
 */
export async function startStack() {
  const { child, base } = await startMock();
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  } catch (err) {
    child.kill();
    throw err;
  }
  mkdirSync(SHOTS, { recursive: true });

  async function api(method, path, body) {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  return {
    base,
    api,
    /** Fresh data, no faults, empty request log. */
    reset: () => api('POST', '/__mock/reset'),
    /** A new page (in a new context) with the app loaded and its first groups listed. */
    async open({ viewport = { width: 1280, height: 900 }, setup } = {}) {
      const context = await browser.newContext({ viewport });
      if (setup) await setup(context);
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      await page.goto(base + '/');
      return { page, context, problems };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser?.close().catch(() => {});
      if (child.exitCode === null) {
        process.kill(child.pid);
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}

/** Every item of a paginated mock list, following `after` cursors. */
export async function listAll(api, path) {
  const all = [];
  let after = null;
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api('GET', `${path}${sep}limit=100${after ? `&after=${after}` : ''}`);
    all.push(...page.data);
    if (!page.has_more) return all;
    after = page.last_id ?? page.next ?? page.data.at(-1).id;
  }
}

/**
 * Clicks the entry `name` of a section's list (`#groups-panel` or `#users-panel`), clicking
 * "Load more" until it is loaded.
 */
export async function pickFromList(page, panel, label, name) {
  const list = page.locator(panel).getByRole('list', { name: label, exact: true });
  await list.getByRole('listitem').first().waitFor();
  const item = list.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  const more = page.locator(`${panel} .master`).getByRole('button', { name: 'Load more' });
  while (!(await item.count())) {
    await more.click();
    await page.locator(`${panel} .master ul.items:not([aria-busy])`).waitFor();
  }
  await item.click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}
