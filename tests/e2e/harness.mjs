// Shared setup of the end-to-end tests: starts the mock (the upstream API), the demo server
// (scripts/demo-server.mjs: the package's console web server, the one `openai-admin console`
// runs, with its page and server handler in front of the mock, and a demo sign-in),
// the browser E2E_BROWSER names (driver.mjs: Chromium by default, or Firefox), and gives each test
// a fresh page on freshly reset data.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, afterEach, before, beforeEach } from 'node:test';
import { BROWSER, launchBrowser } from './driver.mjs';
import { KEY, copyPkg, repoRoot, startMock } from '../support/mock.mjs';

export { KEY, BROWSER };
export const ROOT = repoRoot();
/** Screenshots taken along the tests, one folder per browser. */
const SHOTS = join(ROOT, 'tests/e2e/screenshots', BROWSER);
/** Artifacts kept from a run (the layout screenshots at 360 and 1,440 px), one folder per browser. */
export const ARTIFACTS = join(ROOT, 'target/e2e-artifacts', BROWSER);
/** The demo server's sign-in tokens (scripts/demo-server.mjs). */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
export const VIEWER_TOKEN = 'e2e-viewer-token-0123456789';

/**
 * Starts the demo server (the handler in front of `upstream`, the page, `pkgDir`) on a free port,
 * with `env` added to its environment (e.g. `OPENAI_ADMIN_TIME_SCALE`, which it hands the page);
 * resolves to `{ url, auditFile, stop() }`.
 */
