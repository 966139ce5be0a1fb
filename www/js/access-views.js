// The views of the Access section, built from the access module's answers: the overview (counts
// by organization role, members per group, holders per role), a person, a role, a group. Long
// lists (a role's 2,000 holders, a group's members, every group) are virtual lists (vlist.js).
// The words and filters are access-text.js's; the changes are bulk.js's controls over actions.js.
import { bulkAdd, memberSelection, personActions } from './bulk.js';
import { h, clear, uid } from './ui.js';
import { virtualList } from './vlist.js';
import { projectViews } from './project-views.js';
import { count, fmt, filterMembers, onlyThroughGroups, permissionsByResource, sourcesText, userName } from './access-text.js';

/**
 * The views over the store's organization; `open(kind, id)` opens another one. Changes are offered
 * when `store.canChange()` (not a viewer, and the whole organization is loaded).
 */
export function accessViews({ store, actions, open }) {
  const orgOf = () => store.state.org;
  const canChange = () => store.canChange();
  const link = (kind, id, text) => h('button', { type: 'button', class: 'link', onclick: () => open(kind, id), text });
  function section(title, ...children) {
    const id = uid('sec');
    return h('section', { 'aria-labelledby': id }, h('h3', { id, text: title }), ...children);
  }
  const projects = projectViews({ link, section, actions, canChange });
  const list = (label, items, render) => (items.length ? virtualList({ label, items, render }).root : h('p', { class: 'empty', text: 'None.' }));

  /** The overview; `refresh()` redraws its counts in place (lists keep their scroll position). */
  function overview() {
    const org = orgOf();
    const summary = h('p', { class: 'meta' });
    const roleCounts = h('ul', { class: 'plain counts', 'aria-label': 'Users per organization role' });
    const groupsTitle = h('h3', { id: uid('sec') });
    const rolesTitle = h('h3', { id: uid('sec') });
    const groups = virtualList({ label: 'Groups', items: [], render: (g) => [link('group', g.group.id, g.group.name), h('span', { class: 'meta', text: ` — ${count(g.members, 'member')}` })] });
    const roles = virtualList({ label: 'Roles', items: [], render: (r) => [link('role', r.role.id, r.role.name), h('span', { class: 'meta', text: ` — ${count(r.holders, 'holder')}` })] });
    const peopleTitle = h('h3', { id: uid('sec') });
    const roleFilter = h('select', { id: uid('org-role') });
    const people = virtualList({
      label: 'People',
      items: [],
      render: (u) => [link('user', u.id, userName(u)), h('span', { class: 'meta', text: ` — ${[u.email, u.organizationRole].filter(Boolean).join(' · ')}` })],
    });
    const showPeople = () => {
      const rows = org.users(roleFilter.value || undefined);
      peopleTitle.textContent = `People (${fmt.format(rows.length)})`;
      people.update(rows);
    };
    roleFilter.addEventListener('change', showPeople);
    function refresh() {
      const s = org.stats();
      const chosen = roleFilter.value;
      clear(
        roleFilter,
        h('option', { value: '', text: `All (${fmt.format(s.users)})` }),
        Object.entries(s.organizationRoles).map(([role, n]) => h('option', { value: role, text: `${role} (${fmt.format(n)})` })),
      );
      roleFilter.value = chosen in s.organizationRoles ? chosen : '';
      showPeople();
      summary.textContent = `${count(s.users, 'user')} · ${count(s.groups, 'group')} · ${count(s.roles, 'role')} · ${count(s.memberships, 'membership')}`;
      clear(roleCounts, Object.entries(s.organizationRoles).map(([role, n]) => h('li', {}, h('strong', { text: role }), `: ${fmt.format(n)}`)));
      groupsTitle.textContent = `Groups (${fmt.format(s.groups)}), members each`;
      rolesTitle.textContent = `Roles (${fmt.format(s.roles)}), holders each`;
      groups.update(s.membersPerGroup); // the core's group order
      roles.update(s.holdersPerRole);
    }
    refresh();
    return {
      nodes: [
        h('h2', { text: 'Overview' }),
        summary,
        section('Users per organization role', roleCounts),
        h('section', { 'aria-labelledby': peopleTitle.id }, peopleTitle, h('div', { class: 'field narrow' }, h('label', { for: roleFilter.id, text: 'Organization role' }), roleFilter), people.root),
        h('section', { 'aria-labelledby': groupsTitle.id }, groupsTitle, groups.root),
        h('section', { 'aria-labelledby': rolesTitle.id }, rolesTitle, roles.root),
      ],
      refresh,
    };
  }

  function person(a) {
    const byResource = permissionsByResource(a.permissions);
    return [
      h('h2', { text: userName(a.user) }),
      h('p', { class: 'meta', text: [a.user.email, `organization role: ${a.organizationRole ?? 'none'}`, a.scim ? 'managed by SCIM' : null].filter(Boolean).join(' · ') }),
      section(
        `Roles (${a.roles.length})`,
        a.roles.length
          ? h(
              'ul',
              { class: 'plain', 'aria-label': 'Roles' },
              a.roles.map(({ role, sources }) =>
                h(
                  'li',
                  {},
                  link('role', role.id, role.name),
                  ' — ',
                  sources.map((s, i) => [i ? ', ' : '', s.kind === 'direct' ? 'direct' : h('span', {}, 'via ', link('group', s.group.id, s.group.name))]),
                  onlyThroughGroups(sources) ? h('span', { class: 'meta', text: ' (held through a group: change it in the group)' }) : null,
                ),
              ),
            )
          : h('p', { class: 'empty', text: 'No roles.' }),
      ),
      section(
        `Permissions (${a.permissions.length})`,
        a.permissions.length
          ? h('dl', { class: 'perms' }, byResource.map(([res, perms]) => [h('dt', { text: res }), h('dd', { text: perms.join(', ') })]))
          : h('p', { class: 'empty', text: 'No permissions from roles.' }),
      ),
      section(`Groups (${a.groups.length})`, a.groups.length ? h('ul', { class: 'plain', 'aria-label': 'Groups' }, a.groups.map((g) => h('li', {}, link('group', g.id, g.name)))) : h('p', { class: 'empty', text: 'In no group.' })),
      projects.personProjects(a.projects ?? []),
      canChange() ? section('Change access', personActions({ actions, org: orgOf(), access: a })) : null,
    ];
  }

  function role(r) {
    const direct = r.holders.filter((x) => x.sources.some((s) => s.kind === 'direct'));
    return [
      h('h2', { text: r.role.name }),
      h('p', { class: 'meta', text: [r.role.predefined ? 'predefined role' : 'custom role', r.role.description, count(r.holders.length, 'holder')].filter(Boolean).join(' · ') }),
      section(`Permissions (${r.role.permissions.length})`, h('ul', { class: 'plain', 'aria-label': 'Permissions' }, r.role.permissions.map((p) => h('li', {}, h('code', { text: p }))))),
      section(
        `Through groups (${r.groups.length})`,
        r.groups.length
          ? h('ul', { class: 'plain', 'aria-label': 'Groups holding the role' }, r.groups.map((g) => h('li', {}, link('group', g.group.id, g.group.name), ` — ${count(g.memberCount, 'member')}`)))
          : h('p', { class: 'empty', text: 'Assigned to no group.' }),
      ),
      section(`Directly (${fmt.format(direct.length)})`, list('Direct holders', direct, (x) => link('user', x.user.id, userName(x.user)))),
      section(
        `All holders (${fmt.format(r.holders.length)})`,
        list('Holders', r.holders, (x) => [
          link('user', x.user.id, userName(x.user)),
          h('span', { class: 'meta', text: ` — ${sourcesText(x.sources)}` }),
        ]),
      ),
    ];
  }

  function group(g) {
    const filterId = uid('members-filter');
    // `data-keep`: what is typed survives the view being drawn again while reads come in (access.js).
    const filter = h('input', { id: filterId, type: 'search', autocomplete: 'off', 'data-keep': `members-filter:${g.group.id}` });
    // Admins select members to remove (not in a SCIM group: the plan would block it).
    const selection = canChange() && !g.scim ? memberSelection({ actions, group: g }) : null;
    selection?.setShown(g.members);
    const render = (m) => [selection?.checkbox(m), link('user', m.id, `${userName(m)}${m.email && m.name ? ` <${m.email}>` : ''}`)];
    const members = g.members.length ? virtualList({ label: 'Members', items: g.members, render }) : null;
    filter.addEventListener('input', () => {
      const shown = filterMembers(orgOf(), g.members, filter.value);
      selection?.setShown(shown);
      members?.update(shown);
    });
    return [
      h('h2', { text: g.group.name }),
      h('p', { class: 'meta', text: [count(g.members.length, 'member'), g.scim ? 'managed by SCIM (locked: its members change in the identity provider)' : null].filter(Boolean).join(' · ') }),
      section(`Roles (${g.roles.length})`, g.roles.length ? h('ul', { class: 'plain', 'aria-label': 'Group roles' }, g.roles.map((r) => h('li', {}, link('role', r.id, r.name)))) : h('p', { class: 'empty', text: 'No roles.' })),
      section(
        `Members (${fmt.format(g.members.length)})`,
        members ? [h('div', { class: 'field' }, h('label', { for: filterId, text: 'Filter members' }), filter), selection?.controls, members.root] : h('p', { class: 'empty', text: 'No members.' }),
      ),
      // The viewer is offered no change; nor is a SCIM group (the plan would block it).
      canChange() && !g.scim ? section('Add members', bulkAdd({ actions, group: g.group })) : null,
    ];
  }

  /** The view of a user, role, group or project by id, or null when the organization has none. */
  function of(kind, id) {
    const org = orgOf();
    if (kind === 'user') return withAnswer(org.accessOf(id), person);
    if (kind === 'role') return withAnswer(org.holdersOf(id), role);
    if (kind === 'project') return withAnswer(org.holdersOfProject(id), projects.project);
    return withAnswer(org.group(id), group);
  }
  const withAnswer = (answer, draw) => (answer ? draw(answer) : null);

  return { overview, of };
}
