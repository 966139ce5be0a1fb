/**
 * `openai-admin-wasm/access` for browsers, bundlers and workers: the access module is fetched and
 * compiled on first use, from the file next to its glue.
 */
import init from '../../wasm/openai_admin_access.js';
import initCore from '../../wasm/openai_admin_wasm.js';
import { setCoreLoader } from './core.js';
import { setAccessLoader } from './model.js';

setAccessLoader(async () => {
  await init({ module_or_path: new URL('../../wasm/openai_admin_access_bg.wasm', import.meta.url) });
});
// The client's module, for the scheduler's reading of Retry-After (a no-op when the client loaded it).
setCoreLoader(async () => {
  await initCore({ module_or_path: new URL('../../wasm/openai_admin_wasm_bg.wasm', import.meta.url) });
});

export * from './exports.js';
