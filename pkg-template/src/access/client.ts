/**
 * What the access calls need of a client: `client.admin.organization…` and `withOptions`, as this
 * package's client and the official SDK's both have; the given client is copied with a scheduled
 * `fetch`, so its options, retries and logger apply to every request.
 */
import { methodOf } from '../operations.js';
import type { FetchLike, Scheduler } from './scheduler.js';

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

/** The longest timeout a timer takes: the copy's own, so that waiting for a turn never times out. */
const NO_TIMEOUT = 2_147_483_647;
/** The official SDK's default timeout, for a client that does not say its own. */
const DEFAULT_TIMEOUT = 600_000;

/**
 * A copy of `client` whose every attempt goes through `scheduler`. The client's `timeout` bounds
 * each send (its answer and body), counted from when the scheduler lets it go rather than from
 * when it started waiting its turn, which may take minutes under the API's limits. `onSend`, when
 * given, is told of each attempt as the scheduler lets it go (the loader's lanes then choose their
 * next read).
 */
export function pacedClient(client: AdminClient, scheduler: Scheduler, onSend?: (method: string, url: string) => void): AdminClient {
  if (!client || typeof client.withOptions !== 'function' || typeof client.admin !== 'object') {
    throw new TypeError('expected a client: new OpenAIAdmin(…) from openai-admin-wasm (or the official SDK)');
  }
  const own = (client as { timeout?: unknown }).timeout;
  const timeout = typeof own === 'number' && own >= 0 ? Math.min(own, NO_TIMEOUT) : DEFAULT_TIMEOUT;
  const base = baseFetch(client);
  const sending: FetchLike = onSend
    ? (input, init) => {
        onSend(init?.method ?? (input instanceof Request ? input.method : 'GET'), input instanceof Request ? input.url : String(input));
        return base(input, init);
      }
    : base;
  return client.withOptions({ fetch: scheduler.fetch(bounded(sending, timeout)), timeout: NO_TIMEOUT });
}

/** `base` with each call ended after `ms`, its body read within them. */
function bounded(base: FetchLike, ms: number): FetchLike {
  return async (input, init) => {
    const controller = new AbortController();
    const outer = init?.signal ?? undefined;
    const forward = () => controller.abort(outer?.reason);
    if (outer?.aborted) forward();
    else outer?.addEventListener('abort', forward, { once: true });
    const timer = setTimeout(() => controller.abort(new Error(`Request timed out (no answer within ${ms} ms).`)), ms);
    try {
      const response = await base(input, { ...init, signal: controller.signal });
      const body = [204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (e) {
      throw controller.signal.aborted && !outer?.aborted ? controller.signal.reason : e;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    }
  };
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
