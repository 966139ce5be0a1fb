/**
 * The snapshot: the organization as it was read, each entity with the time it was read, so that
 * a command (or the console) starts from it and reads again only what is missing or older than it
 * accepts. It holds the API's list items as they came (users, groups and roles lists; each group's
 * members and roles; each user's roles) and the request scheduler's learned rates. It never holds
 * the admin key: it is tied to one by a fingerprint the caller computes (`fingerprint` in
 * `snapshot-file.ts`, Node only).
 *
 * This module does no I/O (it runs in browsers too): `Snapshot.parse` reads a text, checking its
 * format, base URL and fingerprint, and `Snapshot#text` writes one. Where it is kept is the
 * caller's: a file (`snapshot-file.ts`), the console's process, a page's storage.
 */
import type { ModelSink } from './load-types.js';
import type { LearnedRate } from './scheduler.js';
import { formatDuration } from '../cli/durations.js';

/** The format's version: a snapshot of another version is set aside, never read. */
export const SNAPSHOT_FORMAT = 1;
const KIND = 'openai-admin-access-snapshot';

/** The organization-wide lists. */
export type ListKind = 'users' | 'groups' | 'roles' | 'projects';
/**
 * The per-entity reads: a group's members, a group's roles, a user's roles; a project's members,
 * groups with access and roles (by project id); a group's project roles and a member's project
 * roles (by `projectId/groupId` and `projectId/userId`, see {@link pairId}).
 */
export type EntityKind = 'members' | 'groupRoles' | 'userRoles' | ProjectEntityKind;
/** The per-project reads. */
export type ProjectEntityKind = 'projectMembers' | 'projectGroups' | 'projectRoles' | 'projectGroupRoles' | 'projectUserRoles';
export const LIST_KINDS: readonly ListKind[] = ['users', 'groups', 'roles', 'projects'];
export const PROJECT_ENTITY_KINDS: readonly ProjectEntityKind[] = ['projectMembers', 'projectGroups', 'projectRoles', 'projectGroupRoles', 'projectUserRoles'];
export const ENTITY_KINDS: readonly EntityKind[] = ['members', 'groupRoles', 'userRoles', ...PROJECT_ENTITY_KINDS];

/** The id of a read of a pair (a group's or a member's project roles): `projectId/otherId`. */
export function pairId(projectId: string, otherId: string): string {
  return `${projectId}/${otherId}`;
}
/** The project and the other id of a {@link pairId}. */
export function splitPair(id: string): [string, string] {
  const at = id.indexOf('/');
  return [id.slice(0, at), id.slice(at + 1)];
}

/** Items read at `at` (epoch ms). */
export interface Read {
  at: number;
  items: unknown[];
}
/** A list: `complete` once its last page was read. */
export interface ListRead extends Read {
  complete: boolean;
}

/** A snapshot's JSON. */
export interface SnapshotData {
  kind: typeof KIND;
  format: typeof SNAPSHOT_FORMAT;
  /** The API the organization was read from. */
  baseURL: string;
  /** The key's fingerprint (a truncated keyed hash; never the key). */
  fingerprint: string;
  savedAt: number;
  lists: Partial<Record<ListKind, ListRead>>;
  members: Record<string, Read>;
  groupRoles: Record<string, Read>;
  userRoles: Record<string, Read>;
  /** The per-project reads (a snapshot saved before projects were read has none: empty). */
  projectMembers: Record<string, Read>;
  projectGroups: Record<string, Read>;
  projectRoles: Record<string, Read>;
  projectGroupRoles: Record<string, Read>;
  projectUserRoles: Record<string, Read>;
  learned: LearnedRate[];
}

