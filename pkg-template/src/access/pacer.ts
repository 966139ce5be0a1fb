/**
 * The pacer every request of `loadOrganization` and `applyPlan` goes through: at most
 * `concurrency` requests in flight, at most `maxRequestsPerSecond` sent within any one second
 * (a sliding window), and after a 429 every sender waits the `Retry-After`,
 * resumes at half the rate it was sending at, and climbs back additively while no 429 comes (AIMD).
 *
 * It sees every attempt, the client's own retries included, because it wraps the client's `fetch`
 * (`client.withOptions({ fetch: pacer.fetch(base) })`): the client keeps its retries, timeouts,
 * logger and headers, and a retried 429 waits for the shared pause like any other request.
 */

/** The `fetch` shape the client calls. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface PacerOptions {
  /** Requests in flight at most (default 8). */
  concurrency?: number | undefined;
  /** Requests sent within any one second at most (default: no cap until a 429 sets one). */
  maxRequestsPerSecond?: number | undefined;
  /** The clock and timer (tests). */
  now?: () => number;
}

/** What the pacer counted, for progress reports and benchmarks. */
export interface PacerStats {
  sent: number;
  rateLimited: number;
  /** The rate it allows now (Infinity: no cap). */
  rate: number;
}

/**
 * The window. A request counts in it from when it is sent until a second after its answer came:
 * the server received it before answering, so the N+1th request, sent a second after the first's
 * answer, reaches the server more than a second after the first did, however long the first took
 * to get there (a new connection, a busy machine). Sent times alone would let the server count
 * N+1 in its window whenever the first was slower to arrive than the last.
 */
const WINDOW_MS = 1000;
/** The additive step after a calm second: this share of the rate the last 429 came at (at least 1/s). */
const STEP_SHARE = 0.1;

function checkPositive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0)) throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
  return value;
}

/** The wait a 429 asks for, from `retry-after-ms` or `retry-after` (seconds or an HTTP date); 1 s when neither says. */
export function retryAfterMs(headers: Headers, now: number): number {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value !== null) {
    const secs = Number(value);
    if (value.trim() !== '' && Number.isFinite(secs) && secs >= 0) return secs * 1000;
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return 1000;
}

export class Pacer {
  readonly concurrency: number;
  readonly ceiling: number;
  #rate: number;
  #step = 1;
  #inFlight = 0;
  #slots: (() => void)[] = [];
  /** Requests within the window, in sending order: `at` is when the answer came (Infinity while in flight). */
  #sent: { at: number }[] = [];
  /** Wakes the senders waiting for an answer to come. */
  #answered: (() => void)[] = [];
  #pausedUntil = 0;
  #lastIncrease = 0;
  #now: () => number;
  /** Senders waiting for the window or the pause, in order. */
  #gate: Promise<void> = Promise.resolve();
  readonly stats: PacerStats;

  constructor(options: PacerOptions = {}) {
    const concurrency = checkPositive(options.concurrency, 'concurrency') ?? 8;
    this.concurrency = Math.max(1, Math.floor(concurrency));
    this.ceiling = checkPositive(options.maxRequestsPerSecond, 'maxRequestsPerSecond') ?? Infinity;
    this.#rate = this.ceiling;
    this.#now = options.now ?? (() => Date.now());
    this.stats = { sent: 0, rateLimited: 0, rate: this.#rate };
  }

  /** The rate allowed now (requests per second; Infinity: no cap). */
  get rate(): number {
    return this.#rate;
  }

  /** Waits for a slot among `concurrency`; resolves to its release. */
  async #slot(signal?: AbortSignal | null): Promise<() => void> {
    if (this.#inFlight >= this.concurrency) {
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener('abort', stop);
          resolve();
        };
        const stop = () => {
          this.#slots = this.#slots.filter((s) => s !== go);
          reject(signal?.reason ?? new Error('aborted'));
        };
        signal?.addEventListener('abort', stop, { once: true });
        this.#slots.push(go);
      });
    } else {
      this.#inFlight++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#slots.shift();
      if (next) next();
      else this.#inFlight--;
    };
  }

  /** Waits, in arrival order, until the pause is over and the window has room; then counts a send. */
  #turn(signal?: AbortSignal | null): Promise<{ at: number }> {
    const mine = this.#gate.then(async () => {
      for (;;) {
        if (signal?.aborted) throw signal.reason ?? new Error('aborted');
        const now = this.#now();
        this.#climb(now);
        this.#sent = this.#sent.filter((s) => now - s.at < WINDOW_MS);
        let wait = this.#pausedUntil - now;
        const allowed = Math.max(1, Math.floor(this.#rate));
        if (wait <= 0 && this.#sent.length >= allowed) wait = this.#sent[this.#sent.length - allowed]!.at + WINDOW_MS - now;
        if (wait <= 0) {
          const stamp = { at: Infinity };
          this.#sent.push(stamp);
          this.stats.sent++;
          return stamp;
        }
        if (wait === Infinity) await new Promise<void>((resolve) => this.#answered.push(resolve));
        else await sleep(wait, signal);
      }
    });
    // The next sender waits for this one, whether it was sent or aborted.
    this.#gate = mine.then(
      () => {},
      () => {},
    );
    return mine;
  }

  /** Additive increase: one step per calm second since the last 429 or increase, up to the ceiling. */
  #climb(now: number): void {
    if (this.#rate >= this.ceiling || now < this.#pausedUntil) return;
    const seconds = Math.floor((now - this.#lastIncrease) / WINDOW_MS);
    if (seconds <= 0) return;
    this.#rate = Math.min(this.ceiling, this.#rate + seconds * this.#step);
    this.#lastIncrease += seconds * WINDOW_MS;
    this.stats.rate = this.#rate;
  }

  /**
   * A 429: everyone waits `waitMs`; the rate halves from what was being sent (only once per
   * pause: the requests that were already in flight get their 429 for the same burst).
   */
  rateLimited(waitMs: number): void {
    const now = this.#now();
    this.stats.rateLimited++;
    const until = now + waitMs;
    if (now < this.#pausedUntil) {
      this.#pausedUntil = Math.max(this.#pausedUntil, until);
      return;
    }
    const recent = this.#sent.length;
    const current = Math.min(this.#rate, Math.max(recent, 1));
    this.#rate = Math.max(1, Math.floor(current / 2));
    this.#step = Math.max(1, Math.round(current * STEP_SHARE));
    this.#pausedUntil = until;
    this.#lastIncrease = until;
    this.stats.rate = this.#rate;
  }

  /** Runs `send` when a slot and the rate allow; a 429 answer slows everyone. */
  async run(send: () => Promise<Response>, signal?: AbortSignal | null): Promise<Response> {
    const release = await this.#slot(signal);
    try {
      const stamp = await this.#turn(signal);
      try {
        const response = await send();
        if (response.status === 429) this.rateLimited(retryAfterMs(response.headers, this.#now()));
        return response;
      } finally {
        stamp.at = this.#now();
        const waiting = this.#answered;
        this.#answered = [];
        for (const wake of waiting) wake();
      }
    } finally {
      release();
    }
  }

  /** `base` wrapped: each call waits its turn (the client gives it its own timeout and signal in `init`). */
  fetch(base: FetchLike): FetchLike {
    return (input, init) => this.run(() => base(input, init), init?.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Runs `count` tasks with at most `workers` at a time, in order of index; stops taking new ones
 * once `signal` aborts or `stop()` returns true.
 */
export async function pool(count: number, workers: number, task: (i: number) => Promise<void>, signal?: AbortSignal | null, stop?: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (stop?.()) return;
      await task(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, count)) }, worker));
}
