/**
 * Pages and the promise `list()` returns, as in the official SDK: `await` it for the first page,
 * or `for await` over it for every item of every page. The cursor of the next page comes from the
 * wasm core, which read it from the validated response.
 */

/** What a wasm list call resolves to. */
export interface RawPage<Body> {
  page: Body;
  nextAfter: string | null;
}

/** Fetches the page that starts after `after` (or the first page when `null`). */
export type PageFetcher<Body> = (after: string | null) => Promise<RawPage<Body>>;

type PageBody<Item> = { data: Item[]; has_more: boolean };

/**
 * One page of a list. It carries the response's fields (`data`, `has_more`, and `next` or
 * `first_id`/`last_id`) and can fetch the next page.
 */
export class CursorPage<Item, Body extends PageBody<Item> = PageBody<Item>> implements AsyncIterable<Item> {
  /** Items of this page. */
  data!: Item[];
  /** Whether the server has more items after this page. */
  has_more!: boolean;
  /** The `x-request-id` of the response. */
  declare readonly _request_id: string | null;
  readonly #fetch: PageFetcher<Body>;
  readonly #nextAfter: string | null;

  constructor(raw: RawPage<Body>, fetch: PageFetcher<Body>) {
    Object.assign(this, raw.page);
    Object.defineProperty(this, '_request_id', {
      value: (raw.page as { _request_id?: string | null })._request_id ?? null,
      enumerable: false,
    });
    this.#fetch = fetch;
    this.#nextAfter = raw.nextAfter;
  }

  /** Items of this page (the official SDK's name for `data`). */
  getPaginatedItems(): Item[] {
    return this.data;
  }

  /** Whether another page follows. */
  hasNextPage(): boolean {
    return this.#nextAfter !== null;
  }

  /** Fetches the next page; throws when there is none. */
  async getNextPage(): Promise<this> {
    if (this.#nextAfter === null) {
      throw new Error('No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.');
    }
    const raw = await this.#fetch(this.#nextAfter);
    return new (this.constructor as new (raw: RawPage<Body>, fetch: PageFetcher<Body>) => this)(raw, this.#fetch);
  }

  /**
   * This page, then each following page. The next page is requested as soon as a page arrives,
   * so the network works while the caller handles the items (at most one page is fetched ahead;
   * leaving the loop early can leave that one request unused).
   */
  async *iterPages(): AsyncGenerator<this> {
    let page: this = this;
    for (;;) {
      const next = page.hasNextPage() ? page.getNextPage() : null;
      // Should the caller stop early, a failed read-ahead must not surface as unhandled.
      next?.catch(() => {});
      yield page;
      if (next === null) return;
      page = await next;
    }
  }

  /** Every item of this page and the following ones. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of this.iterPages()) {
      yield* page.data;
    }
  }
}

/** A page of a list paginated by `next` (every list but the organization users list). */
export type NextCursorPage<Item, Body extends PageBody<Item> = PageBody<Item>> = CursorPage<Item, Body> & {
  next: string | null;
};

/** A page of the organization users list, paginated by `last_id`. */
export type ConversationCursorPage<Item, Body extends PageBody<Item> = PageBody<Item>> = CursorPage<Item, Body> & {
  first_id?: string | null;
  last_id?: string | null;
};

/**
 * What `list()` returns: a promise of the first page that is also an async iterable over every
 * item of every page.
 */
export class PagePromise<P extends CursorPage<Item, any>, Item> implements PromiseLike<P>, AsyncIterable<Item> {
  readonly #page: Promise<P>;

  constructor(page: Promise<P>) {
    this.#page = page;
  }

  then<A = P, B = never>(
    onfulfilled?: ((value: P) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#page.then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<P | B> {
    return this.#page.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<P> {
    return this.#page.finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    const first = await this.#page;
    yield* first as AsyncIterable<Item>;
  }
}
