// The `openai-admin` command line of the package, run as a user runs it (`node pkg/dist/cli.js`,
// the package's `bin`) against the mock: every command's output equals this package's and the
// official SDK's result for the same call, help texts match their snapshot, exit codes, pipes, and
// the `auto` format on a real terminal (tmux).
//
// CLI_PKG=dir tests that package directory instead of a private copy of pkg/.
// UPDATE_SNAPSHOTS=1 rewrites tests/cli/help.snapshot.txt.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import OpenAI from 'openai';
import { collect, copyPkg, KEY, repoRoot, startMock } from '../support/mock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SNAPSHOT = path.join(here, 'help.snapshot.txt');

let mock;
let pkg;
let ownCopy = false;
let bin;
let OPERATIONS;
let OpenAIAdmin;

before(async () => {
  mock = await startMock();
  if (process.env.CLI_PKG) {
    pkg = path.resolve(process.env.CLI_PKG);
  } else {
    pkg = await copyPkg({ need: ['dist/cli.js', 'dist/node.js', 'dist/operations.js', 'package.json'], prefix: 'openai-admin-cli-' });
    ownCopy = true;
    // The package's runtime dependencies (yaml), as an install would bring them.
    if (!existsSync(path.join(pkg, 'node_modules'))) symlinkSync(path.join(repoRoot(), 'node_modules'), path.join(pkg, 'node_modules'));
  }
  bin = path.join(pkg, 'dist', 'cli.js');
  ({ OPERATIONS } = await import(pathToFileURL(path.join(pkg, 'dist', 'operations.js')).href));
  ({ default: OpenAIAdmin } = await import(pathToFileURL(path.join(pkg, 'dist', 'node.js')).href));
});

after(async () => {
  await mock?.stop();
  if (ownCopy) rmSync(pkg, { recursive: true, force: true });
});

/** The environment of a run: the mock's URL and key, no color, nothing else of OpenAI's. */
function env(extra = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|FORCE_COLOR|NO_COLOR)/.test(k)));
  return { ...base, OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: mock.api, NO_COLOR: '1', ...extra };
}

/** Runs the CLI; resolves to its exit code, stdout and stderr. */
function cli(args, { env: extra = {}, stdin = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: env(extra), stdio: [stdin, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Drift reports off: the test compares data, and the CLI reports drift only with --debug.
const ours = () => new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0, responseDrift: 'off' }).admin.organization;
const official = () => new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0 }).admin.organization;

/** JSON of a result as a user sees it (no `_request_id`). */
const plain = (v) => JSON.parse(JSON.stringify(v, (k, x) => (k === '_request_id' ? undefined : x)));

/** Unix times within ten minutes of now (set by the mock when the test writes) become `<now>`. */
function normalized(v) {
  const now = Date.now() / 1000;
  return JSON.parse(JSON.stringify(v), (k, x) => (typeof x === 'number' && Math.abs(x - now) < 600 ? '<now>' : x));
}

/** Ids in the seed data, read after a reset. */
async function seedIds() {
  await mock.reset();
  const c = ours();
  const groups = await collect(c.groups.list());
  const G = groups[0].id;
  const groupUsers = await collect(c.groups.users.list(G));
  const groupRoles = await collect(c.groups.roles.list(G));
  const users = await collect(c.users.list({ limit: 100 }));
  const roles = await collect(c.roles.list());
  const U = users[0].id;
  const userRoles = await collect(c.users.roles.list(U));
  const custom = roles.filter((r) => !r.predefined_role);
  return {
    G,
    GU: groupUsers[0].id,
    GR: groupRoles[0].id,
    newGroupUser: users.find((u) => !groupUsers.some((g) => g.id === u.id)).id,
    newGroupRole: roles.find((r) => !groupRoles.some((g) => g.id === r.id)).id,
    U,
    UR: userRoles[0].id,
    newUserRole: roles.find((r) => !userRoles.some((g) => g.id === r.id)).id,
    R: custom[0].id,
    emails: users.slice(1, 4).map((u) => u.email).filter(Boolean),
  };
}

/**
 * One call of each operation: the command line, and the same call through a client (`c` is
 * `client.admin.organization`). Lists pass the official CLI's defaults explicitly.
 */
