// Bun (`bun run`): the package by its name from node_modules, then the official SDK.
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import OpenAI from 'openai';
import { runWith } from '../program.mjs';

if (typeof Bun === 'undefined') throw new Error('not running in Bun');
const api = `${process.env.MOCK_URL}/v1`;
const key = process.env.MOCK_KEY;
const controls = { origin: process.env.MOCK_URL, key };
for (const [impl, mod] of [['wasm', { default: OpenAIAdmin, NotFoundError }], ['official', { default: OpenAI }]]) {
  console.log(`REPORT ${JSON.stringify(await runWith(impl, mod, { api, key, controls, label: 'bun' }))}`);
}
