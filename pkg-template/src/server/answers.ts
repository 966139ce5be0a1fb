/**
 * The answers the handler writes itself, in the API's error format, and the headers every answer
 * carries. Answers are plain values (status, header pairs, body) that each front end writes its
 * own way: a `Response` for the Web-standard handler, straight to Node's `res` for `toNodeHandler`.
 */
import type { AuditEvent, CorsOptions } from './types.js';

/** Header name/value pairs, names in lower case. */
export type HeaderList = [string, string][];

/** An answer whose body is known: a refusal, a preflight, or an API error read and redacted. */
export interface LocalAnswer {
  status: number;
  headers: HeaderList;
  body: string | null;
}

/** A response the handler writes itself. */
export class Refusal {
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

export const notFound = (method: string, path: string) =>
  new Refusal(404, 'not_found', `Invalid URL (${method} ${path.length > 200 ? `${path.slice(0, 200)}…` : path})`, 'invalid_request_error', 'unknown_url');
export const invalid = (message: string, param: string | null = null, status = 400) =>
  new Refusal(status, 'invalid', message, 'invalid_request_error', null, param);
export const tooLarge = (limit: number) =>
  new Refusal(413, 'too_large', `The request body is larger than ${limit} bytes.`, 'invalid_request_error', 'request_too_large');

/** Thrown by body readers past their limit. */
export class TooLarge extends Error {}

/** Headers on every answer: nothing is cached, nothing sniffed. */
export function securityHeaders(): HeaderList {
  return [
    ['cache-control', 'no-store'],
    ['x-content-type-options', 'nosniff'],
  ];
}

/** A refusal as the API would word it. */
export function refusalAnswer(refusal: Refusal, requestId: string): LocalAnswer {
  const headers = securityHeaders();
  headers.push(['content-type', 'application/json'], ['x-request-id', requestId]);
  if (refusal.status === 401) headers.push(['www-authenticate', 'Bearer']);
  const body = { error: { message: refusal.message, type: refusal.type, param: refusal.param, code: refusal.code } };
  return { status: refusal.status, headers, body: JSON.stringify(body) };
}

/** The 500 of an unexpected failure: nothing of it reaches the visitor. */
export const internalError = () => new Refusal(500, 'error', 'The server could not handle this request.', 'server_error', null);

/** Request headers a browser may send cross-origin when CORS is configured. */
const CORS_HEADER = /^(authorization|content-type|accept|idempotency-key|x-stainless-[a-z0-9-]+)$/;

/** Whether an origin may call: exact origins or a predicate; never `*` for an admin API. */
export function corsMatcher(cors: CorsOptions | undefined): (origin: string) => boolean {
  if (!cors) return () => false;
  const { origin } = cors;
  if (typeof origin === 'function') return (o) => origin(o) === true;
  const list = new Set(typeof origin === 'string' ? [origin] : origin);
  if (list.has('*')) throw new TypeError('createAdminHandler: `cors.origin` lists origins; `*` is not accepted for an admin API');
  return (o) => list.has(o);
}

/** The CORS headers of an answer to an allowed origin. */
export function corsHeaders(headers: HeaderList, origin: string, cors: CorsOptions): void {
  headers.push(
    ['access-control-allow-origin', origin],
    ['vary', 'Origin'],
    ['access-control-expose-headers', 'x-request-id, retry-after, retry-after-ms'],
  );
  if (cors.credentials) headers.push(['access-control-allow-credentials', 'true']);
}

/** The answer to a preflight from an allowed origin: only the headers the API takes. */
export function preflightAnswer(requestedHeaders: string | null, cors: CorsOptions): LocalAnswer {
  const wanted = (requestedHeaders ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => CORS_HEADER.test(h));
  return {
    status: 204,
    headers: [
      ['access-control-allow-methods', 'GET, POST, DELETE'],
      ['access-control-allow-headers', wanted.join(', ') || 'authorization, content-type'],
      ['access-control-max-age', String(cors.maxAge ?? 600)],
    ],
    body: null,
  };
}

/** A thrown value as text for a log line (redacted by the caller). */
export function describe(reason: unknown): string {
  if (reason instanceof Error) {
    const cause = (reason as { cause?: unknown }).cause;
    return `${reason.name}: ${reason.message}${cause instanceof Error ? ` (${cause.message})` : ''}`;
  }
  if (reason && typeof reason === 'object' && 'message' in reason) return String((reason as { message: unknown }).message);
  return String(reason);
}
