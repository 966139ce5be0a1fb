// Answers the client reads: a 2xx body that differs from the model, one it cannot go on with,
// an empty page with a cursor, an HTML error page, and 50 MB bodies.

import { GROUPS, show, ok, eq, settle, assertNoKey } from './common.mjs';

/** Adds the `faults` cases about what the server answers (see the README's table). */
export function answerCases({ lib, mock, env, client, rejects, attempts, add, canned, capture, officialClient }) {
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
}
