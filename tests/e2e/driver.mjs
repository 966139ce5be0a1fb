// The one browser driver of the end-to-end tests: puppeteer-core drives the browser E2E_BROWSER
// names, `chromium` (default, /usr/bin/chromium over CDP) or `firefox` (Debian's firefox-esr over
// WebDriver BiDi), with one API: the part of Playwright's Browser/Context/Page/Locator API the tests
// use, with the same meaning (Playwright cannot drive Firefox here: its Firefox is a patched build
// it downloads). Locators are resolved in the page (query-engine.mjs); actions wait up to 30 s for
// one visible, enabled element (two or more is an error, as Playwright's strict mode); downloads are
// caught in a download folder. Anything else is missing on purpose, so a test that needs more
// fails instead of passing untried: add it here.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { launchChromiumPuppeteer, launchFirefox } from '../support/browser.mjs';
import { ENGINE_SOURCE, matcher } from './query-engine.mjs';

/** `chromium` or `firefox`. */
export const BROWSER = process.env.E2E_BROWSER ?? 'chromium';
if (!['chromium', 'firefox'].includes(BROWSER)) throw new Error(`E2E_BROWSER must be chromium or firefox, not ${BROWSER}`);

const TIMEOUT = 30_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Launches the browser E2E_BROWSER names; it has `newContext({ viewport })` and `close()`. */
export async function launchBrowser() {
  const downloads = mkdtempSync(join(tmpdir(), 'admin-e2e-downloads-'));
  if (BROWSER === 'chromium') return new E2eBrowser(await launchChromiumPuppeteer(), downloads);
  const browser = await launchFirefox({
    extraPrefsFirefox: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  return new E2eBrowser(browser, downloads);
}

class E2eBrowser {
  constructor(browser, downloads) {
    this.browser = browser;
    this.downloads = downloads;
  }
  async newContext({ viewport = { width: 1280, height: 720 } } = {}) {
    // Chromium saves downloads where the context says (Firefox: where its profile's prefs say).
    const options = BROWSER === 'chromium' ? { downloadBehavior: { policy: 'allow', downloadPath: this.downloads } } : {};
    return new E2eContext(this, await this.browser.createBrowserContext(options), viewport);
  }
  async close() {
    await this.browser.close();
    rmSync(this.downloads, { recursive: true, force: true });
  }
}

class E2eContext {
  constructor(owner, context, viewport) {
    this.owner = owner;
    this.context = context;
    this.viewport = viewport;
  }
  async newPage() {
    const page = await this.context.newPage();
    await page.setViewport(this.viewport);
    return new E2ePage(page, this.owner.downloads);
  }
  /** The cookies, in Playwright's shape. */
  async cookies() {
    return (await this.context.cookies()).map((c) => ({
      name: c.name,
      value: c.value,
      domain: c.domain,
      path: c.path,
      expires: c.expires,
      httpOnly: c.httpOnly,
      secure: c.secure,
      sameSite: c.sameSite ?? 'None',
    }));
  }
  async close() {
    await this.context.close();
  }
}

/** Steps to find elements from the page's document: query-engine.mjs. */
function roleStep(role, { name, exact = false, level } = {}) {
  return { role, ...(name !== undefined ? { name: matcher(name, exact) } : {}), ...(level !== undefined ? { level } : {}) };
}

class Finder {
  locator(selector) {
    return this.child({ css: selector });
  }
  getByRole(role, options) {
    return this.child(roleStep(role, options));
  }
  getByLabel(text, { exact = false } = {}) {
    return this.child({ label: matcher(text, exact) });
  }
  getByText(text, { exact = false } = {}) {
    return this.child({ text: matcher(text, exact) });
  }
  getByPlaceholder(text, { exact = false } = {}) {
    return this.child({ attr: 'placeholder', value: matcher(text, exact) });
  }
  getByTitle(text, { exact = false } = {}) {
    return this.child({ attr: 'title', value: matcher(text, exact) });
  }
  getByTestId(id) {
    return this.child({ attr: 'data-testid', value: matcher(id, true) });
  }
}

class E2ePage extends Finder {
  constructor(page, downloads) {
    super();
    this.page = page;
    this.downloads = downloads;
    // Playwright's keyboard and mouse calls, on puppeteer's.
    this.keyboard = {
      press: (key, o) => page.keyboard.press(key, o),
      type: (text, o) => page.keyboard.type(text, o),
      insertText: (text) => page.keyboard.type(text),
      down: (key) => page.keyboard.down(key),
      up: (key) => page.keyboard.up(key),
    };
    this.mouse = {
      click: (x, y, o) => page.mouse.click(x, y, o),
      move: (x, y) => page.mouse.move(x, y),
      down: (o) => page.mouse.down(o),
      up: (o) => page.mouse.up(o),
      wheel: (deltaX, deltaY) => page.mouse.wheel({ deltaX, deltaY }),
    };
  }
  child(step) {
    return new E2eLocator(this, [step]);
  }
  /** Runs `fn(window.__e2e, ...args)` in the page (its source is sent), defining `__e2e` first where it is missing. */
  async run(fn, ...args) {
    for (;;) {
      const out = await this.page.evaluate((body, ...rest) => (window.__e2e ? { value: new Function(`return (${body})`)()(window.__e2e, ...rest) } : null), String(fn), ...args);
      if (out) return out.value;
      await this.page.evaluate(ENGINE_SOURCE);
    }
  }
  /** Like run, but gives back a handle (to an element, or to null). */
  async runHandle(fn, ...args) {
    await this.run(() => 0);
    return this.page.evaluateHandle((body, ...rest) => new Function(`return (${body})`)()(window.__e2e, ...rest), String(fn), ...args);
  }
  goto(url) {
    return this.page.goto(url);
  }
  reload() {
    return this.page.reload();
  }
  waitForTimeout(ms) {
    return sleep(ms);
  }
  async setViewportSize({ width, height }) {
    await this.page.setViewport({ width, height });
  }
  viewportSize() {
    const v = this.page.viewport();
    return v && { width: v.width, height: v.height };
  }
  title() {
    return this.page.title();
  }
  waitForSelector(selector, options) {
    return this.locator(selector).waitFor(options);
  }
  url() {
    return this.page.url();
  }
  content() {
    return this.page.content();
  }
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
  waitForFunction(fn, arg, { timeout = TIMEOUT } = {}) {
    return this.page.waitForFunction(fn, { timeout, polling: 100 }, arg);
  }
  async waitForLoadState(state = 'load') {
    if (state === 'networkidle') await this.page.waitForNetworkIdle({ idleTime: 500, timeout: TIMEOUT });
    else await this.page.waitForFunction((s) => document.readyState === 'complete' || (s === 'domcontentloaded' && document.readyState === 'interactive'), { timeout: TIMEOUT }, state);
  }
  screenshot({ path, fullPage = false } = {}) {
    return this.page.screenshot({ path, fullPage });
  }
  addScriptTag(options) {
    return this.page.addScriptTag(options);
  }
  on(event, handler) {
    if (event === 'pageerror' || event === 'console') this.page.on(event, handler);
    else if (event === 'response')
      this.page.on('response', (res) => handler({ url: () => res.url(), status: () => res.status(), allHeaders: async () => res.headers(), text: () => res.text() }));
    else throw new Error(`the e2e driver has no page event '${event}' (tests/e2e/driver.mjs)`);
  }
  /** `download`: the next file the browser saves (the folder is emptied first: a second one would be renamed). */
  async waitForEvent(event, { timeout = TIMEOUT } = {}) {
    if (event !== 'download') throw new Error(`the e2e driver has no waitForEvent('${event}') (tests/e2e/driver.mjs)`);
    for (const f of readdirSync(this.downloads)) rmSync(join(this.downloads, f), { recursive: true, force: true });
    const deadline = Date.now() + timeout;
    let last = '';
    for (;;) {
      const files = readdirSync(this.downloads);
      // Unfinished: Firefox's `.part`, Chromium's `.crdownload`.
      const partial = (f) => f.endsWith('.part') || f.endsWith('.crdownload');
      const done = files.filter((f) => !partial(f));
      if (done.length === 1 && !files.some(partial)) {
        const path = join(this.downloads, done[0]);
        const now = `${done[0]}:${statSync(path).size}`;
        // Complete once the name stays and the size holds still between two looks.
        if (now === last) return { suggestedFilename: () => basename(path), path: async () => path };
        last = now;
      }
      if (Date.now() > deadline) throw new Error(`no download within ${timeout} ms (saw: ${files.join(', ') || 'nothing'})`);
      await sleep(100);
    }
  }
  close() {
    return this.page.close();
  }
}

class E2eLocator extends Finder {
  constructor(page, steps) {
    super();
    this.page = page;
    this.steps = steps;
  }
  child(step) {
    return new E2eLocator(this.page, [...this.steps, step]);
  }
  toString() {
    return `locator ${JSON.stringify(this.steps)}`;
  }
  filter({ hasText, hasNotText, ...rest } = {}) {
    if (Object.keys(rest).length) throw new Error(`the e2e driver's filter takes hasText and hasNotText only, not ${Object.keys(rest)} (tests/e2e/driver.mjs)`);
    let out = this;
    if (hasText !== undefined) out = out.child({ hasText: matcher(hasText) });
    if (hasNotText !== undefined) out = out.child({ hasText: matcher(hasNotText), not: true });
    return out;
  }
  /** One locator per element matching now. */
  async all() {
    return Array.from({ length: await this.count() }, (_, i) => this.nth(i));
  }
  allTextContents() {
    return this.page.run((e, steps) => e.query(steps).map((el) => el.textContent), this.steps);
  }
  allInnerTexts() {
    return this.page.run((e, steps) => e.query(steps).map((el) => el.innerText), this.steps);
  }
  async evaluateAll(fn, arg) {
    const handle = await this.page.runHandle((e, steps) => e.query(steps), this.steps);
    try {
      return await handle.evaluate(fn, arg);
    } finally {
      await handle.dispose();
    }
  }
  nth(i) {
    return this.child({ nth: i });
  }
  first() {
    return this.nth(0);
  }
  last() {
    return this.nth(-1);
  }
  probe() {
    return this.page.run((e, steps) => e.probe(steps), this.steps);
  }
  async count() {
    return (await this.probe()).count;
  }
  /** Polls until `ready(probe)` (up to `timeout`); more than one match is an error (strict). */
  async until(ready, what, { timeout = TIMEOUT, strict = true } = {}) {
    const deadline = Date.now() + timeout;
    let p;
    for (;;) {
      try {
        p = await this.probe();
      } catch (err) {
        // A navigation can destroy the context between two looks: look again.
        if (!/context|destroyed|navigat|discarded/i.test(String(err?.message))) throw err;
        p = null;
      }
      if (p && strict && p.count > 1) throw new Error(`strict mode: ${this} matches ${p.count} elements: ${p.first.join(' | ')}`);
      if (p && ready(p)) return p;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${this} to be ${what} (${p ? `${p.count} match, visible ${p.visible}` : 'no page'})`);
      await sleep(50);
    }
  }
  async waitFor({ state = 'visible', timeout = TIMEOUT } = {}) {
    const ready = {
      visible: (p) => p.count === 1 && p.visible,
      attached: (p) => p.count === 1,
      detached: (p) => p.count === 0,
      hidden: (p) => p.count === 0 || !p.visible,
    }[state];
    if (!ready) throw new Error(`unknown waitFor state ${state}`);
    await this.until(ready, state, { timeout, strict: state !== 'detached' && state !== 'hidden' });
  }
  /** The one element, once it is there (and visible and enabled for an action). */
  async element(actionable, options) {
    for (;;) {
      await this.until(actionable ? (p) => p.count === 1 && p.visible && p.enabled : (p) => p.count === 1, actionable ? 'visible and enabled' : 'attached', options);
      const handle = await this.page.runHandle((e, steps) => (([el]) => el ?? null)(e.query(steps)), this.steps);
      const el = handle.asElement();
      if (el) return el;
      await handle.dispose();
    }
  }
  /**
   * Clicks the middle of the element once it is in view (scrolled there if it is not), holds still
   * for an animation frame and is the one hit there (not covered), as Playwright's actionability
   * checks do.
   */
  async click({ timeout = TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const el = await this.element(true, { timeout: Math.max(0, deadline - Date.now()) });
      const point = await el.evaluate(async (node) => {
        // Scrolled only when it is not already in view (scrolling a list can make it load more).
        const r = node.getBoundingClientRect();
        const seen = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        if (!seen || !(seen === node || node.contains(seen))) node.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        const a = node.getBoundingClientRect();
        await frame();
        const b = node.getBoundingClientRect();
        if (!node.isConnected || a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height) return 'moving';
        const x = b.x + b.width / 2;
        const y = b.y + b.height / 2;
        const hit = document.elementFromPoint(x, y);
        return hit && (hit === node || node.contains(hit)) ? { x, y } : `covered by ${hit?.outerHTML.slice(0, 80)}`;
      }).catch((err) => String(err?.message));
      await el.dispose();
      if (typeof point === 'object') return this.page.mouse.click(point.x, point.y);
      if (Date.now() > deadline) throw new Error(`could not click ${this}: ${point}`);
      await sleep(50);
    }
  }
  /**
   * Runs `fn(node, arg)` (an action or a read) on the one element, found again when the page
   * replaced it between being found and being acted on (a view drawn again while reads come in),
   * as Playwright retries on a detached element. `fn` runs once, on a connected element.
   */
  async act(actionable, fn, arg, { timeout = TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const el = await this.element(actionable, { timeout: Math.max(0, deadline - Date.now()) });
      const out = await el.evaluate(async (node, body, a) => (node.isConnected ? { done: await new Function(`return (${body})`)()(node, a) } : null), String(fn), arg);
      await el.dispose();
      if (out) return out.done;
      if (Date.now() > deadline) throw new Error(`${this} was replaced as it was acted on, until the timeout`);
    }
  }
  async fill(value, options) {
    await this.act(
      true,
      (node, v) => {
        node.focus();
        if (node.isContentEditable) node.textContent = v;
        else node.value = v;
        node.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: v }));
      },
      value,
      options,
    );
  }
  async press(key, options) {
    await this.act(true, (node) => node.focus(), undefined, options);
    await this.page.keyboard.press(key);
  }
  async selectOption(wanted, options) {
    const list = (Array.isArray(wanted) ? wanted : [wanted]).map((w) => (typeof w === 'string' ? { valueOrLabel: w } : w));
    return this.act(
      true,
      (select, want) => {
        const picked = want.map((w) => {
          const o = [...select.options].find((opt) => (w.value !== undefined ? opt.value === w.value : w.label !== undefined ? opt.label === w.label : w.index !== undefined ? opt.index === w.index : opt.value === w.valueOrLabel || opt.label === w.valueOrLabel));
          if (!o) throw new Error(`no option ${JSON.stringify(w)}`);
          return o;
        });
        for (const o of select.options) o.selected = picked.includes(o);
        select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return picked.map((o) => o.value);
      },
      list,
      options,
    );
  }
  /** Files given as `{ name, mimeType, buffer }` (one or a list), set through a DataTransfer. */
  async setInputFiles(files, options) {
    const list = (Array.isArray(files) ? files : [files]).map((f) => {
      if (typeof f === 'string') throw new Error('the e2e driver takes files as { name, mimeType, buffer }');
      return { name: f.name, type: f.mimeType, data: Buffer.from(f.buffer).toString('base64') };
    });
    await this.act(
      false,
      (input, fs) => {
        const dt = new DataTransfer();
        for (const f of fs) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
        input.files = dt.files;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      list,
      options,
    );
  }
  evaluate(fn, arg, options) {
    return this.act(false, fn, arg, options);
  }
  async textContent(options) {
    return this.act(false, (n) => n.textContent, undefined, options);
  }
  async innerText(options) {
    return this.act(false, (n) => n.innerText, undefined, options);
  }
  async inputValue(options) {
    return this.act(false, (n) => n.value, undefined, options);
  }
  async getAttribute(name, options) {
    return this.act(false, (n, a) => n.getAttribute(a), name, options);
  }
  async focus(options) {
    await this.act(false, (n) => n.focus(), undefined, options);
  }
  async check(options) {
    if (!(await this.isChecked(options))) await this.click(options);
  }
  async uncheck(options) {
    if (await this.isChecked(options)) await this.click(options);
  }
  async isChecked(options) {
    return this.act(false, (n) => n.checked ?? n.getAttribute('aria-checked') === 'true', undefined, options);
  }
  /** Types `text` key by key into the focused element. */
  async pressSequentially(text, { delay = 0, ...options } = {}) {
    await this.act(true, (node) => node.focus(), undefined, options);
    await this.page.keyboard.type(text, { delay });
  }
  async scrollIntoViewIfNeeded(options) {
    await this.act(false, (n) => n.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' }), undefined, options);
  }
  async boundingBox(options) {
    return this.act(false, (n) => {
      const r = n.getBoundingClientRect();
      return r.width || r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }, undefined, options);
  }
  async isVisible() {
    const p = await this.probe();
    if (p.count > 1) throw new Error(`strict mode: ${this} matches ${p.count} elements`);
    return p.count === 1 && p.visible;
  }
  async isDisabled() {
    return !(await this.until((p) => p.count === 1, 'attached')).enabled;
  }
  async isEnabled() {
    return (await this.until((p) => p.count === 1, 'attached')).enabled;
  }
}

/** The steps the driver resolves for a locator built by `build(page)` (for the driver's own test). */
export function stepsFor(build) {
  return build(new E2eLocator(null, [])).steps;
}
