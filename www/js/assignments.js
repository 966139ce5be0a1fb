// The "Roles" block of a group's or a user's detail: the assigned roles, a picker of the
// organization's roles to assign, and an Unassign button per role.
import { h, clear, field, errorBox, run, pagedList } from './ui.js';

/**
 * @param ctx      shared state (`ctx.roles`, `ctx.events`)
 * @param owner    what the roles belong to, e.g. "group Engineering" (for labels and messages)
 * @param list     () => page promise of assigned roles
 * @param assign   (roleID) => promise
 * @param unassign (roleID) => promise
 */
export function roleAssignments({ ctx, owner, list, assign, unassign }) {
  const errors = errorBox();
  const assigned = pagedList({
    label: `Roles of ${owner}`,
    emptyText: 'No roles assigned.',
    what: 'Could not load the roles',
    fetchFirst: list,
    renderItem: (role) => {
      // A user's role may come through groups (`assignment_sources`); only a direct assignment
      // can be unassigned here, the others say where they come from.
      const sources = Array.isArray(role.assignment_sources) ? role.assignment_sources : [];
      const direct = sources.length === 0 || sources.some((s) => s.principal_type === 'user');
      const through = sources.filter((s) => s.principal_type === 'group').map((s) => s.principal_id);
      const origin = through.length ? h('span', { class: 'hint', text: `through ${through.join(', ')}` }) : null;
      if (!direct) {
        return h(
          'li',
          { class: 'item-row' },
          h('span', { class: 'item-main' }, h('span', { class: 'name', text: role.name }), origin),
        );
      }
      const button = h('button', { type: 'button', class: 'small', text: 'Unassign', 'aria-label': `Unassign ${role.name}` });
      button.addEventListener('click', async () => {
        const ok = await run({ button, errors, busyLabel: 'Unassigning…', what: `Could not unassign ${role.name}` }, () =>
          unassign(role.id),
        );
        if (ok !== undefined) {
          assigned.remove(role.id);
          fillPicker();
        }
      });
      return h(
        'li',
        { class: 'item-row' },
        h('span', { class: 'item-main' }, h('span', { class: 'name', text: role.name }), role.predefined_role ? h('span', { class: 'badge', text: 'predefined' }) : null, origin),
        button,
      );
    },
  });

  const select = h('select', { required: true });
  const submit = h('button', { type: 'submit', text: 'Assign role' });
  const form = h('form', { class: 'row' }, h('div', { class: 'field grow' }, field(`Role to assign to ${owner}`, select)), submit);

  /** The organization's roles not assigned yet (the selection survives a refill). */
  function fillPicker() {
    const taken = new Set(assigned.items.map((r) => r.id));
    const keep = select.value;
    const free = ctx.roles.filter((r) => !taken.has(r.id));
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
    const role = ctx.roles.find((r) => r.id === roleID);
    const ok = await run({ button: submit, errors, busyLabel: 'Assigning…', what: `Could not assign ${role?.name ?? roleID}` }, () =>
      assign(roleID),
    );
    if (ok !== undefined) {
      assigned.upsert(role ?? { id: roleID, name: roleID });
      select.value = '';
      fillPicker();
    }
  });

  const onRoles = () => fillPicker();
  ctx.events.addEventListener('roles', onRoles);
  assigned.reload().then(fillPicker);
  fillPicker();

  return {
    root: h('div', { class: 'assignments' }, assigned.root, form, errors),
    /** Stops listening for role changes (when the detail is closed). */
    dispose: () => ctx.events.removeEventListener('roles', onRoles),
  };
}
