// The 27 project operations drop-in: the same program (tests/support/project-operations.mjs) run
// with the official SDK and with this package against the same freshly reset mock, the results
// (pages read whole) and the requests the mock received compared; then the page classes, the
// params objects that hold a path parameter, and the errors, each against the official SDK.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import OpenAIAdmin from 'openai-admin-wasm';
import { startMock, KEY } from '../support/mock.mjs';
import { EVERY_PROJECT_OPERATION, runEveryProjectOperation, withoutTimes } from '../support/project-operations.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.stop());
beforeEach(() => mock.reset());

const clients = () => [
  ['official', new OpenAI({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 })],
  ['package', new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 })],
];

/** The requests the mock received since the last reset: method, path, query and body. */
async function requests() {
  return (await mock.requests()).data.map((r) => ({ method: r.method, path: r.path, query: r.query ?? null, body: r.body ? JSON.parse(r.body) : null }));
}

test('all 27 operations give the official results from the same requests', async () => {
  const runs = {};
  for (const [who, client] of clients()) {
    await mock.reset();
    const { ran, results } = await runEveryProjectOperation(client.admin.organization);
    assert.deepEqual(ran, EVERY_PROJECT_OPERATION, who);
    runs[who] = { results: withoutTimes(results), requests: await requests() };
  }
  for (const name of EVERY_PROJECT_OPERATION) {
    assert.deepEqual(runs.package.results[name], runs.official.results[name], name);
  }
  assert.deepEqual(runs.package.requests, runs.official.requests);
  // The path parameters in the params objects went into the paths, not into bodies or queries.
  const official = runs.official.requests;
  assert.ok(official.some((r) => r.method === 'POST' && /^\/v1\/projects\/proj_[^/]+\/users\/user_[^/]+\/roles$/.test(r.path) && !('project_id' in r.body)));
  assert.ok(official.every((r) => !(r.query ?? '').includes('project_id')));
});

test('page classes and their cursors are the official ones', async () => {
  for (const [who, client] of clients()) {
    const org = client.admin.organization;
    const projects = await org.projects.list({ limit: 2 });
    assert.equal(projects.constructor.name, 'ConversationCursorPage', who);
    assert.equal(projects.hasNextPage(), true, who);
    const next = await projects.getNextPage();
    assert.equal(next.data[0].id > projects.data.at(-1).id, true, who);
    const id = projects.data[1].id;
    const users = await org.projects.users.list(id, { limit: 1 });
    assert.equal(users.constructor.name, 'ConversationCursorPage', who);
    const groups = await org.projects.groups.list(id, { limit: 1 });
    assert.equal(groups.constructor.name, 'NextCursorPage', who);
    assert.equal(groups.hasNextPage(), true, who);
    const roles = await org.projects.roles.list(id, { limit: 2 });
    assert.equal(roles.constructor.name, 'NextCursorPage', who);
    const userRoles = await org.projects.users.roles.list(users.data[0].id, { project_id: id });
    assert.equal(userRoles.constructor.name, 'NextCursorPage', who);
  }
});

test('the same errors as the official SDK: a missing project_id, an unknown project, an archived one', async () => {
  const outcome = async (fn) => {
    try {
      const value = await fn();
      return { ok: typeof value };
    } catch (e) {
      return { name: e.constructor.name, status: e.status ?? null, code: e.code ?? null };
    }
  };
  const seen = {};
  for (const [who, client] of clients()) {
    await mock.reset();
    const org = client.admin.organization;
    const archived = (await org.projects.list({ include_archived: true, limit: 100 })).data.find((p) => p.status === 'archived');
    seen[who] = [
      await outcome(() => org.projects.retrieve('proj_nope')),
      await outcome(() => org.projects.users.list(archived.id)),
      await outcome(() => org.projects.users.create(archived.id, { user_id: 'user_x', role: 'member' })),
      await outcome(() => org.projects.users.update('user_x', { project_id: archived.id, role: 'owner' })),
    ];
  }
  assert.deepEqual(seen.package, seen.official);
  assert.deepEqual(seen.package.map((o) => o.status), [404, 400, 404, 404]);
  // Without the project, both refuse before sending: the official SDK with an `OpenAIError` about
  // the path, this package with a `BadRequestError` naming the argument (as for every missing id).
  for (const [who, client] of clients()) {
    await mock.clearRequests();
    // The official SDK throws as the method is called; this package rejects.
    const err = await (async () => client.admin.organization.projects.users.retrieve('user_x', {}))().catch((e) => e);
    assert.ok(err instanceof OpenAI.OpenAIError || err instanceof OpenAIAdmin.OpenAIError, `${who}: ${err}`);
    if (who === 'package') {
      assert.ok(err instanceof OpenAIAdmin.BadRequestError, String(err));
      assert.match(err.message, /project_id/);
    }
    assert.equal((await mock.requests()).data.length, 0, who);
  }
});
