// Text from the API shown on a terminal: one sanitizer (cli/io.ts `sanitize`) for every printer
// (readable text and tables, the access plans and answers, the explorer), escaping C0, DEL and C1
// control characters as JSON escapes them, so that a name cannot drive the terminal.
//
// CLI_PKG=dir tests that package directory instead of a private copy of pkg/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setupCli } from './harness.mjs';

let h;
let io;
before(async () => {
  h = await setupCli();
  io = await import(pathToFileURL(path.join(h.pkg, 'dist', 'cli', 'io.js')).href);
});
after(() => h?.stop());

test('sanitize escapes C0, DEL and C1 controls; readable text keeps tabs and line breaks', () => {
  const s = 'a\u001b[31mb\u0007\r\u007f\u009b2J\tc\nd';
  assert.equal(io.sanitize(s), 'a\\u001b[31mb\\u0007\\r\\u007f\\u009b2J\\tc\\nd');
  assert.equal(io.sanitize(s, true), 'a\\u001b[31mb\\u0007\\r\\u007f\\u009b2J\tc\nd');
  assert.equal(io.sanitize('plain ünïcode ✓'), 'plain ünïcode ✓');
});

test('a group name with escape sequences is printed escaped, as text and in the access answers', async () => {
  await h.mock.reset();
  const name = 'Evil\u001b]0;title\u0007\u009b2J';
  const created = await h.cli(['admin:organization:groups', 'create', '--name', name, '--format', 'json']);
  assert.equal(created.code, 0, created.stderr);
  const id = JSON.parse(created.stdout).id;
  const pretty = await h.cli(['admin:organization:groups', 'retrieve', id, '--format', 'pretty']);
  assert.equal(pretty.code, 0, pretty.stderr);
  assert.ok(pretty.stdout.includes('Evil\\u001b]0;title\\u0007\\u009b2J'), pretty.stdout);
  const who = await h.cli(['access', 'who', id]);
  assert.equal(who.code, 0, who.stderr);
  assert.ok(who.stdout.includes('group Evil\\u001b]0;title\\u0007\\u009b2J'), who.stdout);
  for (const out of [pretty.stdout, who.stdout]) assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(out), 'no raw control character');
});
