/**
 * The transport the generated resources call: each request sent as the official `makeRequest`
 * sends it, under the timeout and the caller's signal, and retried. The wasm core builds each
 * request, reads each answer, and decides each retry.
 */
import { APIPromise, type Answer } from './api-promise.js';
import * as Errors from './errors.js';
import { isNode } from './env.js';
import { mergeHeaders, namesAuth, type MergedHeaders } from './headers.js';
import * as wasm from '../wasm/openai_admin_wasm.js';
import type { Prepared } from '../wasm/openai_admin_wasm.js';
import { ensureLoaded, loaded } from './loader.js';
import { logFn } from './log.js';
import {
  callOptions,
  NO_AUTH,
  optionsInQueryPosition,
  type CallOptions,
  type ClientOptions,
  type ClientState,
  type Fetch,
  type RequestOptions,
  type TransportOptions,
} from './options.js';
import { requestWithNextCursor, type LastPageRequest } from './page-cache.js';
import { PagePromise, type AbstractPage, type PageFetcher, type PageRequestOptions } from './pagination.js';

/** The page class of a list (`NextCursorPage` or `ConversationCursorPage`), which decides its next page. */
export type PageClass = new (fetch: PageFetcher, response: Response, body: any, options: PageRequestOptions) => AbstractPage<any>;

/** What one call resolves to. */
interface CallResult {
  data?: unknown;
  response: Response;
  drift?: ReadonlyArray<string>;
  /** For a raw answer (a 2xx whose body was left unread): reads the result from it when asked. */
  read?: () => Promise<unknown>;
}

/** How an attempt ended without an answer. */
export type NoAnswer = { kind: 'timeout' | 'connection'; message: string; cause: unknown };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as any).then === 'function';
}

function abortError(signal: AbortSignal): Errors.APIUserAbortError {
  return Object.defineProperty(new Errors.APIUserAbortError(), 'cause', { value: signal.reason, writable: true, configurable: true });
}

/**
 * With `responseDrift: 'warn'`, how many items of each list the sampled answer compares with the
 * spec (the items of one list share their shape; the rest are still read). `'error'` compares all.
 */
const DRIFT_SAMPLE_ITEMS = 100;

/**
 * How long Node's built-in `fetch` (undici, default dispatcher) waits for a response's headers,
 * and between two parts of its body, before it fails the request: undici's `headersTimeout` and
 * `bodyTimeout`, 300 s.
 */
const NODE_FETCH_LIMIT_MS = 300_000;

/** A thrown value as text: its `message` when it has one. */
function describe(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : typeof error === 'string' ? error : 'fetch failed';
}

