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
//   official:    the official `openai` SDK's module namespace (7.57.0), to compare with where it
//                defines the behaviour,
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
    // Called as the official SDK calls it: fetch(url, init).
    counter.fetch = (url, init) => {
      counter.calls += 1;
      return fetch(url, init);
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
      message: /^Invalid response body: .*not valid JSON/,
    });
    ok(/^req_/.test(e.requestID), `requestID ${e.requestID}`);
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
  });

  add('faults', 'a 200 with truncated JSON: APIError naming the problem', async () => {
    await mock.faults([{ path: `${GROUPS}/`, body_kind: 'truncated', count: 10 }]);
    const org = client();
    const id = (await org.groups.list({ limit: 1 })).data[0].id;
    const e = await rejects(() => org.groups.retrieve(id), lib.APIError, {
      exact: true,
      status: 200,
      message: /^Invalid response body: .*not valid JSON/,
    });
    ok(/^req_/.test(e.requestID), `requestID ${e.requestID}`);
    await mock.faults([{ path: GROUPS, body_kind: 'truncated', count: 10 }]);
    await rejects(() => org.groups.list(), lib.APIError, { exact: true, message: /not valid JSON/ });
  });

  add('faults', 'a 200 with an empty body: APIError (an empty body is no JSON), not retried', async () => {
    await mock.faults([{ path: GROUPS, body_kind: 'empty', count: 10 }]);
    const e = await rejects(() => client().groups.list(), lib.APIError, {
      exact: true,
      status: 200,
      message: /^Invalid response body: .*(empty|not valid JSON)/,
    });
    ok(/^req_/.test(e.requestID), `requestID ${e.requestID}`);
    eq((await attempts('GET', GROUPS)).length, 1, 'attempts');
  });

  /** A fetch that answers `body` (JSON unless a string is wanted as is) with a request id, counting calls. */
  const canned = (answer, { raw = false, status = 200 } = {}) => {
    const f = async (url, init) => {
      f.calls += 1;
      f.urls.push(String(url));
      const body = typeof answer === 'function' ? answer(String(url)) : answer;
      return new Response(raw ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', 'x-request-id': `req_canned_${f.calls}` },
      });
    };
    f.calls = 0;
    f.urls = [];
    return f;
  };
  /** A logger that keeps every line (level and text), for the drift and ignored-option lines. */
  const capture = () => {
    const lines = [];
    const at = (level) => (...args) => lines.push(`${level}: ${args.map((a) => (typeof a === 'string' ? a : show(a))).join(' ')}`);
    return { lines, logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') } };
  };
  const officialClient = (options = {}) =>
    new env.official.default({ adminAPIKey: CANARY_KEY, baseURL: mock.api, logLevel: 'off', ...browser, ...options }).admin
      .organization;

  const group = { object: 'group', id: 'group_1', name: 'A', created_at: 1, is_scim_managed: false, group_type: 'group' };

  add('faults', 'a 2xx body that only differs from the model reaches the caller as sent, as with the official SDK; drift is one warn line', async () => {
    // [what, operation, answer, drift line expected in the log]
    const answers = [
      ['a field of the wrong type', 'groups.list', { object: 'list', data: [group, { ...group, name: 5 }], has_more: false, next: null }, /^warn: groups\.list: data\[\]\.name /],
      ['required fields missing', 'groups.list', { object: 'list', data: [{ id: 'group_2', name: 'B', created_at: 2, is_scim_managed: false }], has_more: false, next: null }, /^warn: groups\.list: data\[\]\.group_type is missing/],
      ['an enum value and a field the spec does not know', 'groups.list', { object: 'list', data: [{ ...group, group_type: 'project_group', colour: 'red' }], has_more: false, next: null, first_id: 'group_1' }, /^warn: groups\.list: data\[\]\.group_type is "project_group", not one of/],
      ['has_more missing', 'groups.list', { object: 'list', data: [group], next: null }, /^warn: groups\.list: has_more is missing/],
      ['created_at not a number', 'groups.retrieve', { ...group, created_at: 'yesterday' }, /^warn: groups\.retrieve: created_at is not an integer/],
      ['a delete answer without its id', 'groups.delete', { object: 'group.deleted', deleted: true }, /^warn: groups\.delete: id is missing/],
    ];
    for (const [what, op, body, line] of answers) {
      const run = (org) => (op === 'groups.list' ? org.groups.list() : op === 'groups.retrieve' ? org.groups.retrieve('group_1') : org.groups.delete('group_1'));
      const { lines, logger } = capture();
      const fake = canned(body);
      const org = client({ fetch: fake, maxRetries: 0, logger });
      const ours = await settle(run(org), 10_000, what);
      const theirs = await settle(run(officialClient({ fetch: canned(body), maxRetries: 0 })), 10_000, `${what} (official)`);
      const got = op === 'groups.list' ? { data: ours.data, has_more: ours.has_more } : ours;
      const want = op === 'groups.list' ? { data: theirs.data, has_more: theirs.has_more } : theirs;
      eq(show(got), show(want), `${what}: the result, compared with the official SDK's`);
      if (op === 'groups.list') eq(show(ours.data), show(body.data), `${what}: data as sent`);
      else eq(show(ours), show(body), `${what}: the object as sent`);
      ok(lines.some((l) => line.test(l)), `${what}: no drift line matching ${line} in ${show(lines)}`);
      ok(lines.every((l) => l.startsWith('warn: ')), `${what}: only warn lines: ${show(lines)}`);
      // Once per client and operation: a second answer adds no line.
      const before = lines.length;
      await settle(run(org), 10_000, `${what} again`);
      eq(lines.length, before, `${what}: lines after a second call (${show(lines)})`);
    }
    return `${answers.length} answers`;
  });

  add('faults', 'a 200 body the client cannot go on with: APIError with status, request id and the path of the fault, not retried', async () => {
    const answers = [
      ['data not an array', 'groups.list', { object: 'list', data: { group }, has_more: false, next: null }, /data/],
      ['has_more not a boolean', 'groups.list', { object: 'list', data: [group], has_more: 'no', next: null }, /has_more/],
      ['next a number', 'groups.list', { object: 'list', data: [group], has_more: true, next: 5 }, /next/],
      ['last_id an object (users.list)', 'users.list', { object: 'list', data: [], has_more: true, last_id: { id: 'u' } }, /last_id/],
      ['an array', 'groups.list', [group], /object|array/],
      ['a string', 'groups.list', 'just a string', /object|string/],
      ['a number (retrieve)', 'groups.retrieve', 42, /object|number/],
    ];
    for (const [what, op, body, path] of answers) {
      const fake = canned(body);
      const org = client({ fetch: fake });
      const run = op === 'groups.list' ? () => org.groups.list() : op === 'users.list' ? () => org.users.list() : () => org.groups.retrieve('group_1');
      const e = await rejects(run, lib.APIError, { exact: true, status: 200 }).catch((f) => {
        throw new Error(`${what}: ${f.message}`);
      });
      ok(e.message.startsWith('Invalid response body: '), `${what}: ${e.message}`);
      ok(path.test(e.message), `${what}: ${e.message} should match ${path}`);
      eq(e.requestID, 'req_canned_1', `${what}: requestID`);
      eq(e.headers?.get('x-request-id'), 'req_canned_1', `${what}: x-request-id header`);
      eq(fake.calls, 1, `${what}: attempts`);
    }
    return `${answers.length} answers`;
  });

  add('faults', 'an empty page with has_more and a cursor: groups.list goes on, users.list stops, as the official page classes', async () => {
    const groups = (url) =>
      new URL(url).searchParams.get('after') === 'c1'
        ? { object: 'list', data: [group], has_more: false, next: null }
        : { object: 'list', data: [], has_more: true, next: 'c1' };
    const users = (url) =>
      new URL(url).searchParams.get('after') === 'u1'
        ? { object: 'list', data: [{ object: 'organization.user', id: 'user_2', name: 'B', email: 'b@example.com', role: 'reader', added_at: 1 }], has_more: false, last_id: null }
        : { object: 'list', data: [], has_more: true, last_id: 'u1' };
    for (const [op, answer, expectedIds, expectedCalls] of [
      ['groups.list', groups, ['group_1'], 2],
      ['users.list', users, [], 1],
    ]) {
      const collect = async (org, fake) => {
        const ids = [];
        const list = op === 'groups.list' ? org.groups.list() : org.users.list();
        for await (const item of list) ids.push(item.id);
        return [ids, fake.calls];
      };
      const oursFake = canned(answer);
      const theirsFake = canned(answer);
      const ours = await settle(collect(client({ fetch: oursFake }), oursFake), 10_000, op);
      const theirs = await settle(collect(officialClient({ fetch: theirsFake }), theirsFake), 10_000, `${op} (official)`);
      eq(show(ours), show(theirs), `${op}: [items, fetch calls] compared with the official SDK`);
      eq(show(ours), show([expectedIds, expectedCalls]), `${op}: [items, fetch calls]`);
    }
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

  // --- 1b. client options, as the official SDK takes them ---------------------------------------

  add('options', 'unknown client options are ignored with one warn line naming them, as the official SDK ignores them', async () => {
    const { lines, logger } = capture();
    const org = client({ logger, colour: 'red', retries: 5, maxRetries: 0 });
    const page = await settle(org.groups.list({ limit: 1 }), 10_000, 'list');
    eq(page.data.length, 1, 'page');
    const named = lines.filter((l) => /colour/.test(l) && /retries/.test(l));
    eq(named.length, 1, `lines naming the ignored options: ${show(lines)}`);
    ok(named[0].startsWith('warn: '), named[0]);
    const theirs = await settle(officialClient({ colour: 'red', retries: 5, maxRetries: 0 }).groups.list({ limit: 1 }), 10_000, 'official');
    eq(theirs.data.length, 1, 'the official SDK, same options');
  });

  add('options', 'maxRetries: -1 (client or call) means the default 2 retries, as in the official SDK', async () => {
    await mock.faults([{ method: 'GET', path: GROUPS, status: 500, count: 100 }]);
    const runs = [
      ['ours, client option', () => client({ maxRetries: -1 }).groups.list()],
      ['ours, request option', () => client({ maxRetries: 0 }).groups.list({}, { maxRetries: -1 })],
      ['official, client option', () => officialClient({ maxRetries: -1 }).groups.list()],
      ['official, request option', () => officialClient({ maxRetries: 0 }).groups.list({}, { maxRetries: -1 })],
    ];
    for (const [what, run] of runs) {
      await mock.clearRequests();
      const outcome = await settle(run().then(() => 'resolved', (e) => e?.status), 20_000, what);
      eq(outcome, 500, `${what}: outcome`);
      eq((await attempts('GET', GROUPS)).length, 3, `${what}: attempts`);
    }
  }, { timeout: 60_000 });

  add('options', 'an invalid timeout throws an OpenAIError at construction, and nothing is sent', async () => {
    for (const timeout of [-1, 'soon', 1.5, Number.NaN]) {
      let error;
      try {
        client({ timeout });
      } catch (e) {
        error = e;
      }
      ok(error instanceof lib.OpenAIError, `timeout ${show(timeout)}: ${error ? `${error.name}: ${error.message}` : 'no error'}`);
      ok(!(error instanceof lib.APIError), `timeout ${show(timeout)}: an OpenAIError, not an APIError (${error.name})`);
      ok(/timeout/.test(error.message), error.message);
      assertNoKey(error, env.inspect);
    }
    eq((await attempts()).length, 0, 'requests');
  });

  add('options', 'a client without credentials throws the official "Missing credentials" OpenAIError at construction', async () => {
    const build = (Client) => {
      try {
        new Client({ adminAPIKey: null, apiKey: null, baseURL: mock.api, ...browser });
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const ours = build(OpenAIAdmin);
    const theirs = build(env.official.default);
    ok(ours instanceof lib.OpenAIError, `ours: ${ours}`);
    ok(theirs instanceof env.official.OpenAIError, `official: ${theirs}`);
    eq(ours.message, theirs.message, 'message, compared with the official SDK');
  });

  // --- 2. bad input ----------------------------------------------------------------------------
  //
  // Each call has one expectation:
  // - refused(param): it cannot succeed under the schema (wrong JSON type of a known field, a
  //   required field missing, an empty or `.`/`..` id, a number or a length outside the schema's
  //   bounds): an InvalidArgumentError, which is a BadRequestError (status 400, `param`, no request
  //   id, a message saying nothing was sent), and no request. Where the official SDK sends the same
  //   call and the server answers 400, the server names the same `param`.
  // - SENT: the schema leaves it to the server (values outside an enum, unknown fields, bounds in
  //   prose only, `{}`), or it is a request option the official SDK accepts or ignores: the mock
  //   receives exactly what it receives from the official SDK (method, path, query, body) and the
  //   outcome (result, or error class, status and param) is the same.
  // - FAILS: a request option no request can use (as the official SDK, it rejects and sends nothing).
  // - differs(why): sent, not refused, to the same method and path as the official SDK, but not
  //   byte for byte as it sends it; the difference is printed as the test's diagnostic (and
  //   reported as a bug in the package, see the README).

  const G = 'group_x';
  const U = 'user_x';
  const R = 'role_x';
  const refused = (param) => ({ refused: param });
  const SENT = { sent: true };
  const FAILS = { fails: true };
  const differs = (why) => ({ sent: true, differs: why });
  const badId = (name) => [
    [`${name} missing`, [], refused(name)],
    [`${name} empty`, [''], refused(name)],
    [`${name} a number`, [42], refused(name)],
    [`${name} null`, [null], refused(name)],
    [`${name} an object`, [{ id: 'x' }], refused(name)],
    [`${name} "."`, ['.'], refused(name)],
    [`${name} ".."`, ['..'], refused(name)],
  ];
  const listQuery = (max) => [
    ['limit negative', [{ limit: -1 }], refused('limit')],
    ['limit over the maximum', [{ limit: max + 1 }], refused('limit')],
    ['limit a fraction', [{ limit: 1.5 }], refused('limit')],
    ['limit a string', [{ limit: '5' }], refused('limit')],
    ['limit at the maximum', [{ limit: max }], SENT],
    ['order not asc/desc (the server judges)', [{ order: 'sideways' }], SENT],
    ['after a number', [{ after: 5 }], refused('after')],
    ['unknown query key', [{ colour: 'red' }], SENT],
    ['null query values', [{ after: null, order: null }], SENT],
    ['query a string', ['limit=5'], refused('params')],
    ['options with an unknown key (ignored)', [{}, { retries: 1 }], SENT],
    ['official request options', [{}, { idempotencyKey: 'k-1', fetchOptions: {}, stream: false, headers: { 'X-Extra': '1' } }], SENT],
    ['maxRetries negative (the default 2)', [{}, { maxRetries: -1 }], SENT],
    ['timeout a string', [{}, { timeout: 'soon' }], FAILS],
    ['timeout negative', [{}, { timeout: -1 }], FAILS],
    ['signal not an AbortSignal', [{}, { signal: 'stop' }], FAILS],
  ];
  /** Prefixes every argument list with `lead` (the ids before the argument under test). */
  const after = (lead, list) => list.map(([what, args, expect]) => [what, [...lead, ...args], expect]);
  const scoped = (scope) => [
    [`params missing`, [], refused(scope)],
    [`params a string`, ['x'], refused('params')],
    [`${scope} missing`, [{}], refused(scope)],
    [`${scope} empty`, [{ [scope]: '' }], refused(scope)],
    [`${scope} a number`, [{ [scope]: 7 }], refused(scope)],
    [`${scope} ".."`, [{ [scope]: '..' }], refused(scope)],
    [`unknown key beside ${scope}`, [{ [scope]: 'x', extra: 1 }], SENT],
  ];
  /** badId for an operation with a body or params: the id under test, then `rest`. */
  const badIdWith = (name, rest) => badId(name).map(([w, a, e]) => [w, [a.length ? a[0] : undefined, rest], e]);
  const withScope = (idName, scope, value) => [...badIdWith(idName, { [scope]: value }), ...after(['id_ok'], scoped(scope))];

  const badInput = {
    'groups.list': [...listQuery(1000)],
    'groups.create': [
      ['body missing', [], refused('name')],
      ['body a string', ['x'], refused('body')],
      ['body an array', [[]], refused('body')],
      ['name missing', [{}], refused('name')],
      ['name empty', [{ name: '' }], refused('name')],
      ['name a number', [{ name: 5 }], refused('name')],
      ['name null', [{ name: null }], refused('name')],
      ['name over 255 characters', [{ name: 'x'.repeat(256) }], refused('name')],
      ['name of blanks (the server judges)', [{ name: '   ' }], SENT],
      ['unknown key', [{ name: 'x', colour: 'red' }], SENT],
    ],
    'groups.retrieve': badId('group_id'),
    'groups.update': [
      ...badIdWith('group_id', { name: 'x' }),
      ['body missing', [G], refused('name')],
      ['name missing', [G, {}], refused('name')],
      ['name empty', [G, { name: '' }], refused('name')],
      ['name null', [G, { name: null }], refused('name')],
      ['name over 255 characters', [G, { name: 'é'.repeat(256) }], refused('name')],
      ['unknown key', [G, { name: 'x', id: 'y' }], SENT],
    ],
    'groups.delete': badId('group_id'),
    'groups.users.list': [...badId('group_id'), ...after([G], listQuery(1000))],
    'groups.users.create': [
      ...badIdWith('group_id', { user_id: U }),
      ['body missing', [G], refused('user_id')],
      ['user_id missing', [G, {}], refused('user_id')],
      ['user_id a number', [G, { user_id: 5 }], refused('user_id')],
      ['unknown key', [G, { user_id: U, role: 'owner' }], SENT],
    ],
    'groups.users.retrieve': withScope('user_id', 'group_id', G),
    'groups.users.delete': withScope('user_id', 'group_id', G),
    'groups.roles.list': [...badId('group_id'), ...after([G], listQuery(1000))],
    'groups.roles.create': [
      ...badIdWith('group_id', { role_id: R }),
      ['body missing', [G], refused('role_id')],
      ['role_id missing', [G, {}], refused('role_id')],
      ['role_id a boolean', [G, { role_id: true }], refused('role_id')],
      ['unknown key', [G, { role_id: R, user_id: U }], SENT],
    ],
    'groups.roles.retrieve': withScope('role_id', 'group_id', G),
    'groups.roles.delete': withScope('role_id', 'group_id', G),
    'roles.list': listQuery(1000),
    'roles.create': [
      ['body missing', [], refused('role_name')],
      ['role_name missing', [{ permissions: [] }], refused('role_name')],
      // Only group names have a length range in the spec; role names are the server's to judge.
      ['role_name empty (the server judges)', [{ role_name: '', permissions: [] }], SENT],
      ['permissions missing', [{ role_name: 'r' }], refused('permissions')],
      ['permissions a string', [{ role_name: 'r', permissions: 'api.read' }], refused('permissions')],
      ['permissions with a number', [{ role_name: 'r', permissions: ['a', 1] }], refused('permissions')],
      ['description a number', [{ role_name: 'r', permissions: [], description: 5 }], refused('description')],
      ['description null', [{ role_name: 'r', permissions: [], description: null }], SENT],
      ['unknown key (name beside role_name)', [{ name: 'r', role_name: 'r', permissions: [] }], SENT],
    ],
    'roles.retrieve': badId('role_id'),
    'roles.update': [
      ...badIdWith('role_id', { description: 'x' }),
      ['role_name a number', [R, { role_name: 5 }], refused('role_name')],
      ['permissions an object', [R, { permissions: { a: 1 } }], refused('permissions')],
      ['body empty', [R, {}], SENT],
      ['body missing', [R], SENT],
      ['role_name empty (the server judges)', [R, { role_name: '' }], SENT],
      ['description null (clears it)', [R, { description: null }], SENT],
      ['unknown key', [R, { name: 'x' }], SENT],
    ],
    'roles.delete': badId('role_id'),
    'users.list': [
      // 1..100 is prose in the spec, not a schema bound: the server answers 400 naming `limit`.
      ['limit 0 (the server judges)', [{ limit: 0 }], SENT],
      ['limit 101 (the server judges)', [{ limit: 101 }], SENT],
      ['limit 500 (the server judges)', [{ limit: 500 }], SENT],
      ['limit a string', [{ limit: '10' }], refused('limit')],
      ['emails a string', [{ emails: 'a@example.com' }], refused('emails')],
      ['emails with a number', [{ emails: ['a@example.com', 3] }], refused('emails')],
      ['after a number', [{ after: 1 }], refused('after')],
      ['order, not a parameter here', [{ order: 'asc' }], SENT],
      ['options with an unknown key (ignored)', [{}, { headers: {}, foo: 1 }], SENT],
      ['timeout a fraction', [{}, { timeout: 1.5 }], FAILS],
    ],
    'users.retrieve': badId('user_id'),
    'users.update': [
      ...badIdWith('user_id', { role: 'reader' }),
      ['role a number', [U, { role: 1 }], refused('role')],
      ['technical_level a number', [U, { technical_level: 3 }], refused('technical_level')],
      ['body empty', [U, {}], SENT],
      ['body missing', [U], SENT],
      ['role not owner/reader (the spec text names member)', [U, { role: 'member' }], SENT],
      ['role admin', [U, { role: 'admin' }], SENT],
      ['role null', [U, { role: null }], SENT],
      ['unknown key', [U, { role: 'reader', email: 'x@example.com' }], SENT],
    ],
    'users.delete': badId('user_id'),
    'users.roles.list': [...badId('user_id'), ...after([U], listQuery(1000))],
    'users.roles.create': [
      ...badIdWith('user_id', { role_id: R }),
      ['body missing', [U], refused('role_id')],
      ['role_id missing', [U, {}], refused('role_id')],
      ['role_id null', [U, { role_id: null }], refused('role_id')],
      ['unknown key', [U, { role_id: R, group_id: G }], SENT],
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

  /** The library's own class for an error (instanceof, most specific first), not its constructor name. */
  const classNames = [
    'InvalidArgumentError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError',
    'ConflictError', 'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'APIConnectionTimeoutError',
    'APIUserAbortError', 'APIConnectionError', 'APIError', 'OpenAIError',
  ];
  const classOf = (e, mod) => classNames.find((n) => typeof mod[n] === 'function' && e instanceof mod[n]) ?? `${e?.name ?? typeof e}`;

  /** Runs `call` with `mod`'s client; resolves to its outcome and what the mock received. */
  async function outcomeOf(call, mod) {
    await mock.reset();
    let result;
    try {
      await settle(Promise.resolve().then(call), 10_000, 'call');
      result = { ok: true };
    } catch (e) {
      if (mod === lib) assertNoKey(e, env.inspect);
      result = { error: classOf(e, mod), status: e?.status, param: e?.param ?? null, message: String(e?.message).slice(0, 200) };
    }
    const sent = (await mock.requests()).map((r) => ({
      method: r.method,
      path: r.path,
      query: r.query,
      body: r.body == null ? null : JSON.parse(r.body),
    }));
    return { ...result, sent };
  }
  const same = (a, b) => show({ ...a, message: undefined }) === show({ ...b, message: undefined });

  for (const [op, calls] of Object.entries(badInput)) {
    const counts = { refused: 0, sent: 0, fails: 0 };
    for (const [, , expect] of calls) counts[expect.refused ? 'refused' : expect.sent ? 'sent' : 'fails'] += 1;
    const title = `${op}: ${counts.refused} refused before sending (BadRequestError naming the argument), ${counts.sent} sent to the server (compared with the official SDK), ${counts.fails} failing request options`;
    add('bad input', title, async () => {
      const org = client();
      const theirs = officialClient({ maxRetries: 0 });
      const call = method(org, op);
      const officialCall = method(theirs, op);
      const notes = [];
      for (const [what, args, expect] of calls) {
        const where = `${op}(${args.map(show).join(', ')}) [${what}]`;
        try {
          if (expect.refused) {
            await mock.clearRequests();
            const e = await rejects(() => call(...args), lib.InvalidArgumentError, { param: expect.refused, status: 400 }, 5000);
            ok(e instanceof lib.BadRequestError, 'an InvalidArgumentError is a BadRequestError');
            ok(e.requestID === null || e.requestID === undefined, `requestID ${show(e.requestID)}`);
            ok(/not sent|nothing was sent/i.test(e.message), `the message says nothing was sent: ${show(e.message)}`);
            ok(e.message.length > 0 && e.message.length < 300, `message ${show(e.message)}`);
            const log = await attempts();
            eq(log.length, 0, `requests sent: ${show(log.map((r) => r.path))}`);
            // Where the official SDK sends it and the server answers 400, the same argument is named.
            const official = await outcomeOf(() => officialCall(...args), env.official);
            if (official.error === 'BadRequestError' && official.param) eq(e.param, official.param, `param, compared with the server's 400 to the official SDK (${official.message})`);
          } else if (expect.sent) {
            const ours = await outcomeOf(() => call(...args), lib);
            const official = await outcomeOf(() => officialCall(...args), env.official);
            eq(ours.sent.length, 1, `requests sent (${show(ours)})`);
            if (expect.differs) {
              eq(official.sent.length, 1, `requests the official SDK sent (${show(official)})`);
              eq(`${ours.sent[0].method} ${ours.sent[0].path}`, `${official.sent[0].method} ${official.sent[0].path}`, 'method and path, compared with the official SDK');
              ok(!same(ours, official), `now the same as the official SDK: make it SENT (${show(ours)})`);
              notes.push(`${where}: ${expect.differs}`);
            } else {
              ok(same(ours, official), `differs from the official SDK:\n  ours:     ${show(ours)}\n  official: ${show(official)}`);
            }
          } else {
            const ours = await outcomeOf(() => call(...args), lib);
            const official = await outcomeOf(() => officialCall(...args), env.official);
            ok(ours.error && ours.error !== 'InternalServerError', `expected a rejection, got ${show(ours)}`);
            eq(ours.sent.length, 0, 'requests sent');
            ok(official.error, `the official SDK rejects too: ${show(official)}`);
            eq(official.sent.length, 0, 'requests the official SDK sent');
          }
        } catch (failure) {
          throw new Error(`${where}: ${failure.message}`);
        }
      }
      return [`${calls.length} calls`, ...notes.map((n) => `differs from the official SDK: ${n}`)].join(' | ');
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
    add('security', 'in a browser, a key without dangerouslyAllowBrowser throws at construction, as the official SDK, without showing it', async () => {
      const build = (Client) => {
        try {
          new Client({ adminAPIKey: CANARY_KEY, baseURL: mock.api });
        } catch (e) {
          return e;
        }
        return undefined;
      };
      const e = build(OpenAIAdmin);
      ok(e instanceof lib.OpenAIError && !(e instanceof lib.APIError), `expected an OpenAIError at construction, got ${e}`);
      ok(/dangerouslyAllowBrowser/.test(e.message), e.message);
      assertNoKey(e);
      const theirs = build(env.official.default);
      ok(theirs instanceof env.official.OpenAIError, `official: ${theirs}`);
      eq(e.message, theirs.message, 'message, compared with the official SDK');
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
