/**
 * `openai-admin-wasm/access` for Cloudflare Workers (`workerd`) and Vercel's Edge Runtime
 * (`edge-light`): the access module's `.wasm` is imported as a module, which the platform compiles
 * (see `../edge.ts`), and instantiated on first use.
 */
// @ts-ignore: a `.wasm?module` import is the platform's: a `WebAssembly.Module`.
import wasmModule from '../../wasm/openai_admin_access_bg.wasm?module';
import init from '../../wasm/openai_admin_access.js';
// @ts-ignore: as above, the client's module (the scheduler reads Retry-After with it).
import coreModule from '../../wasm/openai_admin_wasm_bg.wasm?module';
import initCore from '../../wasm/openai_admin_wasm.js';
import { setCoreLoader } from './core.js';
import { setAccessLoader } from './model.js';

// `init`, not `initSync`: the module may come from another realm (see `../edge.ts`).
setAccessLoader(async () => {
  await init({ module_or_path: wasmModule as WebAssembly.Module });
});
setCoreLoader(async () => {
  await initCore({ module_or_path: coreModule as WebAssembly.Module });
});

export * from './exports.js';
