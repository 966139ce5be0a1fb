/**
 * The client's plumbing in TypeScript: the official `ClientOptions` resolved synchronously (the
 * same in Node, browsers and workers, before and after the wasm has loaded), the headers built as
 * the official SDK merges them, request options normalized, and the {@link Transport} that the
 * generated resource classes (`resources.ts`) call, which sends each request and retries it. The
 * wasm core checks and builds each request, reads each answer, and decides each retry.
 */
// Typed by the declarations the core's bindings carry (`src/wasm/contract.rs`).
import * as wasm from '../wasm/openai_admin_wasm.js';
import type { Prepared, RequestOverrides } from '../wasm/openai_admin_wasm.js';
import { APIPromise, type Answer } from './api-promise.js';
import * as Errors from './errors.js';
import { isLogLevel, logFn, type Logger, type LogLevel } from './log.js';
import {
  ConversationCursorPage,
  NextCursorPage,
  PagePromise,
  type AbstractPage,
  type PageFetcher,
  type PageRequestOptions,
} from './pagination.js';

// ---------------------------------------------------------------------------------------------
// Types of the official SDK's options
// ---------------------------------------------------------------------------------------------

export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type HeaderValue = string | undefined | null;
/** Headers as the official SDK takes them: a `Headers`, an array of pairs or a record; `null` removes one. */
export type HeadersLike = Headers | readonly HeaderValue[][] | Record<string, HeaderValue | readonly HeaderValue[]> | undefined | null;
/** The `fetch` the official SDK calls: `fetch(url, init)`. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
/** `RequestInit` fields merged into every `fetch` call (`body`, `headers`, `method`, `signal` are the client's). */
export type MergedRequestInit = Omit<RequestInit, 'body' | 'headers' | 'method' | 'signal'> & {
  dispatcher?: unknown;
} & Partial<Record<'body' | 'headers' | 'method' | 'signal', never>>;
export type ApiKeySetter = () => Promise<string>;
export type { Logger, LogLevel };

/** How the client handles an answer that differs from the API's schema (this package's extension). */
export type ResponseDriftMode = 'warn' | 'error' | 'off';

/** The options of `new OpenAIAdmin(options)`: the official SDK's `ClientOptions`, plus `responseDrift`. */
export interface ClientOptions {
  /** Accepted as in the official SDK (default `OPENAI_API_KEY`); the admin endpoints use `adminAPIKey` only. */
  apiKey?: string | ApiKeySetter | null | undefined;
  /** The admin key, sent as `Authorization: Bearer …`. Default: `process.env.OPENAI_ADMIN_KEY` (Node). */
  adminAPIKey?: string | null | undefined;
  /** Sent as `OpenAI-Organization`. Default: `process.env.OPENAI_ORG_ID`. */
  organization?: string | null | undefined;
  /** Sent as `OpenAI-Project`. Default: `process.env.OPENAI_PROJECT_ID`. */
  project?: string | null | undefined;
  /** Accepted and kept (`client.webhookSecret`); unused by these endpoints. Default: `OPENAI_WEBHOOK_SECRET`. */
  webhookSecret?: string | null | undefined;
  /** Default: `process.env.OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  baseURL?: string | null | undefined;
  /** Milliseconds before one attempt times out. Default 600000 (10 minutes). */
  timeout?: number | undefined;
  /** Merged into the `init` of every `fetch` call (e.g. `{ dispatcher }`, `{ credentials: 'include' }`). */
  fetchOptions?: MergedRequestInit | undefined;
  /** Replaces the global `fetch`; called as `fetch(url, init)`. */
  fetch?: Fetch | undefined;
  /** Retries of a failed attempt (connection errors, timeouts, 408, 409, 429, 5xx). Default 2. */
  maxRetries?: number | undefined;
  /** Headers of every request; a `null` value removes one (e.g. `Authorization`). */
  defaultHeaders?: HeadersLike | undefined;
  /** Query parameters of every request. */
  defaultQuery?: Record<string, string | undefined> | undefined;
  /** Allows a key in a browser-like environment. Default `false`. */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Default `process.env.OPENAI_LOG`, else `'warn'`. */
  logLevel?: LogLevel | undefined;
  /** Where log lines go. Default `console`. */
  logger?: Logger | undefined;
  /**
   * This package's extension. Answers that differ from the API's published schema (a required
   * field missing, an unknown field, an enum value outside the spec, a wrong type) are:
   * - `'warn'` (default): checked on the first answer of each operation per client (the first 100
   *   items of a list); each difference is logged once at `warn`
   *   (`groups.list: data[].group_type is missing (the spec requires it)`);
   * - `'error'`: checked on every answer; a difference rejects with `ResponseDriftError`;
   * - `'off'`: never checked.
   * The answer always reaches the caller as the API sent it (except with `'error'`).
   */
  responseDrift?: ResponseDriftMode | undefined;
}

