// Starts the mock server (the `openai-admin-mock` binary) for a test or benchmark, and makes
// private copies of pkg/. Node only; the HTTP controls are in controls.mjs (re-exported here).
//
// This file also runs from a copy under target/package-test/ (scripts/test-package.sh), so the
// repository is found by looking upwards for `mock/Cargo.toml`, not by a fixed relative path.

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { KEY, mockClient } from './controls.mjs';

export { KEY, mockClient };

/** The repository root: the nearest directory above this file that holds the mock crate. */
export function repoRoot() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'mock', 'Cargo.toml'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root above ${import.meta.url}`);
    dir = up;
  }
  return dir;
}

/**
 * The mock binary: $MOCK_BIN if set, else the first of `builds` ('debug', 'release') that is built
 * under target/. Throws, saying how to build it, when there is none.
 */
export function mockBinary(builds = ['debug']) {
  const candidates = process.env.MOCK_BIN
    ? [path.resolve(process.env.MOCK_BIN)]
    : builds.map((b) => path.join(repoRoot(), 'target', b, 'openai-admin-mock'));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    const cargo = builds[0] === 'release' ? 'cargo build --release -p openai-admin-mock' : 'cargo build -p openai-admin-mock';
    throw new Error(`mock binary not found (looked at ${candidates.join(', ')}): run \`${cargo}\` or set MOCK_BIN`);
  }
  return found;
}

/**
 * Spawns the mock on a free port (`--port 0`) and resolves once it prints `listening on <url>`.
 *
 * Options: `seed` ('demo' | 'empty'), `adminKey` (the key it requires and the controls send),
 * `args` (more arguments: `--www DIR`, `--static PREFIX=DIR`, `--users N`, ...), `builds` (see
 * mockBinary), `cwd` (default: the repository root), `timeoutMs` (to start, default 10 s).
 *
 * Resolves to mockClient(url, adminKey) (`url`, `api`, `call`, `reset`, `faults`, `requests`, ...)
 * plus `child`, `startupLog` (what the mock wrote on stderr before listening) and `stop()`, which
 * kills it (SIGKILL) and resolves once it is gone. It is also killed when this process exits.
 * Anything the mock writes on stderr after it started is passed on to this process's stderr.
 */
export async function startMock({ seed = 'demo', adminKey = KEY, args = [], builds, cwd = repoRoot(), timeoutMs = 10_000 } = {}) {
  const bin = mockBinary(builds);
  const child = spawn(bin, ['--port', '0', '--seed', seed, '--admin-key', adminKey, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {}
    }
  };
  process.on('exit', kill);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stderr = '';
  const keep = (d) => (stderr += d);
  child.stderr.on('data', keep);
  const lines = createInterface({ input: child.stdout });
  let onError, onExit, timer;
  const url = await new Promise((resolve, reject) => {
    onError = (err) => reject(err);
    onExit = (code, signal) => reject(new Error(`the mock exited before listening (${signal ?? code})\n${stderr}`));
    timer = setTimeout(() => reject(new Error(`the mock printed no address within ${timeoutMs / 1000} s\n${stderr}`)), timeoutMs);
    child.once('error', onError);
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const m = /^listening on (http:\/\/\S+)$/.exec(line.trim());
      if (m) resolve(m[1]);
    });
  }).finally(() => {
    clearTimeout(timer);
    lines.close();
    child.off('error', onError);
    child.off('exit', onExit);
  }).catch((err) => {
    kill();
    process.off('exit', kill);
    throw err;
  });
  child.stderr.off('data', keep);
  child.stderr.on('data', (d) => process.stderr.write(d));
  // The mock prints nothing more on stdout; keep it drained all the same.
  child.stdout.resume();
  return {
    ...mockClient(url, adminKey),
    child,
    startupLog: stderr,
    stop() {
      kill();
      process.off('exit', kill);
      return exited.then(() => {});
    },
  };
}

/**
 * A private copy of pkg/ in a new temporary directory (remove it when done), so that a rebuild of
 * pkg/ during the run (scripts/build-pkg.sh starts with `rm -rf pkg`) cannot break or mix the
 * package under test. pkg/package.json is the last file a build writes: while pkg/ exists without
 * it, a build is under way, and this waits for it up to `waitSeconds`. Throws if a file of `need`
 * is missing from the copy.
 */
export async function copyPkg({
  need = ['dist/node.js', 'dist/index.js', 'wasm/openai_admin_wasm_bg.wasm'],
  prefix = 'openai-admin-pkg-',
  waitSeconds = 300,
} = {}) {
  const pkg = path.join(repoRoot(), 'pkg');
  for (let waited = 0; existsSync(pkg) && !existsSync(path.join(pkg, 'package.json')) && waited < waitSeconds; waited += 2) {
    if (waited === 0) console.error('# waiting for pkg/ (a build is under way?)');
    await sleep(2000);
  }
  const copy = mkdtempSync(path.join(tmpdir(), prefix));
  if (existsSync(pkg)) cpSync(pkg, copy, { recursive: true });
  for (const f of need) {
    if (!existsSync(path.join(copy, f))) {
      rmSync(copy, { recursive: true, force: true });
      throw new Error(`pkg/${f} is missing: build the package first with scripts/build-pkg.sh`);
    }
  }
  return copy;
}

/** Every item of an async iterable (e.g. every page item of an SDK's `list()`). */
export async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}
