// A route handler on the Node.js runtime: the program with this package or the official SDK.
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import OpenAI from 'openai';
import { runWith } from '../../../../program.mjs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request) {
  const impl = new URL(request.url).searchParams.get('impl');
  const mod = impl === 'official' ? { default: OpenAI } : { default: OpenAIAdmin, NotFoundError };
  const origin = process.env.MOCK_URL;
  const key = process.env.MOCK_KEY;
  return Response.json(await runWith(impl, mod, { api: `${origin}/v1`, key, controls: { origin, key }, label: 'next node' }));
}