const SCENARIOS = {
  'groups.list': { args: () => ['admin:organization:groups', 'list'], call: (c) => collect(c.groups.list({ limit: 100, order: 'asc' })) },
  'groups.create': { args: () => ['admin:organization:groups', 'create', '--name', 'Made on the command line'], call: (c) => c.groups.create({ name: 'Made on the command line' }) },
  'groups.retrieve': { args: (i) => ['admin', 'organization', 'groups', 'retrieve', i.G], call: (c, i) => c.groups.retrieve(i.G) },
  'groups.update': { args: (i) => ['admin:organization:groups', 'update', '--group-id', i.G, '--name', 'Renamed'], call: (c, i) => c.groups.update(i.G, { name: 'Renamed' }) },
  'groups.delete': { args: (i) => ['admin:organization:groups', 'delete', i.G], call: (c, i) => c.groups.delete(i.G) },
  'groups.users.list': { args: (i) => ['admin:organization:groups:users', 'list', i.G], call: (c, i) => collect(c.groups.users.list(i.G, { limit: 100, order: 'desc' })) },
  'groups.users.create': { args: (i) => ['admin:organization:groups:users', 'create', i.G, '--user-id', i.newGroupUser], call: (c, i) => c.groups.users.create(i.G, { user_id: i.newGroupUser }) },
  'groups.users.retrieve': { args: (i) => ['admin:organization:groups:users', 'retrieve', '--group-id', i.G, '--user-id', i.GU], call: (c, i) => c.groups.users.retrieve(i.GU, { group_id: i.G }) },
  'groups.users.delete': { args: (i) => ['admin', 'organization', 'groups', 'users', 'delete', i.G, i.GU], call: (c, i) => c.groups.users.delete(i.GU, { group_id: i.G }) },
  'groups.roles.list': { args: (i) => ['admin:organization:groups:roles', 'list', '--group-id', i.G], call: (c, i) => collect(c.groups.roles.list(i.G)) },
  'groups.roles.create': { args: (i) => ['admin:organization:groups:roles', 'create', i.G, '--role-id', i.newGroupRole], call: (c, i) => c.groups.roles.create(i.G, { role_id: i.newGroupRole }) },
  'groups.roles.retrieve': { args: (i) => ['admin:organization:groups:roles', 'retrieve', i.G, '--role-id', i.GR], call: (c, i) => c.groups.roles.retrieve(i.GR, { group_id: i.G }) },
  'groups.roles.delete': { args: (i) => ['admin:organization:groups:roles', 'delete', i.G, i.GR], call: (c, i) => c.groups.roles.delete(i.GR, { group_id: i.G }) },
  'roles.list': { args: () => ['admin:organization:roles', 'list'], call: (c) => collect(c.roles.list({ limit: 1000, order: 'asc' })) },
  'roles.create': {
    args: () => ['admin:organization:roles', 'create', '--role-name', 'Auditor', '--permission', 'api.groups.read', '--permission', 'api.users.read', '--description', 'Reads'],
    call: (c) => c.roles.create({ role_name: 'Auditor', permissions: ['api.groups.read', 'api.users.read'], description: 'Reads' }),
  },
  'roles.retrieve': { args: (i) => ['admin:organization:roles', 'retrieve', i.R], call: (c, i) => c.roles.retrieve(i.R) },
  'roles.update': {
    args: (i) => ['admin:organization:roles', 'update', i.R, '--description', 'Changed', '--permission', 'api.groups.read'],
    call: (c, i) => c.roles.update(i.R, { description: 'Changed', permissions: ['api.groups.read'] }),
  },
  'roles.delete': { args: (i) => ['admin:organization:roles', 'delete', '--role-id', i.R], call: (c, i) => c.roles.delete(i.R) },
  'users.list': { args: () => ['admin:organization:users', 'list'], call: (c) => collect(c.users.list({ limit: 20 })) },
  'users.retrieve': { args: (i) => ['admin:organization:users', 'retrieve', i.U], call: (c, i) => c.users.retrieve(i.U) },
  'users.update': { args: (i) => ['admin:organization:users', 'update', i.U, '--role', 'reader'], call: (c, i) => c.users.update(i.U, { role: 'reader' }) },
  'users.delete': { args: (i) => ['admin:organization:users', 'delete', i.U], call: (c, i) => c.users.delete(i.U) },
  'users.roles.list': { args: (i) => ['admin:organization:users:roles', 'list', i.U], call: (c, i) => collect(c.users.roles.list(i.U)) },
  'users.roles.create': { args: (i) => ['admin:organization:users:roles', 'create', i.U, '--role-id', i.newUserRole], call: (c, i) => c.users.roles.create(i.U, { role_id: i.newUserRole }) },
  'users.roles.retrieve': { args: (i) => ['admin:organization:users:roles', 'retrieve', '--user-id', i.U, '--role-id', i.UR], call: (c, i) => c.users.roles.retrieve(i.UR, { user_id: i.U }) },
  'users.roles.delete': { args: (i) => ['admin:organization:users:roles', 'delete', i.U, i.UR], call: (c, i) => c.users.roles.delete(i.UR, { user_id: i.U }) },
};

