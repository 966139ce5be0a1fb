// The server handler (`openai-admin-wasm/server`) in Node: the Web-standard handler called
// directly, and the same handler on Node's http through toNodeHandler, in front of the mock.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { join } from 'node:path';
import OpenAI from 'openai';
import {
  ADMIN,
  ADMIN_TOKEN,
  CANARY_KEY,
  EVERY_OPERATION,
  JSON_TYPE,
  VIEWER,
  raw,
  runEveryOperation,
  startServerStack,
} from './harness.mjs';

let stack;
let main; // the default handler
let origin; // ...served on Node's http
before(async () => {
  stack = await startServerStack();
  main = stack.handler();
  origin = await stack.serve(main.recorded);
});
after(async () => {
  await stack?.close();
});
beforeEach(async () => {
  await stack.mock.reset();
});

const GROUPS = '/v1/organization/groups';
const errorShape = (json) =>
  json && typeof json.error === 'object' && typeof json.error.message === 'string' && 'type' in json.error && 'param' in json.error && 'code' in json.error;

/** Sends through the Node server and records the response for the canary check. */
async function send(method, target, options = {}) {
  // The handler records what it answers (harness.mjs); the Node adapter passes it on as is.
  return raw(origin, method, target, options);
}

test('no handler without authorize or without a key, and the refusal names neither', async () => {
  const { lib } = stack;
  assert.throws(() => lib.createAdminHandler({ adminAPIKey: CANARY_KEY }), /authorize/);
  assert.throws(() => lib.createAdminHandler({ adminAPIKey: CANARY_KEY, authorize: true }), /authorize/);
  const saved = process.env.OPENAI_ADMIN_KEY;
  delete process.env.OPENAI_ADMIN_KEY;
  try {
    assert.throws(() => lib.createAdminHandler({ authorize: () => true }), /no admin key/);
  } finally {
    if (saved !== undefined) process.env.OPENAI_ADMIN_KEY = saved;
  }
  assert.throws(() => lib.createAdminHandler({ authorize: () => true, adminAPIKey: `${CANARY_KEY}\r\nX: 1` }), (err) => !err.message.includes(CANARY_KEY));
  assert.throws(() => lib.createAdminHandler({ authorize: () => true, adminAPIKey: CANARY_KEY, cors: { origin: '*' } }), /\*/);
  assert.throws(() => lib.trustedHeader({}), /off by default/);
  assert.throws(() => lib.bearerTokens([{ token: 'short', user: 'a', role: 'admin' }]), /16/);
  assert.throws(() => lib.bearerTokens([{ token: ADMIN_TOKEN, user: 'a', role: 'owner' }]), /role/);
});

test('the key defaults to OPENAI_ADMIN_KEY', async () => {
  process.env.OPENAI_ADMIN_KEY = CANARY_KEY;
  try {
    const h = stack.lib.createAdminHandler({ baseURL: stack.mock.api, authorize: () => ({ user: 'env' }), audit: () => {} });
    const res = await h(new Request(`http://x${GROUPS}`));
    assert.equal(res.status, 200);
  } finally {
    delete process.env.OPENAI_ADMIN_KEY;
  }
});

test('an unauthenticated request gets 401 and a viewer write 403, in the API error format, and nothing is sent', async () => {
  await stack.mock.clearRequests();
  const anon = await send('GET', GROUPS);
  assert.equal(anon.status, 401);
  assert.ok(errorShape(anon.json), anon.body);
  assert.equal(anon.json.error.code, 'unauthenticated');
  assert.equal(anon.headers['www-authenticate'], 'Bearer');
  assert.match(anon.headers['x-request-id'], /^req_local_/);
  const wrong = await send('GET', GROUPS, { headers: { authorization: 'Bearer not-a-token-of-this-server' } });
  assert.equal(wrong.status, 401);
  const viewerWrite = await send('POST', GROUPS, { headers: { ...VIEWER, ...JSON_TYPE }, body: '{"name":"x"}' });
  assert.equal(viewerWrite.status, 403);
  assert.ok(errorShape(viewerWrite.json));
  assert.equal(viewerWrite.json.error.code, 'permission_denied');
  const viewerDelete = await send('DELETE', `${GROUPS}/group_x`, { headers: VIEWER });
  assert.equal(viewerDelete.status, 403);
  assert.deepEqual(await stack.upstreamRequests(), [], 'nothing reached the API');
  const viewerRead = await send('GET', `${GROUPS}?limit=2`, { headers: VIEWER });
  assert.equal(viewerRead.status, 200);
  assert.equal(viewerRead.json.data.length, 2);
});

