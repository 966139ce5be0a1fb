/**
 * Pages and the promise `list()` returns, as the official SDK's `core/pagination`: `await` it for
 * the first page, or `for await` over it for every item of every page.
 *
 * - `NextCursorPage` (every list but the organization users list): `has_more === false` stops,
 *   otherwise a non-null `next` continues, even after an empty page.
 * - `ConversationCursorPage` (`users.list`): `has_more === false` stops, and so does an empty page;
 *   otherwise a non-empty `last_id` continues.
 */
import { APIPromise, type Answer, type Starter } from './api-promise.js';
import { OpenAIError } from './errors.js';

/** The request options of a page, as the official `FinalRequestOptions` (what was asked). */
export type PageRequestOptions = {
  method?: string;
  path?: string;
  query?: object | null | undefined;
  headers?: unknown;
  body?: unknown;
  [key: string]: unknown;
};

/** Fetches the page for `query` (the same list call, another query). @internal */
export type PageFetcher = (query: object) => PagePromise<any, any>;

export abstract class AbstractPage<Item> implements AsyncIterable<Item> {
  readonly #fetch: PageFetcher;
  /** The options of the request that got this page (`query` included). */
  options: PageRequestOptions;
  /** The raw response (its body already read). */
  response: Response;
  /** The parsed response body. */
  body: unknown;
  /** The `x-request-id` of the response (not in the official page; the same as `body._request_id`). */
  declare readonly _request_id: string | null;

  constructor(fetch: PageFetcher, response: Response, body: unknown, options: PageRequestOptions) {
    this.#fetch = fetch;
    this.options = options;
    this.response = response;
    this.body = body;
    Object.defineProperty(this, '_request_id', { value: response.headers.get('x-request-id'), enumerable: false });
  }

  abstract nextPageRequestOptions(): PageRequestOptions | null;

  abstract getPaginatedItems(): Item[];

  hasNextPage(): boolean {
    const items = this.getPaginatedItems();
    if (!items.length) return false;
    return this.nextPageRequestOptions() != null;
  }

  async getNextPage(): Promise<this> {
    const nextOptions = this.nextPageRequestOptions();
    if (!nextOptions) {
      throw new OpenAIError('No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.');
    }
    return (await this.#fetch(nextOptions.query ?? {})) as this;
  }

  /**
   * This page, then each following page. The next page is requested as soon as a page arrives, so
   * the network works while the caller handles the items (at most one page ahead; leaving the loop
   * early can leave that one request unused).
   */
  async *iterPages(): AsyncGenerator<this> {
    let page: this = this;
    for (;;) {
      const next = readAhead(page);
      yield page;
      if (next === null) return;
      page = await next;
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return itemsOf(this);
  }
}

/** The page after `page`, requested now, or `null` when there is none. */
function readAhead<P extends AbstractPage<any>>(page: P): Promise<P> | null {
  if (!page.hasNextPage()) return null;
  const next = page.getNextPage();
  // Should the caller stop early, a failed read-ahead must not surface as unhandled.
  next.catch(() => {});
  return next;
}

/**
 * Every item of every page from `first` (a page, or the promise of the first page) on, reading
 * ahead as {@link AbstractPage.iterPages} does. Hand-written rather than an async generator over
 * `iterPages()`: `for await` over a list of 100,000 items then costs one resolved promise per
 * item, and each page one small function call, not a generator's suspensions and several promises
 * (`make bench`, list-groups and list-users).
 */
function itemsOf<Item>(first: AbstractPage<Item> | PromiseLike<AbstractPage<Item>>): AsyncIterator<Item> {
  let items: Item[] = [];
  let at = 0;
  // The page whose items come next: the first, then each next page, requested as soon as the
  // page before it arrived. `null` once the list ended, failed or was left.
  let coming: AbstractPage<Item> | PromiseLike<AbstractPage<Item>> | null = first;
  const end = (): IteratorResult<Item> => ({ value: undefined, done: true });
  const slow = async (): Promise<IteratorResult<Item>> => {
    while (at >= items.length) {
      const pending = coming;
      if (pending === null) return end();
      coming = null;
      const page = await pending;
      coming = readAhead(page);
      items = page.getPaginatedItems();
      at = 0;
    }
    return { value: items[at++] as Item, done: false };
  };
  return {
    next: () => (at < items.length ? Promise.resolve({ value: items[at++] as Item, done: false }) : slow()),
    return: async (value?: unknown) => {
      coming = null;
      items = [];
      return { value, done: true } as IteratorResult<Item>;
    },
  };
}

function maybeObj(x: unknown): object {
  return typeof x === 'object' && x !== null ? x : {};
}

export interface NextCursorPageResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
  next: string | null;
}

export interface NextCursorPageParams {
  after?: string;
  limit?: number;
}

/** A page of a list paginated by `next`. */
export class NextCursorPage<Item> extends AbstractPage<Item> implements NextCursorPageResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
  next: string | null;

  constructor(fetch: PageFetcher, response: Response, body: NextCursorPageResponse<Item>, options: PageRequestOptions) {
    super(fetch, response, body, options);
    this.data = body.data || [];
    this.has_more = body.has_more || false;
    this.next = body.next || null;
  }

  getPaginatedItems(): Item[] {
    return this.data ?? [];
  }

  override hasNextPage(): boolean {
    if (this.has_more === false) return false;
    return this.nextPageRequestOptions() != null;
  }

  nextPageRequestOptions(): PageRequestOptions | null {
    const cursor = this.next;
    if (!cursor) return null;
    return { ...this.options, query: { ...maybeObj(this.options.query), after: cursor } };
  }
}

export interface ConversationCursorPageResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
  last_id: string;
}

export interface ConversationCursorPageParams {
  after?: string;
  limit?: number;
}

/** A page of the organization users list, paginated by `last_id`. */
export class ConversationCursorPage<Item> extends AbstractPage<Item> implements ConversationCursorPageResponse<Item> {
  data: Array<Item>;
  has_more: boolean;
  last_id: string;

  constructor(fetch: PageFetcher, response: Response, body: ConversationCursorPageResponse<Item>, options: PageRequestOptions) {
    super(fetch, response, body, options);
    this.data = body.data || [];
    this.has_more = body.has_more || false;
    this.last_id = body.last_id || '';
  }

  getPaginatedItems(): Item[] {
    return this.data ?? [];
  }

  override hasNextPage(): boolean {
    if (this.has_more === false) return false;
    return super.hasNextPage();
  }

  nextPageRequestOptions(): PageRequestOptions | null {
    const cursor = this.last_id;
    if (!cursor) return null;
    return { ...this.options, query: { ...maybeObj(this.options.query), after: cursor } };
  }
}

/**
 * What `list()` returns: an {@link APIPromise} of the first page that is also an async iterable
 * over every item of every page.
 */
export class PagePromise<PageClass extends AbstractPage<Item>, Item = ReturnType<PageClass['getPaginatedItems']>[number]>
  extends APIPromise<PageClass>
  implements AsyncIterable<Item>
{
  constructor(start: Starter<PageClass>) {
    super(start as Starter<any>);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return itemsOf<Item>(this as PromiseLike<AbstractPage<Item>>);
  }
}

export type { Answer };