export async function startDemoServer({ upstream, pkgDir, key = KEY, env = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'admin-demo-audit-'));
  const auditFile = join(dir, 'audit.jsonl');
  const child = spawn(
    process.execPath,
    ['scripts/demo-server.mjs', '--upstream', upstream, '--port', '0', '--pkg', pkgDir, '--www', 'www', '--audit', auditFile],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, OPENAI_ADMIN_KEY: key, DEMO_ADMIN_TOKEN: ADMIN_TOKEN, DEMO_VIEWER_TOKEN: VIEWER_TOKEN },
    },
  );
  const output = [];
  child.stderr.on('data', (d) => output.push(String(d)));
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  process.on('exit', kill);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server did not start\n${output.join('')}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`the demo server exited (${code})\n${output.join('')}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(`${line}\n`);
      const m = /^listening on (http:\/\/\S+)$/.exec(line.trim());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return {
    url,
    auditFile,
    /** Everything the server printed (stdout and stderr). */
    output: () => output.join(''),
    /** The audit events written so far. */
    audit: () =>
      readFileSync(auditFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    /**
     * The audit events `keep` selects, once there is at least one: the server writes an event after its
     * answer is sent, so the page can show the answer before the event reaches the file. Gives up after 5 s.
     */
    async audited(keep) {
      const until = Date.now() + 5000;
      for (;;) {
        const found = this.audit().filter(keep);
        if (found.length > 0 || Date.now() > until) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** Stops the server (SIGTERM: it closes its audit file first); resolves to the audit file's text. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(kill, 3000);
      await exited;
      clearTimeout(timer);
      process.off('exit', kill);
      let text = '';
      try {
        text = readFileSync(auditFile, 'utf8');
      } catch {}
      rmSync(dir, { recursive: true, force: true });
      return text;
    },
  };
}

/**
 * The hooks a test file shares: one stack for the file (`startStack({ mockArgs, demoEnv })`), fresh data
 * before each test (and a page at `openPath`, when given), and after each test its page closed
 * and the page's errors checked (`checkProblems`), less those `expected` matches (failures the
 * test causes on purpose). Tests use `e2e.stack`, and `e2e.session` (`{ page, context, problems }`),
 * which they may set themselves with `e2e.session = await e2e.stack.open(…)`.
 */
export function useStack({ mockArgs, demoEnv, openPath, expected = null, checkProblems = true } = {}) {
  const e2e = {
    stack: null,
    session: null,
    /** Opens the page (`stack.open(options)`), the Access tab, and waits for the organization to load. */
    async openAccess(options) {
      e2e.session = await e2e.stack.open(options);
      const { page } = e2e.session;
      await page.getByRole('button', { name: 'Access', exact: true }).click();
      await page.getByText(/^Loaded \d+ users, \d+ groups and \d+ roles\.$/).waitFor({ timeout: 30_000 });
      return page;
    },
  };
  before(async () => {
    e2e.stack = await startStack({ mockArgs, demoEnv });
  });
  after(async () => {
    await e2e.stack?.close();
  });
  beforeEach(async () => {
    e2e.session = null;
    await e2e.stack.reset();
    if (openPath !== undefined) e2e.session = await e2e.stack.open({ path: openPath });
  });
  afterEach(async () => {
    await e2e.session?.context.close();
    if (!checkProblems) return;
    const problems = (e2e.session?.problems ?? []).filter((p) => !expected?.test(p));
    assert.deepEqual(problems, [], `no errors in the page (answers that failed: ${e2e.session?.failed.join(', ') || 'none'})`);
  });
  return e2e;
}

/**
 * Starts everything a test file needs. Call `stack.close()` in `after()`.
 * `stack.api(method, path, body)` calls the mock directly (to check state, set faults).
 *
 * The mock is $MOCK_BIN, else the release build, else the debug build. The page is served by the
 * demo server through the handler (`stack.base`); the mock also serves it without the handler
 * (`stack.direct`), where it asks for a key. `mockArgs` go to the mock (e.g. `--latency-ms`),
 * `demoEnv` to the demo server's environment.
 */
export async function startStack({ mockArgs = [], demoEnv = {} } = {}) {
  const pkgDir = await copyPkg({ need: ['dist/index.js', 'dist/server/node.js', 'dist/server/console-server.js', 'wasm/openai_admin_wasm_bg.wasm'], prefix: 'admin-e2e-pkg-' });
  let mock;
  let demo;
  let browser;
  try {
    mock = await startMock({ args: ['--www', 'www', '--static', `/pkg=${pkgDir}`, ...mockArgs], builds: ['release', 'debug'] });
    demo = await startDemoServer({ upstream: mock.api, pkgDir, env: demoEnv });
    browser = await launchBrowser();
  } catch (err) {
    await demo?.stop();
    await mock?.stop();
    rmSync(pkgDir, { recursive: true, force: true });
    throw err;
  }
  mkdirSync(SHOTS, { recursive: true });
  const base = demo.url;
  const api = mock.call;

  return {
    base,
    direct: mock.url,
    api,
    demo,
    /** Fresh data, no faults, empty request log. */
    reset: mock.reset,
    /**
     * A new page (in a new context) with the app loaded. `path` (default `/`) may ask for the
     * viewer (`/?as=viewer`); `origin` defaults to the demo server.
     */
    async open({ viewport = { width: 1280, height: 900 }, setup, path = '/', origin = base } = {}) {
      const context = await browser.newContext({ viewport });
      if (setup) await setup(context);
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      // The answers that failed, to name the resource when the console says only "Failed to load resource".
      const failed = [];
      page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
      await page.goto(origin + path);
      return { page, context, problems, failed };
    },
    async screenshot(page, name, { fullPage = true } = {}) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
    },
    /** Keeps a full-page screenshot in ARTIFACTS as `name.png`; resolves to its path. */
    async artifact(page, name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close().catch(() => {});
      await demo.stop();
      await mock.stop();
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

/** axe-core's serious and critical findings on the page as it is now (WCAG 2 A and AA rules). */
export async function axeFindings(page) {
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] })).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Confirms the open plan preview: checks its planned changes (`changes`: their texts, in order),
 * applies them, waits for every one to be done and closes it with Done.
 */
export async function applyInPreview(page, changes) {
  const dialog = page.getByRole('dialog');
  const planned = dialog.getByRole('list', { name: 'Planned changes' });
  await planned.waitFor();
  assert.deepEqual(await planned.getByRole('listitem').allTextContents(), changes);
  const n = changes.length;
  await dialog.getByRole('button', { name: `Apply ${n} change${n === 1 ? '' : 's'}` }).click();
  await dialog.getByText(`Applied ${n} change${n === 1 ? '' : 's'}.`).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
}
