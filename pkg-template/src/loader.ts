/**
 * The wasm module's loading, as each entry point sets it up. The bindings themselves are imported
 * from the glue, typed by the declarations they carry (`src/wasm/contract.rs`).
 */
import * as Errors from './errors.js';

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
