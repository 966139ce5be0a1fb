// The Access section: the whole organization read through `openai-admin-wasm/access`
// (startLoadingOrganization: usable while it loads, with a progress bar in users and groups), one
// search box over people, groups and roles, and a view of each (access-views.js): the overview, a
// person's roles with where each comes from, a role's holders, a group's members. The exports
// (memberships CSV, role holders CSV, the access file) and the changes (bulk.js) are offered once
// everything is loaded, so that no plan is made over half an organization.
import { startLoadingOrganization } from '/pkg/dist/access/index.js';
import { consoleSnapshot, keepSnapshot, snapshotAge } from './snapshot.js';
import { importControl } from './imports.js';
import { h, clear, uid, errorBox, showError, hideError } from './ui.js';
import { accessViews, count, fmt, organizationRoleCounts } from './access-views.js';

const KIND_LABELS = { user: 'People', group: 'Groups', role: 'Roles' };
/** How often the progress text and counts are redrawn while loading (ms). */
const PROGRESS_EVERY = 250;

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function initAccess(panel, ctx) {
  let org = null;
  let loading = null;
  const errors = errorBox();
  const progressTextId = uid('load-text');
  const progress = h('progress', { max: 1, 'aria-label': 'Loading the organization', 'aria-describedby': progressTextId });
  const progressText = h('span', { class: 'status', id: progressTextId });
  const announce = h('span', { class: 'status', 'aria-live': 'polite' });
  const age = h('p', { class: 'meta snapshot-age' });
  const counts = h('p', { class: 'meta' });
  const searchNoteId = uid('search-note');
  const searchNote = h('small', { class: 'hint', id: searchNoteId });
  const searchId = uid('access-search');
  const listId = uid('access-results');
  const search = h('input', {
    id: searchId,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    disabled: true,
    placeholder: 'Name, email, group or role',
    'aria-describedby': searchNoteId,
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-autocomplete': 'list',
  });
  const results = h('div', { id: listId, role: 'listbox', class: 'search-results', 'aria-label': 'Search results', hidden: true });
  const view = h('div', { class: 'access-view', tabindex: '-1', 'aria-live': 'polite' });
  // While loading: what a view may miss; once loaded: a button to show the view complete.
  const viewNote = h('div', { class: 'view-note', hidden: true });
  const overviewButton = h('button', { type: 'button', text: 'Overview', onclick: () => show('overview') });
  const exportsRow = h(
    'div',
    { class: 'row' },
    h('button', { type: 'button', onclick: () => org && download('memberships.csv', 'text/csv', org.exportCsv('memberships')), text: 'Export memberships (CSV)' }),
    h('button', { type: 'button', onclick: () => org && download('role-holders.csv', 'text/csv', org.exportCsv('assignments')), text: 'Export role holders (CSV)' }),
    h('button', { type: 'button', onclick: () => org && download('access.yaml', 'application/yaml', org.dump('yaml')), text: 'Export access file (YAML)' }),
  );
  for (const b of exportsRow.querySelectorAll('button')) b.disabled = true;
  // Import (imports.js): offered once the whole organization is loaded, so that no plan is made
  // over part of it.
  const importer = importControl({ getClient: () => ctx.client });

  clear(
    panel,
    h('h2', { text: 'Access' }),
    h('div', { class: 'load-row' }, progress, progressText, announce),
    age,
    errors,
    counts,
    h('div', { class: 'row search-row' }, h('div', { class: 'field search-field' }, h('label', { for: searchId, text: 'Find a person, group or role' }), search, results, searchNote), overviewButton),
    exportsRow,
    importer.root,
    viewNote,
    view,
  );

  // --- search -------------------------------------------------------------------------------
  let options = [];
  let active = -1;
  function closeResults() {
    results.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function setActive(i) {
    options[active]?.setAttribute('aria-selected', 'false');
    active = i;
    const opt = options[active];
    if (!opt) return search.removeAttribute('aria-activedescendant');
    opt.setAttribute('aria-selected', 'true');
    search.setAttribute('aria-activedescendant', opt.id);
    opt.scrollIntoView({ block: 'nearest' });
  }
  function renderResults({ keepActive = false } = {}) {
    const text = search.value.trim();
    if (!org || text === '') return closeResults();
    const was = keepActive ? options[active]?.dataset.key : undefined;
    const hits = org.search(text, 30);
    options = [];
    const groups = [];
    for (const kind of ['user', 'group', 'role']) {
      const ofKind = hits.filter((hit) => hit.kind === kind);
      if (!ofKind.length) continue;
      const headId = uid('kind');
      groups.push(
        h(
          'div',
          { role: 'group', 'aria-labelledby': headId },
          h('div', { class: 'kind', id: headId, role: 'presentation', text: KIND_LABELS[kind] }),
          ofKind.map((hit) => {
            const opt = h(
              'div',
              { role: 'option', id: uid('opt'), class: 'option', 'aria-selected': 'false', 'data-key': `${hit.kind}:${hit.id}`, onmousedown: (e) => e.preventDefault(), onclick: () => choose(hit) },
              h('span', { text: hit.label }),
              hit.detail ? h('span', { class: 'meta', text: ` ${hit.detail}` }) : null,
            );
            options.push(opt);
            return opt;
          }),
        ),
      );
    }
    clear(results, groups.length ? groups : h('div', { class: 'empty', role: 'presentation', text: `Nothing matches “${text}”.` }));
    results.hidden = false;
    search.setAttribute('aria-expanded', 'true');
    const again = was ? options.findIndex((o) => o.dataset.key === was) : -1;
    setActive(again >= 0 ? again : options.length ? 0 : -1);
  }
  function choose(hit) {
    closeResults();
    show(hit.kind, hit.id);
  }
  search.addEventListener('input', renderResults);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.hidden) renderResults();
      if (!options.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (e.key === 'Enter') {
      const opt = options[active];
      if (!results.hidden && opt) {
        e.preventDefault();
        opt.click();
      }
    } else if (e.key === 'Escape') {
      if (!results.hidden) {
        e.preventDefault();
        closeResults();
      } else search.value = '';
    }
  });
  search.addEventListener('blur', () => setTimeout(closeResults, 0));

  // --- views -------------------------------------------------------------------------------
  let views = null;
  /** What the view shows: `['overview']` or `[kind, id]`. */
  let current = null;
  /** Redraws the overview's counts in place, when it is shown. */
  let refreshOverview = null;
  const canChange = () => ctx.role !== 'viewer' && org?.complete === true;
  /** What was moved to the front of this load. */
  const prioritized = new Set();

  function show(kind, id, { focus = true } = {}) {
    if (!org) return;
    current = [kind, id];
    viewNote.hidden = true;
    refreshOverview = null;
    if (kind === 'overview') {
      const o = views.overview();
      refreshOverview = o.refresh;
      clear(view, o.nodes);
    } else {
      const answer = kind === 'user' ? org.accessOf(id) : kind === 'role' ? org.holdersOf(id) : org.group(id);
      if (!answer) clear(view, h('p', { class: 'empty', text: 'Not found.' }));
      else clear(view, kind === 'user' ? views.person(answer) : kind === 'role' ? views.role(answer) : views.group(answer));
    }
    if (!org.complete) {
      viewNote.hidden = false;
      const unread = kind === 'user' && org.readAt({ user: id }) === null ? ' Roles not read yet: they are read next.' : '';
      clear(viewNote, h('p', { class: 'note', text: `Still loading: this view shows what has been read so far and may be incomplete; changes are offered once everything is loaded.${unread}` }));
      // What is open is read first (asked once per load); shown again once it is.
      if (kind !== 'overview' && !prioritized.has(`${kind}:${id}`)) {
        prioritized.add(`${kind}:${id}`);
        org.prioritize({ [kind]: id }).then(() => current?.[0] === kind && current?.[1] === id && show(kind, id, { focus: false }), () => {});
      }
    }
    if (focus) view.focus();
  }

  // --- loading -----------------------------------------------------------------------------
  /** "412 of 2,045 users · 80 of 212 groups", or "412 users listed" before the total is known. */
  function progressLine(p) {
    if (p.users.total === null) {
      return `${count(p.users.listed, 'user')} listed so far (the API tells how many there are only at the end of its list) · ${count(p.groups.listed, 'group')} · ${count(p.roles.listed, 'role')}`;
    }
    return `${fmt.format(p.users.loaded)} of ${count(p.users.total, 'user')} · ${fmt.format(p.groups.loaded)} of ${count(p.groups.total ?? p.groups.listed, 'group')} · ${count(p.roles.listed, 'role')}`;
  }

  function showCounts() {
    const s = org.stats();
    counts.textContent = `${count(s.memberships, 'membership')} · users per organization role: ${organizationRoleCounts(s)}`;
  }

  async function load() {
    const controller = new AbortController();
    loading?.abort();
    loading = controller;
    org?.free();
    org = null;
    current = null;
    prioritized.clear();
    closeResults();
    search.disabled = true;
    for (const b of exportsRow.querySelectorAll('button')) b.disabled = true;
    importer.enable(null, false);
    overviewButton.disabled = true;
    clear(view);
    viewNote.hidden = true;
    clear(counts);
    hideError(errors);
    progress.hidden = false;
    progress.removeAttribute('value'); // indeterminate until the reads are known
    progressText.textContent = '';
    announce.textContent = 'Loading the organization…';
    searchNote.textContent = '';
    let last = 0;
    let pending = null;
    let timer = 0;
    let over = false;
    /** Redraws the progress (at most every PROGRESS_EVERY ms; the last one always). */
    const draw = () => {
      timer = 0;
      last = performance.now();
      const p = pending;
      if (!p || over || loading !== controller || !org) return;
      if (p.users.total !== null) {
        progress.max = Math.max(p.total, 1);
        progress.value = p.done;
      }
      progressText.textContent = progressLine(p);
      searchNote.textContent = `Still loading: search covers the ${count(p.users.listed, 'user')}, ${count(p.groups.listed, 'group')} and ${count(p.roles.listed, 'role')} read so far.`;
      showCounts();
      // Redrawn in place, but not under the reader's focus (a row they are on would go).
      if (!view.contains(document.activeElement)) refreshOverview?.();
      if (!results.hidden && p.phase === 'directory') renderResults({ keepActive: true });
    };
    const startedAt = Date.now();
    const snapshot = ctx.snapshot ? await consoleSnapshot() : null;
    let stopKeeping = null;
    try {
      const started = await startLoadingOrganization(ctx.client, {
        ...(snapshot ? { snapshot } : {}),
        concurrency: 8,
        signal: controller.signal,
        onProgress: (p) => {
          pending = p;
          if (!timer) timer = setTimeout(draw, Math.max(0, PROGRESS_EVERY - (performance.now() - last)));
        },
      });
      if (loading !== controller) {
        started.done.catch(() => {}).finally(() => started.organization.free());
        return;
      }
      org = started.organization;
      stopKeeping = snapshot ? keepSnapshot(org) : null;
      age.textContent = snapshotAge(org, startedAt, true);
      views = accessViews({ org, ctx, show, canChange });
      search.disabled = false;
      overviewButton.disabled = false;
      show('overview', undefined, { focus: false });
      draw();
      await started.done;
      stopKeeping?.();
      if (loading !== controller) return;
      age.textContent = snapshotAge(org, startedAt, false);
      over = true;
      const s = org.stats();
      progress.hidden = true;
      progressText.textContent = '';
      searchNote.textContent = '';
      announce.textContent = `Loaded ${fmt.format(s.users)} users, ${fmt.format(s.groups)} groups and ${fmt.format(s.roles)} roles.`;
      showCounts();
      for (const b of exportsRow.querySelectorAll('button')) b.disabled = false;
      importer.enable(org, ctx.role !== 'viewer');
      if (refreshOverview && !view.contains(document.activeElement)) {
        refreshOverview();
        viewNote.hidden = true;
      } else if (current) {
        // The view was drawn from part of the organization: offer it again, whole, without
        // taking the focus from where the reader is.
        const [kind, id] = current;
        clear(viewNote, h('p', { class: 'note' }, 'Everything is loaded. ', h('button', { type: 'button', class: 'small', text: 'Show this view complete', onclick: () => show(kind, id) })));
        viewNote.hidden = false;
      }
      if (!results.hidden) renderResults({ keepActive: true });
      // The search index (and the holder counts its hits show) is built on the first search:
      // build it now, while nobody types, so the first keystroke does not wait for it.
      (window.requestIdleCallback ?? setTimeout)(() => loading === controller && org?.search('', 1));
    } catch (err) {
      over = true;
      stopKeeping?.();
      if (controller.signal.aborted || loading !== controller) return;
      progress.hidden = true;
      progressText.textContent = '';
      announce.textContent = '';
      searchNote.textContent = org ? 'The load stopped: search covers only what was read before it failed.' : '';
      showError(errors, err, 'Could not load the organization');
    }
  }

  // Loaded when the section is first shown (and again after a reconnect), not on every page load.
  let stale = false;
  new MutationObserver(() => {
    if (stale && !panel.hidden) {
      stale = false;
      load();
    }
  }).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  return {
    reset() {
      stale = panel.hidden;
      if (!stale) load();
    },
  };
}
