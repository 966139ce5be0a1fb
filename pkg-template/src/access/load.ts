/**
 * The loader: reads the organization through a client into an access model and a snapshot.
 *
 * The reads the model needs, and why:
 * - `users.list`: every member (id, email, organization role, SCIM flag), 100 a page;
 * - `groups.list` and `roles.list`: every group (with its SCIM flag) and role (predefined or
 *   custom, with permissions), 1000 a page;
 * - then one `groups.users.list` and one `groups.roles.list` per group (members and role
 *   assignments: the API has no call that answers them for every group at once), and one
 *   `users.roles.list` per user (direct assignments, which no group-side list shows).
 * A user's list may carry roles inherited through groups with `assignment_sources`, or only
 * direct roles with `null` sources: the model takes both, and computes inheritance from the
 * members and group roles it read.
 *
 * The order: the lists first; then the per-group and per-user reads in one lane per endpoint,
 * the three lanes side by side, each taking its highest-priority pending read (`prioritize`
 * moves reads to the front: what a person is looking at). A lane hands the scheduler its next
 * read only once the one before has been sent, so a read moved to the front waits behind at most
 * one queued request.
 *
 * With a snapshot, whatever it holds that is younger than `maxAge` is not read again, and every
 * read is recorded in it (with its time) before the model gets it: a load interrupted and run
 * again on the saved snapshot continues where it was.
 */
import { Pacer } from './pacer.js';
import { aborted, baseFetch, checkClient, clientWithFetch, method, statusOf, type AdminClient } from './client.js';
import { PacerScheduler, endpointOf, requestOf, type RequestScheduler } from './pacing.js';
import { ENTITY_KINDS, Snapshot, type EntityKind, type ListKind } from './snapshot.js';

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

/** One endpoint's lane: reads done and pending, and the time left at the scheduler's pace. */
export interface LaneProgress {
  endpoint: string;
  done: number;
  pending: number;
  /** The scheduler's estimate for the pending reads (ms); null before it knows. */
  etaMs: number | null;
}

export interface Progress {
  /** Reads finished in this load (a list read in all its pages counts once). */
  done: number;
  /** Reads this load will make, as far as known (grows once the users and groups are known). */
  total: number;
  phase: LoadPhase;
  users: KindProgress;
  groups: KindProgress;
  roles: KindProgress;
  /** The per-group and per-user reads, by endpoint. */
  lanes: LaneProgress[];
  /** The time of the oldest read the organization shows (epoch ms; null before any). */
  asOf: number | null;
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
  /**
   * The snapshot to start from and to record every read in (see `Snapshot`): its reads younger
   * than `maxAge` are used as they are. Without one, the load starts from nothing.
   */
  snapshot?: Snapshot;
  /** How old a snapshot's read may be to be used without reading it again, in ms (default 15 minutes; 0 reads everything again). */
  maxAge?: number;
}

/** What the loader fills: the access model's loading calls. */
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
  sent: number;
  rateLimited: number;
  rate: number;
  reads: number;
  ms: number;
}

export const DEFAULT_MAX_AGE = 15 * 60_000;

/** A 429 that outlasted the client's own retries is read again (the API did nothing): this many times at most. */
const RATE_LIMIT_ROUNDS = 8;

/** A per-group or per-user read. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
}

const LIST_OPS: Record<ListKind, { op: string; limit: number }> = {
  users: { op: 'users.list', limit: 100 },
  groups: { op: 'groups.list', limit: 1000 },
  roles: { op: 'roles.list', limit: 1000 },
};
const ENTITY_OPS: Record<EntityKind, { op: string; endpoint: string }> = {
  members: { op: 'groups.users.list', endpoint: 'GET /organization/groups/{group_id}/users' },
  groupRoles: { op: 'groups.roles.list', endpoint: 'GET /organization/groups/{group_id}/roles' },
  userRoles: { op: 'users.roles.list', endpoint: 'GET /organization/users/{user_id}/roles' },
};

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
  onBatch?: { batch: number; add: (items: unknown[], all: unknown[]) => void },
): Promise<unknown[]> {
  for (let round = 0; ; round++) {
    try {
      const items: unknown[] = [];
      let handed = 0;
      const hand = () => {
        if (handed < items.length) onBatch?.add(items.slice(handed), items);
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

interface Waiter {
  keys: Set<string>;
  resolve: () => void;
}

/** One endpoint's pending reads: the front first, then in the order they were added. */
class Lane {
  readonly pending = new Map<string, string>();
  readonly front = new Set<string>();
  /** The reads being made now (not pending again when prioritized). */
  readonly reading = new Set<string>();
  unsent = 0;
  inFlight = 0;
  done = 0;
  wakers: (() => void)[] = [];
  take(): string | undefined {
    for (const key of this.front) {
      this.front.delete(key);
      if (this.pending.has(key)) return this.#remove(key);
    }
    const first = this.pending.keys().next();
    return first.done ? undefined : this.#remove(first.value);
  }
  #remove(key: string): string {
    const id = this.pending.get(key)!;
    this.pending.delete(key);
    return id;
  }
  poke(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const w of wakers) w();
  }
}

