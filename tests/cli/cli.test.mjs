// The `openai-admin` command line of the package, run as a user runs it (`node pkg/dist/cli.js`,
// the package's `bin`) against the mock: every command's output equals this package's and the
// official SDK's result for the same call, the requests it sends, --max-items, the formats and
// --transform, and the headers it passes on.
//
// CLI_PKG=dir tests that package directory instead of a private copy of pkg/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { collect } from '../support/mock.mjs';
import { clients, normalized, plain, SCENARIOS } from './commands.mjs';
import { setupCli } from './harness.mjs';

let h;
let mock;
let cli;
let OPERATIONS;
let ours;
let official;
let seedIds;

before(async () => {
  h = await setupCli();
  ({ mock, cli } = h);
  ({ OPERATIONS, ours, official, seedIds } = await clients(h));
});

after(async () => {
  await h?.stop();
});

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

test('--transform paths (the GJSON subset)', async () => {
  const { get, validate } = await import(pathToFileURL(path.join(h.pkg, 'dist', 'cli', 'transform.js')).href);
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
