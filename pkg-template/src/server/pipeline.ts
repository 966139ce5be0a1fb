/**
 * One request through the handler, whatever front end received it (a Web `Request`, or Node's
 * `req` through `toNodeHandler`): matched against the allow-list, authorized, read into the
 * client's params, rebuilt by the wasm core's `prepare`, sent with the key, and answered. Every
 * refusal is answered here in the API's error format, without contacting the API.
 */
import { callShape, type CallShape, type OperationInfo } from '../operations.js';
import { AccessDenied, type HeaderSource } from './access.js';
import {
  corsHeaders,
  describe,
  internalError,
  invalid,
  notFound,
  preflightAnswer,
  Refusal,
  refusalAnswer,
  securityHeaders,
  tooLarge,
  TooLarge,
  type HeaderList,
  type LocalAnswer,
} from './answers.js';
import { matchRoute, rawTargetIsClean, readQuery, type Route } from './routes.js';
import type { Prepare, Settings } from './settings.js';
import type { AuditEvent, OperationContext } from './types.js';
import { UpstreamFailure, type UpstreamReply, type UpstreamRequest, type VisitorGone } from './upstream.js';

/** The visitor's request as the pipeline reads it, from whichever front end. */
export interface Visitor {
  /** The method as received, in upper case (also TRACE or CONNECT, which a `Request` cannot carry). */
  readonly method: string;
  /** The path and the query (`?…`, or empty) as a URL parser gives them. */
  readonly pathname: string;
  readonly search: string;
  /** The request target exactly as received, before any URL parser resolved dot segments, when known. */
  readonly rawTarget: string | undefined;
  /** A request header (several joined by `, `), or `null`. */
  header(name: string): string | null;
  /** Whether the request may carry a body. */
  readonly hasBody: boolean;
  /** The body's bytes, refusing ({@link TooLarge}) past `limit`. */
  readBody(limit: number): Promise<Uint8Array>;
  /** What `authorize` receives: a `Request`, or a view of the headers for the package's own authorizers. */
  forAuthorize(headersOnly: boolean): Request | HeaderSource;
  /** Present when the visitor can go away mid-request. */
  readonly gone: VisitorGone | undefined;
}

/** An answer: its body known, or the API's answer streamed through (`reply`) as it arrives. */
export interface Answer extends LocalAnswer {
  reply?: UpstreamReply;
}

/** Larger error answers from the API are refused (502) rather than buffered for redaction. */
const MAX_ERROR_BODY = 32 * 1024 * 1024;
/** Headers of the API's answer passed on to the visitor; the rest (cookies, …) are dropped. */
const PASSED_HEADERS = ['content-type', 'x-request-id', 'retry-after', 'retry-after-ms', 'x-should-retry'];
/** Headers that would make an intermediary reinterpret the request: refused with a 400. */
const OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override', 'x-original-url', 'x-rewrite-url', 'x-original-method'];
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,255}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The audit event of a request, `null` when there is no audit sink (then nothing is recorded). */
export function startEvent(s: Settings, v: Visitor): AuditEvent | null {
  if (!s.audit) return null;
  return {
    time: new Date().toISOString(),
    requestId: '',
    who: null,
    operation: null,
    writes: null,
    method: v.method,
    path: s.redact(v.pathname),
    ids: {},
    status: 0,
    outcome: 'forwarded',
    durationMs: 0,
  };
}

/** Hands the finished event to the audit sink; a failing sink is logged, never sent. */
export function emitEvent(s: Settings, event: AuditEvent, status: number, started: number, failure?: UpstreamFailure | null): void {
  event.status = status;
  if (failure) event.outcome = failure.kind === 'timeout' ? 'timeout' : failure.kind === 'cancelled' ? 'error' : 'unreachable';
  event.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
  try {
    const pending = s.audit!(event);
    if (pending && typeof (pending as Promise<void>).then === 'function') {
      (pending as Promise<void>).then(undefined, (err) => s.say('error', `audit sink failed: ${describe(err)}`));
    }
  } catch (err) {
    s.say('error', `audit sink failed: ${describe(err)}`);
  }
}

/** Serves one request: the answer, refusals included, with the CORS headers of an allowed origin. */
export async function serve(s: Settings, v: Visitor, event: AuditEvent | null): Promise<Answer> {
  const origin = s.cors ? v.header('origin') : null;
  const allowed = origin !== null && s.allowOrigin(origin) ? origin : null;
  let answer: Answer;
  try {
    answer = await forward(s, v, event, allowed !== null);
  } catch (reason) {
    const refusal = reason instanceof Refusal ? reason : (s.say('error', `unexpected failure: ${describe(reason)}`), internalError());
    const requestId = s.localId();
    if (event) {
      if (refusal.who !== null) event.who = refusal.who;
      event.requestId = requestId;
      event.outcome = refusal.outcome;
    }
    answer = refusalAnswer(refusal, requestId);
  }
  if (allowed !== null) corsHeaders(answer.headers, allowed, s.cors!);
  return answer;
}

