// Pages as in the official SDK: `for await` over every item, hasNextPage / getNextPage / iterPages,
// and `_request_id` on pages and results.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAIAdmin, { NextCursorPage, ConversationCursorPage, PagePromise, APIPromise } from 'openai-admin-wasm';
import { startMock, collect, KEY } from '../support/mock.mjs';

let mock;
let org;

before(async () => {
  mock = await startMock();
  org = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 }).admin.organization;
});
after(() => mock?.stop());

test('for await over list() yields every item once, for every list', async () => {
  // The demo seed: 12 groups, 45 users, 6 roles.
  const groups = await collect(org.groups.list({ limit: 5 }));
  assert.equal(groups.length, 12);
  assert.equal(new Set(groups.map((g) => g.id)).size, 12);
  assert.deepEqual(groups.map((g) => g.id), (await org.groups.list({ limit: 1000 })).data.map((g) => g.id));

  const users = await collect(org.users.list({ limit: 7 }));
  assert.equal(users.length, 45);
  assert.equal(new Set(users.map((u) => u.id)).size, 45);

  const roles = await collect(org.roles.list({ limit: 1 }));
  assert.equal(roles.length, 6);

  const desc = await collect(org.groups.list({ limit: 4, order: 'desc' }));
  assert.deepEqual(desc.map((g) => g.id), groups.map((g) => g.id).reverse());

  const group = groups.find((g) => g.name === 'Engineering');
  const members = await collect(org.groups.users.list(group.id, { limit: 2 }));
  const all = (await org.groups.users.list(group.id, { limit: 1000 })).data;
  assert.ok(all.length > 2, 'Engineering has more than one page of members');
  assert.deepEqual(members, all);
});

test('list() returns a PagePromise (an APIPromise) of a NextCursorPage; users.list of a ConversationCursorPage', async () => {
  const promise = org.groups.list({ limit: 5 });
  assert.ok(promise instanceof PagePromise);
  assert.ok(promise instanceof APIPromise);
  assert.equal(typeof promise.then, 'function');
  const page = await promise;
  assert.ok(page instanceof NextCursorPage);
  assert.ok((await org.users.list({ limit: 2 })) instanceof ConversationCursorPage);
  assert.ok(page.response instanceof Response);
  assert.equal(page.body.data.length, page.data.length);
  assert.deepEqual(page.options.query, { limit: 5 });
  assert.deepEqual(page.getPaginatedItems(), page.data);
});

test('hasNextPage / getNextPage walk the groups in order; the last page has none', async () => {
  let page = await org.groups.list({ limit: 5 });
  const ids = [...page.data.map((g) => g.id)];
  let pages = 1;
  while (page.hasNextPage()) {
    page = await page.getNextPage();
    ids.push(...page.data.map((g) => g.id));
    pages++;
  }
  assert.equal(pages, 3);
  assert.equal(ids.length, 12);
  assert.equal(page.has_more, false);
  await assert.rejects(page.getNextPage(), /hasNextPage/);
});

test('users pages follow last_id', async () => {
  const first = await org.users.list({ limit: 20 });
  assert.equal(first.data.length, 20);
  assert.equal(first.body.first_id, first.data[0].id);
  assert.equal(first.last_id, first.data[19].id);
  assert.ok(first.hasNextPage());
  const second = await first.getNextPage();
  assert.equal(second.data[0].id > first.last_id, true);
  const log = await mock.requests();
  const query = new URLSearchParams(log.data.at(-1).query);
  assert.equal(query.get('after'), first.last_id);
  assert.equal(query.get('limit'), '20');
});

test('iterPages yields each page once; the query is kept on every page', async () => {
  const sizes = [];
  for await (const page of (await org.roles.list({ limit: 4 })).iterPages()) sizes.push(page.data.length);
  assert.deepEqual(sizes, [4, 2]);
  const log = (await mock.requests()).data.filter((r) => r.path === '/v1/organization/roles');
  assert.deepEqual(log.slice(-2).map((r) => new URLSearchParams(r.query).get('limit')), ['4', '4']);
});

test('limit 0 gives an empty page that still says whether more exist', async () => {
  const page = await org.groups.list({ limit: 0 });
  assert.deepEqual(page.data, []);
  assert.equal(page.has_more, true);
  assert.equal(page.hasNextPage(), false);
});

test('_request_id is on pages and on results, and is not an own enumerable field', async () => {
  const page = await org.groups.list({ limit: 1 });
  assert.match(page._request_id, /^req_[0-9a-f]{32}$/);
  assert.ok(!Object.keys(page).includes('_request_id'));
  const next = await page.getNextPage();
  assert.match(next._request_id, /^req_/);
  assert.notEqual(next._request_id, page._request_id);

  const group = await org.groups.retrieve(page.data[0].id);
  assert.match(group._request_id, /^req_[0-9a-f]{32}$/);
  assert.ok(!Object.keys(group).includes('_request_id'));
  const log = await mock.requests();
  assert.equal(log.data.at(-1).request_id, group._request_id);

  const created = await org.roles.create({ role_name: 'Paged role', permissions: [] });
  assert.match(created._request_id, /^req_/);
  const deleted = await org.roles.delete(created.id);
  assert.match(deleted._request_id, /^req_/);
});

