#!/usr/bin/env node
// The demo page served through the package's server handler (`openai-admin-wasm/server`):
//
//   /v1/organization/…  the handler: a signed-in visitor's request, checked, with the admin key
//                       added here (OPENAI_ADMIN_KEY), sent to --upstream
//   /session            who the page is signed in as (a stand-in for a real sign-in: it hands the
//                       page the demo token of the admin role, or of the viewer role with ?as=viewer)
//   /pkg/…, /…          the package (--pkg) and the page (--www), static
//
//   OPENAI_ADMIN_KEY=sk-admin-demo node scripts/demo-server.mjs --upstream http://127.0.0.1:9000/v1 \
//     [--port 8787] [--host 127.0.0.1] [--pkg pkg] [--www www] [--audit FILE]
//
// Prints `listening on http://HOST:PORT`. Audit events go to --audit as JSON lines (default: one
// line each on stderr). The browser never holds the admin key; it holds a demo sign-in token.
import { createReadStream } from 'node:fs';
import http from 'node:http';
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
const host = args.get('host') ?? '127.0.0.1';
const port = Number(args.get('port') ?? 8787);
const pkgDir = path.resolve(args.get('pkg') ?? path.join(root, 'pkg'));
const wwwDir = path.resolve(args.get('www') ?? path.join(root, 'www'));

/** Demo sign-in tokens: what a real deployment would get from its login, never the admin key. */
export const DEMO_USERS = {
  admin: { token: process.env.DEMO_ADMIN_TOKEN ?? 'demo-admin-token-4f1c9a2e', user: 'ada@example.com', role: 'admin' },
  viewer: { token: process.env.DEMO_VIEWER_TOKEN ?? 'demo-viewer-token-7b3d5e10', user: 'grace@example.com', role: 'viewer' },
};

const server = await import(pathToFileURL(path.join(pkgDir, 'dist/server/node.js')).href);
const { resolveStatic } = await import(pathToFileURL(path.join(pkgDir, 'dist/cli/static.js')).href);
const audit = args.get('audit')
  ? server.jsonLinesAudit(args.get('audit'))
  : (event) => process.stderr.write(`audit ${JSON.stringify(event)}\n`);
const handler = server.createAdminHandler({
  baseURL: upstream,
  authorize: server.bearerTokens(Object.values(DEMO_USERS)),
  audit,
});
const api = server.toNodeHandler(handler);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.d.ts': 'text/plain',
};

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

const httpServer = http.createServer((req, res) => {
  const target = req.url ?? '/';
  if (target === '/v1' || target.startsWith('/v1/') || target.startsWith('/v1?')) {
    api(req, res).catch((err) => {
      console.error(`demo server: ${err.message}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
    });
    return;
  }
  const { pathname, searchParams } = new URL(target, 'http://demo');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
  if (pathname === '/session') {
    const who = DEMO_USERS[searchParams.get('as') === 'viewer' ? 'viewer' : 'admin'];
    return send(res, 200, 'application/json', JSON.stringify({ ...who, server: 'openai-admin-wasm/server' }));
  }
  const file = pathname.startsWith('/pkg/') ? resolveStatic(pkgDir, pathname.slice(4)) : resolveStatic(wwwDir, pathname);
  if (!file) return send(res, 404, 'text/plain', 'not found');
  const ext = file.endsWith('.d.ts') ? '.d.ts' : path.extname(file);
  res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
});
httpServer.listen(port, host, () => {
  const { port: bound } = httpServer.address();
  console.log(`listening on http://${host}:${bound}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    httpServer.close();
    await audit.close?.();
    process.exit(0);
  });
}
