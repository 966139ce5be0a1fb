// The official call shape, generated into operations.ts (`callShape`, `callArguments`, `methodOf`)
// and used by the command line, `applyPlan`, the access loader and the server handler: each of the
// 26 operations called through it on the official SDK reaches the route the table names.
//
// CLI_PKG=dir tests that package directory instead of a private copy of pkg/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import OpenAI from 'openai';
import { setupCli } from './harness.mjs';

let h;
let ops;
before(async () => {
  h = await setupCli();
  ops = await import(pathToFileURL(path.join(h.pkg, 'dist', 'operations.js')).href);
});
after(() => h?.stop());

test('the shape: the last path id first, the other ids and the fields in one object when there is an input or more than one id', () => {
  const op = (name) => ops.operation(name);
  assert.deepEqual(ops.callArguments(op('groups.list'), {}, { limit: 5 }), [{ limit: 5 }]);
  assert.deepEqual(ops.callArguments(op('groups.retrieve'), { group_id: 'g' }, {}), ['g']);
  assert.deepEqual(ops.callArguments(op('groups.update'), { group_id: 'g' }, { name: 'n' }), ['g', { name: 'n' }]);
  assert.deepEqual(ops.callArguments(op('groups.users.delete'), { group_id: 'g', user_id: 'u' }), ['u', { group_id: 'g' }]);
  assert.deepEqual(ops.callShape(op('groups.users.delete'), { group_id: 'g', user_id: 'u' }), { id: 'u', params: { group_id: 'g' } });
  assert.deepEqual(ops.callShape(op('users.delete'), { user_id: 'u' }), { id: 'u', params: undefined });
  assert.throws(() => ops.methodOf({ groups: {} }, 'groups.nope'), { name: 'TypeError', message: 'the client has no admin.organization.groups.nope()' });
});

test('every operation called in that shape on the official SDK sends the method and path of its row', async () => {
  const sent = [];
  const fetch = async (url, init) => {
    sent.push(`${init.method} ${new URL(url).pathname}`);
    return new Response('{"object":"list","data":[],"has_more":false}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = new OpenAI({ adminAPIKey: 'sk-admin-x', apiKey: 'unused', baseURL: 'http://127.0.0.1:9/v1', fetch, maxRetries: 0 });
  for (const op of ops.OPERATIONS) {
    sent.length = 0;
    const ids = Object.fromEntries(op.pathParams.map((p) => [p.name, `${p.name}_1`]));
    const fields = op.input === 'body' ? Object.fromEntries(op.fields.filter((f) => f.required).map((f) => [f.name, f.type === 'string[]' ? [] : 'x'])) : {};
    const result = ops.methodOf(client.admin.organization, op.name)(...ops.callArguments(op, ids, fields));
    if (op.cursor) for await (const _ of result) break;
    else await result;
    const expected = op.path.replace(/\{(\w+)\}/g, (_, name) => ids[name]);
    assert.deepEqual(sent, [`${op.method} /v1${expected}`], op.name);
  }
});
