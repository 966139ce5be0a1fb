// The server handler from a real browser: Chromium on a page served by the demo server
// (scripts/demo-server.mjs: the handler in front of the mock), calling the API same-origin with
// fetch and with the package's client, as a dashboard does.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/browser.mjs';
import { copyPkg, repoRoot, startMock } from '../support/mock.mjs';
import { ADMIN_TOKEN, VIEWER_TOKEN, startDemoServer } from '../e2e/harness.mjs';
import { CANARY_KEY, EVERY_OPERATION } from './harness.mjs';

const GROUPS = '/v1/organization/groups';
let mock;
let demo;
let pkgDir;
let browser;
let page;
/** Every response the page got from /v1, as text: status, headers, body. */
const responses = [];
/** How many requests the page sent to /v1 (each must have its audit event). */
let apiRequests = 0;

before(async () => {
  pkgDir = await copyPkg({ need: ['dist/index.js', 'dist/server/node.js', 'wasm/openai_admin_wasm_bg.wasm'], prefix: 'admin-server-browser-' });
  mock = await startMock({ adminKey: CANARY_KEY, builds: ['release', 'debug'] });
  demo = await startDemoServer({ upstream: mock.api, pkgDir, key: CANARY_KEY });
  browser = await launchChromium();
  const context = await browser.newContext();
  // The operation runner, served to the page from the test's own files.
  await context.route('**/__test/operations.mjs', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(repoRoot(), 'tests/server/operations.mjs'), 'utf8') }),
  );
  page = await context.newPage();
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/v1')) apiRequests += 1;
  });
  page.on('response', async (r) => {
    if (!new URL(r.url()).pathname.startsWith('/v1')) return;
    responses.push(`${r.status()} ${JSON.stringify(await r.allHeaders())} ${await r.text().catch(() => '')}`);
  });
  // A blank page of the demo server's origin: the tests make the requests themselves.
  await page.goto(`${demo.url}/session`);
});
after(async () => {
  await browser?.close().catch(() => {});
  await demo?.stop();
  await mock?.stop();
  if (pkgDir) rmSync(pkgDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await mock.reset();
});

/** fetch from the page; resolves to `{ status, json, text }` or `{ thrown }`. */
function pageFetch(path, init = {}) {
  return page.evaluate(
    async ([path, init]) => {
      try {
        const res = await fetch(path, init);
        const text = await res.text();
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {}
        return { status: res.status, text, json, requestId: res.headers.get('x-request-id') };
      } catch (err) {
        return { thrown: `${err.name}: ${err.message}` };
      }
    },
    [path, init],
  );
}

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const viewer = { authorization: `Bearer ${VIEWER_TOKEN}` };
const json = { 'content-type': 'application/json' };

test('browser: an unauthenticated request gets 401, a viewer write 403, a viewer read 200', async () => {
  await mock.clearRequests();
  const anon = await pageFetch(GROUPS);
  assert.equal(anon.status, 401);
  assert.equal(anon.json.error.code, 'unauthenticated');
  const write = await pageFetch(GROUPS, { method: 'POST', headers: { ...viewer, ...json }, body: '{"name":"no"}' });
  assert.equal(write.status, 403);
  assert.match(write.json.error.message, /grace@example.com \(viewer\) may not run groups\.create/);
  assert.deepEqual((await mock.requests()).data, [], 'nothing reached the API');
  const read = await pageFetch(`${GROUPS}?limit=3`, { headers: viewer });
  assert.equal(read.status, 200);
  assert.equal(read.json.data.length, 3);
});

test('browser: all 26 operations are allowed for an admin, through the package client', async () => {
  await mock.clearRequests();
  const ran = await page.evaluate(async (token) => {
    const { default: OpenAIAdmin } = await import('/pkg/dist/index.js');
    const { runEveryOperation } = await import('/__test/operations.mjs');
    const client = new OpenAIAdmin({ baseURL: `${location.origin}/v1`, defaultHeaders: { Authorization: `Bearer ${token}` }, maxRetries: 0 });
    return runEveryOperation(client.admin.organization);
  }, ADMIN_TOKEN);
  assert.deepEqual([...ran].sort(), [...EVERY_OPERATION].sort());
  const upstream = (await mock.requests()).data;
  assert.ok(upstream.length >= 26);
  for (const r of upstream) assert.equal(r.headers.authorization, 'Bearer ***', 'the handler sent the key');
  assert.ok(!JSON.stringify(upstream).includes(ADMIN_TOKEN), 'the page token never reaches the API');
});

test('browser: unknown paths and methods, and path tricks, get 404 with no upstream call', async () => {
  await mock.clearRequests();
  const cases = [
    ['GET', '/v1/organization/invites'],
    ['GET', '/v1/organization/admin_api_keys'],
    ['GET', '/v1/chat/completions'],
    ['PUT', GROUPS],
    ['PATCH', `${GROUPS}/g1`],
    ['DELETE', GROUPS],
    ['POST', '/v1/organization/users'],
    // The browser resolves dot segments before sending; what it sends is matched exactly.
    ['GET', `${GROUPS}/%2e%2e/%2e%2e/%2e%2e/__mock/requests`],
    ['GET', `${GROUPS}/x/../../../v1/organization/invites`],
    ['GET', `${GROUPS}/g1%2F..%2F..%2Fusers`],
    ['GET', `${GROUPS}/g1%252Fusers`],
    ['GET', `${GROUPS}//users`],
    ['GET', `${GROUPS}/`],
    ['GET', `${GROUPS}/g1/users/u1/extra`],
    ['GET', `${GROUPS}/g1%5Cusers`],
    ['GET', `${GROUPS}/g1%00`],
    ['GET', `${GROUPS}/g1%0D%0AX-Injected:%201`],
  ];
  for (const [method, path] of cases) {
    const res = await pageFetch(path, { method, headers: admin });
    assert.equal(res.status, 404, `${method} ${path}: ${JSON.stringify(res)}`);
  }
  assert.deepEqual((await mock.requests()).data, [], 'nothing reached the API');
});

test('browser: oversized bodies get 413; header injection is refused', async () => {
  await mock.clearRequests();
  const big = await pageFetch(GROUPS, { method: 'POST', headers: { ...admin, ...json }, body: JSON.stringify({ name: 'x'.repeat(100_000) }) });
  assert.equal(big.status, 413);
  assert.equal(big.json.error.code, 'request_too_large');
  const override = await pageFetch(GROUPS, { headers: { ...admin, 'X-HTTP-Method-Override': 'DELETE' } });
  assert.equal(override.status, 400);
  const crlf = await pageFetch(GROUPS, { headers: { ...admin, 'X-A': 'a\r\nAuthorization: Bearer x' } });
  assert.match(crlf.thrown ?? '', /TypeError/, 'the browser refuses a CR/LF header value');
  const query = await pageFetch(`${GROUPS}?after=x%0D%0ACookie:%20a`, { headers: admin });
  assert.equal(query.status, 400);
  const form = await pageFetch(GROUPS, { method: 'POST', headers: { ...admin, 'content-type': 'text/plain' }, body: '{"name":"csrf"}' });
  assert.equal(form.status, 415);
  assert.deepEqual((await mock.requests()).data, [], 'nothing reached the API');
});

test('browser: upstream errors pass through with their status and request id', async () => {
  await mock.faults([{ method: 'POST', path: GROUPS, count: 1, status: 500 }]);
  const res = await pageFetch(GROUPS, { method: 'POST', headers: { ...admin, ...json }, body: '{"name":"Fails"}' });
  assert.equal(res.status, 500);
  const [entry] = (await mock.requests()).data;
  assert.equal(res.requestId, entry.request_id);
  assert.equal(entry.fault, 'status=500');
});

test('browser: no CORS headers unless configured', async () => {
  const headers = await page.evaluate(async (token) => {
    const res = await fetch('/v1/organization/groups', { headers: { authorization: `Bearer ${token}` } });
    return [...res.headers.keys()];
  }, ADMIN_TOKEN);
  assert.ok(!headers.some((h) => h.startsWith('access-control-')), headers.join());
});

test('browser: the canary key is in no response or log line, and every request has its audit event', async () => {
  assert.ok(responses.length >= 50, `${responses.length} responses`);
  for (const r of responses) assert.ok(!r.includes(CANARY_KEY), `the key in a response: ${r.slice(0, 300)}`);
  const html = await page.content();
  assert.ok(!html.includes(CANARY_KEY));
  // Stop the server: it closes its audit file.
  const stopped = demo;
  demo = null;
  const events = (await stopped.stop()).split('\n').filter(Boolean);
  assert.ok(!stopped.output().includes(CANARY_KEY), 'the key in the server output');
  for (const line of events) assert.ok(!line.includes(CANARY_KEY), `the key in an audit line: ${line}`);
  // The page's requests that reached the server (the CR/LF one was refused by the browser itself).
  assert.equal(events.length, apiRequests, `${events.length} audit events for ${apiRequests} requests`);
  const parsed = events.map((l) => JSON.parse(l));
  assert.ok(parsed.every((e) => typeof e.requestId === 'string' && e.status > 0 && e.durationMs >= 0));
  assert.ok(parsed.some((e) => e.outcome === 'forbidden') && parsed.some((e) => e.outcome === 'not_found') && parsed.some((e) => e.outcome === 'too_large'));
});
