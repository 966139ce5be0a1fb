// The server handler (openai-admin-wasm/server) as a catch-all route handler: the browser's client
// calls /api/admin/v1/organization/…, the handler adds the admin key and forwards to the API.
import { createAdminHandler } from 'openai-admin-wasm/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let handler;
function handle(request) {
  handler ??= createAdminHandler({
    adminAPIKey: process.env.MOCK_KEY,
    baseURL: `${process.env.MOCK_URL}/v1`,
    basePath: '/api/admin/v1',
    // A test app: every visitor is the same operator (a real app reads its session here).
    authorize: () => ({ user: 'ops@example.com' }),
    log: () => {},
  });
  return handler(request);
}
export { handle as GET, handle as POST, handle as DELETE };
