// An edge function with this package, as the Vercel Edge Runtime runs one: bundled by esbuild
// (conditions edge-light, worker, browser), evaluated by the `edge-runtime` package. The mock's
// address and key come with the request (?mock=…, x-mock-key).
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import { runWith } from '../program.mjs';

addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const origin = url.searchParams.get('mock');
  const key = event.request.headers.get('x-mock-key');
  event.respondWith(
    runWith('wasm', { default: OpenAIAdmin, NotFoundError }, { api: `${origin}/v1`, key, controls: { origin, key }, label: 'edge-runtime' }).then((report) => Response.json(report)),
  );
});
