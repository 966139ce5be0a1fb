// The same edge function with the official SDK.
import OpenAI from 'openai';
import { runWith } from '../program.mjs';

addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const origin = url.searchParams.get('mock');
  const key = event.request.headers.get('x-mock-key');
  event.respondWith(
    runWith('official', { default: OpenAI }, { api: `${origin}/v1`, key, controls: { origin, key }, label: 'edge-runtime' }).then((report) => Response.json(report)),
  );
});
