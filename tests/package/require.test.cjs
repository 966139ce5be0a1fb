// The CommonJS entry: `require('openai-admin-wasm')` from the installed package.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const OpenAIAdmin = require('openai-admin-wasm');
const { NotFoundError, InvalidArgumentError, APIError } = require('openai-admin-wasm');

let mock;
let org;

before(async () => {
  const { startMock, KEY } = await import('../support/mock.mjs');
  mock = await startMock();
  org = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 }).admin.organization;
});
after(() => mock?.stop());

test('require() gives the class, with .default, .OpenAIAdmin and the error classes attached', () => {
  assert.equal(typeof OpenAIAdmin, 'function');
  assert.equal(OpenAIAdmin.default, OpenAIAdmin);
  assert.equal(OpenAIAdmin.OpenAIAdmin, OpenAIAdmin);
  assert.equal(OpenAIAdmin.NotFoundError, NotFoundError);
  assert.equal(typeof NotFoundError, 'function');
  assert.ok(new NotFoundError({ message: 'x' }) instanceof APIError);
  assert.equal(require.resolve('openai-admin-wasm').endsWith('/dist/node.cjs'), true);
});

test('calls work and errors are instances of the required classes', async () => {
  const page = await org.groups.list({ limit: 3 });
  assert.equal(page.data.length, 3);
  assert.match(page._request_id, /^req_/);
  let count = 0;
  for await (const group of org.groups.list({ limit: 5 })) {
    assert.match(group.id, /^group_/);
    count++;
  }
  assert.equal(count, 12);
  const group = await org.groups.create({ name: 'From CommonJS' });
  assert.equal(group.name, 'From CommonJS');
  await assert.rejects(org.groups.retrieve('group_missing'), (e) => {
    assert.ok(e instanceof NotFoundError, String(e));
    assert.ok(e instanceof OpenAIAdmin.NotFoundError);
    assert.equal(e.status, 404);
    return true;
  });
  await assert.rejects(org.groups.list({ limit: 'x' }), (e) => e instanceof InvalidArgumentError && e.param === 'limit');
});

test('the CommonJS and ES module entries load one wasm each but agree on shapes', async () => {
  const esm = await import('openai-admin-wasm');
  // Two entry points are two module instances in one process (the dual-package hazard): the
  // classes differ, the names and behaviour do not.
  assert.equal(esm.default.name, OpenAIAdmin.name);
  // Every named export of the ES module is on the required class (which also has its statics).
  const cjsKeys = new Set(Object.keys(OpenAIAdmin));
  for (const key of Object.keys(esm)) if (key !== 'default') assert.ok(cjsKeys.has(key), key);
});
