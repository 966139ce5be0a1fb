// A long list that renders only the rows in view, so a role with 2,000 holders scrolls as
// smoothly as one with 20. Fixed row height (one line, cut with an ellipsis); the list scrolls in
// its own box. Semantics stay those of a list: role=list, each row a listitem with aria-setsize and
// aria-posinset, so a screen reader announces "12 of 2,000". Keyboard: one row in the tab order
// (the current row's controls, e.g. a checkbox then a link); arrows, Page Up/Down, Home and End
// move between rows, and the row moved to is rendered before its first control is focused.

/** Rows rendered above and below the visible ones, so a fast scroll rarely shows a gap. */
const OVERSCAN = 8;

/**
 * `virtualList({ label, items, render, rowHeight, rows })`: `render(item)` gives a row's content
 * (its buttons, links and inputs are the row's controls; arrows focus the first); `rows` is how
 * many rows the box shows at most.
 * Returns `{ root, update(items) }`; `update` keeps the scroll position.
 */
export function virtualList({ label, items, render, rowHeight = 34, rows = 12 }) {
  const list = document.createElement('div');
  list.setAttribute('role', 'list');
  list.setAttribute('aria-label', label);
  list.className = 'vlist';
  const box = document.createElement('div');
  box.className = 'vlist-box';
  box.append(list);

  let all = items;
  let active = 0;
  /** index → rendered row */
  let shown = new Map();
  let frame = 0;

  const CONTROLS = 'button, a[href], input, select';
  const control = (row) => row.querySelector(CONTROLS);
  /** Puts row `el`'s controls in the tab order, or takes them out. */
  const tabbable = (el, on) => {
    if (el) for (const c of el.querySelectorAll(CONTROLS)) c.tabIndex = on ? 0 : -1;
  };

  function row(i) {
    const el = document.createElement('div');
    el.setAttribute('role', 'listitem');
    el.setAttribute('aria-setsize', String(all.length));
    el.setAttribute('aria-posinset', String(i + 1));
    el.className = 'vlist-row';
    el.dataset.index = String(i);
    // As an attribute, after the others: the same markup in every browser.
    el.setAttribute('style', `transform: translateY(${i * rowHeight}px)`);
    el.append(...[render(all[i])].flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
    tabbable(el, i === active);
    return el;
  }

  /** Renders the rows in view (and the current row, wherever it is), reusing those already there. */
  function paint() {
    frame = 0;
    const height = box.clientHeight || rows * rowHeight;
    const from = Math.max(0, Math.floor(box.scrollTop / rowHeight) - OVERSCAN);
    const to = Math.min(all.length, Math.ceil((box.scrollTop + height) / rowHeight) + OVERSCAN);
    const next = new Map();
    const want = [];
    for (let i = from; i < to; i++) want.push(i);
    if (active < all.length && (active < from || active >= to)) want.push(active);
    for (const i of want) {
      const el = shown.get(i) ?? row(i);
      next.set(i, el);
    }
    for (const [i, el] of shown) if (!next.has(i)) el.remove();
    // In index order in the DOM too, so reading order matches the visual one.
    let prev = null;
    for (const i of [...next.keys()].sort((a, b) => a - b)) {
      const el = next.get(i);
      if (el.previousElementSibling !== prev || el.parentNode !== list) {
        if (prev) prev.after(el);
        else list.prepend(el);
      }
      prev = el;
    }
    shown = next;
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(paint);
  }

  function layout() {
    list.style.height = `${all.length * rowHeight}px`;
    box.style.height = `${Math.max(1, Math.min(all.length, rows)) * rowHeight + 2}px`;
  }

  /** Makes row `i` the current one: in view, rendered, its control tabbable and focused. */
  function moveTo(i) {
    if (!all.length) return;
    i = Math.max(0, Math.min(all.length - 1, i));
    tabbable(shown.get(active), false);
    active = i;
    const top = i * rowHeight;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + rowHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + rowHeight - box.clientHeight;
    paint();
    tabbable(shown.get(i), true);
    control(shown.get(i))?.focus({ preventScroll: true });
  }

  box.addEventListener('scroll', schedule, { passive: true });
  list.addEventListener('focusin', (e) => {
    const r = e.target.closest('.vlist-row');
    if (!r) return;
    const i = Number(r.dataset.index);
    if (i === active) return;
    tabbable(shown.get(active), false);
    active = i;
    tabbable(r, true);
  });
  list.addEventListener('keydown', (e) => {
    const page = Math.max(1, Math.floor(box.clientHeight / rowHeight) - 1);
    const to = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: all.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    moveTo(to);
  });

  layout();
  paint();
  return {
    root: box,
    /** Shows `items` instead, keeping the scroll position (rows are rendered again). */
    update(items) {
      all = items;
      active = Math.min(active, Math.max(0, all.length - 1));
      for (const el of shown.values()) el.remove();
      shown = new Map();
      layout();
      paint();
    },
  };
}
