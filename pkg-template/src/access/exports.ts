/** What `openai-admin-wasm/access` exports, whichever entry point loads the access module. */
export { loadOrganization, startLoadingOrganization, applyPlan, emptyOrganization, Organization, type OrganizationLoading, type StartOptions } from './model.js';
export { Snapshot, SnapshotError, SNAPSHOT_FORMAT, recordApplied, parseDuration, durationText, asOfText, type SnapshotData, type Read, type ListRead, type ListKind, type EntityKind } from './snapshot.js';
export { endpointOf, type LearnedRate, type RequestScheduler } from './pacing.js';
export { retryPlan } from './apply.js';
export { Pacer, retryAfterMs, type PacerOptions, type PacerStats } from './pacer.js';
export { DEFAULT_MAX_AGE } from './load.js';
export type { Progress, KindProgress, LaneProgress, LoadOptions, LoadPhase, LoadStats } from './load.js';
export type { Outcome, ApplyOptions, ApplyProgress } from './apply.js';
export type { AdminClient } from './client.js';
export type * from './types.js';
