// The official SDK's documented surface, with the patterns of its generated tests, run on this
// package and, where the official SDK defines the behaviour, on `openai` with the same input:
// withResponse/asResponse, request options reaching the request (the mock's request log), a
// `fetch(url, init)` wrapper, fetchOptions, defaultQuery, the logger, drift, pagination over an
// empty page, construction errors and the key kept out of JSON, inspect and logs.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import util from 'node:util';
import OpenAI from 'openai';
import OpenAIAdmin, { OpenAIError, ResponseDriftError, APIError, APIPromise } from 'openai-admin-wasm';
import { startMock, KEY } from '../support/mock.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.stop());
beforeEach(() => mock.reset());

const both = (options = {}) => [
  ['official', new OpenAI({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0, ...options })],
  ['package', new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0, ...options })],
];

/** What the mock saw, in the fields both SDKs must agree on. */
async function seen() {
  const log = (await mock.requests()).data;
  await mock.clearRequests();
  return log.map((r) => ({
    method: r.method,
    path: r.path,
    query: r.query ?? null,
    body: r.body ? JSON.parse(r.body) : null,
    headers: Object.fromEntries(
      Object.entries(r.headers).filter(([k]) => k.startsWith('x-test') || ['authorization', 'openai-organization', 'openai-project'].includes(k)),
    ),
  }));
}

/** A `fetch` answering every request with `body` (JSON), recording the calls. */
function canned(bodies) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url: String(url), init });
    const body = typeof bodies === 'function' ? bodies(String(url), calls.length) : bodies;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', 'x-request-id': `req_${calls.length}` } });
  };
  return { fetch, calls };
}

test('withResponse() gives { data, response, request_id } and data is what await gives; asResponse() the raw response, unread', async () => {
  for (const [who, client] of both()) {
    const org = client.admin.organization;
    const awaited = await org.groups.retrieve((await org.groups.list({ limit: 1 })).data[0].id);
    const { data, response, request_id } = await org.groups.retrieve(awaited.id).withResponse();
    assert.deepEqual(data, awaited, who);
    assert.ok(response instanceof Response, who);
    assert.equal(response.status, 200, who);
    assert.match(request_id, /^req_/, who);
    assert.equal(data._request_id, request_id, who);
    const raw = await org.groups.retrieve(awaited.id).asResponse();
    assert.equal(raw.bodyUsed, false, who);
    const json = await raw.json();
    assert.equal(json.id, awaited.id, who);
    const page = await org.groups.list({ limit: 2 }).withResponse();
    assert.equal(page.data.data.length, 2, who);
    assert.ok(page.response instanceof Response, who);
  }
  const promise = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api }).admin.organization.groups.list();
  assert.ok(promise instanceof APIPromise);
  await promise;
});

test('request options reach the request as in the official SDK: headers, query, body, path, method, timeout, maxRetries', async () => {
  const results = {};
  for (const [who, client] of both({ organization: 'org_test', project: 'proj_test', defaultHeaders: { 'X-Test-Default': 'd', 'X-Test-Dropped': 'x' } })) {
    const org = client.admin.organization;
    await mock.clearRequests();
    await org.groups.list({ limit: 2 }, { headers: { 'X-Test-Call': 'c', 'X-Test-Dropped': null }, timeout: 5000, maxRetries: 1 });
    await org.groups.list({ limit: 2 }, { query: { limit: 3, order: 'asc' } });
    await org.groups.list({ maxRetries: 0, headers: { 'X-Test-Moved': 'm' } });
    const group = await org.groups.create({ name: 'Options' }, { body: { name: 'From options' } });
    await org.groups.retrieve('ignored', { path: `/organization/groups/${group.id}` });
    await org.groups.update(group.id, { name: 'Renamed' }, { headers: { 'X-Test-Update': 'u' } });
    await org.users.list({ emails: ['ada.lovelace@example.com', 'alan.turing@example.com'] });
    results[who] = (await seen()).map((r) => ({ ...r, path: r.path.replace(group.id, '<id>') }));
  }
  assert.deepEqual(results.package, results.official);
  assert.equal(results.package[0].headers['x-test-call'], 'c');
  assert.equal(results.package[0].headers['x-test-dropped'], undefined);
  assert.equal(results.package[0].headers['openai-organization'], 'org_test');
});

test('a fetch(url, init) wrapper written for the official SDK adds a header; fetchOptions reach init', async () => {
  for (const [who, client] of both({
    fetch: (url, init) => fetch(url, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), 'x-test-wrapped': 'yes' } }),
  })) {
    await mock.clearRequests();
    await client.admin.organization.groups.list({ limit: 1 });
    assert.equal((await seen())[0].headers['x-test-wrapped'], 'yes', who);
  }
  const inits = [];
  const client = new OpenAIAdmin({
    adminAPIKey: KEY,
    baseURL: mock.api,
    fetchOptions: { cache: 'no-store', keepalive: true },
    fetch: (url, init) => (inits.push(init), fetch(url, init)),
  });
  await client.admin.organization.groups.list({ limit: 1 });
  await client.admin.organization.groups.list({ limit: 1 }, { fetchOptions: { cache: 'reload' } });
  assert.equal(inits[0].cache, 'no-store');
  assert.equal(inits[0].keepalive, true);
  assert.equal(inits[1].cache, 'reload');
  assert.equal(inits[1].keepalive, true);
});

