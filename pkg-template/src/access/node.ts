/** `openai-admin-wasm/access` for Node: the access module is compiled synchronously on first use. */
import { readFileSync } from 'node:fs';
import { initSync } from '../../wasm/openai_admin_access.js';
import { initSync as initCore } from '../../wasm/openai_admin_wasm.js';
import { setCoreLoader } from './core.js';
import { setAccessLoader } from './model.js';

setAccessLoader(() => {
  initSync({ module: readFileSync(new URL('../../wasm/openai_admin_access_bg.wasm', import.meta.url)) });
});
// The client's module, for the scheduler's reading of Retry-After (a no-op when the client loaded it).
setCoreLoader(() => {
  initCore({ module: readFileSync(new URL('../../wasm/openai_admin_wasm_bg.wasm', import.meta.url)) });
});

export * from './exports.js';
export { SnapshotFile, cacheDir, fingerprint, type SnapshotFileOptions } from './snapshot-file.js';