test('for await stops where the official SDK stops: on break, and on a page that fails', async () => {
  const { default: OpenAI } = await import('openai');
  // A fetch that counts list requests and answers the `failOn`-th one with a 500.
  const counting = (failOn) => {
    const seen = { requests: 0 };
    seen.fetch = async (url, init) => {
      seen.requests += 1;
      if (seen.requests === failOn) {
        return new Response(JSON.stringify({ error: { message: 'boom', type: 'server_error', param: null, code: null } }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        });
      }
      return fetch(url, init);
    };
    return seen;
  };
  const clients = (seen) => ({
    wasm: new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0, fetch: seen.fetch }).admin.organization,
    official: new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0, fetch: seen.fetch }).admin.organization,
  });
  for (const impl of ['wasm', 'official']) {
    // Leaving after 3 items of pages of 2: the same items; this package has read at most one page ahead.
    const seen = counting(0);
    const ids = [];
    for await (const g of clients(seen)[impl].groups.list({ limit: 2 })) {
      ids.push(g.id);
      if (ids.length === 3) break;
    }
    assert.equal(ids.length, 3, impl);
    assert.ok(seen.requests >= 2 && seen.requests <= 3, `${impl}: ${seen.requests} requests`);

    // The second page fails: the first page's items arrive, then the server's error; the
    // iterator is finished afterwards.
    const failing = counting(2);
    const iterator = clients(failing)[impl].groups.list({ limit: 2 })[Symbol.asyncIterator]();
    const got = [(await iterator.next()).value.id, (await iterator.next()).value.id];
    assert.deepEqual(got, ids.slice(0, 2), impl);
    await assert.rejects(iterator.next(), (e) => e.status === 500 && e.constructor.name === 'InternalServerError', impl);
    assert.deepEqual(await iterator.next(), { value: undefined, done: true }, impl);
  }
});

test('every page asks for what the official SDK asks for, whatever the query and the cursors', async () => {
  const { default: OpenAI } = await import('openai');
  // Cursors that need encoding, or not; the last page has none.
  const cursors = ['user-1', 'a b/c?d&e=f#g', 'user_2.x~Y', 'grüppe', "!*'()%41", 'user-3', null];
  const answering = (cursorField) => {
    const urls = [];
    const fetch = async (url) => {
      const at = urls.push(url) - 1;
      const body = { object: 'list', data: [{ id: `item-${at}` }], has_more: cursors[at] !== null, [cursorField]: cursors[at] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return { urls, fetch };
  };
  const calls = [
    ['users.list', 'last_id', { limit: 2 }],
    ['users.list', 'last_id', { after: 'start', limit: 1 }],
    ['users.list', 'last_id', { emails: ['a@b.c'], limit: 1 }],
    ['groups.list', 'next', { limit: 2, order: 'desc' }],
    ['groups.list', 'next', { limit: 2 }, { query: { limit: 3 } }],
    ['groups.list', 'next', { limit: 2 }, { path: '/organization/groups?x=1&limit=9' }],
    ['groups.list', 'next', { limit: 2, extra: null }, undefined, { 'api-version': '1', after: 'default' }],
  ];
  for (const [op, cursorField, query, options, defaultQuery] of calls) {
    const [resource, method] = op.split('.');
    const seen = {};
    for (const [impl, Client] of [['wasm', OpenAIAdmin], ['official', OpenAI]]) {
      const { urls, fetch } = answering(cursorField);
      const client = new Client({ adminAPIKey: KEY, apiKey: 'unused', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch, defaultQuery });
      const ids = [];
      for await (const item of client.admin.organization[resource][method](query, options)) ids.push(item.id);
      assert.equal(ids.length, cursors.length, `${impl} ${op}`);
      seen[impl] = urls;
    }
    assert.deepEqual(seen.wasm, seen.official, `${op} ${JSON.stringify([query, options, defaultQuery])}`);
  }
});

test('a query object changed between pages is read again for the next page, as the official SDK reads it', async () => {
  const { default: OpenAI } = await import('openai');
  const answering = (cursorField) => {
    const urls = [];
    const fetch = async (url) => {
      const at = urls.push(url) - 1;
      const body = { object: 'list', data: [{ id: `item-${at}` }], has_more: at < 2, [cursorField]: `cursor-${at}` };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return { urls, fetch };
  };
  // The caller's own query object, changed after the first page: a value, then only the key order.
  const cases = [
    ['users', 'last_id', () => ({ after: 'start', limit: 1 }), (q) => (q.limit = 2)],
    ['groups', 'next', () => ({ after: 'start', limit: 1, order: 'asc' }), (q) => (q.order = 'desc')],
    ['groups', 'next', () => ({ after: 'start', limit: 1, order: 'asc' }), (q) => (delete q.limit, (q.limit = 1))],
  ];
  for (const [resource, cursorField, makeQuery, change] of cases) {
    const seen = {};
    for (const [impl, Client] of [['wasm', OpenAIAdmin], ['official', OpenAI]]) {
      const { urls, fetch } = answering(cursorField);
      const client = new Client({ adminAPIKey: KEY, apiKey: 'unused', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch });
      const query = makeQuery();
      const first = await client.admin.organization[resource].list(query);
      change(query);
      const second = await first.getNextPage();
      await second.getNextPage();
      seen[impl] = urls;
    }
    assert.equal(seen.wasm.length, 3, resource);
    assert.deepEqual(seen.wasm, seen.official, `${resource}: ${change}`);
  }
});
