/**
 * What the access calls need of a client: `client.admin.organization…` and `withOptions`, as this
 * package's client and the official SDK's both have; the given client is copied with a paced
 * `fetch`, so its options, retries and logger apply to every request.
 */
import { methodOf } from '../operations.js';
import type { FetchLike, Pacer } from './pacer.js';

/** A client of this package or of the official SDK. */
export interface AdminClient {
  admin: { organization: unknown };
  withOptions(options: Record<string, unknown>): AdminClient;
}

/** The `fetch` the client would call: its `fetch` option, else the global one. */
function baseFetch(client: AdminClient): FetchLike {
  const c = client as unknown as { _transport?: { optionsForCopy?: () => { fetch?: FetchLike } }; fetch?: FetchLike };
  const own = c._transport?.optionsForCopy?.().fetch ?? c.fetch;
  return own ?? ((input, init) => globalThis.fetch(input, init));
}

/** A copy of `client` whose every attempt goes through `pacer`. */
export function pacedClient(client: AdminClient, pacer: Pacer): AdminClient {
  if (!client || typeof client.withOptions !== 'function' || typeof client.admin !== 'object') {
    throw new TypeError('expected a client: new OpenAIAdmin(…) from openai-admin-wasm (or the official SDK)');
  }
  return client.withOptions({ fetch: pacer.fetch(baseFetch(client)) });
}

/** `client.admin.organization.groups.users.list`, by its name in the operation table (`methodOf`, operations.ts). */
export function method(client: AdminClient, name: string): (...args: unknown[]) => unknown {
  return methodOf(client.admin.organization, name);
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