test('every operation of the table has a command scenario here', () => {
  assert.deepEqual(OPERATIONS.map((o) => o.name).sort(), Object.keys(SCENARIOS).sort());
});

test('every command prints what this package and the official SDK return for the same call', async () => {
  const ids = await seedIds();
  for (const op of OPERATIONS) {
    const s = SCENARIOS[op.name];
    const list = op.cursor !== null;
    await mock.reset();
    const run = await cli([...s.args(ids), '--format', list ? 'jsonl' : 'json']);
    assert.equal(run.code, 0, `${op.name}: exit ${run.code}\n${run.stderr}`);
    assert.equal(run.stderr, '', op.name);
    const printed = list ? run.stdout.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : JSON.parse(run.stdout);
    await mock.reset();
    const expected = plain(await s.call(ours(), ids));
    assert.deepEqual(normalized(printed), normalized(expected), `${op.name}: the CLI and this package differ`);
    await mock.reset();
    const reference = plain(await s.call(official(), ids));
    assert.deepEqual(normalized(printed), normalized(reference), `${op.name}: the CLI and the official SDK differ`);
  }
});

test('the requests a command sends: path ids, the official CLI defaults, repeated flags', async () => {
  const ids = await seedIds();
  const sent = async (args) => {
    await mock.clearRequests();
    const r = await cli(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    const [req] = (await mock.requests()).data.filter((x) => x.path.startsWith('/v1/'));
    return { ...req, params: new URLSearchParams(req.query ?? '') };
  };
  let req = await sent(['admin:organization:groups', 'list', '--max-items', '1']);
  assert.equal(`${req.method} ${req.path}`, 'GET /v1/organization/groups');
  assert.equal(req.params.get('limit'), '100');
  assert.equal(req.params.get('order'), 'asc');
  req = await sent(['admin:organization:groups:users', 'list', ids.G, '--max-items', '1']);
  assert.equal(req.path, `/v1/organization/groups/${ids.G}/users`);
  assert.equal(req.params.get('order'), 'desc');
  req = await sent(['admin:organization:groups:users', 'list', ids.G, '--order', 'asc', '--limit', '5', '--max-items', '1']);
  assert.equal(req.params.get('order'), 'asc');
  assert.equal(req.params.get('limit'), '5');
  req = await sent(['admin:organization:users', 'list', '--email', ids.emails[0], '--email', ids.emails[1]]);
  assert.equal(req.params.get('limit'), '20');
  assert.deepEqual(req.params.getAll('emails[]'), ids.emails.slice(0, 2));
  req = await sent(['admin:organization:roles', 'list', '--max-items', '1']);
  assert.equal(req.params.get('limit'), '1000');
  req = await sent(['admin:organization:roles', 'create', '--role-name', 'R', '--permission', 'a.b', '--permission', 'c.d']);
  assert.equal(`${req.method} ${req.path}`, 'POST /v1/organization/roles');
  assert.deepEqual(JSON.parse(req.body), { role_name: 'R', permissions: ['a.b', 'c.d'] });
  req = await sent(['admin:organization:groups:roles', 'delete', ids.G, ids.GR]);
  assert.equal(`${req.method} ${req.path}`, `DELETE /v1/organization/groups/${ids.G}/roles/${ids.GR}`);
});

test('--max-items stops a list, -1 reads every page, 0 prints nothing', async () => {
  await mock.reset();
  const all = (await collect(ours().users.list({ limit: 20 }))).length;
  assert.ok(all > 20, 'the seed has more than one page of users');
  const count = async (...args) => (await cli(['admin:organization:users', 'list', '--format', 'jsonl', ...args])).stdout.split('\n').filter(Boolean).length;
  assert.equal(await count('--max-items', '3'), 3);
  assert.equal(await count('--max-items', '25'), 25);
  assert.equal(await count('--max-items', '-1'), all);
  assert.equal(await count('--max-items', '0'), 0);
  assert.equal(await count('--limit', '7', '--max-items', '10'), 10);
});

test('formats: json, jsonl, raw (one page as the API sent it), yaml, pretty, and --transform', async () => {
  const ids = await seedIds();
  const group = plain(await ours().groups.retrieve(ids.G));
  const json = await cli(['admin:organization:groups', 'retrieve', ids.G, '--format', 'json']);
  assert.equal(json.stdout, `${JSON.stringify(group, null, 2)}\n`);
  const jsonl = await cli(['admin:organization:groups', 'retrieve', ids.G, '--format', 'jsonl']);
  assert.equal(jsonl.stdout, `${JSON.stringify(group)}\n`);
  const { parse: parseYaml } = await import('yaml');
  const yaml = await cli(['admin:organization:groups', 'retrieve', ids.G, '--format', 'yaml']);
  assert.deepEqual(parseYaml(yaml.stdout), group);
  const yamlList = await cli(['admin:organization:groups', 'list', '--format', 'yaml', '--max-items', '3']);
  assert.equal(yamlList.stdout.split(/^---$/m).length, 3);
  const pretty = await cli(['admin:organization:groups', 'retrieve', ids.G, '--format', 'pretty']);
  assert.match(pretty.stdout, new RegExp(`^id\\s+${ids.G}$`, 'm'));
  assert.match(pretty.stdout, new RegExp(`^name\\s+${group.name}$`, 'm'));
  // auto, piped: JSON.
  const auto = await cli(['admin:organization:groups', 'retrieve', ids.G]);
  assert.deepEqual(JSON.parse(auto.stdout), group);

  const page = await mock.call('GET', '/v1/organization/groups?limit=3&order=asc');
  const raw = await cli(['admin:organization:groups', 'list', '--format', 'raw', '--limit', '3']);
  assert.deepEqual(JSON.parse(raw.stdout), page);
  const names = await cli(['admin:organization:groups', 'list', '--format', 'raw', '--limit', '3', '--transform', 'data.#.name']);
  assert.deepEqual(JSON.parse(names.stdout), page.data.map((g) => g.name));
  const emails = await cli(['admin:organization:users', 'list', '--format', 'jsonl', '--transform', 'email', '-r', '--max-items', '4']);
  const users = (await collect(ours().users.list({ limit: 20 }))).slice(0, 4);
  assert.equal(emails.stdout, users.map((u) => `${u.email}\n`).join(''));
  const picked = await cli(['admin:organization:groups', 'retrieve', ids.G, '--format', 'jsonl', '--transform', '{id,name}']);
  assert.deepEqual(JSON.parse(picked.stdout), { id: group.id, name: group.name });
  const owners = await cli(['admin:organization:users', 'list', '--format', 'raw', '--limit', '20', '--transform', 'data.#(role=="owner")#.id']);
  const firstPage = await mock.call('GET', '/v1/organization/users?limit=20');
  assert.deepEqual(JSON.parse(owners.stdout), firstPage.data.filter((u) => u.role === 'owner').map((u) => u.id));
});

/** Every help text (the root, each resource, each command), by the arguments that print it. */
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
  assert.equal(version.stdout, `openai-admin ${JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).version}\n`);
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

test('API and client errors: one line on stderr, exit 1; --format-error json prints the body', async () => {
  await mock.reset();
  const missing = await cli(['admin:organization:groups', 'retrieve', 'group_missing']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /^NotFoundError: 404 .*group_missing.* \(request ID: req_\w+\)\n$/);
  assert.equal(missing.stderr.split('\n').length, 2, 'one line');

  const body = await cli(['admin:organization:groups', 'retrieve', 'group_missing', '--format-error', 'json']);
  assert.equal(body.code, 1);
  const parsed = JSON.parse(body.stderr);
  assert.equal(typeof parsed.error.message, 'string');
  assert.match(parsed.error.message, /group_missing/);
  const message = await cli(['admin:organization:groups', 'retrieve', 'group_missing', '--format-error', 'jsonl', '--transform-error', 'error.message', '-r']);
  assert.equal(message.stderr, `${parsed.error.message}\n`);

  // Refused before sending (the package's own check): out of the spec's range.
  await mock.clearRequests();
  const range = await cli(['admin:organization:groups', 'list', '--limit', '5000']);
  assert.equal(range.code, 1);
  assert.match(range.stderr, /^\w+Error: .*limit/);
  assert.equal(range.stderr.trimEnd().split('\n').length, 1);

  const conn = await cli(['admin:organization:groups', 'list', '--max-retries', '0'], { env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } });
  assert.equal(conn.code, 1);
  assert.match(conn.stderr, /^APIConnection(Timeout)?Error: /);

  const auth = await cli(['admin:organization:groups', 'list', '--admin-api-key', 'sk-admin-wrong-key-123']);
  assert.equal(auth.code, 1);
  assert.match(auth.stderr, /^AuthenticationError: 401 /);
  assert.ok(!auth.stderr.includes('sk-admin-wrong-key-123'), auth.stderr);
});

