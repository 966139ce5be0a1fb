// The reliability cases (cases.mjs) in Node, against pkg/dist/node.js (a private copy of pkg/),
// compared with the official `openai` SDK (a dev dependency) where it defines the behaviour.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import * as official from 'openai';
import { defineCases, runCase } from './cases.mjs';
import { closedPort, copyPkg, startMock } from './harness.mjs';

const pkg = await copyPkg();
const mock = await startMock();
const lib = await import(pathToFileURL(join(pkg, 'dist/node.js')).href);
const env = { lib, official, mock, where: 'node', closedPort: await closedPort(), inspect };

const unhandled = [];
const onUnhandled = (reason) => unhandled.push(String(reason?.stack ?? reason));
process.on('unhandledRejection', onUnhandled);

after(async () => {
  process.off('unhandledRejection', onUnhandled);
  await mock.stop();
  rmSync(pkg, { recursive: true, force: true });
});

for (const c of defineCases(env)) {
  test(`[node] ${c.group}: ${c.name}`, { timeout: c.timeout + 10_000 }, async (t) => {
    const result = await runCase(env, c);
    assert.ok(result.ok, result.error);
    if (result.note) t.diagnostic(result.note);
  });
}

test('[node] no promise rejection went unhandled', () => {
  assert.deepEqual(unhandled, []);
});
