// The browser-key guard, with a browser simulated in Node: `window`, `document` and `navigator`
// on globalThis (Node 20 has no `navigator`; Node 21+ has one, so it is saved and restored too).
// As in a browser, `window` is the global object itself: the wasm side finds the global through
// `self`, then `window`, then `globalThis` (js-sys), so a bare `window = {}` would hide the rest.

import { describe, test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import OpenAIAdmin, { OpenAIError, AuthenticationError } from 'openai-admin-wasm';
import { startMock, KEY } from '../support/mock.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.stop());

describe('in a simulated browser', () => {
  const names = ['window', 'document', 'navigator'];
  let saved;
  let savedEnv;
  beforeEach(() => {
    saved = names.map((name) => Object.getOwnPropertyDescriptor(globalThis, name));
    const values = { window: globalThis, document: {}, navigator: { userAgent: 'simulated' } };
    for (const name of names) {
      Object.defineProperty(globalThis, name, { value: values[name], configurable: true, writable: true });
    }
    savedEnv = process.env.OPENAI_ADMIN_KEY;
    delete process.env.OPENAI_ADMIN_KEY;
  });
  afterEach(() => {
    names.forEach((name, i) => {
      if (saved[i]) Object.defineProperty(globalThis, name, saved[i]);
      else delete globalThis[name];
    });
    if (savedEnv === undefined) delete process.env.OPENAI_ADMIN_KEY;
    else process.env.OPENAI_ADMIN_KEY = savedEnv;
  });

  test('a key in a browser throws, naming dangerouslyAllowBrowser and not the key', () => {
    const secret = 'sk-admin-browser-secret-42';
    assert.throws(() => new OpenAIAdmin({ adminAPIKey: secret, baseURL: mock.api }), (e) => {
      assert.ok(e instanceof OpenAIError, String(e));
      assert.match(e.message, /dangerouslyAllowBrowser/);
      assert.ok(!e.message.includes(secret));
      assert.ok(!String(e.stack).includes(secret));
      return true;
    });
  });

  test('a key from OPENAI_ADMIN_KEY in a browser-like global is refused too', () => {
    process.env.OPENAI_ADMIN_KEY = 'sk-admin-env-secret';
    assert.throws(() => new OpenAIAdmin({ baseURL: mock.api }), (e) => {
      assert.match(e.message, /dangerouslyAllowBrowser/);
      assert.ok(!e.message.includes('sk-admin-env-secret'));
      return true;
    });
  });

  test('with dangerouslyAllowBrowser: true the key is accepted and used', async () => {
    const client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, dangerouslyAllowBrowser: true, maxRetries: 0 });
    const page = await client.admin.organization.groups.list({ limit: 1 });
    assert.equal(page.data.length, 1);
  });

  test('with no key the constructor throws Missing credentials, as the official SDK', () => {
    assert.throws(() => new OpenAIAdmin({ baseURL: mock.api }), /Missing credentials/);
  });

  test('with no key and Authorization removed (a same-origin proxy adds it) the client is built; no Authorization is sent', async () => {
    const client = new OpenAIAdmin({ baseURL: mock.api, maxRetries: 0, defaultHeaders: { Authorization: null } });
    await mock.clearRequests();
    await assert.rejects(client.admin.organization.groups.list(), AuthenticationError);
    const sent = (await mock.requests()).data.at(-1);
    assert.equal(sent.headers.authorization, undefined);
  });
});

test('outside the simulation: globals restored, a key is fine in Node without the flag', async () => {
  assert.equal(typeof window, 'undefined');
  assert.equal(typeof document, 'undefined');
  const client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 });
  assert.equal((await client.admin.organization.groups.list({ limit: 1 })).data.length, 1);
});
