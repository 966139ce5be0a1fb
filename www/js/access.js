// The Access section: the whole organization loaded through `openai-admin-wasm/access`
// (loadOrganization, with its progress), one search box over people, groups and roles, and a view
// of each: a person's roles with where each comes from, a role's holders, a group's members. The
// exports (memberships CSV, role holders CSV, the access file) are built in the page from the
// loaded organization. Read-only: the changes are in the other sections.
import { loadOrganization } from '/pkg/dist/access/index.js';
import { bulkAdd, memberSelection, personActions } from './bulk.js';
import { importControl } from './imports.js';
import { h, clear, uid, errorBox, showError, hideError } from './ui.js';

const KIND_LABELS = { user: 'People', group: 'Groups', role: 'Roles' };
/** Rows a long list shows at first; "Show all" shows the rest. */
const FIRST_ROWS = 50;
const fmt = new Intl.NumberFormat('en-US');

/** `api.roles.write` → `roles`: the resource a permission is about. */
function resourceOf(permission) {
  const parts = permission.split('.');
  return parts.length >= 3 ? parts.slice(1, -1).join('.') : parts[0];
}

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
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Loading the organization' });
  const progressText = h('span', { class: 'status', 'aria-live': 'polite' });
  const counts = h('p', { class: 'meta' });
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
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-autocomplete': 'list',
  });
  const results = h('div', { id: listId, role: 'listbox', class: 'search-results', 'aria-label': 'Search results', hidden: true });
  const view = h('div', { class: 'access-view', tabindex: '-1', 'aria-live': 'polite' });
  const exportsRow = h(
    'div',
    { class: 'row' },
    h('button', { type: 'button', onclick: () => org && download('memberships.csv', 'text/csv', org.exportCsv('memberships')), text: 'Export memberships (CSV)' }),
    h('button', { type: 'button', onclick: () => org && download('role-holders.csv', 'text/csv', org.exportCsv('assignments')), text: 'Export role holders (CSV)' }),
    h('button', { type: 'button', onclick: () => org && download('access.yaml', 'application/yaml', org.dump('yaml')), text: 'Export access file (YAML)' }),
  );
  for (const b of exportsRow.querySelectorAll('button')) b.disabled = true;
  const importer = importControl({ getClient: () => ctx.client });

  clear(
    panel,
    h('h2', { text: 'Access' }),
    h('div', { class: 'load-row' }, progress, progressText),
    errors,
    counts,
    h('div', { class: 'field search-field' }, h('label', { for: searchId, text: 'Find a person, group or role' }), search, results),
    exportsRow,
    importer.root,
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
  function renderResults() {
    const text = search.value.trim();
    if (!org || text === '') return closeResults();
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
              { role: 'option', id: uid('opt'), class: 'option', 'aria-selected': 'false', onmousedown: (e) => e.preventDefault(), onclick: () => choose(hit) },
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
    setActive(options.length ? 0 : -1);
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
  const link = (kind, id, text) => h('button', { type: 'button', class: 'link', onclick: () => show(kind, id), text });
  const userName = (u) => u.name || u.email || u.id;

  /** A list that shows its first rows and a button for the rest (long lists stay quick). */
  function longList(label, items, render) {
    const ul = h('ul', { class: 'plain', 'aria-label': label });
    const fill = (n) => clear(ul, items.slice(0, n).map((it) => h('li', {}, render(it))));
    fill(FIRST_ROWS);
    const more =
      items.length > FIRST_ROWS
        ? h('button', {
            type: 'button',
            text: `Show all ${fmt.format(items.length)}`,
            onclick: (e) => {
              fill(items.length);
              e.currentTarget.remove();
            },
          })
        : null;
    return [ul, more];
  }
  function section(title, ...children) {
    const id = uid('sec');
    return h('section', { 'aria-labelledby': id }, h('h3', { id, text: title }), ...children);
  }
  const sourceText = (s) => (s.kind === 'direct' ? 'direct' : null);

  function personView(a) {
    const byResource = new Map();
    for (const p of a.permissions) byResource.set(resourceOf(p), [...(byResource.get(resourceOf(p)) ?? []), p]);
    return [
      h('h2', { text: userName(a.user) }),
      h('p', { class: 'meta', text: [a.user.email, `organization role: ${a.organizationRole ?? 'none'}`, a.scim ? 'managed by SCIM' : null].filter(Boolean).join(' · ') }),
      section(
        `Roles (${a.roles.length})`,
        a.roles.length
          ? h(
              'ul',
              { class: 'plain', 'aria-label': 'Roles' },
              a.roles.map(({ role, sources }) =>
                h(
                  'li',
                  {},
                  link('role', role.id, role.name),
                  ' — ',
                  sources.map((s, i) => [i ? ', ' : '', s.kind === 'direct' ? sourceText(s) : h('span', {}, 'via ', link('group', s.group.id, s.group.name))]),
                  sources.every((s) => s.kind !== 'direct') ? h('span', { class: 'meta', text: ' (held through a group: change it in the group)' }) : null,
                ),
              ),
            )
          : h('p', { class: 'empty', text: 'No roles.' }),
      ),
      section(
        `Permissions (${a.permissions.length})`,
        a.permissions.length
          ? h('dl', { class: 'perms' }, [...byResource].map(([res, perms]) => [h('dt', { text: res }), h('dd', { text: perms.join(', ') })]))
          : h('p', { class: 'empty', text: 'No permissions from roles.' }),
      ),
      section(`Groups (${a.groups.length})`, a.groups.length ? h('ul', { class: 'plain', 'aria-label': 'Groups' }, a.groups.map((g) => h('li', {}, link('group', g.id, g.name)))) : h('p', { class: 'empty', text: 'In no group.' })),
      ctx.role !== 'viewer' ? section('Change access', personActions({ org, client: ctx.client, access: a, onDone: () => show('user', a.user.id) })) : null,
    ];
  }

  function roleView(r) {
    const direct = r.holders.filter((x) => x.sources.some((s) => s.kind === 'direct'));
    return [
      h('h2', { text: r.role.name }),
      h('p', { class: 'meta', text: [r.role.predefined ? 'predefined role' : 'custom role', r.role.description, `${fmt.format(r.holders.length)} holders`].filter(Boolean).join(' · ') }),
      section(`Permissions (${r.role.permissions.length})`, h('ul', { class: 'plain', 'aria-label': 'Permissions' }, r.role.permissions.map((p) => h('li', {}, h('code', { text: p }))))),
      section(
        `Through groups (${r.groups.length})`,
        r.groups.length
          ? h('ul', { class: 'plain', 'aria-label': 'Groups holding the role' }, r.groups.map((g) => h('li', {}, link('group', g.group.id, g.group.name), ` — ${fmt.format(g.memberCount)} members`)))
          : h('p', { class: 'empty', text: 'Assigned to no group.' }),
      ),
      section(`Directly (${direct.length})`, ...longList('Direct holders', direct, (x) => link('user', x.user.id, userName(x.user)))),
      section(
        `All holders (${r.holders.length})`,
        ...longList('Holders', r.holders, (x) => [
          link('user', x.user.id, userName(x.user)),
          ' — ',
          x.sources.map((s, i) => [i ? ', ' : '', s.kind === 'direct' ? 'direct' : `via ${s.group.name}`]),
        ]),
      ),
    ];
  }

  function groupView(g) {
    const filterId = uid('members-filter');
    const filter = h('input', { id: filterId, type: 'search', autocomplete: 'off' });
    const holder = h('div');
    // Admins select members to remove (not in a SCIM group: the plan would block it).
    const selection = ctx.role !== 'viewer' && !g.scim ? memberSelection({ org, client: ctx.client, group: g, done: () => show('group', g.group.id) }) : null;
    const fill = () => {
      const q = filter.value.trim().toLowerCase();
      const members = q ? g.members.filter((m) => `${m.name ?? ''} ${m.email ?? ''}`.toLowerCase().includes(q)) : g.members;
      selection?.setShown(members);
      clear(holder, ...longList('Members', members, (m) => [selection?.checkbox(m), link('user', m.id, `${userName(m)}${m.email && m.name ? ` <${m.email}>` : ''}`)]));
    };
    filter.addEventListener('input', fill);
    fill();
    return [
      h('h2', { text: g.group.name }),
      h('p', { class: 'meta', text: [`${fmt.format(g.members.length)} members`, g.scim ? 'managed by SCIM (locked: its members change in the identity provider)' : null].filter(Boolean).join(' · ') }),
      section(`Roles (${g.roles.length})`, g.roles.length ? h('ul', { class: 'plain', 'aria-label': 'Group roles' }, g.roles.map((r) => h('li', {}, link('role', r.id, r.name)))) : h('p', { class: 'empty', text: 'No roles.' })),
      section(`Members (${g.members.length})`, h('div', { class: 'field' }, h('label', { for: filterId, text: 'Filter members' }), filter), selection?.controls, holder),
      // The viewer is offered no change; nor is a SCIM group (the plan would block it).
      ctx.role !== 'viewer' && !g.scim ? section('Add members', bulkAdd({ org, client: ctx.client, group: g.group, done: () => show('group', g.group.id) })) : null,
    ];
  }

  function show(kind, id) {
    if (!org) return;
    const answer = kind === 'user' ? org.accessOf(id) : kind === 'role' ? org.holdersOf(id) : org.group(id);
    if (!answer) return clear(view, h('p', { class: 'empty', text: 'Not found.' }));
    clear(view, kind === 'user' ? personView(answer) : kind === 'role' ? roleView(answer) : groupView(answer));
    view.focus();
  }

  // --- loading -----------------------------------------------------------------------------
  async function load() {
    const controller = new AbortController();
    loading?.abort();
    loading = controller;
    org?.free();
    org = null;
    search.disabled = true;
    for (const b of exportsRow.querySelectorAll('button')) b.disabled = true;
    importer.enable(null, false);
    clear(view);
    clear(counts);
    hideError(errors);
    progress.hidden = false;
    progress.value = 0;
    progressText.textContent = 'Loading the organization…';
    try {
      const loaded = await loadOrganization(ctx.client, {
        concurrency: 8,
        signal: controller.signal,
        onProgress: ({ done, total }) => {
          progress.max = Math.max(total, 1);
          progress.value = done;
          progressText.textContent = `${fmt.format(done)} of ${fmt.format(total)} reads`;
        },
      });
      if (loading !== controller) return loaded.free();
      org = loaded;
      const s = org.stats();
      progress.hidden = true;
      progressText.textContent = `Loaded ${fmt.format(s.users)} users, ${fmt.format(s.groups)} groups and ${fmt.format(s.roles)} roles.`;
      counts.textContent =
        `${fmt.format(s.memberships)} memberships · ` +
        Object.entries(s.organizationRoles)
          .map(([role, n]) => `${fmt.format(n)} ${role}${n === 1 ? '' : 's'}`)
          .join(' · ');
      search.disabled = false;
      for (const b of exportsRow.querySelectorAll('button')) b.disabled = false;
      importer.enable(org, ctx.role !== 'viewer');
      if (search.value.trim()) renderResults();
    } catch (err) {
      if (controller.signal.aborted) return;
      progress.hidden = true;
      progressText.textContent = '';
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
