/**
 * What `openai-admin access` says while it reads and writes under the API's limits: per endpoint,
 * the reads done, the rate learned and the time left (`users' roles 412/2,045 · 9.6/min learned ·
 * about 2 h 50 min left`), and why it waits (`waiting 38 s: the API asked us to slow down`). On a
 * terminal one line is redrawn in place; without one, plain lines are written when an endpoint
 * starts waiting and every {@link PLAIN_EVERY_MS}, only once the API has limited something.
 */
import type { EndpointProgress } from '../access/scheduler.js';
import type { Progress } from '../access/load.js';
import { endpointText as wordEndpoint, limitedEndpoints, type EndpointRow } from '../access/progress-text.js';
import { bar } from './access-text.js';
import { sanitize } from './io.js';

/** The words are the access module's (the console page shows the same); here the label is escaped for a terminal. */
export { rateText, waitText, limitedEndpoints, type EndpointRow } from '../access/progress-text.js';
/** Plain progress lines at most this often. */
export const PLAIN_EVERY_MS = 15_000;

/** `users' roles 412/2,045 · 9.6/min learned · about 2 h 50 min left`, or its wait, for a terminal. */
export const endpointText = (e: EndpointRow): string => wordEndpoint(e, sanitize);

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
