/**
 * The loader's reads of projects (`load.ts`): per project its members, groups with access and
 * roles (three lanes, read for every project), then per group with access its project roles (a
 * lane read once the project's groups are known), and per member the member's own project roles
 * (a lane read only when asked: one read per user and project). Each is an endpoint of the
 * scheduler like the organization's reads, and kept in the snapshot with its read time.
 */
import { callArguments, operation } from '../operations.js';
import { endpointOfOperation } from './endpoints.js';
import type { ModelSink } from './load-types.js';
import { pairId, splitPair, type ProjectEntityKind, type Snapshot } from './snapshot.js';

/** One kind of per-entity read: its operation, the endpoint it is paced under, its call's arguments, and where its items go. */
export interface EntityRead {
  op: string;
  endpoint: string;
  args(id: string): unknown[];
  set(sink: ModelSink, id: string, items: readonly unknown[]): void;
}

/** A read of `op` whose path ids come from the entity id, with `fields` (the page size). */
export function entityRead(
  op: string,
  ids: (id: string) => Record<string, string>,
  fields: Record<string, unknown>,
  set: EntityRead['set'],
): EntityRead {
  const info = operation(op);
  const endpoint = endpointOfOperation(op);
  if (!info || !endpoint) throw new Error(`no operation ${op} in the table`);
  return { op, endpoint, args: (id) => callArguments(info, ids(id), fields), set };
}

const project = (id: string) => ({ project_id: id });
const pair = (other: string) => (id: string) => {
  const [p, o] = splitPair(id);
  return { project_id: p, [other]: o };
};

export const PROJECT_READS: Record<ProjectEntityKind, EntityRead> = {
  projectMembers: entityRead('projects.users.list', project, { limit: 100 }, (s, id, i) => s.setProjectMembers(id, i)),
  projectGroups: entityRead('projects.groups.list', project, { limit: 100 }, (s, id, i) => s.setProjectGroups(id, i)),
  projectRoles: entityRead('projects.roles.list', project, { limit: 1000 }, (s, id, i) => s.setProjectRoles(id, i)),
  projectGroupRoles: entityRead('projects.groups.roles.list', pair('group_id'), { limit: 1000 }, (s, id, i) => {
    const [p, g] = splitPair(id);
    s.setProjectGroupRoles(p, g, i);
  }),
  projectUserRoles: entityRead('projects.users.roles.list', pair('user_id'), { limit: 1000 }, (s, id, i) => {
    const [p, u] = splitPair(id);
    s.setProjectUserRoles(p, u, i);
  }),
};

/** The reads every active project (`ids`) calls for: its members, groups with access and roles. */
export function projectEntities(ids: readonly string[]): { kind: ProjectEntityKind; id: string }[] {
  return ids.flatMap((id) => [
    { kind: 'projectMembers' as const, id },
    { kind: 'projectGroups' as const, id },
    { kind: 'projectRoles' as const, id },
  ]);
}

/** The project roles of each group with access to `projects`, as far as their groups have been read. */
export function groupRoleEntities(snapshot: Snapshot, projects: readonly string[]): { kind: 'projectGroupRoles'; id: string }[] {
  return projects.flatMap((p) =>
    (snapshot.entity('projectGroups', p)?.items ?? [])
      .map((item) => (item as { group_id?: unknown } | null)?.group_id)
      .filter((g): g is string => typeof g === 'string')
      .map((g) => ({ kind: 'projectGroupRoles' as const, id: pairId(p, g) })),
  );
}
