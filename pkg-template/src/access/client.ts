/**
 * What the access calls need of a client: `client.admin.organization…` and `withOptions`, as this
 * package's client and the official SDK's both have; the given client is copied with a paced
 * `fetch`, so its options, retries and logger apply to every request.
 */
import type { FetchLike, Pacer } from './pacer.js';

/** A client of this package or of the official SDK. */
export interface AdminClient {
  admin: { organization: unknown };
  withOptions(options: Record<string, unknown>): AdminClient;
}

/** The `fetch` the client would call: its `fetch` option, else the global one. */
export function baseFetch(client: AdminClient): FetchLike {
  const c = client as unknown as { _transport?: { optionsForCopy?: () => { fetch?: FetchLike } }; fetch?: FetchLike };
  const own = c._transport?.optionsForCopy?.().fetch ?? c.fetch;
  return own ?? ((input, init) => globalThis.fetch(input, init));
}

export function checkClient(client: AdminClient): void {
  if (!client || typeof client.withOptions !== 'function' || typeof client.admin !== 'object') {
    throw new TypeError('expected a client: new OpenAIAdmin(…) from openai-admin-wasm (or the official SDK)');
  }
}

/** A copy of `client` whose every attempt goes through `pacer`. */
export function pacedClient(client: AdminClient, pacer: Pacer): AdminClient {
  checkClient(client);
  return client.withOptions({ fetch: pacer.fetch(baseFetch(client)) });
}

/** A copy of `client` that calls `fetch` for every attempt. */
export function clientWithFetch(client: AdminClient, fetch: FetchLike): AdminClient {
  checkClient(client);
  return client.withOptions({ fetch });
}

type AnyFunction = (...args: unknown[]) => unknown;

/** `client.admin.organization.groups.users.list`, by its name in the operation table. */
export function method(client: AdminClient, name: string): AnyFunction {
  let target = client.admin.organization as Record<string, unknown>;
  const path = name.split('.');
  for (const p of path.slice(0, -1)) target = target?.[p] as Record<string, unknown>;
  const fn = target?.[path[path.length - 1]!];
  if (typeof fn !== 'function') throw new TypeError(`the client has no admin.organization.${name}()`);
  return (fn as AnyFunction).bind(target);
}

/** The HTTP status of an error the client threw, if it has one. */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Whether the request may have reached the server and been carried out: a timeout, a dropped connection, a 5xx. */
export function ambiguous(e: unknown): boolean {
  const status = statusOf(e);
  if (status !== undefined) return status >= 500;
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'APIConnectionError' || name === 'APIConnectionTimeoutError';
}

/** Whether `signal` ended the call. */
export function aborted(e: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (e as { name?: unknown } | null)?.name === 'APIUserAbortError';
}
