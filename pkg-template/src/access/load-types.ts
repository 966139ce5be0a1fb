/**
 * The loader's shapes (`load.ts`): its options, the model it fills, its progress (per kind and per
 * endpoint, with the scheduler's figures and ETA) and its stats.
 */
import type { EndpointProgress, Scheduler } from './scheduler.js';
import type { Snapshot } from './snapshot.js';

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
  /** Reads of it finished in this load (a list read in all its pages counts once). */
  done: number;
  /** Reads of it this load makes, as far as known (`done` and those pending or being made). */
  total: number | null;
  /** The time the rest take at its learned rate (the scheduler's `etaMs`); null while it is not limited or its total unknown. */
  etaMs: number | null;
}

export interface Progress {
  /** Per endpoint the load reads, in reading order: the lists, then the lanes (the projects' among them). */
  endpoints: EndpointReads[];
  /** Reads finished in this load (a list read in all its pages counts once). */
  done: number;
  /** Reads this load will make, as far as known (grows once the users and groups are known). */
  total: number;
  phase: LoadPhase;
  users: KindProgress;
  groups: KindProgress;
  roles: KindProgress;
  /** Projects: listed, and `loaded` those whose members, groups and roles are read (a member's own project roles are read only when asked). */
  projects: KindProgress;
  /** The time of the oldest read the organization shows (epoch ms; null before any). */
  asOf: number | null;
}

export interface LoadOptions {
  /** Requests in flight at most (default 8). */
  concurrency?: number;
  /** Requests sent within any one second at most, all endpoints together (default: no cap). */
  maxRequestsPerSecond?: number;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Epoch ms after which no read waits its turn (the scheduler's `deadline`: `--timeout`). */
  deadline?: number;
  /**
   * The scheduler's `timeScale`: its caps (60 s after a 429 without `Retry-After`, 5 minutes of a
   * `Retry-After`) times this (default 1; the console hands its page `OPENAI_ADMIN_TIME_SCALE`).
   */
  timeScale?: number;
  /**
   * A scheduler to share with other calls (e.g. the `applyPlan` that follows), so that what it
   * learned of each endpoint's rate holds across them; `maxRequestsPerSecond`, `deadline`,
   * `timeScale` and the snapshot's learned rates are then its own. Without one, the loader makes one that starts at
   * the rates the snapshot learned.
   */
  scheduler?: Scheduler;
  /**
   * The snapshot to start from and to record every read in (see `Snapshot`): its reads younger
   * than `maxAge` are used as they are. Without one, the load starts from nothing.
   */
  snapshot?: Snapshot;
  /**
   * Whether the projects list is read with `include_archived` (default false): archived projects
   * are then in the organization, marked archived (never planned).
   */
  includeArchived?: boolean;
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
  addProjects(items: readonly unknown[]): void;
  setProjectMembers(projectId: string, items: readonly unknown[]): void;
  setProjectGroups(projectId: string, items: readonly unknown[]): void;
  setProjectRoles(projectId: string, items: readonly unknown[]): void;
  setProjectGroupRoles(projectId: string, groupId: string, items: readonly unknown[]): void;
  setProjectUserRoles(projectId: string, userId: string, items: readonly unknown[]): void;
  /**
   * The ids of the projects whose own lists can be read: the active ones, as the model decides
   * (the API refuses an archived project's lists). Without it, every listed project.
   */
  activeProjects?(): string[];
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
