// Request options ({ signal, timeout, maxRetries, headers }), client options (a custom `fetch`,
// defaultHeaders) and the Node environment defaults (OPENAI_ADMIN_KEY, OPENAI_BASE_URL).

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import OpenAIAdmin, {
  APIUserAbortError,
  APIConnectionTimeoutError,
  APIConnectionError,
  InternalServerError,
  AuthenticationError,
} from 'openai-admin-wasm';
import { startMock, KEY } from '../support/mock.mjs';

let mock;
let org;

before(async () => {
  mock = await startMock();
  org = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 }).admin.organization;
});
after(() => mock?.stop());
beforeEach(() => mock.reset());

const groupsLog = async () => (await mock.requests()).data.filter((r) => r.path === '/v1/organization/groups');

test('a custom header reaches the server; null removes a default one', async () => {
  const client = new OpenAIAdmin({
    adminAPIKey: KEY,
    baseURL: mock.api,
    maxRetries: 0,
    defaultHeaders: { 'x-default': 'd', 'x-dropped': 'gone' },
  });
  await client.admin.organization.groups.list({}, { headers: { 'X-Trace': 'abc-123', 'x-dropped': null } });
  await org.roles.list({}, { headers: new Headers({ 'x-from-headers': 'h' }) });
  const log = (await mock.requests()).data;
  assert.equal(log[0].headers['x-trace'], 'abc-123');
  assert.equal(log[0].headers['x-default'], 'd');
  assert.equal(log[0].headers['x-dropped'], undefined);
  assert.equal(log[1].headers['x-from-headers'], 'h');
  assert.equal(log[0].headers.authorization, 'Bearer ***');
});

test('an aborted signal rejects with APIUserAbortError, before and during a request', async () => {
  const before = AbortSignal.abort();
  await assert.rejects(org.groups.list({}, { signal: before }), APIUserAbortError);

  await mock.faults({ path: '/v1/organization/groups', delay_ms: 2000 });
  const controller = new AbortController();
  const started = Date.now();
  const pending = org.groups.list({}, { signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(pending, (e) => {
    assert.ok(e instanceof APIUserAbortError, String(e));
    assert.equal(e.name, 'APIUserAbortError');
    return true;
  });
  assert.ok(Date.now() - started < 1500, 'the abort did not wait for the response');
});

test('timeout with a delayed response rejects with APIConnectionTimeoutError', async () => {
  await mock.faults({ path: '/v1/organization/groups', delay_ms: 2000, count: 5 });
  const started = Date.now();
  await assert.rejects(org.groups.list({}, { timeout: 150, maxRetries: 0 }), (e) => {
    assert.ok(e instanceof APIConnectionTimeoutError, String(e));
    assert.ok(e instanceof APIConnectionError);
    return true;
  });
  assert.ok(Date.now() - started < 1500);
  assert.equal((await groupsLog()).length, 1);
});

test('maxRetries retries a 503 (visible in the log); 0 does not retry', async () => {
  await mock.faults({ path: '/v1/organization/groups', status: 503, count: 2, retry_after_ms: '10' });
  const page = await org.groups.list({ limit: 1 }, { maxRetries: 2 });
  assert.equal(page.data.length, 1);
  const log = await groupsLog();
  assert.deepEqual(log.map((r) => r.fault), ['status=503', 'status=503', null]);

  await mock.clearRequests();
  await mock.faults({ path: '/v1/organization/groups', status: 503, count: 1, retry_after_ms: '10' });
  await assert.rejects(org.groups.list({}, { maxRetries: 0 }), InternalServerError);
  assert.equal((await groupsLog()).length, 1);
});

test('the client maxRetries applies when a call sets none', async () => {
  const retrying = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 1 });
  await mock.faults({ path: '/v1/organization/groups', status: 500, count: 1, retry_after_ms: '10' });
  await retrying.admin.organization.groups.list();
  assert.equal((await groupsLog()).length, 2);
});

test('a custom fetch is called as fetch(url, init), as the official SDK calls it, and its Response is used', async () => {
  const seen = [];
  const client = new OpenAIAdmin({
    adminAPIKey: KEY,
    baseURL: mock.api,
    maxRetries: 0,
    fetch: async (url, init) => {
      seen.push({ url: String(url), init });
      return fetch(url, init);
    },
  });
  const page = await client.admin.organization.groups.list({ limit: 2 });
  assert.equal(page.data.length, 2);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].init.method, 'GET');
  assert.equal(seen[0].url, `${mock.api}/organization/groups?limit=2`);
  assert.equal(new Headers(seen[0].init.headers).get('authorization'), `Bearer ${KEY}`);

  const canned = new OpenAIAdmin({
    adminAPIKey: KEY,
    baseURL: 'https://api.example.invalid/v1',
    fetch: async () =>
      new Response(JSON.stringify({ id: 'group_x', name: 'Canned', created_at: 1, is_scim_managed: false, group_type: 'group' }), {
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_canned' },
      }),
  });
  const group = await canned.admin.organization.groups.retrieve('group_x');
  assert.equal(group.name, 'Canned');
  assert.equal(group._request_id, 'req_canned');
});

test('OPENAI_ADMIN_KEY and OPENAI_BASE_URL are read in Node when options omit them', async () => {
  const saved = { key: process.env.OPENAI_ADMIN_KEY, url: process.env.OPENAI_BASE_URL };
  try {
    process.env.OPENAI_ADMIN_KEY = KEY;
    process.env.OPENAI_BASE_URL = mock.api;
    const fromEnv = new OpenAIAdmin({ maxRetries: 0 });
    const page = await fromEnv.admin.organization.groups.list({ limit: 1 });
    assert.equal(page.data.length, 1);
    assert.equal((await mock.requests()).data.at(-1).headers.host, new URL(mock.url).host);

    // Options win over the environment.
    process.env.OPENAI_ADMIN_KEY = 'sk-admin-from-env-wrong';
    await assert.rejects(new OpenAIAdmin({ maxRetries: 0 }).admin.organization.groups.list(), AuthenticationError);
    await new OpenAIAdmin({ adminAPIKey: KEY, maxRetries: 0 }).admin.organization.groups.list();
  } finally {
    for (const [name, value] of [['OPENAI_ADMIN_KEY', saved.key], ['OPENAI_BASE_URL', saved.url]]) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

test("Node's own fetch: a request carries a signal only where it must", async (t) => {
  // Node's fetch ends a request that waits 300 s for its headers or its body, so with a timeout at
  // least that long and nothing else to abort it, a request goes without a signal (which costs
  // more than the rest of the client's work for it); anything else gets one, as in the official SDK.
  const seen = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (url, init) => {
    seen.push(init.signal);
    return realFetch(url, init);
  };
  t.after(() => {
    globalThis.fetch = realFetch;
  });
  const client = (options = {}) => new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0, ...options }).admin.organization;
  await client().groups.list(); // the default timeout, 10 minutes
  await client({ timeout: 300_000 }).groups.list();
  await client().groups.list({}, { signal: new AbortController().signal });
  await client({ timeout: 299_999 }).groups.list();
  await client().groups.list({}, { timeout: 5_000 });
  await client({ fetchOptions: { dispatcher: undefined } }).groups.list();
  assert.deepEqual(
    seen.map((signal) => signal instanceof AbortSignal),
    [false, false, true, true, true, true],
  );
  // A custom fetch always gets the signal.
  const custom = [];
  await client({ fetch: (url, init) => (custom.push(init.signal), realFetch(url, init)) }).groups.list();
  assert.ok(custom[0] instanceof AbortSignal);
});
