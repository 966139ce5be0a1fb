// Bun (npm `bun`): `bun run` of the program with this package and with the official SDK, and the
// package's `openai-admin` command line run by Bun (`bunx --bun openai-admin …`).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startMock, KEY } from '../support/mock.mjs';
import { checkReport, ms, here, project, reportsIn, run, runOk, sameAsOfficial, tool } from './harness.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.stop());

const bunEnv = () => ({ MOCK_URL: mock.url, MOCK_KEY: KEY, BUN_INSTALL_CACHE_DIR: path.join(project, '.bun-cache') });

test('bun run: the program, and the same results as the official SDK', async (t) => {
  const r = await runOk(tool('bun'), ['run', path.join(here, 'bun', 'main.mjs')], { env: bunEnv() });
  const reports = reportsIn(r.stdout);
  assert.equal(reports.length, 2, `two reports from bun:\n${r.stdout}\n${r.stderr}`);
  const [wasm, official] = reports;
  t.diagnostic(`first answer: this package ${ms(wasm.firstAnswerMs)}, official ${ms(official.firstAnswerMs)}`);
  checkReport(wasm);
  checkReport(official);
  sameAsOfficial(wasm, official);
});

test('bunx --bun openai-admin: the command line under Bun lists, creates and reports a 404', async () => {
  const env = { ...bunEnv(), OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: `${mock.url}/v1` };
  const cli = (args) => runOk(tool('bunx'), ['--bun', 'openai-admin', ...args], { env });
  await mock.clearRequests();
  const list = await cli(['admin:organization:groups', 'list', '--format', 'json', '--transform', 'name']);
  const names = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(names.length, 12, list.stdout);
  assert.equal(names[0], 'Engineering');
  const created = JSON.parse((await cli(['admin:organization:groups', 'create', '--name', 'from bunx', '--format', 'json'])).stdout);
  assert.equal(created.name, 'from bunx');
  assert.match(created.id, /^group_/);
  // A 404: exit status 1 and the API's message on stderr, nothing on stdout.
  const missing = await run(tool('bunx'), ['--bun', 'openai-admin', 'admin:organization:groups', 'retrieve', 'group_nope'], { env });
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /404|not found/i);
  assert.doesNotMatch(missing.stderr + missing.stdout, new RegExp(KEY));
  // Bun ran it (not the `node` of its #! line): Bun's fetch names itself in the User-Agent.
  const log = (await mock.requests()).data.filter((r) => r.path.startsWith('/v1/organization/groups'));
  assert.ok(log.length >= 3);
  for (const r of log) assert.match(r.headers['user-agent'] ?? '', /^Bun\//, JSON.stringify(r.headers));
});
