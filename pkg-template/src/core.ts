/**
 * The client's plumbing in TypeScript: the official `ClientOptions` resolved synchronously (the
 * same in Node, browsers and workers, before and after the wasm has loaded), the headers built as
 * the official SDK merges them, request options normalized, and the {@link Transport} that the
 * generated resource classes (`resources.ts`) call. The wasm core builds, sends, retries, checks
 * and parses each request.
 */
import * as wasmModule from '../wasm/openai_admin_wasm.js';
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
   * - `'warn'` (default): checked on the first answer of each operation per client; each difference
   *   is logged once at `warn` (`groups.list: data[].group_type is missing (the spec requires it)`);
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

/** What `call` resolves to. */
interface CoreAnswer {
  data?: unknown;
  response: Response;
  nextAfter?: string | null;
  drift?: ReadonlyArray<string | { message?: string; path?: string; kind?: unknown }>;
}

/** The wasm exports this file uses (the contract of the core). */
interface WasmApi {
  WasmClient: new (
    config: { baseURL: string; maxRetries: number; timeout: number; headers: Record<string, string>; defaultQuery?: Record<string, unknown> },
    fetch: Fetch | undefined,
    fetchOptions: MergedRequestInit | undefined,
    log: (level: string, message: string) => void,
  ) => object;
  call(client: object, op: string, id: string | undefined, params: unknown, options: unknown, signal: AbortSignal | undefined): Promise<CoreAnswer>;
}
const wasm = wasmModule as unknown as WasmApi;

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

/** The options the core's `call` reads. */
interface CoreOptions {
  maxRetries: number;
  timeout: number;
  headers?: Record<string, string | null>;
  query?: unknown;
  body?: unknown;
  path?: string;
  method?: string;
  fetchOptions?: MergedRequestInit;
  /** The base URL of this call (the official `defaultBaseURL` rule, resolved here). */
  baseURL?: string;
  raw?: boolean;
  check?: boolean;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as any).then === 'function';
}

function isSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && typeof (value as any).aborted === 'boolean' && typeof (value as any).addEventListener === 'function';
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

function describeDrift(entry: string | { message?: string; path?: string; kind?: unknown }): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry?.message === 'string') return entry.message;
  return JSON.stringify(entry);
}

/**
 * Sends the operations of the table through the wasm core. One per client; the generated
 * resource classes call {@link request} and {@link list}.
 */
export class Transport {
  readonly #client: ClientState;
  readonly #resolved: TransportOptions;
  /** `defaultHeaders` merged once (the client-level part; Authorization and org/project are added per snapshot). */
  readonly #defaultHeaders: MergedHeaders;
  #core: object | null = null;
  #snapshot: { baseURL: string; maxRetries: number; timeout: number; organization: string | null; project: string | null; key: string | null } | null = null;
  /** Whether the client-level headers carry or remove `Authorization`/`api-key`. */
  #clientAuth = false;
  /** Operations whose first answer was checked for drift (mode 'warn'). */
  readonly #checked = new Set<string>();
  /** Drift lines already logged (`op: message`). */
  readonly #logged = new Set<string>();

