/**
 * The handler on Node's `http` (and Express, Connect, Fastify's raw server): a request listener.
 * Written against the few members it uses, so that it imports nothing from Node at run time.
 */
import { rawTargets, type AdminHandler } from './handler.js';

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
export interface NodeResponseLike {
  statusCode: number;
  headersSent?: boolean;
  writableFinished?: boolean;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array, callback?: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * A Node request listener around a handler: `http.createServer(toNodeHandler(handler))`. The raw
 * request target is checked before any URL parser resolves `..` in it. Bodies stream into the
 * handler, which stops reading past its limit.
 */
export function toNodeHandler(handler: AdminHandler): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  if (typeof handler !== 'function') throw new TypeError('toNodeHandler(handler): give the handler createAdminHandler made');
  return async (req, res) => {
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
    const hostHeader = headers.get('host') ?? '';
    const host = HOST.test(hostHeader) ? hostHeader : 'localhost';
    const scheme = req.socket?.encrypted ? 'https' : 'http';
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    let response: Response;
    if (badHeader) {
      response = Response.json(
        { error: { message: 'A request header could not be read.', type: 'invalid_request_error', param: null, code: 'bad_header' } },
        { status: 400, headers: { 'cache-control': 'no-store' } },
      );
    } else {
      let url: string;
      try {
        url = new URL(`${scheme}://${host}${target.startsWith('/') ? target : '/'}`).href;
      } catch {
        url = `${scheme}://localhost/`;
      }
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
      // Fetch forbids some methods (TRACE, CONNECT, TRACK) in a Request: they travel beside it.
      const carried = /^(CONNECT|TRACE|TRACK)$/.test(method) ? 'UNSUPPORTED' : method;
      const request = new Request(url, {
        method: carried,
        headers,
        body,
        signal: abort.signal,
        ...(body ? { duplex: 'half' } : {}),
      } as RequestInit);
      rawTargets.set(request, { target, method });
      response = await handler(request);
    }
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    if (response.status === 413) res.setHeader('connection', 'close');
    const bytes = new Uint8Array(await response.arrayBuffer());
    await new Promise<void>((resolve) => res.end(bytes, resolve));
    // Whatever the handler left unread is drained, so that a keep-alive connection stays usable.
    req.resume();
  };
}