async function forward(s: Settings, v: Visitor, event: AuditEvent | null, corsOk: boolean): Promise<Answer> {
  const { method, pathname } = v;
  // Preflight: answered only for configured origins; without CORS it is just another unknown route.
  if (method === 'OPTIONS') {
    if (corsOk && (pathname.startsWith(`${s.basePath}/organization/`) || pathname.startsWith(`${s.basePath}/projects/`))) {
      if (event) event.requestId = s.localId();
      return preflightAnswer(v.header('access-control-request-headers'), s.cors!);
    }
    throw notFound(method, pathname);
  }
  if (v.rawTarget !== undefined && !rawTargetIsClean(v.rawTarget)) throw notFound(method, pathname);
  // Even without the raw target: a parser that left dot segments or backslashes in.
  if (v.rawTarget !== pathname + v.search && !rawTargetIsClean(pathname + v.search)) throw notFound(method, pathname);
  const match = matchRoute(s.basePath, method, pathname);
  if (!match) throw notFound(method, pathname);
  const { route, ids } = match;
  const { op } = route;
  if (event) {
    event.operation = op.name;
    event.writes = op.writes;
    Object.assign(event.ids, ids);
  }
  const idempotencyKey = checkHeaders(v, corsOk);
  const who = await authorizeOrRefuse(s, v, op, ids);
  if (event) event.who = who;
  const fields = await readParams(s, v, route);
  if (event) {
    for (const [k, val] of Object.entries(fields)) {
      if (k.endsWith('_id') && typeof val === 'string' && !(k in event.ids)) event.ids[k] = val;
    }
  }
  // The client's rules: the same checks, the same canonical request, from the official call shape.
  const core = s.prepare();
  const prepare = typeof core === 'function' ? core : await core;
  const prepared = prepareOrRefuse(prepare, route, callShape(route.op, ids, fields));
  const headers: Record<string, string> = { ...s.upstreamHeaders };
  if (prepared.body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
  return send(s, v, event, op, { method: prepared.method, path: prepared.path, headers, body: prepared.body });
}

/** The headers that refuse a request before anything else is read; returns its idempotency key. */
function checkHeaders(v: Visitor, corsOk: boolean): string | null {
  // Same origin unless configured: a browser says where a request comes from.
  const site = v.header('sec-fetch-site');
  if ((site === 'cross-site' || site === 'same-site') && !corsOk) {
    throw new Refusal(403, 'forbidden', 'Cross-origin requests are not allowed here.', 'invalid_request_error', 'cross_origin');
  }
  for (const name of OVERRIDE_HEADERS) {
    if (v.header(name) !== null) throw invalid(`The ${name} header is not accepted.`, name);
  }
  const idempotencyKey = v.header('idempotency-key');
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw invalid('The Idempotency-Key header must be 1 to 255 letters, digits or _.:-', 'idempotency-key');
  }
  return idempotencyKey;
}

/** Asks `authorize`: the identity, or the refusal (401, 403; 500 when it throws anything else). */
async function authorizeOrRefuse(s: Settings, v: Visitor, op: OperationInfo, ids: Record<string, string>): Promise<unknown> {
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
    who = await s.authorize(v.forAuthorize(s.headersOnly) as Request, context);
  } catch (reason) {
    if (reason instanceof AccessDenied) {
      throw reason.status === 401
        ? new Refusal(401, 'unauthenticated', reason.message, 'invalid_request_error', 'unauthenticated')
        : new Refusal(403, 'forbidden', reason.message, 'invalid_request_error', 'permission_denied', null, reason.who ?? null);
    }
    s.say('error', `authorize threw for ${op.name}: ${describe(reason)}`);
    throw new Refusal(500, 'error', 'The server could not check this request.', 'server_error', null);
  }
  if (who === null || who === undefined) {
    throw new Refusal(401, 'unauthenticated', 'Sign in to use the Admin API through this server.', 'invalid_request_error', 'unauthenticated');
  }
  if (!who) throw new Refusal(403, 'forbidden', `You are not allowed to run ${op.name}.`, 'invalid_request_error', 'permission_denied');
  return who;
}

/** The visitor's query and body: the fields of the call. */
async function readParams(s: Settings, v: Visitor, route: Route): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  const { op, pathParams, positional } = route;
  const query = v.search.length > 1 ? v.search.slice(1) : '';
  if (op.input === 'query') readQuery(query, route, params);
  else if (query !== '') throw invalid(`${op.name} takes no query parameters.`);
  const body = await readBody(s, v);
  if (op.input === 'body') {
    const type = v.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) throw invalid('Send the body as JSON, with Content-Type: application/json.', null, 415);
    let value: unknown;
    try {
      value = body === '' ? {} : JSON.parse(body);
    } catch {
      throw invalid('The body is not valid JSON.', 'body');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('The body must be a JSON object.', 'body');
    for (const [k, val] of Object.entries(value)) {
      if (pathParams.includes(k) && k !== positional) throw invalid(`\`${k}\` belongs in the path.`, k);
      params[k] = val;
    }
  } else if (body !== '') {
    throw invalid(`${op.name} takes no body.`, 'body');
  }
  return params;
}

