/** The access module's value types, declared once beside its wasm exports. */
import type { AccessHit } from '../../wasm/openai_admin_access.js';

export type {
  AccessPlan,
  PlanOperation,
  PlanId,
  PlanChange,
  PlanRefusal,
  PlanBlocked,
  PlanUnmanaged,
  AccessOfAnswer,
  HoldersOfAnswer,
  GroupAnswer,
  AccessHit,
  AccessStats,
  AccessRef,
  AccessUserRef,
  AccessUserRow,
  AccessRole,
  AccessSource,
  AccessStatus,
  AccessFileError,
  AssignmentOfAnswer,
  AssignmentSubject,
  MembershipEdit,
  ProjectMembershipEdit,
  PersonEdit,
  AccessProjectRef,
  AccessProjectUse,
  AccessProjectAccess,
  AccessProjectRead,
  AccessProjectRow,
  ProjectHoldersAnswer,
  ProjectRoleRead,
  ProjectsRead,
} from '../../wasm/openai_admin_access.js';

/** One `search` result: the core's facts, and `detail`, their second line in words (`hitDetail`). */
export type AccessSearchHit = AccessHit & { detail: string };
