// The key shows nowhere, the mock's controls are guarded, and a browser needs the official opt-in.

import { CANARY_KEY, GROUPS, ok, eq, exposed, assertNoKey } from './common.mjs';

/** Adds the `security` cases. */
export function securityCases({ lib, mock, where, env, browser, OpenAIAdmin, client, rejects, attempts, add }) {
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
}