/** `JSON.parse(text)` when it is a JSON object; `undefined` otherwise (the core then says why). */
function parseObject(text: string): object | undefined {
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** A response and its whole body as text, unless the caller wants the raw response of a 2xx. */
function readBody(response: Response, raw: boolean): { response: Response; text?: string } | undefined | Promise<{ response: Response; text: string }> {
  if (typeof response?.status !== 'number' || typeof response.text !== 'function') return undefined;
  if (raw && response.status >= 200 && response.status < 300) return { response };
  return response.text().then((text) => ({ response, text }));
}

/** The core's decision on retrying a failed answer, from its status and headers (-1: no retry). */
function retryDelayOf(response: Response, retriesDone: number): number {
  const h = response.headers;
  return wasm.retryDelay(response.status, retriesDone, h.get('x-should-retry'), h.get('retry-after-ms'), h.get('retry-after'));
}

/** The error description of an attempt that got no answer, after its last retry. */
function connectionError(attempt: NoAnswer, message: string): object {
  return { name: attempt.kind === 'timeout' ? 'APIConnectionTimeoutError' : 'APIConnectionError', message, cause: attempt.cause };
}

/** Waits `ms`, or less if `signal` aborts first (a server may ask for up to a minute). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}

/**
 * One attempt of a request (`customFetch`, else the global `fetch`), under the call's timeout and
 * the caller's signal: the response, and its whole
 * body as text unless the caller wants the raw response of a 2xx.
 *
 * The request carries a signal of its own, aborted by the caller's signal or by the timer, as in
 * the official SDK, except in one case: Node's own `fetch`, with no caller's signal, no
 * `dispatcher`, and a timeout of at least {@link NODE_FETCH_LIMIT_MS}. There a signal costs more
 * than the rest of the client's work for the request (ARCHITECTURE.md), and Node's fetch already
 * ends a request that waits that long for its headers or for more of its body; the timer then
 * ends the attempt on time, and the abandoned request finishes unread in the background, with a
 * connection of its own (Node's default pool has no per-origin limit).
 */
export async function fetchAttempt(
  customFetch: Fetch | undefined,
  url: string,
  init: RequestInit,
  timeout: number,
  signal: AbortSignal | undefined,
  raw: boolean,
): Promise<{ response: Response; text?: string } | NoAnswer> {
  if (signal?.aborted) throw abortError(signal);
  const controller = signal || !nodeBoundsRequests(customFetch, init, timeout) ? new AbortController() : undefined;
  const forward = () => controller?.abort();
  signal?.addEventListener('abort', forward);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller?.abort();
      resolve('timeout');
    }, timeout);
  });
  const fetchFn = customFetch ?? fetch;
  // A `fetch` that throws, or returns a plain value, is read as the official SDK's `await` reads it.
  const exchange = new Promise<Response>((resolve) => resolve(fetchFn.call(undefined, url, controller ? { ...init, signal: controller.signal } : init))).then((response) =>
    readBody(response, raw),
  );
  try {
    const result = await Promise.race([exchange, expired]);
    if (result === 'timeout') {
      // The request goes on unread; whatever becomes of it is nobody's error.
      exchange.catch(() => {});
      return { kind: 'timeout', message: 'Request timed out.', cause: undefined };
    }
    return result ?? { kind: 'connection', message: '`fetch` did not resolve to a Response', cause: undefined };
  } catch (cause) {
    if (signal?.aborted) throw abortError(signal);
    return controller?.signal.aborted
      ? { kind: 'timeout', message: 'Request timed out.', cause }
      : { kind: 'connection', message: describe(cause), cause };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

/** Whether Node's built-in `fetch` with its default dispatcher bounds a request of this attempt (see {@link fetchAttempt}). */
function nodeBoundsRequests(customFetch: Fetch | undefined, init: RequestInit, timeout: number): boolean {
  return timeout >= NODE_FETCH_LIMIT_MS && customFetch === undefined && isNode && !('dispatcher' in init);
}


/**
 * Sends the operations of the table, as the official client's `makeRequest` does: the wasm core
 * checks and builds each request and reads each answer; this class merges the headers, calls
 * `fetch(url, init)` under the timeout and the caller's signal, and retries as the core decides.
 * One per client; the generated resource classes call {@link request} and {@link list}.
 */
export class Transport {
  readonly #client: ClientState;
  readonly #resolved: TransportOptions;
  /** `defaultHeaders` merged once (the client-level part; Authorization and org/project are added per snapshot). */
  readonly #defaultHeaders: MergedHeaders;
  /** The `defaultQuery` as `prepare` reads it, or nothing when there is none. */
  readonly #defaultQuery: Record<string, unknown> | undefined;
  /** The client-level headers for the client's current organization, project and key. */
  #headers: { organization: string | null; project: string | null; key: string | null; merged: MergedHeaders; auth: boolean } | null = null;
  /** Operations whose first answer was checked for drift (mode 'warn'). */
  readonly #checked = new Set<string>();
  /** Drift lines already logged (`op: message`). */
  readonly #logged = new Set<string>();

  constructor(client: ClientState, resolved: TransportOptions) {
    this.#client = client;
    this.#resolved = resolved;
    this.#defaultHeaders = mergeHeaders(new Map(), resolved.defaultHeaders);
    this.#defaultQuery = resolved.defaultQuery as Record<string, unknown> | undefined;
  }

  /** @internal The options `withOptions` carries over that the client has no field for. */
  optionsForCopy(): Partial<ClientOptions> {
    const r = this.#resolved;
    return {
      fetch: r.fetch,
      defaultHeaders: r.defaultHeaders,
      defaultQuery: r.defaultQuery,
      responseDrift: r.responseDrift,
      dangerouslyAllowBrowser: r.dangerouslyAllowBrowser,
    };
  }

  /** A log function at `level`, through the client's current logger and level; the key is scrubbed. */
  log(level: 'error' | 'warn' | 'info' | 'debug', message: string): void {
    const key = this.#client.adminAPIKey;
    const scrub = (s: string) => (key && s.includes(key) ? s.split(key).join('***') : s);
    logFn(this.#client.logger, this.#client.logLevel ?? 'off', level, scrub)(message);
  }

  /** The client-level headers, merged again only when the organization, project or key was reassigned. */
  #clientHeaders(): { merged: MergedHeaders; auth: boolean } {
    const c = this.#client;
    const h = this.#headers;
    if (h && h.organization === c.organization && h.project === c.project && h.key === c.adminAPIKey) return h;
    const key = c.adminAPIKey;
    // The official order: organization and project, then authentication, then defaultHeaders.
    const merged = mergeHeaders(
      new Map(),
      { 'OpenAI-Organization': c.organization, 'OpenAI-Project': c.project },
      key ? { Authorization: `Bearer ${key}` } : null,
    );
    for (const [name, value] of this.#defaultHeaders) merged.set(name, value);
    this.#headers = { organization: c.organization, project: c.project, key, merged, auth: namesAuth(merged) };
    return this.#headers;
  }


  /** Whether to check this answer for drift, by the client's mode. */
  #shouldCheck(op: string): boolean {
    const mode = this.#resolved.responseDrift;
    return mode === 'error' || (mode === 'warn' && !this.#checked.has(op));
  }

  /** Runs one call: options resolved and checked, the request built by the core, sent and retried, drift reported. */
  async #run(op: string, list: boolean, id: string | undefined, params: unknown, optionsIn: unknown, raw: boolean, lastPage?: LastPageRequest): Promise<CallResult> {
    try {
      const options = (isThenable(optionsIn) ? await optionsIn : optionsIn) as RequestOptions | undefined;
      const check = !raw && this.#shouldCheck(op);
      const call = callOptions(this.#client, this.#defaultQuery, options);
      if (call.signal?.aborted) throw abortError(call.signal);
      if (!loaded) await ensureLoaded();
      const client = this.#clientHeaders();
      // The official SDK refuses a request with no credentials unless the headers name them.
      if (!client.auth && !(call.headers && namesAuth(call.headers))) throw new Errors.OpenAIError(NO_AUTH);
      let prepared = lastPage && requestWithNextCursor(lastPage, params);
      if (prepared === undefined) {
        prepared = wasm.prepare(op, id, params, call.overrides);
        // With the request option `query`, the request is not built from `params`.
        if (lastPage) lastPage.prepared = options?.query === undefined ? prepared : undefined;
      }
      // A copy: the first page's query is the caller's own object, which the caller may change
      // before asking for the next page (the official page reads it again then).
      if (lastPage) lastPage.query = typeof params === 'object' && params !== null ? { ...params } : undefined;
      const answer = await this.#send(op, list, prepared, call, client.merged, raw, check);
      if (raw) answer.read = () => this.#readLater(op, list, answer.response);
      if (check) this.#report(op, answer);
      return answer;
    } catch (reason) {
      throw Errors.toError(reason);
    }
  }

  /**
   * The result of a 2xx answer whose body a raw call left unread, read as any other (checks, drift):
   * from a copy, so the caller's `Response` keeps its body; from the response itself once the caller
   * has read it (which then fails, as the official SDK's parse does).
   */
  async #readLater(op: string, list: boolean, response: Response): Promise<unknown> {
    try {
      const text = await (response.bodyUsed || typeof response.clone !== 'function' ? response : response.clone()).text();
      const check = this.#shouldCheck(op);
      const answer = this.#read(op, list, check, response, text);
      if (check) this.#report(op, answer);
      return answer.data;
    } catch (reason) {
      throw Errors.toError(reason);
    }
  }

  /** Sends a prepared request, retrying as the core decides; reads the answer unless `raw`. */
  async #send(op: string, list: boolean, prepared: Prepared, call: CallOptions, clientHeaders: MergedHeaders, raw: boolean, check: boolean): Promise<CallResult> {
    // The loop alone awaits; what each step does is in plain functions, so that the engine
    // compiles a small function here (list-all runs it once per page).
    const url = call.baseURL.replace(/\/+$/, '') + prepared.path;
    const init = this.#init(prepared, call, clientHeaders);
    const signal = call.signal;
    for (let retriesDone = 0; ; retriesDone++) {
      const retriesLeft = Math.max(call.maxRetries - retriesDone, 0);
      const attempt = await fetchAttempt(this.#resolved.fetch, url, init, call.timeout, signal, raw);
      if ('kind' in attempt) {
        // Connection errors and timeouts are retried like a 5xx, as the official SDK does with
        // anything its `fetch` throws.
        const failure = attempt.kind === 'timeout' ? 'Request timed out.' : `Connection error: ${attempt.message}`;
        if (retriesLeft === 0) throw connectionError(attempt, failure);
        await this.#wait(op, failure, wasm.retryDelay(0, retriesDone, null, null, null), retriesLeft, signal);
        continue;
      }
      const { response, text } = attempt;
      const status = response.status;
      if (status >= 200 && status < 300) return this.#read(op, list, check, response, text);
      const delay = retriesLeft > 0 ? retryDelayOf(response, retriesDone) : -1;
      if (delay < 0) throw { ...wasm.apiError(status, response.headers.get('x-request-id'), text ?? ''), headers: response.headers };
      await this.#wait(op, String(status), delay, retriesLeft, signal);
    }
  }

  /**
   * The `init` of every attempt of a request: `Accept`, `Content-Type` when there is a body, the
   * client's headers, then the call's; as the official SDK builds it, its own fields, then the
   * client's and the call's `fetchOptions`, the method (upper-cased) last.
   */
  #init(prepared: Prepared, call: CallOptions, clientHeaders: MergedHeaders): RequestInit & Record<string, unknown> {
    const merged: MergedHeaders = new Map([['accept', 'application/json']]);
    if (prepared.body !== undefined) merged.set('content-type', 'application/json');
    for (const source of [clientHeaders, call.headers]) if (source) for (const [name, value] of source) merged.set(name, value);
    const headers = new Headers();
    for (const [name, value] of merged) if (value !== null) headers.set(name, value);
    const init: RequestInit & Record<string, unknown> = { method: prepared.method, headers };
    if (prepared.body !== undefined) init.body = prepared.body;
    if (this.#resolved.fetchOptions) Object.assign(init, this.#resolved.fetchOptions);
    if (call.fetchOptions) Object.assign(init, call.fetchOptions);
    init.method = typeof init.method === 'string' ? init.method.toUpperCase() : prepared.method;
    return init;
  }

  /** Reads a 2xx answer (`text` is `undefined` when the caller wants the raw response). */
  #read(op: string, list: boolean, check: boolean, response: Response, text: string | undefined): CallResult {
    if (text === undefined) return { response };
    const status = response.status;
    const requestID = response.headers.get('x-request-id');
    try {
      // A JSON object that is not sampled for drift is parsed here, and the core checks only a
      // page's envelope; the core reads everything else (sampled answers, and bodies that are
      // not a JSON object, to say why).
      const data = check ? undefined : parseObject(text);
      if (data !== undefined) {
        if (list) wasm.checkPage(op, data, status, requestID);
        return { response, data };
      }
      const sample = this.#resolved.responseDrift === 'warn' ? DRIFT_SAMPLE_ITEMS : undefined;
      return { response, ...wasm.parseAnswer(op, text, status, requestID, check, sample) };
    } catch (reason) {
      throw typeof reason === 'object' && reason !== null ? { ...reason, headers: response.headers } : reason;
    }
  }

  /** Logs why the call is retried (the failure: an error or a status), then waits `ms`. */
  async #wait(op: string, failure: string, ms: number, retriesLeft: number, signal: AbortSignal | undefined): Promise<void> {
    this.log('info', `${op}: ${failure} - retrying in ${Math.floor(ms)} ms, ${retriesLeft} attempts remaining`);
    await sleep(ms, signal);
  }

  /** Logs (mode 'warn') or throws (mode 'error') the drift of a checked answer. */
  #report(op: string, answer: CallResult): void {
    const drift = answer.drift ?? [];
    if (this.#resolved.responseDrift === 'error') {
      if (drift.length) throw new Errors.ResponseDriftError(op, drift, answer.response, answer.data);
      return;
    }
    this.#checked.add(op);
    for (const message of drift) {
      const line = message.startsWith(`${op}: `) ? message : `${op}: ${message}`;
      if (this.#logged.has(line)) continue;
      this.#logged.add(line);
      this.log('warn', line);
    }
  }

  /** One operation that answers one object: the official `APIPromise`. */
  request<R>(op: string, id: string | undefined, params: unknown, options: RequestOptions | undefined): APIPromise<R> {
    return new APIPromise<R>(async (raw) => {
      const answer = await this.#run(op, false, id, params, options, raw);
      const { response, read } = answer;
      if (read) return { response, read: () => read().then((data) => (addRequestID(data, response), data)) } as Answer<any>;
      addRequestID(answer.data, response);
      return answer as Answer<any>;
    });
  }

  /**
   * One list operation: the official `PagePromise`, iterable over every item of every page. `Page`
   * and `queryKeys` (the keys of the list's query) come from the operation's row, through the
   * generated resource method; `null` for a list whose params object also holds a path parameter,
   * from which the official method reads no request options.
   */
  list<P extends AbstractPage<I>, I = unknown>(op: string, id: string | undefined, params: unknown, options: RequestOptions | undefined, Page: PageClass, queryKeys: string[] | null): PagePromise<P, I> {
    let query = params;
    const moved = queryKeys === null ? undefined : optionsInQueryPosition(params, queryKeys, options);
    if (moved !== undefined) {
      options = moved as RequestOptions;
      query = {};
    }
    return this.#page<P, I>(op, Page, id, query ?? {}, options, {});
  }

  #page<P extends AbstractPage<I>, I>(op: string, Page: PageClass, id: string | undefined, query: unknown, options: RequestOptions | undefined, lastPage: LastPageRequest): PagePromise<P, I> {
    return new PagePromise<P, I>(async (raw) => {
      const resolved = (isThenable(options) ? await options : options) as RequestOptions | undefined;
      const answer = await this.#run(op, true, id, query, resolved, raw, lastPage);
      const { response, read } = answer;
      const pageOf = (data: unknown) => {
        addRequestID(data, response);
        const { query: queryOverride, ...rest } = resolved ?? {};
        const pageOptions: PageRequestOptions = { method: 'get', query: (queryOverride ?? query) as object, ...rest };
        // The next page: the same call with the page's query and the same options.
        const next: PageFetcher = (nextQuery) => this.#page(op, Page, id, nextQuery, rest as RequestOptions, lastPage);
        return new Page(next, response, (data ?? {}) as any, pageOptions);
      };
      if (read) return { response, read: () => read().then(pageOf) } as Answer<any>;
      return { response, data: pageOf(answer.data) } as Answer<any>;
    });
  }
}

/** The official `addRequestID`: a non-enumerable `_request_id` on an object result. */
function addRequestID(value: unknown, response: Response): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  // The core may have set it already.
  if (Object.prototype.hasOwnProperty.call(value, '_request_id')) return;
  Object.defineProperty(value, '_request_id', { value: response.headers.get('x-request-id'), enumerable: false });
}