/** Options of a single call, as in the official SDK. */
export type RequestOptions = {
  /** Overrides the operation's HTTP method. */
  method?: HTTPMethod;
  /** Overrides the operation's path (relative to `baseURL`, or an absolute URL). */
  path?: string;
  /** Replaces the query parameters. */
  query?: object | undefined | null;
  /** Replaces the JSON body. */
  body?: unknown;
  /** Extra headers; `null` removes a default one. */
  headers?: HeadersLike;
  /** Retries after a failed attempt; overrides the client's `maxRetries`. */
  maxRetries?: number;
  /** Not used by these endpoints (accepted as in the official SDK). */
  stream?: boolean | undefined;
  /** Milliseconds before an attempt times out; overrides the client's `timeout`. */
  timeout?: number;
  /** Merged into this call's `fetch` init, after the client's `fetchOptions`. */
  fetchOptions?: MergedRequestInit;
  /** Aborts the call; it then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined | null;
  /** Passed on to the core (the official SDK sends no idempotency header for these endpoints either). */
  idempotencyKey?: string;
  /** Used instead of `https://api.openai.com/v1` when the client's `baseURL` is the default. */
  defaultBaseURL?: string | undefined;
};

/** Keys of the official `RequestOptions`, internal ones included. */
const requestOptionKeys = new Set([
  'method', 'path', 'query', 'body', 'headers', 'maxRetries', 'stream', 'timeout', 'httpAgent', 'fetchOptions',
  'signal', 'idempotencyKey', 'defaultBaseURL', '__metadata', '__binaryRequest', '__binaryResponse',
  '__streamClass', '__streamMode', '__security', '__synthesizeEventData',
]);
type RequestOptionKey =
  | 'method' | 'path' | 'query' | 'body' | 'headers' | 'maxRetries' | 'stream' | 'timeout' | 'httpAgent' | 'fetchOptions'
  | 'signal' | 'idempotencyKey' | 'defaultBaseURL' | '__metadata' | '__binaryRequest' | '__binaryResponse'
  | '__streamClass' | '__streamMode' | '__security' | '__synthesizeEventData';

/** The query argument of a list, as the official `.d.ts` types it (request-option keys excluded). */
export type QueryParams<T> = (T & ({ [K in RequestOptionKey]?: never } | null | undefined)) | null | undefined;
/** Request options in the query position of a list (the official second overload). */
export type OptionsOnly = { [K in 'headers' | 'maxRetries' | 'timeout' | 'signal' | 'idempotencyKey' | 'query']?: RequestOptions[K] } & {
  [K in Exclude<RequestOptionKey, 'headers' | 'maxRetries' | 'timeout' | 'signal' | 'idempotencyKey' | 'query'>]?: never;
};

// ---------------------------------------------------------------------------------------------
// Headers, merged as the official SDK merges them
// ---------------------------------------------------------------------------------------------

const httpToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Lower-case names to a value or `null` (removed); later sources win, arrays append. */
export type MergedHeaders = Map<string, string | null>;

function* entriesOf(headers: HeadersLike): Iterable<readonly [string, HeaderValue | readonly HeaderValue[]]> {
  if (!headers) return;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    yield* headers.entries();
    return;
  }
  if (Array.isArray(headers)) {
    for (const row of headers as readonly HeaderValue[][]) yield [row[0] as string, row[1]];
    return;
  }
  if (typeof headers === 'object' && typeof (headers as any)[Symbol.iterator] === 'function') {
    for (const row of headers as any as Iterable<[string, string]>) yield [row[0], row[1]];
    return;
  }
  yield* Object.entries(headers as Record<string, HeaderValue | readonly HeaderValue[]>);
}

/** Merges header sources in order into `into`; `null` removes (and remembers the removal). */
export function mergeHeaders(into: MergedHeaders, ...sources: HeadersLike[]): MergedHeaders {
  for (const source of sources) {
    const seen = new Set<string>();
    for (const [name, raw] of entriesOf(source)) {
      if (typeof name !== 'string') throw new TypeError('expected header name to be a string');
      if (!httpToken.test(name)) throw new TypeError(`Header name must be a valid HTTP token ["${name}"]`);
      const lower = name.toLowerCase();
      const values = Array.isArray(raw) ? (raw as readonly HeaderValue[]) : [raw as HeaderValue];
      for (const value of values) {
        if (value === undefined) continue;
        if (value === null) {
          into.set(lower, null);
        } else {
          const prev = into.get(lower);
          into.set(lower, seen.has(lower) && typeof prev === 'string' ? `${prev}, ${value}` : String(value));
        }
        seen.add(lower);
      }
    }
  }
  return into;
}

