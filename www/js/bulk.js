// Changes to a group or a person from the Access section, each an action (actions.js): planned by
// the access core and shown in the plan preview (plan.js) before anything is sent: bulk add to a
// group or a project (pasted emails resolved, unknown ones shown; a project's with the project
// role), bulk remove of selected members, a project member's own custom project roles given or
// taken back, and a person's actions.
import { h, uid, errorBox, showError, hideError } from './ui.js';
import { entries } from './actions.js';

const userName = (u) => u.name || u.email || u.id;

/** Runs an action, showing a refusal or an error in `errors`. */
export async function attempt(errors, act, what = 'Cannot plan these changes') {
  hideError(errors);
  try {
    const r = await act();
    if (r?.status === 'refused') showError(errors, new Error(`Refused: ${r.reason}.`), what);
    return r;
  } catch (err) {
    showError(errors, err, what);
    return undefined;
  }
}

export function bulkAdd({ actions, group }) {
  const id = uid('bulk');
  const text = h('textarea', { id, rows: 4, spellcheck: 'false' });
  const errors = errorBox();
  const preview = h('button', { type: 'button', text: 'Preview', 'data-focus-key': `bulk-add:${group.id}` });
  preview.addEventListener('click', () => attempt(errors, () => actions.addMembers({ group: group.id, people: entries(text.value), opener: preview })));
  return h('div', {}, h('div', { class: 'field' }, h('label', { for: id, text: 'Emails to add (one per line or comma-separated)' }), text), preview, errors);
}

/** Bulk add to a project: pasted emails and the project role they get (`owner` or `member`). */
export function projectAdd({ actions, project, roles }) {
  const id = uid('bulk');
  const roleId = uid('project-role');
  const text = h('textarea', { id, rows: 4, spellcheck: 'false' });
  const role = h('select', { id: roleId }, roles.map((r) => h('option', { value: r, text: r })));
  const errors = errorBox();
  const preview = h('button', { type: 'button', text: 'Preview', 'data-focus-key': `project-add:${project.id}` });
  preview.addEventListener('click', () => attempt(errors, () => actions.addProjectMembers({ project: project.id, people: entries(text.value), role: role.value, opener: preview })));
  return h(
    'div',
    {},
    h('div', { class: 'field' }, h('label', { for: id, text: 'Emails to add (one per line or comma-separated)' }), text),
    h('div', { class: 'field narrow' }, h('label', { for: roleId, text: 'Project role' }), role),
    preview,
    errors,
  );
}

/**
 * A member's own project roles: a member and one of the project's custom roles, given or taken
 * back (`actions.changeProjectMemberRoles`), each previewed like every change.
 */
export function projectMemberRole({ actions, project, members, roles }) {
  const memberId = uid('project-member');
  const roleId = uid('project-custom-role');
  const member = h('select', { id: memberId }, members.map((m) => h('option', { value: m.id, text: userName(m) })));
  const role = h('select', { id: roleId }, roles.map((r) => h('option', { value: r.id, text: r.name })));
  const errors = errorBox();
  const button = (text, key, change) => {
    const b = h('button', { type: 'button', text, 'data-focus-key': `project-member-role-${key}:${project.id}` });
    b.addEventListener('click', () => attempt(errors, () => actions.changeProjectMemberRoles({ project: project.id, user: member.value, [change]: [role.value], opener: b })));
    return b;
  };
  return h(
    'div',
    {},
    h('div', { class: 'field narrow' }, h('label', { for: memberId, text: 'Member' }), member),
    h('div', { class: 'field narrow' }, h('label', { for: roleId, text: 'Custom project role' }), role),
    button('Give the role', 'give', 'addRoles'),
    ' ',
    button('Take the role back', 'take', 'removeRoles'),
    errors,
  );
}

/**
 * Selecting members of a group's view to remove them (admins, not SCIM groups): a checkbox per
 * row (`checkbox(member)`, for the view's list), "Select all" over the members the filter shows
 * (`setShown(members)`), and "Remove selected", a membership plan previewed like every change.
 * The selection survives the list being drawn again (filter, "Show all"). A project's members
 * use it too: `members` in their order, `key` names the list, `remove(ids, opener)` plans their
 * removal.
 */
export function memberSelection({ actions, group, members = group?.members ?? [], key = group?.group.id, remove: removeIds = (people, opener) => actions.removeMembers({ group: group.group.id, people, opener }) }) {
  const selected = new Set();
  const boxes = new Map();
  let shown = [];
  const allId = uid('select-all');
  const all = h('input', { id: allId, type: 'checkbox' });
  const allLabel = h('label', { for: allId, text: 'Select all' });
  const errors = errorBox();
  const remove = h('button', { type: 'button', class: 'danger', disabled: true, 'data-focus-key': `bulk-remove:${key}` });
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
  remove.addEventListener('click', () => attempt(errors, () => removeIds(members.filter((m) => selected.has(m.id)).map((m) => m.id), remove)));
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
 * A person's actions (admins): add to a group, assign a role, remove a direct role; each one
 * person's plan previewed by the preview. A role held only through a group has no removal here:
 * the API refuses it (the view links to the group instead). What the core blocks (a SCIM group,
 * …) is shown in the preview with why.
 */
export function personActions({ actions, org, access }) {
  const user = access.user;
  const errors = errorBox();
  const change = (opener, c) => attempt(errors, () => actions.changePerson({ user: user.id, opener, title: `Change ${userName(user)}`, ...c }));
  const stats = org.stats();
  const mine = new Set(access.groups.map((g) => g.id));
  const groups = stats.membersPerGroup.map((m) => m.group).filter((g) => !mine.has(g.id));
  const direct = new Set(access.roles.filter((r) => r.sources.some((s) => s.kind === 'direct')).map((r) => r.role.id));
  const roles = stats.holdersPerRole.map((r) => r.role).filter((r) => !direct.has(r.id));
  const picker = (label, items, button, key, act) => {
    const id = uid('pick');
    // `data-keep`: the choice survives the view being drawn again while reads come in (access.js).
    const select = h('select', { id, 'data-keep': `${key}:${user.id}` }, items.map((it) => h('option', { value: it.id, text: it.name })));
    return h(
      'div',
      { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: id, text: label }), select),
      h('button', { type: 'button', text: button, disabled: !items.length, 'data-focus-key': `${key}:${user.id}`, onclick: (e) => act(e.currentTarget, select.value) }),
    );
  };
  return h(
    'div',
    {},
    picker('Group', groups, 'Add to group', 'person-group', (b, g) => change(b, { addGroups: [g] })),
    picker('Role', roles, 'Assign role', 'person-role', (b, r) => change(b, { addRoles: [r] })),
    access.roles
      .filter((r) => direct.has(r.role.id))
      .map((r) => h('div', {}, h('button', { type: 'button', class: 'danger', text: `Remove direct role ${r.role.name}`, onclick: (e) => change(e.currentTarget, { removeRoles: [r.role.id] }) }))),
    errors,
  );
}
