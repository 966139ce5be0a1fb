// Groups: a paginated list with a filter, create, and a detail with rename, delete, members and
// roles. The group's own fields (create, rename, delete) are written directly and recorded in the
// store (actions.direct); members and roles change through the plan preview (actions.js). A
// change made elsewhere on the page to the open group reloads its members and roles.
import { foldName, loadAccessModule } from '/pkg/dist/access/index.js';
import { h, clear, field, errorBox, run, pagedList, confirmAction, date, storeSection } from './ui.js';
import { roleAssignments } from './assignments.js';
import { attempt } from './bulk.js';

const PAGE_SIZE = 10;
const MEMBER_PAGE_SIZE = 10;

export function groupsSection({ store, actions }) {
  const groups = () => store.state.client.admin.organization.groups;
  let selectedID = null;
  let disposeDetail = () => {};
  /** The open detail's reload of its members and roles (after a change made anywhere on the page). */
  let reloadDetail = () => {};
  // The group being renamed: its detail is drawn again (and read again) once the rename is done.
  let renaming = null;

  // Create a group.
  const createName = h('input', { type: 'text', required: true, maxlength: 200 });
  const createButton = h('button', { type: 'submit', class: 'primary', text: 'Create group' });
  const createErrors = errorBox();
  const createForm = h(
    'form',
    { class: 'row' },
    h('div', { class: 'field grow' }, field('New group name', createName)),
    createButton,
  );
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = createName.value.trim();
    if (!name) return;
    const group = await run({ button: createButton, errors: createErrors, busyLabel: 'Creating…', what: 'Could not create the group' }, () =>
      actions.direct({ operation: 'groups.create', body: { name }, send: () => groups().create({ name }) }),
    );
    if (group) {
      createName.value = '';
      list.upsert(group, true);
      select(group);
    }
  });

  // Filter as you type, over the groups loaded so far.
  const filterInput = h('input', { type: 'search', spellcheck: 'false' });
  filterInput.addEventListener('input', () => list.render());
  // Compared with the core's name folding (case and accents); the access module that has it is
  // fetched now, and until it is ready (a moment) the filter shows every group.
  let folding = false;
  loadAccessModule().then(() => {
    folding = true;
    if (filterInput.value.trim()) list.render();
  });
  const matches = (g) => {
    const q = filterInput.value.trim();
    return !q || !folding || foldName(g.name).includes(foldName(q));
  };

  const list = pagedList({
    label: 'Groups',
    emptyText: 'No groups yet. Create one above.',
    what: 'Could not load the groups',
    fetchFirst: () => groups().list({ limit: PAGE_SIZE }),
    filter: matches,
    renderItem: (g) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'pick', 'aria-current': g.id === selectedID ? 'true' : null, onclick: () => select(g) },
          h('span', { class: 'name', text: g.name }),
          g.is_scim_managed ? h('span', { class: 'badge', text: 'SCIM' }) : null,
          h('span', { class: 'meta', text: g.id }),
        ),
      ),
  });

  const detail = h('div', { class: 'detail', 'aria-live': 'polite' }, h('p', { class: 'empty', text: 'Select a group to see its members and roles.' }));

  const layout = () =>
    h(
      'div',
      { class: 'split' },
      h(
        'div',
        { class: 'master card' },
        h('h2', { text: 'Groups' }),
        createForm,
        createErrors,
        field('Filter groups by name', filterInput, 'Filters the groups loaded so far.'),
        list.root,
      ),
      h('div', { class: 'card detail-card' }, detail),
    );

  /** Shows a group's detail. */
  function select(group) {
    disposeDetail();
    selectedID = group.id;
    list.render();
    const parts = groupDetail(group);
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
    clear(detail, h('p', { class: 'empty', text: 'Select a group to see its members and roles.' }));
    list.render();
  }

  function groupDetail(group) {
    const heading = h('h2', { tabindex: '-1', text: group.name });
    const meta = h('p', { class: 'meta', text: `${group.id} · created ${date(group.created_at)}${group.is_scim_managed ? ' · managed by SCIM' : ''}` });

    // Rename.
    const nameInput = h('input', { type: 'text', required: true, maxlength: 200, value: group.name });
    const renameButton = h('button', { type: 'submit', text: 'Rename' });
    const renameErrors = errorBox();
    const renameForm = h('form', { class: 'row' }, h('div', { class: 'field grow' }, field('Group name', nameInput)), renameButton);
    renameForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const name = nameInput.value.trim();
      if (!name) return;
      renaming = group.id;
      const updated = await run({ button: renameButton, errors: renameErrors, busyLabel: 'Renaming…', what: 'Could not rename the group' }, () =>
        actions.direct({ operation: 'groups.update', ids: { group_id: group.id }, body: { name }, send: () => groups().update(group.id, { name }) }),
      ).finally(() => (renaming = null));
      if (updated) {
        group.name = updated.name ?? name;
        list.upsert({ id: group.id, name: group.name });
        select(group); // redraw the detail: its labels name the group
      }
    });

    // Delete.
    const deleteButton = h('button', { type: 'button', class: 'danger', text: 'Delete group' });
    const deleteErrors = errorBox();
    deleteButton.addEventListener('click', async () => {
      if (!(await confirmAction(`Delete the group “${group.name}”? Its members stay in the organization.`, 'Delete group'))) return;
      // Its members and roles being read would be answered 404 once it is gone: they stop first.
      members.stop();
      roles.stop();
      const done = await run({ button: deleteButton, errors: deleteErrors, busyLabel: 'Deleting…', what: 'Could not delete the group' }, () =>
        actions.direct({ operation: 'groups.delete', ids: { group_id: group.id }, send: () => groups().delete(group.id) }),
      );
      if (done) {
        list.remove(group.id);
        closeDetail();
      } else {
        members.reload();
        roles.reload();
      }
    });

    const members = memberSection(group);
    const roles = roleAssignments({
      store,
      principal: { group: group.id },
      owner: `group ${group.name}`,
      list: (signal) => groups().roles.list(group.id, {}, { signal }),
      assign: (roleID, opener) => actions.changeGroupRoles({ group: group.id, addRoles: [roleID], opener }),
      unassign: (roleID, opener) => actions.changeGroupRoles({ group: group.id, removeRoles: [roleID], opener }),
    });

    return {
      root: h(
        'article',
        { class: 'group-detail', 'aria-label': `Group ${group.name}` },
        h('div', { class: 'detail-head' }, h('div', {}, heading, meta), deleteButton),
        deleteErrors,
        renameForm,
        renameErrors,
        h('section', { 'aria-label': 'Members' }, h('h3', { text: 'Members' }), members.root),
        h('section', { 'aria-label': 'Group roles' }, h('h3', { text: 'Roles' }), roles.root),
      ),
      dispose: roles.dispose,
      reload: () => {
        members.reload();
        roles.reload();
      },
    };
  }

  /** A group's members: paginated list, remove, and add by searching a user by email. */
  function memberSection(group) {
    const errors = errorBox();
    const memberList = pagedList({
      label: `Members of ${group.name}`,
      emptyText: 'This group has no members.',
      what: 'Could not load the members',
      fetchFirst: (signal) => groups().users.list(group.id, { limit: MEMBER_PAGE_SIZE }, { signal }),
      renderItem: (u) => {
        const remove = h('button', { type: 'button', class: 'small', text: 'Remove', 'aria-label': `Remove ${u.name || u.email || u.id}` });
        remove.addEventListener('click', () =>
          attempt(errors, () => actions.removeMembers({ group: group.id, people: [u.id], opener: remove }), `Could not remove ${u.name || u.id}`),
        );
        return h(
          'li',
          { class: 'item-row' },
          h('span', { class: 'item-main' }, h('span', { class: 'name', text: u.name || u.id }), h('span', { class: 'meta', text: u.email ?? 'no email (service account)' })),
          remove,
        );
      },
    });
    memberList.reload();

    // Add a member: find the user by exact email with the users list's `emails` filter.
    const email = h('input', { type: 'email', required: true, spellcheck: 'false', placeholder: 'name@example.com' });
    const search = h('button', { type: 'submit', text: 'Find user' });
    const results = h('ul', { class: 'items results', 'aria-label': 'Users found', 'aria-live': 'polite' });
    const form = h('form', { class: 'row' }, h('div', { class: 'field grow' }, field('Add a member by email', email)), search);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const address = email.value.trim();
      if (!address) return;
      clear(results);
      const page = await run({ button: search, errors, busyLabel: 'Searching…', what: 'Could not search users' }, () =>
        store.state.client.admin.organization.users.list({ emails: [address], limit: 10 }),
      );
      if (!page) return;
      if (!page.data.length) {
        clear(results, h('li', { class: 'empty', text: `No user with the email ${address}.` }));
        return;
      }
      clear(results, page.data.map((u) => foundUser(u)));
    });

    function foundUser(u) {
      const isMember = memberList.items.some((m) => m.id === u.id);
      const add = h('button', { type: 'button', class: 'small primary', text: isMember ? 'Already a member' : 'Add to group', disabled: isMember, 'aria-label': `Add ${u.name || u.email} to ${group.name}` });
      add.addEventListener('click', async () => {
        const r = await attempt(errors, () => actions.addMembers({ group: group.id, people: [u.id], opener: add }), `Could not add ${u.name || u.email}`);
        if (r?.status === 'applied') {
          clear(results);
          email.value = '';
        }
      });
      return h('li', { class: 'item-row' }, h('span', { class: 'item-main' }, h('span', { class: 'name', text: u.name }), h('span', { class: 'meta', text: u.email })), add);
    }

    return { root: h('div', {}, memberList.root, form, results, errors), reload: () => memberList.reload(), stop: () => memberList.stop() };
  }

  return storeSection({
    store,
    layout,
    reset: () => {
      closeDetail();
      list.reload();
    },
    // A change made anywhere on the page to the open group: its members and roles again (or,
    // deleted, the detail closes).
    onChanged: (touched) => {
      if (!selectedID || !touched.groups.has(selectedID)) return;
      if (touched.deleted.has(selectedID)) {
        list.remove(selectedID);
        closeDetail();
      } else if (renaming !== selectedID) reloadDetail();
    },
  });
}
