// Errors on the command line: API and client errors are one line on stderr and exit 1, and the
// key is never printed, not with --debug, not in errors.
//
// CLI_PKG=dir tests that package directory instead of a private copy of pkg/.

import { test, before, after } from 'node:test';
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
