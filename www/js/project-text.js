// The words of the console's project views, as pure functions of the access module's project
// answers (no DOM; tests run them in Node): how someone can use a project, the project roles they
// hold and where each comes from, and what of a project or a person's projects is not read yet.
import { count, fmt, sourcesText } from './access-text.js';

/** `owner`, `member; via groups Finance, Support`, `via group Finance`: how someone can use a project. */
export function projectUse(access) {
  const ways = [];
  if (access.membership !== null) ways.push(access.membership);
  if (access.groups.length) ways.push(`via group${access.groups.length === 1 ? '' : 's'} ${access.groups.map((g) => g.name).join(', ')}`);
  return ways.join('; ');
}

/** `Invoice Reader (direct, via Finance)`, one per project role held; `` when none. */
export const projectRolesLine = (access) => access.roles.map((r) => `${r.role.name} (${sourcesText(r.sources)})`).join(', ');

/** A holder's one line: `owner · roles: Invoice Reader (direct)`, and a note while their own project roles are unread. */
export function holderLine(access) {
  const roles = projectRolesLine(access);
  return [projectUse(access), roles ? `project roles: ${roles}` : null, access.rolesRead ? null : 'own project roles not read yet'].filter(Boolean).join(' · ');
}

/** The project's state in words: `project · 3 members · 2 groups with access`, `archived project · …`. */
export function projectMeta(answer) {
  const p = answer.project;
  return [p.archived ? 'archived project (read-only)' : 'project', p.id, count(answer.members.length, 'member'), count(answer.groups.length, 'group') + ' with access', count(answer.holders.length, 'person', 'people') + ' can use it'].join(' · ');
}

/**
 * What of a project is not read yet, in words, or null when all of it is: its lists (members,
 * groups, roles) and its members' own project roles (read only when asked: `prioritize`).
 */
export function projectReadNote(read, archived) {
  if (archived) return 'Archived: the API does not list an archived project’s members, groups or roles, and no change is planned for it.';
  const lists = [!read.members && 'members', !read.groups && 'groups', !read.roles && 'custom roles'].filter(Boolean);
  const parts = [];
  if (lists.length) parts.push(`Not read yet: its ${lists.join(', ')}.`);
  if (read.memberRoles < read.memberCount) parts.push(`Members’ own project roles read for ${fmt.format(read.memberRoles)} of ${fmt.format(read.memberCount)}: they are read now.`);
  return parts.length ? parts.join(' ') : null;
}

/** Whether some of a person's project roles are not read yet (then only the ones through groups are known). */
export const personProjectsUnread = (projects) => projects.some((p) => !p.access.rolesRead);
