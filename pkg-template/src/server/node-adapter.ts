/**
 * The handler on Node's `http` (and Express, Connect, Fastify's raw server): a request listener.
 * For a handler `createAdminHandler` made, the request goes through the pipeline straight from
 * Node's `req` to its `res`: no `Request`, `Headers` or `Response` per request, the API's answer
 * streamed into `res`. Any other `(Request) => Promise<Response>` is called with a `Request`.
 * Written against the few members it uses, so that it imports nothing from Node at run time.
 */
import type { HeaderSource } from './access.js';
import { rawTargets, handlerSettings } from './handler.js';
import { emitEvent, serve, startEvent, type Visitor } from './pipeline.js';
import type { Settings } from './settings.js';
import type { AdminHandler } from './types.js';
import { TooLarge } from './answers.js';
import { concat, drained, type StreamSink, type UpstreamFailure } from './upstream.js';

/** What the adapter reads of Node's `IncomingMessage`. */
export interface NodeRequestLike {
  method?: string;
  url?: string;
  /** Express keeps the full path here when the handler is mounted below a prefix. */
  originalUrl?: string;
  rawHeaders: string[];
  socket?: { encrypted?: boolean } | null;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/** What the adapter uses of Node's `ServerResponse`. */
export interface NodeResponseLike extends StreamSink {
  statusCode: number;
  headersSent?: boolean;
  writableFinished?: boolean;
  setHeader(name: string, value: string | string[]): unknown;
  writeHead(status: number, headers: string[]): unknown;
  end(chunk?: Uint8Array | string, callback?: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
/** Request targets a URL parser leaves as they are (no percent-encoding added, nothing resolved). */
const PLAIN_TARGET = /^\/[A-Za-z0-9\-._~!$&()*+,;=:@/%?[\]]*$/;
/** What Headers accepts: a token name, a value without NUL, CR or LF. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// eslint-disable-next-line no-control-regex
const BAD_VALUE = /[\0\r\n]/;

/**
 * A Node request listener around a handler: `http.createServer(toNodeHandler(handler))`. The raw
 * request target is checked before any URL parser resolves `..` in it. Bodies are read up to the
 * handler's limit.
 */
export function toNodeHandler(handler: AdminHandler): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  if (typeof handler !== 'function') throw new TypeError('toNodeHandler(handler): give the handler createAdminHandler made');
  const s = handlerSettings.get(handler);
  return s ? (req, res) => direct(s, req, res) : (req, res) => throughRequest(handler, req, res);
}

/** A handler of this package: Node's `req` through the pipeline, the answer written to `res`. */
async function direct(s: Settings, req: NodeRequestLike, res: NodeResponseLike): Promise<void> {
  const started = s.audit ? performance.now() : 0;
  const headers = new Map<string, string>();
  const raw = req.rawHeaders;
  let badHeader = false;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!.trim();
    if (!TOKEN.test(name) || BAD_VALUE.test(value)) badHeader = true;
    const had = headers.get(name);
    headers.set(name, had === undefined ? value : `${had}, ${value}`);
  }
  if (badHeader) return writeBadHeader(res);
  const visitor = nodeVisitor(req, res, headers);
  const event = startEvent(s, visitor);
  const answer = await serve(s, visitor, event);
  const flat: string[] = [];
  for (const [name, value] of answer.headers) flat.push(name, value);
  if (answer.status === 413) flat.push('connection', 'close');
  const { reply } = answer;
  if (!reply) {
    res.writeHead(answer.status, flat);
    res.end(answer.body ?? undefined);
    if (event) emitEvent(s, event, answer.status, started);
    return;
  }
  if (reply.length !== null) flat.push('content-length', String(reply.length));
  const coding = reply.header('content-encoding');
  if (coding !== null) flat.push('content-encoding', coding);
  res.writeHead(answer.status, flat);
  await new Promise<void>((resolve) =>
    reply.pipe(res, (failure: UpstreamFailure | null) => {
      if (failure) s.say('warn', `the Admin API's answer was cut off (${failure.kind})`);
      if (event) emitEvent(s, event, answer.status, started, failure);
      resolve();
    }),
  );
}

/** Node's `req` as the pipeline reads it; `headers` holds its headers, names in lower case. */
function nodeVisitor(req: NodeRequestLike, res: NodeResponseLike, headers: Map<string, string>): Visitor {
  const target = req.originalUrl ?? req.url ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  let pathname: string;
  let search: string;
  if (PLAIN_TARGET.test(target)) {
    const q = target.indexOf('?');
    pathname = q < 0 ? target : target.slice(0, q);
    search = q < 0 || q === target.length - 1 ? '' : target.slice(q);
  } else {
    const url = new URL(urlOf(req, headers, target));
    pathname = url.pathname;
    search = url.search;
  }
  const header = (name: string) => headers.get(name) ?? null;
  return {
    method,
    pathname,
    search,
    rawTarget: target,
    header,
    hasBody: method !== 'GET' && method !== 'HEAD',
    readBody: (limit) => readNodeBody(req, limit),
    forAuthorize: (headersOnly) =>
      headersOnly ? ({ headers: { get: header } } satisfies HeaderSource) : requestFor(req, headers, target, method),
    gone: {
      watch(listener) {
        const closed = () => {
          if (!res.writableFinished) listener();
        };
        res.on('close', closed);
        return () => res.off('close', closed);
      },
    },
  };
}

/** The visitor's URL, on a host from the Host header when it is one. */
function urlOf(req: NodeRequestLike, headers: Map<string, string>, target: string): string {
  const hostHeader = headers.get('host') ?? '';
  const host = HOST.test(hostHeader) ? hostHeader : 'localhost';
  const scheme = req.socket?.encrypted ? 'https' : 'http';
  try {
    return new URL(`${scheme}://${host}${target.startsWith('/') ? target : '/'}`).href;
  } catch {
    return `${scheme}://localhost/`;
  }
}

/** A `Request` for an `authorize` of the application's own: method, URL and headers (the handler reads the body). */
function requestFor(req: NodeRequestLike, headers: Map<string, string>, target: string, method: string): Request {
  return new Request(urlOf(req, headers, target), {
    method: /^(CONNECT|TRACE|TRACK)$/.test(method) ? 'UNSUPPORTED' : method,
    headers: [...headers],
  });
}

/** The body, refusing past `limit` (the rest is left unread; the 413 closes the connection). */
function readNodeBody(req: NodeRequestLike, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk) => {
      if (over) return;
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        reject(new TooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => over || resolve(concat(chunks, size)));
    req.on('error', (err) => over || reject(err));
  });
}