// ---------------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------------

/** An environment variable (trimmed; empty is none), in Node and Deno; `undefined` elsewhere. */
export function readEnv(name: string): string | undefined {
  try {
    const g = globalThis as any;
    if (typeof g.process !== 'undefined') return g.process.env?.[name]?.trim() || undefined;
    if (typeof g.Deno !== 'undefined') return g.Deno.env?.get?.(name)?.trim() || undefined;
  } catch {}
  return undefined;
}

/** The official SDK's test: a browser page or a browser worker (not Node, Deno, Bun, edge runtimes). */
export function isBrowserLike(): boolean {
  const g = globalThis as any;
  if (typeof g.window !== 'undefined' && typeof g.window.document !== 'undefined' && typeof g.navigator !== 'undefined') {
    return true;
  }
  return (
    typeof g.WorkerGlobalScope === 'function' &&
    g instanceof g.WorkerGlobalScope &&
    typeof g.WorkerNavigator === 'function' &&
    g.navigator instanceof g.WorkerNavigator &&
    typeof g.navigator?.userAgent === 'string' &&
    g.navigator.userAgent !== 'Cloudflare-Workers' &&
    g.process?.versions?.node === undefined &&
    g.Deno === undefined &&
    g.Bun === undefined &&
    g.EdgeRuntime === undefined &&
    g.WebSocketPair === undefined
  );
}

// ---------------------------------------------------------------------------------------------
// Client options, resolved
// ---------------------------------------------------------------------------------------------

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_TIMEOUT = 600_000;
export const DEFAULT_MAX_RETRIES = 2;

const officialKeys = new Set([
  'apiKey', 'adminAPIKey', 'organization', 'project', 'webhookSecret', 'baseURL', 'timeout', 'fetchOptions', 'fetch',
  'maxRetries', 'defaultHeaders', 'defaultQuery', 'dangerouslyAllowBrowser', 'logLevel', 'logger', 'responseDrift',
]);
/** Official keys this package does not implement: accepted, ignored, named in one `warn` line. */
const unsupportedKeys = new Set(['dataResidency', 'workloadIdentity', 'x509Transport', 'credential', 'provider']);

export const MISSING_CREDENTIALS =
  'Missing credentials. Please pass an `apiKey`, `workloadIdentity`, `adminAPIKey`, or set the `OPENAI_API_KEY` or `OPENAI_ADMIN_KEY` environment variable.';
export const BROWSER_GUARD =
  "It looks like you're running in a browser-like environment.\n\nThis is disabled by default, as it risks exposing your secret API credentials to attackers.\nIf you understand the risks and have appropriate mitigations in place,\nyou can set the `dangerouslyAllowBrowser` option to `true`, e.g.,\n\nnew OpenAI({ apiKey, dangerouslyAllowBrowser: true });\n\nhttps://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety\n";
const NO_AUTH =
  'Could not resolve authentication method. Expected either apiKey or adminAPIKey to be set. Or for one of the "Authorization" or "api-key" headers to be explicitly omitted';

/** Whether `headers` name `authorization` or `api-key` (set or removed). */
function namesAuth(headers: MergedHeaders): boolean {
  return headers.has('authorization') || headers.has('api-key');
}

/** The official `maxRetries` rule: a non-negative safe integer, else 2. */
export function normalizeRetries(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_MAX_RETRIES;
}

function checkTimeout(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Errors.OpenAIError(`${where} must be an integer number of milliseconds`);
  }
  if (value < 0) throw new Errors.OpenAIError(`${where} must be a positive integer`);
  return value;
}

// The core's timers take milliseconds as u32; `setTimeout` itself stops at 2^31 - 1.
const MAX_TIMER = 2 ** 31 - 1;

