// Jest, node environment, ES modules (`--experimental-vm-modules`): the package by `import`.
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import OpenAI from 'openai';
import { EXPECTED, runWith } from '../program.mjs';

const api = `${process.env.MOCK_URL}/v1`;
const key = process.env.MOCK_KEY;
const controls = { origin: process.env.MOCK_URL, key };
const reports = {};

test('import: the program runs with this package', async () => {
  reports.wasm = await runWith('wasm', { default: OpenAIAdmin, NotFoundError }, { api, key, controls, label: 'jest esm' });
  expect(reports.wasm.results).toEqual(EXPECTED);
});

test('import: the official SDK gives the same results', async () => {
  reports.official = await runWith('official', { default: OpenAI }, { api, key, controls, label: 'jest esm' });
  expect(reports.official.results).toEqual(EXPECTED);
  expect(reports.wasm.results).toEqual(reports.official.results);
});
