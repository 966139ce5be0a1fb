/**
 * The scheduler every request of the access layer goes through (`loadOrganization`, `applyPlan`,
 * the client's own retries included: it wraps the client's `fetch`). The Admin API limits each
 * endpoint on its own, to a few requests a minute, and answers beyond with a 429 that may carry
 * no `Retry-After` at all; so the scheduler keeps one bucket per endpoint (method and route
 * template, ids left out) and learns each one's rate from its 429s:
 *
 * - until an endpoint's first 429, its requests go out as the callers send them;
 * - a 429 sets the endpoint's rate to {@link SAFETY} of what the API admitted of it before (over
 *   the last 1, 2, 4, 8 windows of `backoffCapMs`, a minute by default; or over the wait a
 *   `Retry-After` asked for), never below {@link FLOOR_PER_MINUTE} a minute, and
 *   pauses it: for the `Retry-After` it asked (the core's `retryAfterDelay` reads the header), up
 *   to `retryAfterCapMs`; without one, an exponential, jittered backoff capped at `backoffCapMs`,
 *   and not before the oldest request admitted within the window leaves it (a slot frees);
 * - a request sent before that 429 but answered after it (a burst's answers come in any order)
 *   was admitted all the same: the rate is counted again with it;
 * - after the pause the endpoint sends at its rate, one request every `1 / rate`; after
 *   {@link PROBE_AFTER_WINDOWS} windows without a 429 it tries {@link PROBE_STEP} times faster;
 * - a 429 never reaches the caller: the request waits and is sent again (its body is reused;
 *   a 429 means the API did nothing, so creates are re-sent too), first in its endpoint's queue.
 *   Waiting ends only with the scheduler's or the request's `signal`, or at `deadline`.
 *
 * The rates learned are exported (`learned()`) and imported (`learned` option) so that the next
 * run starts at them; `progress()` and `etaMs()` tell what each endpoint has done and how long
 * the rest will take.
 *
 * Rust callers have the same scheduler over the core's `src/pace.rs` (`openai-admin-access`,
 * feature `client`). The two make the same decisions, held to one table of cases
 * (`tests/access/pace-cases.json`, run by `tests/access/pace-cases.test.mjs` and
 * `access/tests/pace_cases.rs`): a change to a rule here changes the table and `pace.rs` with it.
 */
import { retryAfterAsked } from './core.js';
import { endpointLabel, endpointOf } from './endpoints.js';

/** The `fetch` shape the client calls. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface LearnedRate {
  endpoint: string;
  perMinute: number;
  /** When it was learned (epoch ms). */
  at: number;
}

export interface EndpointProgress {
  endpoint: string;
  /** What it reads or writes, for people: `users' roles`. */
  label: string;
  sent: number;
  /** 2xx answers. */
  ok: number;
  rateLimited: number;
  /** The learned rate; null: not limited yet. */
  perMinute: number | null;
  /** How long its queue still waits before the next request may go (0: not waiting). */
  waitingMs: number;
  waitReason: 'rate-limit' | 'retry-after' | 'retry-after-capped' | null;
  /** What the API's `Retry-After` asked for, when the wait is a `Retry-After`. */
  askedMs?: number;
}

export interface SchedulerOptions {
  /** Rates learned by an earlier run (`learned()`): those endpoints start at them. */
  learned?: LearnedRate[];
  /** The clock (epoch ms) and timer, and the jitter source (tests). */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Ends every wait (and so every request waiting its turn). */
  signal?: AbortSignal;
  /** Epoch ms after which no request waits: those that would are refused ({@link SchedulerDeadlineError}). */
  deadline?: number;
  /** The longest `Retry-After` honoured (default 5 minutes); a longer one is waited this long, and said. */
  retryAfterCapMs?: number;
  /** The longest wait after a 429 without `Retry-After`, and the window rates are counted over (default 60 s). */
  backoffCapMs?: number;
  /**
   * Multiplies the default caps (60 s, 5 minutes) where `backoffCapMs` and `retryAfterCapMs` are
   * not given: `OPENAI_ADMIN_TIME_SCALE` (`timeScaleOf`, `cli/durations.ts`), for tests that treat "N per 6 s"
   * as "N a minute" (0.1). Default 1.
   */
  timeScale?: number;
  /** Called when a request is sent or answered, and when an endpoint starts waiting. */
  onChange?: () => void;
  /** Requests sent within any one second, all endpoints together, at most (default: no cap). */
  maxRequestsPerSecond?: number;
}