/** Why a snapshot text was not used. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}


const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRead = (v: unknown): v is Read => isObject(v) && Number.isFinite(v['at']) && Array.isArray(v['items']);
const idOf = (item: unknown): string | undefined => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

export class Snapshot {
  readonly data: SnapshotData;
  /** Bumped at every change: a saver writes when it moved. */
  version = 0;

  constructor(data: SnapshotData) {
    this.data = data;
  }

  static empty(baseURL: string, fingerprint: string): Snapshot {
    return new Snapshot({
      kind: KIND,
      format: SNAPSHOT_FORMAT,
      baseURL,
      fingerprint,
      savedAt: 0,
      lists: {},
      members: {},
      groupRoles: {},
      userRoles: {},
      projectMembers: {},
      projectGroups: {},
      projectRoles: {},
      projectGroupRoles: {},
      projectUserRoles: {},
      learned: [],
    });
  }

  /**
   * Reads a snapshot's text; throws a `SnapshotError` saying why it cannot be used: not JSON,
   * not a snapshot, another format version, another API or another key's fingerprint, or a
   * malformed entry. Nothing of a refused text is kept.
   */
  static parse(text: string, expect: { baseURL: string; fingerprint: string }): Snapshot {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new SnapshotError('not JSON (truncated or corrupt)');
    }
    if (!isObject(value) || value['kind'] !== KIND) throw new SnapshotError('not an access snapshot');
    if (value['format'] !== SNAPSHOT_FORMAT) throw new SnapshotError(`format ${String(value['format'])}, this version reads ${SNAPSHOT_FORMAT}`);
    if (value['baseURL'] !== expect.baseURL) throw new SnapshotError('made for another API');
    if (value['fingerprint'] !== expect.fingerprint) throw new SnapshotError("made with another key (its fingerprint differs)");
    const lists = value['lists'];
    if (!isObject(lists)) throw new SnapshotError('malformed: lists');
    for (const [k, v] of Object.entries(lists)) {
      if (!(LIST_KINDS as readonly string[]).includes(k) || !isRead(v) || typeof (v as unknown as ListRead).complete !== 'boolean') {
        throw new SnapshotError(`malformed: lists.${k}`);
      }
    }
    for (const kind of ENTITY_KINDS) {
      // Saved before projects were read: none of them yet.
      if (value[kind] === undefined && (PROJECT_ENTITY_KINDS as readonly string[]).includes(kind)) value[kind] = {};
      const entries = value[kind];
      if (!isObject(entries)) throw new SnapshotError(`malformed: ${kind}`);
      for (const [id, read] of Object.entries(entries)) if (!isRead(read)) throw new SnapshotError(`malformed: ${kind}.${id}`);
    }
    const learned = Array.isArray(value['learned'])
      ? (value['learned'] as unknown[]).filter(
          (r): r is LearnedRate => isObject(r) && typeof r['endpoint'] === 'string' && Number.isFinite(r['perMinute']) && Number.isFinite(r['at']),
        )
      : [];
    return new Snapshot({ ...(value as unknown as SnapshotData), learned });
  }

  /** The snapshot as JSON text. */
  text(now: number = Date.now()): string {
    return JSON.stringify({ ...this.data, savedAt: now });
  }

  list(kind: ListKind): ListRead | undefined {
    return this.data.lists[kind];
  }
  entity(kind: EntityKind, id: string): Read | undefined {
    return Object.hasOwn(this.data[kind], id) ? this.data[kind][id] : undefined;
  }

  /**
   * A list read (whole, or its first pages when `complete` is false). A complete list drops the
   * per-entity reads of what it no longer has (a deleted group's members and roles, a removed
   * user's roles); returns the ids that were dropped.
   */
  setList(kind: ListKind, items: unknown[], at: number, complete: boolean): string[] {
    const before = this.data.lists[kind];
    this.data.lists[kind] = { at, items, complete };
    this.version++;
    if (!complete || !before || kind === 'roles') return [];
    const now = new Set(items.map(idOf));
    const gone = before.items.map(idOf).filter((id): id is string => id !== undefined && !now.has(id));
    for (const id of gone) {
      if (kind === 'projects') {
        for (const k of PROJECT_ENTITY_KINDS) {
          for (const key of Object.keys(this.data[k])) if (key === id || splitPair(key)[0] === id) delete this.data[k][key];
        }
      } else if (kind === 'groups') {
        delete this.data.members[id];
        delete this.data.groupRoles[id];
      } else {
        delete this.data.userRoles[id];
      }
    }
    return gone;
  }

  /** Items of a list changed or removed by id (what an apply did), keeping the list's time. */
  patchList(kind: ListKind, upsert: readonly unknown[], remove: readonly string[] = []): void {
    const list = this.data.lists[kind];
    if (!list) return;
    const byId = new Map(upsert.map((i) => [idOf(i), i]));
    const items = list.items.filter((i) => !remove.includes(idOf(i) ?? '')).map((i) => (byId.has(idOf(i)) ? byId.get(idOf(i)) : i));
    const known = new Set(items.map(idOf));
    for (const [id, item] of byId) if (id !== undefined && !known.has(id)) items.push(item);
    list.items = items;
    this.version++;
  }

  setEntity(kind: EntityKind, id: string, items: unknown[], at: number): void {
    this.data[kind][id] = { at, items };
    this.version++;
  }
  removeEntity(kind: EntityKind, id: string): void {
    if (!Object.hasOwn(this.data[kind], id)) return;
    delete this.data[kind][id];
    this.version++;
  }

  get learned(): LearnedRate[] {
    return this.data.learned;
  }
  set learned(rates: LearnedRate[]) {
    this.data.learned = rates;
    this.version++;
  }

  /** The ids a list holds. */
  ids(kind: ListKind): string[] {
    return (this.data.lists[kind]?.items ?? []).map(idOf).filter((id): id is string => id !== undefined);
  }

  /**
   * Fills `sink` with everything the snapshot holds, lists first; a group's or user's reads only
   * while its list (when whole) still has it.
   */
  fill(sink: ModelSink): void {
    const { lists } = this.data;
    if (lists.users) sink.addUsers(lists.users.items);
    if (lists.groups) sink.addGroups(lists.groups.items);
    if (lists.roles) sink.addRoles(lists.roles.items);
    const listed = (kind: ListKind) => {
      const ids = lists[kind]?.complete ? new Set(this.ids(kind)) : null;
      return (id: string) => ids === null || ids.has(id);
    };
    const group = listed('groups');
    const user = listed('users');
    for (const [id, r] of Object.entries(this.data.members)) if (group(id)) sink.setGroupMembers(id, r.items);
    for (const [id, r] of Object.entries(this.data.groupRoles)) if (group(id)) sink.setGroupRoles(id, r.items);
    for (const [id, r] of Object.entries(this.data.userRoles)) if (user(id)) sink.setUserRoles(id, r.items);
    if (lists.projects) sink.addProjects(lists.projects.items);
    const project = listed('projects');
    const d = this.data;
    for (const [id, r] of Object.entries(d.projectMembers)) if (project(id)) sink.setProjectMembers(id, r.items);
    for (const [id, r] of Object.entries(d.projectGroups)) if (project(id)) sink.setProjectGroups(id, r.items);
    for (const [id, r] of Object.entries(d.projectRoles)) if (project(id)) sink.setProjectRoles(id, r.items);
    for (const [id, r] of Object.entries(d.projectGroupRoles)) {
      const [p, g] = splitPair(id);
      if (project(p)) sink.setProjectGroupRoles(p, g, r.items);
    }
    for (const [id, r] of Object.entries(d.projectUserRoles)) {
      const [p, u] = splitPair(id);
      if (project(p)) sink.setProjectUserRoles(p, u, r.items);
    }
  }

  /** The time of the oldest read the snapshot holds (null when it holds none). */
  oldest(): number | null {
    let min = Infinity;
    for (const l of Object.values(this.data.lists)) min = Math.min(min, l.at);
    for (const kind of ENTITY_KINDS) for (const r of Object.values(this.data[kind])) min = Math.min(min, r.at);
    return min === Infinity ? null : min;
  }

  /**
   * This snapshot with `other` merged in (see `merge`), leaving this one as it is: a loader's
   * snapshot must keep saying what its model holds, or a read merged in from another command would
   * count as done and never reach the model.
   */
  mergedWith(other: Snapshot): Snapshot {
    const copy: SnapshotData = { ...this.data, lists: { ...this.data.lists }, learned: [...this.data.learned] };
    for (const kind of ENTITY_KINDS) (copy as unknown as Record<EntityKind, Record<string, Read>>)[kind] = { ...this.data[kind] };
    const merged = new Snapshot(copy);
    merged.merge(other);
    return merged;
  }

  /**
   * Takes in what `other` (the same organization, e.g. the file as another command saved it)
   * read more recently than this one: the newer read of each list and entity wins.
   */
  merge(other: Snapshot): void {
    for (const kind of LIST_KINDS) {
      const theirs = other.data.lists[kind];
      const mine = this.data.lists[kind];
      if (theirs && (!mine || theirs.at > mine.at)) this.data.lists[kind] = theirs;
    }
    for (const kind of ENTITY_KINDS) {
      for (const [id, theirs] of Object.entries(other.data[kind])) {
        const mine = this.entity(kind, id);
        if (!mine || theirs.at > mine.at) this.data[kind][id] = theirs;
      }
    }
    const rates = new Map(this.data.learned.map((r) => [r.endpoint, r]));
    for (const r of other.data.learned) if ((rates.get(r.endpoint)?.at ?? -1) < r.at) rates.set(r.endpoint, r);
    this.data.learned = [...rates.values()];
  }
}

