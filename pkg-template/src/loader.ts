/** The wasm core: the exports the package calls ({@link WasmApi}), loaded as each entry point sets up. */
import * as wasmModule from '../wasm/openai_admin_wasm.js';
import * as Errors from './errors.js';

/**
 * The request `prepare` builds: the path carries the encoded query. For a list whose query holds
 * one `after`, `afterStart` and `afterEnd` say where its encoded value sits in `path`.
 */
export interface Prepared {
  method: string;
  path: string;
  body?: string;
  afterStart?: number;
  afterEnd?: number;
}

/** The request options that replace part of the request, and the client's `defaultQuery`: what `prepare` reads. */
export interface RequestOverrides {
  path?: string;
  method?: string;
  query?: unknown;
  body?: unknown;
  defaultQuery?: Record<string, unknown>;
  /** The query the `path` option carried. */
  pathQuery?: Record<string, string>;
  /** The query the base URL carried. */
  baseQuery?: Record<string, string>;
}

/** The wasm exports the package uses (the contract of the core; see `src/wasm/ops.rs`). */
export interface WasmApi {
  prepare(op: string, id: string | undefined, params: unknown, options: RequestOverrides | undefined): Prepared;
  encodeQueryValue(value: string): string;
  answer(op: string, text: string, status: number, requestID: string | null, check: boolean, sample: number | undefined): { data: unknown; drift?: string[] };
  checkPage(op: string, page: object, status: number, requestID: string | null): void;
  apiError(status: number, requestID: string | null, body: string): Errors.ErrorDescription;
  retryDelay(status: number, retriesDone: number, shouldRetry: string | null, retryAfterMs: string | null, retryAfter: string | null): number;
}
export const wasm = wasmModule as unknown as WasmApi;

/** Loads the wasm module; set by the entry point (lazy in browsers, at import in Node). */
let loader: (() => Promise<void>) | null = null;
/** Whether the wasm module is ready (the transport then calls it without awaiting). */
export let loaded = false;

/** @internal Called once by each entry point. */
export function setLoader(load: () => Promise<void> | void, alreadyLoaded: boolean): void {
  loaded = alreadyLoaded;
  let pending: Promise<void> | null = null;
  loader = () =>
    (pending ??= Promise.resolve(load()).then(() => {
      loaded = true;
    }));
}

/** Loads the wasm module through the entry point's loader, once. */
export async function ensureLoaded(): Promise<void> {
  if (loaded) return;
  if (!loader) throw new Errors.OpenAIError('openai-admin-wasm: no entry point loaded the wasm module');
  await loader();
}