test('the ready-made authorizers: read-only viewer, trusted SSO header, anyOf, typed denials', async () => {
  const { lib } = stack;
  const call = async (h, method, path, headers = {}, body) => {
    const res = await h.recorded(new Request(`http://x${path}`, { method, headers, body }));
    return res.status;
  };
  const viewer = stack.handler({ authorize: lib.readOnly() });
  assert.equal(await call(viewer, 'GET', GROUPS), 200);
  assert.equal(await call(viewer, 'POST', GROUPS, JSON_TYPE, '{"name":"x"}'), 403);
  assert.deepEqual(viewer.events.at(-1).who, { user: 'anonymous', role: 'viewer' });

  const sso = stack.handler({ authorize: lib.trustedHeader({ enabled: true, admins: ['Ada@Example.com'], viewers: ['grace@example.com'] }) });
  assert.equal(await call(sso, 'GET', GROUPS), 401);
  assert.equal(await call(sso, 'GET', GROUPS, { 'x-forwarded-email': 'grace@example.com' }), 200);
  assert.equal(await call(sso, 'POST', GROUPS, { 'x-forwarded-email': 'grace@example.com', ...JSON_TYPE }, '{"name":"x"}'), 403);
  assert.equal(await call(sso, 'POST', GROUPS, { 'x-forwarded-email': 'ada@example.com', ...JSON_TYPE }, '{"name":"SSO"}'), 200);
  assert.equal(await call(sso, 'GET', GROUPS, { 'x-forwarded-email': 'mallory@example.com' }), 403);
  assert.deepEqual(sso.events.map((e) => e.status), [401, 200, 403, 200, 403]);
  assert.deepEqual(sso.events[4].who, { user: 'mallory@example.com' });

  const both = stack.handler({
    authorize: lib.anyOf(
      lib.bearerTokens([{ token: ADMIN_TOKEN, user: 'ada', role: 'admin' }]),
      lib.trustedHeader({ enabled: true, viewers: '*' }),
    ),
  });
  assert.equal(await call(both, 'POST', GROUPS, { ...ADMIN, ...JSON_TYPE }, '{"name":"Both"}'), 200);
  assert.equal(await call(both, 'GET', GROUPS, { 'x-forwarded-email': 'anyone@example.com' }), 200);
  assert.equal(await call(both, 'DELETE', `${GROUPS}/g`, { 'x-forwarded-email': 'anyone@example.com' }), 403);
  assert.equal(await call(both, 'GET', GROUPS), 401);

  // Plain return values: null 401, false 403; a custom authorize sees the operation.
  const seenOps = [];
  const custom = stack.handler({
    authorize: (request, op) => {
      seenOps.push(op);
      if (!request.headers.get('x-user')) return null;
      return op.writes ? false : { user: request.headers.get('x-user') };
    },
  });
  assert.equal(await call(custom, 'GET', `${GROUPS}/group_1/users/user_2`), 401);
  assert.equal(await call(custom, 'DELETE', `${GROUPS}/group_1/users/user_2`, { 'x-user': 'u' }), 403);
  assert.deepEqual(
    { name: seenOps[1].name, writes: seenOps[1].writes, method: seenOps[1].method, path: seenOps[1].path, ids: { ...seenOps[1].ids } },
    { name: 'groups.users.delete', writes: true, method: 'DELETE', path: '/organization/groups/{group_id}/users/{user_id}', ids: { group_id: 'group_1', user_id: 'user_2' } },
  );
  // An authorize that throws fails closed: 500, nothing sent.
  const broken = stack.handler({ authorize: () => { throw new Error('directory down'); } });
  assert.equal(await call(broken, 'GET', GROUPS), 500);
  assert.ok(stack.seen.logs.some((l) => l.includes('directory down')));
});

