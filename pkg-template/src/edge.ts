/**
 * Entry point for Cloudflare Workers (`workerd`) and Vercel's Edge Runtime (`edge-light`, Next.js
 * edge routes), which compile no wasm from bytes at run time: the `.wasm` is imported as a module,
 * compiled by the platform's bundler (wrangler, Next.js), and instantiated at import.
 */
// @ts-ignore: a `.wasm?module` import is the bundler's (wrangler and Next.js read it as a `WebAssembly.Module`).
import wasmModule from '../wasm/openai_admin_wasm_bg.wasm?module';
import { initSync } from '../wasm/openai_admin_wasm.js';
import { setLoader } from './loader.js';

initSync({ module: wasmModule as WebAssembly.Module });
setLoader(() => {}, true);

export * from './exports.js';
export { default } from './exports.js';
