// The Access section: the organization the store reads through `openai-admin-wasm/access`
// (usable while it loads, with a progress bar in users and groups), one search box over people,
// groups and roles (search-box.js), and a view of each (access-views.js): the overview, a person's
// roles with where each comes from, a role's holders, a group's members. The exports (memberships
// CSV, role holders CSV, the access file) and the changes (actions.js) are offered once everything
// is loaded, so that no plan is made over half an organization. Everything it draws is a function
// of the store's state and of which view is open; `mount` builds it once, `show` is called each
// time the section becomes visible (the organization is read on the first one).
import { importControl } from './imports.js';
import { h, clear, errorBox, showError, hideError } from './ui.js';
import { accessViews } from './access-views.js';
import { searchBox } from './search-box.js';
import { countsLine, endpointsAfter, loadedLine, progressBar, progressLine, searchCoverage } from './access-text.js';
import { endpointLines } from '/pkg/dist/access/index.js';
import { snapshotAge } from './snapshot.js';

/** How often the progress text and counts are redrawn while loading (ms). */
const PROGRESS_EVERY = 250;
/** How often a wait's countdown is redrawn (ms). */
const WAIT_TICK = 1000;

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The Access section over `store`; its changes go through `actions`. */
export function accessSection({ store, actions }) {
  const org = () => store.state.org;
  const errors = errorBox();
  const progress = h('progress', { max: 1, 'aria-label': 'Loading the organization' });
  const progressText = h('span', { class: 'status', id: 'access-load-text' });
  progress.setAttribute('aria-describedby', progressText.id);
  const announce = h('span', { class: 'status', 'aria-live': 'polite' });
  // Per busy endpoint: reads done, the rate the API allowed, the time left, or why it waits.
  const endpointList = h('ul', { class: 'plain status endpoint-progress', 'aria-label': 'Reads per endpoint', hidden: true });
  let tick = 0;
  const counts = h('p', { class: 'meta' });
  // How old what is shown is, when it came from the console's snapshot.
  const age = h('p', { class: 'meta snapshot-age' });
  const view = h('div', { class: 'access-view', tabindex: '-1', 'aria-live': 'polite' });
  // While loading: what a view may miss; once loaded: a button to show the view complete.
  const viewNote = h('div', { class: 'view-note', hidden: true });
  const search = searchBox({ search: (text, limit) => org().search(text, limit), choose: (hit) => open(hit.kind, hit.id) });
  const overviewButton = h('button', { type: 'button', text: 'Overview', disabled: true, onclick: () => open('overview') });
  const exportButton = (text, name, type, make) => h('button', { type: 'button', text, disabled: true, onclick: () => org() && download(name, type, make(org())) });
  const exports = [
    exportButton('Export memberships (CSV)', 'memberships.csv', 'text/csv', (o) => o.exportCsv('memberships')),
    exportButton('Export role holders (CSV)', 'role-holders.csv', 'text/csv', (o) => o.exportCsv('assignments')),
    exportButton('Export access file (YAML)', 'access.yaml', 'application/yaml', (o) => o.dump('yaml')),
  ];
  const importer = importControl({ actions });
  const views = accessViews({ store, actions, open: (kind, id) => open(kind, id) });

  /** The open view: `{ kind: 'overview' }` or `{ kind, id }`, and the overview's in-place redraw. */
  let current = null;
  let refreshOverview = null;
  /** Whether the section's tab is open: the overview is first drawn when it is. */
  let visible = false;
  let timer = 0;
  let drawnAt = 0;
  /** How many users, groups and roles were listed when the search results were last drawn. */
  let searchedListed = -1;

  /** Draws view `kind` (`overview`, `user`, `role`, `group`, `project`) from the organization as it is now. */
  function open(kind, id, { focus = true } = {}) {
    if (!org()) return;
    current = { kind, id };
    refreshOverview = null;
    viewNote.hidden = true;
    if (kind === 'overview') {
      const o = views.overview();
      refreshOverview = o.refresh;
      clear(view, o.nodes);
    } else {
      clear(view, views.of(kind, id) ?? h('p', { class: 'empty', text: 'Not found.' }));
    }
    if (!org().complete) {
      viewNote.hidden = false;
      const unread = kind === 'user' && org().readAt({ user: id }) === null ? ' Roles not read yet: they are read next.' : '';
      clear(viewNote, h('p', { class: 'note', text: `Still loading: this view shows what has been read so far and may be incomplete; changes are offered once everything is loaded.${unread}` }));
      // What is open is read first (the store asks once per load, and says when it is read).
      if (kind !== 'overview') store.prioritize(kind, id);
    } else if (kind === 'user' || kind === 'project') {
      // A member's own project roles are read only when asked, also once the rest is loaded.
      store.prioritize(kind, id);
    }
    if (focus) view.focus();
  }

  /** The control or link in the open view the reader is on (the view itself is not one), or null. */
  const readerOn = () => (view.contains(document.activeElement) && document.activeElement !== view ? document.activeElement : null);

  /**
   * Draws the open view again, keeping what the reader holds in it: each `data-keep` control's
   * value (a role chosen in a list; a members filter, applied again) and the focus, with the
   * caret, in such a control; focus elsewhere in the view stays in the view.
   */
  function redrawKeeping() {
    const held = new Map([...view.querySelectorAll('[data-keep]')].map((c) => [c.dataset.keep, c.value]));
    const active = readerOn();
    const caret = active && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
    open(current.kind, current.id, { focus: false });
    let refocus = null;
    for (const c of view.querySelectorAll('[data-keep]')) {
      const value = held.get(c.dataset.keep);
      if (active?.dataset.keep === c.dataset.keep) refocus = c;
      if (value === undefined || value === c.value) continue;
      if (c.tagName !== 'SELECT') {
        c.value = value;
        c.dispatchEvent(new Event('input', { bubbles: true }));
      } else if ([...c.options].some((o) => o.value === value)) c.value = value;
    }
    if (refocus) {
      refocus.focus({ preventScroll: true });
      if (caret) refocus.setSelectionRange(...caret);
    } else if (active) view.focus({ preventScroll: true });
  }

  /** Offers the open view again, whole, without taking the focus from where the reader is. */
  function offerAgain(why) {
    const { kind, id } = current;
    clear(viewNote, h('p', { class: 'note' }, why, h('button', { type: 'button', class: 'small', text: 'Show this view complete', onclick: () => open(kind, id) })));
    viewNote.hidden = false;
  }

  /** The progress, counts and the overview while the organization fills (throttled). */
  function drawProgress() {
    timer = 0;
    drawnAt = performance.now();
    const { load } = store.state;
    const p = load.progress;
    if (!p || load.status !== 'loading' || !org()) return;
    const bar = progressBar(p);
    if (bar) Object.assign(progress, bar);
    progressText.textContent = progressLine(p);
    drawEndpoints();
    age.textContent = snapshotAge(org(), load.startedAt, true);
    search.note = searchCoverage(p);
    counts.textContent = countsLine(org().stats());
    // Redrawn in place, but not under the reader's focus (a row they are on would go).
    if (!view.contains(document.activeElement)) refreshOverview?.();
    // Search covers what is listed: its open results are drawn again whenever the lists grew
    // (not only while they are read: a query typed then is answered once they are in).
    const listed = p.users.listed + p.groups.listed + p.roles.listed;
    if (listed !== searchedListed) {
      searchedListed = listed;
      search.refresh();
    }
  }

  /** A line per busy endpoint; redrawn each second while one waits (its countdown). */
  function drawEndpoints() {
    clearTimeout(tick);
    tick = 0;
    const { load } = store.state;
    const rows = load.status === 'loading' ? endpointsAfter(load.progress, Date.now() - (load.progressAt ?? Date.now())) : [];
    const lines = endpointLines(rows);
    clear(endpointList, lines.map((text) => h('li', { text })));
    endpointList.hidden = lines.length === 0;
    if (rows.some((e) => e.waitingMs > 0)) tick = setTimeout(drawEndpoints, WAIT_TICK);
  }

  /** Everything that follows the load: idle (nothing yet), loading, complete, failed. */
  function drawLoad() {
    const { load, client } = store.state;
    const o = org();
    const complete = load.status === 'complete';
    search.enable(Boolean(o));
    overviewButton.disabled = !o;
    for (const b of exports) b.disabled = !complete;
    importer.enable(complete && store.canChange());
    if (load.status === 'idle' || (load.status === 'loading' && !o)) {
      current = null;
      searchedListed = -1;
      clear(view);
      clear(counts);
      age.textContent = '';
      viewNote.hidden = true;
      hideError(errors);
      search.note = '';
      progress.hidden = !client;
      progress.removeAttribute('value'); // indeterminate until the reads are known
      progressText.textContent = '';
      drawEndpoints();
      announce.textContent = load.status === 'loading' ? 'Loading the organization…' : '';
      return;
    }
    if (load.status === 'loading') {
      if (!current && visible) open('overview', undefined, { focus: false });
      drawProgress();
      return;
    }
    progress.hidden = true;
    progressText.textContent = '';
    drawEndpoints();
    age.textContent = o ? snapshotAge(o, load.startedAt, false) : '';
    if (load.status === 'failed') {
      announce.textContent = '';
      search.note = o ? 'The load stopped: search covers only what was read before it failed.' : '';
      showError(errors, load.error, 'Could not load the organization');
      return;
    }
    if (!current && visible) open('overview', undefined, { focus: false });
    const s = o.stats();
    search.note = '';
    announce.textContent = loadedLine(s);
    counts.textContent = countsLine(s);
    if (refreshOverview && !view.contains(document.activeElement)) {
      refreshOverview();
      viewNote.hidden = true;
    } else if (current) {
      // The view was drawn from part of the organization: offer it again, whole, without
      // taking the focus from where the reader is.
      offerAgain('Everything is loaded. ');
    }
    search.refresh();
    // The search index (and the holder counts its hits show) is built on the first search:
    // build it now, while nobody types, so the first keystroke does not wait for it.
    const loaded = o;
    (window.requestIdleCallback ?? setTimeout)(() => org() === loaded && loaded.buildIndex());
  }

  function onChange(change) {
    if (change.type === 'progress') {
      if (!timer) timer = setTimeout(drawProgress, Math.max(0, PROGRESS_EVERY - (performance.now() - drawnAt)));
    } else if (change.type === 'load' || change.type === 'connection') {
      drawLoad();
    } else if (change.type === 'read' && org() && current && current.kind === change.kind && current.id === change.id) {
      // What was moved to the front is read: its view is drawn again, whole; once everything is
      // loaded (a member's own project roles, read only when asked), not under the reader's hands
      // (a selection, pasted emails): it is offered instead.
      if (org().complete && readerOn()) offerAgain('More of this view has been read. ');
      else redrawKeeping();
    } else if (change.type === 'changed' && org() && current) {
      // A write: the open view and the counts are drawn again from the model.
      counts.textContent = countsLine(org().stats());
      open(current.kind, current.id, { focus: false });
    }
  }

  return {
    mount(panel) {
      clear(
        panel,
        h('h2', { text: 'Access' }),
        h('div', { class: 'load-row' }, progress, progressText, announce),
        endpointList,
        age,
        errors,
        counts,
        h('div', { class: 'row search-row' }, search.root, overviewButton),
        h('div', { class: 'row' }, exports),
        importer.root,
        viewNote,
        view,
      );
      store.subscribe(onChange);
      drawLoad();
    },
    /** The section is visible: the organization is read when it has not been yet. */
    show() {
      visible = true;
      if (store.state.client && store.state.load.status === 'idle') store.load();
      else if (!current) drawLoad(); // read while hidden (for another section): drawn now
    },
    hide() {
      visible = false;
    },
  };
}
