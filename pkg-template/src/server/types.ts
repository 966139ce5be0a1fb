/**
 * The server handler's public types: its options, what `authorize` and the audit sink receive, and
 * the handler itself.
 */
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
  /** Where the handler is mounted: it serves `{basePath}/organization/…` and `{basePath}/projects/…`. Default `/v1`. */
  basePath?: string;
  /** Called once per request with its {@link AuditEvent}; errors it throws are logged, never sent. */
  audit?: (event: AuditEvent) => void | Promise<void>;
  /** Largest request body accepted, in bytes (default 64 KiB); larger gets a 413. */
  maxBodyBytes?: number;
  /**
   * Milliseconds the exchange with the API may take, its answer's body included (default 30 000).
   * Without an answer by then the visitor gets a 504; an answer already streaming to the visitor is
   * cut off.
   */
  timeout?: number;
  /** Cross-origin access; without it, same-origin only. */
  cors?: CorsOptions;
  /**
   * The `fetch` that reaches the API. Default: in Node, `node:http`/`node:https` with a keep-alive
   * agent (no fetch machinery per request); elsewhere the global `fetch`.
   */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** The handler's own log lines (audit sink failures, an `authorize` that threw, an unreachable API); redacted. Default: `console.error`. */
  log?: (level: 'warn' | 'error', message: string) => void;
}

/** The handler: mount it wherever a framework takes a `Request` and wants a `Response`. */
export type AdminHandler = (request: Request) => Promise<Response>;

