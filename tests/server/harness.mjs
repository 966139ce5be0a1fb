// Shared setup of the server handler tests: the mock as the upstream API (its admin key a canary
// that must never show), a private copy of pkg/, and the handler from `openai-admin-wasm/server`
// (pkg/dist/server/node.js) on a Node http server through `toNodeHandler`, recording every audit
// event, every log line and every response it gives.
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { copyPkg, startMock } from '../support/mock.mjs';

/** The admin key: the mock requires it, the handler adds it, nobody else may ever see it. */
export const CANARY_KEY = 'sk-admin-SERVER-CANARY-5e1f0c7d';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const VIEWER_TOKEN = 'test-viewer-token-0123456789abcdef';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const VIEWER = { authorization: `Bearer ${VIEWER_TOKEN}` };
export const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * Starts the mock and a handler server. `options` go to createAdminHandler (over the defaults:
 * the mock as baseURL, the canary key, bearer tokens for an admin and a viewer).
 */
export async function startServerStack({ mockArgs = [], builds = ['debug', 'release'] } = {}) {
  const pkgDir = await copyPkg({ need: ['dist/server/node.js', 'dist/node.js', 'wasm/openai_admin_wasm_bg.wasm'], prefix: 'admin-server-pkg-' });
  const lib = await import(pathToFileURL(join(pkgDir, 'dist/server/node.js')).href);
  const mock = await startMock({ adminKey: CANARY_KEY, args: mockArgs, builds });
  const dir = mkdtempSync(join(tmpdir(), 'admin-server-test-'));
  const servers = [];
  /** Everything any handler said: responses (status, headers, body), log lines, audit events. */
  let answeredTotal = 0;
  const seen = { responses: [], logs: [], events: [], answered: () => answeredTotal };

  /** A handler with the defaults, recording its audit events and log lines. */
  function handler(options = {}) {
    const events = [];
    const h = lib.createAdminHandler({
      adminAPIKey: CANARY_KEY,
      baseURL: mock.api,
      authorize: lib.bearerTokens([
        { token: ADMIN_TOKEN, user: 'ada@example.com', role: 'admin' },
        { token: VIEWER_TOKEN, user: 'grace@example.com', role: 'viewer' },
      ]),
      audit: (e) => {
        events.push(e);
        seen.events.push(e);
      },
      log: (level, message) => seen.logs.push(`${level}: ${message}`),
      ...options,
    });
    let answered = 0;
    const recorded = async (request) => {
      const res = await h(request);
      answered += 1;
      answeredTotal += 1;
      const body = await res.clone().text();
      seen.responses.push({ status: res.status, headers: [...res.headers], body });
      return res;
    };
    return { handle: h, recorded, events, answered: () => answered };
  }

  /** Serves `h` (a handler) on a free loopback port through toNodeHandler; resolves to its origin. */
  async function serve(h) {
    const listener = lib.toNodeHandler(h);
    const server = http.createServer((req, res) => {
      listener(req, res).catch((err) => {
        seen.logs.push(`adapter: ${err.stack}`);
        res.statusCode = 500;
        res.end();
      });
    });
    servers.push(server);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${server.address().port}`;
  }

  return {
    lib,
    mock,
    pkgDir,
    dir,
    seen,
    handler,
    serve,
    /** The mock's request log (what reached the upstream API). */
    upstreamRequests: async () => (await mock.requests()).data,
    audit: (file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    async close() {
      for (const s of servers) {
        s.closeAllConnections?.();
        await new Promise((resolve) => s.close(resolve));
      }
      await mock.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(pkgDir, { recursive: true, force: true });
    },
  };
}

/**
 * One raw HTTP request, the target sent exactly as given (no URL parser in between): resolves to
 * `{ status, headers, body, json }`.
 */
export function raw(origin, method, target, { headers = {}, body } = {}) {
  const url = new URL(origin);
  const lower = Object.keys(headers).map((h) => h.toLowerCase());
  if (body !== undefined && !lower.includes('content-length') && !lower.includes('transfer-encoding')) {
    headers = { ...headers, 'content-length': Buffer.byteLength(body) };
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: target, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode, headers: res.headers, body: text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export { EVERY_OPERATION, runEveryOperation } from './operations.mjs';
