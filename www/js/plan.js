// The plan preview, shared by every change the Access section makes (bulk add and remove, a
// person's actions, the CSV and access file imports): a modal dialog with the planned changes and
// the blocked ones (with why), Apply and Cancel; Apply runs the plan with a progress bar and a
// result per row, and a row that did not succeed can be sent again alone (Retry: the package's
// retryPlan, so nothing that succeeded is re-sent). Focus: on open, the first control that
// answers the question (Apply, or Cancel when the plan removes something or has nothing to do);
// on close, back to the control that opened it.
import { applyPlan, retryPlan } from '/pkg/dist/access/index.js';
import { h, uid } from './ui.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The entry that refuses the plan as a whole (e.g. it would leave the organization with no owner), or null. */
export function refusal(plan) {
  return plan.refused ? plan.blocked[0] ?? null : null;
}

/** An outcome in words: `done`, `done (already so)`, `failed (HTTP 409: …)`, `skipped (why)`. */
function outcomeText(o) {
  if (o.status === 'done') return o.alreadyDone ? 'done (already so)' : 'done';
  if (o.status === 'skipped') return `skipped (${o.reason})`;
  const e = o.error;
  return `failed (${[e?.status ? `HTTP ${e.status}` : null, e?.message ?? String(e)].filter(Boolean).join(': ')})`;
}

/**
 * Focuses `opener` again, or when it was replaced (a view drawn again after the change), the
 * element now carrying the same `data-focus-key`.
 */
function returnFocus(opener) {
  if (opener?.isConnected && !opener.disabled) return opener.focus();
  const key = opener?.dataset?.focusKey;
  const again = key ? document.querySelector(`[data-focus-key="${CSS.escape(key)}"]`) : null;
  (again ?? document.querySelector('.access-view'))?.focus();
}

/**
 * Opens the preview of `plan` in a modal dialog. `before`: shown above the plan (e.g. emails not
 * found). `onDone(applied)`: called when it closes (`applied`: whether Apply ran), before focus
 * goes back to `opener`.
 */
export function previewPlan({ opener, org, client, plan, title = 'Plan', before = null, doneLabel = 'Done', onDone }) {
  const ops = plan.operations;
  const titleId = uid('plan-title');
  const apply = h('button', { type: 'button', class: 'primary', text: `Apply ${plural(ops.length, 'change')}`, disabled: ops.length === 0 });
  const cancel = h('button', { type: 'button', text: 'Cancel' });
  const actions = h('div', { class: 'row end' }, cancel, apply);
  const body = h('div', { class: 'plan-body' });
  const dialog = h(
    'dialog',
    { class: 'plan-dialog', 'aria-labelledby': titleId },
    h('h2', { id: titleId, text: title }),
    body,
  );
  body.append(
    ...[
      before,
      ops.length ? h('ul', { class: 'plain', 'aria-label': 'Planned changes' }, ops.map((op) => h('li', { text: `${op.change} ${op.summary}` }))) : h('p', { class: 'empty', text: 'Nothing to change.' }),
      plan.blocked.length ? h('div', {}, h('p', { text: `Blocked, not sent (${plan.blocked.length}):` }), h('ul', { class: 'plain', 'aria-label': 'Blocked' }, plan.blocked.map((b) => h('li', { text: `blocked: ${b.subject}: ${b.reason}` })))) : null,
      actions,
    ].filter(Boolean),
  );
  let applied = false;
  let busy = false;
  // Closed here, at once (Escape included), so focus is back on the opener when the click ends.
  const close = () => {
    if (!dialog.open) return;
    dialog.close();
    dialog.remove();
    onDone?.(applied);
    returnFocus(opener);
  };
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    if (!busy) close();
  });
  cancel.addEventListener('click', close);

  apply.addEventListener('click', async () => {
    applied = true;
    busy = true;
    actions.remove();
    const bar = h('progress', { max: ops.length, value: 0, 'aria-label': 'Applying' });
    const status = h('p', { class: 'status', role: 'status', text: 'Applying…' });
    const rows = ops.map((op) => h('li', { tabindex: '-1' }, h('span', { text: `${op.summary}: waiting` })));
    const done = h('button', { type: 'button', class: 'primary', text: doneLabel, disabled: true, onclick: close });
    body.append(bar, h('ul', { class: 'plain results', 'aria-label': 'Results' }, rows), status, h('div', { class: 'row end' }, done));
    let outcomes;
    const show = (i) => {
      const o = outcomes[i];
      const text = rows[i].firstChild;
      text.textContent = `${ops[i].summary}: ${outcomeText(o)}`;
      rows[i].classList.toggle('failed', o.status !== 'done');
      rows[i].replaceChildren(text, ...(o.status === 'done' ? [] : [' ', h('button', { type: 'button', text: 'Retry', 'aria-label': `Retry: ${ops[i].summary}`, onclick: (e) => retry(i, e.currentTarget) })]));
    };
    const summarize = () => {
      const failed = outcomes.filter((o) => o.status !== 'done').length;
      status.textContent = failed ? `${failed} of ${ops.length} failed.` : `Applied ${plural(ops.length, 'change')}.`;
    };
    async function retry(i, button) {
      let one;
      try {
        one = retryPlan(plan, outcomes, [i]);
      } catch (err) {
        rows[i].firstChild.textContent = `${ops[i].summary}: ${outcomeText(outcomes[i])}: not sent again: ${err.message}`;
        return;
      }
      button.disabled = true;
      button.textContent = 'Retrying…';
      busy = true;
      done.disabled = true;
      const [again] = await applyPlan(client, one);
      busy = false;
      done.disabled = false;
      outcomes[i] = again;
      if (again.status === 'done') org.applyOutcomes(one, [again]);
      show(i);
      summarize();
      (rows[i].querySelector('button') ?? rows[i]).focus();
    }
    try {
      outcomes = await applyPlan(client, plan, {
        onProgress: ({ done: n, index, outcome }) => {
          bar.value = n;
          if (index !== undefined && outcome) rows[index].firstChild.textContent = `${ops[index].summary}: ${outcomeText(outcome)}`;
        },
      });
      org.applyOutcomes(plan, outcomes);
      outcomes.forEach((_, i) => show(i));
      summarize();
    } catch (err) {
      status.textContent = `The changes stopped: ${err?.message ?? err}`;
    }
    busy = false;
    done.disabled = false;
    done.focus();
  });

  document.body.append(dialog);
  dialog.showModal();
  (ops.length && !ops.some((op) => op.change === '-') ? apply : cancel).focus();
  return dialog;
}
