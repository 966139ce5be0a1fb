// Shared setup of the end-to-end tests: starts the mock (serving www/ and pkg/), Chromium through
// playwright-core, and gives each test a fresh page on freshly reset data.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

/**
 * A private copy of pkg/, so that a rebuild of pkg/ during the run (scripts/build-pkg.sh starts
 * with `rm -rf pkg`) cannot break or mix the package under test. pkg/package.json is the last
 * file the build writes: while pkg/ exists without it, a build is under way and we wait for it.
 */
async function copyPkg() {
  const pkg = join(ROOT, 'pkg');
  for (let waited = 0; existsSync(pkg) && !existsSync(join(pkg, 'package.json')); waited += 2) {
    if (waited >= 300) break;
    if (waited === 0) console.error('# waiting for pkg/ (a build is under way?)');
    await sleep(2000);
  }
  const copy = mkdtempSync(join(tmpdir(), 'admin-e2e-pkg-'));
  if (existsSync(pkg)) cpSync(pkg, copy, { recursive: true });
  for (const f of ['dist/index.js', 'wasm/openai_admin_wasm_bg.wasm']) {
    if (!existsSync(join(copy, f))) {
      rmSync(copy, { recursive: true, force: true });
      throw new Error(`pkg/${f} is missing: build the npm package first with \`scripts/build-pkg.sh\``);
    }
  }
  return copy;
}

/** Starts the mock on a free port, serving www/ and `pkgDir`; resolves once it prints its address. */
function startMock(pkgDir) {
  const bin = mockBinary();
  const child = spawn(bin, ['--port', '0', '--seed', 'demo', '--www', 'www', '--static', `/pkg=${pkgDir}`], {
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
  const pkgDir = await copyPkg();
  const { child, base } = await startMock(pkgDir).catch((err) => {
    rmSync(pkgDir, { recursive: true, force: true });
    throw err;
  });
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
    rmSync(pkgDir, { recursive: true, force: true });
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
    async screenshot(page, name, { fullPage = true } = {}) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
    },
    async close() {
      await browser?.close().catch(() => {});
      if (child.exitCode === null) {
        process.kill(child.pid);
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(pkgDir, { recursive: true, force: true });
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
 * Loads the next page of a list by pressing Enter on its "Load more" button (`scope` holds one
 * list), then waits for the load to end. Scrolling to the end of a list also loads the next page:
 * when that got there first, the button is disabled and the key press does nothing.
 */
export async function loadMore(scope) {
  await scope.getByRole('button', { name: 'Load more' }).press('Enter');
  await scope.locator('ul.items:not([aria-busy])').first().waitFor();
}

/**
 * Clicks the entry `name` of a section's list (`#groups-panel` or `#users-panel`), loading more
 * pages until it is there.
 */
export async function pickFromList(page, panel, label, name) {
  const master = page.locator(`${panel} .master`);
  const list = master.getByRole('list', { name: label, exact: true });
  await list.getByRole('listitem').first().waitFor();
  const item = list.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  while (!(await item.count())) await loadMore(master);
  await item.click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}
