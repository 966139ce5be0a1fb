/**
 * `openai-admin-wasm/access` for browsers, bundlers and workers: the access module is fetched and
 * compiled on first use, from the file next to its glue.
 */
import init from '../../wasm/openai_admin_access.js';
import { setAccessLoader } from './model.js';

setAccessLoader(async () => {
  await init({ module_or_path: new URL('../../wasm/openai_admin_access_bg.wasm', import.meta.url) });
});

export * from './exports.js';
