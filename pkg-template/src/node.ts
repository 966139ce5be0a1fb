/** Entry point for Node: the wasm module is compiled synchronously at import. */
import { readFileSync } from 'node:fs';
import { initSync } from '../wasm/openai_admin_wasm.js';
import { setLoader } from './loader.js';

initSync({ module: readFileSync(new URL('../wasm/openai_admin_wasm_bg.wasm', import.meta.url)) });
setLoader(() => {}, true);

export * from './exports.js';
export { default } from './exports.js';