test('all 26 operations are allowed for an admin (the official openai SDK through the handler)', async () => {
  await stack.mock.clearRequests();
  const client = new OpenAI({ adminAPIKey: ADMIN_TOKEN, apiKey: 'unused', baseURL: `${origin}/v1`, maxRetries: 0 });
  const ran = await runEveryOperation(client.admin.organization);
  assert.deepEqual([...ran].sort(), [...EVERY_OPERATION].sort());
  const upstream = await stack.upstreamRequests();
  assert.ok(upstream.length >= 26);
  for (const r of upstream) {
    assert.equal(r.headers.authorization, 'Bearer ***', 'the handler sent the key');
    assert.ok(!JSON.stringify(r).includes(ADMIN_TOKEN), 'the visitor token never reaches the API');
  }
  const names = new Set(main.events.filter((e) => e.status === 200).map((e) => e.operation));
  for (const op of EVERY_OPERATION) assert.ok(names.has(op), `${op} audited as a 200`);
});

test('unknown paths and methods get 404 in the API error format, with no upstream call', async () => {
  await stack.mock.clearRequests();
  const calls = [];
  const counting = stack.handler({ fetch: (url, init) => (calls.push(url), fetch(url, init)) });
  const cases = [
    ['GET', '/v1/organization/invites'],
    ['GET', '/v1/organization/admin_api_keys'],
    ['GET', '/v1/organization/audit_logs'],
    ['GET', '/v1/organization/groups/g1/members'],
    ['GET', '/v1/chat/completions'],
    ['GET', '/v1'],
    ['GET', '/v1/'],
    ['GET', '/organization/groups'],
    ['GET', '/v2/organization/groups'],
    ['GET', '/v1/Organization/groups'],
    ['PUT', GROUPS],
    ['PATCH', `${GROUPS}/g1`],
    ['DELETE', GROUPS],
    ['POST', '/v1/organization/users'],
    ['HEAD', GROUPS],
    ['OPTIONS', GROUPS],
    ['TRACE', GROUPS],
    ['GET', '/__mock/requests'],
    ['POST', '/__mock/reset'],
  ];
  for (const [method, path] of cases) {
    const res = await send(method, path, { headers: ADMIN });
    assert.equal(res.status, 404, `${method} ${path}`);
    if (method !== 'HEAD') {
      assert.ok(errorShape(res.json), `${method} ${path}: ${res.body}`);
      assert.equal(res.json.error.code, 'unknown_url');
    }
    if (method === 'TRACE') continue; // a Request cannot carry it
    const direct = await counting.recorded(new Request(`http://x${path}`, { method, headers: ADMIN }));
    assert.equal(direct.status, 404, `direct ${method} ${path}`);
  }
  assert.deepEqual(calls, []);
  assert.deepEqual(await stack.upstreamRequests(), [], 'nothing reached the API');
});

