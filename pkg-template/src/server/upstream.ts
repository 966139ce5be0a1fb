/**
 * The way to the API: one exchange per forwarded request, under the handler's timeout, cancelled
 * when the visitor goes away. Two implementations: `fetch` (here; Workers, Deno, Bun, edge, and a
 * `fetch` option) and `node:http` with a keep-alive agent (`node-upstream.ts`, Node's default).
 *
 * The timeout covers the whole exchange, the answer's body included: the timer runs until the
 * body has been read or passed on, so a stalled body cannot hold a visitor forever.
 */
import { TooLarge } from './answers.js';

/** The request the handler sends: the core's canonical request with the key added. */
export interface UpstreamRequest {
  method: string;
  /** The path and query below the base URL, as the core built them (`/organization/groups?limit=20`). */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** How an exchange ended without an answer. */
export class UpstreamFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'unreachable' | 'cancelled',
    override readonly cause: unknown,
  ) {
    super(kind);
  }
}

/** What the upstream watches of the visitor: present only when the visitor can go away mid-request. */
export interface VisitorGone {
  /** Calls `listener` once if the visitor goes away; returns what stops watching. */
  watch(listener: () => void): () => void;
}

/** What a Node response must offer for an answer to be streamed into it (Node's `ServerResponse` does). */
export interface StreamSink {
  write(chunk: Uint8Array): boolean;
  end(chunk?: Uint8Array): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  destroy(error?: Error): unknown;
}

/** The API's answer, its body not yet read: read once, either whole (`bytes`) or passed on (`stream`, `pipe`). */
export interface UpstreamReply {
  readonly status: number;
  /** A header of the answer (several values joined by `, `), or `null`. */
  header(name: string): string | null;
  /** The body's length when the bytes passed on are exactly the bytes announced, else `null`. */
  readonly length: number | null;
  /** The whole body (at most `limit` bytes, else an `UpstreamFailure`), decoded from any content coding. */
  bytes(limit: number): Promise<Uint8Array>;
  /** The body as a Web stream, for a `Response`. */
  stream(): ReadableStream<Uint8Array> | null;
  /** Writes the body into a Node response whose head is set, ending it; `done` says how it ended. */
  pipe(sink: StreamSink, done: (failure: UpstreamFailure | null) => void): void;
  /** Drops the body (a redirect, never passed on). */
  discard(): void;
}

export interface Upstream {
  /** Sends `request`; resolves once the answer's head arrived, rejects with an {@link UpstreamFailure}. */
  send(request: UpstreamRequest, timeout: number, visitor: VisitorGone | undefined): Promise<UpstreamReply>;
}

/** The `fetch` the handler calls. */
export type UpstreamFetch = (input: string, init: RequestInit) => Promise<Response>;

/** Reads a body stream, refusing (TooLarge) once it passes `limit` bytes. */
export async function readLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
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
  return concat(chunks, size);
}

export function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The exchange over `fetch` (redirects not followed): one AbortController for the timer and the visitor. */
export function fetchUpstream(baseURL: string, fetchFn: UpstreamFetch): Upstream {
  return {
    async send(request, timeout, visitor) {
      const abort = new AbortController();
      let why: UpstreamFailure['kind'] | null = null;
      const timer = setTimeout(() => {
        why = 'timeout';
        abort.abort();
      }, timeout);
      const unwatch = visitor?.watch(() => {
        why ??= 'cancelled';
        abort.abort();
      });
      const end = () => {
        clearTimeout(timer);
        unwatch?.();
      };
      const fail = (cause: unknown) => new UpstreamFailure(why ?? 'unreachable', cause);
      let response: Response;
      try {
        response = await fetchFn(`${baseURL}${request.path}`, {
          method: request.method,
          // A Headers, as a `fetch` option may expect (`init.headers.get(...)`).
          headers: new Headers(request.headers),
          body: request.body,
          signal: abort.signal,
          redirect: 'manual',
        });
      } catch (cause) {
        end();
        throw fail(cause);
      }
      return new FetchReply(response, end, fail);
    },
  };
}

/** Resolves when `sink` can take more, or is gone. */
export function drained(sink: StreamSink): Promise<void> {
  return new Promise<void>((resolve) => {
    sink.once('drain', resolve);
    sink.once('close', resolve);
  });
}

class FetchReply implements UpstreamReply {
  readonly status: number;
  // `fetch` may have decoded a content coding: the announced length is not the length passed on.
  readonly length = null;
  constructor(
    private readonly response: Response,
    private readonly end: () => void,
    private readonly fail: (cause: unknown) => UpstreamFailure,
  ) {
    this.status = response.status;
  }

  header(name: string): string | null {
    return this.response.headers.get(name);
  }

  async bytes(limit: number): Promise<Uint8Array> {
    try {
      return await readLimited(this.response.body, limit);
    } catch (cause) {
      throw this.fail(cause);
    } finally {
      this.end();
    }
  }

  stream(): ReadableStream<Uint8Array> | null {
    const body = this.response.body;
    if (body === null) {
      this.end();
      return null;
    }
    // A pull-through stream, so that the timer stops with the body's last byte.
    const reader = body.getReader();
    const { end } = this;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            end();
            controller.close();
          } else controller.enqueue(value);
        } catch (err) {
          end();
          controller.error(err);
        }
      },
      cancel(reason) {
        end();
        return reader.cancel(reason);
      },
    });
  }

  pipe(sink: StreamSink, done: (failure: UpstreamFailure | null) => void): void {
    const body = this.response.body;
    if (body === null) {
      this.end();
      sink.end();
      return done(null);
    }
    const reader = body.getReader();
    const pump = async (): Promise<void> => {
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        if (!sink.write(value)) await drained(sink);
      }
    };
    pump().then(
      () => {
        this.end();
        sink.end();
        done(null);
      },
      (cause) => {
        this.end();
        sink.destroy();
        done(this.fail(cause));
      },
    );
  }

  discard(): void {
    this.end();
    this.response.body?.cancel().catch(() => {});
  }
}
