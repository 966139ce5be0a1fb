/**
 * The promise every method returns, as the official SDK's `APIPromise`: `await` it for the
 * result (with a non-enumerable `_request_id`), `.withResponse()` for `{ data, response,
 * request_id }`, `.asResponse()` for the raw `Response`.
 *
 * One request per call, and the official identities: `.asResponse()` and `.withResponse()` give
 * the same `Response`, and `await`, `.then` and `.withResponse()` the same result object. The
 * request starts on the next microtask whether or not the promise is awaited (as in the official
 * SDK, where the request is sent at once). `.asResponse()` called in the same tick as the method
 * (`await client.…retrieve(id).asResponse()`) gets the response with its body unread; the result,
 * if asked for too, is read from a copy of it.
 */

import type { AbstractPage } from './pagination.js';

/** A result with the `x-request-id` of its response, as the official SDK's `WithRequestID`. */
export type WithRequestID<T> = T extends Array<any> | Response | AbstractPage<any>
  ? T
  : T extends Record<string, any>
    ? T & { _request_id?: string | null }
    : T;

/** What a started call resolves to: the response and the result, or (`raw`) how to read the result. */
export interface Answer<T> {
  response: Response;
  data?: T;
  read?: () => Promise<T>;
}

/** Starts the call; `raw` asks for the response only. */
export type Starter<T> = (raw: boolean) => Promise<Answer<T>>;

export class APIPromise<T> extends Promise<WithRequestID<T>> {
  #start: Starter<WithRequestID<T>>;
  /** The call, started once: raw when `.asResponse()` came first. */
  #answer: Promise<Answer<WithRequestID<T>>> | undefined;
  #parsed: Promise<WithRequestID<T>> | undefined;

  constructor(start: Starter<WithRequestID<T>>) {
    super((resolve) => {
      // A no-op: `then`, `catch` and `finally` below are what callers use.
      resolve(null as any);
    });
    this.#start = start;
    queueMicrotask(() => this.#call(false));
  }

  // `then` on a derived promise (e.g. `promise.then(f)`) makes a plain Promise, not an APIPromise.
  static override get [Symbol.species]() {
    return Promise;
  }

  #call(raw: boolean): Promise<Answer<WithRequestID<T>>> {
    return (this.#answer ??= this.#start(raw));
  }

  /**
   * The raw `Response`. Its body is unread when this is called before the promise is awaited
   * (in the same tick as the method call).
   */
  asResponse(): Promise<Response> {
    return this.#call(true).then((a) => a.response);
  }

  /** The result, the raw `Response` and the `x-request-id`. */
  async withResponse(): Promise<{ data: T; response: Response; request_id: string | null }> {
    const data = await this.#parse();
    const { response } = await this.#call(false);
    return { data: data as T, response, request_id: response.headers.get('x-request-id') };
  }

  #parse(): Promise<WithRequestID<T>> {
    return (this.#parsed ??= this.#call(false).then((a) => (a.read ? a.read() : (a.data as WithRequestID<T>))));
  }

  override then<TResult1 = WithRequestID<T>, TResult2 = never>(
    onfulfilled?: ((value: WithRequestID<T>) => TResult1 | PromiseLike<TResult1>) | undefined | null,
    onrejected?: ((reason: any) => TResult2 | PromiseLike<TResult2>) | undefined | null,
  ): Promise<TResult1 | TResult2> {
    return this.#parse().then(onfulfilled, onrejected);
  }

  override catch<TResult = never>(
    onrejected?: ((reason: any) => TResult | PromiseLike<TResult>) | undefined | null,
  ): Promise<WithRequestID<T> | TResult> {
    return this.#parse().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | undefined | null): Promise<WithRequestID<T>> {
    return this.#parse().finally(onfinally);
  }
}
