// Client options, as the official SDK takes them.

import { GROUPS, show, ok, eq, settle, assertNoKey } from './common.mjs';

/** Adds the `options` cases. */
export function optionCases({ lib, mock, env, browser, OpenAIAdmin, client, attempts, add, capture, officialClient }) {
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
}
