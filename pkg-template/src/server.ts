/**
 * `openai-admin-wasm/server` for Web-standard runtimes (Deno, Bun, Workers, edge functions): the
 * handler that keeps the admin key on the server. The wasm core is fetched and compiled on the
 * first request. Node gets `server/node.ts` (the same exports, the core compiled at import).
 */
import init, { initSync, prepare } from '../wasm/openai_admin_wasm.js';
import { createHandler } from './server/handler.js';
import type { AdminHandler, AdminHandlerOptions } from './server/types.js';
import { makeJsonLinesAudit, type FsLike } from './server/audit-file.js';

type NodeProcess = { getBuiltinModule?: (name: string) => unknown };
const builtin = <T>(name: string): T | undefined =>
  (globalThis as { process?: NodeProcess }).process?.getBuiltinModule?.(name) as T | undefined;

let loading: Promise<unknown> | null = null;
function load(): Promise<unknown> {
  const wasm = new URL('../wasm/openai_admin_wasm_bg.wasm', import.meta.url);
  // A file: URL (Node, or a runtime with node:fs) is read from disk; anything else is fetched.
  const fs = wasm.protocol === 'file:' ? builtin<{ readFileSync(u: URL): Uint8Array }>('node:fs') : undefined;
  return (loading ??= fs ? Promise.resolve(initSync({ module: fs.readFileSync(wasm) })) : init({ module_or_path: wasm }));
}

/**
 * Creates the handler: `(request: Request) => Promise<Response>` serving the 26 operations under
 * `{basePath}/organization/…` and `{basePath}/projects/…`. See {@link AdminHandlerOptions}; `authorize` is required.
 */
export function createAdminHandler(options: AdminHandlerOptions): AdminHandler {
  return createHandler(options, async () => {
    await load();
    return prepare;
  });
}

/** An audit sink appending JSON lines to a file (needs `node:fs`). */
export const jsonLinesAudit = makeJsonLinesAudit(() => {
  const fs = builtin<FsLike>('node:fs');
  if (!fs) throw new TypeError('jsonLinesAudit needs node:fs; on this runtime, pass your own `audit` function');
  return fs;
});

export * from './server/exports.js';
