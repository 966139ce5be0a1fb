/**
 * The way to the API: one exchange per forwarded request, under the handler's timeout, cancelled
 * when the visitor goes away. Two implementations: `fetch` (here; Workers, Deno, Bun, edge, and a
 * `fetch` option) and `node:http` with a keep-alive agent (`node-upstream.ts`, Node's default).
 *
 * The timeout covers the whole exchange, the answer's body included: the timer runs until the
 * body has been read or passed on, so a stalled body cannot hold a visitor forever.
 */
import type { Fetch } from '../options.js';
import { fetchAttempt } from '../transport.js';
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

/** The API's answer, its body not yet read: read once, either whole (`text`) or passed on (`stream`, `pipe`). */
export interface UpstreamReply {
  readonly status: number;
  /** A header of the answer (several values joined by `, `), or `null`. */
  header(name: string): string | null;
  /** The body's length when the bytes passed on are exactly the bytes announced, else `null`. */
  readonly length: number | null;
  /** The whole body as text (at most `limit` bytes, else an `UpstreamFailure`), decoded from any content coding. */
  text(limit: number): Promise<string>;
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

/** Resolves when `sink` can take more, or is gone. */
export function drained(sink: StreamSink): Promise<void> {
  return new Promise<void>((resolve) => {
    sink.once('drain', resolve);
    sink.once('close', resolve);
  });
}

/**
 * The exchange over `fetch` (`customFetch`, else the global one), redirects not followed: the
 * client's own attempt (`fetchAttempt`: the timer, the caller's signal, an error's body read as
 * text), then a success's body passed on under what is left of the timeout.
 */
export function fetchUpstream(baseURL: string, customFetch: Fetch | undefined): Upstream {
  return {
    async send(request, timeout, visitor) {
      const deadline = performance.now() + timeout;
      let reply: FetchReply | null = null;
      const abort = visitor ? new AbortController() : undefined;
      const unwatch = visitor?.watch(() => {
        abort!.abort();
        reply?.cancel(new UpstreamFailure('cancelled', undefined));
      });
      const init: RequestInit = {
        method: request.method,
        // A Headers, as a `fetch` option may expect (`init.headers.get(...)`).
        headers: new Headers(request.headers),
        body: request.body,
        redirect: 'manual',
      };
      let attempt: Awaited<ReturnType<typeof fetchAttempt>>;
      try {
        attempt = await fetchAttempt(customFetch, `${baseURL}${request.path}`, init, timeout, abort?.signal, true);
      } catch (cause) {
        // `fetchAttempt` throws only when the caller's signal aborted: the visitor left.
        unwatch?.();
        throw new UpstreamFailure('cancelled', cause);
      }
      if ('kind' in attempt) {
        unwatch?.();
        throw new UpstreamFailure(attempt.kind === 'timeout' ? 'timeout' : 'unreachable', attempt.cause ?? new Error(attempt.message));
      }
      return (reply = new FetchReply(attempt.response, attempt.text, deadline, () => unwatch?.()));
    },
  };
}

/** A `fetch` answer: an error's text already read, a success's body streamed until `deadline`. */
class FetchReply implements UpstreamReply {
  readonly status: number;
  // `fetch` may have decoded a content coding: the announced length is not the length passed on.
  readonly length = null;
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: UpstreamFailure | null = null;

  constructor(
    private readonly response: Response,
    private readonly read: string | undefined,
    private readonly deadline: number,
    private readonly unwatch: () => void,
  ) {
    this.status = response.status;
  }

  header(name: string): string | null {
    return this.response.headers.get(name);
  }

  async text(limit: number): Promise<string> {
    if (this.read !== undefined) {
      this.unwatch();
      return this.read;
    }
    try {
      return new TextDecoder().decode(await readLimited(this.stream(), limit));
    } catch (cause) {
      throw this.failure ?? new UpstreamFailure('unreachable', cause);
    } finally {
      this.end();
    }
  }

  /** The body under the rest of the timeout: when it runs out, the reading is cancelled. */
  private body(): ReadableStream<Uint8Array> | null {
    const body = this.response.body;
    if (body === null) return null;
    this.timer = setTimeout(() => this.cancel(new UpstreamFailure('timeout', undefined)), Math.max(0, this.deadline - performance.now()));
    return body;
  }

  /** Stops the body (the timeout ran out, or the visitor left). */
  cancel(failure: UpstreamFailure): void {
    this.failure ??= failure;
    if (this.reader) this.reader.cancel(failure).catch(() => {});
    else this.response.body?.cancel(failure).catch(() => {});
  }

  private end(): void {
    clearTimeout(this.timer);
    this.unwatch();
  }

  stream(): ReadableStream<Uint8Array> | null {
    const body = this.body();
    if (body === null) {
      this.end();
      return null;
    }
    // A pull-through stream, so that the timer stops with the body's last byte.
    const reader = (this.reader = body.getReader());
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const { done, value } = await reader.read();
          // A cancelled reader reads as done: the body was cut, not complete.
          if (done && this.failure) throw this.failure;
          if (done) {
            this.end();
            controller.close();
          } else controller.enqueue(value);
        } catch (err) {
          this.end();
          controller.error(this.failure ?? err);
        }
      },
      cancel: (reason) => {
        this.end();
        return reader.cancel(reason);
      },
    });
  }

  pipe(sink: StreamSink, done: (failure: UpstreamFailure | null) => void): void {
    const body = this.body();
    if (body === null) {
      this.end();
      sink.end();
      return done(null);
    }
    const reader = (this.reader = body.getReader());
    const pump = async (): Promise<void> => {
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished && this.failure) throw this.failure;
        if (finished) return;
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
        done(this.failure ?? new UpstreamFailure('unreachable', cause));
      },
    );
  }

  discard(): void {
    this.end();
    this.response.body?.cancel().catch(() => {});
  }
}
