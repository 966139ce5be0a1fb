// Bad input to every operation: refused before sending, sent as the official SDK sends it, or a
// failing request option (the expectations are described at the top of the function).

import { show, ok, eq, settle, assertNoKey } from './common.mjs';
import { projectBadInput } from './input-projects.mjs';

/** Adds the `bad input` cases, one per operation (the project operations' in input-projects.mjs). */
export function badInputCases({ lib, mock, env, client, rejects, attempts, add, officialClient }) {
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
    ...projectBadInput({ refused, SENT, FAILS, badId, badIdWith, listQuery, after }),
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
            // Short, but room for an enum's values (a project's 15 residencies).
            ok(e.message.length > 0 && e.message.length < 500, `message ${show(e.message)}`);
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
}
