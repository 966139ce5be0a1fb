/**
 * Entry point for browsers, bundlers and workers: the wasm module is fetched and compiled on the
 * first request, from the file next to the glue code (bundlers see the `new URL(…, import.meta.url)`).
 */
import init from '../wasm/openai_admin_wasm.js';
import { setLoader } from './loader.js';

setLoader(async () => {
  await init({ module_or_path: new URL('../wasm/openai_admin_wasm_bg.wasm', import.meta.url) });
}, false);

export * from './exports.js';
export { default } from './exports.js';
