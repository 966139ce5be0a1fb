// The server handler and the 27 project operations: every one allowed for an admin through the
// handler (the official openai SDK as the visitor), and `projectScope` keeping an identity to its
// projects: its projects' reads (and, for an admin, writes) pass, other projects and
// organization-wide operations are 403s with nothing sent, unless `organization` lists them.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { ADMIN, ADMIN_TOKEN, JSON_TYPE, VIEWER, VIEWER_TOKEN, startServerStack } from './harness.mjs';
import { EVERY_PROJECT_OPERATION, runEveryProjectOperation } from '../support/project-operations.mjs';

let stack;
before(async () => {
  stack = await startServerStack();
});
after(async () => {
  await stack?.close();
});
beforeEach(async () => {
  await stack.mock.reset();
});

test('all 27 project operations are allowed for an admin, through the handler', async () => {
  const h = stack.handler();
  const origin = await stack.serve(h.recorded);
  const client = new OpenAI({ adminAPIKey: ADMIN_TOKEN, apiKey: 'unused', baseURL: `${origin}/v1`, maxRetries: 0 });
  const { ran } = await runEveryProjectOperation(client.admin.organization);
  assert.deepEqual(ran, EVERY_PROJECT_OPERATION);
  const ok = new Set(h.events.filter((e) => e.status === 200).map((e) => e.operation));
  for (const op of EVERY_PROJECT_OPERATION) assert.ok(ok.has(op), `${op} audited as a 200`);
  const archive = h.events.find((e) => e.operation === 'projects.archive');
  assert.match(archive.ids.project_id, /^proj_/);
});

test('projectScope: a viewer reads only its projects, an admin writes only there, organization reads only when listed', async () => {
  const { lib } = stack;
  // The demo projects' ids, read through an unscoped handler.
  const open = stack.handler();
  const list = await open.recorded(new Request('http://x/v1/organization/projects?limit=100', { headers: ADMIN }));
  const [mine, other] = (await list.json()).data;
  const tokens = lib.bearerTokens([
    { token: ADMIN_TOKEN, user: 'ada@example.com', role: 'admin' },
    { token: VIEWER_TOKEN, user: 'grace@example.com', role: 'viewer' },
  ]);
  const byUser = { 'ada@example.com': [mine.id], 'grace@example.com': [mine.id] };
  const scoped = stack.handler({
    authorize: lib.projectScope(tokens, { projects: (who) => byUser[who.user] ?? [], organization: ['users.list'] }),
  });
  const call = async (headers, method, path, body) => {
    await stack.mock.clearRequests();
    const res = await scoped.recorded(new Request(`http://x/v1${path}`, { method, headers: body ? { ...headers, ...JSON_TYPE } : headers, body }));
    const sent = (await stack.upstreamRequests()).length;
    return { status: res.status, sent, json: await res.json().catch(() => null) };
  };
  // Its own project: reads pass for the viewer.
  assert.equal((await call(VIEWER, 'GET', `/organization/projects/${mine.id}`)).status, 200);
  assert.equal((await call(VIEWER, 'GET', `/organization/projects/${mine.id}/users`)).status, 200);
  assert.equal((await call(VIEWER, 'GET', `/projects/${mine.id}/roles`)).status, 200);
  // ...writes do not (the inner authorizer's rule stands), and nothing is sent.
  const write = await call(VIEWER, 'POST', `/projects/${mine.id}/roles`, JSON.stringify({ role_name: 'x', permissions: [] }));
  assert.deepEqual([write.status, write.sent], [403, 0]);
  // Another project: 403, nothing sent, in the API's error format.
  const elsewhere = await call(VIEWER, 'GET', `/organization/projects/${other.id}/users`);
  assert.deepEqual([elsewhere.status, elsewhere.sent], [403, 0]);
  assert.match(elsewhere.json.error.message, /may not use project/);
  assert.equal((await call(VIEWER, 'GET', `/projects/${other.id}/groups/g/roles`)).status, 403);
  // Organization-wide: only what `organization` lists.
  assert.equal((await call(VIEWER, 'GET', '/organization/users?limit=2')).status, 200);
  assert.equal((await call(VIEWER, 'GET', '/organization/projects')).status, 403);
  assert.equal((await call(VIEWER, 'GET', '/organization/groups')).status, 403);
  // A scoped admin writes in its project, not elsewhere, and creates no project.
  assert.equal((await call(ADMIN, 'POST', `/projects/${mine.id}/roles`, JSON.stringify({ role_name: 'Scoped', permissions: [] }))).status, 200);
  assert.equal((await call(ADMIN, 'POST', `/projects/${other.id}/roles`, JSON.stringify({ role_name: 'Scoped', permissions: [] }))).status, 403);
  assert.equal((await call(ADMIN, 'POST', '/organization/projects', JSON.stringify({ name: 'New' }))).status, 403);
  // The audit event names who was refused.
  const refused = scoped.events.filter((e) => e.status === 403);
  assert.ok(refused.length >= 6);
  assert.ok(refused.every((e) => e.who && typeof e.who.user === 'string'));
  // No token: 401 still.
  assert.equal((await call({}, 'GET', `/organization/projects/${mine.id}`)).status, 401);
  // '*' is every project and the whole organization.
  const all = stack.handler({ authorize: lib.projectScope(tokens, { projects: () => '*' }) });
  const res = await all.recorded(new Request(`http://x/v1/organization/projects/${other.id}/users`, { headers: VIEWER }));
  assert.equal(res.status, 200);
  assert.throws(() => lib.projectScope(tokens, {}), TypeError);
});