const keyOf = (kind: EntityKind, id: string) => `${kind}:${id}`;

/**
 * Reads into a model and a snapshot. `run()` reads everything that is missing or stale; `lists`
 * and `entities` read parts of it (a plan reads the lists and what its file names).
 */
export class Loader {
  readonly snapshot: Snapshot;
  readonly scheduler: RequestScheduler;
  readonly startedAt = Date.now();
  readonly maxAge: number;
  #client: AdminClient;
  #sink: ModelSink;
  #options: LoadOptions;
  #lanes = new Map<EntityKind, Lane>(ENTITY_KINDS.map((k) => [k, new Lane()]));
  #byEndpoint = new Map<string, Lane>();
  #waiters: Waiter[] = [];
  #read = new Set<string>();
  #failure: unknown;
  #done = 0;
  #total = 0;
  #phase: LoadPhase = 'directory';
  #listed: Record<ListKind, number> = { users: 0, groups: 0, roles: 0 };
  /** Called when a complete list dropped ids the model still has (it must be filled again from the snapshot). */
  onRemoved: (() => void) | undefined;

  constructor(client: AdminClient, sink: ModelSink, options: LoadOptions = {}, scheduler?: RequestScheduler) {
    checkClient(client);
    this.#options = options;
    this.#sink = sink;
    this.maxAge = options.maxAge ?? DEFAULT_MAX_AGE;
    if (!(this.maxAge >= 0)) throw new RangeError(`maxAge must be 0 or more milliseconds, got ${String(options.maxAge)}`);
    this.snapshot = options.snapshot ?? Snapshot.empty('', '');
    this.scheduler =
      scheduler ??
      new PacerScheduler(options.pacer ?? new Pacer({ concurrency: options.concurrency, maxRequestsPerSecond: options.maxRequestsPerSecond }));
    for (const kind of ENTITY_KINDS) this.#byEndpoint.set(ENTITY_OPS[kind].endpoint, this.#lanes.get(kind)!);
    const base = baseFetch(client);
    // Sent: the scheduler let the request go; its lane may hand over the next one.
    const noteSent: typeof base = (input, init) => {
      const { method: m, url } = requestOf(input, init);
      const lane = this.#byEndpoint.get(endpointOf(m, url));
      if (lane && lane.unsent > 0) {
        lane.unsent--;
        lane.poke();
      }
      return base(input, init);
    };
    this.#client = clientWithFetch(client, this.scheduler.fetch(noteSent));
  }

  /** The client every read goes through (paced); `applyPlan` may share it. */
  get client(): AdminClient {
    return this.#client;
  }

