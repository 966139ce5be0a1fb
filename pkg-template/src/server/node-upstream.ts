/**
 * Node's way to the API: `node:http`/`node:https` with a keep-alive agent, one `request` per
 * forwarded request, none of `fetch`'s machinery (no Request, Headers, AbortController or web
 * streams per request). Same contract as the `fetch` upstream: the timeout covers the whole
 * exchange, the visitor going away ends it, redirects are not followed.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as zlib from 'node:zlib';
import { TooLarge } from './answers.js';
import { concat, UpstreamFailure, type StreamSink, type Upstream, type UpstreamReply, type UpstreamRequest, type VisitorGone } from './upstream.js';

type Kind = UpstreamFailure['kind'];
const utf8 = new TextDecoder();

/** The upstream for a base URL (`https://api.openai.com/v1`), with its own keep-alive agent. */
export function nodeUpstream(baseURL: string): Upstream {
  const base = new URL(baseURL);
  const lib = base.protocol === 'https:' ? https : http;
  // LIFO: the most recently used connection is the one least likely to have been closed idle.
  const agent = new lib.Agent({ keepAlive: true, scheduling: 'lifo' });
  const target = {
    hostname: base.hostname.startsWith('[') ? base.hostname.slice(1, -1) : base.hostname,
    port: base.port === '' ? undefined : Number(base.port),
    prefix: base.pathname.replace(/\/+$/, ''),
  };
  return {
    send(request, timeout, visitor) {
      return new Promise<UpstreamReply>((resolve, reject) => exchange(lib, agent, target, request, timeout, visitor, resolve, reject, false));
    },
  };
}

function exchange(
  lib: typeof http | typeof https,
  agent: http.Agent,
  target: { hostname: string; port: number | undefined; prefix: string },
  request: UpstreamRequest,
  timeout: number,
  visitor: VisitorGone | undefined,
  resolve: (reply: UpstreamReply) => void,
  reject: (failure: UpstreamFailure) => void,
  retried: boolean,
): void {
  // The request's own headers (made for this request): no content coding asked for, so the bytes
  // passed on are the bytes the API sent (`length` holds).
  const { headers } = request;
  headers['accept-encoding'] = 'identity';
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  const out = lib.request({ hostname: target.hostname, port: target.port, method: request.method, path: target.prefix + request.path, headers, agent });
  let why: Kind | null = null;
  let answered = false;
  const timer = setTimeout(() => {
    why = 'timeout';
    out.destroy();
  }, timeout);
  const unwatch = visitor?.watch(() => {
    why ??= 'cancelled';
    out.destroy();
  });
  const end = () => {
    clearTimeout(timer);
    unwatch?.();
  };
  const fail = (cause: unknown) => new UpstreamFailure(why ?? 'unreachable', cause);
  out.on('response', (answer) => {
    answered = true;
    resolve(new NodeReply(answer, end, fail));
  });
  out.on('error', (err: Error & { code?: string }) => {
    // After the head arrived, a failure shows on the answer (its 'close' without 'end').
    if (answered) return;
    end();
    // A kept-alive connection the API closed as it was reused: sent again once, where that is safe.
    const idempotent = request.method === 'GET' || request.method === 'DELETE';
    if (why === null && !retried && idempotent && out.reusedSocket && err.code === 'ECONNRESET') {
      exchange(lib, agent, target, request, timeout, visitor, resolve, reject, true);
      return;
    }
    reject(fail(err));
  });
  out.end(request.body);
}

class NodeReply implements UpstreamReply {
  readonly status: number;
  readonly length: number | null;

  constructor(
    private readonly answer: http.IncomingMessage,
    private readonly end: () => void,
    private readonly fail: (cause: unknown) => UpstreamFailure,
  ) {
    this.status = answer.statusCode ?? 502;
    const declared = answer.headers['content-length'];
    this.length = declared !== undefined && /^\d{1,15}$/.test(declared) ? Number(declared) : null;
    // A failure mid-body shows as 'close' without a complete message; the error itself is not needed.
    answer.on('error', () => {});
  }

  header(name: string): string | null {
    const value = this.answer.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  /** Calls `ended` once the answer is complete, `failed` if it closes before that. */
  private watchEnd(ended: () => void, failed: (cause: unknown) => void): void {
    const { answer } = this;
    answer.once('end', () => {
      this.end();
      ended();
    });
    answer.once('close', () => {
      if (answer.complete) return;
      this.end();
      failed(new Error('the answer ended before its body did'));
    });
  }

  text(limit: number): Promise<string> {
    const { answer } = this;
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let over = false;
      answer.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > limit) {
          over = true;
          answer.destroy();
        } else chunks.push(chunk);
      });
      this.watchEnd(
        () => {
          try {
            resolve(utf8.decode(decoded(concat(chunks, size), this.header('content-encoding'))));
          } catch (cause) {
            reject(this.fail(cause));
          }
        },
        (cause) => reject(this.fail(over ? new TooLarge() : cause)),
      );
    });
  }

  stream(): ReadableStream<Uint8Array> | null {
    const { answer } = this;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        answer.on('data', (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) answer.pause();
        });
        this.watchEnd(
          () => controller.close(),
          (cause) => controller.error(this.fail(cause)),
        );
      },
      pull: () => {
        answer.resume();
      },
      cancel: () => {
        this.end();
        answer.destroy();
      },
    });
  }

  pipe(sink: StreamSink, done: (failure: UpstreamFailure | null) => void): void {
    const { answer, length } = this;
    let got = 0;
    let ended = false;
    answer.on('data', (chunk: Buffer) => {
      got += chunk.byteLength;
      if (got === length) {
        // The last chunk: with the head, in one write when it is also the first.
        ended = true;
        sink.end(chunk);
      } else if (!sink.write(chunk)) {
        answer.pause();
        sink.once('drain', () => answer.resume());
      }
    });
    this.watchEnd(
      () => {
        if (!ended) sink.end();
        done(null);
      },
      (cause) => {
        sink.destroy();
        done(this.fail(cause));
      },
    );
  }

  discard(): void {
    this.end();
    // Read to the end, so that the connection goes back to the pool.
    this.answer.resume();
  }
}

/** A body in a content coding the API was not asked for (`accept-encoding: identity`), decoded. */
function decoded(bytes: Uint8Array, coding: string | null): Uint8Array {
  switch (coding?.trim().toLowerCase() ?? 'identity') {
    case 'identity':
    case '':
      return bytes;
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(bytes);
    case 'deflate':
      return zlib.inflateSync(bytes);
    case 'br':
      return zlib.brotliDecompressSync(bytes);
    default:
      throw new Error(`the answer's content coding ${coding} is not one the handler reads`);
  }
}
