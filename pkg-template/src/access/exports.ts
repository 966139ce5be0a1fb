/** What `openai-admin-wasm/access` exports, whichever entry point loads the access module. */
export { loadOrganization, applyPlan, emptyOrganization, Organization } from './model.js';
export { retryPlan } from './apply.js';
export { Pacer, retryAfterMs, type PacerOptions, type PacerStats } from './pacer.js';
export type { Progress, LoadOptions, LoadPhase, LoadStats } from './load.js';
export type { Outcome, ApplyOptions, ApplyProgress } from './apply.js';
export type { AdminClient } from './client.js';
export type * from './types.js';
