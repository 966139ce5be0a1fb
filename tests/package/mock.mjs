// Starts the mock for a test file and talks to its /__mock controls.
//
// MOCK_BIN names the binary; by default <repo>/target/debug/openai-admin-mock, the repository being
// the nearest directory above this file with a `mock/Cargo.toml` (this file also runs from a copy
// under target/package-test/).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const KEY = 'sk-admin-demo';

/** The repository root: the nearest directory above this file that holds the mock crate. */
export function repoRoot() {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'mock', 'Cargo.toml'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root above ' + import.meta.url);
    dir = up;
  }
  return dir;
}

/**
 * Spawns the mock on a free port and resolves once it prints its address.
 * Returns `{ url, api, child, stop, reset, faults, requests, clearRequests }`.
 */
export async function startMock(extraArgs = []) {
  const bin = process.env.MOCK_BIN ?? path.join(repoRoot(), 'target', 'debug', 'openai-admin-mock');
  if (!existsSync(bin)) {
    throw new Error(`mock binary not found at ${bin}: run \`cargo build -p openai-admin-mock\` or set MOCK_BIN`);
  }
  const child = spawn(bin, ['--port', '0', '--seed', 'demo', '--admin-key', KEY, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('mock did not start in 10 s')), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`mock exited early with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const m = /^listening on (http:\/\/\S+)$/.exec(line.trim());
      m ? resolve(m[1]) : reject(new Error(`unexpected first line from the mock: ${line}`));
    });
  });
  const control = async (method, route, body) => {
    const res = await fetch(`${url}/__mock/${route}`, {
      method,
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} /__mock/${route}: ${res.status} ${await res.text()}`);
    return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
  };
  return {
    url,
    api: `${url}/v1`,
    child,
    stop() {
      if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    },
    reset: () => control('POST', 'reset'),
    faults: (rules) => control('POST', 'faults', rules),
    requests: () => control('GET', 'requests'),
    clearRequests: () => control('DELETE', 'requests'),
  };
}

/** Every item of an async iterable. */
export async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}
