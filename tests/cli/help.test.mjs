// The help texts of the command line against their snapshot (offline: no key, no server), and
// the usage errors: exit 2, a hint, nothing sent.
//
// CLI_PKG=dir tests that package directory instead of a private copy of pkg/.
// UPDATE_SNAPSHOTS=1 rewrites tests/cli/help.snapshot.txt.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clients } from './commands.mjs';
import { setupCli } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SNAPSHOT = path.join(here, 'help.snapshot.txt');

let h;
let mock;
let cli;
let OPERATIONS;

before(async () => {
  h = await setupCli();
  ({ mock, cli } = h);
  ({ OPERATIONS } = await clients(h));
});

after(async () => {
  await h?.stop();
});

async function helpTexts() {
  const runs = [['--help'], ...[...new Set(OPERATIONS.map((o) => o.name.split('.').slice(0, -1).join(':')))].map((r) => ['help', `admin:organization:${r}`])];
  for (const op of OPERATIONS) runs.push(helpArgs(op));
  const texts = new Map();
  for (const args of runs) {
    // Offline: no key, and a base URL where nothing listens.
    const r = await cli(args, { env: { OPENAI_ADMIN_KEY: '', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } });
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    texts.set(args.join(' '), r.stdout);
  }
  return texts;
}

function helpArgs(op) {
  const parts = op.name.split('.');
  return ['help', `admin:organization:${parts.slice(0, -1).join(':')}`, parts[parts.length - 1]];
}

test('help texts match their snapshot (and need no network)', async () => {
  const texts = await helpTexts();
  const text = [...texts].map(([args, out]) => `$ openai-admin ${args}\n${out}\n`).join('');
  if (process.env.UPDATE_SNAPSHOTS) writeFileSync(SNAPSHOT, text);
  assert.ok(existsSync(SNAPSHOT), 'no snapshot: run with UPDATE_SNAPSHOTS=1');
  assert.equal(text, readFileSync(SNAPSHOT, 'utf8'), 'help changed: check it, then UPDATE_SNAPSHOTS=1');
  // Each command's help names every field of its operation with the API's description.
  for (const op of OPERATIONS) {
    const help = texts.get(helpArgs(op).join(' '));
    assert.ok(help.includes(op.summary.trim()), op.name);
    for (const p of op.pathParams) {
      const name = typeof p === 'string' ? p : p.name;
      assert.ok(help.includes(`--${name.replace(/_/g, '-')} `), `${op.name}: --${name}`);
    }
    for (const f of op.fields) {
      const flag = f.type === 'string[]' ? f.name.replace(/_/g, '-').replace(/s$/, '') : f.name.replace(/_/g, '-');
      assert.ok(help.includes(`--${flag} `), `${op.name}: --${flag}`);
      const words = f.description.split(/\s+/).filter(Boolean).slice(0, 4).join(' ');
      assert.ok(help.replace(/\s+/g, ' ').includes(words), `${op.name}: ${f.name}'s description`);
    }
  }
  // Other spellings of the same help.
  const a = texts.get('help admin:organization:groups:users create');
  assert.equal((await cli(['admin', 'organization', 'groups', 'users', 'create', '--help'])).stdout, a);
  assert.equal((await cli(['groups', 'users', 'create', '-h'])).stdout, a);
  const version = await cli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout, `openai-admin ${JSON.parse(readFileSync(path.join(h.pkg, 'package.json'), 'utf8')).version}\n`);
});

test('usage errors exit 2 with a hint; nothing is sent', async () => {
  await mock.clearRequests();
  const cases = [
    [['admin:organization:grups', 'list'], /unknown command .*Did you mean "admin:organization:groups list"\?/],
    [['admin:organization:groups', 'lsit'], /unknown command .*Did you mean "admin:organization:groups list"\?/],
    [['admin', 'organization', 'gropus', 'list'], /Did you mean "admin:organization:groups list"\?/],
    [['admin:organization:groups:users', 'list', 'g', '--gruop-id', 'x'], /unknown flag --gruop-id\. Did you mean --group-id\?/],
    [['admin:organization:groups', 'list', '--fromat', 'json'], /unknown flag --fromat\. Did you mean --format\?/],
    [['admin:organization:groups', 'list', '--name', 'x'], /unknown flag --name for admin:organization:groups list/],
    [['admin:organization:groups', 'create'], /missing required flag --name/],
    [['admin:organization:groups:users', 'retrieve', '--user-id', 'u'], /missing required flag --group-id/],
    [['admin:organization:groups', 'retrieve'], /missing required flag --group-id \(or give it as the first argument\)/],
    [['admin:organization:groups', 'retrieve', 'a', 'b'], /unexpected argument "b"/],
    [['admin:organization:groups', 'list', '--limit', 'ten'], /--limit wants an integer/],
    [['admin:organization:groups', 'list', '--format', 'xml'], /--format must be one of/],
    [['admin:organization:groups', 'list', '--format'], /needs a value/],
    [['admin:organization:groups'], /needs a method: list, create, retrieve, update, delete/],
    [['admin:organization:groups', 'list', '-H', 'no colon'], /invalid header/],
    [['admin:organization:groups', 'list', '--base-url', 'example.com'], /missing a scheme/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /Run 'openai-admin (help .+|--help)' for usage\./);
  }
  assert.deepEqual((await mock.requests()).data, []);
});

test('--help lists the access and console commands, each with a one-line description that its own --help expands', async () => {
  const root = await cli(['--help'], { env: { OPENAI_ADMIN_KEY: '' } });
  assert.equal(root.code, 0);
  const section = root.stdout.split('\nOther commands:\n')[1]?.split('\n\n')[0];
  assert.ok(section, 'an "Other commands:" section');
  for (const name of ['access', 'console']) {
    const lines = section.split('\n').filter((l) => l.trimStart().startsWith(`${name} `));
    assert.equal(lines.length, 1, `${name}: one line`);
    assert.match(lines[0], new RegExp(`^  ${name} +\\S.*\\('openai-admin ${name} --help'\\)$`));
    const own = await cli([name, '--help'], { env: { OPENAI_ADMIN_KEY: '' } });
    assert.equal(own.code, 0, `${name} --help: ${own.stderr}`);
    assert.match(own.stdout, new RegExp(`^Usage: openai-admin ${name} `));
  }
});