/** Everything the client needs, resolved synchronously from the options and the environment. */
export interface Resolved {
  apiKey: string | null;
  adminAPIKey: string | null;
  organization: string | null;
  project: string | null;
  webhookSecret: string | null;
  baseURL: string;
  timeout: number;
  maxRetries: number;
  fetch: Fetch | undefined;
  fetchOptions: MergedRequestInit | undefined;
  defaultHeaders: HeadersLike;
  defaultQuery: Record<string, string | undefined> | undefined;
  logger: Logger;
  logLevel: LogLevel;
  responseDrift: ResponseDriftMode;
  dangerouslyAllowBrowser: boolean;
  /** Lines to log once the logger is known (ignored options, a bad `logLevel`). */
  warnings: string[];
}

function optionalString(options: Record<string, unknown>, key: string, env: string | null): string | null {
  const value = key in options && options[key] !== undefined ? options[key] : env !== null ? (readEnv(env) ?? null) : null;
  if (value !== null && typeof value !== 'string') {
    throw new Errors.OpenAIError(`\`${key}\` must be a string or null`);
  }
  return value as string | null;
}

/**
 * Resolves `new OpenAIAdmin(options)` as the official constructor does, and throws its errors at
 * the same moment: missing credentials, a key in a browser without `dangerouslyAllowBrowser`, and
 * (this package, earlier than the official SDK) option values no request could use.
 */
export function resolveOptions(input: ClientOptions | null | undefined): Resolved {
  if (input !== undefined && input !== null && typeof input !== 'object') {
    throw new Errors.OpenAIError('The client options must be an object');
  }
  const options = (input ?? {}) as Record<string, unknown>;
  const warnings: string[] = [];

  const unknown = Object.keys(options).filter((k) => !officialKeys.has(k) && !unsupportedKeys.has(k));
  if (unknown.length) warnings.push(`openai-admin-wasm: ignoring unknown client options: ${unknown.join(', ')}`);
  const unsupported = Object.keys(options).filter((k) => unsupportedKeys.has(k) && options[k] != null);
  if (unsupported.length) warnings.push(`openai-admin-wasm: ignoring client options this package does not support: ${unsupported.join(', ')}`);

  const rawApiKey = 'apiKey' in options && options['apiKey'] !== undefined ? options['apiKey'] : (readEnv('OPENAI_API_KEY') ?? null);
  if (rawApiKey !== null && typeof rawApiKey !== 'string' && typeof rawApiKey !== 'function') {
    throw new Errors.OpenAIError('`apiKey` must be a string, a function or null');
  }
  const adminAPIKey = optionalString(options, 'adminAPIKey', 'OPENAI_ADMIN_KEY');
  const organization = optionalString(options, 'organization', 'OPENAI_ORG_ID');
  const project = optionalString(options, 'project', 'OPENAI_PROJECT_ID');
  const webhookSecret = optionalString(options, 'webhookSecret', 'OPENAI_WEBHOOK_SECRET');

  const defaultHeaders = options['defaultHeaders'] as HeadersLike;
  if (defaultHeaders != null && typeof defaultHeaders !== 'object') {
    throw new Errors.OpenAIError('`defaultHeaders` must be an object, an array of pairs or a Headers');
  }
  const merged = mergeHeaders(new Map(), defaultHeaders);

  // As the official SDK; and (this package) a client whose `defaultHeaders` set or remove
  // `Authorization` needs no key: a same-origin proxy adds it.
  if (!rawApiKey && !adminAPIKey && !namesAuth(merged)) throw new Errors.OpenAIError(MISSING_CREDENTIALS);
  const hasKey = !!rawApiKey || !!adminAPIKey;
  if (hasKey && !options['dangerouslyAllowBrowser'] && isBrowserLike()) throw new Errors.OpenAIError(BROWSER_GUARD);

  const baseURLOption = options['baseURL'];
  if (baseURLOption != null && typeof baseURLOption !== 'string') throw new Errors.OpenAIError('`baseURL` must be a string');
  const baseURL = (baseURLOption as string | null | undefined) || readEnv('OPENAI_BASE_URL') || DEFAULT_BASE_URL;

  let timeout = DEFAULT_TIMEOUT;
  if (options['timeout'] !== undefined) {
    try {
      timeout = checkTimeout(options['timeout'], '`timeout`');
    } catch (e) {
      // At construction an OpenAIError, as the official constructor's errors.
      throw new Errors.OpenAIError((e as Error).message.replace(/ \(the request was not sent\)$/, ''));
    }
  }
  const maxRetries = normalizeRetries(options['maxRetries']);
  if (options['maxRetries'] !== undefined && maxRetries !== options['maxRetries']) {
    warnings.push(`openai-admin-wasm: maxRetries was set to ${JSON.stringify(options['maxRetries'])}, expected a non-negative integer; using ${DEFAULT_MAX_RETRIES}`);
  }

  const fetch = options['fetch'];
  if (fetch !== undefined && fetch !== null && typeof fetch !== 'function') throw new Errors.OpenAIError('`fetch` must be a function');
  const fetchOptions = options['fetchOptions'];
  if (fetchOptions != null && typeof fetchOptions !== 'object') throw new Errors.OpenAIError('`fetchOptions` must be an object');
  const defaultQuery = options['defaultQuery'];
  if (defaultQuery != null && typeof defaultQuery !== 'object') throw new Errors.OpenAIError('`defaultQuery` must be an object');

  const logger = (options['logger'] as Logger | undefined) ?? (console as Logger);
  let logLevel: LogLevel = 'warn';
  for (const [value, source] of [
    [options['logLevel'], 'ClientOptions.logLevel'],
    [readEnv('OPENAI_LOG'), "process.env['OPENAI_LOG']"],
  ] as const) {
    if (!value) continue;
    if (isLogLevel(value)) {
      logLevel = value;
      break;
    }
    warnings.unshift(`${source} was set to ${JSON.stringify(value)}, expected one of ${JSON.stringify(['off', 'error', 'warn', 'info', 'debug'])}`);
  }

  const drift = options['responseDrift'] ?? 'warn';
  if (drift !== 'warn' && drift !== 'error' && drift !== 'off') {
    throw new Errors.OpenAIError(`\`responseDrift\` must be 'warn', 'error' or 'off', not ${JSON.stringify(drift)}`);
  }

  return {
    apiKey: typeof rawApiKey === 'string' ? rawApiKey : null,
    adminAPIKey,
    organization,
    project,
    webhookSecret,
    baseURL,
    timeout,
    maxRetries,
    fetch: (fetch ?? undefined) as Fetch | undefined,
    fetchOptions: (fetchOptions ?? undefined) as MergedRequestInit | undefined,
    defaultHeaders,
    defaultQuery: (defaultQuery ?? undefined) as Record<string, string | undefined> | undefined,
    logger,
    logLevel,
    responseDrift: drift,
    dangerouslyAllowBrowser: !!options['dangerouslyAllowBrowser'],
    warnings,
  };
}

