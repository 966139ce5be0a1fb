// Small DOM helpers shared by the panels: element building, loading states, errors shown in
// place, a confirmation dialog and a paginated list. No framework.

/** Builds an element: `h('button', { class: 'x', onclick }, 'Label', child)`. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** Replaces an element's children. */
export function clear(el, ...children) {
  el.replaceChildren(...children.flat().filter(Boolean));
  return el;
}

let counter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled control: `<label for>` and the control, wrapped in a `.field`. */
export function field(label, control, hint) {
  control.id ||= uid('f');
  const hintEl = hint ? h('small', { class: 'hint', id: `${control.id}-hint`, text: hint }) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control, hintEl);
}

// The admin key, so that no error text shown on the page can ever contain it.
let secret = '';
export function setSecret(key) {
  secret = key;
}
function redact(text) {
  const s = String(text ?? '');
  return secret ? s.split(secret).join('***') : s;
}

/** An empty error region, announced to screen readers when filled. */
export function errorBox() {
  return h('div', { class: 'error', role: 'alert', hidden: true });
}

/** Shows a failed request in place: what failed, status, error class, message, request id. */
export function showError(box, err, what = 'Request failed') {
  const status = err?.status ? `HTTP ${err.status}` : null;
  const rows = [
    h('strong', { class: 'error-title', text: what }),
    h('span', { class: 'error-kind', text: [status, err?.name].filter(Boolean).join(' · ') }),
    h('span', { class: 'error-message', text: redact(err?.message ?? err) }),
  ];
  if (err?.param) rows.push(h('span', { class: 'error-param' }, 'Parameter: ', h('code', { text: redact(err.param) })));
  if (err?.requestID) rows.push(h('span', { class: 'error-rid' }, 'Request ID: ', h('code', { text: err.requestID })));
  clear(box, rows);
  box.hidden = false;
}

export function hideError(box) {
  box.hidden = true;
  box.replaceChildren();
}

/**
 * Runs one request with its loading state: the button is disabled and says `busyLabel`, the
 * region gets `aria-busy`, the error box is cleared first and filled on failure. Returns the
 * result, or `undefined` when it failed (the caller's inputs are left as they were).
 */
export async function run({ button, region, errors, busyLabel, what }, fn) {
  const label = button?.textContent;
  if (button) {
    button.disabled = true;
    if (busyLabel) button.textContent = busyLabel;
  }
  region?.setAttribute('aria-busy', 'true');
  if (errors) hideError(errors);
  try {
    return await fn();
  } catch (err) {
    if (errors) showError(errors, err, what);
    else console.error(what, err?.name, err?.status);
    return undefined;
  } finally {
    if (button) {
      button.disabled = false;
      if (busyLabel) button.textContent = label;
    }
    region?.removeAttribute('aria-busy');
  }
}

const dialog = document.getElementById('confirm-dialog');

/** Asks for confirmation in a modal `<dialog>`; resolves to true when confirmed. */
export function confirmAction(message, confirmLabel = 'Delete') {
  // Focus goes back to the control that asked, when it is still there once the dialog closes.
  const opener = document.activeElement;
  dialog.querySelector('.confirm-message').textContent = message;
  dialog.querySelector('.confirm-ok').textContent = confirmLabel;
  dialog.returnValue = '';
  dialog.showModal();
  // Cancel is focused first so that Enter never deletes by accident.
  dialog.querySelector('.confirm-cancel').focus();
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
        resolve(dialog.returnValue === 'ok');
      },
      { once: true },
    );
  });
}

