/**
 * What `openai-admin access` says while it reads and writes under the API's limits: per endpoint,
 * the reads done, the rate learned and the time left (`users' roles 412/2,045 · 9.6/min learned ·
 * about 2 h 50 min left`), and why it waits (`waiting 38 s: the API asked us to slow down`). On a
 * terminal one line is redrawn in place; without one, plain lines are written when an endpoint
 * starts waiting and every {@link PLAIN_EVERY_MS}, only once the API has limited something.
 */
import type { EndpointProgress } from '../access/scheduler.js';
import type { EndpointReads, Progress } from '../access/load.js';
import { formatDuration } from './durations.js';
import { bar } from './access-text.js';
import { sanitize } from './io.js';

const count = new Intl.NumberFormat('en-US');
/** An endpoint as the scheduler reports it, with the loader's reads of it when it has them. */
export type EndpointRow = EndpointProgress & Partial<Pick<EndpointReads, 'done' | 'total' | 'etaMs'>>;
/** Plain progress lines at most this often. */
export const PLAIN_EVERY_MS = 15_000;

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

/** `users' roles 412/2,045 · 9.6/min learned · about 2 h 50 min left`, or its wait. */
export function endpointText(e: EndpointRow): string {
  const reads = e.done !== undefined ? ` ${count.format(e.done)}/${e.total == null ? '?' : count.format(e.total)}` : ` ${count.format(e.ok)} done`;
  const parts = [`${sanitize(e.label)}${reads}`];
  if (e.waitingMs > 0) parts.push(waitText(e));
  else if (e.perMinute !== null) {
    parts.push(`${rateText(e.perMinute)} learned`);
    if (e.etaMs != null && e.etaMs > 0) parts.push(`about ${formatDuration(e.etaMs)} left`);
  }
  return parts.join(' · ');
}

/** The endpoints worth a line: those the API limited, with work left or a wait, the slowest first. */
export function limitedEndpoints(endpoints: readonly EndpointRow[]): EndpointRow[] {
  const left = (e: EndpointRow) => e.done === undefined || e.total !== e.done;
  const eta = (e: EndpointRow) => (e.etaMs ?? 0) + e.waitingMs;
  return endpoints.filter((e) => (e.perMinute !== null || e.waitingMs > 0) && left(e)).sort((a, b) => eta(b) - eta(a));
}

/** The redrawn line while reading: the bar, then the endpoint that bounds the time. */
export function loadLine(p: Progress): string {
  const [slowest] = limitedEndpoints(p.endpoints);
  return `Reading the organization ${bar(p.done, p.total)}${slowest ? ` · ${endpointText(slowest)}` : ''}`;
}

/** The redrawn line while applying. */
export function applyLine(done: number, total: number, endpoints: readonly EndpointProgress[]): string {
  const [slowest] = limitedEndpoints(endpoints);
  return `${bar(done, total)}${slowest ? ` · ${endpointText(slowest)}` : ''}`;
}

/**
 * Writes the progress: `redraw(line)` on a terminal (at most every `everyMs`), else `lines` for
 * the endpoints that started waiting and, every {@link PLAIN_EVERY_MS}, those still limited.
 */
export class ProgressWriter {
  /** The endpoints waiting when last written, with why. */
  #waiting = new Map<string, string | null>();
  #lastPlain: number;
  #lastDraw = 0;
  constructor(
    private readonly write: (text: string) => void,
    private readonly tty: boolean,
    private readonly columns: () => number | undefined,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.#lastPlain = this.now();
  }

  /** A redrawn line (terminal), cut to the width. */
  draw(line: string, force = false): void {
    if (!this.tty) return;
    const now = this.now();
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    const width = this.columns();
    const cut = width && line.length >= width ? `${line.slice(0, Math.max(0, width - 2))}…` : line;
    this.write(`\r\x1b[K${cut}`);
  }

  /** Plain lines (no terminal) for what changed in `endpoints`. */
  plain(endpoints: readonly EndpointRow[]): void {
    if (this.tty) return;
    const now = this.now();
    const lines: string[] = [];
    for (const e of endpoints) {
      if (e.waitingMs > 0 && this.#waiting.get(e.endpoint) !== e.waitReason) {
        this.#waiting.set(e.endpoint, e.waitReason);
        lines.push(endpointText(e));
      } else if (e.waitingMs === 0) this.#waiting.delete(e.endpoint);
    }
    if (lines.length === 0 && now - this.#lastPlain >= PLAIN_EVERY_MS) lines.push(...limitedEndpoints(endpoints).map(endpointText));
    if (lines.length > 0) {
      this.#lastPlain = now;
      this.write(lines.map((l) => `${l}\n`).join(''));
    }
  }
}