/** What the transport keeps: the resolved options without the keys (those stay on the client). */
export type TransportOptions = Omit<Resolved, 'apiKey' | 'adminAPIKey' | 'warnings'>;

// ---------------------------------------------------------------------------------------------
// The wasm module
// ---------------------------------------------------------------------------------------------

/** What one call resolves to. */
interface CoreAnswer {
  data?: unknown;
  response: Response;
  drift?: ReadonlyArray<string>;
}

/**
 * The last request of one list's pages, with the query it was built from. Each next page asks
 * for the same query with another `after`, so its request is this one with the cursor swapped
 * in, rather than a new one from the core's `prepare`: `prepare` is the largest cost a page has
 * that the bare `fetch` floor has not (ARCHITECTURE.md, "Why these crates").
 */
interface PageChain {
  /** A copy of the query `prepared` was built from (its own properties as they were). */
  query?: Record<string, unknown>;
  prepared?: Prepared;
}

/** The official `isAbsoluteURL`. */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * As the official `buildURL`: a query in the base URL goes under every other query of a request
 * (`baseQuery`), unless the `path` option was an absolute URL, which replaced the base URL.
 */
function splitBaseURL(call: CallOptions, absolute: boolean): CallOptions {
  if (absolute || !call.baseURL.includes('?')) return call;
  // Text, not `new URL`: a browser page may give a base URL relative to itself.
  const [baseURL, baseQuery] = splitQuery(call.baseURL);
  return { ...call, baseURL, overrides: { ...call.overrides, baseQuery } };
}

