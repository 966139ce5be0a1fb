// Deno (npm `deno`): the program with this package and with the official SDK, imported by bare
// name through the scratch project's package.json and node_modules, and as `npm:` specifiers
// resolved from the same node_modules (`--node-modules-dir=manual`, nothing fetched).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startMock, KEY } from '../support/mock.mjs';
import { checkReport, ms, here, project, reportsIn, runOk, sameAsOfficial, tool } from './harness.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.stop());

async function deno(file) {
  const r = await runOk(
    tool('deno'),
    ['run', '--node-modules-dir=manual', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', path.join(here, 'deno', file)],
    { env: { MOCK_URL: mock.url, MOCK_KEY: KEY, DENO_DIR: path.join(project, '.deno'), DENO_NO_UPDATE_CHECK: '1' } },
  );
  const reports = reportsIn(r.stdout);
  assert.equal(reports.length, 2, `two reports from deno ${file}:\n${r.stdout}\n${r.stderr}`);
  return reports;
}

for (const [file, form] of [['bare.mjs', "import … from 'openai-admin-wasm' (package.json + node_modules)"], ['npm.mjs', "import … from 'npm:openai-admin-wasm'"]]) {
  test(`Deno, ${form}: the program, and the same results as the official SDK`, async (t) => {
    const [wasm, official] = await deno(file);
    t.diagnostic(`first answer: this package ${ms(wasm.firstAnswerMs)}, official ${ms(official.firstAnswerMs)}`);
    checkReport(wasm);
    checkReport(official);
    sameAsOfficial(wasm, official);
  });
}