function writeBadHeader(res: NodeResponseLike): void {
  const body = { error: { message: 'A request header could not be read.', type: 'invalid_request_error', param: null, code: 'bad_header' } };
  res.writeHead(400, ['content-type', 'application/json', 'cache-control', 'no-store']);
  res.end(JSON.stringify(body));
}

/** Any other handler: called with a `Request` (the body streamed into it), its `Response` written to `res`. */
async function throughRequest(handler: AdminHandler, req: NodeRequestLike, res: NodeResponseLike): Promise<void> {
  const target = req.originalUrl ?? req.url ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  const headers = new Headers();
  let badHeader = false;
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    try {
      headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    } catch {
      badHeader = true;
    }
  }
  if (badHeader) return writeBadHeader(res);
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let cancelled = false;
  const body =
    method === 'GET' || method === 'HEAD'
      ? null
      : new ReadableStream<Uint8Array>({
          start(controller) {
            req.on('data', (chunk) => {
              if (!cancelled) controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            });
            req.on('end', () => {
              if (!cancelled) controller.close();
            });
            req.on('error', (err) => {
              if (!cancelled) controller.error(err);
            });
          },
          cancel() {
            cancelled = true;
          },
        });
  const hostHeader = headers.get('host') ?? '';
  const host = HOST.test(hostHeader) ? hostHeader : 'localhost';
  let url: string;
  try {
    url = new URL(`${req.socket?.encrypted ? 'https' : 'http'}://${host}${target.startsWith('/') ? target : '/'}`).href;
  } catch {
    url = 'http://localhost/';
  }
  // Fetch forbids some methods (TRACE, CONNECT, TRACK) in a Request: they travel beside it.
  const carried = /^(CONNECT|TRACE|TRACK)$/.test(method) ? 'UNSUPPORTED' : method;
  const request = new Request(url, { method: carried, headers, body, signal: abort.signal, ...(body ? { duplex: 'half' } : {}) } as RequestInit);
  rawTargets.set(request, { target, method });
  const response = await handler(request);
  const flat: string[] = [];
  response.headers.forEach((value, name) => flat.push(name, value));
  if (response.status === 413) flat.push('connection', 'close');
  res.writeHead(response.status, flat);
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drained(res);
    }
  }
  await new Promise<void>((resolve) => res.end(undefined, resolve));
  // Whatever the handler left unread is drained, so that a keep-alive connection stays usable.
  req.resume();
}
