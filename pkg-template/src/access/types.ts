/** The access module's value types, declared once beside its wasm exports. */
export type {
  AccessPlan,
  PlanOperation,
  PlanId,
  PlanBlocked,
  PlanUnmanaged,
  AccessOfAnswer,
  HoldersOfAnswer,
  GroupAnswer,
  AccessSearchHit,
  AccessStats,
  AccessRef,
  AccessUserRef,
  AccessUserRow,
  AccessRole,
  AccessSource,
  AccessFileError,
} from '../../wasm/openai_admin_access.js';