/** What a request that would have to wait past the scheduler's `deadline` is refused with. */
export class SchedulerDeadlineError extends Error {
  override name = 'SchedulerDeadlineError';
}

/** The share of the rate a 429 showed that an endpoint is then sent at. */
export const SAFETY = 0.9;
/** The slowest rate learned: a request every two minutes. */
export const FLOOR_PER_MINUTE = 0.5;
/** Windows without a 429 before an endpoint tries a faster rate. */
export const PROBE_AFTER_WINDOWS = 10;
/** How much faster it tries. */
export const PROBE_STEP = 1.1;
/** The first backoff without `Retry-After` is this share of the cap, doubling with each 429 in a row. */
const BACKOFF_BASE_SHARE = 1 / 32;
/** Waited past the moment a slot should free, for the clocks' and the network's differences: this share of the window, at least MARGIN_MS. */
const MARGIN_SHARE = 0.02;
const MARGIN_MS = 50;
const MINUTE = 60_000;
/** How many windows back a 429's rate is judged over, and the admitted sends are kept for. */
const HISTORY_WINDOWS = 8;
/** A `Retry-After` shorter than this still counts the rate over a second. */
const MIN_WINDOW_MS = 1000;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2_147_483_647;

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0)) throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
  return value;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/** Waits `ms` (in steps setTimeout accepts), or rejects when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    let timer: ReturnType<typeof setTimeout>;
    const stop = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const end = Date.now() + Math.max(0, ms);
    const arm = () => {
      const left = end - Date.now();
      if (left <= 0) {
        signal?.removeEventListener('abort', stop);
        resolve();
      } else timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    };
    signal?.addEventListener('abort', stop, { once: true });
    arm();
  });
}

interface Waiter {
  /** Its turn, with the send's place in the global cap's window (taken when the turn is given). */
  go: (stamp: { at: number }) => void;
  fail: (e: unknown) => void;
}

/** One endpoint's pace and queue. */
class Bucket {
  sent = 0;
  ok = 0;
  rateLimited = 0;
  /** The pace in requests a millisecond; null: not limited yet. */
  rate: number | null = null;
  /** What the last 429 showed the endpoint allows, in requests a millisecond. */
  limit: number | null = null;
  learnedAt = 0;
  /** Since when no 429 came (the last 429, the last faster try). */
  calmSince = 0;
  /** The earliest the next request may go. */
  nextAt = 0;
  pausedUntil = 0;
  waitReason: EndpointProgress['waitReason'] = null;
  askedMs: number | undefined;
  /** 429s in a row (the backoff's exponent). */
  failures = 0;
  /** The scheduler's send count when the last 429 was acted on: 429s to requests sent until then are of the same burst. */
  decided = 0;
  firstSentAt = Infinity;
  /** The window the last 429's rate was counted over. */
  window: number | undefined;
  /**
   * What the last 429 judged the rate by (when, over how many windows, the pace before it):
   * requests sent before it but answered after it were admitted all the same, and count then;
   * `rateBefore` is the pace before the run of 429s it ends.
   */
  burst: { at: number; windows: number; rateBefore: number | null } | null = null;
  /** When the requests the API admitted (any answer but a 429) were sent, oldest first. */
  admitted: number[] = [];
  queue: Waiter[] = [];
  pumping = false;
  constructor(
    readonly endpoint: string,
    readonly label: string,
  ) {}
}

export class Scheduler {
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #signal: AbortSignal | undefined;
  readonly #deadline: number | undefined;
  readonly #retryAfterCap: number;
  readonly #backoffCap: number;
  readonly #rps: number | undefined;
  /** Sends counted against `maxRequestsPerSecond`: `at` is when the answer came (Infinity while in flight). */
  #recent: { at: number }[] = [];
  /** Requests sent so far, all endpoints. */
  #serial = 0;
  readonly #watchers = new Set<() => void>();

