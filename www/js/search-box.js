// The Access section's search: one combobox over people, groups, roles and projects (the access core's
// `search`), results grouped by kind, arrows and Enter to choose, Escape to close then clear.
import { h, clear, uid } from './ui.js';

const KIND_LABELS = { user: 'People', group: 'Groups', role: 'Roles', project: 'Projects' };

/** `searchBox({ search(text, limit), choose(hit) })`: `search` is null while there is nothing to search. */
export function searchBox({ search: find, choose }) {
  const noteId = uid('search-note');
  const note = h('small', { class: 'hint', id: noteId });
  const inputId = uid('access-search');
  const listId = uid('access-results');
  const input = h('input', {
    id: inputId,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    disabled: true,
    placeholder: 'Name, email, group, role or project',
    'aria-describedby': noteId,
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-autocomplete': 'list',
  });
  const results = h('div', { id: listId, role: 'listbox', class: 'search-results', 'aria-label': 'Search results', hidden: true });
  let options = [];
  let active = -1;

  function close() {
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function setActive(i) {
    options[active]?.setAttribute('aria-selected', 'false');
    active = i;
    const opt = options[active];
    if (!opt) return input.removeAttribute('aria-activedescendant');
    opt.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', opt.id);
    opt.scrollIntoView({ block: 'nearest' });
  }
  function render({ keepActive = false } = {}) {
    const text = input.value.trim();
    if (input.disabled || text === '') return close();
    const was = keepActive ? options[active]?.dataset.key : undefined;
    const hits = find(text, 30);
    options = [];
    const groups = [];
    for (const kind of ['user', 'group', 'role', 'project']) {
      const ofKind = hits.filter((hit) => hit.kind === kind);
      if (!ofKind.length) continue;
      const headId = uid('kind');
      const opts = ofKind.map((hit) => {
        const opt = h(
          'div',
          { role: 'option', id: uid('opt'), class: 'option', 'aria-selected': 'false', 'data-key': `${hit.kind}:${hit.id}`, onmousedown: (e) => e.preventDefault(), onclick: () => pick(hit) },
          h('span', { text: hit.label }),
          hit.detail ? h('span', { class: 'meta', text: ` ${hit.detail}` }) : null,
        );
        options.push(opt);
        return opt;
      });
      groups.push(h('div', { role: 'group', 'aria-labelledby': headId }, h('div', { class: 'kind', id: headId, role: 'presentation', text: KIND_LABELS[kind] }), opts));
    }
    clear(results, groups.length ? groups : h('div', { class: 'empty', role: 'presentation', text: `Nothing matches “${text}”.` }));
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    const again = was ? options.findIndex((o) => o.dataset.key === was) : -1;
    setActive(again >= 0 ? again : options.length ? 0 : -1);
  }
  function pick(hit) {
    close();
    choose(hit);
  }
  input.addEventListener('input', () => render());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.hidden) render();
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
        close();
      } else input.value = '';
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));

  return {
    root: h('div', { class: 'field search-field' }, h('label', { for: inputId, text: 'Find a person, group or role, or a project' }), input, results, note),
    /** Enables or disables the box (closing its results). */
    enable(on) {
      input.disabled = !on;
      if (!on) close();
    },
    /** Draws the results again (as the organization fills), keeping the active option. */
    refresh() {
      if (!results.hidden) render({ keepActive: true });
    },
    close,
    /** The line under the box (what search covers while loading). */
    set note(text) {
      note.textContent = text;
    },
  };
}
