// Users: a paginated list with an email filter, and a detail that changes the organization role,
// assigns and unassigns roles, and deletes the user. The role changes are actions (plan, preview,
// apply: the access core refuses leaving the organization without an owner); a change made
// elsewhere on the page to a listed user redraws it.
import { h, clear, field, errorBox, pagedList, confirmAction, date, storeSection } from './ui.js';
import { roleAssignments } from './assignments.js';
import { attempt } from './bulk.js';

const PAGE_SIZE = 20;

export function usersSection({ store, actions }) {
  const users = () => store.state.client.admin.organization.users;
  let selectedID = null;
  let emailFilter = '';
  let disposeDetail = () => {};
  let reloadDetail = () => {};

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

  const layout = () =>
    h(
      'div',
      { class: 'split' },
      h('div', { class: 'master card' }, h('h2', { text: 'Users' }), filterForm, list.root),
      h('div', { class: 'card detail-card' }, detail),
    );

  function select(user) {
    disposeDetail();
    selectedID = user.id;
    list.render();
    const parts = userDetail(user);
    disposeDetail = parts.dispose;
    reloadDetail = parts.reload;
    clear(detail, parts.root);
    detail.querySelector('h2').focus();
  }

  function closeDetail() {
    disposeDetail();
    disposeDetail = () => {};
    reloadDetail = () => {};
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
      const r = await attempt(roleErrors, () => actions.changePerson({ user: user.id, organizationRole: role, opener: saveRole }), 'Could not change the role');
      if (r?.status === 'applied') {
        user.role = role;
        list.upsert({ id: user.id, role });
        roleStatus.textContent = `Saved: ${role}.`;
      }
    });

    // Delete.
    const deleteButton = h('button', { type: 'button', class: 'danger', text: 'Delete user' });
    const deleteErrors = errorBox();
    deleteButton.addEventListener('click', async () => {
      const what = 'Could not delete the user';
      // Confirmed, the roles being read stop first: once the user is gone they would be answered 404.
      let stopped = false;
      const confirm = async () => {
        stopped = await confirmAction(`Remove ${label} from the organization? This cannot be undone.`, 'Delete user');
        if (stopped) roles.stop();
        return stopped;
      };
      // Not disabled meanwhile: the confirmation gives the focus back to this button.
      const r = await attempt(deleteErrors, () => actions.deleteUser({ user: user.id, confirm }), what);
      if (r?.status === 'applied') {
        list.remove(user.id);
        closeDetail();
      } else if (stopped) roles.reload();
    });

    const roles = roleAssignments({
      store,
      principal: { user: user.id },
      owner: label,
      list: (signal) => users().roles.list(user.id, {}, { signal }),
      assign: (roleID, opener) => actions.changePerson({ user: user.id, addRoles: [roleID], opener }),
      unassign: (roleID, opener) => actions.changePerson({ user: user.id, removeRoles: [roleID], opener }),
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
      reload: roles.reload,
    };
  }

  /** Listed users a change touched: their organization role as the model now has it. */
  function follow(touched) {
    const org = store.state.org;
    for (const u of list.items) {
      if (!touched.users.has(u.id)) continue;
      const a = org?.accessOf(u.id);
      if (a && a.organizationRole && a.organizationRole !== u.role) list.upsert({ id: u.id, role: a.organizationRole });
    }
    if (selectedID && touched.users.has(selectedID)) reloadDetail();
  }

  return storeSection({
    store,
    layout,
    reset: () => {
      closeDetail();
      list.reload();
    },
    onChanged: follow,
  });
}
