// Failures as error classes: API errors from the mock, bad arguments rejected before any request,
// and the key kept out of every message and header.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import OpenAIAdmin, {
  OpenAIError,
  APIError,
  InvalidArgumentError,
  NotFoundError,
  BadRequestError,
  AuthenticationError,
  InternalServerError,
  APIConnectionError,
} from 'openai-admin-wasm';
import OpenAI from 'openai';
import { startMock, KEY } from '../support/mock.mjs';

let mock;
let client;
let org;

before(async () => {
  mock = await startMock();
  client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 });
  org = client.admin.organization;
});
after(() => mock?.stop());
beforeEach(() => mock.clearRequests());

/** Asserts that nothing in the error (message, stack, headers, error body) contains `key`. */
function assertNoKey(e, key) {
  const parts = [e.message, e.stack, JSON.stringify(e.error ?? null), JSON.stringify(e)];
  if (e.headers) parts.push(JSON.stringify([...e.headers.entries()]));
  for (const part of parts) assert.ok(!String(part).includes(key), `key leaked into ${part}`);
}

test('an answer\'s error class follows its status as the official SDK picks it', async () => {
  for (const status of [400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 418, 302]) {
    const fetch = async () =>
      new Response(JSON.stringify({ error: { message: 'm', type: 't', param: null, code: null } }), {
        status,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_1' },
      });
    const ours = await new OpenAIAdmin({ adminAPIKey: KEY, maxRetries: 0, fetch }).admin.organization.groups.retrieve('g').catch((e) => e);
    const theirs = await new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', maxRetries: 0, fetch }).admin.organization.groups.retrieve('g').catch((e) => e);
    assert.ok(theirs instanceof Error && ours instanceof APIError, `${status}: ${ours} / ${theirs}`);
    assert.equal(ours.name, theirs.constructor.name, String(status));
    assert.equal(ours.status, status);
  }
});

test('a 404 is a NotFoundError with status, type, requestID and headers', async () => {
  await assert.rejects(org.groups.retrieve('group_missing'), (e) => {
    assert.ok(e instanceof NotFoundError, String(e));
    assert.ok(e instanceof APIError);
    assert.ok(e instanceof OpenAIError);
    assert.ok(e instanceof Error);
    assert.ok(e instanceof OpenAIAdmin.NotFoundError);
    assert.equal(e.name, 'NotFoundError');
    assert.equal(e.status, 404);
    assert.equal(e.type, 'invalid_request_error');
    assert.match(e.requestID, /^req_[0-9a-f]{32}$/);
    assert.ok(e.headers instanceof Headers);
    assert.equal(e.headers.get('x-request-id'), e.requestID);
    assert.equal(e.error.message, "No group found with id 'group_missing'.");
    assert.ok(e.message.includes("No group found with id 'group_missing'."), e.message);
    assertNoKey(e, KEY);
    return true;
  });
});

test('a 400 from the server is a BadRequestError naming the field', async () => {
  await assert.rejects(org.roles.create({ role_name: 'Owner', permissions: [] }), (e) => {
    assert.ok(e instanceof BadRequestError, String(e));
    assert.equal(e.status, 400);
    assert.equal(e.param, 'role_name');
    assert.equal(e.code, 'role_name_taken');
    return true;
  });
});

test('a wrong key is an AuthenticationError that never shows the key', async () => {
  const wrongKey = 'sk-admin-wrong-0123456789';
  const wrong = new OpenAIAdmin({ adminAPIKey: wrongKey, baseURL: mock.api, maxRetries: 0 });
  await assert.rejects(wrong.admin.organization.groups.list(), (e) => {
    assert.ok(e instanceof AuthenticationError, String(e));
    assert.equal(e.status, 401);
    assert.equal(e.code, 'invalid_api_key');
    assertNoKey(e, wrongKey);
    return true;
  });
});

test('a 500 is an InternalServerError; a dropped connection an APIConnectionError; neither shows the key', async () => {
  await mock.faults([
    { path: '/v1/organization/roles', status: 500 },
    { path: '/v1/organization/users', drop: true },
  ]);
  await assert.rejects(org.roles.list(), (e) => {
    assert.ok(e instanceof InternalServerError, String(e));
    assert.equal(e.status, 500);
    assertNoKey(e, KEY);
    return true;
  });
  await assert.rejects(org.users.list(), (e) => {
    assert.ok(e instanceof APIConnectionError, String(e));
    assert.equal(e.status, undefined);
    assertNoKey(e, KEY);
    return true;
  });
});

// Refused before sending: only what cannot succeed under the schema (issue "never stricter").
const badCalls = [
  ['missing body (its required name)', () => org.groups.create(), 'name'],
  ['missing required field', () => org.groups.create({}), 'name'],
  ['number as a string field', () => org.groups.create({ name: 5 }), 'name'],
  ['empty id', () => org.groups.retrieve(''), 'group_id'],
  ['number as id', () => org.roles.retrieve(42), 'role_id'],
  ['".." as id', () => org.roles.retrieve('..'), 'role_id'],
  ['empty scoped id', () => org.groups.users.retrieve('user_1', { group_id: '' }), 'group_id'],
  ['missing scope', () => org.users.roles.delete('role_1', {}), 'user_id'],
  ['empty user id in a path', () => org.users.roles.list(''), 'user_id'],
  ['limit a string', () => org.groups.list({ limit: '5' }), 'limit'],
  ['signal not an AbortSignal', () => org.groups.list({}, { signal: 'stop' }), 'signal'],
];

for (const [what, call, param] of badCalls) {
  test(`bad input (${what}) rejects with InvalidArgumentError (a BadRequestError), param ${param}, and sends nothing`, async () => {
    await assert.rejects(Promise.resolve().then(call), (e) => {
      assert.ok(e instanceof InvalidArgumentError, `${e?.name}: ${e?.message}`);
      assert.ok(e instanceof BadRequestError);
      assert.ok(e instanceof APIError);
      assert.ok(e instanceof OpenAIError);
      assert.equal(e.name, 'InvalidArgumentError');
      assert.equal(e.param, param, e.message);
      assert.equal(e.requestID, null);
      assert.match(e.message, /not sent/);
      assertNoKey(e, KEY);
      return true;
    });
    assert.deepEqual((await mock.requests()).data, []);
  });
}

test('an invalid timeout request option rejects with OpenAIError (not an APIError), as the official SDK does, and sends nothing', async () => {
  for (const timeout of ['soon', -1]) {
    await assert.rejects(Promise.resolve().then(() => org.groups.list({}, { timeout })), (e) => {
      assert.ok(e instanceof OpenAIError, String(e));
      assert.ok(!(e instanceof APIError), `${e.name}: ${e.message}`);
      assert.match(e.message, /timeout/);
      return true;
    });
  }
  assert.deepEqual((await mock.requests()).data, []);
});

test('an invalid timeout throws OpenAIError at construction, naming the option and not the key', () => {
  for (const timeout of [-1, 1.5, 'soon']) {
    assert.throws(() => new OpenAIAdmin({ adminAPIKey: KEY, timeout }), (e) => {
      assert.ok(e instanceof OpenAIError, String(e));
      assert.match(e.message, /timeout/);
      assertNoKey(e, KEY);
      return true;
    });
  }
});
