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
 * `concurrency` at a time through the scheduler, which paces each endpoint at the rate the API
 * allows it (`scheduler.ts`); a 429 never reaches the loader. A user's list may carry roles inherited through
 * groups with `assignment_sources`, or only direct roles with `null` sources: the model takes
 * both, and computes inheritance from the members and group roles it read.
 *
 * The model is filled as the reads finish (users, groups and roles a page at a time), so an
 * organization that is still loading already answers over what has arrived
 * (`startLoadingOrganization`); `onProgress` counts each kind as it goes.
 */
import { Scheduler, type EndpointProgress } from './scheduler.js';
import { endpointLabel, endpointOfOperation } from './endpoints.js';
import { pool, workers } from './pool.js';
import { method, pacedClient, type AdminClient } from './client.js';

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

/** One endpoint of the load: the scheduler's figures, the loader's reads of it, and the time left. */
export interface EndpointReads extends EndpointProgress {
  /** Reads of it finished (a list read in all its pages counts once). */
  done: number;
  /** Reads of it there are, once known. */
  total: number | null;
  /** The time the rest take at its learned rate; null while it is not limited or its total unknown. */
  etaMs: number | null;
}

export interface Progress {
  /** Per endpoint the load reads, in reading order. */
  endpoints: EndpointReads[];
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
  /** Requests sent within any one second at most, all endpoints together (default: no cap). */
  maxRequestsPerSecond?: number;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /**
   * A scheduler to share with other calls (e.g. the `applyPlan` that follows), so that what it
   * learned of each endpoint's rate holds across them; `maxRequestsPerSecond` is then its own.
   */
  scheduler?: Scheduler;
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
export interface LoadStats {
  /** Requests sent (the client's retries and the scheduler's re-sends included). */
  sent: number;
  /** Of them, answered 429 (and sent again). */
  rateLimited: number;
  reads: number;
  ms: number;
}

/**
 * Every item of a list, page after page. `onBatch`, when given, gets the items every `batch`
 * items (a page) and the rest at the end.
 */
async function readAll(
  client: AdminClient,
  op: string,
  args: unknown[],
  signal: AbortSignal | undefined,
  onBatch?: { batch: number; add: (items: unknown[], listed: number) => void },
): Promise<unknown[]> {
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
}

/** The load's reads, in reading order. */
const READS = ['users.list', 'groups.list', 'roles.list', 'groups.users.list', 'groups.roles.list', 'users.roles.list'];

/**
 * Reads users, groups, roles, every group's members and roles, and every user's roles into
 * `model`, `concurrency` reads at a time through one scheduler. Rejects with the first read that
 * failed (after the client's retries; never for a 429), or with the abort reason.
 */
export async function loadInto(client: AdminClient, model: ModelSink, options: LoadOptions = {}): Promise<LoadStats> {
  const started = Date.now();
  const concurrency = workers(options.concurrency, 'concurrency');
  const scheduler = options.scheduler ?? new Scheduler({ maxRequestsPerSecond: options.maxRequestsPerSecond, ...(options.signal ? { signal: options.signal } : {}) });
  const paced = pacedClient(client, scheduler);
  const signal = options.signal;
  const reads = new Map(READS.map((op) => [op, { done: 0, total: null as number | null }]));
  for (const op of ['users.list', 'groups.list', 'roles.list']) reads.get(op)!.total = 1;
  const endpoints = (): EndpointReads[] => {
    const seen = new Map(scheduler.progress().map((e) => [e.endpoint, e]));
    return READS.map((op) => {
      const endpoint = endpointOfOperation(op)!;
      const { done, total } = reads.get(op)!;
      const s = seen.get(endpoint);
      const base: EndpointProgress = s ?? { endpoint, label: endpointLabel(endpoint), sent: 0, ok: 0, rateLimited: 0, perMinute: null, waitingMs: 0, waitReason: null };
      return { ...base, done, total, etaMs: total === null ? null : scheduler.etaMs(endpoint, total - done) };
    });
  };
  let done = 0;
  let total = 3;
  let phase: LoadPhase = 'directory';
  const kind = (): KindProgress => ({ listed: 0, total: null, loaded: 0 });
  const users = kind();
  const groups = kind();
  const roles = kind();
  const report = () =>
    options.onProgress?.({ endpoints: endpoints(), done, total, phase, users: { ...users }, groups: { ...groups }, roles: { ...roles, loaded: roles.listed } });
  const read = async (op: string, args: unknown[]) => {
    const items = await readAll(paced, op, args, signal);
    done++;
    reads.get(op)!.done++;
    return items;
  };
  // An endpoint that starts or stops waiting is news between two reads.
  let waiting = '';
  const unwatch = scheduler.watch(() => {
    const now = scheduler
      .progress()
      .filter((e) => e.waitingMs > 0)
      .map((e) => `${e.endpoint} ${e.waitReason}`)
      .join();
    if (now !== waiting) {
      waiting = now;
      report();
    }
  });
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
    reads.get(op)!.done++;
    counts.listed = counts.total = items.length;
    report();
    return items;
  };
  report();
  try {
    const [userItems, groupItems] = await Promise.all([
      list('users.list', 100, (items) => model.addUsers(items), users),
      list('groups.list', 1000, (items) => model.addGroups(items), groups),
      list('roles.list', 1000, (items) => model.addRoles(items), roles),
    ]);
    const groupIds = groupItems.map((g) => (g as { id: string }).id);
    const userIds = userItems.map((u) => (u as { id: string }).id);
    total += groupIds.length * 2 + userIds.length;
    reads.get('groups.users.list')!.total = reads.get('groups.roles.list')!.total = groupIds.length;
    reads.get('users.roles.list')!.total = userIds.length;
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
    // Interleaved across the three endpoints (a group's members, its roles, a user's roles, the
    // next…): each endpoint is limited on its own, so workers waiting on one leave the others busy.
    let lastGroupTask = -1;
    for (let i = 0; i < Math.max(groupIds.length, userIds.length); i++) {
      const group = groupIds[i];
      const user = userIds[i];
      if (group !== undefined) {
        tasks.push(async () => {
          model.setGroupMembers(group, await read('groups.users.list', [group, { limit: 1000 }]));
          groupHalf(group);
        });
        tasks.push(async () => {
          model.setGroupRoles(group, await read('groups.roles.list', [group, { limit: 1000 }]));
          groupHalf(group);
        });
        lastGroupTask = tasks.length - 1;
      }
      if (user !== undefined) {
        tasks.push(async () => {
          model.setUserRoles(user, await read('users.roles.list', [user, { limit: 1000 }]));
          users.loaded++;
        });
      }
    }
    await pool(
      tasks.length,
      concurrency,
      async (i) => {
        if (i > lastGroupTask && phase === 'groups') phase = 'users';
        await tasks[i]!();
        report();
      },
      signal,
    );
    phase = 'done';
    report();
  } finally {
    unwatch();
  }
  const sent = endpoints().reduce((n, e) => n + e.sent, 0);
  const rateLimited = endpoints().reduce((n, e) => n + e.rateLimited, 0);
  return { sent, rateLimited, reads: done, ms: Date.now() - started };
}
