// The reliability and security cases, written once for Node and Chromium alike: plain ES, no
// Node modules, no test framework. `defineCases(env)` lists them; `runCase(case)` runs one with
// console.* captured and a deadline, and resolves to a plain result that crosses `page.evaluate`.
//
// env = {
//   lib:         the package's module namespace (default export and error classes),
//   mock:        mockHandle(url) of a mock started with `--admin-key CANARY_KEY`,
//   where:       'node' | 'chromium',
//   closedPort:  a loopback port that refuses connections,
//   inspect:     optional, Node's util.inspect, to search the key in what a log line would show,
// }

import { mockClient } from '../support/controls.mjs';

/** A key to search for everywhere: it must never show in an error or a log line. */
export const CANARY_KEY = 'sk-admin-SECRET-CANARY-123';

const GROUPS = '/v1/organization/groups';

/** The mock's `/__mock` controls (support/controls.mjs), `requests()` resolving to the log itself. */
export function mockHandle(url, key = CANARY_KEY) {
  const mock = mockClient(url, key);
  return { ...mock, requests: async () => (await mock.requests()).data };
}

// --- assertions --------------------------------------------------------------------------------

function show(value) {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  } catch {
    return String(value);
  }
}

function ok(condition, message) {
  if (!condition) throw new Error(message);
}

function eq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function between(value, low, high, what) {
  ok(value >= low && value <= high, `${what}: expected ${low}..${high}, got ${value}`);
}