test('the key is never printed: not with --debug, not in errors', async () => {
  await mock.reset();
  const secret = 'sk-admin-demo';
  const runs = [
    await cli(['admin:organization:groups', 'list', '--max-items', '2', '--debug']),
    await cli(['admin:organization:groups', 'create', '--name', 'x', '--debug', '--admin-api-key', secret]),
    await cli(['admin:organization:groups', 'retrieve', 'nope', '--debug', '--format-error', 'json']),
    await cli(['admin:organization:groups', 'list', '--debug', '-H', `X-Echo: ${secret}`, '--max-items', '1']),
  ];
  for (const r of runs) {
    assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), r.stderr);
  }
  // --debug shows the exchange, with the Authorization header redacted.
  assert.match(runs[0].stderr, /> GET http:\/\/127\.0\.0\.1:\d+\/v1\/organization\/groups\?/);
  assert.match(runs[0].stderr, /> authorization: \[redacted\]/);
  assert.match(runs[0].stderr, /< 200 /);
  assert.match(runs[1].stderr, /> \{"name":"x"\}/);
  // Data still goes to stdout alone.
  assert.equal(runs[0].stdout.trim().split('\n').length > 0, true);
  assert.deepEqual(JSON.parse(runs[1].stdout).name, 'x');
});

