/**
 * The server handler: a Web-standard `(request: Request) => Promise<Response>` that lets a
 * dashboard's visitors run the 26 operations of this package on the Admin API without ever seeing
 * the admin key. Every request is matched against the operation table, authorized, checked and
 * rebuilt by the wasm core's `prepare` (the client's own rules), sent with the key added here, and
 * audited. Everything else is answered here, in the API's error format, without contacting the API.
 */
import { OPERATIONS, type OperationInfo } from '../operations.js';
import { AccessDenied } from './access.js';

/**
 * The wasm core's `prepare(op, id, params)`: the request the client would send, or a throw. The
 * handler passes no request options (the export's fourth argument), so the export itself fits.
 */
export type Prepare = (op: string, id: unknown, params: unknown, options?: undefined) => { method: string; path: string; body?: string };

/** What `authorize` and the audit event learn about the operation a request asks for. */
export interface OperationContext {
  /** The operation's name below `client.admin.organization`, e.g. `groups.users.create`. */
  readonly name: string;
  /** Whether it changes anything (every POST and DELETE). */
  readonly writes: boolean;
  /** `GET`, `POST` or `DELETE`. */
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path template, e.g. `/organization/groups/{group_id}/users`. */
  readonly path: string;
  /** The path parameters of this request, decoded: `{ group_id: 'group_01…' }`. */
  readonly ids: Readonly<Record<string, string>>;
  /** The spec's summary of the operation. */
  readonly summary: string;
}

/**
 * Decides whether a request may run. Return any truthy value (the identity, e.g.
 * `{ user: 'ada@example.com', role: 'admin' }`) to allow it; `null` or `undefined` when nobody is
 * signed in (401); `false` when the identity may not run this operation (403). It may also throw
 * an {@link AccessDenied} (`unauthenticated()`, `forbidden(who)`), which lets the audit event name
 * who was refused. Any other throw is a 500, and nothing is sent.
 */
export type Authorize = (request: Request, operation: OperationContext) => unknown | Promise<unknown>;

/** One event per request the handler answers, whatever the outcome. */
export interface AuditEvent {
  /** ISO 8601 time the request arrived. */
  time: string;
  /** The API's `x-request-id` when the request was forwarded, else the handler's own id (`req_local_…`). */
  requestId: string;
  /** The identity `authorize` returned (or named in its denial), `null` when there was none. */
  who: unknown;
  /** The operation's name, `null` when the request matched none. */
  operation: string | null;
  /** Whether the operation writes, `null` when the request matched none. */
  writes: boolean | null;
  /** The visitor's method and path (without the query string), as received. */
  method: string;
  path: string;
  /** The ids the request names: path parameters and `*_id` fields of its body or query. */
  ids: Record<string, string>;
  /** The status the visitor got. */
  status: number;
  /**
   * `forwarded` (the API answered, whatever its status), `unauthenticated` (401), `forbidden`
   * (403), `not_found` (no such operation: nothing sent), `invalid` (400/415: refused before
   * sending), `too_large` (413), `timeout` (504), `unreachable` (502), `error` (500).
   */
  outcome: 'forwarded' | 'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'too_large' | 'timeout' | 'unreachable' | 'error';
  /** Milliseconds from the request's arrival to the response. */
  durationMs: number;
  /** Milliseconds spent waiting for the API, when the request was forwarded. */
  upstreamMs?: number;
}

/** Cross-origin access, off unless set. */
export interface CorsOptions {
  /** Allowed origins: exact origins (`https://admin.example.com`), or a predicate. */
  origin: string | readonly string[] | ((origin: string) => boolean);
  /** Send `Access-Control-Allow-Credentials: true` (cookies or HTTP auth from another origin). */
  credentials?: boolean;
  /** Seconds a browser may cache a preflight answer (default 600). */
  maxAge?: number;
}

export interface AdminHandlerOptions {
  /** Who may do what. Required: no handler is created without it. */
  authorize: Authorize;
  /** The admin key, added to every forwarded request. Default: `OPENAI_ADMIN_KEY` from the environment. */
  adminAPIKey?: string;
  /** The API's base URL. Default: `OPENAI_BASE_URL` from the environment, else `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Where the handler is mounted: it serves `{basePath}/organization/…`. Default `/v1`. */
  basePath?: string;
  /** Called once per request with its {@link AuditEvent}; errors it throws are logged, never sent. */
  audit?: (event: AuditEvent) => void | Promise<void>;
  /** Largest request body accepted, in bytes (default 64 KiB); larger gets a 413. */
  maxBodyBytes?: number;
  /** Milliseconds to wait for the API before answering 504 (default 30 000). */
  timeout?: number;
  /** Cross-origin access; without it, same-origin only. */
  cors?: CorsOptions;
  /** The `fetch` that reaches the API (default: the global one). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** The handler's own log lines (audit sink failures, an `authorize` that threw, an unreachable API); redacted. Default: `console.error`. */
  log?: (level: 'warn' | 'error', message: string) => void;
}

