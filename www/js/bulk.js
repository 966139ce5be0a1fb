// Changes to a group or a person from the Access section, each planned by the access core and
// shown in the plan preview (plan.js) before anything is sent: bulk add to a group (pasted emails
// resolved, unknown ones shown), bulk remove of selected members, and a person's actions.
import { h, uid, errorBox, showError, hideError } from './ui.js';
import { previewPlan } from './plan.js';

const csvField = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const userName = (u) => u.name || u.email || u.id;

export function bulkAdd({ org, client, group, done }) {
  const id = uid('bulk');
  const text = h('textarea', { id, rows: 4, spellcheck: 'false' });
  const errors = errorBox();
  const preview = h('button', { type: 'button', text: 'Preview', 'data-focus-key': `bulk-add:${group.id}` });
  preview.addEventListener('click', () => {
    hideError(errors);
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
    previewPlan({
      opener: preview,
      org,
      client,
      plan,
      title: `Add to ${group.name}`,
      before: unknown.length ? h('div', { class: 'error-box' }, h('p', { text: `Not found in the organization (${unknown.length}), left out:` }), h('ul', { 'aria-label': 'Not found' }, unknown.map((u) => h('li', { text: u })))) : null,
      onDone: (applied) => applied && done(),
    });
  });
  return h('div', {}, h('div', { class: 'field' }, h('label', { for: id, text: 'Emails to add (one per line or comma-separated)' }), text), preview, errors);
}

/**
 * Selecting members of a group's view to remove them (admins, not SCIM groups): a checkbox per
 * row (`checkbox(member)`, for the view's list), "Select all" over the members the filter shows
 * (`setShown(members)`), and "Remove selected", a plan of `group,email,remove` rows previewed
 * like every change. The selection survives the list being drawn again (filter, "Show all").
 */
export function memberSelection({ org, client, group, done }) {
  const selected = new Set();
  const boxes = new Map();
  let shown = [];
  const allId = uid('select-all');
  const all = h('input', { id: allId, type: 'checkbox' });
  const allLabel = h('label', { for: allId, text: 'Select all' });
  const errors = errorBox();
  const remove = h('button', { type: 'button', class: 'danger', disabled: true, 'data-focus-key': `bulk-remove:${group.id}` });
  const sync = () => {
    const on = shown.filter((m) => selected.has(m.id)).length;
    all.checked = shown.length > 0 && on === shown.length;
    all.indeterminate = on > 0 && on < shown.length;
    all.disabled = shown.length === 0;
    allLabel.textContent = `Select all ${shown.length} shown`;
    remove.textContent = `Remove selected (${selected.size})`;
    remove.disabled = selected.size === 0;
    for (const [id, box] of boxes) box.checked = selected.has(id);
  };
  all.addEventListener('change', () => {
    for (const m of shown) all.checked ? selected.add(m.id) : selected.delete(m.id);
    sync();
  });
  remove.addEventListener('click', () => {
    hideError(errors);
    const rows = group.members.filter((m) => selected.has(m.id)).map((m) => `${csvField(group.group.name)},${csvField(m.email ?? m.id)},remove`);
    let plan;
    try {
      plan = org.planCsv(rows.join('\n'));
    } catch (err) {
      return showError(errors, err, 'Cannot plan these changes');
    }
    previewPlan({ opener: remove, org, client, plan, title: `Remove from ${group.group.name}`, onDone: (applied) => applied && done() });
  });
  sync();
  return {
    controls: h('div', { class: 'row select-row' }, h('span', { class: 'check' }, all, allLabel), remove, errors),
    /** The members the list shows now (after its filter). */
    setShown(members) {
      shown = members;
      boxes.clear();
      sync();
    },
    /** The checkbox of one member's row. */
    checkbox(m) {
      const box = h('input', { type: 'checkbox', class: 'pick', 'aria-label': `Select ${userName(m)}`, checked: selected.has(m.id) });
      box.addEventListener('change', () => {
        box.checked ? selected.add(m.id) : selected.delete(m.id);
        sync();
      });
      boxes.set(m.id, box);
      return box;
    },
  };
}

/**
 * A person's actions (admins): add to a group, assign a role, remove a direct role; each a
 * one-row plan previewed by {@link previewPlan}. A role held only through a group has no removal
 * here: the API refuses it (the view links to the group instead).
 */
export function personActions({ org, client, access, onDone }) {
  const user = access.user;
  const who = user.email ?? user.id;
  const run = (opener, operation) =>
    previewPlan({ opener, org, client, plan: { operations: [{ dependsOn: [], ...operation }], blocked: [], unmanaged: [] }, title: `Change ${userName(user)}`, onDone: (applied) => applied && onDone() });
  const stats = org.stats();
  const mine = new Set(access.groups.map((g) => g.id));
  const groups = stats.membersPerGroup.map((m) => m.group).filter((g) => !mine.has(g.id) && !org.group(g.id)?.scim);
  const direct = new Set(access.roles.filter((r) => r.sources.some((s) => s.kind === 'direct')).map((r) => r.role.id));
  const roles = stats.holdersPerRole.map((r) => r.role).filter((r) => !direct.has(r.id));
  const picker = (label, items, button, key, act) => {
    const id = uid('pick');
    const select = h('select', { id }, items.map((it) => h('option', { value: it.id, text: it.name })));
    return h(
      'div',
      { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: id, text: label }), select),
      h('button', { type: 'button', text: button, disabled: !items.length, 'data-focus-key': `${key}:${user.id}`, onclick: (e) => act(e.currentTarget, items.find((it) => it.id === select.value)) }),
    );
  };
  return h(
    'div',
    {},
    user.scim ? null : picker('Group', groups, 'Add to group', 'person-group', (b, g) => run(b, { operation: 'groups.users.create', ids: { group_id: g.id }, body: { user_id: user.id }, summary: `add ${who} to ${g.name}`, change: '+' })),
    picker('Role', roles, 'Assign role', 'person-role', (b, r) => run(b, { operation: 'users.roles.create', ids: { user_id: user.id }, body: { role_id: r.id }, summary: `assign role ${r.name} to ${who}`, change: '+' })),
    access.roles
      .filter((r) => direct.has(r.role.id))
      .map((r) =>
        h('div', {}, h('button', { type: 'button', class: 'danger', text: `Remove direct role ${r.role.name}`, onclick: (e) => run(e.currentTarget, { operation: 'users.roles.delete', ids: { user_id: user.id, role_id: r.role.id }, body: null, summary: `unassign role ${r.role.name} from ${who}`, change: '-' }) })),
      ),
  );
}