/** `as of 14:02 (12 min ago)`, in local time; the date too when it is not today. */
export function asOfText(at: number, now: number = Date.now()): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const when = sameDay ? clock : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock}`;
  const age = now - at < 60_000 ? 'just now' : `${formatDuration(now - at)} ago`;
  return `as of ${when} (${age})`;
}

/** The model's facts as items (`AccessModel#items`). */
export interface ItemSource {
  items(kind: ListKind | EntityKind, id?: string): unknown[];
}

/** A plan operation as far as the snapshot needs it. */
interface AppliedOperation {
  operation: string;
  ids: Record<string, unknown>;
}

/**
 * Writes into the snapshot what an apply changed, from the model the outcomes were applied to
 * (`Organization#applyOutcomes` first): each group's members or roles, each user's roles, the
 * list items created, changed or deleted. An entity keeps the time it was read at (the plan read
 * it just before); one created now gets now.
 */
export function recordApplied(
  snapshot: Snapshot,
  model: ItemSource,
  operations: readonly AppliedOperation[],
  outcomes: readonly { status: string; result?: unknown }[],
  now: number = Date.now(),
): void {
  const createdId = (i: number): string | undefined => {
    const o = outcomes[i];
    return o?.status === 'done' ? idOf(o.result) : undefined;
  };
  const idIn = (op: AppliedOperation, name: string): string | undefined => {
    const v = op.ids[name];
    if (typeof v === 'string') return v;
    const from = (v as { from?: unknown } | null)?.from;
    return typeof from === 'number' ? createdId(from) : undefined;
  };
  const entity = (kind: EntityKind, id: string | undefined) => {
    if (id === undefined) return;
    snapshot.setEntity(kind, id, model.items(kind, id), snapshot.entity(kind, id)?.at ?? now);
  };
  const upsert = (kind: ListKind, id: string | undefined) => {
    if (id === undefined) return;
    const items = model.items(kind, id);
    snapshot.patchList(kind, items, items.length === 0 ? [id] : []);
  };
  operations.forEach((op, i) => {
    if (outcomes[i]?.status !== 'done') return;
    const [resource, sub] = op.operation.split('.');
    const action = op.operation.slice(op.operation.lastIndexOf('.') + 1);
    if (resource === 'projects') {
      // A project's members, groups or group roles changed: what the snapshot read of that
      // project is dropped, so that the next answer about it reads it again.
      const project = idIn(op, 'project_id');
      if (project === undefined) return;
      snapshot.removeEntity('projectMembers', project);
      snapshot.removeEntity('projectGroups', project);
      for (const pair of Object.keys(snapshot.data.projectGroupRoles)) if (splitPair(pair)[0] === project) snapshot.removeEntity('projectGroupRoles', pair);
      for (const pair of Object.keys(snapshot.data.projectUserRoles)) if (splitPair(pair)[0] === project) snapshot.removeEntity('projectUserRoles', pair);
      return;
    }
    if (resource === 'groups' && sub === 'users') return entity('members', idIn(op, 'group_id'));
    if (resource === 'groups' && sub === 'roles') return entity('groupRoles', idIn(op, 'group_id'));
    if (resource === 'users' && sub === 'roles') return entity('userRoles', idIn(op, 'user_id'));
    const kind = resource as ListKind;
    const id = action === 'create' ? createdId(i) : idIn(op, kind === 'users' ? 'user_id' : kind === 'groups' ? 'group_id' : 'role_id');
    upsert(kind, id);
    if (kind === 'groups' && id !== undefined) {
      if (action === 'create') {
        snapshot.setEntity('members', id, [], now);
        snapshot.setEntity('groupRoles', id, [], now);
      } else if (action === 'delete') {
        snapshot.removeEntity('members', id);
        snapshot.removeEntity('groupRoles', id);
      }
    }
    if (kind === 'roles' && action === 'delete' && id !== undefined) {
      // The deleted role leaves every group's and user's list that had it.
      for (const k of ['groupRoles', 'userRoles'] as const) {
        for (const [owner, read] of Object.entries(snapshot.data[k])) if (read.items.some((r) => idOf(r) === id)) entity(k, owner);
      }
    }
  });
}
