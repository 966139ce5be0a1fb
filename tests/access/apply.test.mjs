// applyPlan against the mock, on plans written out as the access core writes them: dependency
// order and `{ from: i }` ids, outcomes (done, failed with the error, skipped), no duplicate after
// an ambiguous create, a removal of what is already gone, stopOnError and abort.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { OpenAIAdmin } from '../../pkg/dist/node.js';
import { applyPlan, retryPlan } from '../../pkg/dist/access/node.js';

let mock;
let client;
before(async () => {
  mock = await startMock({ seed: 'demo' });
  client = new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: mock.api, maxRetries: 2 });
});
after(() => mock.stop());
beforeEach(() => mock.reset());

const list = async (path) => (await mock.call('GET', `/v1/organization/${path}${path.includes('?') ? '&' : '?'}limit=1000`)).data;
const userId = async (email) => (await mock.call('GET', `/v1/organization/users?emails[]=${encodeURIComponent(email)}`)).data[0].id;
const groupsNamed = async (name) => (await list('groups')).filter((g) => g.name === name);

/** Create group Ops, add two people to it, give it a role: 1 and 2 depend on 0. */
async function newGroupPlan(name = 'Ops Team') {
  const ada = await userId('ada.lovelace@example.com');
  const grace = await userId('grace.hopper@example.com');
  const role = (await list('roles')).find((r) => r.name === 'User Auditor').id;
  return {
    operations: [
      { operation: 'groups.create', ids: {}, body: { name }, summary: `create group ${name}`, change: '+', dependsOn: [] },
      { operation: 'groups.users.create', ids: { group_id: { from: 0 } }, body: { user_id: ada }, summary: `add ada to ${name}`, change: '+', dependsOn: [0] },
      { operation: 'groups.users.create', ids: { group_id: { from: 0 } }, body: { user_id: grace }, summary: `add grace to ${name}`, change: '+', dependsOn: [0] },
      { operation: 'groups.roles.create', ids: { group_id: { from: 0 } }, body: { role_id: role }, summary: `assign User Auditor to ${name}`, change: '+', dependsOn: [0] },
    ],
    blocked: [],
    unmanaged: [],
  };
}

test('runs operations in dependency order, resolving { from } ids', async () => {
  const plan = await newGroupPlan();
  const progress = [];
  const outcomes = await applyPlan(client, plan, { onProgress: (p) => progress.push(p) });
  assert.deepEqual(outcomes.map((o) => o.status), ['done', 'done', 'done', 'done']);
  const [g] = await groupsNamed('Ops Team');
  assert.equal(outcomes[0].result.id, g.id);
  assert.equal((await list(`groups/${g.id}/users`)).length, 2);
  assert.deepEqual((await list(`groups/${g.id}/roles`)).map((r) => r.name), ['User Auditor']);
  assert.equal(progress.at(-1).phase, 'done');
  assert.equal(progress.filter((p) => p.outcome).length, 4);
  const log = (await mock.requests()).data.filter((e) => e.method === 'POST');
  assert.equal(log[0].path, '/v1/organization/groups', 'the create went first');
});

test('a failed create skips what depends on it; the error is in the outcome', async () => {
  const plan = await newGroupPlan();
  await mock.faults([{ method: 'POST', path: '/v1/organization/groups', status: 400, count: 1 }]);
  const outcomes = await applyPlan(client, plan);
  assert.equal(outcomes[0].status, 'failed');
  assert.equal(outcomes[0].error.status, 400);
  assert.deepEqual(outcomes.slice(1).map((o) => o.status), ['skipped', 'skipped', 'skipped']);
  assert.match(outcomes[1].reason, /operation 0/);
  assert.equal((await groupsNamed('Ops Team')).length, 0);
});

test('an ambiguous create (answer cut, then 5xx) is listed before it is retried: one group', async () => {
  const plan = await newGroupPlan('Ambiguous');
  await mock.faults([
    { method: 'POST', path: '/v1/organization/groups', drop_mid_body: true, count: 1 },
  ]);
  const outcomes = await applyPlan(client, plan);
  assert.deepEqual(outcomes.map((o) => o.status), ['done', 'done', 'done', 'done']);
  assert.equal(outcomes[0].alreadyDone, true, 'found by listing');
  assert.equal((await groupsNamed('Ambiguous')).length, 1);
  const posts = (await mock.requests()).data.filter((e) => e.method === 'POST' && e.path === '/v1/organization/groups');
  assert.equal(posts.length, 1, 'not sent again');
});

test('a create that failed before reaching the server (503, dropped) is sent again after listing', async () => {
  const plan = await newGroupPlan('Retried');
  await mock.faults([
    { method: 'POST', path: '/v1/organization/groups', status: 503, count: 1, retry_after_ms: '10' },
    { method: 'POST', path: '/v1/organization/groups', drop: true, count: 1 },
  ]);
  const outcomes = await applyPlan(client, plan);
  assert.equal(outcomes[0].status, 'done');
  assert.equal(outcomes[0].alreadyDone, undefined);
  const lists = (await mock.requests()).data.filter((e) => e.method === 'GET' && e.path === '/v1/organization/groups');
  assert.equal(lists.length, 2, 'listed after each ambiguous failure');
  assert.equal((await groupsNamed('Retried')).length, 1);
});