test('an exception thrown by the caller\'s own fetch is retried as the official SDK retries it, then surfaces as APIConnectionError', async () => {
  const outcomes = {};
  for (const maxRetries of [2, 0]) {
    for (const [who, Client] of [['official', OpenAI], ['package', OpenAIAdmin]]) {
      let calls = 0;
      const flaky = async (url, init) => {
        calls += 1;
        if (calls === 1) throw new TypeError('boom from the wrapper');
        return fetch(url, init);
      };
      const client = new Client({ adminAPIKey: KEY, baseURL: mock.api, maxRetries, fetch: flaky });
      let outcome;
      try {
        const page = await client.admin.organization.groups.list({ limit: 1 });
        outcome = { ok: page.data.length, calls };
      } catch (e) {
        outcome = { error: e.constructor.name, calls };
      }
      outcomes[`${who} maxRetries ${maxRetries}`] = outcome;
    }
    assert.deepEqual(outcomes[`package maxRetries ${maxRetries}`], outcomes[`official maxRetries ${maxRetries}`], JSON.stringify(outcomes));
  }
  assert.deepEqual(outcomes['package maxRetries 2'], { ok: 1, calls: 2 });
  assert.deepEqual(outcomes['package maxRetries 0'], { error: 'APIConnectionError', calls: 1 });
});

test('defaultQuery is added to every request, as in the official SDK', async () => {
  const results = {};
  for (const [who, client] of both({ defaultQuery: { tenant: 'blue' } })) {
    await mock.clearRequests();
    await client.admin.organization.groups.list({ limit: 1 });
    await client.admin.organization.roles.retrieve((await client.admin.organization.roles.list()).data[0].id);
    results[who] = await seen();
  }
  assert.deepEqual(results.package, results.official);
  assert.match(results.package[0].query, /tenant=blue/);
});