test('headers, organization and project reach the API', async () => {
  await mock.clearRequests();
  const r = await cli(['admin:organization:groups', 'list', '--max-items', '1', '-H', 'X-Trace: abc', '--organization', 'org_1', '--project', 'proj_1']);
  assert.equal(r.code, 0, r.stderr);
  const [req] = (await mock.requests()).data;
  const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  assert.equal(headers['x-trace'], 'abc');
  assert.equal(headers['openai-organization'], 'org_1');
  assert.equal(headers['openai-project'], 'proj_1');
});

test('pipes: --format jsonl | wc -l counts the items', async () => {
  await mock.reset();
  for (const [args, list] of [
    [['admin:organization:users', 'list'], (c) => c.users.list({ limit: 20 })],
    [['admin', 'organization', 'groups', 'list'], (c) => c.groups.list({ limit: 100, order: 'asc' })],
  ]) {
    const items = await collect(list(ours()));
    const quoted = [process.execPath, bin, ...args, '--format', 'jsonl'].map((a) => `'${a}'`).join(' ');
    const out = execFileSync('sh', ['-c', `${quoted} | wc -l`], { env: env() }).toString().trim();
    assert.equal(Number(out), items.length, args.join(' '));
  }
  // A reader that stops early (head) ends the command quietly.
  const quoted = [process.execPath, bin, 'admin:organization:users', 'list', '--format', 'jsonl'].map((a) => `'${a}'`).join(' ');
  const head = execFileSync('sh', ['-c', `${quoted} | head -2`], { env: env() }).toString();
  assert.equal(head.split('\n').filter((l) => l.startsWith('{')).length, 2);
});

let terminals = 0;

/**
 * Runs `command` in a tmux window of 150x50 and returns what the screen shows when it is done.
 * Each call has its own tmux server: `kill-server` returns before the old server has let go of
 * its socket, and a new session on that socket can reach the dying server ("server exited
 * unexpectedly").
 */
