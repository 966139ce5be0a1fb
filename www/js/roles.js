// Roles: the organization's roles (the store's `roles`, which the role pickers read too); create,
// edit and delete custom roles, written directly and recorded in the store (actions.direct).
// Predefined roles are shown read-only (the API refuses to change them).
import { h, clear, field, errorBox, run, confirmAction, storeSection } from './ui.js';

/** "a, b\nc" → ["a", "b", "c"] */
function parsePermissions(text) {
  return text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The name / permissions / description inputs, shared by the create and edit forms. */
function roleFields(role = {}) {
  const name = h('input', { type: 'text', required: true, maxlength: 200, value: role.name ?? '' });
  const permissions = h('textarea', { rows: 3, required: true, spellcheck: 'false' });
  permissions.value = (role.permissions ?? []).join('\n');
  const description = h('input', { type: 'text', value: role.description ?? '' });
  return {
    name,
    permissions,
    description,
    nodes: [
      field('Role name', name),
      field('Permissions', permissions, 'Separate with commas or new lines, e.g. api.groups.read'),
      field('Description', description),
    ],
    values: () => ({
      role_name: name.value.trim(),
      permissions: parsePermissions(permissions.value),
      description: description.value.trim(),
    }),
  };
}

export function rolesSection({ store, actions }) {
  const roles = () => store.state.client.admin.organization.roles;
  /** Reads every organization role into the store. */
  async function loadRoles() {
    const all = [];
    for await (const role of roles().list({ limit: 100 })) all.push(role);
    store.setRoles(all);
    return all;
  }

  // Create a custom role.
  const create = roleFields();
  const createButton = h('button', { type: 'submit', class: 'primary', text: 'Create role' });
  const createErrors = errorBox();
  const createForm = h('form', { class: 'stack' }, create.nodes, h('div', { class: 'row end' }, createButton));
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = create.values();
    if (!body.role_name) return;
    if (!body.description) delete body.description;
    const role = await run({ button: createButton, errors: createErrors, busyLabel: 'Creating…', what: 'Could not create the role' }, () =>
      actions.direct({ operation: 'roles.create', body, send: () => roles().create(body) }),
    );
    if (role) {
      createForm.reset();
      await reload();
    }
  });

  const status = h('p', { class: 'list-status', 'aria-live': 'polite' });
  const listErrors = errorBox();
  const list = h('ul', { class: 'role-list', 'aria-label': 'Organization roles' });
  const reloadButton = h('button', { type: 'button', text: 'Reload roles' });

  const layout = () =>
    h(
      'div',
      { class: 'split' },
      h('div', { class: 'card master' }, h('div', { class: 'detail-head' }, h('h2', { text: 'Roles' }), reloadButton), status, listErrors, list),
      h('div', { class: 'card' }, h('h2', { text: 'New custom role' }), createForm, createErrors),
    );

  async function reload() {
    status.textContent = 'Loading…';
    const loaded = await run({ button: reloadButton, region: list, errors: listErrors, what: 'Could not load the roles' }, loadRoles);
    if (!loaded) status.textContent = '';
  }
  reloadButton.addEventListener('click', reload);

  function render() {
    const all = store.state.roles;
    const custom = all.filter((r) => !r.predefined_role).length;
    status.textContent = `${all.length} roles, ${custom} custom.`;
    clear(list, all.map(roleCard));
  }

  function roleCard(role) {
    const body = h('div', { class: 'role-body' });
    const card = h('li', { class: 'role-card', 'aria-label': `Role ${role.name}` }, body);
    const errors = errorBox();

    function show() {
      const buttons = [];
      if (!role.predefined_role) {
        const edit = h('button', { type: 'button', class: 'small', text: 'Edit', 'aria-label': `Edit ${role.name}` });
        edit.addEventListener('click', showEdit);
        const del = h('button', { type: 'button', class: 'small danger', text: 'Delete', 'aria-label': `Delete ${role.name}` });
        del.addEventListener('click', async () => {
          if (!(await confirmAction(`Delete the role “${role.name}”? It is unassigned from every group and user.`, 'Delete role'))) return;
          const done = await run({ button: del, errors, busyLabel: 'Deleting…', what: 'Could not delete the role' }, () =>
            actions.direct({ operation: 'roles.delete', ids: { role_id: role.id }, send: () => roles().delete(role.id) }),
          );
          if (done) await reload();
        });
        buttons.push(edit, del);
      }
      clear(
        body,
        h(
          'div',
          { class: 'detail-head' },
          h('h3', {}, role.name, ' ', h('span', { class: 'badge', text: role.predefined_role ? 'predefined · read-only' : 'custom' })),
          h('div', { class: 'row' }, buttons),
        ),
        role.description ? h('p', { text: role.description }) : null,
        h('ul', { class: 'chips', 'aria-label': `Permissions of ${role.name}` }, role.permissions.map((p) => h('li', { text: p }))),
        h('p', { class: 'meta', text: role.id }),
        errors,
      );
    }

    function showEdit() {
      const f = roleFields(role);
      const save = h('button', { type: 'submit', class: 'primary', text: 'Save' });
      const cancel = h('button', { type: 'button', text: 'Cancel', onclick: show });
      const form = h('form', { class: 'stack', 'aria-label': `Edit ${role.name}` }, f.nodes, h('div', { class: 'row end' }, cancel, save), errors);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const body = f.values();
        const updated = await run({ button: save, errors, busyLabel: 'Saving…', what: 'Could not save the role' }, () =>
          actions.direct({ operation: 'roles.update', ids: { role_id: role.id }, body, send: () => roles().update(role.id, body) }),
        );
        if (updated) await reload();
      });
      clear(body, form);
      f.name.focus();
    }

    show();
    return card;
  }

  return storeSection({
    store,
    layout,
    // A new connection: the role pickers of the other sections wait on this load.
    reset: () => {
      clear(list);
      reload();
    },
    // Every change to the store's roles (from here or on connect) redraws the list.
    onRoles: render,
  });
}