test('path tricks get 404: .., %2F, double encoding, //, trailing segments, and the like', async () => {
  const created = await stack.mock.call('POST', '/v1/organization/groups', { name: 'Target' });
  await stack.mock.clearRequests();
  const g = created.id;
  const tricks = [
    `${GROUPS}/../users`,
    `${GROUPS}/${g}/../../users`,
    `${GROUPS}/${g}/users/..`,
    `${GROUPS}/..`,
    `${GROUPS}/.`,
    `${GROUPS}/%2e%2e`,
    `${GROUPS}/%2E%2E/users`,
    `${GROUPS}/.%2e`,
    `${GROUPS}/${g}%2F..%2F..%2Fusers`,
    `${GROUPS}/${g}%2fusers`,
    `${GROUPS}/${g}%252Fusers`,
    `${GROUPS}/%252e%252e`,
    `${GROUPS}/${g}%25`,
    `/v1/organization%2Fgroups`,
    `/v1/%6Frganization/groups`,
    `${GROUPS}//users`,
    `/v1//organization/groups`,
    `//v1/organization/groups`,
    `${GROUPS}/`,
    `${GROUPS}/${g}/`,
    `${GROUPS}/${g}/users/u1/extra`,
    `${GROUPS}/${g}/roles/r1/x/y`,
    `${GROUPS}/${g}\\users`,
    `${GROUPS}/${g}%5Cusers`,
    `${GROUPS}/${g}%00`,
    `${GROUPS}/${g}%0d%0aX-Injected:%201`,
    `${GROUPS}/%`,
    `${GROUPS}/%zz`,
    `${GROUPS};/x`,
    `http://evil.example${GROUPS}`,
  ];
  for (const target of tricks) {
    const res = await send('GET', target, { headers: ADMIN });
    assert.equal(res.status, 404, `${target}: ${res.status} ${res.body}`);
  }
  // Through a Web Request (its URL parser resolves dots first): what it yields is matched exactly.
  for (const target of [`${GROUPS}/${g}%2Fusers`, `${GROUPS}/${g}%252Fusers`, `${GROUPS}//users`, `${GROUPS}/${g}/users/..`]) {
    const res = await main.recorded(new Request(`http://x${target}`, { headers: ADMIN }));
    assert.equal(res.status, 404, target);
  }
  assert.deepEqual(await stack.upstreamRequests(), [], 'nothing reached the API');
  // A real id with an encoded character still works, decoded once and re-encoded once.
  const ok = await send('GET', `${GROUPS}/${encodeURIComponent(g)}`, { headers: ADMIN });
  assert.equal(ok.status, 200);
  const spaced = await send('GET', `${GROUPS}/no%20such%20group`, { headers: ADMIN });
  assert.equal(spaced.status, 404);
  const [reached] = (await stack.upstreamRequests()).filter((r) => r.path.includes('no'));
  assert.equal(reached.path, '/v1/organization/groups/no%20such%20group');
  assert.match(spaced.json.error.message, /no such group/, 'the API looked up the decoded id');
});

test('queries and bodies are checked by the core rules and rebuilt canonically', async () => {
  await stack.mock.clearRequests();
  const bad = [
    ['GET', `${GROUPS}?limit=5000`, undefined, 400, 'limit'],
    ['GET', `${GROUPS}?limit=ten`, undefined, 400, 'limit'],
    ['GET', `${GROUPS}?limit=1&limit=2`, undefined, 400, 'limit'],
    ['GET', `${GROUPS}?after=a%0d%0ab`, undefined, 400],
    ['GET', `${GROUPS}?after=%zz`, undefined, 400],
    ['GET', `${GROUPS}/g1?limit=1`, undefined, 400],
    ['POST', GROUPS, '{"name":42}', 400, 'name'],
    ['POST', GROUPS, '{}', 400, 'name'],
    ['POST', GROUPS, '[1]', 400],
    ['POST', GROUPS, '{"name":', 400, 'body'],
    ['POST', `${GROUPS}?x=1`, '{"name":"q"}', 400],
    ['DELETE', `${GROUPS}/g1`, '{"x":1}', 400, 'body'],
  ];
  for (const [method, target, body, status, param] of bad) {
    const res = await send(method, target, { headers: { ...ADMIN, ...(body ? JSON_TYPE : {}) }, body });
    assert.equal(res.status, status, `${method} ${target} ${body}: ${res.body}`);
    assert.ok(errorShape(res.json), `${method} ${target} ${body}: ${res.body}`);
    if (param) assert.equal(res.json.error.param, param, `${method} ${target} ${body}`);
  }
  const form = await send('POST', GROUPS, { headers: { ...ADMIN, 'content-type': 'text/plain' }, body: '{"name":"csrf"}' });
  assert.equal(form.status, 415, 'a body that is not declared JSON (a cross-site form) is refused');
  const empty = await send('POST', `${GROUPS}/g1`, { headers: ADMIN });
  assert.equal(empty.status, 415);
  assert.deepEqual(await stack.upstreamRequests(), [], 'nothing reached the API');

  const list = await send('GET', '/v1/organization/users?limit=3&emails[]=a%2Bb%40example.com&emails%5B%5D=c%40x&extra=kept', { headers: ADMIN });
  assert.equal(list.status, 200);
  const create = await send('POST', GROUPS, { headers: { ...ADMIN, ...JSON_TYPE }, body: '{"name":"Canon","unknown_field":true}' });
  assert.equal(create.status, 200);
  const upstream = await stack.upstreamRequests();
  assert.equal(upstream[0].path, '/v1/organization/users');
  assert.equal(upstream[0].query, 'limit=3&emails%5B%5D=a%2Bb%40example.com&emails%5B%5D=c%40x&extra=kept');
  assert.deepEqual(JSON.parse(upstream[1].body), { name: 'Canon', unknown_field: true });
});

