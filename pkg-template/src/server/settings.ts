/**
 * A handler's options, checked once when it is created and resolved into the settings every
 * request reads: the key and its redaction, where the API is and how it is reached, the limits,
 * who may call, where audit events and log lines go.
 */
import { readEnv } from '../env.js';
import { DEFAULT_BASE_URL } from '../options.js';
import { corsMatcher } from './answers.js';
import { authorizeReadsHeadersOnly } from './access.js';
import { rawTargetIsClean } from './routes.js';
import type { AdminHandlerOptions, AuditEvent, Authorize, CorsOptions } from './types.js';
import { fetchUpstream, type Upstream } from './upstream.js';

/**
 * The wasm core's `prepare(op, id, params)`: the request the client would send, or a throw. The
 * handler passes no request options (the export's fourth argument), so the export itself fits.
 */
export type Prepare = (op: string, id: unknown, params: unknown, options?: undefined) => { method: string; path: string; body?: string };

/** How an entry point reaches the API when no `fetch` option is given (Node: `node:http`). */
export type DefaultUpstream = (baseURL: string) => Upstream;

const DEFAULT_MAX_BODY = 64 * 1024;
const DEFAULT_TIMEOUT = 30_000;

export interface Settings {
  readonly authorize: Authorize;
  /** `authorize` is one of the package's own, which read only headers: it gets a header view, not a `Request`. */
  readonly headersOnly: boolean;
  readonly audit: ((event: AuditEvent) => void | Promise<void>) | undefined;
  readonly basePath: string;
  readonly maxBody: number;
  readonly timeout: number;
  readonly cors: CorsOptions | undefined;
  readonly allowOrigin: (origin: string) => boolean;
  readonly upstream: Upstream;
  /** The headers of every forwarded request: the key, JSON, the handler's user agent. */
  readonly upstreamHeaders: Readonly<Record<string, string>>;
  /** The key, and the masked forms an API error may quote (`sk-…****abcd`), replaced by `***`. */
  redact(text: string): string;
  /** A log line, redacted; a failing logger never fails the request. */
  say(level: 'warn' | 'error', message: string): void;
  /** The core's `prepare`, once the core is loaded. */
  prepare(): Prepare | Promise<Prepare>;
  /** The request id of an answer the handler writes itself. */
  localId(): string;
}

/** Checks `options` (throwing a TypeError that never holds the key) and resolves them. */
export function resolveSettings(options: AdminHandlerOptions, loadPrepare: () => Prepare | Promise<Prepare>, defaultUpstream?: DefaultUpstream): Settings {
  if (!options || typeof options !== 'object') throw new TypeError('createAdminHandler: options are required');
  const { authorize, audit } = options;
  if (typeof authorize !== 'function') {
    throw new TypeError('createAdminHandler: `authorize(request, operation)` is required (see readOnly, bearerTokens, trustedHeader)');
  }
  if (audit !== undefined && typeof audit !== 'function') throw new TypeError('createAdminHandler: `audit` must be a function');
  const key = options.adminAPIKey ?? readEnv('OPENAI_ADMIN_KEY');
  if (typeof key !== 'string' || key === '') {
    throw new TypeError('createAdminHandler: no admin key: set `adminAPIKey` or the OPENAI_ADMIN_KEY environment variable');
  }
  if (!/^[\x21-\x7e]+$/.test(key)) throw new TypeError('createAdminHandler: the admin key holds characters a header cannot carry');
  const baseURL = baseURLOf(options.baseURL ?? readEnv('OPENAI_BASE_URL') ?? DEFAULT_BASE_URL);
  const basePath = (options.basePath ?? '/v1').replace(/\/+$/, '');
  if (basePath !== '' && (!basePath.startsWith('/') || !rawTargetIsClean(basePath) || basePath.includes('%'))) {
    throw new TypeError('createAdminHandler: `basePath` must be a plain path such as /v1 or /api/admin');
  }
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (!(Number.isSafeInteger(maxBody) && maxBody >= 0)) throw new TypeError('createAdminHandler: `maxBodyBytes` must be a whole number');
  if (!(Number.isFinite(timeout) && timeout > 0)) throw new TypeError('createAdminHandler: `timeout` must be a positive number of ms');
  const userFetch = options.fetch;
  if (userFetch !== undefined && typeof userFetch !== 'function') throw new TypeError('createAdminHandler: `fetch` must be a function');
  const upstream = userFetch
    ? fetchUpstream(baseURL, (input, init) => userFetch(String(input), init ?? {}))
    : (defaultUpstream ?? ((url: string) => fetchUpstream(url, undefined)))(baseURL);
  const log = options.log ?? ((level: string, message: string) => console.error(`openai-admin-wasm/server ${level}: ${message}`));

  const redact = (text: string): string => {
    let out = text.includes(key) ? text.split(key).join('***') : text;
    if (out.includes('sk-')) out = out.replace(/sk-[A-Za-z0-9_*.-]{4,}/g, 'sk-***');
    return out;
  };
  let prepare: Prepare | null = null;
  let loading: Promise<Prepare> | null = null;
  let counter = 0;
  return {
    authorize,
    headersOnly: authorizeReadsHeadersOnly(authorize),
    audit,
    basePath,
    maxBody,
    timeout,
    cors: options.cors,
    allowOrigin: corsMatcher(options.cors),
    upstream,
    upstreamHeaders: Object.freeze({ authorization: `Bearer ${key}`, accept: 'application/json', 'user-agent': 'openai-admin-wasm/server' }),
    redact,
    say(level, message) {
      try {
        log(level, redact(message));
      } catch {
        // A failing logger must not fail the request.
      }
    },
    prepare() {
      if (prepare) return prepare;
      loading ??= Promise.resolve(loadPrepare()).then((p) => (prepare = p));
      return loading;
    },
    localId() {
      counter = (counter + 1) % 0x1000000;
      return `req_local_${Date.now().toString(16)}${counter.toString(16).padStart(6, '0')}`;
    },
  };
}

/** The base URL without trailing slashes; http(s), no query, fragment or credentials. */
function baseURLOf(text: string): string {
  const baseURL = text.replace(/\/+$/, '');
  let base: URL;
  try {
    base = new URL(baseURL);
  } catch {
    throw new TypeError('createAdminHandler: `baseURL` is not a URL');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('createAdminHandler: `baseURL` must be http(s)');
  if (base.search || base.hash || base.username || base.password) {
    throw new TypeError('createAdminHandler: `baseURL` takes no query, fragment or credentials');
  }
  return baseURL;
}

