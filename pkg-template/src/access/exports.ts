/** What `openai-admin-wasm/access` exports, whichever entry point loads the access module. */
export { loadOrganization, startLoadingOrganization, applyPlan, emptyOrganization, loadAccessModule, foldName, Organization, type OrganizationLoading, type StartOptions } from './model.js';
export { Snapshot, SnapshotError, SNAPSHOT_FORMAT, recordApplied, asOfText, type SnapshotData, type Read, type ListRead, type ListKind, type EntityKind, type ProjectEntityKind } from './snapshot.js';
export { retryPlan } from './apply.js';
export { Scheduler, SchedulerDeadlineError, type SchedulerOptions, type LearnedRate, type EndpointProgress, type FetchLike } from './scheduler.js';
export { DEFAULT_MAX_AGE } from './load.js';
export type { Progress, KindProgress, EndpointReads, LoadOptions, LoadPhase, LoadStats } from './load.js';
export type { Outcome, ApplyOptions, ApplyProgress } from './apply.js';
export type { AdminClient } from './client.js';
export type * from './types.js';
export { endpointText, endpointLines, busyEndpoints, limitedEndpoints, rateText, waitText, projectRolesText, type EndpointRow } from './progress-text.js';
