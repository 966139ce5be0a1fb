// The project parts of the Access section's views, from the access module's answers: a person's
// projects (role and sources, `accessOf(user).projects`) and a project's view (who can use it and
// how, its members with their project role, its groups with their project roles, its custom roles:
// `holdersOfProject`). The words are project-text.js's; a member's own project roles are read when
// the view opens (the store's `prioritize`), and the view says what is not read yet. Admins add
// people by pasted emails with a project role, remove selected members, and give a member one of
// the project's custom roles or take it back (bulk.js), each an action (actions.js) planned by the
// core's `planProjectMembership` and shown in the plan preview; never an archived project.
import { h } from './ui.js';
import { memberSelection, projectAdd, projectMemberRole } from './bulk.js';
import { virtualList } from './vlist.js';
import { count, fmt, userName } from './access-text.js';
import { holderLine, personProjectsUnread, projectMeta, projectReadNote, projectRolesLine } from './project-text.js';

/** The project roles a member may be added with (the API's `role` of a project user). */
const PROJECT_MEMBER_ROLES = ['owner', 'member'];

/**
 * The project views; `link(kind, id, text)` opens another view, `section(title, …children)`
 * titles a part; changes are offered when `canChange()`, through `actions`.
 */
export function projectViews({ link, section, actions, canChange }) {
  const empty = (text) => h('p', { class: 'empty', text });
  const archivedTag = (p) => (p.archived ? h('span', { class: 'tag', text: 'archived' }) : null);

  /** A person's projects: each with how they use it and the project roles they hold, with sources. */
  function personProjects(projects) {
    const unread = personProjectsUnread(projects);
    return section(
      `Projects (${fmt.format(projects.length)})`,
      unread ? h('p', { class: 'note', text: 'Their own project roles are not read yet: they are read now (until then only the roles through groups show).' }) : null,
      projects.length
        ? h(
            'ul',
            { class: 'plain', 'aria-label': 'Projects' },
            projects.map(({ project, access }) => {
              const roles = projectRolesLine(access);
              return h(
                'li',
                {},
                link('project', project.id, project.name),
                archivedTag(project),
                ' — ',
                roleSources(access),
                roles ? h('span', { class: 'meta', text: ` · project roles: ${roles}` }) : null,
              );
            }),
          )
        : empty('In no project.'),
    );
  }

  /** `member; via group Finance`, the groups as links. */
  function roleSources(access) {
    const parts = [];
    if (access.membership !== null) parts.push(h('span', { text: access.membership === 'owner' ? 'owner (direct)' : `${access.membership} (direct)` }));
    for (const g of access.groups) parts.push(h('span', {}, 'via group ', link('group', g.id, g.name)));
    return parts.flatMap((p, i) => (i ? ['; ', p] : [p]));
  }

  /** A project: who can use it and how, members, groups with access and their roles, custom roles. */
  function project(answer) {
    const p = answer.project;
    const note = projectReadNote(answer.read, p.archived);
    const holders = answer.holders.length
      ? virtualList({ label: 'People who can use it', items: answer.holders, render: (x) => [link('user', x.user.id, userName(x.user)), h('span', { class: 'meta', text: ` — ${holderLine(x.access)}` })] }).root
      : empty(p.archived ? 'Not read (archived).' : 'Nobody.');
    // Admins select members to remove (not in an archived project: the plan would block it).
    const changes = canChange() && !p.archived;
    const people = answer.members.map((m) => m.user);
    const selection = changes ? memberSelection({ actions, members: people, key: p.id, remove: (ids, opener) => actions.removeProjectMembers({ project: p.id, people: ids, opener }) }) : null;
    selection?.setShown(people);
    const members = answer.members.length
      ? virtualList({ label: 'Members', items: answer.members, render: (m) => [selection?.checkbox(m.user), link('user', m.user.id, userName(m.user)), h('span', { class: 'meta', text: ` — ${m.role}` })] }).root
      : empty('No members.');
    return [
      h('h2', {}, p.name, archivedTag(p)),
      h('p', { class: 'meta', text: projectMeta(answer) }),
      note ? h('p', { class: 'note', text: note }) : null,
      section(`Who can use it (${fmt.format(answer.holders.length)})`, holders),
      section(`Members (${fmt.format(answer.members.length)})`, answer.members.length ? selection?.controls : null, members),
      changes ? section('Add members', projectAdd({ actions, project: p, roles: PROJECT_MEMBER_ROLES })) : null,
      changes && people.length && answer.roles.length ? section('A member’s own project roles', projectMemberRole({ actions, project: p, members: people, roles: answer.roles })) : null,
      section(
        `Groups with access (${fmt.format(answer.groups.length)})`,
        answer.groups.length
          ? h(
              'ul',
              { class: 'plain', 'aria-label': 'Groups with access' },
              answer.groups.map((g) =>
                h(
                  'li',
                  {},
                  link('group', g.group.id, g.group.name),
                  h('span', { class: 'meta', text: ` — ${count(g.memberCount, 'member')} · project roles: ${g.roles.map((r) => r.name).join(', ') || 'none'}${g.scim ? ' · managed by SCIM' : ''}` }),
                ),
              ),
            )
          : empty('No groups.'),
      ),
      section(
        `Custom roles (${fmt.format(answer.roles.length)})`,
        answer.roles.length
          ? h(
              'ul',
              { class: 'plain', 'aria-label': 'Custom project roles' },
              answer.roles.map((r) => h('li', {}, h('strong', { text: r.name }), h('span', { class: 'meta', text: ` — ${r.permissions.join(', ') || 'no permissions'}` }))),
            )
          : empty('No custom roles.'),
      ),
    ];
  }

  return { personProjects, project };
}
