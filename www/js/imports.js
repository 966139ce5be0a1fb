// The Access section's import (admins): a memberships CSV (`group,email[,action]`) or an access
// file (YAML or JSON, as `openai-admin access dump` writes it), chosen or dropped. The file is
// planned by the access core over the loaded organization (planCsv, or the Organization's plan,
// the one `openai-admin access plan` uses) and shown in the plan preview; nothing is sent before
// its Apply. A file the core cannot read shows each error with its line and applies nothing; a plan
// refused as a whole (it would leave the organization with no owner) is shown instead of a preview.
import { h, clear, uid } from './ui.js';
import { previewPlan, refusal } from './plan.js';

/** An access file rather than a CSV: by its name, else by its first meaningful line. */
export function isAccessFile(name, text) {
  if (/\.(ya?ml|json)$/i.test(name)) return true;
  if (/\.csv$/i.test(name)) return false;
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  return /^\s*(\{|(roles|groups|users)\s*:)/.test(first);
}

/**
 * `{ root, enable(org, visible) }`: the control (hidden until an organization is loaded and the
 * user may change it). `getClient()`: the client now; `onApplied()` runs after an import was applied.
 */
export function importControl({ getClient, onApplied }) {
  let org = null;
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
    if (!file || !org) return;
    const text = await file.text();
    const yaml = isAccessFile(file.name, text);
    let plan;
    try {
      plan = yaml ? org.plan(text) : org.planCsv(text);
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
    const refused = refusal(plan);
    if (refused) {
      clear(out, h('p', { class: 'error-box', role: 'alert', text: `${file.name}: refused: ${refused.reason}. Nothing was applied.` }));
      return;
    }
    previewPlan({
      opener: input,
      org,
      client: getClient(),
      plan,
      title: `Import ${file.name}`,
      before: yaml && plan.unmanaged.length ? h('p', { class: 'meta', text: `Not in the file, left alone: ${plan.unmanaged.length}.` }) : null,
      onDone: (applied) => {
        input.value = '';
        if (applied) onApplied?.();
      },
    });
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
    enable(loaded, visible) {
      org = loaded;
      input.disabled = !loaded;
      root.hidden = !visible;
      if (!loaded) clear(out);
    },
  };
}
