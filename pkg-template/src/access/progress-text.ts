/**
 * The words of a load's or an apply's progress under the API's limits, in one place for the
 * command line and the console page: per endpoint, the reads done, the rate learned and the time
 * left (`users' roles 412/2,045 · 9.6/min learned · about 2 h 50 min left`), and why it waits
 * (`waiting 38 s: the API asked us to slow down`). Pure: no Node module, no DOM.
 */
import type { EndpointProgress } from './scheduler.js';
import type { EndpointReads } from './load.js';
import { formatDuration } from '../cli/durations.js';

const count = new Intl.NumberFormat('en-US');
/** An endpoint as the scheduler reports it, with the loader's reads of it when it has them. */
export type EndpointRow = EndpointProgress & Partial<Pick<EndpointReads, 'done' | 'total' | 'etaMs'>>;

/** `9.6/min`, `120/min`. */
export function rateText(perMinute: number): string {
  return `${perMinute < 10 ? perMinute.toFixed(1) : count.format(Math.round(perMinute))}/min`;
}

/** Why an endpoint waits, and for how long. */
export function waitText(e: EndpointProgress): string {
  const wait = `waiting ${formatDuration(e.waitingMs)}`;
  if (e.waitReason === 'retry-after-capped' && e.askedMs !== undefined) {
    return `${wait}: the API asked us to wait ${formatDuration(e.askedMs)}; we wait at most ${formatDuration(e.waitingMs)} before trying again`;
  }
  return `${wait}: the API asked us to slow down`;
}

/**
 * `users' roles 412/2,045 · 9.6/min learned · about 2 h 50 min left`, or its wait in place of the
 * rate (`… · waiting 38 s: the API asked us to slow down · about 2 h 51 min left`). `clean` is
 * applied to the endpoint's label (the command line escapes control characters for a terminal).
 */
export function endpointText(e: EndpointRow, clean: (text: string) => string = (t) => t): string {
  const reads = e.done !== undefined ? ` ${count.format(e.done)}/${e.total == null ? '?' : count.format(e.total)}` : ` ${count.format(e.ok)} done`;
  const parts = [`${clean(e.label)}${reads}`];
  if (e.waitingMs > 0) parts.push(waitText(e));
  else if (e.perMinute !== null) parts.push(`${rateText(e.perMinute)} learned`);
  // The time left is known from the first 429 on (its rate), the wait included: said during it too.
  if (e.etaMs != null && e.etaMs > 0) parts.push(`about ${formatDuration(e.etaMs)} left`);
  return parts.join(' · ');
}

const left = (e: EndpointRow) => e.done === undefined || e.total !== e.done;
const slowestFirst = (a: EndpointRow, b: EndpointRow) => (b.etaMs ?? 0) + b.waitingMs - ((a.etaMs ?? 0) + a.waitingMs);

/** The endpoints worth a line: those the API limited, with work left or a wait, the slowest first. */
export function limitedEndpoints(endpoints: readonly EndpointRow[]): EndpointRow[] {
  return endpoints.filter((e) => (e.perMinute !== null || e.waitingMs > 0) && left(e)).sort(slowestFirst);
}

/**
 * The endpoints a load is busy with: work left, and a request sent or a wait under way; the
 * slowest first (the one that bounds the time on top).
 */
export function busyEndpoints(endpoints: readonly EndpointRow[]): EndpointRow[] {
  return endpoints.filter((e) => left(e) && (e.sent > 0 || e.waitingMs > 0)).sort(slowestFirst);
}

/** One line per busy endpoint (see {@link busyEndpoints}), as {@link endpointText} words it. */
export function endpointLines(endpoints: readonly EndpointRow[], clean?: (text: string) => string): string[] {
  return busyEndpoints(endpoints).map((e) => endpointText(e, clean));
}

/**
 * What the load has read of the projects' custom roles (a member's own project roles are read
 * only when asked): `custom project roles: read for 3 of 40 projects`, from the core's
 * `projectsRead()` counts.
 */
export function projectRolesText(read: { projects: number; memberRoles: number }): string {
  return `custom project roles: read for ${count.format(read.memberRoles)} of ${count.format(read.projects)} project${read.projects === 1 ? '' : 's'}`;
}
