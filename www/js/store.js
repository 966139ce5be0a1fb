// The page's one state: the connection, the organization read through the access module (its
// load, progress and the model every section answers from), the organization's roles, and what
// each write touched. Every section reads it and subscribes to it; every write (actions.js) ends
// here, so that no two sections show two truths about one person. Pure: no DOM, and the loader is
// injected (tests run it in Node with a fake one).

/** @typedef {'admin' | 'viewer' | null} Role  `null`: the key form (no server handler), which may write. */
/** @typedef {{ users: Set<string>, groups: Set<string>, roles: Set<string>, deleted: Set<string> }} Touched  `deleted`: groups and roles deleted (their ids are in `groups`/`roles` too) */
/**
 * @typedef {object} StoreState
 * @property {any} client        the `openai-admin-wasm` client, or null before connecting
 * @property {Role} role         who is signed in behind a server handler
 * @property {boolean} snapshot  whether the connection keeps a snapshot for the page (`openai-admin console`)
 * @property {number | undefined} timeScale  the console's time scale of the scheduler's caps (`OPENAI_ADMIN_TIME_SCALE`, for tests), handed to each load
 * @property {any} org           the access module's Organization (filling while loading), or null
 * @property {{ status: 'idle' | 'loading' | 'complete' | 'failed', progress: any, error: any, startedAt?: number }} load
 * @property {any[]} roles       the organization's roles as the API lists them (Roles section, pickers)
 * @property {number} revision   counts the writes applied to `org`
 * @property {{ user: Map<string, number>, group: Map<string, number>, role: Map<string, number> }} asOf
 *   when each entity was last known to match the API (ms since the epoch): its read (a
 *   snapshot's may be older than the load), the load's end, or a write that touched it. The snapshot display reads it.
 */

const KINDS = ['user', 'group', 'role'];

/** `{ users, groups, roles, deleted }`: the ids each done operation of `plan` touched (`{ from }` resolved). */
export function touchedBy(plan, outcomes) {
  const touched = { users: new Set(), groups: new Set(), roles: new Set(), deleted: new Set() };
  const idOf = (ref) => (typeof ref === 'string' ? ref : outcomes?.[ref?.from]?.result?.id);
  plan.operations.forEach((op, i) => {
    const o = outcomes?.[i];
    if (!o || o.status !== 'done') return;
    const ids = { ...op.ids, ...(op.body ?? {}) };
    const resource = op.operation.split('.')[0];
    const made = /\.create$/.test(op.operation) && op.operation.split('.').length === 2 ? o.result?.id : undefined;
    for (const [key, set] of [['user_id', touched.users], ['group_id', touched.groups], ['role_id', touched.roles]]) {
      const id = idOf(ids[key]);
      if (typeof id === 'string') set.add(id);
    }
    if (typeof made === 'string') (resource === 'groups' ? touched.groups : resource === 'roles' ? touched.roles : touched.users).add(made);
    if (/^(groups|roles)\.delete$/.test(op.operation)) touched.deleted.add(idOf(ids[resource === 'groups' ? 'group_id' : 'role_id']));
  });
  return touched;
}

/**
 * `createStore({ startLoading, snapshots, now })`: `startLoading(client, { signal, onProgress,
 * concurrency, includeArchived, snapshot, maxAge })` is the access module's `startLoadingOrganization`;
 * `snapshots` (snapshot.js), when given, reads the snapshot a connection keeps (`read()`, for a
 * connection made with `snapshot: true`) and sends back what the load reads (`keep(org)`, whose
 * result stops it).
 */
