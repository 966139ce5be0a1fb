// Vitest (node environment): the package by `import`, the program, the official SDK's results.
import { expect, test } from 'vitest';
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import OpenAI from 'openai';
import { EXPECTED, runWith } from '../program.mjs';

const api = `${process.env.MOCK_URL}/v1`;
const key = process.env.MOCK_KEY;
const controls = { origin: process.env.MOCK_URL, key };
const reports = {};

test('the program runs with this package', async () => {
  reports.wasm = await runWith('wasm', { default: OpenAIAdmin, NotFoundError }, { api, key, controls, label: 'vitest' });
  expect(reports.wasm.results).toEqual(EXPECTED);
});

test('the official SDK gives the same results', async () => {
  reports.official = await runWith('official', { default: OpenAI }, { api, key, controls, label: 'vitest' });
  expect(reports.official.results).toEqual(EXPECTED);
  expect(reports.wasm.results).toEqual(reports.official.results);
});
