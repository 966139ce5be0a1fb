// One proxy of bench/server.mjs, in its own process so that its CPU time is its own:
//
//   node bench/server-target.mjs minimal|minimal-undici|fetch|handler|handler-audit UPSTREAM_URL [PKG_DIR]
//
// minimal        the least a key-adding reverse proxy does: node:http, a keep-alive agent,
//                `http.request` with the visitor's method, path and body, the visitor's
//                Authorization swapped for the key, the answer piped back (no checks at all)
// minimal-undici the same proxy with undici's `Pool.request` as its upstream (the other way to
//                skip `fetch`'s machinery in Node; compared with `node:http` before choosing it)
// fetch          the same proxy with the global `fetch` as its upstream
// handler        `createAdminHandler` + `toNodeHandler` from PKG_DIR (bearer-token authorize, no audit sink)
// handler-audit  the same with the JSON-lines audit file sink
//
// Listens on a free loopback port and prints `listening on http://127.0.0.1:PORT`. Answers the
// parent's IPC message `cpu` with `process.cpuUsage()` (µs of user + system time so far).
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const KEY = process.env.BENCH_KEY ?? 'sk-admin-demo';
export const TOKEN = 'bench-visitor-token-0123456789';

const [kind, upstreamArg, pkgDir] = process.argv.slice(2);
const upstream = new URL(upstreamArg);

function minimal() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return (req, res) => {
    const headers = { ...req.headers, host: upstream.host, authorization: `Bearer ${KEY}` };
    const up = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => {
      res.statusCode = 502;
      res.end();
    });
    req.pipe(up);
  };
}

/**
 * A listener of the proxies that read the visitor's body whole first: `send(req, headers, body, res)`
 * with the key in place of the visitor's Authorization; a failure is a 502.
 */
function relay(send) {
  return async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const headers = { ...req.headers, authorization: `Bearer ${KEY}` };
    delete headers.host;
    delete headers.connection;
    try {
      await send(req, headers, chunks.length ? Buffer.concat(chunks) : undefined, res);
    } catch {
      res.statusCode = 502;
      res.end();
    }
  };
}

async function minimalUndici() {
  const { Pool } = await import('undici');
  const pool = new Pool(upstream.origin, { connections: 256, pipelining: 1 });
  return relay(async (req, headers, body, res) => {
    const answer = await pool.request({ path: req.url, method: req.method, headers, body });
    res.writeHead(answer.statusCode, answer.headers);
    answer.body.pipe(res);
  });
}

function viaFetch() {
  return relay(async (req, headers, body, res) => {
    const answer = await fetch(`${upstream.origin}${req.url}`, { method: req.method, headers, body });
    const bytes = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(bytes);
  });
}

async function handler(withAudit) {
  const server = await import(pathToFileURL(path.join(pkgDir, 'dist/server/node.js')).href);
  let audit;
  if (withAudit) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-audit-'));
    audit = server.jsonLinesAudit(path.join(dir, 'audit.jsonl'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const h = server.createAdminHandler({
    adminAPIKey: KEY,
    baseURL: `${upstream.origin}/v1`,
    authorize: server.bearerTokens([{ token: TOKEN, user: 'bench@example.com', role: 'admin' }]),
    ...(audit ? { audit } : {}),
  });
  const listener = server.toNodeHandler(h);
  return (req, res) => {
    listener(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  };
}

const listeners = { minimal, 'minimal-undici': minimalUndici, fetch: viaFetch, handler: () => handler(false), 'handler-audit': () => handler(true) };
if (!listeners[kind]) {
  console.error(`unknown target ${kind}: ${Object.keys(listeners).join(', ')}`);
  process.exit(2);
}
const server = http.createServer({ keepAliveTimeout: 60_000 }, await listeners[kind]());
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('message', (m) => {
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ cpu: user + system });
  }
});
process.on('disconnect', () => process.exit(0));
