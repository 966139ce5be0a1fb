// Bundles an edge function as Vercel does for its Edge Runtime: esbuild, one script, conditions
// edge-light, worker, browser. A `.wasm` import (plain or `?module`) is not bundled as bytes: as
// on Vercel, the platform compiles the file and hands the function a WebAssembly.Module, here a
// global named after the file that `edgeRuntime()` defines before the code runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { EdgeRuntime } from 'edge-runtime';

/** Bundles `entry`; resolves to `{ code, wasm: [{ binding, file }], bytes }`. */
export async function bundleEdge(entry, { minify = false } = {}) {
  const wasm = [];
  const wasmModules = {
    name: 'wasm-modules',
    setup(build) {
      build.onResolve({ filter: /\.wasm(\?module)?$/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path.replace(/\?module$/, '')),
        namespace: 'wasm-module',
      }));
      build.onLoad({ filter: /.*/, namespace: 'wasm-module' }, (args) => {
        const binding = `__wasm_${path.basename(args.path, '.wasm').replace(/\W/g, '_')}`;
        if (!wasm.some((w) => w.binding === binding)) wasm.push({ binding, file: args.path });
        return { contents: `export default globalThis.${binding};`, loader: 'js' };
      });
    },
  };
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['edge-light', 'worker', 'browser'],
    minify,
    plugins: [wasmModules],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { code, wasm, bytes: Buffer.byteLength(code) };
}

/** An EdgeRuntime running a bundle, its wasm modules compiled in the runtime's own realm first. */
export function edgeRuntime({ code, wasm }) {
  const runtime = new EdgeRuntime();
  const { Module } = runtime.evaluate('WebAssembly');
  for (const { binding, file } of wasm) runtime.context[binding] = new Module(readFileSync(file));
  runtime.evaluate(code);
  return runtime;
}
