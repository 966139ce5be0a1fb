/**
 * Entry point for Cloudflare Workers (`workerd`) and Vercel's Edge Runtime (`edge-light`, Next.js
 * edge routes), which compile no wasm from bytes at run time: the `.wasm` is imported as a module,
 * which the platform compiles (wrangler's default rules, Next.js and Vercel's `?module`), and
 * instantiated on the first request.
 */
// @ts-ignore: a `.wasm?module` import is the platform's: a `WebAssembly.Module`.
import wasmModule from '../wasm/openai_admin_wasm_bg.wasm?module';
import init from '../wasm/openai_admin_wasm.js';
import { setLoader } from './loader.js';

// `init`, not `initSync`: the module may come from another realm (Next.js compiles it outside the
// sandbox that runs the route), which `WebAssembly.instantiate` accepts and `initSync`'s
// `instanceof WebAssembly.Module` check does not.
setLoader(async () => {
  await init({ module_or_path: wasmModule as WebAssembly.Module });
}, false);

export * from './exports.js';
export { default } from './exports.js';