/** Resolves or rejects as `promise` does, or rejects once `ms` have passed: nothing hangs. */
async function settle(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: promise still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every string an error exposes, as a user would print, log or serialize it. */
function exposed(error, inspect) {
  const parts = [String(error), error.message, error.stack, show(error), show(error.error)];
  for (const name of Object.getOwnPropertyNames(error)) parts.push(`${name}=${show(error[name])}`);
  if (error.headers && typeof error.headers.entries === 'function') parts.push(show([...error.headers.entries()]));
  if (inspect) parts.push(inspect(error, { depth: 8, showHidden: true }));
  return parts.map(String);
}

/** Asserts that the canary key shows nowhere in `error`. */
function assertNoKey(error, inspect) {
  for (const part of exposed(error, inspect)) {
    ok(!part.includes(CANARY_KEY), `the key leaked into an error: ${part.slice(0, 300)}`);
  }
}

// --- the cases ---------------------------------------------------------------------------------

/**
 * The cases: `{ name, group, timeout, only?, run }`. Each `run` starts from a freshly reset mock
 * (seed data, no fault rules, empty request log).
 */
export function defineCases(env) {
  const { lib, mock, where } = env;
  const OpenAIAdmin = lib.default;
  const browser = where === 'chromium' ? { dangerouslyAllowBrowser: true } : {};
  const client = (options = {}) =>
    new OpenAIAdmin({ adminAPIKey: CANARY_KEY, baseURL: mock.api, ...browser, ...options }).admin.organization;

  /**
   * Runs `call` (a sync throw counts as a rejection), expects it to fail with `Class` (exactly,
   * when `exact`), checks the fields given, and that the key shows nowhere.
   */
  async function rejects(call, Class, expected = {}, ms = 20_000) {
    const outcome = await settle(
      Promise.resolve().then(call).then(
        (value) => ({ value }),
        (error) => ({ error }),
      ),
      ms,
      Class.name,
    );
    ok('error' in outcome, `expected ${Class.name}, but it resolved to ${show(outcome.value)?.slice(0, 200)}`);
    const e = outcome.error;
    ok(e instanceof Class, `expected ${Class.name}, got ${e?.name}: ${e?.message}`);
    ok(e instanceof lib.OpenAIError && e instanceof Error, `${e.name} is not an OpenAIError`);
    if (expected.exact) eq(e.constructor, Class, `class of ${e.name}`);
    // A stable discriminant: the name of the class it is an instance of.
    eq(e.name, e.constructor.name, 'error.name');
    for (const field of ['status', 'param', 'code', 'type']) {
      if (field in expected) eq(e[field], expected[field], `error.${field} (${e.message})`);
    }
    if (typeof expected.message === 'string') eq(e.message, expected.message, 'error.message');
    if (expected.message instanceof RegExp) {
      ok(expected.message.test(e.message), `error.message ${show(e.message)} does not match ${expected.message}`);
    }
    assertNoKey(e, env.inspect);
    return e;
  }

  /** The request log, without the control calls (never logged anyway) — the API calls only. */
  const attempts = async (method, path) =>
    (await mock.requests()).filter((r) => (!method || r.method === method) && (!path || r.path === path));

  const elapsed = async (run) => {
    const start = performance.now();
    const error = await run();
    return [error, performance.now() - start];
  };

  const cases = [];
  const add = (group, name, run, extra = {}) => cases.push({ group, name, run, timeout: 30_000, ...extra });

  // --- 1. faults -------------------------------------------------------------------------------

  const retried = [
    [500, lib.InternalServerError, true],
    [502, lib.InternalServerError, true],
    [503, lib.InternalServerError, true],
    [504, lib.InternalServerError, true],
    [408, lib.APIError, true],
    [409, lib.ConflictError, true],
  ];
  /** A `fetch` that counts the client's attempts, then passes each on to the real one. */
  const counting = () => {
    const counter = { calls: 0 };
    counter.fetch = (request) => {
      counter.calls += 1;
      return fetch(request);
    };
    return counter;
  };

  for (const [status, Class] of retried) {
    add('faults', `${status} is retried twice by default, then a ${Class.name}`, async () => {
      await mock.faults([{ method: 'GET', path: GROUPS, status, count: 20 }]);
      const counter = counting();
      const e = await rejects(() => client({ fetch: counter.fetch }).groups.list(), Class, {
        status,
        exact: Class === lib.APIError,
      });
      ok(e.error && typeof e.error.message === 'string' && e.error.message.length > 0, `error.error: ${show(e.error)}`);
      eq(e.message, `${status} ${e.error.message}`, 'message');
      ok(/^req_[0-9a-f]{32}$/.test(e.requestID), `requestID ${e.requestID}`);
      eq(e.headers.get('x-request-id'), e.requestID, 'x-request-id header');
      eq(counter.calls, 3, 'attempts made by the client');
      const log = await attempts('GET', GROUPS);
      ok(log.every((r) => r.fault === `status=${status}`), `faults: ${show(log.map((r) => r.fault))}`);
      // Chromium's network stack itself resends a request answered 408 on a reused keep-alive
      // connection (it takes that for an idle-socket timeout), so there the mock sees more.
      if (status === 408 && where === 'chromium') ok(log.length >= 3, `requests: ${log.length}`);
      else eq(log.length, 3, 'requests received');
    });
  }

  add('faults', '429 with retry-after: 1 (seconds) waits about a second, then succeeds', async () => {
    await mock.faults([{ path: GROUPS, status: 429, retry_after: '1', count: 1 }]);
    const start = performance.now();
    const page = await settle(client({ maxRetries: 1 }).groups.list({ limit: 2 }), 10_000, 'list');
    const ms = performance.now() - start;
    eq(page.data.length, 2, 'page after the retry');
    between(ms, 950, 6000, 'elapsed ms (backoff alone would be ≤ 500)');
    eq((await attempts('GET', GROUPS)).length, 2, 'attempts');
  });

  add('faults', '429 with retry-after: 1, retries exhausted: RateLimitError with the header', async () => {
    await mock.faults([{ path: GROUPS, status: 429, retry_after: '1', count: 10 }]);
    const [e, ms] = await elapsed(() =>
      rejects(() => client({ maxRetries: 1 }).groups.list(), lib.RateLimitError, { status: 429 }),
    );
    eq(e.headers.get('retry-after'), '1', 'retry-after header');
    ok(e.message.startsWith('429 '), e.message);
    between(ms, 950, 6000, 'elapsed ms');
    eq((await attempts('GET', GROUPS)).length, 2, 'attempts');
  });

  add('faults', '429 with retry-after as an HTTP date 3 s ahead waits for that date', async () => {
    const at = new Date(Date.now() + 3000).toUTCString();
    await mock.faults([{ path: GROUPS, status: 429, retry_after: at, count: 1 }]);
    const start = performance.now();
    const page = await settle(client({ maxRetries: 1 }).groups.list({ limit: 1 }), 10_000, 'list');
    const ms = performance.now() - start;
    eq(page.data.length, 1, 'page after the retry');
    // The date has whole seconds: the wait is 2 to 3 s; backoff alone would be ≤ 500 ms.
    between(ms, 1500, 7000, `elapsed ms (retry-after: ${at})`);
    eq((await attempts('GET', GROUPS)).length, 2, 'attempts');
  });

  add('faults', '429 with retry-after-ms: 1200 waits 1.2 s (it wins over retry-after)', async () => {
    await mock.faults([{ path: GROUPS, status: 429, retry_after_ms: '1200', retry_after: '5', count: 1 }]);
    const start = performance.now();
    await settle(client({ maxRetries: 1 }).groups.list({ limit: 1 }), 10_000, 'list');
    const ms = performance.now() - start;
    between(ms, 1150, 4500, 'elapsed ms (retry-after 5 s would be ≥ 5000, backoff ≤ 500)');
    eq((await attempts('GET', GROUPS)).length, 2, 'attempts');
  });

  add('faults', '429 asking for more than 60 s is ignored in favour of the normal backoff', async () => {
    await mock.faults([
      { path: GROUPS, status: 429, retry_after: '120', count: 2 },
      { path: '/v1/organization/roles', status: 429, retry_after_ms: '90000', count: 2 },
    ]);
    const [e, ms] = await elapsed(() =>
      rejects(() => client({ maxRetries: 1 }).groups.list(), lib.RateLimitError, { status: 429 }),
    );
    eq(e.headers.get('retry-after'), '120', 'retry-after header');
    between(ms, 300, 4000, 'elapsed ms (backoff is 375..500)');
    const [, ms2] = await elapsed(() =>
      rejects(() => client({ maxRetries: 1 }).roles.list(), lib.RateLimitError, { status: 429 }),
    );
    between(ms2, 300, 4000, 'elapsed ms with retry-after-ms 90000');
    eq((await attempts('GET', GROUPS)).length, 2, 'attempts (groups)');
    eq((await attempts('GET', '/v1/organization/roles')).length, 2, 'attempts (roles)');
  });

  add('faults', 'x-should-retry: false on a 503 is not retried', async () => {
    await mock.faults([{ path: GROUPS, status: 503, should_retry: 'false', count: 10 }]);
    const e = await rejects(() => client().groups.list(), lib.InternalServerError, { status: 503 });
    ok(e.message.startsWith('503 '), e.message);
    eq(e.headers.get('x-should-retry'), 'false', 'x-should-retry header');
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
  });

  add('faults', 'x-should-retry: true on a 400 is retried twice, then a BadRequestError', async () => {
    await mock.faults([{ path: GROUPS, status: 400, should_retry: 'true', count: 10 }]);
    const e = await rejects(() => client().groups.list(), lib.BadRequestError, { status: 400 });
    ok(e.message.startsWith('400 '), e.message);
    eq((await attempts('GET', GROUPS)).length, 3, 'attempts');
  });

  add('faults', 'connection refused: APIConnectionError after the retry', async () => {
    const counter = counting();
    const org = new OpenAIAdmin({
      adminAPIKey: CANARY_KEY,
      baseURL: `http://127.0.0.1:${env.closedPort}/v1`,
      maxRetries: 1,
      fetch: counter.fetch,
      ...browser,
    }).admin.organization;
    const e = await rejects(() => org.groups.list(), lib.APIConnectionError, { status: undefined });
    ok(!(e instanceof lib.APIConnectionTimeoutError), 'not a timeout');
    ok(e.message.startsWith('Connection error'), e.message);
    eq(e.headers, undefined, 'headers');
    eq(counter.calls, 2, 'fetch calls');
  });

  add('faults', 'connection dropped mid-body: APIConnectionError after the retries', async () => {
    await mock.faults([{ path: GROUPS, drop_mid_body: true, count: 10 }]);
    const e = await rejects(() => client({ maxRetries: 1 }).groups.list(), lib.APIConnectionError, {
      status: undefined,
    });
    ok(e.message.startsWith('Connection error'), e.message);
    const log = await attempts('GET', GROUPS);
    eq(log.length, 2, 'attempts');
    ok(log.every((r) => r.fault !== null), `faults: ${show(log.map((r) => r.fault))}`);
  });

  add('faults', 'connection dropped before any response, then a good answer: the retry succeeds', async () => {
    await mock.faults([{ path: GROUPS, drop: true, count: 1 }]);
    const page = await settle(client({ maxRetries: 1 }).groups.list({ limit: 3 }), 10_000, 'list');
    eq(page.data.length, 3, 'page');
    eq((await attempts('GET', GROUPS)).length, 2, 'attempts');
  });

  add('faults', 'a response slower than `timeout`: APIConnectionTimeoutError, on time', async () => {
    await mock.faults([{ path: GROUPS, delay_ms: 3000, count: 10 }]);
    const [, ms] = await elapsed(() =>
      rejects(() => client({ timeout: 300, maxRetries: 0 }).groups.list(), lib.APIConnectionTimeoutError, {
        message: 'Request timed out.',
        status: undefined,
      }),
    );
    between(ms, 250, 2500, 'elapsed ms');
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
  });

  add('faults', 'a per-call timeout with one retry: two attempts, then APIConnectionTimeoutError', async () => {
    await mock.faults([{ path: GROUPS, delay_ms: 3000, count: 10 }]);
    const [, ms] = await elapsed(() =>
      rejects(() => client().groups.list({}, { timeout: 200, maxRetries: 1 }), lib.APIConnectionTimeoutError),
    );
    between(ms, 500, 2900, 'elapsed ms (200 + backoff + 200)');
    eq((await attempts('GET', GROUPS)).length, 2, 'attempts');
  });

  add('faults', 'aborted before the call: APIUserAbortError and no request', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejects(() => client().groups.list({}, { signal: controller.signal }), lib.APIUserAbortError, {
      message: 'Request was aborted.',
    });
    await rejects(() => client().groups.retrieve('group_x', { signal: controller.signal }), lib.APIUserAbortError);
    eq((await attempts()).length, 0, 'requests logged');
  });

  add('faults', 'aborted during the call: APIUserAbortError at once, one request, no retry', async () => {
    await mock.faults([{ path: GROUPS, delay_ms: 3000, count: 10 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const [, ms] = await elapsed(() =>
      rejects(() => client().groups.list({}, { signal: controller.signal }), lib.APIUserAbortError, {
        message: 'Request was aborted.',
      }),
    );
    between(ms, 150, 2000, 'elapsed ms');
    // The mock logs a request when it arrives, before the delay; give a retry (there must be
    // none) the time to show up.
    await new Promise((r) => setTimeout(r, 800));
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
  });

  add('faults', 'aborted during the backoff between attempts: APIUserAbortError, no further attempt', async () => {
    await mock.faults([{ path: GROUPS, status: 503, retry_after: '2', count: 10 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const [, ms] = await elapsed(() =>
      rejects(() => client().groups.list({}, { signal: controller.signal }), lib.APIUserAbortError, {
        message: 'Request was aborted.',
        status: undefined,
      }),
    );
    // The server asked for 2 s between attempts; the abort must not wait for them.
    between(ms, 450, 1900, 'elapsed ms (abort after 500 ms; the wait would end at 2000)');
    await new Promise((r) => setTimeout(r, 2000));
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
  });

  add('faults', 'a 200 with invalid JSON: APIError naming the problem, not retried', async () => {
    await mock.faults([{ path: GROUPS, body_kind: 'malformed', count: 10 }]);
    const e = await rejects(() => client().groups.list(), lib.APIError, {
      exact: true,
      status: 200,
      message: /^Invalid response body: not valid JSON/,
    });
    ok(/^req_/.test(e.requestID), `requestID ${e.requestID}`);
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
  });

  add('faults', 'a 200 with truncated JSON: APIError naming the problem', async () => {
    await mock.faults([{ path: `${GROUPS}/`, body_kind: 'truncated', count: 10 }]);
    const org = client();
    const id = (await org.groups.list({ limit: 1 })).data[0].id;
    await rejects(() => org.groups.retrieve(id), lib.APIError, {
      exact: true,
      status: 200,
      message: /^Invalid response body: not valid JSON \(.*(end|unterminated)/,
    });
    await mock.faults([{ path: GROUPS, body_kind: 'truncated', count: 10 }]);
    await rejects(() => org.groups.list(), lib.APIError, { exact: true, message: /not valid JSON/ });
  });

  add('faults', 'a 200 with an empty body: APIError saying the body is empty', async () => {
    await mock.faults([{ path: GROUPS, body_kind: 'empty', count: 10 }]);
    await rejects(() => client().groups.list(), lib.APIError, {
      exact: true,
      status: 200,
      message: 'Invalid response body: the body is empty',
    });
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
  });

  add('faults', 'a 200 with a body of the wrong shape: APIError naming the field', async () => {
    const group = { object: 'group', id: 'group_1', name: 'A', created_at: 1, is_scim_managed: false, group_type: 'group' };
    const answers = [
      [{ object: 'list', data: [group, { ...group, name: 5 }], has_more: false, next: null }, /data\[1\]\.name/],
      [{ object: 'list', data: [group], next: null }, /has_more/],
      [{ object: 'list', data: { group }, has_more: false }, /data/],
      [[group], /object|array/],
      ['just a string', /object|string/],
    ];
    for (const [body, field] of answers) {
      const fake = async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      const e = await rejects(() => client({ fetch: fake, maxRetries: 0 }).groups.list(), lib.APIError, {
        exact: true,
        status: 200,
      });
      ok(e.message.startsWith('Invalid response body: '), e.message);
      ok(field.test(e.message), `${e.message} should match ${field}`);
    }
    const fake = async () =>
      new Response(JSON.stringify({ ...group, created_at: 'yesterday' }), { headers: { 'content-type': 'application/json' } });
    await rejects(() => client({ fetch: fake }).groups.retrieve('group_1'), lib.APIError, {
      exact: true,
      message: /created_at/,
    });
  });

  add('faults', 'an HTML 502 page from a proxy: InternalServerError with a short snippet', async () => {
    await mock.faults([{ path: GROUPS, body_kind: 'html', count: 10 }]);
    const e = await rejects(() => client({ maxRetries: 0 }).groups.list(), lib.InternalServerError, {
      status: 502,
      message: /^502 <html>.*502 Bad Gateway/,
    });
    ok(e.message.length < 260, `message too long: ${e.message.length}`);
    ok(!e.message.includes('\n'), 'message on one line');
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
    // A long proxy page is cut.
    const page = `<html><body><h1>502 Bad Gateway</h1>${'<p>nginx</p>\n'.repeat(5000)}</body></html>`;
    const fake = async () => new Response(page, { status: 502, headers: { 'content-type': 'text/html' } });
    const long = await rejects(() => client({ fetch: fake, maxRetries: 0 }).groups.list(), lib.InternalServerError, {
      status: 502,
    });
    ok(long.message.length < 260, `message too long: ${long.message.length}`);
    ok(typeof long.error === 'string' && long.error.length < 260, `error.error: ${show(long.error)?.slice(0, 80)}`);
  });

  const BIG = 50 * 1024 * 1024;
  add(
    'faults',
    'a 50 MB list of valid groups parses (or fails cleanly) in bounded time',
    async () => {
      const item = JSON.stringify({
        object: 'group',
        id: 'group_01J00CF71G0G520XQP0ZZJ0RJQ',
        name: 'Engineering and a rather long group name, to fill the page',
        created_at: 1711475133,
        is_scim_managed: false,
        group_type: 'group',
      });
      const count = Math.ceil(BIG / (item.length + 1));
      const body = `{"object":"list","data":[${new Array(count).fill(item).join(',')}],"has_more":false,"next":null}`;
      ok(body.length >= BIG, `body is ${body.length} B`);
      const fake = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
      const start = performance.now();
      const outcome = await settle(
        client({ fetch: fake, maxRetries: 0 }).groups.list().then(
          (page) => ({ page }),
          (error) => ({ error }),
        ),
        90_000,
        '50 MB list',
      );
      const ms = performance.now() - start;
      if (outcome.error) {
        ok(outcome.error instanceof lib.APIError, `failed, but not cleanly: ${outcome.error}`);
        ok(outcome.error.message.length < 1000, 'error message is short');
        assertNoKey(outcome.error, env.inspect);
      } else {
        eq(outcome.page.data.length, count, 'groups parsed');
        eq(outcome.page.data.at(-1).name, 'Engineering and a rather long group name, to fill the page', 'last group');
      }
      ok(ms < 60_000, `50 MB took ${ms} ms`);
      return `${outcome.error ? 'failed cleanly' : `parsed ${count} groups`} in ${Math.round(ms)} ms`;
    },
    { timeout: 120_000 },
  );

  add(
    'faults',
    'a 50 MB string that is not JSON fails cleanly with a short message',
    async () => {
      const body = `{"object":"list","data":"${'x'.repeat(BIG)}`;
      const fake = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
      const start = performance.now();
      const e = await rejects(() => client({ fetch: fake, maxRetries: 0 }).groups.list(), lib.APIError, { exact: true }, 90_000);
      const ms = performance.now() - start;
      ok(e.message.length < 1000, `message is ${e.message.length} characters`);
      ok(e.message.startsWith('Invalid response body: '), e.message.slice(0, 200));
      ok(ms < 60_000, `took ${ms} ms`);
      // The same 50 MB as an error page: still a short message.
      const fake500 = async () => new Response('x'.repeat(BIG), { status: 500 });
      const e500 = await rejects(() => client({ fetch: fake500, maxRetries: 0 }).groups.list(), lib.InternalServerError, {}, 90_000);
      ok(e500.message.length < 1000, `500 message is ${e500.message.length} characters`);
      return `failed cleanly in ${Math.round(ms)} ms`;
    },
    { timeout: 120_000 },
  );

  // --- 2. bad input ----------------------------------------------------------------------------

  const G = 'group_x';
  const U = 'user_x';
  const R = 'role_x';
  const badId = (name) => [
    [`${name} missing`, [], name],
    [`${name} empty`, [''], name],
    [`${name} a number`, [42], name],
    [`${name} null`, [null], name],
    [`${name} an object`, [{ id: 'x' }], name],
    [`${name} "."`, ['.'], name],
    [`${name} ".."`, ['..'], name],
  ];
  const badListQuery = (max) => [
    ['limit negative', [{ limit: -1 }], 'limit'],
    ['limit over the maximum', [{ limit: max + 1 }], 'limit'],
    ['limit a fraction', [{ limit: 1.5 }], 'limit'],
    ['limit a string', [{ limit: '5' }], 'limit'],
    ['order not asc/desc', [{ order: 'sideways' }], 'order'],
    ['after a number', [{ after: 5 }], 'after'],
    ['unknown key', [{ colour: 'red' }], 'colour'],
    ['query a string', ['limit=5'], 'params'],
    ['options with an unknown key', [{}, { retries: 1 }], 'retries'],
    ['maxRetries negative', [{}, { maxRetries: -1 }], 'maxRetries'],
    ['timeout a string', [{}, { timeout: 'soon' }], 'timeout'],
    ['signal not an AbortSignal', [{}, { signal: 'stop' }], 'signal'],
  ];
  /** Prefixes every argument list with `lead` (the ids before the argument under test). */
  const after = (lead, list) => list.map(([what, args, param]) => [what, [...lead, ...args], param]);
  const scoped = (scope) => [
    [`params missing`, [], 'params'],
    [`params a string`, ['x'], 'params'],
    [`${scope} missing`, [{}], scope],
    [`${scope} empty`, [{ [scope]: '' }], scope],
    [`${scope} a number`, [{ [scope]: 7 }], scope],
    [`${scope} ".."`, [{ [scope]: '..' }], scope],
    [`unknown key beside ${scope}`, [{ [scope]: 'x', extra: 1 }], 'extra'],
  ];
  const withScope = (idName, scope, value) => [
    ...badId(idName).map(([what, args, param]) => [what, [args.length ? args[0] : undefined, { [scope]: value }], param]),
    ...after(['id_ok'], scoped(scope)),
  ];

  const badInput = {
    'groups.list': [...badListQuery(1000)],
    'groups.create': [
      ['body missing', [], 'body'],
      ['body a string', ['x'], 'body'],
      ['body an array', [[]], 'body'],
      ['name missing', [{}], 'name'],
      ['name empty', [{ name: '' }], 'name'],
      ['name a number', [{ name: 5 }], 'name'],
      ['name over 255 characters', [{ name: 'x'.repeat(256) }], 'name'],
      ['unknown key', [{ name: 'x', colour: 'red' }], 'colour'],
    ],
    'groups.retrieve': badId('group_id'),
    'groups.update': [
      ...badId('group_id').map(([w, a, p]) => [w, [a.length ? a[0] : undefined, { name: 'x' }], p]),
      ['body missing', [G], 'body'],
      ['name missing', [G, {}], 'name'],
      ['name empty', [G, { name: '' }], 'name'],
      ['name null', [G, { name: null }], 'name'],
      ['name over 255 characters', [G, { name: 'é'.repeat(256) }], 'name'],
      ['unknown key', [G, { name: 'x', id: 'y' }], 'id'],
    ],
    'groups.delete': badId('group_id'),
    'groups.users.list': [
      ...badId('group_id'),
      ...after([G], badListQuery(1000)),
    ],
    'groups.users.create': [
      ...badId('group_id').map(([w, a, p]) => [w, [a.length ? a[0] : undefined, { user_id: U }], p]),
      ['body missing', [G], 'body'],
      ['user_id missing', [G, {}], 'user_id'],
      ['user_id a number', [G, { user_id: 5 }], 'user_id'],
      ['unknown key', [G, { user_id: U, role: 'owner' }], 'role'],
    ],
    'groups.users.retrieve': withScope('user_id', 'group_id', G),
    'groups.users.delete': withScope('user_id', 'group_id', G),
    'groups.roles.list': [...badId('group_id'), ...after([G], badListQuery(1000))],
    'groups.roles.create': [
      ...badId('group_id').map(([w, a, p]) => [w, [a.length ? a[0] : undefined, { role_id: R }], p]),
      ['body missing', [G], 'body'],
      ['role_id missing', [G, {}], 'role_id'],
      ['role_id a boolean', [G, { role_id: true }], 'role_id'],
      ['unknown key', [G, { role_id: R, user_id: U }], 'user_id'],
    ],
    'groups.roles.retrieve': withScope('role_id', 'group_id', G),
    'groups.roles.delete': withScope('role_id', 'group_id', G),
    'roles.list': badListQuery(1000),
    'roles.create': [
      ['body missing', [], 'body'],
      ['role_name missing', [{ permissions: [] }], 'role_name'],
      ['role_name empty', [{ role_name: '', permissions: [] }], 'role_name'],
      // (Only group names have a length range in the spec; role names are the server's to judge.)
      ['permissions missing', [{ role_name: 'r' }], 'permissions'],
      ['permissions a string', [{ role_name: 'r', permissions: 'api.read' }], 'permissions'],
      ['permissions with a number', [{ role_name: 'r', permissions: ['a', 1] }], 'permissions'],
      ['description a number', [{ role_name: 'r', permissions: [], description: 5 }], 'description'],
      ['unknown key (name instead of role_name)', [{ name: 'r', role_name: 'r', permissions: [] }], 'name'],
    ],
    'roles.retrieve': badId('role_id'),
    'roles.update': [
      ...badId('role_id').map(([w, a, p]) => [w, [a.length ? a[0] : undefined, { description: 'x' }], p]),
      ['body missing', [R], 'body'],
      ['role_name a number', [R, { role_name: 5 }], 'role_name'],
      ['role_name empty', [R, { role_name: '' }], 'role_name'],
      ['permissions an object', [R, { permissions: { a: 1 } }], 'permissions'],
      ['unknown key', [R, { name: 'x' }], 'name'],
    ],
    'roles.delete': badId('role_id'),
    'users.list': [
      ['limit 0 (1..=100)', [{ limit: 0 }], 'limit'],
      ['limit 101', [{ limit: 101 }], 'limit'],
      ['limit a string', [{ limit: '10' }], 'limit'],
      ['emails a string', [{ emails: 'a@example.com' }], 'emails'],
      ['emails with a number', [{ emails: ['a@example.com', 3] }], 'emails'],
      ['after a number', [{ after: 1 }], 'after'],
      ['order is not a parameter here', [{ order: 'asc' }], 'order'],
      ['options with an unknown key', [{}, { headers: {}, foo: 1 }], 'foo'],
    ],
    'users.retrieve': badId('user_id'),
    'users.update': [
      ...badId('user_id').map(([w, a, p]) => [w, [a.length ? a[0] : undefined, { role: 'reader' }], p]),
      ['body missing', [U], 'body'],
      ['body empty', [U, {}], 'body'],
      ['role not owner/reader', [U, { role: 'admin' }], 'role'],
      ['role a number', [U, { role: 1 }], 'role'],
      ['technical_level a number', [U, { technical_level: 3 }], 'technical_level'],
      ['unknown key', [U, { role: 'reader', email: 'x@example.com' }], 'email'],
    ],
    'users.delete': badId('user_id'),
    'users.roles.list': [...badId('user_id'), ...after([U], badListQuery(1000))],
    'users.roles.create': [
      ...badId('user_id').map(([w, a, p]) => [w, [a.length ? a[0] : undefined, { role_id: R }], p]),
      ['body missing', [U], 'body'],
      ['role_id missing', [U, {}], 'role_id'],
      ['role_id null', [U, { role_id: null }], 'role_id'],
      ['unknown key', [U, { role_id: R, group_id: G }], 'group_id'],
    ],
    'users.roles.retrieve': withScope('role_id', 'user_id', U),
    'users.roles.delete': withScope('role_id', 'user_id', U),
  };

  const method = (org, path) => {
    const parts = path.split('.');
    const fn = parts.pop();
    const target = parts.reduce((o, p) => o[p], org);
    return (...args) => target[fn](...args);
  };

  for (const [op, calls] of Object.entries(badInput)) {
    add('bad input', `${op}: ${calls.length} bad calls, each an InvalidArgumentError naming the argument, no request`, async () => {
      const org = client();
      const call = method(org, op);
      for (const [what, args, param] of calls) {
        let e;
        try {
          e = await rejects(() => call(...args), lib.InvalidArgumentError, { param }, 5000);
        } catch (failure) {
          throw new Error(`${op}(${args.map(show).join(', ')}) [${what}]: ${failure.message}`);
        }
        ok(!(e instanceof lib.APIError), `${what}: an InvalidArgumentError is no APIError`);
        ok(e.message.length > 0 && e.message.length < 300, `${what}: message ${show(e.message)}`);
      }
      const log = await attempts();
      eq(log.length, 0, `requests sent for bad input: ${show(log.map((r) => r.path))}`);
      return `${calls.length} calls`;
    });
  }

  // --- 2b. path parameters reach the mock as exactly that id -----------------------------------

  const tricky = [
    'a/b',
    'a/../b',
    '../escape',
    'a/..',
    './x',
    'x?limit=1&after=y',
    'x#fragment',
    '100%',
    '%2F%2e%2e',
    'two words',
    'tab\there',
    'a\\b',
    "semi;colon,plus+eq=amp&at@colon:dollar$'",
    'grüße, 日本語 🙂',
  ];

  /** The path as the client must send it: every byte but RFC 3986 unreserved percent-encoded. */
  const encodeSegment = (value) =>
    [...new TextEncoder().encode(value)]
      .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
      .join('');

  add('path params', 'the encoding helper of these tests matches encodeURIComponent plus !\'()*', async () => {
    for (const id of tricky) {
      const expected = encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
      eq(encodeSegment(id), expected, id);
    }
  });

  /**
   * [op, run(org, id, real), path(id, real), kind]: the id under test in one path position, the
   * other (if any) a real seeded id; `kind` names the record the 404 reports when it is exact.
   */
  const O = '/v1/organization';
  const enc = encodeSegment;
  const routes = [
    ['groups.retrieve', (o, id) => o.groups.retrieve(id), (id) => `${O}/groups/${enc(id)}`, 'group'],
    ['groups.update', (o, id) => o.groups.update(id, { name: 'Renamed' }), (id) => `${O}/groups/${enc(id)}`, 'group'],
    ['groups.delete', (o, id) => o.groups.delete(id), (id) => `${O}/groups/${enc(id)}`, 'group'],
    ['groups.users.list', (o, id) => o.groups.users.list(id), (id) => `${O}/groups/${enc(id)}/users`, 'group'],
    ['groups.users.create', (o, id, r) => o.groups.users.create(id, { user_id: r.user }), (id) => `${O}/groups/${enc(id)}/users`, 'group'],
    ['groups.users.retrieve (group)', (o, id, r) => o.groups.users.retrieve(r.user, { group_id: id }), (id, r) => `${O}/groups/${enc(id)}/users/${r.user}`, 'group'],
    ['groups.users.retrieve (user)', (o, id, r) => o.groups.users.retrieve(id, { group_id: r.group }), (id, r) => `${O}/groups/${r.group}/users/${enc(id)}`],
    ['groups.users.delete (group)', (o, id, r) => o.groups.users.delete(r.user, { group_id: id }), (id, r) => `${O}/groups/${enc(id)}/users/${r.user}`, 'group'],
    ['groups.users.delete (user)', (o, id, r) => o.groups.users.delete(id, { group_id: r.group }), (id, r) => `${O}/groups/${r.group}/users/${enc(id)}`],
    ['groups.roles.list', (o, id) => o.groups.roles.list(id), (id) => `${O}/groups/${enc(id)}/roles`, 'group'],
    ['groups.roles.create', (o, id, r) => o.groups.roles.create(id, { role_id: r.role }), (id) => `${O}/groups/${enc(id)}/roles`, 'group'],
    ['groups.roles.retrieve (group)', (o, id, r) => o.groups.roles.retrieve(r.role, { group_id: id }), (id, r) => `${O}/groups/${enc(id)}/roles/${r.role}`, 'group'],
    ['groups.roles.retrieve (role)', (o, id, r) => o.groups.roles.retrieve(id, { group_id: r.group }), (id, r) => `${O}/groups/${r.group}/roles/${enc(id)}`],
    ['groups.roles.delete (group)', (o, id, r) => o.groups.roles.delete(r.role, { group_id: id }), (id, r) => `${O}/groups/${enc(id)}/roles/${r.role}`, 'group'],
    ['groups.roles.delete (role)', (o, id, r) => o.groups.roles.delete(id, { group_id: r.group }), (id, r) => `${O}/groups/${r.group}/roles/${enc(id)}`],
    ['roles.retrieve', (o, id) => o.roles.retrieve(id), (id) => `${O}/roles/${enc(id)}`, 'role'],
    ['roles.update', (o, id) => o.roles.update(id, { description: 'x' }), (id) => `${O}/roles/${enc(id)}`, 'role'],
    ['roles.delete', (o, id) => o.roles.delete(id), (id) => `${O}/roles/${enc(id)}`, 'role'],
    ['users.retrieve', (o, id) => o.users.retrieve(id), (id) => `${O}/users/${enc(id)}`, 'user'],
    ['users.update', (o, id) => o.users.update(id, { role: 'reader' }), (id) => `${O}/users/${enc(id)}`, 'user'],
    ['users.delete', (o, id) => o.users.delete(id), (id) => `${O}/users/${enc(id)}`, 'user'],
    ['users.roles.list', (o, id) => o.users.roles.list(id), (id) => `${O}/users/${enc(id)}/roles`, 'user'],
    ['users.roles.create', (o, id, r) => o.users.roles.create(id, { role_id: r.role }), (id) => `${O}/users/${enc(id)}/roles`, 'user'],
    ['users.roles.retrieve (user)', (o, id, r) => o.users.roles.retrieve(r.role, { user_id: id }), (id, r) => `${O}/users/${enc(id)}/roles/${r.role}`, 'user'],
    ['users.roles.retrieve (role)', (o, id, r) => o.users.roles.retrieve(id, { user_id: r.user }), (id, r) => `${O}/users/${r.user}/roles/${enc(id)}`],
    ['users.roles.delete (user)', (o, id, r) => o.users.roles.delete(r.role, { user_id: id }), (id, r) => `${O}/users/${enc(id)}/roles/${r.role}`, 'user'],
    ['users.roles.delete (role)', (o, id, r) => o.users.roles.delete(id, { user_id: r.user }), (id, r) => `${O}/users/${r.user}/roles/${enc(id)}`],
  ];

  for (const [op, run, path, kind] of routes) {
    add('path params', `${op}: ids with / .. ? # % spaces and non-ASCII reach the mock unchanged`, async () => {
      const org = client({ maxRetries: 0 });
      const real = {
        group: (await org.groups.list({ limit: 1 })).data[0].id,
        user: (await org.users.list({ limit: 1 })).data[0].id,
        role: (await org.roles.list({ limit: 1 })).data[0].id,
      };
      const start = (await attempts()).length;
      for (const id of tricky) {
        const err = await rejects(() => run(org, id, real), lib.NotFoundError, { status: 404 }, 5000).catch((f) => {
          throw new Error(`${op} with id ${show(id)}: ${f.message}`);
        });
        const named = kind
          ? err.error?.message === `No ${kind} found with id '${id}'.`
          : err.error?.message?.includes(`'${id}'`);
        ok(named, `${op} with id ${show(id)}: 404 message ${show(err.error?.message)}`);
        if (kind) eq(err.message, `404 No ${kind} found with id '${id}'.`, `${op} message`);
      }
      const log = (await attempts()).slice(start);
      eq(log.length, tricky.length, `${op}: requests`);
      log.forEach((r, i) => {
        eq(r.path, path(tricky[i], real), `${op}: raw path for ${show(tricky[i])}`);
        eq(r.query, null, `${op}: query for ${show(tricky[i])}`);
      });
      return `${tricky.length} ids`;
    });
  }

  // --- 3. security -----------------------------------------------------------------------------

  add('security', 'the /__mock controls refuse requests without the key, or with another', async () => {
    const controls = [
      ['GET', 'requests'],
      ['DELETE', 'requests'],
      ['GET', 'faults'],
      ['POST', 'faults'],
      ['DELETE', 'faults'],
      ['POST', 'reset'],
    ];
    for (const [verb, route] of controls) {
      for (const auth of [undefined, 'Bearer sk-admin-demo', `Bearer ${CANARY_KEY}x`, CANARY_KEY]) {
        const headers = { 'Content-Type': 'application/json' };
        if (auth) headers.Authorization = auth;
        const body = verb === 'POST' && route === 'faults' ? JSON.stringify([{ path: GROUPS, status: 500 }]) : undefined;
        const res = await fetch(`${mock.url}/__mock/${route}`, { method: verb, headers, body });
        const text = await res.text();
        eq(res.status, 401, `${verb} /__mock/${route} with ${auth ?? 'no key'}`);
        ok(!text.includes(CANARY_KEY), `401 body shows the key: ${text}`);
      }
    }
    // Nothing was armed by the refused calls: a list goes through.
    const page = await client({ maxRetries: 0 }).groups.list({ limit: 1 });
    eq(page.data.length, 1, 'the refused POST /__mock/faults armed nothing');
  });

  add('security', 'a wrong key: AuthenticationError that shows neither key', async () => {
    const wrong = `${CANARY_KEY}-WRONG`;
    const org = new OpenAIAdmin({ adminAPIKey: wrong, baseURL: mock.api, maxRetries: 0, ...browser }).admin.organization;
    const e = await rejects(() => org.groups.list(), lib.AuthenticationError, { status: 401, code: 'invalid_api_key' });
    for (const part of exposed(e, env.inspect)) ok(!part.includes('WRONG'), `the wrong key leaked: ${part.slice(0, 200)}`);
  });

  add('security', 'the request log never holds the key (authorization is redacted)', async () => {
    await rejects(() => client({ maxRetries: 0 }).groups.retrieve('group_missing'), lib.NotFoundError);
    const log = await mock.requests();
    ok(log.length === 1, `log: ${log.length}`);
    ok(!JSON.stringify(log).includes(CANARY_KEY), 'the key is in the request log');
  });

  if (where === 'chromium') {
    add('security', 'in a browser, a key without dangerouslyAllowBrowser is refused without showing it', async () => {
      const e = await rejects(
        () => new OpenAIAdmin({ adminAPIKey: CANARY_KEY, baseURL: mock.api }).admin.organization.groups.list(),
        lib.InvalidArgumentError,
        { param: 'dangerouslyAllowBrowser' },
      );
      ok(/dangerouslyAllowBrowser/.test(e.message), e.message);
      eq((await attempts()).length, 0, 'requests');
    });
  }

  return cases;
}

const LEVELS = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

function formatArg(arg) {
  if (arg instanceof Error) return `${arg.stack ?? arg} ${show(arg)}`;
  return typeof arg === 'string' ? arg : show(arg);
}

/**
 * Runs one case: resets the mock, captures console.* (passing it on), races the case against its
 * deadline. Resolves to `{ name, group, ok, error?, note?, ms, logged }`: plain data.
 */
export async function runCase(env, c) {
  const logged = [];
  const saved = {};
  for (const level of LEVELS) {
    saved[level] = console[level];
    console[level] = (...args) => {
      logged.push(args.map(formatArg).join(' '));
      saved[level].apply(console, args);
    };
  }
  const start = performance.now();
  const result = { name: c.name, group: c.group, ok: false };
  try {
    await env.mock.reset();
    const note = await settle(Promise.resolve().then(c.run), c.timeout, c.name);
    result.ok = true;
    if (typeof note === 'string') result.note = note;
  } catch (error) {
    result.error = String(error?.message ?? error);
  } finally {
    for (const level of LEVELS) console[level] = saved[level];
  }
  result.ms = Math.round(performance.now() - start);
  result.logged = logged.length;
  const leaked = logged.find((line) => line.includes(CANARY_KEY));
  if (leaked) {
    result.ok = false;
    result.error = `${result.error ?? ''} the key was logged to the console: ${leaked.slice(0, 300)}`.trim();
  }
  return result;
}
