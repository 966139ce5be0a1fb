// `@file` values, as the official CLI reads them: the request the mock receives for each form.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setupCli } from './harness.mjs';

let h;
let dir;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
before(async () => {
  h = await setupCli();
  dir = mkdtempSync(path.join(tmpdir(), 'openai-admin-files-'));
  writeFileSync(path.join(dir, 'perm.txt'), 'api.groups.read');
  writeFileSync(path.join(dir, 'desc.md'), 'Reads groups\nand users, née "audit".\n');
  writeFileSync(path.join(dir, 'logo.png'), PNG);
  writeFileSync(path.join(dir, 'email.txt'), 'ada.lovelace@example.com');
});
after(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in the files' folder; resolves to the run and the API requests the mock received. */
async function sent(args, options = {}) {
  await h.mock.reset();
  const r = await h.cli(args, { cwd: dir, ...options });
  const requests = (await h.mock.requests()).data.filter((q) => q.path.startsWith('/v1/'));
  return { ...r, requests, body: requests[0]?.body ? JSON.parse(requests[0].body) : undefined };
}

test('@file, @file://, @data://, @- in a body: the content as text, or base64 for a binary file', async () => {
  const desc = 'Reads groups\nand users, née "audit".\n';
  let r = await sent(['admin:organization:roles', 'create', '--role-name', 'Auditor', '--permission', '@perm.txt', '--permission', 'api.users.read', '--description', '@desc.md']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.body, { role_name: 'Auditor', permissions: ['api.groups.read', 'api.users.read'], description: desc });
  assert.equal(JSON.parse(r.stdout).description, desc);

  r = await sent(['admin:organization:roles', 'create', '--role-name', 'Logo', '--permission', 'api.users.read', '--description', '@logo.png']);
  assert.equal(r.body.description, PNG.toString('base64'));
  r = await sent(['admin:organization:roles', 'create', '--role-name', 'Forced', '--permission', 'api.users.read', '--description', '@data://desc.md']);
  assert.equal(r.body.description, Buffer.from(desc).toString('base64'));
  r = await sent(['admin:organization:roles', 'create', '--role-name', 'Text', '--permission', 'api.users.read', '--description', `@file://${path.join(dir, 'desc.md')}`]);
  assert.equal(r.body.description, desc);
  r = await sent(['admin:organization:groups', 'create', '--name', '@-'], { input: 'From stdin' });
  assert.deepEqual(r.body, { name: 'From stdin' });
});

test('\\@ is a literal @; @name without such a file stays @name; a missing path is an error and nothing is sent', async () => {
  let r = await sent(['admin:organization:groups', 'create', '--name', '\\@perm.txt']);
  assert.deepEqual(r.body, { name: '@perm.txt' });
  r = await sent(['admin:organization:groups', 'create', '--name', '@platform-team']);
  assert.deepEqual(r.body, { name: '@platform-team' });
  for (const value of ['@missing.txt', '@./nope', '@file://missing', '@data://missing']) {
    r = await sent(['admin:organization:groups', 'create', '--name', value]);
    assert.equal(r.code, 2, value);
    assert.match(r.stderr, new RegExp(`--name: cannot read ${value.replace(/[./]/g, '\\$&')}: no such file or directory`));
    assert.deepEqual(r.requests, [], value);
  }
  // Standard input is read once.
  r = await sent(['admin:organization:roles', 'create', '--role-name', '@-', '--permission', '@-'], { input: 'x' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /standard input has already been read/);
  assert.deepEqual(r.requests, []);
});

test('@file in a query; path ids are taken as they are', async () => {
  let r = await sent(['admin:organization:users', 'list', '--email', '@email.txt']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(new URLSearchParams(r.requests[0].query).getAll('emails[]'), ['ada.lovelace@example.com']);
  r = await sent(['admin:organization:groups', 'retrieve', '@perm.txt']);
  assert.equal(r.requests[0].path, '/v1/organization/groups/%40perm.txt');
});
