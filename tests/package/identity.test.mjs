// The APIPromise's identities, as the official SDK keeps them, for all 26 operations: one request
// per call; `.asResponse()` and `.withResponse()` give the same `Response`; `await`, `.then` and
// `.withResponse()` the same result object (a page for lists), whichever is asked first. The same
// scenario runs with `openai` (7.57.0) and with this package against the mock, reset in between.

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

/** How a caller may consume one call's promise: the order of `asResponse`, `withResponse`, `await`. */
const PATTERNS = {
  async asResponseFirst(p) {
    const raw = await p.asResponse();
    const unread = !raw.bodyUsed;
    const { data, response, request_id } = await p.withResponse();
    const awaited = await p;
    return { unread, sameResponse: raw === response, sameData: data === awaited, requestID: request_id === raw.headers.get('x-request-id') };
  },
  async awaitFirst(p) {
    const awaited = await p;
    const { data, response } = await p.withResponse();
    const raw = await p.asResponse();
    const again = await p.then((x) => x);
    return { sameResponse: raw === response, sameData: data === awaited && again === awaited, data: awaited };
  },
  async withResponseFirst(p) {
    const [first, second] = await Promise.all([p.withResponse(), p.withResponse()]);
    const raw = await p.asResponse();
    const awaited = await p;
    return { sameResponse: raw === first.response && first.response === second.response, sameData: first.data === awaited && second.data === awaited };
  },
};
const NAMES = Object.keys(PATTERNS);

/**
 * Runs `call(i)` once per pattern (i = 0, 1, 2: three targets where the operation changes
 * something), recording each pattern's identities and how many requests the mock saw.
 */
async function probe(report, label, call) {
  const results = [];
  for (const [i, name] of NAMES.entries()) {
    await mock.clearRequests();
    const p = call(i);
    const { data, ...identities } = await PATTERNS[name](p);
    const requests = (await mock.requests()).data.length;
    report[`${label} ${name}`] = { ...identities, requests };
    results.push(data ?? (await p));
  }
  return results;
}

/** Every operation, each under every pattern, written once against `client.admin.organization`. */
async function scenario(org) {
  const report = {};
  const names = ['A', 'B', 'C'];
  await probe(report, 'groups.list', () => org.groups.list({ limit: 3 }));
  const groups = await probe(report, 'groups.create', (i) => org.groups.create({ name: `Identity ${names[i]}` }));
  await probe(report, 'groups.retrieve', (i) => org.groups.retrieve(groups[i].id));
  await probe(report, 'groups.update', (i) => org.groups.update(groups[i].id, { name: `Identity ${names[i]}2` }));

  const [users] = await probe(report, 'users.list', () => org.users.list({ limit: 20 }));
  const readers = users.data.filter((u) => u.role === 'reader').slice(0, 3);
  assert.equal(readers.length, 3, 'the seed has three readers');
  await probe(report, 'users.retrieve', (i) => org.users.retrieve(readers[i].id));
  await probe(report, 'users.update', (i) => org.users.update(readers[i].id, { role: 'reader' }));

  await probe(report, 'groups.users.create', (i) => org.groups.users.create(groups[i].id, { user_id: readers[i].id }));
  await probe(report, 'groups.users.list', (i) => org.groups.users.list(groups[i].id));
  await probe(report, 'groups.users.retrieve', (i) => org.groups.users.retrieve(readers[i].id, { group_id: groups[i].id }));
  await probe(report, 'groups.users.delete', (i) => org.groups.users.delete(readers[i].id, { group_id: groups[i].id }));

  const roles = await probe(report, 'roles.create', (i) => org.roles.create({ role_name: `Identity role ${names[i]}`, permissions: [] }));
  await probe(report, 'roles.list', () => org.roles.list({ limit: 5 }));
  await probe(report, 'roles.retrieve', (i) => org.roles.retrieve(roles[i].id));
  await probe(report, 'roles.update', (i) => org.roles.update(roles[i].id, { role_name: `Identity role ${names[i]}2` }));

  await probe(report, 'groups.roles.create', (i) => org.groups.roles.create(groups[i].id, { role_id: roles[i].id }));
  await probe(report, 'groups.roles.list', (i) => org.groups.roles.list(groups[i].id));
  await probe(report, 'groups.roles.retrieve', (i) => org.groups.roles.retrieve(roles[i].id, { group_id: groups[i].id }));
  await probe(report, 'groups.roles.delete', (i) => org.groups.roles.delete(roles[i].id, { group_id: groups[i].id }));

  await probe(report, 'users.roles.create', (i) => org.users.roles.create(readers[i].id, { role_id: roles[i].id }));
  await probe(report, 'users.roles.list', (i) => org.users.roles.list(readers[i].id));
  await probe(report, 'users.roles.retrieve', (i) => org.users.roles.retrieve(roles[i].id, { user_id: readers[i].id }));
  await probe(report, 'users.roles.delete', (i) => org.users.roles.delete(roles[i].id, { user_id: readers[i].id }));

  await probe(report, 'roles.delete', (i) => org.roles.delete(roles[i].id));
  await probe(report, 'groups.delete', (i) => org.groups.delete(groups[i].id));
  await probe(report, 'users.delete', (i) => org.users.delete(readers[i].id));
  return report;
}

test('asResponse, withResponse and await: one request, the same Response and the same result, for all 26 operations, as in the official SDK', async () => {
  await mock.reset();
  const official = await scenario(new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0 }).admin.organization);
  await mock.reset();
  const ours = await scenario(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 }).admin.organization);

  const operations = new Set(Object.keys(official).map((k) => k.split(' ')[0]));
  assert.equal(operations.size, 26);
  // What the official SDK does, spelled out, so that a change on either side shows.
  for (const [key, identities] of Object.entries(official)) {
    assert.equal(identities.requests, 1, `official ${key}: one request`);
    assert.equal(identities.sameResponse, true, `official ${key}: the same Response`);
    assert.equal(identities.sameData, true, `official ${key}: the same result`);
  }
  assert.deepEqual(ours, official);
});

test('a call whose raw response came first and failed: asResponse and await reject with the same error, after one request', async () => {
  const results = [];
  for (const org of [
    new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0 }).admin.organization,
    new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 }).admin.organization,
  ]) {
    await mock.clearRequests();
    const p = org.groups.retrieve('group_missing');
    const raw = await p.asResponse().catch((e) => e);
    const awaited = await p.then(
      () => 'resolved',
      (e) => e,
    );
    const requests = (await mock.requests()).data.length;
    results.push({ name: raw.constructor.name, same: raw === awaited, status: raw.status, requests });
  }
  assert.deepEqual(results[0], { name: 'NotFoundError', same: true, status: 404, requests: 1 });
  assert.deepEqual(results[1], results[0]);
});
