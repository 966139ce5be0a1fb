// The context every group of cases is written against: the clients (this package's and the
// official SDK's), expectations on a rejection, the request log, canned answers, and `add`.

import { CANARY_KEY, show, ok, eq, settle, assertNoKey } from './common.mjs';

/** Builds the shared helpers for `env` (see cases.mjs); `add` appends to `cases`. */
export function context(env, cases) {
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

  const add = (group, name, run, extra = {}) => cases.push({ group, name, run, timeout: 30_000, ...extra });

  return { lib, mock, where, env, browser, OpenAIAdmin, client, rejects, attempts, elapsed, add, canned, capture, officialClient };
}
