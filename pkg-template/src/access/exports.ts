/** What `openai-admin-wasm/access` exports, whichever entry point loads the access module. */
export { loadOrganization, startLoadingOrganization, applyPlan, emptyOrganization, loadAccessModule, foldName, Organization, type OrganizationLoading } from './model.js';
export { retryPlan } from './apply.js';
export { Scheduler, SchedulerDeadlineError, type SchedulerOptions, type LearnedRate, type EndpointProgress, type FetchLike } from './scheduler.js';
export type { Progress, KindProgress, EndpointReads, LoadOptions, LoadPhase, LoadStats } from './load.js';
export type { Outcome, ApplyOptions, ApplyProgress } from './apply.js';
export type { AdminClient } from './client.js';
export type * from './types.js';
export { endpointText, endpointLines, busyEndpoints, limitedEndpoints, rateText, waitText, type EndpointRow } from './progress-text.js';
