// The Access section of the page with the mock's large seed (2,000 users, 200 groups, 10,000
// memberships, 20 custom roles) in headless Chromium, through the demo server and the handler:
// the time to load the organization, and the time from each keystroke in the search box to the
// results being laid out (measured in the page: the input event, then a forced layout).
//
//   node bench/console-search.mjs     (needs pkg/ and target/release or debug openai-admin-mock)
import { launchChromium } from '../tests/support/browser.mjs';
import { copyPkg, startMock } from '../tests/support/mock.mjs';
import { startDemoServer } from '../tests/e2e/harness.mjs';
import { rmSync } from 'node:fs';

const pkgDir = await copyPkg({ need: ['dist/index.js', 'dist/access/index.js'], prefix: 'bench-console-' });
const mock = await startMock({
  args: ['--users', '2000', '--groups', '200', '--members-per-group', '50', '--roles', '20', '--scim-groups', '10', '--owners', '5'],
  builds: ['release', 'debug'],
  timeoutMs: 30_000,
});
const demo = await startDemoServer({ upstream: mock.api, pkgDir });
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${demo.url}/`);
  const started = Date.now();
  await page.getByRole('button', { name: 'Access', exact: true }).click();
  await page.getByText(/^Loaded [\d,]+ users/).waitFor({ timeout: 300_000 });
  const loadMs = Date.now() - started;
  const loaded = await page.getByText(/^Loaded [\d,]+ users/).textContent();
  const words = ['bench user 0012', 'Bench Group 00001', 'bench role', 'ada', 'example.com'];
  const times = await page.evaluate((words) => {
    const box = document.querySelector('#access-panel input[role="combobox"]');
    const out = [];
    for (const word of words) {
      for (let i = 1; i <= word.length; i++) {
        box.value = word.slice(0, i);
        const t0 = performance.now();
        box.dispatchEvent(new Event('input', { bubbles: true }));
        void document.querySelector('#access-panel .search-results').offsetHeight; // layout
        out.push(performance.now() - t0);
      }
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return out;
  }, words);
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
  console.log(`load: ${loadMs} ms (${loaded})`);
  console.log(`search per keystroke over ${times.length} keystrokes: median ${pct(50)} ms, p95 ${pct(95)} ms, max ${times.at(-1).toFixed(2)} ms`);
} finally {
  await browser.close().catch(() => {});
  await demo.stop();
  await mock.stop();
  rmSync(pkgDir, { recursive: true, force: true });
}