  /** Whether the snapshot's read is young enough to use (reads of this load always are). */
  fresh(at: number | undefined): boolean {
    return at !== undefined && at >= this.startedAt - this.maxAge;
  }
  #freshEntity(kind: EntityKind, id: string): boolean {
    return this.#read.has(keyOf(kind, id)) || this.fresh(this.snapshot.entity(kind, id)?.at);
  }

  progress(): Progress {
    const s = this.snapshot;
    const count = (kind: ListKind): KindProgress => {
      const list = s.list(kind);
      const listed = Math.max(this.#listed[kind], list?.items.length ?? 0);
      return { listed, total: list?.complete ? list.items.length : null, loaded: 0 };
    };
    const users = count('users');
    const groups = count('groups');
    const roles = count('roles');
    roles.loaded = roles.listed;
    users.loaded = s.ids('users').filter((id) => s.entity('userRoles', id)).length;
    groups.loaded = s.ids('groups').filter((id) => s.entity('members', id) && s.entity('groupRoles', id)).length;
    const lanes = ENTITY_KINDS.map((kind) => {
      const lane = this.#lanes.get(kind)!;
      const endpoint = ENTITY_OPS[kind].endpoint;
      const left = lane.pending.size + lane.inFlight;
      return { endpoint, done: lane.done, pending: left, etaMs: this.scheduler.etaMs(endpoint, left) };
    });
    return { done: this.#done, total: this.#total, phase: this.#phase, users, groups, roles, lanes, asOf: s.oldest() };
  }
  #report(): void {
    this.#options.onProgress?.(this.progress());
  }

  /** Reads the lists that are missing, incomplete or stale (all of them with `force`), a page at a time. */
  async lists(force = false): Promise<void> {
    const kinds = (['users', 'groups', 'roles'] as const).filter((k) => {
      const l = this.snapshot.list(k);
      return force || !l?.complete || !this.fresh(l.at);
    });
    this.#total += kinds.length;
    this.#report();
    const adders: Record<ListKind, (items: readonly unknown[]) => void> = {
      users: (i) => this.#sink.addUsers(i),
      groups: (i) => this.#sink.addGroups(i),
      roles: (i) => this.#sink.addRoles(i),
    };
    let removed = false;
    await Promise.all(
      kinds.map(async (kind) => {
        const { op, limit } = LIST_OPS[kind];
        const at = Date.now();
        const items = await readAll(this.#client, op, [{ limit }], this.#options.signal, {
          batch: limit,
          add: (batch, all) => {
            this.#listed[kind] = Math.max(this.#listed[kind], all.length);
            // A list being read keeps the snapshot's older complete one until it is whole.
            const old = this.snapshot.list(kind);
            if (!old?.complete) this.snapshot.setList(kind, [...all], at, false);
            adders[kind](batch);
            this.#report();
          },
        });
        const gone = this.snapshot.setList(kind, items, at, true);
        this.#done++;
        if (gone.length > 0) removed = true;
        this.#report();
      }),
    );
    // Once every list is whole: the model holds what they dropped, so it is filled again.
    if (removed) this.onRemoved?.();
  }

  /** Moves these reads to the front of their lanes; resolves once each is read (at once for those already fresh). */
  prioritize(refs: readonly EntityRef[]): Promise<void> {
    const keys = new Set<string>();
    for (const { kind, id } of refs) {
      if (this.#freshEntity(kind, id)) continue;
      const key = keyOf(kind, id);
      keys.add(key);
      const lane = this.#lanes.get(kind)!;
      lane.front.add(key);
      if (!lane.pending.has(key) && !lane.reading.has(key)) {
        lane.pending.set(key, id);
        this.#total++;
      }
      lane.poke();
    }
    if (keys.size === 0) return Promise.resolve();
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve) => this.#waiters.push({ keys, resolve }));
  }

  /** The per-entity reads not done yet (stale or missing), by kind. */
  unread(kind: EntityKind, ids: readonly string[]): string[] {
    return ids.filter((id) => !this.#freshEntity(kind, id));
  }

  /** Every per-entity read the lists call for. */
  allEntities(): EntityRef[] {
    const groups = this.snapshot.ids('groups');
    return [
      ...groups.flatMap((id) => [
        { kind: 'members' as const, id },
        { kind: 'groupRoles' as const, id },
      ]),
      ...this.snapshot.ids('users').map((id) => ({ kind: 'userRoles' as const, id })),
    ];
  }

  /** Reads these entities (those stale or missing; all with `force`), one lane per endpoint. */
  async entities(refs: readonly EntityRef[], force = false): Promise<void> {
    const signal = this.#options.signal;
    let added = 0;
    for (const { kind, id } of refs) {
      if (!force && this.#freshEntity(kind, id)) continue;
      if (force) this.#read.delete(keyOf(kind, id));
      const lane = this.#lanes.get(kind)!;
      if (!lane.pending.has(keyOf(kind, id))) {
        lane.pending.set(keyOf(kind, id), id);
        added++;
      }
    }
    this.#total += added;
    this.#phase = this.#lanes.get('userRoles')!.pending.size > 0 ? 'users' : 'groups';
    this.#report();
    const setters: Record<EntityKind, (id: string, items: readonly unknown[]) => void> = {
      members: (id, i) => this.#sink.setGroupMembers(id, i),
      groupRoles: (id, i) => this.#sink.setGroupRoles(id, i),
      userRoles: (id, i) => this.#sink.setUserRoles(id, i),
    };
    const worker = async (kind: EntityKind, lane: Lane) => {
      for (;;) {
        if (signal?.aborted) throw signal.reason ?? new Error('aborted');
        if (this.#failure !== undefined) return;
        // One read waiting in the scheduler at a time: the next is chosen when it is sent.
        if (lane.unsent > 0) {
          await new Promise<void>((resolve) => lane.wakers.push(resolve));
          continue;
        }
        const id = lane.take();
        if (id === undefined) return;
        lane.unsent++;
        lane.inFlight++;
        lane.reading.add(keyOf(kind, id));
        const at = Date.now();
        try {
          const items = await readAll(this.#client, ENTITY_OPS[kind].op, [id, { limit: 1000 }], signal);
          this.snapshot.setEntity(kind, id, items, at);
          setters[kind](id, items);
          this.#read.add(keyOf(kind, id));
          this.#keepLearned();
          lane.done++;
          this.#done++;
        } catch (e) {
          this.#failure ??= e;
          for (const l of this.#lanes.values()) l.poke();
          throw e;
        } finally {
          // A read that failed before it was sent (or whose sending was not seen) frees its turn.
          lane.inFlight--;
          lane.reading.delete(keyOf(kind, id));
          lane.poke();
        }
        this.#settle();
        this.#report();
      }
    };
    // `concurrency` workers in all, shared by the lanes as their pending reads are (each at least one).
    const workers: Promise<void>[] = [];
    const pending = ENTITY_KINDS.reduce((n, k) => n + this.#lanes.get(k)!.pending.size, 0);
    for (const kind of ENTITY_KINDS) {
      const lane = this.#lanes.get(kind)!;
      if (lane.pending.size === 0) continue;
      const share = Math.round((this.scheduler.concurrency * lane.pending.size) / pending);
      const n = Math.max(1, Math.min(share, lane.pending.size));
      for (let i = 0; i < n; i++) workers.push(worker(kind, lane));
    }
    try {
      await Promise.all(workers);
    } finally {
      for (const lane of this.#lanes.values()) lane.unsent = 0;
    }
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** The rates the scheduler learned go into the snapshot, for the next run's scheduler. */
  #keepLearned(): void {
    const learned = this.scheduler.learned();
    if (learned.length > 0) this.snapshot.learned = learned;
  }

  #settle(): void {
    this.#waiters = this.#waiters.filter((w) => {
      for (const key of w.keys) {
        const [kind, id] = [key.slice(0, key.indexOf(':')) as EntityKind, key.slice(key.indexOf(':') + 1)];
        if (!this.#freshEntity(kind, id)) return true;
      }
      w.resolve();
      return false;
    });
  }

  /** Reads everything missing or stale: the lists, then every group's members and roles and every user's roles. */
  async run(): Promise<LoadStats> {
    const started = Date.now();
    this.#report();
    await this.lists();
    await this.entities(this.allEntities());
    this.#phase = 'done';
    this.#report();
    return this.stats(started);
  }

  /** Marks the end (e.g. of a plan's partial read) for progress. */
  finish(): void {
    this.#keepLearned();
    this.#phase = 'done';
    this.#settle();
    this.#report();
  }

  stats(started = this.startedAt): LoadStats {
    const pacer = this.scheduler instanceof PacerScheduler ? this.scheduler.pacer.stats : undefined;
    return { sent: pacer?.sent ?? 0, rateLimited: pacer?.rateLimited ?? 0, rate: pacer?.rate ?? Infinity, reads: this.#done, ms: Date.now() - started };
  }
}

/**
 * Reads users, groups, roles, every group's members and roles, and every user's roles into
 * `model` (what the snapshot holds fresh is taken from it). Rejects with the first read that
 * failed (after the client's retries), or with the abort reason.
 */
export async function loadInto(client: AdminClient, model: ModelSink, options: LoadOptions = {}): Promise<LoadStats> {
  const loader = new Loader(client, model, options);
  options.snapshot?.fill(model);
  return loader.run();
}