/** The handler: mount it wherever a framework takes a `Request` and wants a `Response`. */
export type AdminHandler = (request: Request) => Promise<Response>;

/**
 * @internal The request target exactly as an adapter (the Node one) received it, before a URL
 * parser resolved dot segments: the handler refuses more with it, never less.
 */
export const rawTargets = new WeakMap<Request, { target: string; method: string }>();

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const DEFAULT_MAX_BODY = 64 * 1024;
const DEFAULT_TIMEOUT = 30_000;
/** Larger answers from the API are refused (502) rather than buffered. */
const MAX_UPSTREAM_BODY = 32 * 1024 * 1024;
/** Headers of the API's answer passed on to the visitor; the rest (cookies, …) are dropped. */
const PASSED_HEADERS = ['content-type', 'x-request-id', 'retry-after', 'retry-after-ms', 'x-should-retry'];
/** Headers that would make an intermediary reinterpret the request: refused with a 400. */
const OVERRIDE_HEADERS = [
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
  'x-original-url',
  'x-rewrite-url',
  'x-original-method',
];
/** Request headers a browser may send cross-origin when CORS is configured. */
const CORS_HEADER = /^(authorization|content-type|accept|idempotency-key|x-stainless-[a-z0-9-]+)$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,255}$/;
// Control characters, DEL, and the separators that never belong in an id.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const BAD_IN_ID = /[\u0000-\u001f\u007f/\\%]/;

function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/** One operation of the table, its path split for matching. */
interface Route {
  op: OperationInfo;
  /** Literal segments as strings, parameters as `{ param }`. */
  segments: (string | { param: string })[];
}

function routesOf(operations: readonly OperationInfo[]): Route[] {
  return operations.map((op) => ({
    op,
    segments: op.path
      .split('/')
      .slice(1)
      .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : s)),
  }));
}

/** A response the handler writes itself. */
class Refusal {
  constructor(
    readonly status: number,
    readonly outcome: AuditEvent['outcome'],
    readonly message: string,
    readonly type: string,
    readonly code: string | null,
    readonly param: string | null = null,
    readonly who: unknown = null,
  ) {}
}

const notFound = (method: string, path: string) =>
  new Refusal(404, 'not_found', `Invalid URL (${method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path})`, 'invalid_request_error', 'unknown_url');
const invalid = (message: string, param: string | null = null, status = 400) =>
  new Refusal(status, 'invalid', message, 'invalid_request_error', null, param);

/** Decodes one percent-encoded component once; `null` when it is malformed. */
function decodeOnce(text: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return null;
  }
}

const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/**
 * Refuses a raw request target (as sent, before any URL parser resolved it) that a parser would
 * rewrite: dot segments in any spelling, backslashes, anything but an origin-form path.
 */
