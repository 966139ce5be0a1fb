// The same Worker with the official SDK (`openai`), for the comparison: the program at /run.
import OpenAI from 'openai';
import { runWith } from '../program.mjs';

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/run') {
      const report = await runWith('official', { default: OpenAI }, {
        api: `${env.MOCK_URL}/v1`,
        key: env.MOCK_KEY,
        controls: { origin: env.MOCK_URL, key: env.MOCK_KEY },
        label: 'workers',
      });
      return Response.json(report);
    }
    return new Response('not found', { status: 404 });
  },
};
