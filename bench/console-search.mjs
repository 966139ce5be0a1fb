// The Access section of the page with the mock's large seed (2,000 users, 200 groups, 10,000
// memberships, 20 custom roles) in headless Chromium, through the demo server and the handler:
// the time until the first search answers and until the organization is loaded, the time from each
// keystroke in the search box to the results being laid out (measured in the page: the input
// event, then a forced layout), and how smoothly the 2,045-row People list scrolls (a virtual
// list): scrolled from top to bottom, 120 px per animation frame, each frame's time measured with
// requestAnimationFrame; for comparison, the same rows all in the page (what "Show all" did).
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
  const started = Date.now();
  await page.goto(`${demo.url}/`);
  // The Access section opens first; its search answers over what has loaded so far.
  const box = page.getByRole('combobox', { name: 'Find a person, group or role' });
  await page.waitForFunction(() => !document.querySelector('#access-panel input[role="combobox"]')?.disabled);
  await box.fill('ada');
  await page.getByRole('option', { name: /Ada Lovelace/ }).waitFor({ timeout: 300_000 });
  const firstSearchMs = Date.now() - started;
  await box.fill('');
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
  const scroll = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    /** Scrolls `box` from top to bottom, 120 px a frame; each frame's time in ms. */
    async function across(box) {
      box.scrollTop = 0;
      await frame();
      await frame();
      const times = [];
      let last = performance.now();
      while (box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
        box.scrollTop += 120;
        await frame();
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    }
    const people = document.querySelector('#access-panel [role="list"][aria-label="People"]');
    const rows = Number(people.querySelector('[role="listitem"]').getAttribute('aria-setsize'));
    // Showing the list: the People list drawn again for "All" (the rows read from the access
    // module, then laid out), five times.
    const select = people.closest('section').querySelector('select');
    const showVirtual = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      select.dispatchEvent(new Event('change'));
      void people.parentElement.offsetHeight;
      showVirtual.push(performance.now() - t0);
    }
    const virtual = await across(people.parentElement);
    const inPage = people.parentElement.querySelectorAll('[role="listitem"]').length;
    // The same rows, every one in the page (a plain list in a scroll box of the same height).
    const plain = document.createElement('div');
    plain.style.cssText = `overflow-y: auto; height: ${people.parentElement.clientHeight}px`;
    const ul = document.createElement('ul');
    ul.className = 'plain';
    const sample = people.querySelector('[role="listitem"]');
    const t0 = performance.now();
    for (let i = 0; i < rows; i++) {
      const li = document.createElement('li');
      li.append(...[...sample.cloneNode(true).childNodes]);
      ul.append(li);
    }
    plain.append(ul);
    people.parentElement.after(plain);
    void plain.offsetHeight;
    const showAll = performance.now() - t0;
    const all = await across(plain);
    plain.remove();
    return { rows, inPage, virtual, all, showVirtual, showAll };
  });
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (p) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
    return `median ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${s.at(-1).toFixed(1)} ms, ${s.filter((x) => x >= 50).length} frames ≥ 50 ms`;
  };
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(2);
  console.log(`first search answered while loading: ${firstSearchMs} ms after opening the page`);
  console.log(`load: ${loadMs} ms (${loaded})`);
  console.log(`search per keystroke over ${times.length} keystrokes: median ${pct(50)} ms, p95 ${pct(95)} ms, max ${times.at(-1).toFixed(2)} ms`);
  console.log(`scroll, People list of ${scroll.rows} rows, virtual (${scroll.inPage} rows in the page), ${scroll.virtual.length} frames: ${stats(scroll.virtual)}`);
  console.log(`scroll, the same ${scroll.rows} rows all in the page, ${scroll.all.length} frames: ${stats(scroll.all)}`);
  const showV = [...scroll.showVirtual].sort((a, b) => a - b);
  console.log(`showing the ${scroll.rows}-row list: virtual median ${showV[2].toFixed(1)} ms of 5 (rows read from the access module included); all rows in the page ${scroll.showAll.toFixed(1)} ms (rows already built, cloned)`);
} finally {
  await browser.close().catch(() => {});
  await demo.stop();
  await mock.stop();
  rmSync(pkgDir, { recursive: true, force: true });
}
