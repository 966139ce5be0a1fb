/**
 * The organization in memory: the wasm access model, loaded on first use (its own module, so a
 * page that imports only `openai-admin-wasm` downloads none of it), and the three calls.
 */
import { AccessModel, fold, type AccessOutcome } from '../../wasm/openai_admin_access.js';
import { applyPlan as runPlan, type ApplyOptions, type Outcome } from './apply.js';
import { Loader, type EntityRef, type LoadOptions, type LoadStats, type ModelSink, type Progress } from './load.js';
import { Snapshot, type SnapshotData } from './snapshot.js';
import { hitDetail } from './text.js';
import type { AdminClient } from './client.js';
import type {
  AccessOfAnswer,
  AccessPlan,
  AccessSearchHit,
  AccessStats,
  AccessUserRow,
  AssignmentOfAnswer,
  AssignmentSubject,
  GroupAnswer,
  HoldersOfAnswer,
  MembershipEdit,
  ProjectMembershipEdit,
  PersonEdit,
  AccessProjectRow,
  ProjectHoldersAnswer,
  ProjectsRead,
} from './types.js';
import { pairId } from './snapshot.js';

let loader: (() => Promise<void> | void) | undefined;
let ready: Promise<void> | undefined;
let loaded = false;

/** @internal Set by the entry point: how this runtime instantiates the access module. */
export function setAccessLoader(load: () => Promise<void> | void): void {
  loader = load;
}

/** Instantiates the access module once. */
export function loadAccessModule(): Promise<void> {
  ready ??= Promise.resolve()
    .then(() => loader?.())
    .then(() => {
      loaded = loader !== undefined;
    });
  return ready;
}

/**
 * @internal For a synchronous call that needs the access module (`retryPlan`): instantiates it
 * now where the runtime compiles synchronously (Node); elsewhere it must have been loaded (an
 * organization's load or `applyPlan` did), or this throws, naming `what`.
 */
export function accessModuleNow(what: string): void {
  if (loaded) return;
  if (loader !== undefined && ready === undefined) {
    const started = loader();
    if (!(started instanceof Promise)) {
      loaded = true;
      ready = Promise.resolve();
      return;
    }
    ready = started.then(() => void (loaded = true));
  }
  throw new Error(`${what} needs the access module: load an organization or call applyPlan first`);
}

/**
 * `text` lowercased, accents folded: the one name folding (the Organization's `fold`), for a
 * filter that has no organization at hand. The access module must be loaded
 * (`loadAccessModule()`); before, this throws.
 */
export function foldName(text: string): string {
  accessModuleNow('foldName');
  return fold(text);
}

/**
 * An organization's users, groups, roles and who holds what, with the answers, the access file and
 * plans computed by the access core. `free()` releases its memory (it is also freed when collected).
 */
export class Organization {
  #model: AccessModel;
  #loadStats: LoadStats | undefined;
  #complete: boolean;
  #loader: Loader | undefined;
  #lists: Promise<void> = Promise.resolve();

  constructor(model: AccessModel, loadStats?: LoadStats) {
    this.#model = model;
    this.#loadStats = loadStats;
    this.#complete = true;
  }

  /** The wasm model (its methods take and return plain values). */
  get model(): AccessModel {
    return this.#model;
  }

  /** The snapshot it was loaded into (what was read, with when), if it was loaded. */
  get snapshot(): Snapshot | undefined {
    return this.#loader?.snapshot;
  }
  /** The time of the oldest read it shows (epoch ms), null when nothing was read. */
  get asOf(): number | null {
    return this.#loader?.snapshot.oldest() ?? null;
  }

  /**
   * When what `ref` shows was read (epoch ms): a user's roles, a group's members and roles (the
   * older of the two). Null when not read yet ("roles not read yet").
   */
  readAt(ref: { user?: string; group?: string }): number | null {
    const s = this.#loader?.snapshot;
    if (!s) return null;
    if (ref.user !== undefined) {
      const id = this.model.accessOf(ref.user)?.user.id;
      return (id !== undefined && s.entity('userRoles', id)?.at) || null;
    }
    if (ref.group !== undefined) {
      const id = this.model.group(ref.group)?.group.id;
      if (id === undefined) return null;
      const a = s.entity('members', id)?.at;
      const b = s.entity('groupRoles', id)?.at;
      return a !== undefined && b !== undefined ? Math.min(a, b) : null;
    }
    return null;
  }