async function readBody(s: Settings, v: Visitor): Promise<string> {
  if (v.method === 'GET' || !v.hasBody) return '';
  const declared = v.header('content-length');
  if (declared !== null && Number(declared) > s.maxBody) throw tooLarge(s.maxBody);
  let bytes: Uint8Array;
  try {
    bytes = await v.readBody(s.maxBody);
  } catch (reason) {
    if (reason instanceof TooLarge) throw tooLarge(s.maxBody);
    throw invalid('The request body could not be read.', 'body');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalid('The body is not UTF-8.', 'body');
  }
}

function prepareOrRefuse(prepare: Prepare, route: Route, call: CallShape): ReturnType<Prepare> {
  const { op } = route;
  let prepared: ReturnType<Prepare>;
  try {
    prepared = prepare(op.name, call.id as string | undefined, call.params);
  } catch (reason) {
    const d = reason as { name?: string; message?: string; param?: string | null } | null;
    if (d && typeof d === 'object' && !(reason instanceof Error) && typeof d.message === 'string') {
      // The core's pre-send refusal; its message says nothing was sent, which holds here too.
      throw invalid(d.message, typeof d.param === 'string' ? d.param : null);
    }
    throw reason;
  }
  // Belt and braces: the rebuilt request is the operation's, one segment per parameter.
  const q = prepared.path.indexOf('?');
  const path = q < 0 ? prepared.path : prepared.path.slice(0, q);
  const got = path.split('/');
  const want = route.segments;
  if (
    prepared.method !== op.method ||
    got.length !== want.length + 1 ||
    got[0] !== '' ||
    want.some((seg, i) => {
      const part = got[i + 1]!;
      return typeof seg === 'string' ? seg !== part : part === '' || part === '.' || part === '..';
    })
  ) {
    throw new Error(`prepare built ${prepared.method} ${path} for ${op.name}`);
  }
  return prepared;
}

/** Sends the canonical request with the key and turns the API's answer into the visitor's. */
async function send(s: Settings, v: Visitor, event: AuditEvent | null, op: OperationInfo, request: UpstreamRequest): Promise<Answer> {
  const started = event ? performance.now() : 0;
  const took = () => Math.round((performance.now() - started) * 1000) / 1000;
  let reply: UpstreamReply;
  try {
    reply = await s.upstream.send(request, s.timeout, v.gone);
  } catch (reason) {
    if (event) event.upstreamMs = took();
    throw failureRefusal(s, op, reason);
  }
  const requestId = reply.header('x-request-id') ?? s.localId();
  if (event) {
    event.requestId = requestId;
    event.outcome = 'forwarded';
  }
  if (reply.status >= 300 && reply.status < 400) {
    reply.discard();
    if (event) event.upstreamMs = took();
    s.say('warn', `${op.name}: the Admin API answered a redirect (${reply.status}); not followed`);
    throw new Refusal(502, 'unreachable', 'The Admin API answered with a redirect.', 'server_error', 'upstream_redirect');
  }
  const headers: HeaderList = securityHeaders();
  for (const name of PASSED_HEADERS) {
    const value = reply.header(name);
    if (value !== null) headers.push([name, s.redact(value)]);
  }
  if (reply.header('x-request-id') === null) headers.push(['x-request-id', requestId]);
  if (reply.status >= 200 && reply.status < 300) {
    // A success carries the organization's data, which the API builds from what it stores, never
    // from the request's headers: the key, sent only in the Authorization header, cannot be in it.
    // Its bytes go to the visitor as they arrive, unread.
    if (event) event.upstreamMs = took();
    return { status: reply.status, headers, body: null, reply };
  }
  // An error answer is where the API quotes a credential it rejects (`Incorrect API key provided:
  // sk-…abcd`): the only answer that can carry the key. It is read whole, and redacted.
  let body: string;
  try {
    body = await reply.text(MAX_ERROR_BODY);
  } catch (reason) {
    if (event) event.upstreamMs = took();
    throw failureRefusal(s, op, reason);
  }
  if (event) event.upstreamMs = took();
  return { status: reply.status, headers, body: s.redact(body) };
}

/** The refusal for an exchange that failed: 504 (timeout), 499 (the visitor left), 502. */
function failureRefusal(s: Settings, op: OperationInfo, reason: unknown): Refusal {
  const kind = reason instanceof UpstreamFailure ? reason.kind : 'unreachable';
  if (kind === 'timeout') {
    return new Refusal(504, 'timeout', `The Admin API did not answer within ${s.timeout} ms.`, 'server_error', 'upstream_timeout');
  }
  if (kind === 'cancelled') return new Refusal(499, 'error', 'The request was cancelled.', 'invalid_request_error', 'cancelled');
  const cause = reason instanceof UpstreamFailure ? reason.cause : reason;
  s.say('warn', `${op.name}: the Admin API could not be reached: ${describe(cause)}`);
  return new Refusal(502, 'unreachable', 'The Admin API could not be reached.', 'server_error', 'upstream_unreachable');
}
