#!/usr/bin/env node
// The demo page served by the console's web server, the code `openai-admin console` runs
// (`dist/server/console-server.js` of --pkg: Host check, the page and the package with their
// MIME types and security headers, the server handler on /v1), with a demo sign-in in place of
// the console's one-time link:
//
//   /v1/organization/…  the handler: a signed-in visitor's request, checked, with the admin key
//                       added here (OPENAI_ADMIN_KEY), sent to --upstream
//   /session            who the page is signed in as (a stand-in for a real sign-in: it hands the
//                       page the demo token of the admin role, or of the viewer role with ?as=viewer)
//
//   OPENAI_ADMIN_KEY=sk-admin-demo node scripts/demo-server.mjs --upstream http://127.0.0.1:9000/v1 \
//     [--port 8787] [--host 127.0.0.1] [--pkg pkg] [--www www] [--audit FILE]
//
// Prints `listening on http://HOST:PORT`. Audit events go to --audit as JSON lines (default: one
// line each on stderr). The browser never holds the admin key; it holds a demo sign-in token.
// OPENAI_ADMIN_TIME_SCALE scales the page's scheduler caps, as under `openai-admin console`.
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const upstream = args.get('upstream');
if (!upstream) {
  console.error('usage: node scripts/demo-server.mjs --upstream URL [--port N] [--host H] [--pkg DIR] [--www DIR] [--audit FILE]');
  process.exit(2);
}
const pkgDir = path.resolve(args.get('pkg') ?? path.join(root, 'pkg'));

/** Demo sign-in tokens: what a real deployment would get from its login, never the admin key. */
const DEMO_USERS = {
  admin: { token: process.env.DEMO_ADMIN_TOKEN ?? 'demo-admin-token-4f1c9a2e', user: 'ada@example.com', role: 'admin' },
  viewer: { token: process.env.DEMO_VIEWER_TOKEN ?? 'demo-viewer-token-7b3d5e10', user: 'grace@example.com', role: 'viewer' },
};

const { startConsoleServer } = await import(pathToFileURL(path.join(pkgDir, 'dist/server/console-server.js')).href);
const { bearerTokens, jsonLinesAudit } = await import(pathToFileURL(path.join(pkgDir, 'dist/server/node.js')).href);
const { timeScaleOf } = await import(pathToFileURL(path.join(pkgDir, 'dist/cli/durations.js')).href);
const audit = args.get('audit') ? jsonLinesAudit(args.get('audit')) : (event) => process.stderr.write(`audit ${JSON.stringify(event)}\n`);
const server = await startConsoleServer({
  handler: { baseURL: upstream, audit },
  signIn: {
    authorize: bearerTokens(Object.values(DEMO_USERS)),
    mayView: () => true,
    session: (url) => ({ ...DEMO_USERS[url.searchParams.get('as') === 'viewer' ? 'viewer' : 'admin'], server: 'openai-admin-wasm/server' }),
  },
  www: path.resolve(args.get('www') ?? path.join(root, 'www')),
  pkg: pkgDir,
  host: args.get('host') ?? '127.0.0.1',
  port: Number(args.get('port') ?? 8787),
  log: (message) => console.error(`demo server: ${message}`),
  // The page's loads pace themselves as `openai-admin console`'s do (OPENAI_ADMIN_TIME_SCALE).
  timeScale: timeScaleOf(process.env.OPENAI_ADMIN_TIME_SCALE),
});
console.log(`listening on ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.close();
    await audit.close?.();
    process.exit(0);
  });
}
