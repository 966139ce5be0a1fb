/**
 * Entry point for Node (and Deno, Bun): the wasm module is read from disk and compiled
 * synchronously, on the first request rather than at import, so that importing the package costs
 * nothing where no request is made (a server render of a client component, whose bundler may
 * point `new URL(…, import.meta.url)` at a browser asset).
 */
import { readFileSync } from 'node:fs';
import { initSync } from '../wasm/openai_admin_wasm.js';
import { setLoader } from './loader.js';

setLoader(() => {
  initSync({ module: readFileSync(new URL('../wasm/openai_admin_wasm_bg.wasm', import.meta.url)) });
}, false);

export * from './exports.js';
export { default } from './exports.js';
