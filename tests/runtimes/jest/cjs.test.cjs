// Jest, node environment, CommonJS: the package by `require`, the program (a CommonJS copy of
// ../program.mjs that jest.test.mjs writes), this package's results equal the official SDK's.
const OpenAIAdmin = require('openai-admin-wasm');
const { NotFoundError } = require('openai-admin-wasm');
const OpenAI = require('openai');
const { EXPECTED, runWith } = require('./program.cjs');

const api = `${process.env.MOCK_URL}/v1`;
const key = process.env.MOCK_KEY;
const controls = { origin: process.env.MOCK_URL, key };
const reports = {};

test('require(): the program runs with this package', async () => {
  reports.wasm = await runWith('wasm', { default: OpenAIAdmin, NotFoundError }, { api, key, controls, label: 'jest cjs' });
  expect(reports.wasm.results).toEqual(EXPECTED);
});

test('require(): the official SDK gives the same results', async () => {
  reports.official = await runWith('official', { default: OpenAI.default ?? OpenAI }, { api, key, controls, label: 'jest cjs' });
  expect(reports.official.results).toEqual(EXPECTED);
  expect(reports.wasm.results).toEqual(reports.official.results);
});