function rawTargetIsClean(raw: string): boolean {
  if (!raw.startsWith('/') || raw.startsWith('//')) return false;
  const path = raw.split(/[?#]/, 1)[0]!;
  if (path.includes('\\') || /[^\x21-\x7e]/.test(path)) return false;
  return !path.split('/').some((s) => DOT_SEGMENT.test(s));
}

/** Creates the handler. `loadPrepare` gives the wasm core's `prepare` once the core is loaded. */
export function createHandler(options: AdminHandlerOptions, loadPrepare: () => Prepare | Promise<Prepare>): AdminHandler {
  if (!options || typeof options !== 'object') throw new TypeError('createAdminHandler: options are required');
  const { authorize, audit } = options;
  if (typeof authorize !== 'function') {
    throw new TypeError('createAdminHandler: `authorize(request, operation)` is required (see readOnly, bearerTokens, trustedHeader)');
  }
  if (audit !== undefined && typeof audit !== 'function') throw new TypeError('createAdminHandler: `audit` must be a function');
  const key = options.adminAPIKey ?? env('OPENAI_ADMIN_KEY');
  if (typeof key !== 'string' || key === '') {
    throw new TypeError('createAdminHandler: no admin key: set `adminAPIKey` or the OPENAI_ADMIN_KEY environment variable');
  }
  if (!/^[\x21-\x7e]+$/.test(key)) throw new TypeError('createAdminHandler: the admin key holds characters a header cannot carry');
  const baseURL = (options.baseURL ?? env('OPENAI_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
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
  const basePath = (options.basePath ?? '/v1').replace(/\/+$/, '');
  if (basePath !== '' && (!basePath.startsWith('/') || !rawTargetIsClean(basePath) || basePath.includes('%'))) {
    throw new TypeError('createAdminHandler: `basePath` must be a plain path such as /v1 or /api/admin');
  }
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (!(Number.isSafeInteger(maxBody) && maxBody >= 0)) throw new TypeError('createAdminHandler: `maxBodyBytes` must be a whole number');
  if (!(Number.isFinite(timeout) && timeout > 0)) throw new TypeError('createAdminHandler: `timeout` must be a positive number of ms');
  const upstreamFetch = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const log = options.log ?? ((level: string, message: string) => console.error(`openai-admin-wasm/server ${level}: ${message}`));
  const cors = options.cors;
  const allowOrigin = corsMatcher(cors);
  const routes = routesOf(OPERATIONS);

  // Secrecy: the key, and the masked forms an API error may quote (`sk-…****abcd`), never leave.
  const redact = (text: string): string => {
    let out = text.includes(key) ? text.split(key).join('***') : text;
    if (out.includes('sk-')) out = out.replace(/sk-[A-Za-z0-9_*.-]{4,}/g, 'sk-***');
    return out;
  };
  const say = (level: 'warn' | 'error', message: string) => {
    try {
      log(level, redact(message));
    } catch {
      // A failing logger must not fail the request.
    }
  };

  let prepare: Prepare | null = null;
  let loading: Promise<Prepare> | null = null;
  const core = async (): Promise<Prepare> => {
    if (prepare) return prepare;
    loading ??= Promise.resolve(loadPrepare());
    return (prepare = await loading);
  };

  let counter = 0;
  const localId = () => {
    counter = (counter + 1) % 0x1000000;
    return `req_local_${Date.now().toString(16)}${counter.toString(16).padStart(6, '0')}`;
  };

  const handler: AdminHandler = async (request) => {
    const raw = rawTargets.get(request);
    const rawTarget = raw?.target;
    const started = Date.now();
    const t0 = performance.now();
    const url = new URL(request.url);
    // A method a Request cannot carry (TRACE, CONNECT) reaches here from the adapter by this map.
    const method = (raw?.method ?? request.method).toUpperCase();
    const origin = request.headers.get('origin');
    const corsOk = origin !== null && allowOrigin(origin);
    const event: AuditEvent = {
      time: new Date(started).toISOString(),
      requestId: '',
      who: null,
      operation: null,
      writes: null,
      method,
      path: redact(url.pathname),
      ids: {},
      status: 0,
      outcome: 'forwarded',
      durationMs: 0,
    };

    let response: Response;
    try {
      response = await run(request, url, method, rawTarget, corsOk, event);
    } catch (reason) {
      const refusal =
        reason instanceof Refusal
          ? reason
          : (say('error', `unexpected failure: ${describe(reason)}`),
            new Refusal(500, 'error', 'The server could not handle this request.', 'server_error', null));
      if (refusal.who !== null) event.who = refusal.who;
      event.requestId = localId();
      event.outcome = refusal.outcome;
      response = errorResponse(refusal, event.requestId);
    }
    if (cors && corsOk) decorateCors(response.headers, origin!, cors);
    event.status = response.status;
    event.durationMs = Math.round((performance.now() - t0) * 1000) / 1000;
    if (audit) {
      try {
        const pending = audit(event);
        if (pending && typeof (pending as Promise<void>).then === 'function') {
          (pending as Promise<void>).then(undefined, (err) => say('error', `audit sink failed: ${describe(err)}`));
        }
      } catch (err) {
        say('error', `audit sink failed: ${describe(err)}`);
      }
    }
    return response;
  };

  async function run(request: Request, url: URL, method: string, rawTarget: string | undefined, corsOk: boolean, event: AuditEvent): Promise<Response> {
    const pathname = url.pathname;
    // Preflight: answered only for configured origins; without CORS it is just another unknown route.
    if (method === 'OPTIONS') {
      if (cors && corsOk && pathname.startsWith(`${basePath}/organization/`)) {
        event.outcome = 'forwarded';
        event.requestId = localId();
        return preflight(request, cors);
      }
      throw notFound(method, pathname);
    }
    if (rawTarget !== undefined && !rawTargetIsClean(rawTarget)) throw notFound(method, pathname);
    // Even without the raw target: a parser that left dot segments or backslashes in.
    if (!rawTargetIsClean(pathname + url.search)) throw notFound(method, pathname);
    const match = matchRoute(method, pathname);
    if (!match) throw notFound(method, pathname);
    const { op, ids } = match;
    event.operation = op.name;
    event.writes = op.writes;
    Object.assign(event.ids, ids);

    // Same origin unless configured: a browser says where a request comes from.
    const site = request.headers.get('sec-fetch-site');
    if ((site === 'cross-site' || site === 'same-site') && !corsOk) {
      throw new Refusal(403, 'forbidden', 'Cross-origin requests are not allowed here.', 'invalid_request_error', 'cross_origin');
    }
    for (const name of OVERRIDE_HEADERS) {
      if (request.headers.has(name)) throw invalid(`The ${name} header is not accepted.`, name);
    }
    const idempotencyKey = request.headers.get('idempotency-key');
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw invalid('The Idempotency-Key header must be 1 to 255 letters, digits or _.:-', 'idempotency-key');
    }

    const context: OperationContext = Object.freeze({
      name: op.name,
      writes: op.writes,
      method: op.method,
      path: op.path,
      ids: Object.freeze({ ...ids }),
      summary: op.summary,
    });
    let who: unknown;
    try {
      who = await authorize(request, context);
    } catch (reason) {
      if (reason instanceof AccessDenied) {
        throw reason.status === 401
          ? new Refusal(401, 'unauthenticated', reason.message, 'invalid_request_error', 'unauthenticated')
          : new Refusal(403, 'forbidden', reason.message, 'invalid_request_error', 'permission_denied', null, reason.who ?? null);
      }
      say('error', `authorize threw for ${op.name}: ${describe(reason)}`);
      throw new Refusal(500, 'error', 'The server could not check this request.', 'server_error', null);
    }
    if (who === null || who === undefined) {
      throw new Refusal(401, 'unauthenticated', 'Sign in to use the Admin API through this server.', 'invalid_request_error', 'unauthenticated');
    }
    if (!who) {
      throw new Refusal(403, 'forbidden', `You are not allowed to run ${op.name}.`, 'invalid_request_error', 'permission_denied');
    }
    event.who = who;

    // The visitor's query and body, read into the params object the client would pass.
    const params: Record<string, unknown> = {};
    const pathParams = op.pathParams.map((p) => p.name);
    const positional = pathParams.at(-1);
    for (const name of pathParams) if (name !== positional) params[name] = ids[name];
    const query = url.search.length > 1 ? url.search.slice(1) : '';
    if (op.input === 'query') {
      readQuery(query, op, params);
    } else if (query !== '') {
      throw invalid(`${op.name} takes no query parameters.`);
    }
    const text = await readBody(request, method);
    if (op.input === 'body') {
      const type = request.headers.get('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        throw invalid('Send the body as JSON, with Content-Type: application/json.', null, 415);
      }
      let body: unknown;
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        throw invalid('The body is not valid JSON.', 'body');
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('The body must be a JSON object.', 'body');
      for (const [k, v] of Object.entries(body)) {
        if (pathParams.includes(k) && k !== positional) throw invalid(`\`${k}\` belongs in the path.`, k);
        params[k] = v;
      }
    } else if (text !== '') {
      throw invalid(`${op.name} takes no body.`, 'body');
    }
    for (const [k, v] of Object.entries(params)) {
      if (k.endsWith('_id') && typeof v === 'string' && !(k in event.ids)) event.ids[k] = v;
    }

    // The client's rules: the same checks, the same canonical request.
    const prepared = await prepareOrRefuse(op, positional === undefined ? undefined : ids[positional], params);

    const headers = new Headers({
      authorization: `Bearer ${key}`,
      accept: 'application/json',
      'user-agent': 'openai-admin-wasm/server',
    });
    if (prepared.body !== undefined) headers.set('content-type', 'application/json');
    if (idempotencyKey !== null) headers.set('idempotency-key', idempotencyKey);
    // One controller for the timeout and the visitor going away (cheaper than AbortSignal.any).
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeout);
    const visitorGone = () => abort.abort();
    request.signal?.addEventListener('abort', visitorGone, { once: true });
    const u0 = performance.now();
    let upstream: Response;
    let bytes: Uint8Array;
    try {
      upstream = await upstreamFetch(`${baseURL}${prepared.path}`, {
        method: prepared.method,
        headers,
        body: prepared.body,
        signal: abort.signal,
        redirect: 'manual',
      });
      bytes = await readLimited(upstream.body, MAX_UPSTREAM_BODY);
    } catch (reason) {
      event.upstreamMs = Math.round((performance.now() - u0) * 1000) / 1000;
      if (timedOut) {
        throw new Refusal(504, 'timeout', `The Admin API did not answer within ${timeout} ms.`, 'server_error', 'upstream_timeout');
      }
      if (request.signal?.aborted) {
        throw new Refusal(499, 'error', 'The request was cancelled.', 'invalid_request_error', 'cancelled');
      }
      say('warn', `${op.name}: the Admin API could not be reached: ${describe(reason)}`);
      throw new Refusal(502, 'unreachable', 'The Admin API could not be reached.', 'server_error', 'upstream_unreachable');
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', visitorGone);
    }
    event.upstreamMs = Math.round((performance.now() - u0) * 1000) / 1000;
    const requestId = upstream.headers.get('x-request-id');
    event.requestId = requestId ?? localId();
    event.outcome = 'forwarded';
    if (upstream.status >= 300 && upstream.status < 400) {
      say('warn', `${op.name}: the Admin API answered a redirect (${upstream.status}); not followed`);
      throw new Refusal(502, 'unreachable', 'The Admin API answered with a redirect.', 'server_error', 'upstream_redirect');
    }
    const out = new Headers(securityHeaders());
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out.set(name, redact(value));
    }
    if (!out.has('x-request-id')) out.set('x-request-id', event.requestId);
    const body = redact(new TextDecoder().decode(bytes));
    return new Response(upstream.status === 204 ? null : body, { status: upstream.status, headers: out });
  }

  async function prepareOrRefuse(op: OperationInfo, id: string | undefined, params: Record<string, unknown>) {
    const hasParams = op.input !== null || op.pathParams.length > 1;
    let prepared: ReturnType<Prepare>;
    try {
      prepared = (await core())(op.name, id, hasParams ? params : undefined);
    } catch (reason) {
      const d = reason as { name?: string; message?: string; param?: string | null } | null;
      if (d && typeof d === 'object' && !(reason instanceof Error) && typeof d.message === 'string') {
        // The core's pre-send refusal; its message says nothing was sent, which holds here too.
        throw invalid(d.message, typeof d.param === 'string' ? d.param : null);
      }
      throw reason;
    }
    // Belt and braces: the rebuilt request is the operation's, one segment per parameter.
    const path = prepared.path.split('?', 1)[0]!;
    const want = op.path.split('/');
    const got = path.split('/');
    if (
      prepared.method !== op.method ||
      got.length !== want.length ||
      want.some((s, i) => !(s.startsWith('{') ? !['', '.', '..'].includes(got[i]!) : s === got[i]))
    ) {
      throw new Error(`prepare built ${prepared.method} ${path} for ${op.name}`);
    }
    return prepared;
  }

  function matchRoute(method: string, pathname: string): { op: OperationInfo; ids: Record<string, string> } | null {
    const prefix = `${basePath}/`;
    if (!pathname.startsWith(prefix)) return null;
    const segments = pathname.slice(basePath.length).split('/').slice(1);
    for (const route of routes) {
      if (route.op.method !== method || route.segments.length !== segments.length) continue;
      const ids: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length && ok; i++) {
        const want = route.segments[i]!;
        const raw = segments[i]!;
        if (typeof want === 'string') {
          ok = raw === want;
          continue;
        }
        const value = raw === '' ? null : decodeOnce(raw, false);
        ok = value !== null && value !== '.' && value !== '..' && !BAD_IN_ID.test(value);
        if (ok) ids[want.param] = value!;
      }
      if (ok) return { op: route.op, ids };
    }
    return null;
  }

  function readQuery(query: string, op: OperationInfo, params: Record<string, unknown>) {
    if (query === '') return;
    const fields = new Map(op.fields.map((f) => [f.name, f]));
    const seen = new Set<string>();
    for (const pair of query.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      let name = decodeOnce(rawKey, true);
      const value = decodeOnce(eq < 0 ? '' : pair.slice(eq + 1), true);
      if (name === null || value === null) throw invalid('The query string is not correctly percent-encoded.');
      if (CONTROL.test(name) || CONTROL.test(value)) throw invalid('The query string holds a control character.', name);
      const array = name.endsWith('[]');
      if (array) name = name.slice(0, -2);
      if (name === '' || name === '__proto__' || op.pathParams.some((p) => p.name === name)) throw invalid(`\`${name}\` is not a query parameter of ${op.name}.`, name);
      const field = fields.get(name);
      if (array || field?.type === 'string[]') {
        const list = (params[name] ??= []) as unknown[];
        if (!Array.isArray(list)) throw invalid(`\`${name}\` is given both as a list and as a value.`, name);
        list.push(value);
        seen.add(name);
        continue;
      }
      if (seen.has(name)) throw invalid(`\`${name}\` is given more than once.`, name);
      seen.add(name);
      // Typed as the schema says; a value that is not of the type goes on as text, and the core refuses it.
      if (field?.type === 'integer' && /^-?\d{1,15}$/.test(value)) params[name] = Number(value);
      else if (field?.type === 'number' && /^-?\d{1,15}(\.\d{1,15})?$/.test(value)) params[name] = Number(value);
      else if (field?.type === 'boolean' && (value === 'true' || value === 'false')) params[name] = value === 'true';
      else params[name] = value;
    }
  }

  async function readBody(request: Request, method: string): Promise<string> {
    if (method === 'GET' || request.body === null) return '';
    const declared = request.headers.get('content-length');
    if (declared !== null && Number(declared) > maxBody) {
      throw new Refusal(413, 'too_large', `The request body is larger than ${maxBody} bytes.`, 'invalid_request_error', 'request_too_large');
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(request.body, maxBody);
    } catch (reason) {
      if (reason instanceof TooLarge) {
        throw new Refusal(413, 'too_large', `The request body is larger than ${maxBody} bytes.`, 'invalid_request_error', 'request_too_large');
      }
      throw invalid('The request body could not be read.', 'body');
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw invalid('The body is not UTF-8.', 'body');
    }
  }

  return handler;
}

