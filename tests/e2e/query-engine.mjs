// The in-page half of the Firefox driver (driver.mjs): finds elements for a chain of steps the way
// Playwright's locators do, so one set of tests reads the same in both browsers. Roles, accessible
// names and labels come from @testing-library/dom (dom-accessibility-api, aria-query; a file input
// is a button, as to Playwright); text matching
// and visibility follow Playwright's documented rules:
// - a string matches case-insensitively as a substring of the whitespace-normalized text, or
//   exactly (case-sensitive, normalized) with `exact: true`; a RegExp is tested on the normalized text;
// - getByText gives the innermost elements whose text matches (not their ancestors);
// - visible: a non-empty box and not `visibility: hidden`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TESTING_LIBRARY = readFileSync(require.resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'), 'utf8');

/** A text matcher in a form that crosses into the page. */
export function matcher(value, exact = false) {
  if (value instanceof RegExp) return { regex: value.source, flags: value.flags.replace('g', '') };
  return { text: String(value), exact };
}

/** Runs in the page: defines `window.__e2e`. */
function engine() {
  const TL = window.TestingLibraryDom;
  const norm = (s) => String(s ?? '').replace(/[\s\u200b]+/g, ' ').trim();
  const test = (m) => {
    if (m.regex !== undefined) {
      const re = new RegExp(m.regex, m.flags);
      return (s) => re.test(norm(s));
    }
    const want = norm(m.text);
    if (m.exact) return (s) => norm(s) === want;
    const lower = want.toLowerCase();
    return (s) => norm(s).toLowerCase().includes(lower);
  };
  const SKIP = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const visible = (el) => {
    if (!el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) return false;
    if (getComputedStyle(el).visibility !== 'visible') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const enabled = (el) => !(el.disabled || el.closest('fieldset[disabled]') || el.getAttribute('aria-disabled') === 'true');
  const byText = (root, m) => {
    const ok = test(m);
    const out = [];
    for (const el of root.querySelectorAll('*')) {
      if (SKIP.has(el.tagName) || !ok(el.textContent)) continue;
      if ([...el.children].some((c) => !SKIP.has(c.tagName) && ok(c.textContent))) continue;
      out.push(el);
    }
    return out;
  };
  const css = (root, selector) => {
    const onlyVisible = /:visible$/.test(selector);
    const found = [...root.querySelectorAll(onlyVisible ? selector.slice(0, -':visible'.length) : selector)];
    return onlyVisible ? found.filter(visible) : found;
  };
  const step = (roots, s) => {
    const unique = (lists) => [...new Set(lists.flat())];
    if (s.nth !== undefined) {
      const el = s.nth < 0 ? roots.at(s.nth) : roots[s.nth];
      return el ? [el] : [];
    }
    if (s.hasText) {
      const ok = test(s.hasText);
      return roots.filter((el) => ok(el.textContent) !== Boolean(s.not));
    }
    if (s.attr) {
      const ok = test(s.value);
      return unique(roots.map((r) => [...r.querySelectorAll(`[${s.attr}]`)].filter((el) => ok(el.getAttribute(s.attr)))));
    }
    if (s.css) return unique(roots.map((r) => css(r, s.css)));
    if (s.text) return unique(roots.map((r) => byText(r, s.text)));
    if (s.label) {
      const ok = test(s.label);
      return unique(roots.map((r) => TL.queryAllByLabelText(r, (content) => ok(content))));
    }
    if (s.role) {
      const ok = s.name ? test(s.name) : null;
      const options = { hidden: false, ...(ok ? { name: (n) => ok(n) } : {}), ...(s.level !== undefined ? { level: s.level } : {}) };
      const found = unique(roots.map((r) => TL.queryAllByRole(r, s.role, options)));
      if (s.role !== 'button' || (s.level ?? null) !== null) return found;
      // A file input is a button to Playwright (and to browsers' accessibility trees), named by its label.
      const fileName = (el) => el.getAttribute('aria-label') ?? [...(el.labels ?? [])].map((l) => l.textContent).join(' ');
      const files = unique(roots.map((r) => [...r.querySelectorAll('input[type=file]')])).filter((el) => !TL.isInaccessible(el) && (!ok || ok(fileName(el))));
      return unique([found, files]).sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    }
    throw new Error(`unknown step ${JSON.stringify(s)}`);
  };
  const query = (steps) => steps.reduce(step, [document]).filter((el) => el instanceof Element);
  const describe = (el) => el.outerHTML.slice(0, 120);
  window.__e2e = {
    query,
    visible,
    enabled,
    /** What a wait needs to know: how many match, and the first one's state. */
    probe(steps) {
      const els = query(steps);
      return { count: els.length, visible: els.length > 0 && visible(els[0]), enabled: els.length > 0 && enabled(els[0]), first: els.slice(0, 3).map(describe) };
    },
  };
}

/** The script that defines `window.__e2e` in a page. */
export const ENGINE_SOURCE = `${TESTING_LIBRARY}\n;(${engine})();`;
