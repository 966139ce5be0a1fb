// What the command line's feature tests share: a private copy of pkg/ with the CLI, the mock, a
// runner, and a real terminal (tmux) to type into and read.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyPkg, KEY, repoRoot, startMock } from '../support/mock.mjs';

/**
 * Starts the mock and copies pkg/ (CLI_PKG=dir tests that directory instead). Resolves to
 * `{ mock, pkg, bin, binDir, env(extra), cli(args, options), stop() }`; `binDir` holds an
 * `openai-admin` command (for the shells' completion, which runs the command by its name).
 */
export async function setupCli(mockArgs = []) {
  const mock = await startMock({ args: mockArgs });
  let pkg;
  let own = false;
  if (process.env.CLI_PKG) {
    pkg = path.resolve(process.env.CLI_PKG);
  } else {
    pkg = await copyPkg({ need: ['dist/cli.js', 'dist/node.js', 'dist/operations.js', 'package.json'], prefix: 'openai-admin-cli-' });
    own = true;
    if (!existsSync(path.join(pkg, 'node_modules'))) symlinkSync(path.join(repoRoot(), 'node_modules'), path.join(pkg, 'node_modules'));
  }
  const bin = path.join(pkg, 'dist', 'cli.js');
  const binDir = mkdtempSync(path.join(tmpdir(), 'openai-admin-bin-'));
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'openai-admin-cache-'));
  writeFileSync(path.join(binDir, 'openai-admin'), `#!/bin/sh\nexec '${process.execPath}' '${bin}' "$@"\n`);
  chmodSync(path.join(binDir, 'openai-admin'), 0o755);

  /** The environment of a run: the mock's URL and key, the command on PATH, nothing else of OpenAI's. */
  const env = (extra = {}) => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|FORCE_COLOR|NO_COLOR|PAGER|LESS|COMPLETION_STYLE)/.test(k)));
    return { ...base, PATH: `${binDir}:${process.env.PATH}`, OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: mock.api, OPENAI_ADMIN_CACHE_DIR: cacheDir, NO_COLOR: '1', ...extra };
  };

  /** Runs the CLI; resolves to `{ code, stdout, stderr }`. `input` is written to its standard input. */
  const cli = (args, { env: extra = {}, input, cwd } = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { env: env(extra), cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
      if (input !== undefined) child.stdin.end(input);
    });

  const stop = async () => {
    await mock.stop();
    rmSync(binDir, { recursive: true, force: true });
    if (own) rmSync(pkg, { recursive: true, force: true });
  };
  return { mock, pkg, bin, binDir, env, cli, stop };
}

/** Words quoted for sh. */
export const shell = (words) => words.map((w) => `'${String(w).replace(/'/g, `'\\''`)}'`).join(' ');

let sessions = 0;

/**
 * A tmux window running one command, to type into and read. Each terminal has its own tmux server
 * and socket (a socket reused after kill-server can reach the dying server).
 */
export class Terminal {
  constructor(env, { width = 120, height = 30 } = {}) {
    this.socket = `openai-admin-cli-term-${process.pid}-${++sessions}`;
    this.env = env;
    this.width = width;
    this.height = height;
  }

  tmux(...args) {
    return execFileSync('tmux', ['-L', this.socket, ...args], { env: this.env }).toString();
  }

  /** Starts `command` (sh); when it ends the window shows `__EXIT <status>`. */
  start(command) {
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(this.width), '-y', String(this.height), `${command}; echo "__EXIT $?"; sleep 120`);
    return this;
  }

  keys(...keys) {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  screen() {
    return this.tmux('capture-pane', '-p', '-t', 'main');
  }

  /** Waits until `test(screen)` holds (a RegExp or a function); resolves to the screen. */
  async waitFor(test, timeoutMs = 15_000) {
    const ok = typeof test === 'function' ? test : (s) => test.test(s);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (ok(s)) return s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${test} on the terminal:\n${s}`);
      await sleep(100);
    }
  }

  /** Waits for the command to end; resolves to `{ code, screen }` (the screen above the marker). */
  async exit(timeoutMs = 15_000) {
    const s = await this.waitFor(/__EXIT \d+/, timeoutMs);
    const m = /__EXIT (\d+)/.exec(s);
    return { code: Number(m[1]), screen: s.slice(0, m.index) };
  }

  stop() {
    try {
      const socketPath = this.tmux('display-message', '-p', '#{socket_path}').trim();
      this.tmux('kill-server');
      rmSync(socketPath, { force: true });
    } catch {}
  }
}
