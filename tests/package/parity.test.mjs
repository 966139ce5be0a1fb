// Parity with the official SDK: one scenario run with `openai` (7.57.0) and with this package
// against the same mock, reset in between (ids are deterministic after a reset; only the wall-clock
// timestamps of records created by the scenario differ). Results, errors and the requests the
// server saw must match.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import OpenAIAdmin from 'openai-admin-wasm';
import { startMock, KEY } from '../support/mock.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.stop());

// The fields the official page classes keep (`CursorPage`: data, has_more, next;
// `ConversationCursorPage`: data, has_more, last_id). This package's pages also keep the rest of
// the body (`object`, `first_id`), a superset checked in pagination.test.mjs.
const PAGE_FIELDS = ['data', 'has_more', 'next', 'last_id'];
/** The response fields of a page, whichever class holds them. */
const pageFields = (page) => Object.fromEntries(PAGE_FIELDS.filter((k) => k in page).map((k) => [k, page[k]]));

/** JSON round trip (drops prototypes), with timestamps from this run replaced by a marker. */
function normalize(value) {
  const recent = Date.now() / 1000 - 24 * 3600;
  return JSON.parse(JSON.stringify(value), (key, v) =>
    ['created_at', 'updated_at', 'added_at', 'created'].includes(key) && typeof v === 'number' && v > recent ? '<now>' : v,
  );
}

/** What an error says, in the fields both SDKs share. */
function describeError(e) {
  return {
    class: e.constructor.name,
    isError: e instanceof Error,
    status: e.status,
    type: e.type,
    code: e.code,
    param: e.param,
    error: e.error,
    requestIDShape: /^req_[0-9a-f]{32}$/.test(e.requestID ?? ''),
  };
}

/** The scenario, written once against `client.admin.organization` of either SDK. */
async function scenario(org) {
  const out = {};
  out.groups = pageFields(await org.groups.list({ limit: 5 }));
  const allGroups = [];
  for await (const g of org.groups.list({ limit: 4, order: 'desc' })) allGroups.push(g);
  out.allGroups = allGroups;
  const group = await org.groups.create({ name: 'Parity' });
  out.created = group;
  const users = await org.users.list({ limit: 3 });
  out.users = pageFields(users);
  const user = users.data[1];
  out.member = await org.groups.users.create(group.id, { user_id: user.id });
  out.members = pageFields(await org.groups.users.list(group.id));
  out.memberRetrieved = await org.groups.users.retrieve(user.id, { group_id: group.id });
  const roles = await org.roles.list();
  out.roles = pageFields(roles);
  const auditor = roles.data.find((r) => r.name === 'User Auditor');
  out.assigned = await org.groups.roles.create(group.id, { role_id: auditor.id });
  out.groupRoles = pageFields(await org.groups.roles.list(group.id));
  out.groupRole = await org.groups.roles.retrieve(auditor.id, { group_id: group.id });
  out.user = await org.users.retrieve(user.id);
  out.userUpdated = await org.users.update(user.id, { role: 'owner' });
  out.userRole = await org.users.roles.create(user.id, { role_id: auditor.id });
  out.userRoles = pageFields(await org.users.roles.list(user.id));
  out.filtered = pageFields(await org.users.list({ emails: ['ada.lovelace@example.com'] }));
  out.renamed = await org.groups.update(group.id, { name: 'Parity 2' });
  out.deleted = await org.groups.delete(group.id);
  out.notFound = await org.groups.retrieve(group.id).then(
    () => 'resolved',
    (e) => describeError(e),
  );
  out.badRequest = await org.roles.create({ role_name: 'Owner', permissions: [] }).then(
    () => 'resolved',
    (e) => describeError(e),
  );
  return out;
}

async function serverSaw() {
  return (await mock.requests()).data.map((r) => ({
    method: r.method,
    path: r.path,
    query: r.query === null ? null : [...new URLSearchParams(r.query)].sort(),
    body: r.body === null || r.body === '' ? null : JSON.parse(r.body),
    contentType: r.headers['content-type'] ?? null,
    authorization: r.headers.authorization,
  }));
}

test('the same scenario gives the same results, errors and requests with both SDKs', async () => {
  await mock.reset();
  const official = new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0 });
  const expected = normalize(await scenario(official.admin.organization));
  const expectedRequests = await serverSaw();

  await mock.reset();
  const ours = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 });
  const actual = normalize(await scenario(ours.admin.organization));
  const actualRequests = await serverSaw();

  assert.equal(expected.notFound.class, 'NotFoundError');
  assert.equal(expected.badRequest.class, 'BadRequestError');
  assert.deepEqual(actual, expected);
  assert.deepEqual(actualRequests, expectedRequests);
});

test('error messages carry the server message as the official SDK does', async () => {
  const official = new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0 });
  const ours = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 });
  const messages = [];
  for (const client of [official, ours]) {
    await client.admin.organization.roles.retrieve('role_missing').catch((e) => messages.push(e.message));
  }
  assert.equal(messages.length, 2);
  assert.equal(messages[1], messages[0]);
});
