// Faults on the wire: retried statuses, retry-after and x-should-retry, refused and dropped
// connections, timeouts, aborts, and 200 bodies that are not JSON.

import { CANARY_KEY, GROUPS, show, ok, eq, between, settle } from './common.mjs';

/** Adds the `faults` cases on the wire (see the README's table). */
export function faultCases({ lib, mock, where, env, browser, OpenAIAdmin, client, rejects, attempts, elapsed, add }) {
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
}
