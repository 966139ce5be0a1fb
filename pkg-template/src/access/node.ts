/** `openai-admin-wasm/access` for Node: the access module is compiled synchronously on first use. */
import { readFileSync } from 'node:fs';
import { initSync } from '../../wasm/openai_admin_access.js';
import { setAccessLoader } from './model.js';

setAccessLoader(() => {
  initSync({ module: readFileSync(new URL('../../wasm/openai_admin_access_bg.wasm', import.meta.url)) });
});

export * from './exports.js';
export { SnapshotFile, cacheDir, fingerprint, type SnapshotFileOptions } from './snapshot-file.js';
