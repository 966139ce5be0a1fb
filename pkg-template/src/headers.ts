/** Headers, merged as the official SDK merges them. */

/** A header's value; `null` removes the header. */
export type HeaderValue = string | undefined | null;
/** Headers as the official SDK takes them: a `Headers`, an array of pairs or a record; `null` removes one. */
export type HeadersLike = Headers | readonly HeaderValue[][] | Record<string, HeaderValue | readonly HeaderValue[]> | undefined | null;

const httpToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Lower-case names to a value or `null` (removed); later sources win, arrays append. */
export type MergedHeaders = Map<string, string | null>;

function* entriesOf(headers: HeadersLike): Iterable<readonly [string, HeaderValue | readonly HeaderValue[]]> {
  if (!headers) return;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    yield* headers.entries();
    return;
  }
  if (Array.isArray(headers)) {
    for (const row of headers as readonly HeaderValue[][]) yield [row[0] as string, row[1]];
    return;
  }
  if (typeof headers === 'object' && typeof (headers as any)[Symbol.iterator] === 'function') {
    for (const row of headers as any as Iterable<[string, string]>) yield [row[0], row[1]];
    return;
  }
  yield* Object.entries(headers as Record<string, HeaderValue | readonly HeaderValue[]>);
}

/** Merges header sources in order into `into`; `null` removes (and remembers the removal). */
export function mergeHeaders(into: MergedHeaders, ...sources: HeadersLike[]): MergedHeaders {
  for (const source of sources) {
    const seen = new Set<string>();
    for (const [name, raw] of entriesOf(source)) {
      if (typeof name !== 'string') throw new TypeError('expected header name to be a string');
      if (!httpToken.test(name)) throw new TypeError(`Header name must be a valid HTTP token ["${name}"]`);
      const lower = name.toLowerCase();
      const values = Array.isArray(raw) ? (raw as readonly HeaderValue[]) : [raw as HeaderValue];
      for (const value of values) {
        if (value === undefined) continue;
        if (value === null) {
          into.set(lower, null);
        } else {
          const prev = into.get(lower);
          into.set(lower, seen.has(lower) && typeof prev === 'string' ? `${prev}, ${value}` : String(value));
        }
        seen.add(lower);
      }
    }
  }
  return into;
}

/** Whether `headers` name `authorization` or `api-key` (set or removed). */
export function namesAuth(headers: MergedHeaders): boolean {
  return headers.has('authorization') || headers.has('api-key');
}
