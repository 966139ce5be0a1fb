// Deno with `npm:` specifiers, resolved from the node_modules the tarball was installed into
// (`--node-modules-dir=manual`): nothing is fetched.
import OpenAIAdmin, { NotFoundError } from 'npm:openai-admin-wasm';
import OpenAI from 'npm:openai';
import { runWith } from '../program.mjs';

const api = `${Deno.env.get('MOCK_URL')}/v1`;
const key = Deno.env.get('MOCK_KEY');
const controls = { origin: Deno.env.get('MOCK_URL'), key };
for (const [impl, mod] of [['wasm', { default: OpenAIAdmin, NotFoundError }], ['official', { default: OpenAI }]]) {
  console.log(`REPORT ${JSON.stringify(await runWith(impl, mod, { api, key, controls, label: 'deno npm' }))}`);
}
