// The global options take one path to the client for every command (the table's, `access`,
// `console`): the same checks, the same usage errors (exit 2, the flag named, nothing sent), the
// same header merging, and `--debug` everywhere a client is made.
//
// CLI_PKG=dir tests that package directory instead of a private copy of pkg/.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { setupCli } from './harness.mjs';

let h;
let mock;
let cli;

before(async () => {
  h = await setupCli();
  ({ mock, cli } = h);
});
after(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await mock.reset();
  await mock.clearRequests();
});

const TABLE = ['admin:organization:roles', 'list', '--max-items', '1'];
const ACCESS = ['access', 'dump'];

/** Runs a usage error; asserts exit 2, no output, the message, and nothing sent. */
async function usageError(args, message) {
  const r = await cli(args);
  assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, message, args.join(' '));
  assert.match(r.stderr, /Run 'openai-admin (help .+|--help)' for usage\.\n$/);
  assert.deepEqual((await mock.requests()).data, [], `${args.join(' ')}: nothing sent`);
}

test('-H without a colon is a usage error naming -H, for a table command and for access', async () => {
  for (const command of [TABLE, ACCESS]) await usageError([...command, '-H', 'Bad'], /-H\/--header: invalid header "Bad"/);
});

test('--max-retries that is not a count is a usage error naming the flag, for a table command and for access', async () => {
  for (const command of [TABLE, ACCESS]) {
    await usageError([...command, '--max-retries', 'x'], /--max-retries wants an integer, not "x"/);
    await usageError([...command, '--max-retries', '-1'], /--max-retries must be 0 or more/);
  }
});

test('repeated -H of one name are joined the same way by every command (as the official CLI sends them)', async () => {
  const headers = ['-H', 'X-Team: a', '-H', 'x-team: b', '-H', 'X-Other: c'];
  const sent = {};
  for (const [name, command] of [['table', TABLE], ['access', ACCESS]]) {
    await mock.clearRequests();
    const r = await cli([...command, ...headers]);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    const requests = (await mock.requests()).data;
    assert.ok(requests.length > 0, `${name} sent requests`);
    const values = new Set(requests.map((q) => `${q.headers['x-team']} | ${q.headers['x-other']}`));
    assert.equal(values.size, 1, `${name}: every request carries the same headers`);
    sent[name] = [...values][0];
  }
  assert.equal(sent.table, 'a, b | c');
  assert.equal(sent.access, sent.table);
});

test('the global --debug works with access: requests and responses on stderr, the key redacted, the output unchanged', async () => {
  const plain = await cli(ACCESS);
  assert.equal(plain.code, 0, plain.stderr);
  // --max-age 0: read again, not answered from the snapshot the first run kept.
  const debug = await cli([...ACCESS, '--debug', '--max-age', '0']);
  assert.equal(debug.code, 0, debug.stderr);
  assert.equal(debug.stdout, plain.stdout);
  assert.match(debug.stderr, /^\[1\] > GET http:\/\/127\.0\.0\.1:\d+\/v1\/organization\//m);
  assert.match(debug.stderr, /^\[1\] < 200 /m);
  assert.match(debug.stderr, /authorization: \[redacted\]/);
  assert.ok(!debug.stderr.includes(h.env().OPENAI_ADMIN_KEY), 'the key is not printed');
});

test('access and console refuse the flags they do not take, naming the command; their own flags are checked before anything is read', async () => {
  await usageError(['access', 'dump', '--prune'], /unknown flag --prune for access dump/);
  await usageError(['access', 'dump', '--transform', 'id'], /unknown flag --transform for access dump/);
  await usageError(['access', 'plan', '-f', 'missing.yaml', '--concurrency', 'many'], /--concurrency must be a positive number, got 'many'/);
  await usageError(['access', 'who'], /access who takes 1 argument/);
  await usageError(['access', 'export'], /access export needs --csv memberships or --csv assignments or --csv projects/);
  await usageError(['access', 'dupm'], /unknown access command "dupm"\. Did you mean "access dump"\?/);
  await usageError(['console', '--port', 'http'], /--port must be a port number, got 'http'/);
  await usageError(['console', '--max-retries', '1'], /unknown flag --max-retries for console/);
});

test('help for a command outside the table comes from the same description as its parsing', async () => {
  const plan = await cli(['access', 'plan', '--help']);
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stdout, /^Usage: openai-admin access plan -f FILE \[OPTIONS\]\n/);
  for (const flag of ['-f, --file FILE', '--prune', '--format FORMAT', '--exit-code', '--concurrency N', '--max-rps N', '--debug', "-H, --header 'NAME: VALUE'"]) {
    assert.ok(plan.stdout.includes(flag), `access plan --help lists ${flag}`);
  }
  assert.ok(!plan.stdout.includes('--transform'), 'only the global options access takes');
  const same = await cli(['help', 'access', 'plan']);
  assert.equal(same.stdout, plan.stdout);
  const group = await cli(['access', '--help']);
  for (const command of ['dump', 'plan', 'apply', 'who', 'export', 'import']) assert.match(group.stdout, new RegExp(`^  ${command} +\\S`, 'm'));
});