  constructor(client: ClientState, resolved: TransportOptions) {
    this.#client = client;
    this.#resolved = resolved;
    this.#defaultHeaders = mergeHeaders(new Map(), resolved.defaultHeaders);
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

  /** The core client for the client's current fields (rebuilt when one was reassigned). */
  async #core_(): Promise<object> {
    const c = this.#client;
    const s = this.#snapshot;
    if (
      this.#core &&
      s &&
      s.baseURL === c.baseURL &&
      s.maxRetries === c.maxRetries &&
      s.timeout === c.timeout &&
      s.organization === c.organization &&
      s.project === c.project &&
      s.key === c.adminAPIKey
    ) {
      return this.#core;
    }
    await ensureLoaded();
    const key = c.adminAPIKey;
    // The official order: organization and project, then authentication, then defaultHeaders.
    const merged = mergeHeaders(
      new Map(),
      { 'OpenAI-Organization': c.organization, 'OpenAI-Project': c.project },
      key ? { Authorization: `Bearer ${key}` } : null,
    );
    for (const [name, value] of this.#defaultHeaders) merged.set(name, value);
    this.#clientAuth = namesAuth(merged);
    const headers: Record<string, string> = {};
    for (const [name, value] of merged) if (value !== null) headers[name] = value;
    const config = {
      baseURL: c.baseURL,
      maxRetries: normalizeRetries(c.maxRetries),
      timeout: Math.min(checkTimeout(c.timeout, '`timeout`'), MAX_TIMER),
      headers,
      ...(this.#resolved.defaultQuery ? { defaultQuery: this.#resolved.defaultQuery as Record<string, unknown> } : {}),
    };
    try {
      this.#core = new wasm.WasmClient(config, this.#resolved.fetch, this.#resolved.fetchOptions, (level, message) =>
        this.log((['error', 'warn', 'info', 'debug'].includes(level) ? level : 'info') as 'info', message),
      );
    } catch (reason) {
      throw Errors.toError(reason);
    }
    this.#snapshot = { baseURL: c.baseURL, maxRetries: c.maxRetries, timeout: c.timeout, organization: c.organization, project: c.project, key };
    return this.#core;
  }

  /** Request options checked and turned into what the core reads, plus the signal. */
  #normalize(options: RequestOptions | undefined, raw: boolean, check: boolean): [CoreOptions, AbortSignal | undefined] {
    const c = this.#client;
    const out: CoreOptions = { maxRetries: normalizeRetries(c.maxRetries), timeout: Math.min(c.timeout, MAX_TIMER) };
    let signal: AbortSignal | undefined;
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object') throw new Errors.InvalidArgumentError('`options` must be an object', 'options');
      const o = options as RequestOptions;
      if (o.maxRetries !== undefined) out.maxRetries = normalizeRetries(o.maxRetries);
      if (o.timeout !== undefined) out.timeout = Math.min(checkTimeout(o.timeout, '`timeout`'), MAX_TIMER);
      if (o.signal != null) {
        if (!isSignal(o.signal)) throw new Errors.InvalidArgumentError('`signal` must be an AbortSignal', 'signal');
        signal = o.signal;
      }
      if (o.headers != null) out.headers = Object.fromEntries(mergeHeaders(new Map(), o.headers));
      if ('query' in o && o.query !== undefined) out.query = o.query;
      if ('body' in o && o.body !== undefined) out.body = o.body;
      if (o.path !== undefined) out.path = o.path;
      if (o.method !== undefined) out.method = String(o.method).toUpperCase();
      if (o.fetchOptions != null) out.fetchOptions = o.fetchOptions;
      // `idempotencyKey` is accepted and sends nothing, as in the official client, which names no
      // idempotency header for the OpenAI API.
      // As the official `buildURL`: `defaultBaseURL` is used only while the client's baseURL is the default.
      if (o.defaultBaseURL && c.baseURL === DEFAULT_BASE_URL) out.baseURL = o.defaultBaseURL;
    }
    if (raw) out.raw = true;
    if (check) out.check = true;
    return [out, signal];
  }

  /** Whether to check this answer for drift, by the client's mode. */
  #shouldCheck(op: string): boolean {
    const mode = this.#resolved.responseDrift;
    return mode === 'error' || (mode === 'warn' && !this.#checked.has(op));
  }

  /** Runs one call: options resolved and checked, the core called, drift reported. */
  async #run(op: string, id: string | undefined, params: unknown, optionsIn: unknown, raw: boolean): Promise<CoreAnswer> {
    try {
      const options = (isThenable(optionsIn) ? await optionsIn : optionsIn) as RequestOptions | undefined;
      const check = !raw && this.#shouldCheck(op);
      const [coreOptions, signal] = this.#normalize(options, raw, check);
      if (signal?.aborted) {
        throw Object.defineProperty(new Errors.APIUserAbortError(), 'cause', { value: signal.reason, writable: true, configurable: true });
      }
      const core = await this.#core_();
      // The official SDK refuses a request with no credentials unless the headers name them.
      if (!this.#clientAuth && !(coreOptions.headers && ('authorization' in coreOptions.headers || 'api-key' in coreOptions.headers))) {
        throw new Errors.OpenAIError(NO_AUTH);
      }
      const answer = await wasm.call(core, op, id, params, coreOptions, signal);
      if (check) this.#report(op, answer);
      return answer;
    } catch (reason) {
      throw Errors.toError(reason);
    }
  }

  /** Logs (mode 'warn') or throws (mode 'error') the drift of a checked answer. */
  #report(op: string, answer: CoreAnswer): void {
    const drift = (answer.drift ?? []).map(describeDrift);
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
      const answer = await this.#run(op, id, params, options, raw);
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
    return this.#page<P, I>(op, id, query ?? {}, options);
  }

  #page<P extends AbstractPage<I>, I>(op: string, id: string | undefined, query: unknown, options: RequestOptions | undefined): PagePromise<P, I> {
    const Page = op === 'users.list' ? ConversationCursorPage : NextCursorPage;
    return new PagePromise<P, I>(async (raw) => {
      const resolved = (isThenable(options) ? await options : options) as RequestOptions | undefined;
      const answer = await this.#run(op, id, query, resolved, raw);
      if (raw) return answer as Answer<any>;
      addRequestID(answer.data, answer.response);
      const { query: queryOverride, ...rest } = resolved ?? {};
      const pageOptions: PageRequestOptions = { method: 'get', query: (queryOverride ?? query) as object, ...rest };
      // The next page: the same call with the page's query and the same options.
      const next: PageFetcher = (nextQuery) => this.#page(op, id, nextQuery, rest as RequestOptions);
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