  /** How many of the per-user and per-group reads have never been done (0s once everything was read once). */
  unread(): { userRoles: number; members: number; groupRoles: number } {
    const s = this.#loader?.snapshot;
    if (!s) return { userRoles: 0, members: 0, groupRoles: 0 };
    const missing = (kind: 'userRoles' | 'members' | 'groupRoles', ids: string[]) => ids.filter((id) => !s.entity(kind, id)).length;
    const groups = s.ids('groups');
    return { userRoles: missing('userRoles', s.ids('users')), members: missing('members', groups), groupRoles: missing('groupRoles', groups) };
  }

  /**
   * Moves what an answer about `ref` needs to the front of the load, and resolves once it is
   * read: a user's roles, every group's members (to know the user's groups) and the roles of the
   * user's groups; a group's members and roles; for a role, everything (its holders may be any
   * user); for a user or a project, also the projects' reads and the members' own project roles
   * that answer needs, which are read only when asked (also on a complete organization, where the
   * rest resolves at once).
   *
   * `onRead` is called as each part of the organization's answer is in, before the promise
   * resolves, so that what is shown can be drawn part by part: for a user, once their own roles
   * are read, then once every group's members are (their groups are known); for a group, once its
   * members are. The projects' part is in when the promise resolves.
   */
  async prioritize(ref: { user?: string; group?: string; role?: string; project?: string }, options: { onRead?: () => void } = {}): Promise<void> {
    const loader = this.#loader;
    if (!loader) return;
    // A member's own project roles are read only when asked: also once the rest is complete, and
    // beside the organization's reads the answer needs.
    const projects = ref.user !== undefined || ref.project !== undefined ? this.#projectRoles(loader, ref) : undefined;
    if (this.#complete) return projects;
    await Promise.all([projects, this.#organizationReads(loader, ref, options.onRead)]);
  }

  /** The organization's reads an answer about `ref` needs (see `prioritize`). */
  async #organizationReads(loader: Loader, ref: { user?: string; group?: string; role?: string }, onRead: (() => void) | undefined): Promise<void> {
    await this.#lists;
    // Moved to the front together (their lanes read side by side), awaited one after the other.
    const parts = (refs: EntityRef[][]) => {
      const all = refs.map((r) => loader.prioritize(r));
      for (const p of all) p.catch(() => {});
      return all;
    };
    if (ref.user !== undefined) {
      const id = this.model.accessOf(ref.user)?.user.id;
      if (id === undefined) return;
      const groups = loader.snapshot.ids('groups');
      const [own, members] = parts([[{ kind: 'userRoles', id }], groups.map((g): EntityRef => ({ kind: 'members', id: g }))]);
      await own;
      onRead?.();
      await members;
      onRead?.();
      const mine = this.model.accessOf(id)?.groups.map((g) => g.id) ?? [];
      await loader.prioritize(mine.map((g): EntityRef => ({ kind: 'groupRoles', id: g })));
    } else if (ref.group !== undefined) {
      const id = this.model.group(ref.group)?.group.id;
      if (id === undefined) return;
      const [members, roles] = parts([[{ kind: 'members', id }], [{ kind: 'groupRoles', id }]]);
      await members;
      onRead?.();
      await roles;
    } else if (ref.role !== undefined) {
      await loader.prioritize(loader.allEntities());
    }
  }

  /**
   * What an answer about a user's projects or a project's holders needs, read now (first in
   * their lanes): the projects' members (all of them for a user, to know the user's projects), a
   * project's groups and their project roles, and then the members' own project roles the core
   * names as unread (`projectRoleReads`): one read per user and project, only for this user or
   * this project's members; for a project, also the members of its groups with access.
   */
  async #projectRoles(loader: Loader, ref: { user?: string; project?: string }): Promise<void> {
    await this.#lists;
    const found = ref.project !== undefined ? this.model.holdersOfProject(ref.project)?.project : undefined;
    if (ref.project !== undefined && (found === undefined || found.archived)) return;
    // An archived project's lists cannot be read (the API refuses them).
    const projects = found !== undefined ? [found.id] : this.projects().map((r) => r.project.id);
    await loader.readNow(projects.flatMap((id): EntityRef[] => [{ kind: 'projectMembers', id }, { kind: 'projectGroups', id }, { kind: 'projectRoles', id }]));
    await loader.projectGroupRoles(projects);
    // A project's holders through groups: the members of its groups with access.
    const groups = found !== undefined ? (this.model.holdersOfProject(found.id)?.groups ?? []).map((g): EntityRef => ({ kind: 'members', id: g.group.id })) : [];
    const reads = this.model.projectRoleReads(ref.user, ref.project);
    await Promise.all([loader.readNow(groups), loader.readNow(reads.map((r): EntityRef => ({ kind: 'projectUserRoles', id: pairId(r.projectId, r.userId) })))]);
  }

  /** Resolves once the users, groups and roles lists are read (at once when it is not loading). */
  listed(): Promise<void> {
    return this.#lists;
  }

  /** @internal The loader filling it; its model is filled again from the snapshot when a list dropped something. */
  static attach(org: Organization, loader: Loader, lists: Promise<void>): void {
    org.#loader = loader;
    org.#lists = lists;
    loader.onRemoved = () => {
      const fresh = new AccessModel();
      loader.snapshot.fill(fresh);
      const old = org.#model;
      org.#model = fresh;
      old.free();
    };
  }

  /** How the load went (absent for an organization made from a model, or one still loading). */
  get loadStats(): LoadStats | undefined {
    return this.#loadStats;
  }
  /**
   * False while `startLoadingOrganization` is still filling it (or when that load failed): the
   * answers then cover only what has been read so far.
   */
  get complete(): boolean {
    return this.#complete;
  }
  /** @internal The loader's marks: loading, then complete with its stats. */
  static loading(model: AccessModel): Organization {
    const org = new Organization(model);
    org.#complete = false;
    return org;
  }
  /** @internal */
  static loaded(org: Organization, stats: LoadStats): void {
    org.#loadStats = stats;
    org.#complete = true;
  }

  /** The organization role, every role with its sources, the union of permissions; null for no such user. */
  accessOf(user: string): AccessOfAnswer | null {
    return this.model.accessOf(user);
  }
  /** Every user who holds the role, and how; null for no such role. */
  holdersOf(role: string): HoldersOfAnswer | null {
    return this.model.holdersOf(role);
  }
  /**
   * Who can use the project (id or name) and how: members with their project role, members of
   * groups with access, the project roles held and their sources; its groups and custom roles.
   * Null for no such project. A member's own project roles show once read (`prioritize({ project })`).
   */
  holdersOfProject(project: string): ProjectHoldersAnswer | null {
    return this.model.holdersOfProject(project);
  }
  /** The projects by name: the active ones, the archived ones too with `includeArchived` (when the load listed them). */
  projects(includeArchived = false): AccessProjectRow[] {
    return this.model.projects(includeArchived);
  }
  /** How many projects are known, and of how many each part has been read (`projectRolesText` words the custom roles'). */
  projectsRead(): ProjectsRead {
    return this.model.projectsRead();
  }
  /** A group's members, roles and SCIM flag, by name or id; null for no such group. */
  group(ref: string): GroupAnswer | null {
    return this.model.group(ref);
  }
  /** Users, groups and roles matching `text`, case- and accent-insensitive, best first, each with its facts and their `detail` line. */
  search(text: string, limit?: number): AccessSearchHit[] {
    return this.model.search(text, limit).map((hit) => ({ ...hit, detail: hitDetail(hit) }));
  }
  /** Builds the search keys now if names changed since (call it when idle: the first search then pays nothing). */
  buildIndex(): void {
    this.model.buildIndex();
  }
  /** The user with this id, or else this email (any case): the one user lookup the planner and CSV use too. */
  user(idOrEmail: string): AccessUserRow | null {
    return this.model.user(idOrEmail);
  }
  /** Whether a user or a group holds the role by a direct assignment (one a plan may unassign), and through which groups. */
  assignmentOf(subject: AssignmentSubject, roleId: string): AssignmentOfAnswer {
    return this.model.assignmentOf(subject, roleId);
  }
  /**
   * Lowercased, accents folded: the one name folding. Search uses it; a filter compares
   * `org.fold(name).includes(org.fold(query))`.
   */
  fold(text: string): string {
    return fold(text);
  }
  /**
   * The plan that adds people to a group and removes others (ids or emails; the group by id or
   * name), made by the same planner as a file's plan (SCIM groups blocked). Throws an `Error`
   * naming the argument (`group`, `add[1]`, …) for a reference the organization does not have.
   */
  planMembership(edit: MembershipEdit): AccessPlan {
    return this.model.planMembership(edit);
  }
  /**
   * The plan of one project's member changes (the project by id or name): people added with a
   * project role or re-roled (`add: [{ user, role: 'owner' | 'member' }]`), removed (`remove`),
   * and given or taken back their own project roles (`addRoles`, `removeRoles: [{ user, role }]`,
   * the role by id or name), made by the same planner as a file's `projects:` (the project owner
   * floor refuses, an archived project, a role for a non-member and a role held only through a
   * group are blocked). Their own roles change only once read (`prioritize({ project })`). Throws
   * an `Error` naming the argument (`project`, `add[0].role`, `remove[1]`, …) for a reference the
   * organization does not have.
   */
  planProjectMembership(edit: ProjectMembershipEdit): AccessPlan {
    return this.model.planProjectMembership(edit);
  }
  /**
   * The plan of one person's change: organization role, groups joined and left, direct roles
   * assigned and unassigned. The last-owner floor and the SCIM rules apply (`refused`, `blocked`).
   * Throws an `Error` naming the argument for a reference the organization does not have.
   */
  planPerson(edit: PersonEdit): AccessPlan {
    return this.model.planPerson(edit);
  }
  /** Every user with the organization role, sorted by name; only those of `organizationRole` when given. */
  users(organizationRole?: string): AccessUserRow[] {
    return this.model.users(organizationRole);
  }
  stats(): AccessStats {
    return this.model.stats();
  }
  /** The access file (YAML by default). */
  dump(format: 'yaml' | 'json' = 'yaml'): string {
    return this.model.dump(format);
  }
  /** What to do to make the organization match `file`; throws `AccessFileError` (line, column; every bad entry in `errors`) for a bad file. */
  plan(file: string, options: { prune?: boolean } = {}): AccessPlan {
    return this.model.plan(file, options);
  }
  /** `group,email` (memberships), `role,principal_type,principal,source` (assignments) or `project,email,role` (projects) rows. */
  exportCsv(kind: 'memberships' | 'assignments' | 'projects'): string {
    return this.model.exportCsv(kind);
  }
  /** A plan over the groups the `group,email[,action]` rows name, or (after a `project,email,role` header) the projects the `project,email,role[,action]` rows name; throws with every bad row and its line (`errors`). */
  planCsv(csv: string): AccessPlan {
    return this.model.planCsv(csv);
  }
  /** Applies the operations that succeeded to the model in memory. */
  applyOutcomes(plan: AccessPlan, outcomes?: readonly Outcome[]): void {
    this.model.apply(plan, outcomes?.map(forModel));
    // A group or user deleted while the organization loads: its reads still pending are dropped.
    const gone = plan.operations.flatMap((op, i): EntityRef[] => {
      if (outcomes !== undefined && outcomes[i]?.status !== 'done') return [];
      const id = (key: string) => (typeof op.ids[key] === 'string' ? (op.ids[key] as string) : undefined);
      const group = op.operation === 'groups.delete' ? id('group_id') : undefined;
      if (group !== undefined) return [{ kind: 'members', id: group }, { kind: 'groupRoles', id: group }];
      const user = op.operation === 'users.delete' ? id('user_id') : undefined;
      return user !== undefined ? [{ kind: 'userRoles', id: user }] : [];
    });
    if (gone.length > 0) this.#loader?.forget(gone);
  }
  free(): void {
    this.model.free();
  }
}

/** The loader's sink over the model `model()` returns (read at each call: it may be replaced). */
export function modelSink(model: () => AccessModel): ModelSink {
  return {
    addUsers: (i) => model().addUsers(i),
    addGroups: (i) => model().addGroups(i),
    addRoles: (i) => model().addRoles(i),
    setGroupMembers: (id, i) => model().setGroupMembers(id, i),
    setGroupRoles: (id, i) => model().setGroupRoles(id, i),
    setUserRoles: (id, i) => model().setUserRoles(id, i),
    addProjects: (i) => model().addProjects(i),
    setProjectMembers: (id, i) => model().setProjectMembers(id, i),
    setProjectGroups: (id, i) => model().setProjectGroups(id, i),
    setProjectRoles: (id, i) => model().setProjectRoles(id, i),
    setProjectGroupRoles: (p, g, i) => model().setProjectGroupRoles(p, g, i),
    setProjectUserRoles: (p, u, i) => model().setProjectUserRoles(p, u, i),
    activeProjects: () => model().projects(false).map((r) => r.project.id),
  };
}

/** An outcome as the model reads it (the error object stays out). */
function forModel(o: Outcome): AccessOutcome {
  if (o.status !== 'done') return { status: o.status };
  const id = (o.result as { id?: unknown } | null)?.id;
  return { status: 'done', result: typeof id === 'string' ? { id } : null };
}

/** An organization being read: usable at once, complete when `done` resolves. */
export interface OrganizationLoading {
  /**
   * The organization as read so far: its answers (`search`, `accessOf`, `holdersOf`, `group`,
   * `stats`, …) cover what has arrived, and it fills in as reads finish (`complete` is false until
   * then). It is the caller's to `free()`, also when the load fails.
   */
  readonly organization: Organization;
  /** The last progress reported (also given to `onProgress`). */
  readonly progress: Progress;
  /**
   * Resolves with the load's stats once every read is done (`organization.complete` is then
   * true), or rejects with the first read that failed or the abort reason; the organization keeps
   * what was read.
   */
  readonly done: Promise<LoadStats>;
}

const NO_PROGRESS: Progress = {
  endpoints: [],
  done: 0,
  total: 3,
  phase: 'directory',
  users: { listed: 0, total: null, loaded: 0 },
  groups: { listed: 0, total: null, loaded: 0 },
  roles: { listed: 0, total: null, loaded: 0 },
  projects: { listed: 0, total: null, loaded: 0 },
  asOf: null,
};

/** What `startLoadingOrganization` takes: the load's options, and a snapshot as an object or its JSON data. */
export interface StartOptions extends Omit<LoadOptions, 'snapshot'> {
  /**
   * The organization as last read (a `Snapshot`, or its `data` as the console's process hands it
   * to its page): shown at once, and what is younger than `maxAge` is not read again. Every read
   * is recorded in it.
   */
  snapshot?: Snapshot | SnapshotData;
}

/**
 * Starts reading the organization through `client` (as `loadOrganization` does) and resolves as
 * soon as the access module is ready, with the organization being filled: what has loaded can be
 * searched and shown while the rest is read. See {@link OrganizationLoading}.
 */
export async function startLoadingOrganization(client: AdminClient, options: StartOptions = {}): Promise<OrganizationLoading> {
  const snapshot = options.snapshot === undefined || options.snapshot instanceof Snapshot ? options.snapshot : new Snapshot(options.snapshot);
  await loadAccessModule();
  const organization = Organization.loading(new AccessModel());
  let progress = NO_PROGRESS;
  const onProgress = (p: Progress) => {
    progress = p;
    options.onProgress?.(p);
  };
  // The model reads through `organization.model`, which a list that dropped something replaces.
  const sink = modelSink(() => organization.model);
  const loader = new Loader(client, sink, { ...options, snapshot, onProgress });
  loader.snapshot.fill(organization.model);
  const started = Date.now();
  const lists = loader.lists();
  Organization.attach(organization, loader, lists);
  const done = lists
    .then(() => Promise.all([loader.entities(loader.allEntities()), loader.projectGroupRoles()]))
    .then(() => {
      loader.finish();
      const stats = loader.stats(started);
      Organization.loaded(organization, stats);
      return stats;
    });
  lists.catch(() => {});
  return {
    organization,
    get progress() {
      return progress;
    },
    done,
  };
}

/**
 * Reads the whole organization through `client` (its options, `fetch`, retries and logger apply):
 * users, groups, roles, each group's members and roles, each user's roles. See {@link LoadOptions};
 * `startLoadingOrganization` gives the organization before the load ends.
 */
export async function loadOrganization(client: AdminClient, options: StartOptions = {}): Promise<Organization> {
  const { organization, done } = await startLoadingOrganization(client, options);
  try {
    await done;
    return organization;
  } catch (e) {
    organization.free();
    throw e;
  }
}

/** Runs a plan's operations; see `ApplyOptions`. Resolves to one outcome per operation. */
export async function applyPlan(client: AdminClient, plan: AccessPlan, options: ApplyOptions = {}): Promise<Outcome[]> {
  return runPlan(client, plan, options);
}

/** An empty organization (to fill by hand, or in tests). */
export async function emptyOrganization(): Promise<Organization> {
  await loadAccessModule();
  return new Organization(new AccessModel());
}
