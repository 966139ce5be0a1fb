// A Cloudflare Worker using this package as a user's Worker would: the client (the program of
// ../program.mjs at /run) and the server handler (`openai-admin-wasm/server`, at /admin/v1/…,
// the admin key kept in the Worker's secrets). Bundled by `wrangler deploy --dry-run` with its
// default rules; run in workerd by Miniflare. Bindings: MOCK_URL, MOCK_KEY, DASHBOARD_TOKEN.
import OpenAIAdmin, { NotFoundError } from 'openai-admin-wasm';
import { bearerTokens, createAdminHandler } from 'openai-admin-wasm/server';
import { runWith } from '../program.mjs';

let handler;

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/admin/')) {
      handler ??= createAdminHandler({
        adminAPIKey: env.MOCK_KEY,
        baseURL: `${env.MOCK_URL}/v1`,
        basePath: '/admin/v1',
        authorize: bearerTokens([{ token: env.DASHBOARD_TOKEN, user: 'ops@example.com', role: 'admin' }]),
        log: () => {},
      });
      return handler(request);
    }
    if (url.pathname === '/run') {
      const report = await runWith('wasm', { default: OpenAIAdmin, NotFoundError }, {
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