async function onTerminal(command) {
  const socket = `openai-admin-cli-test-${process.pid}-${++terminals}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { env: env({ NO_COLOR: '', TERM: 'xterm-256color' }) }).toString();
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'cli', '-x', '150', '-y', '50', `${command}; echo "__EXIT $?"; sleep 60`);
  try {
    for (let i = 0; i < 100; i++) {
      const screen = tmux('capture-pane', '-p', '-t', 'cli');
      const m = /__EXIT (\d+)/.exec(screen);
      if (m) return { screen: screen.slice(0, m.index), code: Number(m[1]) };
      await sleep(100);
    }
    throw new Error(`the command did not finish on the terminal:\n${tmux('capture-pane', '-p', '-t', 'cli')}`);
  } finally {
    try {
      const socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
      tmux('kill-server');
      rmSync(socketPath, { force: true });
    } catch {}
  }
}

test('auto on a real terminal (tmux): a table for a list, readable text for one object, JSON through a pipe', async () => {
  const ids = await seedIds();
  const groups = await collect(ours().groups.list({ limit: 100, order: 'asc' }));
  const q = (args) => [process.execPath, bin, ...args].map((a) => `'${a}'`).join(' ');

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

test('--transform paths (the GJSON subset)', async () => {
  const { get, validate } = await import(pathToFileURL(path.join(pkg, 'dist', 'cli', 'transform.js')).href);
  const page = {
    object: 'list',
    data: [
      { id: 'u1', email: 'a@x', role: 'owner', n: 3, tags: ['x', 'y'], 'a.b': 1 },
      { id: 'u2', email: 'b@x', role: 'reader', n: 5, tags: [] },
      { id: 'u3', email: 'c@y', role: 'owner', n: 7 },
    ],
    has_more: false,
    next: null,
  };
  const cases = [
    ['object', 'list'],
    ['data.#', 3],
    ['data.#.email', ['a@x', 'b@x', 'c@y']],
    ['data.1.id', 'u2'],
    ['data.0.tags.1', 'y'],
    ['data.#(role=="owner").id', 'u1'],
    ['data.#(role=="owner")#.id', ['u1', 'u3']],
    ['data.#(n>4)#.id', ['u2', 'u3']],
    ['data.#(n<=3)#.id', ['u1']],
    ['data.#(role!="owner")#.id', ['u2']],
    ['data.#(email%"*@x")#.id', ['u1', 'u2']],
    ['data.#(email!%"*@x")#.id', ['u3']],
    ['data.#(tags)#.id', ['u1', 'u2']],
    ['data.#.email|0', 'a@x'],
    ['data.#.email|#', 3],
    ['data.0.{id,email}', { id: 'u1', email: 'a@x' }],
    ['data.0.[id,role]', ['u1', 'owner']],
    ['data.#.{id,n}', [{ id: 'u1', n: 3 }, { id: 'u2', n: 5 }, { id: 'u3', n: 7 }]],
    ['data.0.a\\.b', 1],
    ['data.0.em*', 'a@x'],
    ['data.0.rol?', 'owner'],
    ['has_more', false],
    ['next', null],
    ['@keys', ['object', 'data', 'has_more', 'next']],
    ['data.0.tags|@reverse', ['y', 'x']],
    ['@this.object', 'list'],
    ['missing', undefined],
    ['data.9.id', undefined],
    ['data.#(role=="nobody").id', undefined],
  ];
  for (const [p, want] of cases) assert.deepEqual(get(page, p), want, p);
  for (const bad of ['a..b', '.a', '@nope', 'data.#(role=="x"', '{id,email']) assert.throws(() => validate(bad), /./, bad);
});

test('npx openai-admin-wasm and an installed openai-admin: the packed package\'s bin', async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'openai-admin-cli-npx-'));
  try {
    const project = path.join(scratch, 'project');
    execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch, pkg], { cwd: scratch, stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = execFileSync('sh', ['-c', 'ls *.tgz'], { cwd: scratch }).toString().trim();
    execFileSync('mkdir', [project]);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "cli-test", "private": true }\n');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', path.join(scratch, tarball)], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
    await mock.reset();
    const groups = await collect(ours().groups.list({ limit: 100, order: 'asc' }));
    const run = (cmd, args) => execFileSync(cmd, args, { cwd: project, env: env() }).toString();
    assert.equal(run('npx', ['--no-install', 'openai-admin-wasm', '--version']), `openai-admin ${JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).version}\n`);
    const names = run(path.join(project, 'node_modules', '.bin', 'openai-admin'), ['admin:organization:groups', 'list', '--format', 'jsonl', '--transform', 'name', '-r']);
    assert.equal(names, groups.map((g) => `${g.name}\n`).join(''));
    const yaml = run('npx', ['--no-install', 'openai-admin-wasm', 'admin:organization:groups', 'retrieve', groups[0].id, '--format', 'yaml']);
    assert.match(yaml, new RegExp(`^id: ${groups[0].id}$`, 'm'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