/** A short date from Unix seconds. */
export function date(seconds) {
  if (!seconds) return '';
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/**
 * A paginated list driven by the SDK's pages: first page via `fetchFirst()`, further ones via
 * `page.getNextPage()` when "Load more" is clicked or the end of the list scrolls into view.
 * `filter(item)` hides loaded items client-side; items are kept unique by `id`. `fetchFirst(signal)`
 * gets the load's abort signal (the pages after the first keep it): `stop()` aborts what is being read,
 * e.g. before its subject is deleted, so that no read of it is answered 404.
 */
export function pagedList({ label, emptyText, fetchFirst, renderItem, filter = () => true, what }) {
  const list = h('ul', { class: 'items', 'aria-label': label });
  const status = h('p', { class: 'list-status', 'aria-live': 'polite' });
  const errors = errorBox();
  const more = h('button', { type: 'button', class: 'more', hidden: true, text: 'Load more' });
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  // The list scrolls inside its own box, so that a long list never pushes the rest of the page
  // (e.g. the detail below it on a phone) out of reach; the sentinel sits inside that box.
  const scroller = h('div', { class: 'scroller' }, list, more, sentinel);
  const root = h('div', { class: 'paged' }, status, scroller, errors);

  let page = null;
  let items = [];
  let loading = false;
  let generation = 0; // a reload makes answers of older loads stale
  let reads = new AbortController(); // the current load's requests

  function render() {
    const shown = items.filter(filter);
    clear(list, shown.map(renderItem));
    const hasMore = page?.hasNextPage() ?? false;
    more.hidden = !hasMore;
    if (loading) status.textContent = 'Loading…';
    else if (!items.length) status.textContent = page ? emptyText : '';
    else if (shown.length !== items.length) {
      status.textContent = `${shown.length} of ${items.length} loaded match${hasMore ? ' (load more to search further)' : ''}.`;
    } else status.textContent = `${items.length} shown${hasMore ? ', more available' : ''}.`;
  }

  async function load(first) {
    if (loading && !first) return;
    const mine = first ? ++generation : generation;
    if (first) {
      // A reload (new connection or filter) never shows the old items next to its outcome.
      items = [];
      page = null;
      reads.abort();
      reads = new AbortController();
    }
    loading = true;
    render();
    more.disabled = true;
    list.setAttribute('aria-busy', 'true');
    hideError(errors);
    try {
      const next = first ? await fetchFirst(reads.signal) : await page.getNextPage();
      if (mine !== generation) return;
      const seen = new Set(items.map((i) => i.id));
      items.push(...next.data.filter((i) => !seen.has(i.id)));
      page = next;
    } catch (err) {
      if (mine === generation) showError(errors, err, what ?? `Could not load ${label.toLowerCase()}`);
    } finally {
      if (mine === generation) {
        loading = false;
        more.disabled = false;
        list.removeAttribute('aria-busy');
        render();
      }
    }
  }

  more.addEventListener('click', () => load(false));
  // Infinite scroll: load the next page when the end of the list becomes visible.
  new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting) && page?.hasNextPage() && !loading) load(false);
  }).observe(sentinel);

  return {
    root,
    reload: () => load(true),
    /** Aborts what is being read; its answer is dropped (`reload()` reads again). */
    stop() {
      generation++;
      reads.abort();
      loading = false;
    },
    render,
    get items() {
      return items;
    },
    /** Adds or replaces an item in the loaded list (after a create or update). */
    upsert(item, atStart = false) {
      const i = items.findIndex((x) => x.id === item.id);
      if (i >= 0) items[i] = { ...items[i], ...item };
      else if (atStart) items.unshift(item);
      else items.push(item);
      render();
    },
    remove(id) {
      items = items.filter((x) => x.id !== id);
      render();
    },
  };
}

/**
 * An older section (Groups, Users, Roles) as the page mounts it: `layout()` drawn once into its
 * panel; on a new connection `reset()` (forget everything, load the first page); after a write
 * anywhere on the page, `onChanged(touched)`. Its lists load on connection, so `show()` has
 * nothing to do.
 */
export function storeSection({ store, layout, reset, onChanged = () => {}, onRoles = () => {} }) {
  return {
    mount(panel) {
      clear(panel, layout());
      store.subscribe((change) => {
        if (change.type === 'connection') reset();
        else if (change.type === 'changed') onChanged(change.touched);
        else if (change.type === 'roles') onRoles();
      });
    },
    show() {},
    hide() {},
  };
}