  constructor(options: SchedulerOptions = {}) {
    this.#now = options.now ?? (() => Date.now());
    this.#sleep = options.sleep ?? sleep;
    this.#random = options.random ?? Math.random;
    this.#signal = options.signal;
    this.#deadline = options.deadline;
    const scale = positive(options.timeScale, 'timeScale') ?? 1;
    this.#retryAfterCap = positive(options.retryAfterCapMs, 'retryAfterCapMs') ?? 5 * MINUTE * scale;
    this.#backoffCap = positive(options.backoffCapMs, 'backoffCapMs') ?? MINUTE * scale;
    this.#rps = positive(options.maxRequestsPerSecond, 'maxRequestsPerSecond');
    if (options.onChange) this.#watchers.add(options.onChange);
    for (const l of options.learned ?? []) {
      if (typeof l?.endpoint !== 'string' || !(l.perMinute > 0) || !Number.isFinite(l.perMinute)) continue;
      const b = this.#bucket(l.endpoint);
      b.rate = Math.max(FLOOR_PER_MINUTE, l.perMinute) / MINUTE;
      b.limit = b.rate / SAFETY;
      b.learnedAt = Number.isFinite(l.at) ? l.at : this.#now();
      b.calmSince = this.#now();
    }
  }

  /** `'GET /organization/users/{user_id}/roles'`: the method and the operation table's route template, ids left out. */
  static endpointOf(method: string, url: string): string {
    return endpointOf(method, url);
  }

  /** Calls `fn` on every change (as `onChange`); returns what stops it. */
  watch(fn: () => void): () => void {
    this.#watchers.add(fn);
    return () => this.#watchers.delete(fn);
  }

  /** The rates learned so far, to give a later run (`new Scheduler({ learned })`). */
  learned(): LearnedRate[] {
    return [...this.#buckets.values()].filter((b) => b.rate !== null).map((b) => ({ endpoint: b.endpoint, perMinute: b.rate! * MINUTE, at: b.learnedAt }));
  }

  progress(): EndpointProgress[] {
    const now = this.#now();
    return [...this.#buckets.values()].map((b) => {
      const waitingMs = Math.max(0, b.pausedUntil - now);
      const reason = waitingMs > 0 ? b.waitReason : null;
      return {
        endpoint: b.endpoint,
        label: b.label,
        sent: b.sent,
        ok: b.ok,
        rateLimited: b.rateLimited,
        perMinute: b.rate === null ? null : b.rate * MINUTE,
        waitingMs,
        waitReason: reason,
        ...(reason && reason !== 'rate-limit' && b.askedMs !== undefined ? { askedMs: b.askedMs } : {}),
      };
    });
  }

  /** The time `remaining` more requests to `endpoint` take at its learned pace (and its wait); null while it is not limited. */
  etaMs(endpoint: string, remaining: number): number | null {
    const b = this.#buckets.get(endpoint);
    if (!b || b.rate === null) return null;
    if (remaining <= 0) return 0;
    const now = this.#now();
    const start = Math.max(0, b.pausedUntil - now, b.nextAt - now);
    return start + (remaining - 1) / b.rate;
  }

  /** `base` wrapped: each call waits its endpoint's turn, and a 429 is waited out and sent again. */
  fetch(base: FetchLike): FetchLike {
    return (input, init) => this.#send(base, input, init);
  }

