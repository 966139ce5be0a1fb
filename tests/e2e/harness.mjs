// Shared setup of the end-to-end tests: starts the mock (serving www/ and pkg/), Chromium through
// playwright-core, and gives each test a fresh page on freshly reset data.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/browser.mjs';
import { KEY, copyPkg, repoRoot, startMock } from '../support/mock.mjs';

export { KEY };
export const ROOT = repoRoot();
const SHOTS = join(ROOT, 'tests/e2e/screenshots');

/**
 * Starts everything a test file needs. Call `stack.close()` in `after()`.
 * `stack.api(method, path, body)` calls the mock directly (to check state, set faults).
 *
 * The mock is $MOCK_BIN, else the release build, else the debug build; it serves www/ and a
 * private copy of pkg/ (support/mock.mjs).
 */
export async function startStack() {
  const pkgDir = await copyPkg({ need: ['dist/index.js', 'wasm/openai_admin_wasm_bg.wasm'], prefix: 'admin-e2e-pkg-' });
  let mock;
  let browser;
  try {
    mock = await startMock({ args: ['--www', 'www', '--static', `/pkg=${pkgDir}`], builds: ['release', 'debug'] });
    browser = await launchChromium();
  } catch (err) {
    await mock?.stop();
    rmSync(pkgDir, { recursive: true, force: true });
    throw err;
  }
  mkdirSync(SHOTS, { recursive: true });
  const base = mock.url;
  const api = mock.call;

  return {
    base,
    api,
    /** Fresh data, no faults, empty request log. */
    reset: mock.reset,
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
      await browser.close().catch(() => {});
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
