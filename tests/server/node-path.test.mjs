// The handler's Node path: `toNodeHandler` around a handler `createAdminHandler` made (Node's `req`
// straight to `res`), the API reached over node:http with a keep-alive agent. A scripted upstream
// stands in for the API, to answer what the mock never would: the key echoed in an error body,
// split across chunks or gzipped unasked, a success in slow chunks, a body that stalls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { ADMIN, CANARY_KEY, raw, startServerStack } from './harness.mjs';

const GROUPS = '/v1/organization/groups';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let stack;
let upstream; // { url, seen: [{ method, url, headers }], connections: () => number, script }
before(async () => {
  stack = await startServerStack();
  const seen = [];
  let connections = 0;
  const server = http.createServer(async (req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers });
    for await (const _ of req);
    await upstream.script(req, res);
  });
  server.on('connection', () => (connections += 1));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  upstream = { url: `http://127.0.0.1:${server.address().port}/v1`, seen, connections: () => connections, server, script: null };
});
after(async () => {
  upstream?.server.closeAllConnections();
  await new Promise((r) => upstream?.server.close(r));
  await stack?.close();
});

/** A handler on the Node path against the scripted upstream; resolves to its origin and audit events. */
async function nodePath(options = {}) {
  const h = stack.handler({ baseURL: upstream.url, ...options });
  return { origin: await stack.serve(h.handle), events: h.events };
}

test('an upstream error body holding the key is redacted on the Node path, even split across chunks or gzipped', async () => {
  const { origin, events } = await nodePath();
  const quote = (req) => JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization} (sk-admin-****7d)`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
  const cases = {
    whole: (req, res) => {
      res.writeHead(401, { 'content-type': 'application/json', 'x-request-id': 'req_echo', 'x-echo': CANARY_KEY, 'set-cookie': 'a=b' });
      res.end(quote(req));
    },
    split: async (req, res) => {
      // The key cut in two chunks: a redaction chunk by chunk would miss it.
      const body = quote(req);
      const cut = body.indexOf(CANARY_KEY) + 10;
      res.writeHead(500, { 'content-type': 'application/json', 'x-request-id': 'req_split' });
      res.write(body.slice(0, cut));
      await sleep(30);
      res.end(body.slice(cut));
    },
    gzipped: (req, res) => {
      res.writeHead(403, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-request-id': 'req_gzip' });
      res.end(gzipSync(quote(req)));
    },
  };
  const statuses = { whole: 401, split: 500, gzipped: 403 };
  for (const [name, script] of Object.entries(cases)) {
    upstream.script = script;
    const res = await raw(origin, 'GET', `${GROUPS}?limit=2`, { headers: ADMIN });
    assert.equal(res.status, statuses[name], name);
    assert.ok(!res.body.includes(CANARY_KEY) && !res.body.includes('****7d'), `${name}: ${res.body}`);
    assert.match(res.json.error.message, /Incorrect API key provided: Bearer \*\*\*/, name);
    assert.ok(!JSON.stringify(res.headers).includes(CANARY_KEY), name);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.equal(res.headers['x-echo'], undefined);
    assert.equal(res.headers['content-encoding'], undefined, `${name}: the redacted body is sent decoded`);
  }
  assert.deepEqual(events.map((e) => e.requestId), ['req_echo', 'req_split', 'req_gzip']);
  for (const e of events) assert.ok(!JSON.stringify(e).includes(CANARY_KEY));
  // It was the Node path: node:http asked for no content coding, and the key went upstream.
  for (const r of upstream.seen.slice(-3)) {
    assert.equal(r.headers['accept-encoding'], 'identity');
    assert.equal(r.headers.authorization, `Bearer ${CANARY_KEY}`);
  }
});

test('a success streams through unchanged, over one kept-alive connection', async () => {
  const { origin, events } = await nodePath();
  const page = { object: 'list', data: [{ id: 'group_1', name: 'sk-team-alpha', object: 'group' }], first_id: 'group_1', last_id: 'group_1', has_more: false };
  const body = JSON.stringify(page);
  upstream.script = async (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_ok', 'content-length': Buffer.byteLength(body) });
    res.write(body.slice(0, 20));
    await sleep(20);
    res.end(body.slice(20));
  };
  const before = upstream.connections();
  for (let i = 0; i < 3; i++) {
    const res = await raw(origin, 'GET', `${GROUPS}?limit=1`, { headers: ADMIN });
    assert.equal(res.status, 200);
    // The organization's data, byte for byte: a name that looks like a key is data, not a leak.
    assert.equal(res.body, body);
    assert.equal(res.headers['content-length'], String(Buffer.byteLength(body)));
    assert.equal(res.headers['x-request-id'], 'req_ok');
    assert.equal(res.headers['cache-control'], 'no-store');
  }
  assert.equal(upstream.connections() - before, 1, 'three requests, one upstream connection');
  assert.deepEqual(events.map((e) => [e.status, e.outcome]), [[200, 'forwarded'], [200, 'forwarded'], [200, 'forwarded']]);
});

test('the timeout on the Node path: 504 before the answer, the visitor cut off when the body stalls', async () => {
  const { origin, events } = await nodePath({ timeout: 200 });
  upstream.script = async (req, res) => {
    await sleep(600);
    res.end('{}');
  };
  const late = await raw(origin, 'GET', GROUPS, { headers: ADMIN });
  assert.equal(late.status, 504);
  assert.equal(late.json.error.code, 'upstream_timeout');
  upstream.script = async (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"object":"list",');
    await sleep(600);
    res.end();
  };
  const stalled = await new Promise((resolve) => {
    const req = http.get(`${origin}${GROUPS}`, { headers: ADMIN, agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ complete: res.complete, status: res.statusCode, text }));
      res.on('error', () => resolve({ complete: false, status: res.statusCode, text }));
    });
    req.on('error', () => resolve({ complete: false }));
  });
  assert.equal(stalled.complete, false, 'the visitor does not get a truncated answer as a complete one');
  await sleep(50);
  assert.deepEqual(events.map((e) => [e.status, e.outcome]), [[504, 'timeout'], [200, 'timeout']]);
});

test('with a `fetch` option: a success streams through, a stalled body is cut at the timeout, an error body is redacted', async () => {
  const viaFetch = { fetch: (url, init) => fetch(url, init), timeout: 300 };
  const { origin, events } = await nodePath(viaFetch);
  const web = stack.handler({ baseURL: upstream.url, ...viaFetch });
  const body = JSON.stringify({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
  upstream.script = async (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_f' });
    res.write(body.slice(0, 10));
    await sleep(20);
    res.end(body.slice(10));
  };
  const piped = await raw(origin, 'GET', GROUPS, { headers: ADMIN });
  assert.equal(piped.status, 200);
  assert.equal(piped.body, body);
  const response = await web.handle(new Request(`http://x${GROUPS}`, { headers: ADMIN }));
  assert.equal(response.status, 200);
  assert.equal(await response.text(), body);

  upstream.script = async (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"object":');
    await sleep(800);
    res.end('"list"}');
  };
  const started = Date.now();
  const stalled = await web.handle(new Request(`http://x${GROUPS}`, { headers: ADMIN }));
  await assert.rejects(stalled.text());
  assert.ok(Date.now() - started < 700, 'cut at the timeout, not when the API finished');

  upstream.script = (req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${req.headers.authorization}` } }));
  };
  const rejected = await raw(origin, 'GET', GROUPS, { headers: ADMIN });
  assert.equal(rejected.status, 401);
  assert.ok(!rejected.body.includes(CANARY_KEY), rejected.body);
  assert.deepEqual(events.map((e) => e.status), [200, 401]);
});
