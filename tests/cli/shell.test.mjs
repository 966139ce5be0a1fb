// The command line as a shell runs it: through pipes, on a real terminal (tmux), and as the
// packed package's bin (npx, and an installed openai-admin).
//
// CLI_PKG=dir tests that package directory instead of a private copy of pkg/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collect } from '../support/mock.mjs';
import { clients } from './commands.mjs';
import { setupCli, shell, Terminal } from './harness.mjs';

let h;
let mock;
let cli;
let ours;
let seedIds;

before(async () => {
  h = await setupCli();
  ({ mock, cli } = h);
  ({ ours, seedIds } = await clients(h));
});

after(async () => {
  await h?.stop();
});

test('pipes: --format jsonl | wc -l counts the items', async () => {
  await mock.reset();
  for (const [args, list] of [
    [['admin:organization:users', 'list'], (c) => c.users.list({ limit: 20 })],
    [['admin', 'organization', 'groups', 'list'], (c) => c.groups.list({ limit: 100, order: 'asc' })],
  ]) {
    const items = await collect(list(ours()));
    const quoted = shell([process.execPath, h.bin, ...args, '--format', 'jsonl']);
    const out = execFileSync('sh', ['-c', `${quoted} | wc -l`], { env: h.env() }).toString().trim();
    assert.equal(Number(out), items.length, args.join(' '));
  }
  // A reader that stops early (head) ends the command quietly.
  const quoted = shell([process.execPath, h.bin, 'admin:organization:users', 'list', '--format', 'jsonl']);
  const head = execFileSync('sh', ['-c', `${quoted} | head -2`], { env: h.env() }).toString();
  assert.equal(head.split('\n').filter((l) => l.startsWith('{')).length, 2);
});

/** Runs `command` in a tmux window of 150x50; resolves to its exit code and what the screen shows. */
async function onTerminal(command) {
  const term = new Terminal(h.env({ NO_COLOR: '', TERM: 'xterm-256color' }), { width: 150, height: 50 }).start(command);
  try {
    return await term.exit(10_000);
  } finally {
    term.stop();
  }
}

test('auto on a real terminal (tmux): a table for a list, readable text for one object, JSON through a pipe', async () => {
  const ids = await seedIds();
  const groups = await collect(ours().groups.list({ limit: 100, order: 'asc' }));
  const q = (args) => shell([process.execPath, h.bin, ...args]);

  const list = await onTerminal(q(['admin:organization:groups', 'list', '--max-items', '5']));
  assert.equal(list.code, 0, list.screen);
  const lines = list.screen.split('\n').filter((l) => l.trim() !== '');
  assert.match(lines[0], /^ID\s+NAME\s+GROUP_TYPE\s+CREATED_AT\s+IS_SCIM_MANAGED$/);
  assert.equal(lines.length, 6, list.screen);
  groups.slice(0, 5).forEach((g, i) => {
    assert.match(lines[i + 1], new RegExp(`^${g.id}\\s+${g.name}\\s+${g.group_type}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+${g.is_scim_managed}$`));
  });

  const one = await onTerminal(q(['admin:organization:groups', 'retrieve', ids.G]));
  assert.equal(one.code, 0, one.screen);
  assert.match(one.screen, new RegExp(`^id\\s+${ids.G}$`, 'm'));
  assert.match(one.screen, /^created_at\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/m);
  assert.ok(!one.screen.includes('{'), one.screen);

  const piped = await onTerminal(`${q(['admin:organization:groups', 'retrieve', ids.G])} | cat`);
  assert.equal(piped.code, 0);
  assert.match(piped.screen, /^\{\n\s+"/m);

  const error = await onTerminal(q(['admin:organization:groups', 'retrieve', 'group_missing']));
  assert.equal(error.code, 1);
  assert.match(error.screen, /^NotFoundError: 404 /m);
});

test('npx openai-admin-wasm and an installed openai-admin: the packed package\'s bin', async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'openai-admin-cli-npx-'));
  try {
    const project = path.join(scratch, 'project');
    execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch, h.pkg], { cwd: scratch, stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = execFileSync('sh', ['-c', 'ls *.tgz'], { cwd: scratch }).toString().trim();
    execFileSync('mkdir', [project]);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "cli-test", "private": true }\n');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', path.join(scratch, tarball)], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
    await mock.reset();
    const groups = await collect(ours().groups.list({ limit: 100, order: 'asc' }));
    const run = (cmd, args) => execFileSync(cmd, args, { cwd: project, env: h.env() }).toString();
    assert.equal(run('npx', ['--no-install', 'openai-admin-wasm', '--version']), `openai-admin ${JSON.parse(readFileSync(path.join(h.pkg, 'package.json'), 'utf8')).version}\n`);
    const names = run(path.join(project, 'node_modules', '.bin', 'openai-admin'), ['admin:organization:groups', 'list', '--format', 'jsonl', '--transform', 'name', '-r']);
    assert.equal(names, groups.map((g) => `${g.name}\n`).join(''));
    const yaml = run('npx', ['--no-install', 'openai-admin-wasm', 'admin:organization:groups', 'retrieve', groups[0].id, '--format', 'yaml']);
    assert.match(yaml, new RegExp(`^id: ${groups[0].id}$`, 'm'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