/** `text` without its query and fragment, and its query's pairs as `URLSearchParams` reads them. */
function splitQuery(text: string): [string, Record<string, string> | undefined] {
  const at = text.search(/[?#]/);
  if (at < 0) return [text, undefined];
  const search = text[at] === '?' ? (text.slice(at + 1).split('#')[0] as string) : '';
  return [text.slice(0, at), search ? Object.fromEntries(new URLSearchParams(search)) : undefined];
}

/** RFC 3986 "unreserved" text, which the core's query encoding leaves as it is. */
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/**
 * The request for `params` from the chain's last one, or `undefined` when the core must build it:
 * unless `params` has the same keys in the same order, the same primitive values but for a string
 * `after`, and that request marked where `after` sits. What the core checked stays checked: only
 * `after` changed, and any string is a valid `after`.
 */
function swapAfter(chain: PageChain, params: unknown): Prepared | undefined {
  const { query, prepared } = chain;
  if (!query || prepared?.afterStart === undefined || prepared.afterEnd === undefined) return undefined;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const next = params as Record<string, unknown>;
  const after = next.after;
  if (typeof after !== 'string') return undefined;
  // Cursors are ids, most of them unreserved text (`SEGMENT` in src/request.rs): no call into the
  // core. A lone surrogate would reach the core replaced, not escaped as `prepare` escapes it.
  const plain = UNRESERVED.test(after);
  if (!plain && /[\ud800-\udfff]/.test(after)) return undefined;
  const keys = Object.keys(next);
  const known = Object.keys(query);
  if (keys.length !== known.length) return undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== known[i]) return undefined;
    if (key === 'after') continue;
    const value = next[key];
    if ((typeof value === 'object' && value !== null) || typeof value === 'function' || !Object.is(value, query[key])) return undefined;
  }
  const encoded = plain ? after : wasm.encodeQueryValue(after);
  const path = prepared.path.slice(0, prepared.afterStart) + encoded + prepared.path.slice(prepared.afterEnd);
  return { ...prepared, path, afterEnd: prepared.afterStart + encoded.length };
}

/** Loads the wasm module; set by the entry point (lazy in browsers, at import in Node). */
let loader: (() => Promise<void>) | null = null;
let loaded = false;

/** @internal Called once by each entry point. */
export function setLoader(load: () => Promise<void> | void, alreadyLoaded: boolean): void {
  loaded = alreadyLoaded;
  let pending: Promise<void> | null = null;
  loader = () =>
    (pending ??= Promise.resolve(load()).then(() => {
      loaded = true;
    }));
}

async function ensureLoaded(): Promise<void> {
  if (loaded) return;
  if (!loader) throw new Errors.OpenAIError('openai-admin-wasm: no entry point loaded the wasm module');
  await loader();
}

// ---------------------------------------------------------------------------------------------
// The transport
// ---------------------------------------------------------------------------------------------

/** What the transport reads from the client on every call (the official client's public fields). */
export interface ClientState {
  baseURL: string;
  maxRetries: number;
  timeout: number;
  organization: string | null;
  project: string | null;
  readonly adminAPIKey: string | null;
  logger: Logger;
  logLevel: LogLevel | undefined;
}

/** One call's request options, checked. */
interface CallOptions {
  maxRetries: number;
  timeout: number;
  /** The call's headers, merged (`null` removes a client header). */
  headers: MergedHeaders | undefined;
  overrides: RequestOverrides | undefined;
  fetchOptions: MergedRequestInit | undefined;
  /** The base URL of this call (the official `defaultBaseURL` rule, resolved here). */
  baseURL: string;
  signal: AbortSignal | undefined;
}

/** How an attempt ended without an answer. */
type NoAnswer = { kind: 'timeout' | 'connection'; message: string; cause: unknown };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as any).then === 'function';
}

function isSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && typeof (value as any).aborted === 'boolean' && typeof (value as any).addEventListener === 'function';
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
/** Node itself (not Deno, Bun, or a browser page with Node's globals, such as an Electron window). */
const isNode =
  typeof (globalThis as any).process?.versions?.node === 'string' &&
  typeof (globalThis as any).Deno === 'undefined' &&
  typeof (globalThis as any).Bun === 'undefined' &&
  !isBrowserLike();

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

/** Query keys of each list, as the official resources declare them. */
function listQueryKeys(op: string): string[] {
  return op === 'users.list' ? ['after', 'emails', 'limit'] : ['after', 'limit', 'order'];
}

/**
 * The official `normalizeRequestOptionsForQuery`: request options passed in the query position of
 * a list (`groups.list({ maxRetries: 1 })`) are taken as the options.
 */