class TooLarge extends Error {}

/** Reads a body stream, refusing (TooLarge) once it passes `limit` bytes. */
async function readLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function describe(reason: unknown): string {
  if (reason instanceof Error) {
    const cause = (reason as { cause?: unknown }).cause;
    return `${reason.name}: ${reason.message}${cause instanceof Error ? ` (${cause.message})` : ''}`;
  }
  if (reason && typeof reason === 'object' && 'message' in reason) return String((reason as { message: unknown }).message);
  return String(reason);
}

function securityHeaders(): Record<string, string> {
  return { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
}

function errorResponse(refusal: Refusal, requestId: string): Response {
  const headers = new Headers(securityHeaders());
  headers.set('content-type', 'application/json');
  headers.set('x-request-id', requestId);
  if (refusal.status === 401) headers.set('www-authenticate', 'Bearer');
  const body = { error: { message: refusal.message, type: refusal.type, param: refusal.param, code: refusal.code } };
  return new Response(JSON.stringify(body), { status: refusal.status, headers });
}

function corsMatcher(cors: CorsOptions | undefined): (origin: string) => boolean {
  if (!cors) return () => false;
  const { origin } = cors;
  if (typeof origin === 'function') return (o) => origin(o) === true;
  const list = new Set(typeof origin === 'string' ? [origin] : origin);
  if (list.has('*')) throw new TypeError('createAdminHandler: `cors.origin` lists origins; `*` is not accepted for an admin API');
  return (o) => list.has(o);
}

function decorateCors(headers: Headers, origin: string, cors: CorsOptions) {
  headers.set('access-control-allow-origin', origin);
  headers.append('vary', 'Origin');
  headers.set('access-control-expose-headers', 'x-request-id, retry-after, retry-after-ms');
  if (cors.credentials) headers.set('access-control-allow-credentials', 'true');
}

function preflight(request: Request, cors: CorsOptions): Response {
  const wanted = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => CORS_HEADER.test(h));
  const headers = new Headers({
    'access-control-allow-methods': 'GET, POST, DELETE',
    'access-control-allow-headers': wanted.join(', ') || 'authorization, content-type',
    'access-control-max-age': String(cors.maxAge ?? 600),
  });
  return new Response(null, { status: 204, headers });
}
