// The tolerance cases (cases.mjs) in Node: this package, imported by its name (installed from the
// packed tarball by scripts/test-tolerance.sh; TOLERANCE_PKG=dir imports dir/dist/node.js instead),
// and the official `openai` SDK, against the canned-answer server of server.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as official from 'openai';
import { defineCases, runCase } from './cases.mjs';
import { startServer } from './server.mjs';

const ours = await import(
  process.env.TOLERANCE_PKG ? pathToFileURL(path.join(process.env.TOLERANCE_PKG, 'dist/node.js')).href : 'openai-admin-wasm'
);
const server = await startServer();
const env = { ours, official, url: server.url, where: 'node' };

const unhandled = [];
const onUnhandled = (reason) => unhandled.push(String(reason?.stack ?? reason));
process.on('unhandledRejection', onUnhandled);

after(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.close();
});

for (const c of defineCases()) {
  test(`[node] ${c.group}: ${c.name}`, { timeout: 30_000 }, async (t) => {
    const result = await runCase(env, c);
    assert.ok(result.ok, result.error);
    if (result.note) t.diagnostic(result.note);
  });
}

test('[node] no promise rejection went unhandled', () => {
  assert.deepEqual(unhandled, []);
});
