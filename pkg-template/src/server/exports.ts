/** What both server entry points export besides `createAdminHandler` and `jsonLinesAudit`. */
export type {
  AdminHandler,
  AdminHandlerOptions,
  AuditEvent,
  Authorize,
  CorsOptions,
  OperationContext,
} from './types.js';
export {
  AccessDenied,
  anyOf,
  bearerToken,
  bearerTokens,
  forbidden,
  projectScope,
  readOnly,
  trustedHeader,
  unauthenticated,
  type Identity,
  type ProjectScopeOptions,
  type Role,
  type TokenEntry,
  type TrustedHeaderOptions,
} from './access.js';
export type { JsonLinesAudit, JsonLinesAuditOptions } from './audit-file.js';
export { toNodeHandler, type NodeRequestLike, type NodeResponseLike } from './node-adapter.js';
