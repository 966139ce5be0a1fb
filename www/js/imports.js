// The Access section's import (admins): a memberships CSV (`group,email[,action]`) or an access
// file (YAML or JSON, as `openai-admin access dump` writes it), chosen or dropped, and given to
// the import action (actions.js): planned by the access core over the loaded organization and
// shown in the plan preview; nothing is sent before its Apply. A file the core cannot read shows
// each error with its line and applies nothing; a plan refused as a whole (it would leave the
// organization with no owner) is shown instead of a preview.
import { h, clear, uid } from './ui.js';

/** `{ root, enable(on) }`: the control (hidden and disabled until `enable(true)`). */
export function importControl({ actions }) {
  const id = uid('import');
  const input = h('input', { id, type: 'file', accept: '.csv,text/csv,.yaml,.yml,application/yaml,.json', disabled: true });
  const out = h('div', { 'aria-live': 'polite' });
  const drop = h(
    'div',
    { class: 'field drop-zone' },
    h('label', { for: id, text: 'Import memberships CSV (group,email[,action]) or access file (YAML)' }),
    input,
    h('small', { class: 'hint', text: 'Choose a file or drop it here. Nothing is sent before the preview’s Apply.' }),
  );
  const root = h('div', { hidden: true }, drop, out);

  async function take(file) {
    clear(out);
    if (!file || input.disabled) return;
    const text = await file.text();
    let result;
    try {
      result = await actions.importFile({ name: file.name, text, opener: input });
    } catch (err) {
      // A file reports every bad entry or row (`errors`), each with its line.
      const errors = Array.isArray(err?.errors) && err.errors.length ? err.errors : [err];
      const where = (e) => (e?.line ? `${file.name}, line ${e.line}${e.column ? `, column ${e.column}` : ''}: ` : '');
      clear(
        out,
        h(
          'div',
          { class: 'error-box', role: 'alert' },
          h('p', { text: `${file.name}: ${errors.length === 1 ? 'this file has an error' : `this file has ${errors.length} errors`}. Nothing was applied.` }),
          h('ul', { 'aria-label': 'Errors in the file' }, errors.map((e) => h('li', { text: `${where(e)}${e?.message ?? e}` }))),
        ),
      );
      return;
    }
    input.value = '';
    if (result.status === 'refused') clear(out, h('p', { class: 'error-box', role: 'alert', text: `${file.name}: refused: ${result.reason}. Nothing was applied.` }));
  }

  input.addEventListener('change', () => take(input.files?.[0]));
  drop.addEventListener('dragover', (e) => {
    if (input.disabled) return;
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    drop.classList.remove('dragging');
    if (input.disabled) return;
    e.preventDefault();
    take(e.dataTransfer?.files?.[0]);
  });

  return {
    root,
    enable(on) {
      input.disabled = !on;
      root.hidden = !on;
      if (!on) clear(out);
    },
  };
}
