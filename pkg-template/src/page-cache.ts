/**
 * The next page's request, made from the last page's with the cursor replaced, rather than by the
 * core's `prepare`: its largest cost the `fetch` floor has not (ARCHITECTURE.md, "Decisions").
 */
import * as wasm from '../wasm/openai_admin_wasm.js';
import type { Prepared } from '../wasm/openai_admin_wasm.js';

/** The last request of one list's pages, with the query it was built from. */
export interface LastPageRequest {
  /** A copy of the query `prepared` was built from (its own properties as they were). */
  query?: Record<string, unknown>;
  prepared?: Prepared;
}

/** RFC 3986 "unreserved" text, which the core's query encoding leaves as it is (`SEGMENT` in src/request.rs). */
export const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/**
 * The request for `params` made from the last page's request by replacing its `after`, or
 * `undefined` when the core must build it: unless `params` has the same keys in the same order,
 * the same primitive values but for a string `after`, and that request marked where `after` sits.
 * What the core checked stays checked: only `after` changed, and any string is a valid `after`.
 */
export function requestWithNextCursor(last: LastPageRequest, params: unknown): Prepared | undefined {
  const { query, prepared } = last;
  if (!query || prepared?.afterStart === undefined || prepared.afterEnd === undefined) return undefined;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return undefined;
  const next = params as Record<string, unknown>;
  const after = next.after;
  if (typeof after !== 'string') return undefined;
  // Cursors are ids, most of them unreserved text (`SEGMENT` in src/request.rs): no call into the
  // core. A lone surrogate would reach the core replaced, not escaped as `prepare` escapes it.
  const plain = UNRESERVED.test(after);
  if (!plain && /[\ud800-\udfff]/.test(after)) return undefined;
  const keys = Object.keys(next);
  const known = Object.keys(query);
  if (keys.length !== known.length) return undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== known[i]) return undefined;
    if (key === 'after') continue;
    const value = next[key];
    if ((typeof value === 'object' && value !== null) || typeof value === 'function' || !Object.is(value, query[key])) return undefined;
  }
  const encoded = plain ? after : wasm.encodeQueryValue(after);
  const path = prepared.path.slice(0, prepared.afterStart) + encoded + prepared.path.slice(prepared.afterEnd);
  return { ...prepared, path, afterEnd: prepared.afterStart + encoded.length };
}