test('a query in the base URL or in the path option, and an absolute path, make the official SDK\'s URL', async () => {
  // Answers any request with an empty list page (an object for the other calls) and records its URL.
  const recording = () => {
    const urls = [];
    const fetch = async (url, init) => {
      urls.push(`${init.method} ${url}`);
      return new Response('{"object":"list","data":[],"has_more":false,"id":"group_1"}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return { urls, fetch };
  };
  const cases = [
    [{ baseURL: 'http://127.0.0.1:9/v1?api-version=2&tenant=blue' }, (org) => org.groups.list({ limit: 2, tenant: 'red' })],
    [{ baseURL: 'http://127.0.0.1:9/v1/?api-version=2#x' }, (org) => org.groups.retrieve('group_1')],
    [{ baseURL: 'http://127.0.0.1:9/v1?api-version=2', defaultQuery: { 'api-version': '3', x: 'y' } }, (org) => org.groups.create({ name: 'n' })],
    [{ baseURL: 'http://127.0.0.1:9/v1' }, (org) => org.groups.list({ limit: 2 }, { path: '/organization/groups?order=desc&limit=9' })],
    [{ baseURL: 'http://127.0.0.1:9/v1?api-version=2' }, (org) => org.groups.retrieve('group_1', { path: 'http://127.0.0.1:8/other/group_1?z=1' })],
    [{ baseURL: 'http://127.0.0.1:9/v1?api-version=2' }, (org) => org.groups.list({ limit: 2 }, { query: { order: 'asc' } })],
  ];
  for (const [options, call] of cases) {
    const seen = {};
    for (const [who, Client] of [['official', OpenAI], ['package', OpenAIAdmin]]) {
      const { urls, fetch } = recording();
      await call(new Client({ adminAPIKey: KEY, apiKey: 'unused', maxRetries: 0, fetch, ...options }).admin.organization);
      seen[who] = urls;
    }
    assert.equal(seen.package.length, 1, JSON.stringify(options));
    assert.deepEqual(seen.package, seen.official, JSON.stringify(options));
  }
});

test('the logger gets the package lines at its level: ignored options, a bad logLevel', () => {
  const lines = [];
  const logger = Object.fromEntries(['error', 'warn', 'info', 'debug'].map((l) => [l, (m) => lines.push([l, m])]));
  new OpenAIAdmin({ adminAPIKey: KEY, logger, colour: 'red', shape: 1 });
  assert.deepEqual(lines, [['warn', 'openai-admin-wasm: ignoring unknown client options: colour, shape']]);
  lines.length = 0;
  new OpenAIAdmin({ adminAPIKey: KEY, logger, logLevel: 'loud' });
  assert.equal(lines.length, 1);
  assert.match(lines[0][1], /ClientOptions.logLevel was set to "loud"/);
  lines.length = 0;
  new OpenAIAdmin({ adminAPIKey: KEY, logger, logLevel: 'off', colour: 1 });
  assert.deepEqual(lines, []);
});

test('drift: logged once per operation and message at warn by default; ResponseDriftError with responseDrift "error"; nothing with "off"', async () => {
  const body = { object: 'list', data: [{ id: 'group_1', name: 'A', created_at: 1, is_scim_managed: false }], has_more: false, next: null };
  const lines = [];
  const logger = Object.fromEntries(['error', 'warn', 'info', 'debug'].map((l) => [l, (m) => lines.push([l, m])]));
  const { fetch } = canned(body);
  const client = new OpenAIAdmin({ adminAPIKey: KEY, fetch, logger });
  const page = await client.admin.organization.groups.list();
  assert.equal(page.data[0].group_type, undefined, 'the answer reaches the caller as sent');
  await client.admin.organization.groups.list();
  const warned = lines.filter(([l]) => l === 'warn').map(([, m]) => m);
  assert.deepEqual(warned, ['groups.list: data[].group_type is missing (the spec requires it)']);

  const strict = new OpenAIAdmin({ adminAPIKey: KEY, fetch: canned(body).fetch, logger, responseDrift: 'error' });
  await assert.rejects(strict.admin.organization.groups.list(), (e) => {
    assert.ok(e instanceof ResponseDriftError, String(e));
    assert.ok(e instanceof APIError);
    assert.equal(e.status, 200);
    assert.equal(e.requestID, 'req_1');
    assert.deepEqual(e.drift, ['data[].group_type is missing (the spec requires it)']);
    return true;
  });

  lines.length = 0;
  await new OpenAIAdmin({ adminAPIKey: KEY, fetch, logger, responseDrift: 'off' }).admin.organization.groups.list();
  assert.deepEqual(lines, []);

  // The official SDK returns the same answer.
  const official = await new OpenAI({ adminAPIKey: KEY, fetch }).admin.organization.groups.list();
  assert.deepEqual(JSON.parse(JSON.stringify(official.data)), JSON.parse(JSON.stringify(page.data)));
});

test('pagination follows the official page classes: an empty page with has_more and a next cursor goes on', async () => {
  const pages = {
    '': { object: 'list', data: [{ id: 'g1', name: 'a', created_at: 1, is_scim_managed: false, group_type: 'group' }], has_more: true, next: 'c1' },
    c1: { object: 'list', data: [], has_more: true, next: 'c2' },
    c2: { object: 'list', data: [{ id: 'g2', name: 'b', created_at: 2, is_scim_managed: false, group_type: 'group' }], has_more: false, next: 'c3' },
  };
  const answer = (url) => pages[new URL(url).searchParams.get('after') ?? ''];
  const ids = {};
  for (const [who, Client] of [['official', OpenAI], ['package', OpenAIAdmin]]) {
    const { fetch, calls } = canned(answer);
    const client = new Client({ adminAPIKey: KEY, fetch, maxRetries: 0 });
    ids[who] = [];
    for await (const g of client.admin.organization.groups.list({ limit: 1 })) ids[who].push(g.id);
    ids[who + ' requests'] = calls.map((c) => new URL(c.url).search);
  }
  assert.deepEqual(ids.package, ['g1', 'g2']);
  assert.deepEqual(ids.package, ids.official);
  assert.deepEqual(ids['package requests'], ids['official requests']);
});

test('construction errors: missing credentials, then the key never in JSON, inspect, or errors', () => {
  const saved = { admin: process.env.OPENAI_ADMIN_KEY, api: process.env.OPENAI_API_KEY };
  delete process.env.OPENAI_ADMIN_KEY;
  delete process.env.OPENAI_API_KEY;
  try {
    let official;
    try {
      new OpenAI({});
    } catch (e) {
      official = e.message;
    }
    assert.throws(() => new OpenAIAdmin({}), (e) => e instanceof OpenAIError && e.message === official);
  } finally {
    if (saved.admin !== undefined) process.env.OPENAI_ADMIN_KEY = saved.admin;
    if (saved.api !== undefined) process.env.OPENAI_API_KEY = saved.api;
  }
  const secret = 'sk-admin-never-shown-7';
  const client = new OpenAIAdmin({ adminAPIKey: secret, baseURL: mock.api });
  assert.equal(client.adminAPIKey, secret);
  assert.equal(client.baseURL, mock.api);
  assert.equal(client.maxRetries, 2);
  assert.equal(client.timeout, 600000);
  assert.equal(client.organization, null);
  assert.ok(!JSON.stringify(client).includes(secret));
  assert.ok(!util.inspect(client, { depth: 10 }).includes(secret));
  assert.ok(!util.inspect(client, { depth: 10, showHidden: true }).includes(secret));
});