test('a removal of what is already gone is done; removals run after additions', async () => {
  const eng = (await list('groups')).find((g) => g.name === 'Engineering').id;
  const members = await list(`groups/${eng}/users`);
  const plan = {
    operations: [
      { operation: 'groups.users.delete', ids: { group_id: eng, user_id: members[0].id }, body: null, summary: 'remove', change: '-', dependsOn: [] },
      { operation: 'groups.users.delete', ids: { group_id: eng, user_id: members[0].id }, body: null, summary: 'remove again', change: '-', dependsOn: [0] },
      { operation: 'groups.update', ids: { group_id: eng }, body: { name: 'Engineering 2' }, summary: 'rename', change: '~', dependsOn: [] },
    ],
    blocked: [],
    unmanaged: [],
  };
  const outcomes = await applyPlan(client, plan);
  assert.deepEqual(outcomes.map((o) => o.status), ['done', 'done', 'done']);
  assert.equal(outcomes[1].alreadyDone, true);
  const writes = (await mock.requests()).data.filter((e) => e.method !== 'GET');
  assert.deepEqual(writes.map((e) => e.method), ['POST', 'DELETE', 'DELETE']);
});

test('stopOnError skips what was not started; abort skips the rest', async () => {
  const eng = (await list('groups')).find((g) => g.name === 'Engineering').id;
  const op = (name) => ({ operation: 'groups.update', ids: { group_id: eng }, body: { name }, summary: name, change: '~', dependsOn: [] });
  const bad = { operation: 'groups.update', ids: { group_id: 'group_nope' }, body: { name: 'x' }, summary: 'bad', change: '~', dependsOn: [] };
  const outcomes = await applyPlan(client, { operations: [bad, op('A'), op('B')], blocked: [], unmanaged: [] }, { concurrency: 1, stopOnError: true });
  assert.deepEqual(outcomes.map((o) => o.status), ['failed', 'skipped', 'skipped']);
  assert.equal(outcomes[0].error.status, 404);
  const ac = new AbortController();
  ac.abort();
  const aborted = await applyPlan(client, { operations: [op('C')], blocked: [], unmanaged: [] }, { signal: ac.signal });
  assert.deepEqual(aborted.map((o) => o.status), ['skipped']);
  await assert.rejects(applyPlan(client, {}), TypeError);
});

test('retryPlan: a failed operation is sent again alone, with the id of the group created before; nothing done is re-sent', async () => {
  const plan = await newGroupPlan('Retry Team');
  // The first member addition fails: a 409 on every attempt (the client retries a 409 twice).
  await mock.faults([{ method: 'POST', path: '/v1/organization/groups/', status: 409, count: 3 }]);
  const first = await applyPlan(client, plan, { concurrency: 1 });
  assert.deepEqual(first.map((o) => o.status), ['done', 'failed', 'done', 'done']);
  assert.equal(first[1].error.status, 409);
  const failed = [1];
  const [g] = await groupsNamed('Retry Team');
  const retry = retryPlan(plan, first, failed);
  assert.equal(retry.operations.length, 1);
  assert.deepEqual(retry.operations[0].ids, { group_id: g.id }, 'the created group id is filled in');
  assert.deepEqual(retry.operations[0].dependsOn, []);
  await mock.clearRequests();
  const again = await applyPlan(client, retry);
  assert.deepEqual(again.map((o) => o.status), ['done']);
  const posts = (await mock.requests()).data.filter((e) => e.method !== 'GET');
  assert.equal(posts.length, 1, 'one request: only the retried operation');
  assert.equal((await list(`groups/${g.id}/users`)).length, 2);
  assert.equal((await groupsNamed('Retry Team')).length, 1);
  // What succeeded is refused; so is an operation whose create did not succeed, and one outside the plan.
  assert.throws(() => retryPlan(plan, first, [0]), RangeError);
  assert.throws(() => retryPlan(plan, first, [9]), RangeError);
  const skipped = [{ status: 'failed', error: new Error('x') }, { status: 'skipped', reason: 'operation 0' }, { status: 'skipped', reason: 'operation 0' }, { status: 'skipped', reason: 'operation 0' }];
  assert.throws(() => retryPlan(plan, skipped, [1]), /needs operation 0 \(create group Retry Team\)/);
  // Chosen together, the create and what depends on it keep their order, renumbered.
  const both = retryPlan(plan, skipped, [2, 0]);
  assert.deepEqual(both.operations.map((o) => o.summary), ['create group Retry Team', 'add grace to Retry Team']);
  assert.deepEqual(both.operations[0].ids, {});
  assert.deepEqual(both.operations[1].ids, { group_id: { from: 0 } });
  assert.deepEqual(both.operations[1].dependsOn, [0]);
});
