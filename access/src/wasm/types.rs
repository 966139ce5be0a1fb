//! The TypeScript types of the values the access module's exports take and return. The Rust
//! side writes and reads them with its own JSON writer and reader (`crate::json`; the fields in
//! `answers/wire.rs`, `plan/wire.rs`, …); this is their one declaration for TypeScript, checked by
//! `tsc --strict` in the package build and held to what the boundary writes by
//! `tests/boundary_types.rs` (every boundary type written, each variant, and type-checked against
//! these declarations).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A user, as the answers name one. */
export interface AccessUserRef { id: string; name: string | null; email: string | null }
/** A group or a role, as the answers name one. */
export interface AccessRef { id: string; name: string }
/** Where a role comes from: a direct assignment, or a group the user belongs to. */
export type AccessSource = { kind: 'direct' } | { kind: 'group'; group: AccessRef };
/** A role with its description and permissions. */
export interface AccessRole { id: string; name: string; description: string | null; permissions: string[]; predefined: boolean }

/** `accessOf(user)`: the organization role, every role with its sources, the union of permissions. */
export interface AccessOfAnswer {
  user: AccessUserRef;
  organizationRole: string | null;
  /** Whether the identity provider manages the user (its organization role is read-only). */
  scim: boolean;
  groups: AccessRef[];
  roles: { role: AccessRole; sources: AccessSource[] }[];
  permissions: string[];
  /** The projects the user can use, by name (archived ones only when the load listed them). */
  projects: AccessProjectAccess[];
}

/** A project, as the answers name one. */
export interface AccessProjectRef { id: string; name: string; archived: boolean }

/**
 * How a user can use a project: as a member (`membership`, the project role `owner` or `member`),
 * through groups with access, and the project roles held with their sources. `rolesRead` is false
 * while a member's own project roles are not read (they are read only when asked): then only the
 * roles through groups are known.
 */
export interface AccessProjectUse {
  membership: string | null;
  groups: AccessRef[];
  roles: { role: AccessRole; sources: AccessSource[] }[];
  rolesRead: boolean;
}

/** One of `accessOf(user).projects`. */
export interface AccessProjectAccess { project: AccessProjectRef; access: AccessProjectUse }

/** What has been read of a project: its lists, and how many members' own project roles. */
export interface AccessProjectRead { members: boolean; groups: boolean; roles: boolean; memberRoles: number; memberCount: number }

/** `holdersOfProject(project)`: who can use it and how, its members, groups with access and custom roles. */
export interface ProjectHoldersAnswer {
  project: AccessProjectRef;
  holders: { user: AccessUserRef; access: AccessProjectUse }[];
  members: { user: AccessUserRef; role: string }[];
  groups: { group: AccessRef; memberCount: number; scim: boolean; roles: AccessRef[] }[];
  roles: AccessRole[];
  read: AccessProjectRead;
}

/** One row of `projects(includeArchived)`. */
export interface AccessProjectRow { project: AccessProjectRef; read: AccessProjectRead }

/** A member's project role list to read (`projectRoleReads`). */
export interface ProjectRoleRead { projectId: string; userId: string }

/** `projectsRead()`: the projects known, and of how many each part has been read. */
export interface ProjectsRead { projects: number; members: number; groups: number; roles: number; memberRoles: number }

/** `holdersOf(role)`: every user who holds it, and how; the groups it is assigned to. */
export interface HoldersOfAnswer {
  role: AccessRole;
  holders: { user: AccessUserRef; sources: AccessSource[] }[];
  groups: { group: AccessRef; memberCount: number }[];
}

/** `group(ref)`: members, role assignments, SCIM flag. */
export interface GroupAnswer {
  group: AccessRef;
  members: AccessUserRef[];
  roles: AccessRole[];
  scim: boolean;
}

/**
 * One `search` result, with the facts a second line shows (the package words them); higher
 * `score` first (exact 4, prefix 3, word prefix 2, substring 1).
 */
export type AccessHit = { id: string; label: string; score: number } & (
  | { kind: 'user'; email: string | null; organizationRole: string | null; scim: boolean }
  | { kind: 'group'; memberCount: number; scim: boolean }
  | { kind: 'role'; predefined: boolean; permissionCount: number; holderCount: number }
  | { kind: 'project'; archived: boolean; memberCount: number; groupCount: number }
);

/** `assignmentOf(subject, roleId)`: a direct assignment (one a plan may unassign), and the groups it comes through. */
export interface AssignmentOfAnswer { direct: boolean; via: { kind: 'group'; id: string; name: string }[] }

/** Whose assignment `assignmentOf` answers for: a user (id or email) or a group (id or name), exactly one. */
export interface AssignmentSubject { user?: string; group?: string }

