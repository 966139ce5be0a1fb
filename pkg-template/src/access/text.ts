/**
 * The access module's display text: the core returns facts (counts, flags), and the words people
 * read are made here, so that every front end (the console page, the command line) says the same.
 */
import type { AccessHit } from './types.js';

/** `1 member`, `3 members`. */
export function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/**
 * The second line of a search hit: a user's email, organization role and SCIM flag; a group's
 * member count and SCIM flag; a role's kind, permission and holder counts; a project's state,
 * member and group counts.
 */
export function hitDetail(hit: AccessHit): string {
  switch (hit.kind) {
    case 'user':
      return [hit.email, hit.organizationRole, hit.scim ? 'SCIM' : null].filter((s) => s !== null).join(' · ');
    case 'group':
      return hit.scim ? `${plural(hit.memberCount, 'member')} · SCIM-managed` : plural(hit.memberCount, 'member');
    case 'role':
      return `${hit.predefined ? 'predefined role' : 'custom role'} · ${plural(hit.permissionCount, 'permission')} · ${plural(hit.holderCount, 'holder')}`;
    case 'project':
      return `${hit.archived ? 'archived project' : 'project'} · ${plural(hit.memberCount, 'member')} · ${plural(hit.groupCount, 'group')}`;
  }
}