test('oversized bodies get 413; header injection is refused; the visitor\'s credentials are dropped', async () => {
  await stack.mock.clearRequests();
  const big = JSON.stringify({ name: 'x'.repeat(70 * 1024) });
  const declared = await send('POST', GROUPS, { headers: { ...ADMIN, ...JSON_TYPE }, body: big });
  assert.equal(declared.status, 413);
  assert.ok(errorShape(declared.json));
  assert.equal(declared.json.error.code, 'request_too_large');
  // Chunked, no length announced: counted while read.
  const chunked = await send('POST', GROUPS, { headers: { ...ADMIN, ...JSON_TYPE, 'transfer-encoding': 'chunked' }, body: big });
  assert.equal(chunked.status, 413);
  const small = stack.handler({ maxBodyBytes: 32 });
  const direct = await small.recorded(new Request(`http://x${GROUPS}`, { method: 'POST', headers: { ...ADMIN, ...JSON_TYPE }, body: '{"name":"longer than thirty-two bytes"}' }));
  assert.equal(direct.status, 413);

  for (const name of ['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override', 'X-Original-URL', 'X-Rewrite-URL']) {
    const res = await send('GET', GROUPS, { headers: { ...ADMIN, [name]: 'DELETE' } });
    assert.equal(res.status, 400, name);
  }
  const badKey = await send('POST', GROUPS, { headers: { ...ADMIN, ...JSON_TYPE, 'idempotency-key': 'a b"c' }, body: '{"name":"x"}' });
  assert.equal(badKey.status, 400);
  // CR/LF smuggled through the path or query never becomes a header.
  assert.equal((await send('GET', `${GROUPS}/g%0d%0aAuthorization:%20Bearer%20x`, { headers: ADMIN })).status, 404);
  assert.equal((await send('GET', `${GROUPS}?after=x%0d%0aCookie:%20a`, { headers: ADMIN })).status, 400);
  // A raw CR/LF in a header value does not get past the HTTP parser.
  const smuggled = await new Promise((resolve) => {
    const { port } = new URL(origin);
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${GROUPS} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nX-A: a\rInjected: 1\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
    setTimeout(() => socket.destroy(), 2000);
  });
  assert.match(smuggled, /^HTTP\/1\.1 400/);
  assert.deepEqual(await stack.upstreamRequests(), [], 'nothing reached the API');

  // Forwarded: only the key, JSON headers and a valid idempotency key; never the visitor's
  // Authorization, cookies, organization/project headers or anything else.
  const res = await send('POST', GROUPS, {
    headers: {
      ...ADMIN,
      ...JSON_TYPE,
      cookie: 'session=visitor-cookie',
      'openai-organization': 'org-other',
      'openai-project': 'proj-other',
      'x-forwarded-for': '10.0.0.1',
      'idempotency-key': 'stainless-node-retry-1234',
      'x-custom': 'visitor',
    },
    body: '{"name":"Headers"}',
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers['set-cookie'], undefined);
  const [sent] = await stack.upstreamRequests();
  assert.equal(sent.headers.authorization, 'Bearer ***');
  assert.equal(sent.headers['idempotency-key'], 'stainless-node-retry-1234');
  for (const h of ['cookie', 'openai-organization', 'openai-project', 'x-forwarded-for', 'x-custom']) {
    assert.equal(sent.headers[h], undefined, `${h} is not forwarded`);
  }
});

test('upstream errors pass through with status and request id; timeouts and an unreachable API are answered here', async () => {
  await stack.mock.faults([{ method: 'GET', path: GROUPS, count: 1, status: 503 }]);
  const failed = await send('GET', GROUPS, { headers: ADMIN });
  assert.equal(failed.status, 503);
  const [entry] = await stack.upstreamRequests();
  assert.equal(failed.headers['x-request-id'], entry.request_id);
  assert.equal(failed.json.error.type, 'server_error');
  assert.equal(main.events.at(-1).requestId, entry.request_id);
  const missing = await send('GET', `${GROUPS}/group_nope`, { headers: ADMIN });
  assert.equal(missing.status, 404);
  assert.match(missing.json.error.message, /group_nope/);
  assert.match(missing.headers['x-request-id'], /^req_(?!local)/);

  // The API rejects the server's key: 401 passed on, the key nowhere.
  const wrongKey = stack.handler({ adminAPIKey: 'sk-admin-wrong-0000' });
  const rejected = await wrongKey.recorded(new Request(`http://x${GROUPS}`, { headers: ADMIN }));
  assert.equal(rejected.status, 401);
  assert.ok(!(await rejected.text()).includes('sk-admin-wrong-0000'));

  await stack.mock.faults([{ method: 'GET', path: GROUPS, count: 1, delay_ms: 1500 }]);
  const slow = stack.handler({ timeout: 200 });
  const timedOut = await slow.recorded(new Request(`http://x${GROUPS}`, { headers: ADMIN }));
  assert.equal(timedOut.status, 504);
  assert.equal((await timedOut.json()).error.code, 'upstream_timeout');
  assert.equal(slow.events.at(-1).outcome, 'timeout');

  const down = stack.handler({ baseURL: 'http://127.0.0.1:9/v1' });
  const unreachable = await down.recorded(new Request(`http://x${GROUPS}`, { headers: ADMIN }));
  assert.equal(unreachable.status, 502);

  // An upstream that echoes the key (it should not): redacted, also in its masked form.
  const echo = stack.handler({
    fetch: async (url, init) =>
      new Response(JSON.stringify({ error: { message: `Incorrect API key provided: ${init.headers.get('authorization')} sk-admin-****7d` } }), {
        status: 401,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_echo', 'x-echo': CANARY_KEY, 'set-cookie': 'a=b' },
      }),
  });
  const echoed = await echo.recorded(new Request(`http://x${GROUPS}`, { headers: ADMIN }));
  const text = await echoed.text();
  assert.equal(echoed.status, 401);
  assert.equal(echoed.headers.get('x-request-id'), 'req_echo');
  assert.equal(echoed.headers.get('x-echo'), null);
  assert.equal(echoed.headers.get('set-cookie'), null);
  assert.ok(!text.includes(CANARY_KEY) && !text.includes('7d'), text);
});

test('no CORS unless configured; configured origins only; cross-site requests refused', async () => {
  const plain = await send('GET', GROUPS, { headers: { ...ADMIN, origin: 'https://evil.example' } });
  assert.equal(plain.headers['access-control-allow-origin'], undefined);
  const preflight = await send('OPTIONS', GROUPS, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
  assert.equal(preflight.status, 404);
  assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  const crossSite = await send('POST', GROUPS, { headers: { ...ADMIN, ...JSON_TYPE, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, body: '{"name":"csrf"}' });
  assert.equal(crossSite.status, 403);
  assert.equal(crossSite.json.error.code, 'cross_origin');

  const withCors = stack.handler({ cors: { origin: ['https://admin.example.com'] } });
  const pre = await withCors.recorded(
    new Request(`http://x${GROUPS}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-evil' },
    }),
  );
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), 'https://admin.example.com');
  assert.equal(pre.headers.get('access-control-allow-headers'), 'authorization, content-type');
  const allowed = await withCors.recorded(new Request(`http://x${GROUPS}`, { headers: { ...ADMIN, origin: 'https://admin.example.com', 'sec-fetch-site': 'cross-site' } }));
  assert.equal(allowed.status, 200);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://admin.example.com');
  const other = await withCors.recorded(new Request(`http://x${GROUPS}`, { headers: { ...ADMIN, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }));
  assert.equal(other.status, 403);
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

test('basePath: mounted elsewhere, only there', async () => {
  const mounted = stack.handler({ basePath: '/api/admin/' });
  assert.equal((await mounted.recorded(new Request(`http://x/api/admin/organization/groups`, { headers: ADMIN }))).status, 200);
  assert.equal((await mounted.recorded(new Request(`http://x${GROUPS}`, { headers: ADMIN }))).status, 404);
  assert.throws(() => stack.lib.createAdminHandler({ authorize: () => true, adminAPIKey: CANARY_KEY, basePath: '/a/../b' }));
});

test('an audit event for every request, and the JSON-lines file sink', async () => {
  const file = join(stack.dir, 'audit.jsonl');
  const sink = stack.lib.jsonLinesAudit(file);
  const h = stack.handler({ audit: sink });
  const local = await stack.serve(h.handle);
  const requests = [
    ['GET', GROUPS, {}],
    ['GET', GROUPS, ADMIN],
    ['POST', GROUPS, { ...VIEWER, ...JSON_TYPE }, '{"name":"v"}'],
    ['POST', GROUPS, { ...ADMIN, ...JSON_TYPE }, '{"name":"Audited"}'],
    ['GET', '/v1/organization/invites', ADMIN],
    ['GET', `${GROUPS}/..`, ADMIN],
    ['POST', GROUPS, { ...ADMIN, ...JSON_TYPE }, JSON.stringify({ name: 'x'.repeat(70_000) })],
    ['GET', `${GROUPS}?limit=-1`, ADMIN],
  ];
  const statuses = [];
  for (const [method, path, headers, body] of requests) statuses.push((await raw(local, method, path, { headers, body })).status);
  assert.deepEqual(statuses, [401, 200, 403, 200, 404, 404, 413, 400]);
  await sink.flush();
  await sink.close();
  const lines = stack.audit(file);
  assert.equal(lines.length, requests.length, 'one line per request');
  assert.deepEqual(lines.map((e) => e.status), statuses);
  assert.deepEqual(lines.map((e) => e.outcome), ['unauthenticated', 'forwarded', 'forbidden', 'forwarded', 'not_found', 'not_found', 'too_large', 'invalid']);
  for (const e of lines) {
    for (const k of ['time', 'requestId', 'who', 'operation', 'ids', 'status', 'durationMs']) assert.ok(k in e, `${k} in ${JSON.stringify(e)}`);
    assert.ok(e.requestId.startsWith('req_'));
    assert.ok(e.durationMs >= 0);
  }
  assert.deepEqual(lines[3].who, { user: 'ada@example.com', role: 'admin' });
  assert.equal(lines[3].operation, 'groups.create');
  assert.equal(lines[3].writes, true);
  assert.ok(lines[3].upstreamMs >= 0);
  const created = JSON.parse((await stack.upstreamRequests()).at(-1).body);
  assert.equal(created.name, 'Audited');
  const mockLog = await stack.upstreamRequests();
  assert.ok(mockLog.some((r) => r.request_id === lines[3].requestId), 'the event carries the API\'s request id');
  // Ids: path parameters and *_id fields.
  const ids = stack.handler();
  await ids.recorded(new Request(`http://x${GROUPS}/group_9/users`, { method: 'POST', headers: { ...ADMIN, ...JSON_TYPE }, body: '{"user_id":"user_7"}' }));
  assert.deepEqual(ids.events[0].ids, { group_id: 'group_9', user_id: 'user_7' });
  // Every handler of this file so far audited every request it answered, once.
  assert.equal(main.events.length, main.answered());
  assert.equal(stack.seen.events.length, stack.seen.answered());
});

test('the canary key is absent from every response, header, log line and audit event', async () => {
  assert.ok(stack.seen.responses.length > 100, `${stack.seen.responses.length} responses checked`);
  for (const r of stack.seen.responses) {
    const text = JSON.stringify(r);
    assert.ok(!text.includes(CANARY_KEY), `the key in a response: ${text.slice(0, 300)}`);
  }
  for (const line of stack.seen.logs) assert.ok(!line.includes(CANARY_KEY), `the key in a log line: ${line}`);
  for (const e of stack.seen.events) assert.ok(!JSON.stringify(e).includes(CANARY_KEY));
  assert.ok(stack.seen.events.length > 100);
});