/** `planMembership(edit)`: people (ids or emails) added to and removed from a group (id or name). */
export interface MembershipEdit { group: string; add?: string[]; remove?: string[] }

/**
 * `planProjectMembership(edit)`: one project's (id or name) members added or re-roled (`add`:
 * user id or email with `owner` or `member`), removed (`remove`: ids or emails), and given or
 * taken back their own project roles (`addRoles`, `removeRoles`: a project role by id or name).
 */
export interface ProjectMembershipEdit {
  project: string;
  add?: { user: string; role: 'owner' | 'member' }[];
  remove?: string[];
  addRoles?: { user: string; role: string }[];
  removeRoles?: { user: string; role: string }[];
}

/** `planPerson(edit)`: one user's (id or email) organization role, groups (ids or names) and direct roles (ids or names). */
export interface PersonEdit {
  user: string;
  organizationRole?: string;
  addGroups?: string[];
  removeGroups?: string[];
  addRoles?: string[];
  removeRoles?: string[];
}

/** One row of `users()`: a user with the organization role. */
export interface AccessUserRow extends AccessUserRef { organizationRole: string | null; scim: boolean }

/** `stats()`: counts over the whole organization. */
export interface AccessStats {
  users: number;
  groups: number;
  roles: number;
  customRoles: number;
  memberships: number;
  groupAssignments: number;
  userAssignments: number;
  /** users per organization role (`owner`, `reader`, …) */
  organizationRoles: Record<string, number>;
  membersPerGroup: { group: AccessRef; members: number }[];
  holdersPerRole: { role: AccessRef; holders: number }[];
}

/** An id in a planned operation: known, or the `id` of the result of operation `from`. */
export type PlanId = string | { from: number };

/** The kind of change an operation makes: `+` adds, `-` removes, `~` changes. */
export type PlanChange = '+' | '-' | '~';

/**
 * Why a plan is refused as a whole: `noOwnerLeft`, it would leave the organization with no owner;
 * `noProjectOwnerLeft`, it would leave a project that has an owner with none.
 */
export type PlanRefusal = 'noOwnerLeft' | 'noProjectOwnerLeft';

/** One operation of a plan: a row of the operation table, with its ids and body. */
export interface PlanOperation {
  /** The operation's name in the table (`groups.users.create`, …). */
  operation: string;
  /** Its path parameters. */
  ids: Record<string, PlanId>;
  /** Its JSON body (ids in it may be `{ from }` too), or null. */
  body: Record<string, unknown> | null;
  /** One line for people: `add ada@example.com to Engineering`. */
  summary: string;
  /** `+` adds, `-` removes (run after the rest; already gone counts as done), `~` changes. */
  change: PlanChange;
  /** The operations that must succeed first (indices in `operations`). */
  dependsOn: number[];
}

/** What the plan will not do, and why (never sent). */
export interface PlanBlocked { subject: string; reason: string }

/** What the file does not name, left alone (or deleted by `prune`, then not listed here). */
export interface PlanUnmanaged { kind: 'user' | 'group' | 'role' | 'project'; name: string; id: string }

/**
 * `plan(file)`: operations in a safe order (role changes and creates; group renames and creates;
 * adds; removals; deletes). A plan that would leave the organization with no owner is refused as a
 * whole: no operations, `refused` says why, and the first `blocked` entry says so in words.
 */
export interface AccessPlan {
  operations: PlanOperation[];
  blocked: PlanBlocked[];
  unmanaged: PlanUnmanaged[];
  /** Why the plan is refused as a whole; null when it is not (older plans may leave it out). */
  refused?: PlanRefusal | null;
}

/** How an operation ended. */
export type AccessStatus = 'done' | 'failed' | 'skipped';

/** The outcome of operation i of a plan, for `apply`: its result carries a created `id`. */
export type AccessOutcome =
  | { status: 'done'; result?: { id?: string } | null }
  | { status: 'failed' | 'skipped'; result?: null };

/** `resolveOperation(op, ids)`: the operation with its `{ from }` ids replaced, or the first operation it needs that gave none. */
export type ResolvedOperation = { operation: PlanOperation } | { missing: number };

/**
 * Thrown by `plan` for a bad access file (`line` and `column` from 1) and by `planCsv` for a
 * bad CSV file (`line` from 1, `column` 0 when the whole row is wrong). `line`, `column` and
 * `message` are the first error's.
 */
export interface AccessFileError extends Error {
  name: 'AccessFileError';
  line: number;
  column: number;
  /**
   * Every error found, in file order (this one first). From `plan`: a syntax error stops the
   * reading; past it, each bad entry of `roles`, `groups` and `users` is reported. From
   * `planCsv`: a quote never closed stops it; past that, each bad row is reported.
   */
  errors?: { message: string; line: number; column: number }[];
}
"#;