  #bucket(endpoint: string): Bucket {
    let b = this.#buckets.get(endpoint);
    if (!b) this.#buckets.set(endpoint, (b = new Bucket(endpoint, endpointLabel(endpoint))));
    return b;
  }

  #changed(): void {
    for (const fn of this.#watchers) {
      try {
        fn();
      } catch {
        // A watcher's error is its own.
      }
    }
  }

  async #send(base: FetchLike, input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    const b = this.#bucket(endpointOf(method, url));
    const signal = init?.signal ?? undefined;
    // A Request's body is read by sending it: each attempt sends a copy.
    const pristine = input instanceof Request ? input.clone() : undefined;
    const again = replayable(input, init);
    for (let front = false; ; front = true) {
      const stamp = await this.#turn(b, signal, front);
      const sentAt = this.#now();
      const serial = ++this.#serial;
      b.firstSentAt = Math.min(b.firstSentAt, sentAt);
      b.sent++;
      this.#changed();
      let response: Response;
      try {
        response = await base(pristine ? pristine.clone() : input, init);
      } finally {
        stamp.at = this.#now();
      }
      if (response.status !== 429) {
        this.#admitted(b, sentAt, serial);
        if (response.ok) b.ok++;
        this.#changed();
        return response;
      }
      b.rateLimited++;
      await this.#limited(b, serial, response.headers);
      if (!again) return response;
      // Nothing of it is read: let the connection go.
      await response.body?.cancel().catch(() => {});
    }
  }

  /**
   * The request numbered `serial`, sent at `sentAt`, was answered with anything but a 429. One sent
   * before the last 429 but answered after it (a burst's answers come in any order) was admitted in
   * the window that 429 judged: the rate is counted again with it, and the pace raised to it (never
   * above the pace before the 429).
   */
  #admitted(b: Bucket, sentAt: number, serial: number): void {
    let at = b.admitted.length;
    while (at > 0 && b.admitted[at - 1]! > sentAt) at--;
    b.admitted.splice(at, 0, sentAt);
    if (b.admitted.length > 4096) b.admitted = b.admitted.slice(-2048);
    if (serial > b.decided) {
      b.failures = 0;
      return;
    }
    if (b.burst === null || b.window === undefined) return;
    const seen = this.#seenRate(b, b.window, b.burst.at, b.burst.windows);
    if (seen === null || (b.limit !== null && b.limit >= seen)) return;
    b.limit = seen;
    b.rate = Math.max(FLOOR_PER_MINUTE / MINUTE, Math.min(b.burst.rateBefore ?? Infinity, SAFETY * seen));
  }

  /** A 429 to the request numbered `serial`: learns the rate and pauses the endpoint (once per burst). */
  async #limited(b: Bucket, serial: number, headers: Headers): Promise<void> {
    const asked = await retryAfterAsked(headers, this.#now());
    const now = this.#now();
    // Requests sent before the last 429 was acted on were answered for the same burst.
    if (serial <= b.decided) return;
    b.decided = this.#serial;
    b.failures++;
    const window = asked === null ? this.#backoffCap : Math.max(asked, MIN_WINDOW_MS);
    const keep = HISTORY_WINDOWS * Math.max(window, this.#backoffCap);
    b.admitted = b.admitted.filter((t) => t > now - keep);
    // A Retry-After says the window; without one, the window may be longer than assumed.
    const windows = asked === null ? HISTORY_WINDOWS : 1;
    const seen = this.#seenRate(b, window, now, windows);
    b.window = window;
    // The pace before this run of 429s: one 429 after another may each have judged too few.
    const rateBefore = b.burst !== null && b.failures > 1 ? b.burst.rateBefore : b.rate;
    b.burst = { at: now, windows, rateBefore };
    if (seen !== null) {
      b.limit = seen;
      b.rate = Math.max(FLOOR_PER_MINUTE / MINUTE, Math.min(b.rate ?? Infinity, SAFETY * seen));
      b.learnedAt = now;
    }
    b.calmSince = now;
    let wait: number;
    if (asked !== null) {
      wait = Math.min(asked, this.#retryAfterCap);
      b.waitReason = asked > this.#retryAfterCap ? 'retry-after-capped' : 'retry-after';
      b.askedMs = asked;
    } else {
      // Exponential and jittered, from a step of the endpoint's pace (or a share of the cap)...
      const step = Math.max(this.#backoffCap * BACKOFF_BASE_SHARE, b.rate === null ? 0 : 1 / b.rate);
      const backoff = Math.min(this.#backoffCap, step * 2 ** (b.failures - 1)) * (0.5 + 0.5 * this.#random());
      // ...and not before the oldest request the API admitted within the window leaves it.
      const oldest = b.admitted.find((t) => t > now - window);
      const slot = oldest === undefined ? 0 : oldest + window - now + Math.max(MARGIN_MS, window * MARGIN_SHARE);
      wait = Math.max(backoff, slot);
      b.waitReason = 'rate-limit';
      b.askedMs = undefined;
    }
    b.pausedUntil = Math.max(b.pausedUntil, now + wait);
    b.nextAt = Math.max(b.nextAt, b.pausedUntil);
    this.#changed();
  }

  /**
   * The rate the endpoint admitted requests at before a 429, in requests a ms: the fewest over the
   * last 1, 2, 4 … `windows` windows that its history covers and that admitted any (a window with
   * none says nothing: the 429 may be the first after a pause). Null when none did.
   */
  #seenRate(b: Bucket, window: number, now: number, windows: number): number | null {
    let seen: number | null = null;
    for (let k = 1; k <= windows; k *= 2) {
      const span = k * window;
      if (k > 1 && span > now - b.firstSentAt) break;
      const n = b.admitted.filter((t) => t > now - span && t <= now).length;
      if (n > 0) seen = Math.min(seen ?? Infinity, n / span);
    }
    return seen;
  }

  /** Resolves when it is this request's turn at its endpoint (`front`: before those waiting). */
  #turn(b: Bucket, signal: AbortSignal | undefined, front: boolean): Promise<{ at: number }> {
    return new Promise<{ at: number }>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const stop = () => {
        b.queue = b.queue.filter((w) => w !== waiter);
        reject(abortReason(signal!));
      };
      const waiter: Waiter = {
        go: (stamp) => {
          signal?.removeEventListener('abort', stop);
          resolve(stamp);
        },
        fail: (e) => {
          signal?.removeEventListener('abort', stop);
          reject(e);
        },
      };
      signal?.addEventListener('abort', stop, { once: true });
      if (front) b.queue.unshift(waiter);
      else b.queue.push(waiter);
      void this.#pump(b);
    });
  }

  /** Hands the endpoint's turns out in order, each when its pace, its pause and the global cap allow. */
  async #pump(b: Bucket): Promise<void> {
    if (b.pumping) return;
    b.pumping = true;
    try {
      while (b.queue.length > 0) {
        const now = this.#now();
        this.#probe(b, now);
        const at = Math.max(b.nextAt, b.pausedUntil, this.#capAt(now));
        if (at <= now) {
          const waiter = b.queue.shift()!;
          b.nextAt = now + (b.rate === null ? 0 : 1 / b.rate);
          // The global cap counts the send from now: every endpoint's pump checks the same list, so
          // the place is taken here, not when the request goes out a microtask later.
          const stamp = { at: Infinity };
          if (this.#rps !== undefined) this.#recent.push(stamp);
          waiter.go(stamp);
          await Promise.resolve();
          continue;
        }
        if (this.#deadline !== undefined && at > this.#deadline) {
          const error = new SchedulerDeadlineError(`${b.label}: the API allows the next request in ${Math.ceil((at - now) / 1000)} s, after the deadline`);
          for (const w of b.queue.splice(0)) w.fail(error);
          break;
        }
        try {
          await this.#sleep(at === Infinity ? 10 : at - now, this.#signal);
        } catch (e) {
          for (const w of b.queue.splice(0)) w.fail(e);
          break;
        }
      }
    } finally {
      b.pumping = false;
    }
  }

  /** After enough calm windows with requests waiting, the endpoint tries a faster rate. */
  #probe(b: Bucket, now: number): void {
    if (b.rate === null || b.limit === null || now < b.pausedUntil) return;
    if (now - b.calmSince < PROBE_AFTER_WINDOWS * (b.window ?? this.#backoffCap)) return;
    b.limit *= PROBE_STEP;
    b.rate = SAFETY * b.limit;
    b.burst = null;
    b.calmSince = now;
    b.learnedAt = now;
  }

  /** When `maxRequestsPerSecond` allows the next request (a request counts until a second after its answer). */
  #capAt(now: number): number {
    if (this.#rps === undefined) return 0;
    this.#recent = this.#recent.filter((s) => now - s.at < 1000);
    const allowed = Math.max(1, Math.floor(this.#rps));
    if (this.#recent.length < allowed) return 0;
    return this.#recent[this.#recent.length - allowed]!.at + 1000;
  }
}

/** Whether a request can be sent again as it is: true unless its body is a stream (read once). */
function replayable(input: string | URL | Request, init?: RequestInit): boolean {
  const body = init?.body ?? null;
  if (body !== null && typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) return false;
  return input instanceof Request ? !input.bodyUsed : true;
}
