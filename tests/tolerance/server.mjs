// A small HTTP server for the tolerance cases: it answers from a script of canned answers (one per
// request, in order) and records every request it receives. Node only (node:http), bound to
// 127.0.0.1 on a free port, with CORS so that a page on another origin can call it.
//
// Controls, over HTTP so that cases running in a browser page can use them too (see control()):
//   POST   /__t/script    body: a JSON list of answers; replaces the script and clears the log
//   GET    /__t/requests  the requests received since the last script, oldest first
// An answer is { status = 200, body, text, contentType = 'application/json', headers }: `body` is
// sent as JSON, `text` as is. A request that finds the script empty gets a 500 with an OpenAI
// error body ("no answer scripted"), so a request that should not have been sent shows.
// Every answer carries `x-request-id: req_tolerance_N` (N counts the requests since start).
//
// `staticDir` (optional) serves those files under /static/ (for the Chromium page).

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-request-id, retry-after, retry-after-ms, x-should-retry',
};

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Starts the server; resolves to { url, api (url + '/v1'), close() }. The controls are HTTP routes. */
export async function startServer({ staticDir } = {}) {
  let script = [];
  let log = [];
  let counter = 0;

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((err) => {
        res.writeHead(500, { 'content-type': 'text/plain', ...CORS });
        res.end(String(err?.stack ?? err));
      });
    });
  });

  async function handle(req, res, raw) {
    const [pathname, query = null] = req.url.split(/\?(.*)/s, 2);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS,
        'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      });
      return res.end();
    }
    if (pathname === '/__t/script' && req.method === 'POST') {
      script = JSON.parse(raw.toString('utf8'));
      log = [];
      return json(res, 200, { ok: true });
    }
    if (pathname === '/__t/requests') return json(res, 200, { data: log });
    if (staticDir && pathname.startsWith('/static/')) {
      const file = path.join(staticDir, path.normalize(pathname.slice('/static/'.length)).replace(/^(\.\.[/\\])+/, ''));
      try {
        const bytes = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...CORS });
        return res.end(bytes);
      } catch {
        return json(res, 404, { error: { message: `no file ${pathname}` } });
      }
    }
    counter += 1;
    const requestID = `req_tolerance_${counter}`;
    log.push({
      method: req.method,
      path: pathname,
      query,
      body: raw.length ? raw.toString('utf8') : null,
      contentType: req.headers['content-type'] ?? null,
      requestID,
    });
    const answer = script.shift();
    if (!answer) {
      return json(res, 500, { error: { message: 'no answer scripted', type: 'server_error', param: null, code: null } }, requestID);
    }
    const text = answer.text ?? JSON.stringify(answer.body ?? {});
    res.writeHead(answer.status ?? 200, {
      'content-type': answer.contentType ?? 'application/json',
      'content-length': Buffer.byteLength(text),
      'x-request-id': requestID,
      ...CORS,
      ...(answer.headers ?? {}),
    });
    res.end(text);
  }

  function json(res, status, value, requestID) {
    const text = JSON.stringify(value);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...(requestID ? { 'x-request-id': requestID } : {}),
      ...CORS,
    });
    res.end(text);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    api: `${url}/v1`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
