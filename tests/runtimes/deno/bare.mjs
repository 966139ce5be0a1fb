// Deno with a package.json and node_modules: the package imported by its bare name, then the same
// program with the official SDK. MOCK_URL and MOCK_KEY come from the environment.
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import OpenAI from 'openai';
import { runWith } from '../program.mjs';

const api = `${Deno.env.get('MOCK_URL')}/v1`;
const key = Deno.env.get('MOCK_KEY');
const controls = { origin: Deno.env.get('MOCK_URL'), key };
for (const [impl, mod] of [['wasm', { default: OpenAIAdmin, NotFoundError }], ['official', { default: OpenAI }]]) {
  console.log(`REPORT ${JSON.stringify(await runWith(impl, mod, { api, key, controls, label: 'deno bare' }))}`);
}
