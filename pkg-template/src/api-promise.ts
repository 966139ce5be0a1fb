/**
 * The promise every method returns, as the official SDK's `APIPromise`: `await` it for the
 * result (with a non-enumerable `_request_id`), `.withResponse()` for `{ data, response,
 * request_id }`, `.asResponse()` for the raw `Response` with its body unread.
 *
 * The request starts on the next microtask whether or not the promise is awaited (as in the
 * official SDK, where the request is sent at once). `.asResponse()` called in the same tick as the
 * method (`await client.…retrieve(id).asResponse()`) asks the core for the response without reading
 * its body; called later, after the body was already read for the result, it resolves to that
 * response, whose body is then used.
 */

import type { AbstractPage } from './pagination.js';

/** A result with the `x-request-id` of its response, as the official SDK's `WithRequestID`. */
export type WithRequestID<T> = T extends Array<any> | Response | AbstractPage<any>
  ? T
  : T extends Record<string, any>
    ? T & { _request_id?: string | null }
    : T;

/** What a started call resolves to: the response and, unless `raw`, the parsed result. */
export interface Answer<T> {
  response: Response;
  data?: T;
}

/** Starts the call; `raw` asks for the response only. */
export type Starter<T> = (raw: boolean) => Promise<Answer<T>>;

export class APIPromise<T> extends Promise<WithRequestID<T>> {
  #start: Starter<WithRequestID<T>>;
  #answer: Promise<Answer<WithRequestID<T>>> | undefined;
  #raw: Promise<Answer<WithRequestID<T>>> | undefined;
  #parsed: Promise<WithRequestID<T>> | undefined;

  constructor(start: Starter<WithRequestID<T>>) {
    super((resolve) => {
      // A no-op: `then`, `catch` and `finally` below are what callers use.
      resolve(null as any);
    });
    this.#start = start;
    queueMicrotask(() => {
      if (this.#raw === undefined) this.#full();
    });
  }

  // `then` on a derived promise (e.g. `promise.then(f)`) makes a plain Promise, not an APIPromise.
  static override get [Symbol.species]() {
    return Promise;
  }

  #full(): Promise<Answer<WithRequestID<T>>> {
    return (this.#answer ??= this.#start(false));
  }

  /**
   * The raw `Response`. Its body is unread when this is called before the promise is awaited
   * (in the same tick as the method call).
   */
  asResponse(): Promise<Response> {
    if (this.#answer) return this.#answer.then((a) => a.response);
    this.#raw ??= this.#start(true);
    return this.#raw.then((a) => a.response);
  }

  /** The result, the raw `Response` (body read) and the `x-request-id`. */
  async withResponse(): Promise<{ data: T; response: Response; request_id: string | null }> {
    const answer = await this.#full();
    const data = await this.#parse();
    return { data: data as T, response: answer.response, request_id: answer.response.headers.get('x-request-id') };
  }

  #parse(): Promise<WithRequestID<T>> {
    if (!this.#parsed) {
      this.#parsed = this.#raw && !this.#answer
        ? // `.asResponse()` came first: the data is read from that response (without the core's checks).
          this.#raw.then(async ({ response }) => {
            const data = (await response.clone().json()) as WithRequestID<T>;
            if (data && typeof data === 'object') {
              Object.defineProperty(data, '_request_id', { value: response.headers.get('x-request-id'), enumerable: false });
            }
            return data;
          })
        : this.#full().then((a) => a.data as WithRequestID<T>);
    }
    return this.#parsed;
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
