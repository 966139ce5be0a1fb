/**
 * `openai-admin-wasm/server` for Node: the same exports as the Web-standard entry, with the wasm
 * core compiled synchronously at import, the API reached over `node:http`/`node:https` with a
 * keep-alive agent, and the audit file sink on `node:fs`.
 */
import * as fs from 'node:fs';
import { initSync, prepare } from '../../wasm/openai_admin_wasm.js';
import { createHandler } from './handler.js';
import { makeJsonLinesAudit } from './audit-file.js';
import { nodeUpstream } from './node-upstream.js';
import type { AdminHandler, AdminHandlerOptions } from './types.js';

initSync({ module: fs.readFileSync(new URL('../../wasm/openai_admin_wasm_bg.wasm', import.meta.url)) });

/**
 * Creates the handler: `(request: Request) => Promise<Response>` serving the 26 operations under
 * `{basePath}/organization/…`. See {@link AdminHandlerOptions}; `authorize` is required.
 */
export function createAdminHandler(options: AdminHandlerOptions): AdminHandler {
  return createHandler(options, () => prepare, nodeUpstream);
}

/** An audit sink appending JSON lines to a file. */
export const jsonLinesAudit = makeJsonLinesAudit(() => fs);

export * from './exports.js';
