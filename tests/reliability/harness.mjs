// Node-side setup shared by the Node and the Chromium suites: a private copy of pkg/, the mock
// started with the canary key, and a port that refuses connections.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CANARY_KEY, mockHandle } from './cases.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A private copy of pkg/, so that a rebuild during the run (scripts/build-pkg.sh starts with
 * `rm -rf pkg`) cannot break or mix the package under test. pkg/package.json is the last file a
 * build writes: while pkg/ exists without it, a build is under way and we wait for it.
 */
export async function copyPkg() {
  const pkg = join(ROOT, 'pkg');
  for (let waited = 0; existsSync(pkg) && !existsSync(join(pkg, 'package.json')) && waited < 300; waited += 2) {
    if (waited === 0) console.error('# waiting for pkg/ (a build is under way?)');
    await sleep(2000);
  }
  const copy = mkdtempSync(join(tmpdir(), 'admin-reliability-pkg-'));
  if (existsSync(pkg)) cpSync(pkg, copy, { recursive: true });
  for (const f of ['dist/node.js', 'dist/index.js', 'wasm/openai_admin_wasm_bg.wasm']) {
    if (!existsSync(join(copy, f))) {
      rmSync(copy, { recursive: true, force: true });
      throw new Error(`pkg/${f} is missing: build the package first with scripts/build-pkg.sh`);
    }
  }
  return copy;
}

/** Starts the mock with the canary key; resolves to the control handle plus `stop()`. */
export async function startMock(extraArgs = []) {
  const bin = process.env.MOCK_BIN ?? join(ROOT, 'target/debug/openai-admin-mock');
  if (!existsSync(bin)) throw new Error(`mock not found at ${bin}: run cargo build -p openai-admin-mock`);
  const child = spawn(bin, ['--port', '0', '--seed', 'demo', '--admin-key', CANARY_KEY, ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock did not start in 10 s: ${stderr}`)), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`mock exited early with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const m = /^listening on (http:\/\/\S+)$/.exec(line.trim());
      m ? resolveUrl(m[1]) : reject(new Error(`unexpected first line from the mock: ${line}`));
    });
  });
  return {
    ...mockHandle(url),
    stop() {
      if (child.pid && child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}
