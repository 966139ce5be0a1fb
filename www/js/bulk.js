// Bulk add to a group: pasted emails resolved against the loaded organization (the unknown ones
// shown before anything is sent), the plan previewed (added, blocked), then applied with a
// progress bar and a result per row.
import { applyPlan } from '/pkg/dist/access/index.js';
import { h, clear, uid, errorBox, showError } from './ui.js';

const csvField = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function bulkAdd({ org, client, group, done }) {
  const id = uid('bulk');
  const text = h('textarea', { id, rows: 4, spellcheck: 'false' });
  const out = h('div', { 'aria-live': 'polite' });
  const errors = errorBox();
  const preview = h('button', { type: 'button', text: 'Preview' });
  preview.addEventListener('click', () => {
    clear(out);
    const entries = [...new Set(text.value.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
    const known = [];
    const unknown = [];
    for (const e of entries) {
      const a = org.accessOf(e);
      if (a?.user.email) known.push(a.user.email);
      else unknown.push(e);
    }
    let plan;
    try {
      plan = org.planCsv(known.map((email) => `${csvField(group.name)},${csvField(email)}`).join('\n'));
    } catch (err) {
      return showError(errors, err, 'Cannot plan these changes');
    }
    previewAndApply({
      out,
      errors,
      org,
      client,
      plan,
      before: unknown.length ? h('div', { class: 'error-box', role: 'alert' }, h('p', { text: `Not found in the organization (${unknown.length}), left out:` }), h('ul', { 'aria-label': 'Not found' }, unknown.map((u) => h('li', { text: u })))) : null,
      onCancel: () => text.focus(),
      onDone: done,
    });
  });
  return h('div', {}, h('div', { class: 'field' }, h('label', { for: id, text: 'Emails to add (one per line or comma-separated)' }), text), preview, errors, out);
}

/**
 * Shows `plan` in `out` (planned changes, blocked ones, after `before`), with Apply and Cancel;
 * Apply runs it with a progress bar and a result per row, then gives the outcomes to `org`.
 */
export function previewAndApply({ out, errors, org, client, plan, before = null, onCancel, onDone, doneLabel = 'Show the group' }) {
  const ops = plan.operations;
  const apply = h('button', { type: 'button', class: 'primary', text: `Apply ${ops.length} change${ops.length === 1 ? '' : 's'}`, disabled: ops.length === 0 });
  const cancel = h('button', { type: 'button', text: 'Cancel', onclick: () => (clear(out), onCancel?.()) });
  clear(
    out,
    before,
    h('h4', { text: 'Plan' }),
    ops.length ? h('ul', { class: 'plain', 'aria-label': 'Planned changes' }, ops.map((op) => h('li', { text: `${op.change} ${op.summary}` }))) : h('p', { class: 'empty', text: 'Nothing to change.' }),
    plan.blocked.length ? h('ul', { class: 'plain', 'aria-label': 'Blocked' }, plan.blocked.map((b) => h('li', { text: `blocked: ${b.subject}: ${b.reason}` }))) : null,
    h('div', { class: 'row' }, apply, cancel),
  );
  apply.addEventListener('click', async () => {
    apply.disabled = true;
    cancel.disabled = true;
    const bar = h('progress', { max: ops.length, value: 0, 'aria-label': 'Applying' });
    const rows = ops.map((op) => h('li', { text: `${op.summary}: waiting` }));
    out.append(bar, h('ul', { class: 'plain', 'aria-label': 'Results' }, rows));
    try {
      const outcomes = await applyPlan(client, plan, {
        onProgress: ({ done: n, index, outcome }) => {
          bar.value = n;
          if (index !== undefined && outcome) rows[index].textContent = `${ops[index].summary}: ${outcome.status}${outcome.error ? ` (${outcome.error.message ?? outcome.error})` : ''}`;
        },
      });
      org.applyOutcomes(plan, outcomes);
      const failed = outcomes.filter((o) => o.status !== 'done').length;
      out.append(h('p', { class: 'status', text: failed ? `${failed} of ${ops.length} failed.` : `Applied ${ops.length} change${ops.length === 1 ? '' : 's'}.` }), h('button', { type: 'button', text: doneLabel, onclick: onDone }));
    } catch (err) {
      showError(errors, err, 'The changes stopped');
    }
  });
  apply.focus();
}

/**
 * A person's actions (admins): add to a group, assign a role, remove a direct role; each a
 * one-row plan shown in `out` through {@link previewAndApply}. A role held only through a group
 * has no removal here: the API refuses it (the view links to the group instead).
 */
export function personActions({ org, client, access, onDone }) {
  const out = h('div', { 'aria-live': 'polite' });
  const errors = errorBox();
  const user = access.user;
  const who = user.email ?? user.id;
  const run = (operation) => previewAndApply({ out, errors, org, client, plan: { operations: [{ dependsOn: [], ...operation }], blocked: [], unmanaged: [] }, onDone, doneLabel: 'Show the person' });
  const stats = org.stats();
  const mine = new Set(access.groups.map((g) => g.id));
  const groups = stats.membersPerGroup.map((m) => m.group).filter((g) => !mine.has(g.id) && !org.group(g.id)?.scim);
  const direct = new Set(access.roles.filter((r) => r.sources.some((s) => s.kind === 'direct')).map((r) => r.role.id));
  const roles = stats.holdersPerRole.map((r) => r.role).filter((r) => !direct.has(r.id));
  const picker = (label, items, button, act) => {
    const id = uid('pick');
    const select = h('select', { id }, items.map((it) => h('option', { value: it.id, text: it.name })));
    return h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: id, text: label }), select), h('button', { type: 'button', text: button, disabled: !items.length, onclick: () => act(items.find((it) => it.id === select.value)) }));
  };
  return h(
    'div',
    {},
    user.scim ? null : picker('Group', groups, 'Add to group', (g) => run({ operation: 'groups.users.create', ids: { group_id: g.id }, body: { user_id: user.id }, summary: `add ${who} to ${g.name}`, change: '+' })),
    picker('Role', roles, 'Assign role', (r) => run({ operation: 'users.roles.create', ids: { user_id: user.id }, body: { role_id: r.id }, summary: `assign role ${r.name} to ${who}`, change: '+' })),
    access.roles
      .filter((r) => direct.has(r.role.id))
      .map((r) => h('div', {}, h('button', { type: 'button', class: 'danger', text: `Remove direct role ${r.role.name}`, onclick: () => run({ operation: 'users.roles.delete', ids: { user_id: user.id, role_id: r.role.id }, body: null, summary: `unassign role ${r.role.name} from ${who}`, change: '-' }) }))),
    errors,
    out,
  );
}
