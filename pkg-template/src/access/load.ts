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
 * moves reads to the front: what a person is looking at). Every request goes through one
 * `Scheduler` (`scheduler.ts`), which paces each endpoint at the rate the API allows it and waits
 * out every 429: a 429 never reaches the loader. A lane hands the scheduler its next read only
 * once the one before has been sent, so a read moved to the front waits behind at most one
 * queued request.
 *
 * With a snapshot, whatever it holds that is younger than `maxAge` is not read again, and every
 * read is recorded in it (with its time) before the model gets it: a load interrupted and run
 * again on the saved snapshot continues where it was, a list cut mid-read after its last page.
 */
import { Scheduler, type EndpointProgress } from './scheduler.js';
import type { EndpointReads, KindProgress, LoadOptions, LoadPhase, LoadStats, ModelSink, Progress } from './load-types.js';
import { endpointLabel, endpointOf, endpointOfOperation } from './endpoints.js';
import { workers } from './pool.js';
import { pacedClient, type AdminClient } from './client.js';
import { keyOf, Lane, readAll, type Waiter } from './lane.js';
import { ENTITY_KINDS, Snapshot, type EntityKind, type ListKind } from './snapshot.js';
import { entityRead, groupRoleEntities, projectEntities, PROJECT_READS, type EntityRead } from './load-projects.js';

export type { EndpointReads, KindProgress, LoadOptions, LoadPhase, LoadStats, ModelSink, Progress } from './load-types.js';

export const DEFAULT_MAX_AGE = 15 * 60_000;

