// The "Roles" block of a group's or a user's detail: the assigned roles, a picker of the
// organization's roles to assign, and an Unassign button per role. Whether an assignment is
// direct, and through which groups it comes, is the access core's answer (`assignmentOf`): only a
// direct one can be unassigned here; it is shown once the organization is loaded. Assigning and
// unassigning are actions (plan, preview, apply).
import { h, clear, field, errorBox, pagedList } from './ui.js';
import { attempt } from './bulk.js';

/**
 * @param store     the page's state (`roles`, the organization)
 * @param principal `{ user: id }` or `{ group: id }`
 * @param owner     what the roles belong to, e.g. "group Engineering" (for labels and messages)
 * @param list      (signal) => page promise of assigned roles
 * @param assign    (roleID, opener) => action result
 * @param unassign  (roleID, opener) => action result
 */
export function roleAssignments({ store, principal, owner, list, assign, unassign }) {
  const errors = errorBox();
  const assignment = (roleId) => (store.state.load.status === 'complete' ? store.state.org.assignmentOf(principal, roleId) : undefined);
  const assigned = pagedList({
    label: `Roles of ${owner}`,
    emptyText: 'No roles assigned.',
    what: 'Could not load the roles',
    fetchFirst: list,
    renderItem: (role) => {
      const a = assignment(role.id);
      const through = a?.via.map((g) => g.name) ?? [];
      const origin = through.length ? h('span', { class: 'hint', text: `through ${through.join(', ')}` }) : null;
      const main = h('span', { class: 'item-main' }, h('span', { class: 'name', text: role.name }), role.predefined_role ? h('span', { class: 'badge', text: 'predefined' }) : null, origin);
      // Unknown until the organization is loaded; held only through groups: nothing to unassign here.
      if (!a?.direct) return h('li', { class: 'item-row' }, main);
      const button = h('button', { type: 'button', class: 'small', text: 'Unassign', 'aria-label': `Unassign ${role.name}` });
      button.addEventListener('click', () => attempt(errors, () => unassign(role.id, button), `Could not unassign ${role.name}`));
      return h('li', { class: 'item-row' }, main, button);
    },
  });

  const select = h('select', { required: true });
  const submit = h('button', { type: 'submit', text: 'Assign role' });
  const form = h('form', { class: 'row' }, h('div', { class: 'field grow' }, field(`Role to assign to ${owner}`, select)), submit);

  /** The organization's roles not assigned yet (the selection survives a refill). */
  function fillPicker() {
    const taken = new Set(assigned.items.map((r) => r.id));
    const keep = select.value;
    const free = store.state.roles.filter((r) => !taken.has(r.id));
    clear(
      select,
      h('option', { value: '', text: free.length ? 'Choose a role…' : 'No other roles' }),
      free.map((r) => h('option', { value: r.id, text: r.predefined_role ? `${r.name} (predefined)` : r.name })),
    );
    if (free.some((r) => r.id === keep)) select.value = keep;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const roleID = select.value;
    if (!roleID) return;
    const role = store.state.roles.find((r) => r.id === roleID);
    const r = await attempt(errors, () => assign(roleID, submit), `Could not assign ${role?.name ?? roleID}`);
    if (r?.status === 'applied') select.value = '';
  });

  const reload = () => assigned.reload().then(fillPicker);
  // New roles listed, or the organization loaded (the assignments' sources are then known).
  const unsubscribe = store.subscribe((change) => {
    if (change.type === 'roles') fillPicker();
    else if (change.type === 'load') assigned.render();
  });
  reload();
  fillPicker();
  // The sources come from the loaded organization: start reading it when it is not yet.
  store.organization().catch(() => {});

  return {
    root: h('div', { class: 'assignments' }, assigned.root, form, errors),
    /** Reads the assigned roles again (after a change). */
    reload,
    /** Stops reading them (before their owner is deleted). */
    stop: () => assigned.stop(),
    /** Stops listening to the store (when the detail is closed). */
    dispose: unsubscribe,
  };
}
