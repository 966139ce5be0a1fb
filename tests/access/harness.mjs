// Helpers for the access end-to-end tests: the `openai-admin access` command line run as a user
// runs it (node pkg/dist/cli.js, the key in OPENAI_ADMIN_KEY), files in a temporary directory,
// and the mock's state and request log.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot, KEY } from '../support/mock.mjs';

export const CLI = path.join(repoRoot(), 'pkg', 'dist', 'cli.js');
export const dir = mkdtempSync(path.join(tmpdir(), 'openai-admin-access-'));

/** Writes `text` to a new file in the test directory and returns its path. */
let files = 0;
export function file(text, ext = 'yaml') {
  const p = path.join(dir, `f${++files}.${ext}`);
  writeFileSync(p, text);
  return p;
}

/** Runs `openai-admin access ARGS` against the mock; resolves to { code, stdout, stderr }. */
export function access(mock, args, { env = {}, onStderr, onSpawn, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'access', ...args, '--base-url', mock.api], {
      // A fresh snapshot folder per run unless the test gives one: each command reads as if cold.
      env: { PATH: process.env.PATH, OPENAI_ADMIN_KEY: KEY, OPENAI_ADMIN_CACHE_DIR: mkdtempSync(path.join(dir, 'cache-')), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr, child);
    });
    child.stdin.end(input ?? '');
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr, child }));
  });
}

/** Every item of a list on the mock. */
export async function all(mock, p) {
  const out = [];
  let after = '';
  for (;;) {
    const page = await mock.call('GET', `/v1/organization/${p}${p.includes('?') ? '&' : '?'}limit=100${after}`);
    out.push(...page.data);
    const next = page.next ?? page.last_id;
    if (!page.has_more || !next) return out;
    after = `&after=${next}`;
  }
}

/** The organization's groups (name → members' emails and role names), roles and users' roles, read straight from the mock. */
export async function snapshot(mock) {
  const users = await all(mock, 'users');
  const email = new Map(users.map((u) => [u.id, u.email]));
  const groups = {};
  for (const g of await all(mock, 'groups')) {
    const members = (await all(mock, `groups/${g.id}/users`)).map((u) => email.get(u.id) ?? u.id).sort();
    const roles = (await all(mock, `groups/${g.id}/roles`)).map((r) => r.name).sort();
    (groups[g.name] ??= []).push({ members, roles });
  }
  const roles = (await all(mock, 'roles')).map((r) => `${r.name}:${r.permissions.join(',')}`).sort();
  const owners = users.filter((u) => u.role === 'owner').map((u) => u.email).sort();
  return { groups, roles, owners };
}

/** The write requests in the mock's log. */
export async function writes(mock) {
  return (await mock.requests()).data.filter((e) => e.method !== 'GET');
}

export { parse, stringify };
