/**
 * The official `ClientOptions`, resolved synchronously (the same before and after the wasm loads)
 * and checked as the official constructor checks them; each call's `RequestOptions`, checked.
 */
import * as Errors from './errors.js';
import { readEnv, isBrowserLike } from './env.js';
import { mergeHeaders, namesAuth, type HeadersLike, type MergedHeaders } from './headers.js';
import type { RequestOverrides } from '../wasm/openai_admin_wasm.js';
import { isLogLevel, type Logger, type LogLevel } from './log.js';

export type { HeadersLike };

export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
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
export const NO_AUTH =
  'Could not resolve authentication method. Expected either apiKey or adminAPIKey to be set. Or for one of the "Authorization" or "api-key" headers to be explicitly omitted';

/** The official `maxRetries` rule: a non-negative safe integer, else 2. */
export function normalizeRetries(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_MAX_RETRIES;
}

/** A timeout option, checked: an integer number of milliseconds, at least 0. */
export function checkTimeout(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Errors.OpenAIError(`${where} must be an integer number of milliseconds`);
  }
  if (value < 0) throw new Errors.OpenAIError(`${where} must be a positive integer`);
  return value;
}

// The core's timers take milliseconds as u32; `setTimeout` itself stops at 2^31 - 1.
export const MAX_TIMER = 2 ** 31 - 1;

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
export interface CallOptions {
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

function isSignal(value: unknown): value is AbortSignal {
  return typeof value === 'object' && value !== null && typeof (value as any).aborted === 'boolean' && typeof (value as any).addEventListener === 'function';
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

/**
 * One call's request options checked, with the client's values where the call sets none
 * (`defaultQuery`: the client's, as `prepare` reads it).
 */
export function callOptions(c: ClientState, defaultQuery: Record<string, unknown> | undefined, options: RequestOptions | undefined): CallOptions {
  const out: CallOptions = {
    maxRetries: normalizeRetries(c.maxRetries),
    timeout: Math.min(checkTimeout(c.timeout, '`timeout`'), MAX_TIMER),
    headers: undefined,
    overrides: defaultQuery ? { defaultQuery } : undefined,
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


/**
 * The official `normalizeRequestOptionsForQuery`: request options passed in the query position of
 * a list (`groups.list({ maxRetries: 1 })`) are taken as the options.
 */
export function optionsInQueryPosition(value: unknown, queryKeys: string[], options: unknown): Record<string, unknown> | undefined {
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