function optionsInQueryPosition(value: unknown, queryKeys: string[], options: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(Object.getOwnPropertyDescriptors(value)).filter(
    ([, d]) => d.enumerable && (!('value' in d) || d.value !== undefined),
  );
  const keys = entries.map(([k]) => k);
  if (!keys.some((k) => requestOptionKeys.has(k) && !queryKeys.includes(k))) return undefined;
  if (options !== undefined || keys.some((k) => !requestOptionKeys.has(k) || queryKeys.includes(k))) {
    throw new TypeError('Query parameters and request options must be passed as separate arguments.');
  }
  if (keys.some((k) => !['headers', 'maxRetries', 'timeout', 'signal', 'idempotencyKey', 'query'].includes(k))) {
    throw new TypeError('Pass transport overrides in the explicit request options argument.');
  }
  return Object.fromEntries(entries.map(([k, d]) => ('value' in d ? [k, d.value] : [k, d.get ? Reflect.apply(d.get, value, []) : undefined])));
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

  /** Request options checked, with the client's values where the call sets none. */
  #normalize(options: RequestOptions | undefined): CallOptions {
    const c = this.#client;
    const out: CallOptions = {
      maxRetries: normalizeRetries(c.maxRetries),
      timeout: Math.min(checkTimeout(c.timeout, '`timeout`'), MAX_TIMER),
      headers: undefined,
      overrides: this.#defaultQuery ? { defaultQuery: this.#defaultQuery } : undefined,
      fetchOptions: undefined,
      baseURL: c.baseURL,
      signal: undefined,
    };
    if (options === undefined || options === null) return splitBaseURL(out, false);
    if (typeof options !== 'object') throw new Errors.InvalidArgumentError('`options` must be an object', 'options');
    const o = options as RequestOptions;
    if (o.maxRetries !== undefined) out.maxRetries = normalizeRetries(o.maxRetries);
    if (o.timeout !== undefined) out.timeout = Math.min(checkTimeout(o.timeout, '`timeout`'), MAX_TIMER);
    if (o.signal != null) {
      if (!isSignal(o.signal)) throw new Errors.InvalidArgumentError('`signal` must be an AbortSignal', 'signal');
      out.signal = o.signal;
    }
    if (o.headers != null) out.headers = mergeHeaders(new Map(), o.headers);
    const overrides: RequestOverrides = { ...out.overrides };
    if ('query' in o && o.query !== undefined) overrides.query = o.query;
    if ('body' in o && o.body !== undefined) overrides.body = o.body;
    let absolute = false;
    if (o.path !== undefined) {
      // As the official `buildURL`: an absolute `path` replaces the base URL, and a query in
      // `path` goes under the others.
      let path = String(o.path);
      absolute = ABSOLUTE_URL.test(path);
      if (absolute) {
        const url = new URL(path);
        out.baseURL = url.origin;
        path = url.pathname + url.search;
      }
      const [bare, pathQuery] = splitQuery(path);
      overrides.path = bare;
      if (pathQuery) overrides.pathQuery = pathQuery;
    }
    if (o.method !== undefined) overrides.method = String(o.method).toUpperCase();
    if (Object.keys(overrides).length) out.overrides = overrides;
    if (o.fetchOptions != null) out.fetchOptions = o.fetchOptions;
    // `idempotencyKey` is accepted and sends nothing, as in the official client, which names no
    // idempotency header for the OpenAI API.
    // As the official `buildURL`: `defaultBaseURL` is used only while the client's baseURL is the default.
    if (o.defaultBaseURL && c.baseURL === DEFAULT_BASE_URL && !absolute) out.baseURL = o.defaultBaseURL;
    return splitBaseURL(out, absolute);
  }

  /** Whether to check this answer for drift, by the client's mode. */
  #shouldCheck(op: string): boolean {
    const mode = this.#resolved.responseDrift;
    return mode === 'error' || (mode === 'warn' && !this.#checked.has(op));
  }

  /** Runs one call: options resolved and checked, the request built by the core, sent and retried, drift reported. */
  async #run(op: string, list: boolean, id: string | undefined, params: unknown, optionsIn: unknown, raw: boolean, chain?: PageChain): Promise<CoreAnswer> {
    try {
      const options = (isThenable(optionsIn) ? await optionsIn : optionsIn) as RequestOptions | undefined;
      const check = !raw && this.#shouldCheck(op);
      const call = this.#normalize(options);
      if (call.signal?.aborted) throw abortError(call.signal);
      if (!loaded) await ensureLoaded();
      const client = this.#clientHeaders();
      // The official SDK refuses a request with no credentials unless the headers name them.
      if (!client.auth && !(call.headers && namesAuth(call.headers))) throw new Errors.OpenAIError(NO_AUTH);
      let prepared = chain && swapAfter(chain, params);
      if (prepared === undefined) {
        prepared = wasm.prepare(op, id, params, call.overrides);
        // With the request option `query`, the request is not built from `params`.
        if (chain) chain.prepared = options?.query === undefined ? prepared : undefined;
      }
      // A copy: the first page's query is the caller's own object, which the caller may change
      // before asking for the next page (the official page reads it again then).
      if (chain) chain.query = typeof params === 'object' && params !== null ? { ...params } : undefined;
      const answer = await this.#send(op, list, prepared, call, client.merged, raw, check);
      if (check) this.#report(op, answer);
      return answer;
    } catch (reason) {
      throw Errors.toError(reason);
    }
  }

  /** Sends a prepared request, retrying as the core decides; reads the answer unless `raw`. */
  async #send(op: string, list: boolean, prepared: Prepared, call: CallOptions, clientHeaders: MergedHeaders, raw: boolean, check: boolean): Promise<CoreAnswer> {
    // The loop alone awaits; what each step does is in plain functions, so that the engine
    // compiles a small function here (list-all runs it once per page).
    const url = call.baseURL.replace(/\/+$/, '') + prepared.path;
    const init = this.#init(prepared, call, clientHeaders);
    const signal = call.signal;
    for (let retriesDone = 0; ; retriesDone++) {
      const retriesLeft = Math.max(call.maxRetries - retriesDone, 0);
      const attempt = await this.#attempt(url, init, call.timeout, signal, raw);
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
  #read(op: string, list: boolean, check: boolean, response: Response, text: string | undefined): CoreAnswer {
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
      return { response, ...wasm.answer(op, text, status, requestID, check, sample) };
    } catch (reason) {
      throw typeof reason === 'object' && reason !== null ? { ...reason, headers: response.headers } : reason;
    }
  }

  /**
   * One attempt, under the call's timeout and the caller's signal: the response, and its whole
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
  async #attempt(url: string, init: RequestInit, timeout: number, signal: AbortSignal | undefined, raw: boolean): Promise<{ response: Response; text?: string } | NoAnswer> {
    if (signal?.aborted) throw abortError(signal);
    const controller = signal || !this.#nodeBoundsRequests(init, timeout) ? new AbortController() : undefined;
    const forward = () => controller?.abort();
    signal?.addEventListener('abort', forward);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        controller?.abort();
        resolve('timeout');
      }, timeout);
    });
    const fetchFn = this.#resolved.fetch ?? fetch;
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

  /** Whether Node's built-in `fetch` with its default dispatcher bounds a request of this attempt (see {@link #attempt}). */
  #nodeBoundsRequests(init: RequestInit, timeout: number): boolean {
    return timeout >= NODE_FETCH_LIMIT_MS && this.#resolved.fetch === undefined && isNode && !('dispatcher' in init);
  }

  /** Logs why the call is retried (the failure: an error or a status), then waits `ms`. */
  async #wait(op: string, failure: string, ms: number, retriesLeft: number, signal: AbortSignal | undefined): Promise<void> {
    this.log('info', `${op}: ${failure} - retrying in ${Math.floor(ms)} ms, ${retriesLeft} attempts remaining`);
    await sleep(ms, signal);
  }

  /** Logs (mode 'warn') or throws (mode 'error') the drift of a checked answer. */
  #report(op: string, answer: CoreAnswer): void {
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
      if (!raw) addRequestID(answer.data, answer.response);
      return answer as Answer<any>;
    });
  }

  /** One list operation: the official `PagePromise`, iterable over every item of every page. */
  list<P extends AbstractPage<I>, I = unknown>(op: string, id: string | undefined, params: unknown, options: RequestOptions | undefined): PagePromise<P, I> {
    let query = params;
    const moved = optionsInQueryPosition(params, listQueryKeys(op), options);
    if (moved !== undefined) {
      options = moved as RequestOptions;
      query = {};
    }
    return this.#page<P, I>(op, id, query ?? {}, options, {});
  }

  #page<P extends AbstractPage<I>, I>(op: string, id: string | undefined, query: unknown, options: RequestOptions | undefined, chain: PageChain): PagePromise<P, I> {
    const Page = op === 'users.list' ? ConversationCursorPage : NextCursorPage;
    return new PagePromise<P, I>(async (raw) => {
      const resolved = (isThenable(options) ? await options : options) as RequestOptions | undefined;
      const answer = await this.#run(op, true, id, query, resolved, raw, chain);
      if (raw) return answer as Answer<any>;
      addRequestID(answer.data, answer.response);
      const { query: queryOverride, ...rest } = resolved ?? {};
      const pageOptions: PageRequestOptions = { method: 'get', query: (queryOverride ?? query) as object, ...rest };
      // The next page: the same call with the page's query and the same options.
      const next: PageFetcher = (nextQuery) => this.#page(op, id, nextQuery, rest as RequestOptions, chain);
      const page = new Page(next, answer.response, (answer.data ?? {}) as any, pageOptions);
      return { response: answer.response, data: page } as Answer<any>;
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
