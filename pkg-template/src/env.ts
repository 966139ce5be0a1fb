/** The runtime: its environment variables, and whether it is a browser or Node. */

/** An environment variable (trimmed; empty is none), in Node and Deno; `undefined` elsewhere. */
export function readEnv(name: string): string | undefined {
  try {
    const g = globalThis as any;
    if (typeof g.process !== 'undefined') return g.process.env?.[name]?.trim() || undefined;
    if (typeof g.Deno !== 'undefined') return g.Deno.env?.get?.(name)?.trim() || undefined;
  } catch {}
  return undefined;
}

/** The official SDK's test: a browser page or a browser worker (not Node, Deno, Bun, edge runtimes). */
export function isBrowserLike(): boolean {
  const g = globalThis as any;
  if (typeof g.window !== 'undefined' && typeof g.window.document !== 'undefined' && typeof g.navigator !== 'undefined') {
    return true;
  }
  return (
    typeof g.WorkerGlobalScope === 'function' &&
    g instanceof g.WorkerGlobalScope &&
    typeof g.WorkerNavigator === 'function' &&
    g.navigator instanceof g.WorkerNavigator &&
    typeof g.navigator?.userAgent === 'string' &&
    g.navigator.userAgent !== 'Cloudflare-Workers' &&
    g.process?.versions?.node === undefined &&
    g.Deno === undefined &&
    g.Bun === undefined &&
    g.EdgeRuntime === undefined &&
    g.WebSocketPair === undefined
  );
}

/** Node itself (not Deno, Bun, or a browser page with Node's globals, such as an Electron window). */
export const isNode =
  typeof (globalThis as any).process?.versions?.node === 'string' &&
  typeof (globalThis as any).Deno === 'undefined' &&
  typeof (globalThis as any).Bun === 'undefined' &&
  !isBrowserLike();
