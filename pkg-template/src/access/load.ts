/**
 * `loadOrganization`: reads the organization through a client into an access model.
 *
 * The reads the model needs, and why:
 * - `users.list`: every member (id, email, organization role, SCIM flag), 100 a page;
 * - `groups.list` and `roles.list`: every group (with its SCIM flag) and role (predefined or
 *   custom, with permissions), 1000 a page;
 * - then one `groups.users.list` and one `groups.roles.list` per group (members and role
 *   assignments: the API has no call that answers them for every group at once), and one
 *   `users.roles.list` per user (direct assignments, which no group-side list shows).
 * These per-group and per-user reads (2 × groups + users) are where the time goes: they run
 * `concurrency` at a time through the shared pacer. A user's list may carry roles inherited through
 * groups with `assignment_sources`, or only direct roles with `null` sources: the model takes
 * both, and computes inheritance from the members and group roles it read.
 *
 * The model is filled as the reads finish (users, groups and roles a page at a time), so an
 * organization that is still loading already answers over what has arrived
 * (`startLoadingOrganization`); `onProgress` counts each kind as it goes.
 */
import { Pacer, pool, type PacerStats } from './pacer.js';
import { aborted, method, pacedClient, statusOf, type AdminClient } from './client.js';

export type LoadPhase = 'directory' | 'groups' | 'users' | 'done';

/** How far one kind (users, groups, roles) has loaded. */
export interface KindProgress {
  /** Items listed so far: their list is read a page at a time. */
  listed: number;
  /**
   * How many there are: known once their list has been read to its last page (the API's lists
   * carry no count), `null` before.
   */
  total: number | null;
  /**
   * Items whose own reads are done: a user's role list; a group's members and roles. A role has
   * none, so for roles this equals `listed`.
   */
  loaded: number;
}

export interface Progress {
  /** Reads finished (a list read in all its pages counts once). */
  done: number;
  /** Reads known so far (grows once the users and groups are known). */
  total: number;
  phase: LoadPhase;
  users: KindProgress;
  groups: KindProgress;
  roles: KindProgress;
}

export interface LoadOptions {
  /** Requests in flight at most (default 8). */
  concurrency?: number;
  /** Requests sent within any one second at most (default: no cap). */
  maxRequestsPerSecond?: number;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** A pacer to share with other calls (e.g. the `applyPlan` that follows), so their requests count in one window; `concurrency` and `maxRequestsPerSecond` are then its own. */
  pacer?: Pacer;
}

/** What `loadOrganization` fills: the access model's loading calls. */
export interface ModelSink {
  addUsers(items: readonly unknown[]): void;
  addGroups(items: readonly unknown[]): void;
  addRoles(items: readonly unknown[]): void;
  setGroupMembers(groupId: string, items: readonly unknown[]): void;
  setGroupRoles(groupId: string, items: readonly unknown[]): void;
  setUserRoles(userId: string, items: readonly unknown[]): void;
}

/** How a read was paced. */
export interface LoadStats extends PacerStats {
  reads: number;
  ms: number;
}

/** A 429 that outlasted the client's own retries is read again (the API did nothing): this many times at most. */
const RATE_LIMIT_ROUNDS = 8;

/**
 * Every item of a list, page after page, read again whole after a 429 the client gave up on.
 * `onBatch`, when given, gets the items every `batch` items (a page) and the rest at the end; a
 * list read again hands its items again (the model's adds replace by id).
 */
async function readAll(
  client: AdminClient,
  op: string,
  args: unknown[],
  signal: AbortSignal | undefined,
  onBatch?: { batch: number; add: (items: unknown[], listed: number) => void },
): Promise<unknown[]> {
  for (let round = 0; ; round++) {
    try {
      const items: unknown[] = [];
      let handed = 0;
      const hand = () => {
        if (handed < items.length) onBatch?.add(items.slice(handed), items.length);
        handed = items.length;
      };
      const pages = method(client, op)(...args, signal ? { signal } : undefined) as AsyncIterable<unknown>;
      for await (const item of pages) {
        items.push(item);
        if (onBatch && items.length - handed >= onBatch.batch) hand();
      }
      hand();
      return items;
    } catch (e) {
      if (statusOf(e) !== 429 || round >= RATE_LIMIT_ROUNDS || aborted(e, signal)) throw e;
    }
  }
}

/**
 * Reads users, groups, roles, every group's members and roles, and every user's roles into
 * `model`, `concurrency` reads at a time through one pacer. Rejects with the first read that
 * failed (after the client's retries), or with the abort reason.
 */
export async function loadInto(client: AdminClient, model: ModelSink, options: LoadOptions = {}): Promise<LoadStats> {
  const started = Date.now();
  const pacer = options.pacer ?? new Pacer({ concurrency: options.concurrency, maxRequestsPerSecond: options.maxRequestsPerSecond });
  const paced = pacedClient(client, pacer);
  const signal = options.signal;
  let done = 0;
  let total = 3;
  let phase: LoadPhase = 'directory';
  const kind = (): KindProgress => ({ listed: 0, total: null, loaded: 0 });
  const users = kind();
  const groups = kind();
  const roles = kind();
  const report = () =>
    options.onProgress?.({ done, total, phase, users: { ...users }, groups: { ...groups }, roles: { ...roles, loaded: roles.listed } });
  const read = async (op: string, args: unknown[]) => {
    const items = await readAll(paced, op, args, signal);
    done++;
    return items;
  };
  /** A list read a page at a time into the model, counted in `counts`. */
  const list = async (op: string, limit: number, add: (items: readonly unknown[]) => void, counts: KindProgress) => {
    const items = await readAll(paced, op, [{ limit }], signal, {
      batch: limit,
      add: (batch, listed) => {
        add(batch);
        counts.listed = Math.max(counts.listed, listed);
        report();
      },
    });
    done++;
    counts.listed = counts.total = items.length;
    report();
    return items;
  };
  report();
  const [userItems, groupItems] = await Promise.all([
    list('users.list', 100, (items) => model.addUsers(items), users),
    list('groups.list', 1000, (items) => model.addGroups(items), groups),
    list('roles.list', 1000, (items) => model.addRoles(items), roles),
  ]);
  const groupIds = groupItems.map((g) => (g as { id: string }).id);
  const userIds = userItems.map((u) => (u as { id: string }).id);
  total += groupIds.length * 2 + userIds.length;
  phase = 'groups';
  report();
  const tasks: (() => Promise<void>)[] = [];
  // A group is loaded once both its members and its roles are read.
  const halves = new Map<string, number>();
  const groupHalf = (id: string) => {
    const n = (halves.get(id) ?? 0) + 1;
    halves.set(id, n);
    if (n === 2) groups.loaded++;
  };
  for (const id of groupIds) {
    tasks.push(async () => {
      model.setGroupMembers(id, await read('groups.users.list', [id, { limit: 1000 }]));
      groupHalf(id);
    });
    tasks.push(async () => {
      model.setGroupRoles(id, await read('groups.roles.list', [id, { limit: 1000 }]));
      groupHalf(id);
    });
  }
  for (const id of userIds) {
    tasks.push(async () => {
      model.setUserRoles(id, await read('users.roles.list', [id, { limit: 1000 }]));
      users.loaded++;
    });
  }
  await pool(
    tasks.length,
    pacer.concurrency,
    async (i) => {
      if (i === groupIds.length * 2 && phase === 'groups') phase = 'users';
      await tasks[i]!();
      report();
    },
    signal,
  );
  phase = 'done';
  report();
  return { ...pacer.stats, reads: done, ms: Date.now() - started };
}