/** A per-group or per-user read. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
}

const LIST_OPS: Record<ListKind, { op: string; limit: number }> = {
  users: { op: 'users.list', limit: 100 },
  groups: { op: 'groups.list', limit: 1000 },
  roles: { op: 'roles.list', limit: 1000 },
  projects: { op: 'projects.list', limit: 100 },
};
const group = (group_id: string) => ({ group_id });
const ENTITY_OPS: Record<EntityKind, EntityRead> = {
  members: entityRead('groups.users.list', group, { limit: 1000 }, (s, id, i) => s.setGroupMembers(id, i)),
  groupRoles: entityRead('groups.roles.list', group, { limit: 1000 }, (s, id, i) => s.setGroupRoles(id, i)),
  userRoles: entityRead('users.roles.list', (user_id) => ({ user_id }), { limit: 1000 }, (s, id, i) => s.setUserRoles(id, i)),
  ...PROJECT_READS,
};

/** A list item's id (the cursor a list goes on after), when it has one. */
const idOfItem = (item: unknown): string | undefined => {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/**
 * Reads into a model and a snapshot. `run()` reads everything that is missing or stale; `lists`
 * and `entities` read parts of it (a plan reads the lists and what its file names).
 */
export class Loader {
  readonly snapshot: Snapshot;
  readonly scheduler: Scheduler;
  /** Reads in flight at most, shared by the lanes. */
  readonly concurrency: number;
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
  #listed: Record<ListKind, number> = { users: 0, groups: 0, roles: 0, projects: 0 };
  /** The lists read in this load (done: read to the last page). */
  #lists: Record<ListKind, { reading: boolean; done: boolean }> = {
    users: { reading: false, done: false },
    groups: { reading: false, done: false },
    roles: { reading: false, done: false },
    projects: { reading: false, done: false },
  };
  /** Called when a complete list dropped ids the model still has (it must be filled again from the snapshot). */
  onRemoved: (() => void) | undefined;

  constructor(client: AdminClient, sink: ModelSink, options: LoadOptions = {}) {
    this.#options = options;
    this.#sink = sink;
    this.concurrency = workers(options.concurrency, 'concurrency');
    this.maxAge = options.maxAge ?? DEFAULT_MAX_AGE;
    if (!(this.maxAge >= 0)) throw new RangeError(`maxAge must be 0 or more milliseconds, got ${String(options.maxAge)}`);
    this.snapshot = options.snapshot ?? Snapshot.empty('', '');
    const { signal, deadline, maxRequestsPerSecond, timeScale } = options;
    this.scheduler =
      options.scheduler ??
      new Scheduler({
        learned: this.snapshot.learned,
        ...(signal ? { signal } : {}),
        ...(deadline !== undefined ? { deadline } : {}),
        ...(maxRequestsPerSecond !== undefined ? { maxRequestsPerSecond } : {}),
        ...(timeScale !== undefined ? { timeScale } : {}),
      });
    for (const kind of ENTITY_KINDS) this.#byEndpoint.set(ENTITY_OPS[kind].endpoint, this.#lanes.get(kind)!);
    // Sent: the scheduler let the request go; its lane may hand over the next one.
    this.#client = pacedClient(client, this.scheduler, (m, url) => {
      const lane = this.#byEndpoint.get(endpointOf(m, url));
      if (lane && lane.unsent > 0) {
        lane.unsent--;
        lane.poke();
      }
    });
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
    const projects = count('projects');
    projects.loaded = s.ids('projects').filter((id) => s.entity('projectMembers', id) && s.entity('projectGroups', id) && s.entity('projectRoles', id)).length;
    const seen = new Map(this.scheduler.progress().map((e) => [e.endpoint, e]));
    const row = (endpoint: string, done: number, total: number | null): EndpointReads => {
      const base: EndpointProgress = seen.get(endpoint) ?? {
        endpoint,
        label: endpointLabel(endpoint),
        sent: 0,
        ok: 0,
        rateLimited: 0,
        perMinute: null,
        waitingMs: 0,
        waitReason: null,
      };
      return { ...base, done, total, etaMs: total === null ? null : this.scheduler.etaMs(endpoint, total - done) };
    };
    const endpoints = [
      ...(['users', 'groups', 'roles', 'projects'] as const).map((kind) => {
        const l = this.#lists[kind];
        const done = l.done ? 1 : 0;
        return row(endpointOfOperation(LIST_OPS[kind].op)!, done, l.reading || l.done ? 1 : done);
      }),
      ...ENTITY_KINDS.map((kind) => {
        const lane = this.#lanes.get(kind)!;
        return row(ENTITY_OPS[kind].endpoint, lane.done, lane.done + lane.pending.size + lane.inFlight);
      }),
    ];
    return { endpoints, done: this.#done, total: this.#total, phase: this.#phase, users, groups, roles, projects, asOf: s.oldest() };
  }
  #report(): void {
    this.#options.onProgress?.(this.progress());
  }

  /** Runs `fn`, reporting between two reads whenever an endpoint starts or stops waiting. */
  async #watching<T>(fn: () => Promise<T>): Promise<T> {
    let waiting = '';
    const unwatch = this.scheduler.watch(() => {
      const now = this.scheduler
        .progress()
        .filter((e) => e.waitingMs > 0)
        .map((e) => `${e.endpoint} ${e.waitReason}`)
        .join();
      if (now !== waiting) {
        waiting = now;
        this.#report();
      }
    });
    try {
      return await fn();
    } finally {
      unwatch();
    }
  }

  /** Reads the lists that are missing, incomplete or stale (all of them with `force`), a page at a time. */
  lists(force = false): Promise<void> {
    return this.#watching(() => this.#readLists(force));
  }
  async #readLists(force: boolean): Promise<void> {
    const kinds = (['users', 'groups', 'roles', 'projects'] as const).filter((k) => {
      const l = this.snapshot.list(k);
      return force || !l?.complete || !this.fresh(l.at);
    });
    this.#total += kinds.length;
    this.#report();
    const adders: Record<ListKind, (items: readonly unknown[]) => void> = {
      users: (i) => this.#sink.addUsers(i),
      groups: (i) => this.#sink.addGroups(i),
      roles: (i) => this.#sink.addRoles(i),
      projects: (i) => this.#sink.addProjects(i),
    };
    let removed = false;
    await Promise.all(
      kinds.map(async (kind) => {
        const { op, limit } = LIST_OPS[kind];
        this.#lists[kind].reading = true;
        // A list cut mid-read (its pages kept, the first younger than maxAge) goes on after its
        // last item, as of its first page; anything else is read from the start.
        const cut = this.snapshot.list(kind);
        const resumed = !force && cut && !cut.complete && this.fresh(cut.at) ? cut.items : [];
        const after = resumed.length > 0 ? idOfItem(resumed[resumed.length - 1]) : undefined;
        const start = after === undefined ? [] : resumed;
        const at = after === undefined ? Date.now() : cut!.at;
        const archived = kind === 'projects' ? { include_archived: this.#options.includeArchived === true } : {};
        const params = { limit, ...archived, ...(after !== undefined ? { after } : {}) };
        const items = await readAll(this.#client, op, [params], this.#options.signal, {
          batch: limit,
          add: (batch, all) => {
            this.#listed[kind] = Math.max(this.#listed[kind], start.length + all.length);
            // A list being read keeps the snapshot's older complete one until it is whole.
            const old = this.snapshot.list(kind);
            if (!old?.complete) this.snapshot.setList(kind, [...start, ...all], at, false);
            adders[kind](batch);
            this.#report();
          },
        });
        const gone = this.snapshot.setList(kind, [...start, ...items], at, true);
        this.#lists[kind] = { reading: false, done: true };
        this.#done++;
        if (gone.length > 0) removed = true;
        this.#report();
      }),
    );
    // Once every list is whole: the model holds what they dropped, so it is filled again.
    if (removed) this.onRemoved?.();
  }

  /**
   * Moves these reads to the front of their lanes, before those asked earlier; resolves once each is
   * read (at once for those already fresh).
   */
  prioritize(refs: readonly EntityRef[]): Promise<void> {
    const keys = new Set<string>();
    const asked = new Map<Lane, string[]>();
    for (const { kind, id } of refs) {
      if (this.#freshEntity(kind, id)) continue;
      const key = keyOf(kind, id);
      keys.add(key);
      const lane = this.#lanes.get(kind)!;
      const front = asked.get(lane) ?? [];
      if (front.length === 0) asked.set(lane, front);
      front.push(key);
      if (!lane.pending.has(key) && !lane.reading.has(key)) {
        lane.pending.set(key, id);
        this.#total++;
      }
    }
    // The latest ask goes before earlier ones (a person's question before the rest of the load's).
    for (const [lane, front] of asked) {
      lane.front = new Set([...front, ...lane.front]);
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

  /**
   * Every per-entity read the lists call for: each group's members and roles, each user's roles,
   * each project's members, groups and roles. Not the groups' project roles (known once the
   * projects' groups are read: {@link projectGroupRoles}) nor the members' own project roles (read
   * only when asked).
   */
  allEntities(): EntityRef[] {
    const groups = this.snapshot.ids('groups');
    return [
      ...groups.flatMap((id) => [
        { kind: 'members' as const, id },
        { kind: 'groupRoles' as const, id },
      ]),
      ...this.snapshot.ids('users').map((id) => ({ kind: 'userRoles' as const, id })),
      ...projectEntities(this.#activeProjects()),
    ];
  }

  /** The projects whose lists can be read: the active ones, as the model says (every listed one without it). */
  #activeProjects(): string[] {
    return this.#sink.activeProjects?.() ?? this.snapshot.ids('projects');
  }

  /**
   * Reads the project roles of every group with access to these projects (all by default) once
   * the projects' groups are read (waiting for those reads, first in their lane).
   */
  async projectGroupRoles(projects?: readonly string[]): Promise<void> {
    const ids = projects ?? this.#activeProjects();
    await this.readNow(ids.map((id): EntityRef => ({ kind: 'projectGroups', id })));
    await this.readNow(groupRoleEntities(this.snapshot, ids));
  }

  /**
   * Reads these entities now if stale or missing (first in their lanes), and resolves once each is
   * read: while a load runs, not when the lanes it shares are empty (the rest goes on reading).
   * Rejects with the first read that fails.
   */
  async readNow(refs: readonly EntityRef[]): Promise<void> {
    const reading = this.entities(refs);
    const read = this.prioritize(refs);
    // This call's own reads may end first (another call's workers took the keys): the keys decide.
    await Promise.race([read, reading.then(() => read)]);
  }

  /** Reads these entities (those stale or missing; all with `force`), one lane per endpoint. */
  entities(refs: readonly EntityRef[], force = false): Promise<void> {
    return this.#watching(() => this.#readEntities(refs, force));
  }
  async #readEntities(refs: readonly EntityRef[], force: boolean): Promise<void> {
    const signal = this.#options.signal;
    let added = 0;
    // The lanes this call gives reads to: only those get workers of this call.
    const touched = new Set<EntityKind>();
    for (const { kind, id } of refs) {
      if (!force && this.#freshEntity(kind, id)) continue;
      const lane = this.#lanes.get(kind)!;
      // Being read by another call already: that read serves this one too.
      if (!force && lane.reading.has(keyOf(kind, id))) continue;
      if (force) this.#read.delete(keyOf(kind, id));
      touched.add(kind);
      if (!lane.pending.has(keyOf(kind, id))) {
        lane.pending.set(keyOf(kind, id), id);
        added++;
      }
    }
    this.#total += added;
    this.#phase = this.#lanes.get('userRoles')!.pending.size > 0 ? 'users' : 'groups';
    this.#report();
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
        // Its own abort: `forget` drops the read (waiting its turn, or sent) of an entity deleted meanwhile.
        const own = new AbortController();
        const stop = () => own.abort(signal!.reason);
        if (signal?.aborted) stop();
        else signal?.addEventListener('abort', stop, { once: true });
        lane.reading.set(keyOf(kind, id), own);
        const at = Date.now();
        try {
          const read = ENTITY_OPS[kind];
          // An entity deleted since the lists were read has nothing left to read: its read answers
          // 404 (deleted by another admin) or was dropped (by this one), and the load goes on.
          const items = await readAll(this.#client, read.op, read.args(id), own.signal).catch((e: unknown) => {
            if ((e as { status?: unknown } | null)?.status === 404) return [];
            if (own.signal.aborted && !signal?.aborted) return [];
            throw e;
          });
          this.#record(kind, id, items, at);
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
          signal?.removeEventListener('abort', stop);
          lane.poke();
        }
        this.#settle();
        this.#report();
      }
    };
    // `concurrency` workers in all, shared by the lanes as their pending reads are (each at least one).
    const workers: Promise<void>[] = [];
    const pending = ENTITY_KINDS.reduce((n, k) => n + (touched.has(k) ? this.#lanes.get(k)!.pending.size : 0), 0);
    for (const kind of ENTITY_KINDS) {
      const lane = this.#lanes.get(kind)!;
      if (lane.pending.size === 0 || !touched.has(kind)) continue;
      const share = Math.round((this.concurrency * lane.pending.size) / pending);
      const n = Math.max(1, Math.min(share, lane.pending.size));
      for (let i = 0; i < n; i++) workers.push(worker(kind, lane));
    }
    try {
      await Promise.all(workers);
    } finally {
      for (const kind of touched) this.#lanes.get(kind)!.unsent = 0;
    }
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** What a read of `kind` `id` gave, in the snapshot and the model. */
  #record(kind: EntityKind, id: string, items: unknown[], at: number): void {
    this.snapshot.setEntity(kind, id, items, at);
    ENTITY_OPS[kind].set(this.#sink, id, items);
    this.#read.add(keyOf(kind, id));
  }

  /**
   * Drops the reads of entities just deleted (a group's members and roles, a user's roles): they
   * would answer 404. Each counts as read, with nothing in it; one being made is aborted (waiting
   * its turn, it is never sent), and its worker records it so.
   */
  forget(refs: readonly EntityRef[]): void {
    const at = Date.now();
    for (const { kind, id } of refs) {
      const lane = this.#lanes.get(kind)!;
      const key = keyOf(kind, id);
      lane.reading.get(key)?.abort(new Error(`${key} was deleted`));
      lane.front.delete(key);
      if (!lane.pending.delete(key)) continue;
      this.#record(kind, id, [], at);
      lane.done++;
      this.#done++;
    }
    this.#settle();
    this.#report();
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
    await Promise.all([this.entities(this.allEntities()), this.projectGroupRoles()]);
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
    const endpoints = this.scheduler.progress();
    const sent = endpoints.reduce((n, e) => n + e.sent, 0);
    const rateLimited = endpoints.reduce((n, e) => n + e.rateLimited, 0);
    return { sent, rateLimited, reads: this.#done, ms: Date.now() - started };
  }
}

/**
 * Reads users, groups, roles, projects, every group's members and roles, every user's roles, and
 * every project's members, groups, roles and groups' project roles into
 * `model` (what the snapshot holds fresh is taken from it). Rejects with the first read that
 * failed (after the client's retries), or with the abort reason.
 */
export async function loadInto(client: AdminClient, model: ModelSink, options: LoadOptions = {}): Promise<LoadStats> {
  const loader = new Loader(client, model, options);
  options.snapshot?.fill(model);
  return loader.run();
}
