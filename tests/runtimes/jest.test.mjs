// Jest 30 in the node environment, CommonJS (`require`) and ES modules (`import`, run with
// `--experimental-vm-modules`), and Vitest: each runner runs its test files of tests/runtimes/jest
// and tests/runtimes/vitest against the mock; its JSON report must count every test passed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMock, KEY } from '../support/mock.mjs';
import { here, project, root, run, tool } from './harness.mjs';

let mock;
before(async () => {
  mock = await startMock();
  // The program for `require`: the same file as CommonJS.
  const esm = readFileSync(path.join(here, 'program.mjs'), 'utf8');
  const cjs = esm.replace(/^export (const|function|async function) /gm, '$1 ');
  assert.notEqual(cjs, esm);
  writeFileSync(path.join(here, 'jest', 'program.cjs'), `${cjs}\nmodule.exports = { EXPECTED, runProgram, clientFor, runWith };\n`);
});
after(() => mock?.stop());

/** Runs a test runner that writes a JSON report; checks it counted `expected` tests, all passed. */
async function runner(name, cmd, args, outputFile, expected) {
  const r = await run(cmd, args, { env: { MOCK_URL: mock.url, MOCK_KEY: KEY, CI: '1' }, timeoutMs: 180_000 });
  let report;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch (e) {
    assert.fail(`${name} wrote no report (${e.message}); exit ${r.status}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  }
  const failures = (report.testResults ?? [])
    .flatMap((f) => [f.message || f.failureMessage || '', ...(f.assertionResults ?? []).flatMap((a) => a.failureMessages ?? [])])
    .filter(Boolean)
    .join('\n');
  assert.equal(report.numFailedTests, 0, `${name}: ${failures}\n${r.stderr.slice(-4000)}`);
  assert.equal(report.numTotalTests, expected, `${name} ran ${report.numTotalTests} tests\n${r.stderr.slice(-4000)}`);
  assert.equal(report.numPassedTests, expected);
  assert.equal(r.status, 0, `${name} exited with ${r.status}\n${r.stderr.slice(-4000)}`);
  return report;
}

const jestDir = path.join(here, 'jest');
const jestArgs = (match, out) => [
  '--rootDir', jestDir, '--testEnvironment', 'node', '--testMatch', `**/${match}`, '--transform', '{}',
  '--cacheDirectory', path.join(project, '.jest-cache'), '--ci', '--json', '--outputFile', out,
];

test('Jest 30, node environment, CommonJS: require() runs the program, results equal the official SDK', async () => {
  const out = path.join(project, 'jest-cjs.json');
  await runner('jest (CommonJS)', tool('jest'), jestArgs('*.test.cjs', out), out, 2);
});

test('Jest 30, node environment, ES modules (--experimental-vm-modules): import runs the program', async () => {
  const out = path.join(project, 'jest-esm.json');
  const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  await runner('jest (ESM)', process.execPath, ['--experimental-vm-modules', jest, ...jestArgs('*.test.mjs', out)], out, 2);
});

test('Vitest: the program, results equal the official SDK', async () => {
  const out = path.join(project, 'vitest.json');
  await runner('vitest', tool('vitest'), ['run', '--root', path.join(here, 'vitest'), '--reporter=json', '--outputFile', out], out, 2);
});