export function createStore({ startLoading, snapshots = null, now = () => Date.now(), maxAge }) {
  /** @type {StoreState} */
  const state = {
    client: null,
    role: null,
    snapshot: false,
    timeScale: undefined,
    org: null,
    load: { status: 'idle', progress: null, error: null },
    roles: [],
    revision: 0,
    asOf: { user: new Map(), group: new Map(), role: new Map() },
  };
  const listeners = new Set();
  let generation = 0;
  let controller = null;
  /** Waiters for the organization of the current generation. */
  let waiters = [];

  const emit = (change) => {
    for (const fn of [...listeners]) fn(change, state);
  };
  const settle = (error) => {
    const ws = waiters;
    waiters = [];
    for (const w of ws) (error ? w.reject(error) : w.resolve(state.org));
  };

  /** The reads moved to the front in this load (`kind:id`). */
  const prioritized = new Set();
  /** Stops sending the load's snapshot back (sending it a last time). */
  let stopKeeping = null;
  /** Whether this load's organization is kept in the console's snapshot. */
  let keeping = false;

  function drop() {
    generation += 1;
    keeping = false;
    prioritized.clear();
    stopKeeping?.();
    stopKeeping = null;
    controller?.abort();
    controller = null;
    state.org?.free();
    state.org = null;
    state.load = { status: 'idle', progress: null, error: null };
    for (const k of KINDS) state.asOf[k].clear();
  }

  async function load() {
    drop();
    const mine = generation;
    const ctrl = new AbortController();
    controller = ctrl;
    const startedAt = now();
    state.load = { status: 'loading', progress: null, error: null, startedAt };
    emit({ type: 'load' });
    const current = () => mine === generation;
    try {
      // The organization as last read, shown at once; what is younger than `maxAge` is not read again.
      const snapshot = state.snapshot && snapshots ? await snapshots.read() : null;
      if (!current()) return;
      const started = await startLoading(state.client, {
        ...(snapshot ? { snapshot, ...(maxAge !== undefined ? { maxAge } : {}) } : {}),
        concurrency: 8,
        // Archived projects are listed too, so that the console shows them (as archived, never planned).
        includeArchived: true,
        ...(state.timeScale !== undefined ? { timeScale: state.timeScale } : {}),
        signal: ctrl.signal,
        onProgress: (p) => {
          if (!current()) return;
          state.load.progress = p;
          state.load.progressAt = now();
          emit({ type: 'progress' });
        },
      });
      if (!current()) {
        started.done.catch(() => {}).finally(() => started.organization.free());
        return;
      }
      state.org = started.organization;
      keeping = Boolean(snapshot);
      if (keeping) stopKeeping = snapshots.keep(state.org);
      emit({ type: 'load' });
      await started.done;
      if (!current()) return;
      stopKeeping?.();
      stopKeeping = null;
      state.load = { ...state.load, status: 'complete' };
      const t = now();
      // Each entity as of its read (a snapshot's may be older than this load).
      const at = (ref) => (typeof state.org.readAt === 'function' ? (state.org.readAt(ref) ?? t) : t);
      for (const u of state.org.users()) state.asOf.user.set(u.id, at({ user: u.id }));
      for (const g of state.org.stats().membersPerGroup) state.asOf.group.set(g.group.id, at({ group: g.group.id }));
      for (const r of state.org.stats().holdersPerRole) state.asOf.role.set(r.role.id, t);
      emit({ type: 'load' });
      settle(null);
    } catch (error) {
      if (!current() || ctrl.signal.aborted) return;
      state.load = { ...state.load, status: 'failed', error };
      emit({ type: 'load' });
      settle(error);
    }
  }

  return {
    /** The state (read it; change it only through the methods below). */
    get state() {
      return state;
    },
    /** `fn(change, state)` on every change (`change.type`: connection, load, progress, changed, roles); returns the unsubscribe. */
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /**
     * A new client (and who is signed in; `snapshot`: it keeps one for the page; `timeScale`: the
     * console's, for the loads' scheduler): forgets the organization and the roles.
     */
    connect({ client, role = null, snapshot = false, timeScale }) {
      drop();
      settle(new Error('the connection changed before the organization was loaded'));
      state.client = client;
      state.role = role;
      state.snapshot = snapshot;
      state.timeScale = typeof timeScale === 'number' && timeScale > 0 && Number.isFinite(timeScale) ? timeScale : undefined;
      state.roles = [];
      emit({ type: 'connection' });
    },
    /** Reads the organization again (abandoning a load under way; who waits for it gets the new one). */
    load,
    /**
     * While the organization loads: reads what view `kind` (`user`, `group`, `role`, `project`) `id`
     * shows first (once per load), and a person's or a project's members' own project roles also
     * once it is loaded (they are read only when asked); a `read` change (with `kind` and `id`) says each time a part of it is
     * read (a person's own roles, then their groups, then their groups' roles), so the view shows
     * each as soon as it is in.
     */
    prioritize(kind, id) {
      const o = state.org;
      const key = `${kind}:${id}`;
      // Once complete, only a person's or a project's members' own project roles are left (read only when asked).
      const lazy = kind === 'user' || kind === 'project';
      if (!o || (o.complete && !lazy) || prioritized.has(key) || typeof o.prioritize !== 'function') return;
      prioritized.add(key);
      const mine = generation;
      const read = () => mine === generation && emit({ type: 'read', kind, id });
      // Read after the load: what it reads goes to the console's snapshot too, once it is in.
      const stop = o.complete && keeping ? snapshots.keep(o) : null;
      o.prioritize({ [kind]: id }, { onRead: read })
        .then(read, () => {})
        .finally(() => stop?.());
    },
    /** Whether changes may be offered: not a viewer, and the whole organization is loaded. */
    canChange() {
      return state.role !== 'viewer' && state.load.status === 'complete';
    },
    /** Resolves with the whole organization, starting its load when none is under way. */
    organization() {
      if (state.load.status === 'complete') return Promise.resolve(state.org);
      if (state.load.status !== 'loading') load();
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    /** After a write applied to `org`: what it touched (ids by kind). */
    changed(touched) {
      const t = now();
      state.revision += 1;
      for (const id of touched.users) state.asOf.user.set(id, t);
      for (const id of touched.groups) state.asOf.group.set(id, t);
      for (const id of touched.roles) state.asOf.role.set(id, t);
      // A change may add members whose own project roles are not read: a person's or a project's
      // view asks for them again.
      for (const key of [...prioritized]) if (/^(user|project):/.test(key)) prioritized.delete(key);
      emit({ type: 'changed', touched });
    },
    /** After a write the model cannot follow (a user deleted): the organization is read again when next needed. */
    invalidate() {
      const was = state.load.status;
      drop();
      emit({ type: 'load' });
      if (was !== 'idle') load();
    },
    /** The organization's roles as listed by the API (the Roles section and the role pickers). */
    setRoles(roles) {
      state.roles = roles;
      emit({ type: 'roles' });
    },
  };
}
