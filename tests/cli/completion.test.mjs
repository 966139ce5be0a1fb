// Shell completion: `openai-admin @completion bash|zsh|fish|pwsh` and the hidden `__complete`, by the
// official CLI's protocol (one candidate a line; exit 0, 10 for files, 11 for nothing), the bash
// script run in bash (its function, and Tab on a real terminal), the zsh script on a real zsh.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { collect, KEY } from '../support/mock.mjs';
import { setupCli, Terminal } from './harness.mjs';

let h;
let OPERATIONS;
before(async () => {
  h = await setupCli();
  ({ OPERATIONS } = await import(pathToFileURL(path.join(h.pkg, 'dist', 'operations.js')).href));
});
after(() => h?.stop());

/** `__complete WORDS...` in a shell's style: `{ code, lines }`. */
async function complete(style, ...words) {
  const r = await h.cli(['__complete', '--', ...words], { env: { COMPLETION_STYLE: style } });
  assert.equal(r.stderr, '', words.join(' '));
  return { code: r.code, lines: r.stdout.split('\n').filter((l) => l !== '') };
}

test('@completion prints each shell\'s script; wrong uses exit 1 with the official messages', async () => {
  for (const shell of ['bash', 'zsh', 'fish', 'pwsh']) {
    const r = await h.cli(['@completion', shell]);
    assert.equal(r.code, 0, shell);
    assert.match(r.stdout, /COMPLETION_STYLE/, shell);
    assert.match(r.stdout, /__complete/, shell);
    assert.match(r.stdout, /openai-admin/, shell);
    assert.ok(!r.stdout.includes('__BIN__') && !r.stdout.includes('__FN__'), shell);
  }
  const none = await h.cli(['@completion']);
  assert.equal(none.code, 1);
  assert.equal(none.stderr, 'no shell provided for completion command. available shells are [bash zsh fish pwsh]\n');
  const unknown = await h.cli(['@completion', 'tcsh']);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr, 'unknown shell tcsh, available shells are [bash zsh fish pwsh]\n');
  const style = await h.cli(['__complete', 'adm']);
  assert.equal(style.code, 1);
  assert.match(style.stderr, /COMPLETION_STYLE must be set/);
  // Syntax of the bash and zsh scripts, checked by the shells themselves.
  const dir = mkdtempSync(path.join(tmpdir(), 'openai-admin-completion-'));
  try {
    for (const shell of ['bash', 'zsh']) {
      const file = path.join(dir, shell);
      writeFileSync(file, (await h.cli(['@completion', shell])).stdout);
      execFileSync(shell, ['-n', file]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('__complete: commands (colon and spaced forms), methods, flags and their values', async () => {
  // Without a colon typed, the official names collapse to their first part.
  assert.deepEqual((await complete('bash', '')).lines, ['admin', 'access', 'console', 'help']);
  // The commands outside the table and their flags, from the registry (cli/registry.ts).
  assert.deepEqual((await complete('bash', 'access', '')).lines, ['dump', 'plan', 'apply', 'who', 'export', 'import']);
  assert.deepEqual((await complete('bash', 'access', 'plan', '--format', '')).lines, ['text', 'json']);
  assert.ok((await complete('bash', 'access', 'apply', '--')).lines.includes('--max-rps'));
  assert.ok((await complete('bash', 'access', 'dump', '--')).lines.includes('--debug'), 'the global options access takes');
  assert.ok(!(await complete('bash', 'access', 'dump', '--')).lines.includes('--transform'), 'not those it does not take');
  // console: its name, its flags and the global options it takes.
  assert.deepEqual((await complete('bash', 'con')).lines, ['console']);
  assert.deepEqual((await complete('zsh', 'con')).lines, ['console:The access console, a web page on 127.0.0.1.']);
  assert.deepEqual(
    (await complete('bash', 'console', '--')).lines.sort(),
    ['--port', '--allow-writes', '--audit', '--open', '--cache-dir', '--no-cache', '--admin-api-key', '--base-url', '--help'].sort(),
  );
  assert.equal((await complete('bash', 'console', '--audit', '')).code, 10, '--audit completes file names');
  assert.deepEqual((await complete('bash', 'gr')).lines, ['groups']);
  // bash replaces what follows the last colon; zsh and fish get whole names, zsh with `:` escaped.
  assert.deepEqual((await complete('bash', 'admin:organization:gr')).lines, ['groups', 'groups:users', 'groups:roles']);
  assert.deepEqual((await complete('fish', 'admin:organization:gr')).lines, ['admin:organization:groups', 'admin:organization:groups:users', 'admin:organization:groups:roles']);
  assert.deepEqual((await complete('zsh', 'admin:organization:us')).lines, ['admin\\:organization\\:users', 'admin\\:organization\\:users\\:roles']);
  // bash splits `admin:organization:gr` into `admin : organization : gr`; the words are joined back.
  assert.deepEqual((await complete('bash', 'admin', ':', 'organization', ':', 'gr')).lines, ['groups', 'groups:users', 'groups:roles']);
  // The spaced form, one segment at a time.
  assert.deepEqual((await complete('bash', 'admin', '')).lines, ['organization']);
  assert.deepEqual((await complete('bash', 'admin', 'organization', '')).lines, ['groups', 'roles', 'users', 'projects']);
  // Every method of every resource, with its summary for zsh and fish.
  for (const op of OPERATIONS) {
    const parts = op.name.split('.');
    const resource = `admin:organization:${parts.slice(0, -1).join(':')}`;
    const method = parts[parts.length - 1];
    const zsh = await complete('zsh', resource, method.slice(0, 2));
    assert.ok(zsh.lines.includes(`${method}:${op.summary.trim()}`), `${op.name}: ${zsh.lines}`);
    const fish = await complete('fish', ...resource.split(':').slice(2), method);
    assert.ok(fish.lines.includes(`${method}\t${op.summary.trim()}`), `${op.name} (short form): ${fish.lines}`);
  }
  // Flags of the command first, then the global ones.
  const flags = (await complete('bash', 'admin:organization:groups:users', 'list', '--')).lines;
  assert.deepEqual(flags.slice(0, 5), ['--group-id', '--after', '--limit', '--order', '--max-items']);
  assert.ok(flags.includes('--format') && flags.includes('--admin-api-key'));
  assert.deepEqual((await complete('bash', 'groups', 'list', '--for')).lines, ['--format', '--format-error']);
  // Values: formats, enums, booleans; nothing (11) for a free value.
  assert.deepEqual(await complete('bash', 'groups', 'list', '--format', 'j'), { code: 0, lines: ['json', 'jsonl'] });
  assert.deepEqual(await complete('bash', 'groups', 'list', '--format=y'), { code: 0, lines: ['--format=yaml'] });
  assert.deepEqual((await complete('bash', 'groups:users', 'list', 'g1', '--order', '')).lines, ['asc', 'desc']);
  assert.deepEqual((await complete('bash', 'users', 'update', 'u1', '--role', '')).lines, ['owner', 'reader']);
  assert.deepEqual(await complete('bash', 'groups', 'list', '--limit', ''), { code: 11, lines: [] });
  // A value already given is skipped: the next word is a flag again.
  assert.ok((await complete('bash', 'groups', 'list', '--limit', '5', '--ord')).lines.includes('--order'));
  // help completes resources too.
  assert.deepEqual((await complete('bash', 'help', 'admin:organization:ro')).lines, ['roles']);
});

/** Runs the bash script's function on COMP_WORDS as bash would split the line: COMPREPLY. */
function bashReply(cwd, ...words) {
  const script = [
    'source <(openai-admin @completion bash)',
    'COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()',
    '_openai_admin_bash',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', script, 'bash', 'openai-admin', ...words], { env: h.env(), cwd }).toString();
  return out.split('\n').filter((l) => l !== '');
}

test('the bash script in bash: commands, flags, @file names (also @file:// split at its colon), not emails', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'openai-admin-bash-'));
  try {
    writeFileSync(path.join(dir, 'perms.txt'), 'api.groups.read');
    writeFileSync(path.join(dir, 'data.csv'), 'x');
    assert.deepEqual(bashReply(dir, 'admin', ':', 'organization', ':', 'groups', ':', 'us'), ['users']);
    assert.deepEqual(bashReply(dir, 'admin:organization:groups', 'cr'), ['create']);
    assert.deepEqual(bashReply(dir, 'roles', 'create', '--desc'), ['--description']);
    assert.deepEqual(bashReply(dir, 'roles', 'create', '--permission', '@pe'), ['@perms.txt']);
    assert.deepEqual(bashReply(dir, 'roles', 'create', '--permission=@pe'), ['--permission=@perms.txt']);
    assert.deepEqual(bashReply(dir, 'roles', 'create', '--permission', '@file', ':', '//pe'), ['//perms.txt']);
    // An @ inside a word (an email) is not a file: nothing to complete here, and no file names.
    assert.deepEqual(bashReply(dir, 'users', 'list', '--email', 'ada@pe'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Tab on a real bash and a real zsh (tmux) completes the command line', async () => {
  const cases = [
    ['openai-admin admin:organization:gr', /openai-admin admin:organization:groups$/m],
    ['openai-admin admin:organization:groups li', /openai-admin admin:organization:groups list$/m],
    ['openai-admin admin:organization:groups list --max-it', / --max-items$/m],
  ];
  const shells = {
    bash: ['bash --norc --noprofile', 'source <(openai-admin @completion bash)'],
    zsh: ['zsh -f', 'autoload -U compinit && compinit -u && source <(openai-admin @completion zsh)'],
  };
  for (const [name, [start, setup]] of Object.entries(shells)) {
    for (const [typed, want] of cases) {
      const t = new Terminal(h.env(), { width: 150, height: 20 });
      try {
        t.start(start);
        t.keys(setup, 'Enter');
        t.keys("PS1='$ '; clear", 'Enter');
        await t.waitFor((s) => s.trim() === '$');
        t.keys('-l', typed);
        t.keys('Tab');
        const screen = await t.waitFor(want, 10_000);
        assert.match(screen, want, `${name}: ${typed}`);
      } finally {
        t.stop();
      }
    }
  }
});

test('access who\'s completions: the org\'s emails, group and role names, through the client; nothing on failure', async () => {
  const { principalsFor } = await import(pathToFileURL(path.join(h.pkg, 'dist', 'cli', 'run.js')).href);
  const { default: OpenAIAdmin } = await import(pathToFileURL(path.join(h.pkg, 'dist', 'node.js')).href);
  const load = async () => ({ OpenAIAdmin });
  const options = (env) => ({ argv: [], env, stdout: process.stdout, stderr: process.stderr, version: '0', load });
  await h.mock.reset();
  const client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: h.mock.api }).admin.organization;
  const emails = (await collect(client.users.list({ limit: 100 }))).map((u) => u.email).filter(Boolean);
  const groups = (await collect(client.groups.list({ limit: 1000 }))).map((g) => g.name);
  const roles = (await collect(client.roles.list({ limit: 1000 }))).map((r) => r.name);
  assert.ok(emails.length > 20 && groups.length > 0 && roles.length > 0);
  // The key and base URL from the environment, or from the flags typed on the line.
  const fromEnv = await principalsFor(options({ OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: h.mock.api }))({});
  assert.deepEqual(fromEnv, [...new Set([...emails, ...groups, ...roles])].sort((a, b) => a.localeCompare(b)));
  const fromFlags = await principalsFor(options({}))({ 'admin-api-key': KEY, 'base-url': h.mock.api });
  assert.deepEqual(fromFlags, fromEnv);
  // No key, a wrong key, nothing listening: nothing, quietly and soon.
  assert.deepEqual(await principalsFor(options({ OPENAI_BASE_URL: h.mock.api }))({}), []);
  assert.deepEqual(await principalsFor(options({ OPENAI_ADMIN_KEY: 'sk-admin-wrong', OPENAI_BASE_URL: h.mock.api }))({}), []);
  const started = Date.now();
  assert.deepEqual(await principalsFor(options({ OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }))({}), []);
  assert.ok(Date.now() - started < 3000);
});

test('access: files and values after flags; who completes the organization\'s emails and names (bash Tab too)', async () => {
  await h.mock.reset();
  assert.ok((await complete('bash', 'access', 'plan', '--')).lines.includes('--prune'));
  assert.deepEqual((await complete('bash', 'access', 'plan', '-f', '')).code, 10);
  assert.deepEqual((await complete('bash', 'access', 'export', '--csv', '')).lines, ['memberships', 'assignments', 'projects']);
  assert.deepEqual((await complete('bash', 'access', 'dump', '--format', '')).lines, ['yaml', 'json']);
  const client = (await import(pathToFileURL(path.join(h.pkg, 'dist', 'node.js')).href)).default;
  const org = new client({ adminAPIKey: KEY, baseURL: h.mock.api }).admin.organization;
  const users = await collect(org.users.list({ limit: 100 }));
  const groups = await collect(org.groups.list({ limit: 1000 }));
  const ada = users.find((u) => u.email?.startsWith('ada'));
  assert.deepEqual((await complete('bash', 'access', 'who', 'ada')).lines, [ada.email]);
  const who = (await complete('zsh', 'access', 'who', '')).lines;
  for (const u of users.filter((x) => x.email)) assert.ok(who.includes(u.email.replace(/:/g, '\\:')), u.email);
  for (const g of groups) assert.ok(who.includes(g.name), g.name);
  // The key typed on the line is used; a wrong one completes nothing.
  const wrong = await h.cli(['__complete', '--', '--admin-api-key', 'sk-admin-wrong', 'access', 'who', ''], { env: { COMPLETION_STYLE: 'bash' } });
  assert.equal(wrong.stdout, '');
  const t = new Terminal(h.env(), { width: 150, height: 20 });
  try {
    t.start('bash --norc --noprofile');
    t.keys('source <(openai-admin @completion bash)', 'Enter');
    t.keys("PS1='$ '; clear", 'Enter');
    await t.waitFor((s) => s.trim() === '$');
    t.keys('-l', 'openai-admin access who ada');
    t.keys('Tab');
    await t.waitFor(new RegExp(`openai-admin access who ${ada.email.replace(/\./g, '\\.')}$`, 'm'));
    // A group name with a space comes back quoted for the shell.
    t.keys('C-u', 'clear', 'Enter');
    await t.waitFor((x) => x.trim() === '$');
    t.keys('-l', 'openai-admin access who Data');
    t.keys('Tab');
    await t.waitFor(/openai-admin access who Data\\ Science$/m);
  } finally {
    t.stop();
  }
});
