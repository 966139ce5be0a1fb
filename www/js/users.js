// Users: a paginated list with an email filter, and a detail that changes the organization role,
// assigns and unassigns roles, and deletes the user.
import { h, clear, field, errorBox, run, pagedList, confirmAction, date } from './ui.js';
import { roleAssignments } from './assignments.js';

const PAGE_SIZE = 20;

export function initUsers(panel, ctx) {
  const users = () => ctx.client.admin.organization.users;
  let selectedID = null;
  let emailFilter = '';
  let disposeDetail = () => {};

  /**
   * Refuses, before anything is sent, a change that would leave the organization without an
   * owner: `user` stops being one (a new role, or removed) while nobody else is. The users
   * listing is read until another owner turns up, so it costs one page in the usual case.
   */
  async function keepAnOwner(user, action) {
    if (user.role !== 'owner') return;
    for await (const other of users().list({ limit: 100 })) {
      if (other.role === 'owner' && other.id !== user.id) return;
    }
    throw new Error(`${user.name || user.email || user.id} is the organization's only owner: ${action} would leave it without one. Make someone else an owner first.`);
  }

  // Email filter: the API matches whole addresses (case-insensitive), so it is applied on submit.
  const filterInput = h('input', { type: 'email', spellcheck: 'false', placeholder: 'name@example.com' });
  const filterButton = h('button', { type: 'submit', text: 'Filter' });
  const clearButton = h('button', { type: 'button', text: 'Show all' });
  const filterHint = h('small', { class: 'hint', id: 'users-filter-hint', text: 'Whole address, any case; the server does the matching.' });
  filterInput.setAttribute('aria-describedby', filterHint.id);
  const filterForm = h(
    'form',
    {},
    h('div', { class: 'row' }, h('div', { class: 'field grow' }, field('Filter by email', filterInput)), filterButton, clearButton),
    filterHint,
  );
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    emailFilter = filterInput.value.trim();
    list.reload();
  });
  clearButton.addEventListener('click', () => {
    filterInput.value = '';
    emailFilter = '';
    list.reload();
  });

  const list = pagedList({
    label: 'Users',
    emptyText: 'No users match.',
    what: 'Could not load the users',
    fetchFirst: () => users().list(emailFilter ? { limit: PAGE_SIZE, emails: [emailFilter] } : { limit: PAGE_SIZE }),
    renderItem: (u) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'pick', 'aria-current': u.id === selectedID ? 'true' : null, onclick: () => select(u) },
          h('span', { class: 'name', text: u.name || u.id }),
          h('span', { class: `badge role-${u.role}`, text: u.role }),
          h('span', { class: 'meta', text: u.email ?? 'service account' }),
        ),
      ),
  });

  const emptyDetail = () => h('p', { class: 'empty', text: 'Select a user to see their roles.' });
  const detail = h('div', { class: 'detail', 'aria-live': 'polite' }, emptyDetail());

  clear(
    panel,
    h(
      'div',
      { class: 'split' },
      h('div', { class: 'master card' }, h('h2', { text: 'Users' }), filterForm, list.root),
      h('div', { class: 'card detail-card' }, detail),
    ),
  );

  function select(user) {
    disposeDetail();
    selectedID = user.id;
    list.render();
    const parts = userDetail(user);
    disposeDetail = parts.dispose;
    clear(detail, parts.root);
    detail.querySelector('h2').focus();
  }

  function closeDetail() {
    disposeDetail();
    disposeDetail = () => {};
    selectedID = null;
    clear(detail, emptyDetail());
    list.render();
  }

  function userDetail(user) {
    const label = user.name || user.email || user.id;
    const heading = h('h2', { tabindex: '-1', text: label });
    const meta = h('p', {
      class: 'meta',
      text: [user.email, user.id, `added ${date(user.added_at)}`, user.is_service_account ? 'service account' : null].filter(Boolean).join(' · '),
    });

    // Organization role (owner / reader).
    const roleSelect = h('select', {}, h('option', { value: 'owner', text: 'Owner' }), h('option', { value: 'reader', text: 'Reader' }));
    roleSelect.value = user.role;
    const saveRole = h('button', { type: 'submit', text: 'Save role' });
    const roleErrors = errorBox();
    const roleStatus = h('span', { class: 'status', 'aria-live': 'polite' });
    const roleForm = h('form', { class: 'row' }, h('div', { class: 'field grow' }, field('Organization role', roleSelect)), saveRole, roleStatus);
    roleForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      roleStatus.textContent = '';
      const role = roleSelect.value;
      const updated = await run({ button: saveRole, errors: roleErrors, busyLabel: 'Saving…', what: 'Could not change the role' }, async () => {
        if (role !== 'owner') await keepAnOwner(user, `making them ${role}`);
        return users().update(user.id, { role });
      });
      if (updated) {
        user.role = updated.role ?? role;
        list.upsert({ id: user.id, role: user.role });
        roleStatus.textContent = `Saved: ${user.role}.`;
      }
    });

    // Delete.
    const deleteButton = h('button', { type: 'button', class: 'danger', text: 'Delete user' });
    const deleteErrors = errorBox();
    deleteButton.addEventListener('click', async () => {
      const what = 'Could not delete the user';
      const allowed = await run({ button: deleteButton, errors: deleteErrors, busyLabel: 'Checking…', what }, () => keepAnOwner(user, 'removing them').then(() => true));
      if (!allowed || !(await confirmAction(`Remove ${label} from the organization? This cannot be undone.`, 'Delete user'))) return;
      const done = await run({ button: deleteButton, errors: deleteErrors, busyLabel: 'Deleting…', what }, () => users().delete(user.id));
      if (done) {
        list.remove(user.id);
        closeDetail();
      }
    });

    const roles = roleAssignments({
      ctx,
      owner: label,
      list: () => users().roles.list(user.id),
      assign: (roleID) => users().roles.create(user.id, { role_id: roleID }),
      unassign: (roleID) => users().roles.delete(roleID, { user_id: user.id }),
    });

    return {
      root: h(
        'article',
        { class: 'user-detail', 'aria-label': `User ${label}` },
        h('div', { class: 'detail-head' }, h('div', {}, heading, meta), deleteButton),
        deleteErrors,
        roleForm,
        roleErrors,
        h('section', { 'aria-label': 'User roles' }, h('h3', { text: 'Assigned roles' }), roles.root),
      ),
      dispose: roles.dispose,
    };
  }

  return {
    reset() {
      closeDetail();
      list.reload();
    },
  };
}
