/**
 * The client's wasm core, as the access entry loads it, for the one rule the scheduler asks of
 * it: how long a 429's `retry-after-ms` or `retry-after` header asks to wait (`retryAfterDelay`,
 * `src/retry.rs`). The module is the client's own (`pkg/wasm/openai_admin_wasm*`), loaded on the
 * first 429 that carries such a header; the client's entry, if it loaded it first, shares it.
 */
import { retryAfterDelay } from '../../wasm/openai_admin_wasm.js';

let loader: (() => Promise<void> | void) | undefined;
let ready: Promise<void> | undefined;

/** @internal Set by the access entry: how this runtime instantiates the client's module. */
export function setCoreLoader(load: () => Promise<void> | void): void {
  loader = load;
}

/** The wait a 429's headers ask for, in ms, as the core reads them; null when they ask none. */
export async function retryAfterAsked(headers: Headers, now: number): Promise<number | null> {
  const ms = headers.get('retry-after-ms');
  const after = headers.get('retry-after');
  if (ms === null && after === null) return null;
  if (!loader) throw new Error('openai-admin-wasm/access: no entry point set up the core module');
  ready ??= Promise.resolve().then(() => loader!());
  await ready;
  const asked = retryAfterDelay(ms ?? undefined, after ?? undefined, now);
  return asked < 0 ? null : asked;
}
