/**
 * `openai-admin-wasm/server` for Cloudflare Workers and Vercel's Edge Runtime: the same exports as
 * the Web-standard entry, with the `.wasm` imported as a module (see `../edge.ts`) and instantiated
 * on the first request.
 */
// @ts-ignore: a `.wasm?module` import is the platform's: a `WebAssembly.Module`.
import wasmModule from '../../wasm/openai_admin_wasm_bg.wasm?module';
import init, { prepare } from '../../wasm/openai_admin_wasm.js';
import { createHandler } from './handler.js';
import type { AdminHandler, AdminHandlerOptions } from './types.js';
import { makeJsonLinesAudit, type FsLike } from './audit-file.js';

let loading: Promise<unknown> | null = null;

/**
 * Creates the handler: `(request: Request) => Promise<Response>` serving the 26 operations under
 * `{basePath}/organization/…`. See {@link AdminHandlerOptions}; `authorize` is required.
 */
export function createAdminHandler(options: AdminHandlerOptions): AdminHandler {
  return createHandler(options, async () => {
    // `init`: the module may come from another realm (see `../edge.ts`).
    await (loading ??= init({ module_or_path: wasmModule as WebAssembly.Module }));
    return prepare;
  });
}

type NodeProcess = { getBuiltinModule?: (name: string) => unknown };

/** An audit sink appending JSON lines to a file (needs `node:fs`, e.g. a Worker with `nodejs_compat`). */
export const jsonLinesAudit = makeJsonLinesAudit(() => {
  const fs = (globalThis as { process?: NodeProcess }).process?.getBuiltinModule?.('node:fs') as FsLike | undefined;
  if (!fs) throw new TypeError('jsonLinesAudit needs node:fs; on this runtime, pass your own `audit` function');
  return fs;
});

export * from './exports.js';
