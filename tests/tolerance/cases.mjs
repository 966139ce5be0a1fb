// The tolerance cases: "never stricter than the API". Each case serves canned answers from the
// server inside the test (server.mjs) and runs this package and the official `openai` SDK against
// them, then compares:
//
//   same        both succeed with deep-equal results, or both fail with errors of the same class
//               (and status and param); both send the same requests: method, path, query string
//               and body text byte for byte, in the same order.
//   must-fail   the answer is one the issue says this package must refuse (not JSON, not an
//               object, `data` / `has_more` / cursor of the wrong JSON type): this package rejects
//               with an APIError carrying the status, the request id and the path of the fault.
//               The official SDK's outcome is only reported.
//   pre-send    this package rejects before sending: instanceof BadRequestError, `param` kept, no
//               request id, a message saying nothing was sent, and no request reached the server.
//   drift       what this package logs (or throws with `responseDrift: 'error'`) for an answer
//               that differs from the spec.
//
// No Node modules: the same file runs in Node and, bundled, in Chromium. `env` is
// { ours: the package module, official: the `openai` module, url: the server's origin, where }.

import { EXAMPLES as ORG_EXAMPLES } from './examples.mjs';
import { PROJECT_EXAMPLES } from './examples-projects.mjs';
import { PROJECT_CALLS, addProjectCases } from './cases-projects.mjs';

const EXAMPLES = { ...ORG_EXAMPLES, ...PROJECT_EXAMPLES };

export const KEY = 'sk-admin-tolerance-test';
const GID = 'group_01J1F8ABCDXYZ';
const UID = 'user_abc123';
const RID = 'role_01J1F8ROLE01';

/** The server's controls (server.mjs). */
export function control(url) {
  const call = async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    script: (answers) => call('POST', '/__t/script', answers),
    requests: async () => (await call('GET', '/__t/requests')).data,
  };
}

/** A logger that keeps every line as "level: text". */
function capture() {
  const lines = [];
  const at = (level) => (...args) =>
    lines.push(`${level}: ${args.map((a) => (typeof a === 'string' ? a : safeJSON(a))).join(' ')}`);
  return { lines, logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') } };
}

function safeJSON(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** The two clients' `client.admin.organization`, on the same server, with captured logs. */
function clients(env, extra = {}) {
  const ours = capture();
  const official = capture();
  const Ours = env.ours.default ?? env.ours.OpenAIAdmin;
  const Official = env.official.default ?? env.official.OpenAI;
  const common = { adminAPIKey: KEY, baseURL: `${env.url}/v1`, maxRetries: 0, logLevel: 'warn', dangerouslyAllowBrowser: true };
  return {
    ours: new Ours({ ...common, logger: ours.logger, ...extra }).admin.organization,
    official: new Official({ ...common, apiKey: 'unused', logger: official.logger }).admin.organization,
    oursLog: ours.lines,
    officialLog: official.lines,
  };
}

/** Plain data of a result: pages become { data, has_more, next | last_id }; JSON round trip. */
function plain(v) {
  if (v && typeof v === 'object' && typeof v.getPaginatedItems === 'function') {
    const out = { data: v.data, has_more: v.has_more };
    if ('next' in v) out.next = v.next;
    if ('last_id' in v) out.last_id = v.last_id;
    return JSON.parse(JSON.stringify(out));
  }
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** JSON with sorted keys, to compare plain data. */
function canon(v) {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

/** The class name and the fields the cases look at. */
function describe(e) {
  return {
    class: e?.constructor?.name ?? typeof e,
    message: String(e?.message ?? e),
    status: e?.status,
    param: e?.param,
    requestID: e?.requestID ?? e?.request_id,
  };
}

async function settle(fn) {
  try {
    return { ok: true, value: plain(await fn()) };
  } catch (e) {
    return { ok: false, error: describe(e), raw: e };
  }
}

/** Every item of every page, through `for await`. */
async function all(pagePromise) {
  const out = [];
  for await (const item of pagePromise) out.push(item);
  return out;
}

class Failure extends Error {}
function check(cond, message) {
  if (!cond) throw new Failure(message);
}
const show = (v) => {
  const s = canon(v);
  return s.length > 600 ? `${s.slice(0, 600)}…` : s;
};
/** Requests as compared: method, path, query and body exactly as received. */
const wire = (reqs) => reqs.map(({ method, path, query, body }) => ({ method, path, query, body }));

/**
 * The cases: { name, group, kind, answers, run(org, env), expect?(result, ctx) }. `answers` is the
 * server's script for one client's run; `run` gets a client's `admin.organization`.
 */
export function defineCases() {
  const cases = [];
  const add = (group, name, kind, answers, run, more = {}) => cases.push({ group, name, kind, answers, run, ...more });
  const ok = (body) => ({ body });
  const E = EXAMPLES;

  // ------------------------------------------------------------ the spec's example answers
  const calls = {
    'groups.list': (o) => o.groups.list(),
    'groups.create': (o) => o.groups.create({ name: 'Support Team' }),
    'groups.retrieve': (o) => o.groups.retrieve(GID),
    'groups.update': (o) => o.groups.update(GID, { name: 'Escalations' }),
    'groups.delete': (o) => o.groups.delete(GID),
    'groups.users.list': (o) => o.groups.users.list(GID, { limit: 20 }),
    'groups.users.create': (o) => o.groups.users.create(GID, { user_id: UID }),
    'groups.users.retrieve': (o) => o.groups.users.retrieve(UID, { group_id: GID }),
    'groups.users.delete': (o) => o.groups.users.delete(UID, { group_id: GID }),
    'groups.roles.list': (o) => o.groups.roles.list(GID),
    'groups.roles.create': (o) => o.groups.roles.create(GID, { role_id: RID }),
    'groups.roles.retrieve': (o) => o.groups.roles.retrieve(RID, { group_id: GID }),
    'groups.roles.delete': (o) => o.groups.roles.delete(RID, { group_id: GID }),
    'roles.list': (o) => o.roles.list({ limit: 20 }),
    'roles.create': (o) =>
      o.roles.create({ role_name: 'API Group Manager', permissions: ['api.groups.read', 'api.groups.write'], description: 'Allows managing organization groups' }),
    'roles.retrieve': (o) => o.roles.retrieve(RID),
    'roles.update': (o) => o.roles.update(RID, { role_name: 'API Group Manager', permissions: ['api.groups.read'] }),
    'roles.delete': (o) => o.roles.delete(RID),
    'users.list': (o) => o.users.list({ after: 'user_abc', limit: 20 }),
    'users.retrieve': (o) => o.users.retrieve('user_abc'),
    'users.update': (o) => o.users.update('user_abc', { role: 'owner' }),
    'users.delete': (o) => o.users.delete('user_abc'),
    'users.roles.list': (o) => o.users.roles.list(UID),
    'users.roles.create': (o) => o.users.roles.create(UID, { role_id: RID }),
    'users.roles.retrieve': (o) => o.users.roles.retrieve(RID, { user_id: UID }),
    'users.roles.delete': (o) => o.users.roles.delete(RID, { user_id: UID }),
    ...PROJECT_CALLS,
  };
  for (const [op, call] of Object.entries(calls)) {
    add('spec examples', `${op}: the spec's example answer`, 'same', [ok(E[op])], call);
  }

  // ------------------------------------------------------------ answers beyond today's spec
  const groupOf = (extra) => ({ ...E['groups.retrieve'], ...extra });
  add('answers', 'groups.retrieve: group_type "project_group" (a value the API may add)', 'same', [ok(groupOf({ group_type: 'project_group' }))], calls['groups.retrieve'], {
    expect: (r) => check(r.value.group_type === 'project_group', `group_type: ${r.value.group_type}`),
  });
  add('answers', 'groups.list: items with group_type "project_group"', 'same',
    [ok({ ...E['groups.list'], data: [{ ...E['groups.list'].data[0], group_type: 'project_group' }] })], calls['groups.list']);
  add('answers', 'roles.delete: an answer without id', 'same', [ok({ object: 'role.deleted', deleted: true })], calls['roles.delete'], {
    expect: (r) => check(!('id' in r.value), 'no id added'),
  });
  add('answers', 'groups.delete: an answer without id', 'same', [ok({ object: 'group.deleted', deleted: true })], calls['groups.delete']);
  add('answers', 'users.roles.retrieve: created_at 1711471533.5', 'same',
    [ok({ ...E['users.roles.retrieve'], created_at: 1711471533.5 })], calls['users.roles.retrieve'], {
      expect: (r) => check(r.value.created_at === 1711471533.5, `created_at: ${r.value.created_at}`),
    });
  add('answers', 'groups.roles.list: an item with created_at 1711471533.5', 'same',
    [ok({ ...E['groups.roles.list'], data: [{ ...E['groups.roles.list'].data[0], created_at: 1711471533.5 }] })], calls['groups.roles.list']);
  add('answers', 'groups.retrieve: unknown fields, nested and top level', 'same',
    [ok(groupOf({ color: 'red', labels: ['a'], owner: { id: UID, extra: { deep: true } } }))], calls['groups.retrieve'], {
      expect: (r) => check(r.value.color === 'red' && r.value.owner.extra.deep === true, 'unknown fields kept'),
    });
  add('answers', 'groups.list: unknown fields in items and on the page', 'same',
    [ok({ ...E['groups.list'], total: 1, data: [{ ...E['groups.list'].data[0], tier: 'gold' }] })], calls['groups.list']);
  add('answers', 'users.retrieve: every optional field missing, role outside the spec', 'same',
    [ok({ object: 'organization.user', id: 'user_abc', added_at: 1711471533, role: 'billing_admin' })], calls['users.retrieve']);
  add('answers', 'users.retrieve: name and email null', 'same',
    [ok({ ...E['users.retrieve'], name: null, email: null })], calls['users.retrieve']);
  add('answers', 'groups.retrieve: required fields missing (only an id)', 'same', [ok({ id: GID })], calls['groups.retrieve']);
  add('answers', 'groups.retrieve: wrong types inside an item (created_at a string)', 'same',
    [ok(groupOf({ created_at: '2024-03-26T00:00:00Z', is_scim_managed: 'no' }))], calls['groups.retrieve']);
  add('answers', 'groups.list: next and has_more absent, data present', 'same', [ok({ object: 'list', data: E['groups.list'].data })], calls['groups.list']);

  // ------------------------------------------------------------ pagination as the official pages do it
  const g = (n) => ({ ...E['groups.list'].data[0], id: `group_${n}`, name: `Group ${n}` });
  const u = (n) => ({ ...E['users.list'].data[0], id: `user_${n}` });
  const listAll = (org) => all(org.groups.list({ limit: 2 }));
  add('pagination', 'groups.list: an empty page with has_more true and next "x" goes on', 'same',
    [ok({ object: 'list', data: [], has_more: true, next: 'x' }), ok({ object: 'list', data: [g(1), g(2)], has_more: false, next: null })], listAll, {
      expect: (r, ctx) => {
        check(r.value.length === 2, `items: ${r.value.length}`);
        check(ctx.requests.length === 2 && /(^|&)after=x(&|$)/.test(ctx.requests[1].query ?? ''), `requests: ${show(wire(ctx.requests))}`);
      },
    });
  add('pagination', 'groups.list: has_more missing with a next cursor (the official pages stop)', 'same',
    [ok({ object: 'list', data: [g(1)], next: 'group_1' }), ok({ object: 'list', data: [g(2)], has_more: false, next: null })], listAll);
  add('pagination', 'groups.list: has_more true, next null (nothing to continue from)', 'same',
    [ok({ object: 'list', data: [g(1)], has_more: true, next: null })], listAll);
  add('pagination', 'groups.list: has_more true, next "" (an empty cursor continues nothing)', 'same',
    [ok({ object: 'list', data: [g(1)], has_more: true, next: '' })], listAll);
  add('pagination', 'groups.list: three pages through next', 'same',
    [ok({ object: 'list', data: [g(1), g(2)], has_more: true, next: 'group_2' }), ok({ object: 'list', data: [g(3)], has_more: true, next: 'c3' }), ok({ object: 'list', data: [g(4)], has_more: false, next: 'ignored' })], listAll);
  add('pagination', 'users.list: an empty page with has_more true and last_id goes on', 'same',
    [ok({ object: 'list', data: [], has_more: true, first_id: null, last_id: 'user_x' }), ok({ object: 'list', data: [u(1)], has_more: false, first_id: 'user_1', last_id: 'user_1' })],
    (o) => all(o.users.list({ limit: 1 })));
  add('pagination', 'users.list: has_more missing with a last_id (the official pages stop)', 'same',
    [ok({ object: 'list', data: [u(1)], first_id: 'user_1', last_id: 'user_1' }), ok({ object: 'list', data: [u(2)], has_more: false })], (o) => all(o.users.list({ limit: 1 })));
  add('pagination', 'groups.users.list: empty page, has_more true, next cursor', 'same',
    [ok({ object: 'list', data: [], has_more: true, next: 'n' }), ok(E['groups.users.list'])], (o) => all(o.groups.users.list(GID)));

  addProjectCases({ add, ok, check, all });

  // ------------------------------------------------------------ bodies this package must refuse
  const fault = (name, answers, run, path) => add('must fail', name, 'must-fail', answers, run, { path });
  fault('groups.list: not JSON', [{ text: '{"object": "list", "data": [' }], calls['groups.list'], null);
  fault('groups.retrieve: not JSON (HTML with a JSON content type)', [{ text: '<html>oops</html>' }], calls['groups.retrieve'], null);
  fault('groups.list: a JSON array', [{ body: [g(1)] }], calls['groups.list'], null);
  fault('groups.retrieve: a JSON array', [{ body: [groupOf({})] }], calls['groups.retrieve'], null);
  fault('groups.retrieve: a JSON string', [{ text: '"group"' }], calls['groups.retrieve'], null);
  fault('groups.list: data not an array', [ok({ object: 'list', data: { id: GID }, has_more: false, next: null })], calls['groups.list'], 'data');
  fault('groups.list: has_more a string', [ok({ ...E['groups.list'], has_more: 'false' })], calls['groups.list'], 'has_more');
  fault('groups.list: next a number', [ok({ ...E['groups.list'], next: 5 })], calls['groups.list'], 'next');
  fault('users.list: last_id a number', [ok({ ...E['users.list'], last_id: 7 })], calls['users.list'], 'last_id');
  fault('roles.list: data a string', [ok({ object: 'list', data: 'none', has_more: false, next: null })], calls['roles.list'], 'data');

  // ------------------------------------------------------------ requests sent as the caller gave them
  const sent = (name, answers, run) => add('requests', name, 'same', answers, run);
  sent('users.update(id, {})', [ok(E['users.update'])], (o) => o.users.update('user_abc', {}));
  sent("users.update(id, { role: 'member' })", [ok(E['users.update'])], (o) => o.users.update('user_abc', { role: 'member' }));
  sent('roles.update(id, { description: null })', [ok({ ...E['roles.update'], description: null })], (o) => o.roles.update(RID, { description: null }));
  sent('users.list({ limit: 0 })', [ok(E['users.list'])], (o) => o.users.list({ limit: 0 }));
  sent('users.list({ limit: 500 })', [ok(E['users.list'])], (o) => o.users.list({ limit: 500 }));
  sent('groups.create({ name, description })', [ok(E['groups.create'])], (o) => o.groups.create({ name: 'Support Team', description: 'a field the API may add' }));
  sent('groups.list({ limit: 2, color: "red" }) (unknown query field)', [ok(E['groups.list'])], (o) => o.groups.list({ limit: 2, color: 'red' }));
  sent("groups.list({ order: 'newest' }) (enum value outside the spec)", [ok(E['groups.list'])], (o) => o.groups.list({ order: 'newest' }));
  sent('users.update(id, { technical_level: null, developer_persona: "x" })', [ok(E['users.update'])],
    (o) => o.users.update('user_abc', { technical_level: null, developer_persona: 'x' }));
  sent('roles.update(id, { role_name: null, permissions: null })', [ok(E['roles.update'])], (o) => o.roles.update(RID, { role_name: null, permissions: null }));
  sent('users.list({ emails: [a, b], limit: 3 })', [ok(E['users.list'])], (o) => o.users.list({ emails: ['a@example.com', 'b@example.com'], limit: 3 }));
  sent('a 400 from the server for a sent request: same class both sides', [{ status: 400, body: { error: { message: "Invalid 'limit'", type: 'invalid_request_error', param: 'limit', code: 'integer_above_max_value' } } }],
    (o) => o.users.list({ limit: 500 }));

  // ------------------------------------------------------------ refused before sending
  const presend = (name, param, run) => add('pre-send', name, 'pre-send', [], run, { param });
  presend('groups.create({ name: 42 })', 'name', (o) => o.groups.create({ name: 42 }));
  presend('groups.create({}) (name missing)', 'name', (o) => o.groups.create({}));
  presend("groups.retrieve('')", 'group_id', (o) => o.groups.retrieve(''));
  presend('groups.list({ limit: 2000 })', 'limit', (o) => o.groups.list({ limit: 2000 }));
  presend("groups.users.retrieve('..', { group_id })", 'user_id', (o) => o.groups.users.retrieve('..', { group_id: GID }));
  presend('roles.create({ role_name, permissions: "all" })', 'permissions', (o) => o.roles.create({ role_name: 'x', permissions: 'all' }));

  // ------------------------------------------------------------ drift
  const driftLine = 'groups.list: data[].group_type is missing (the spec requires it)';
  add('drift', 'the first groups.list answer logs the missing group_type once, at warn', 'drift',
    [ok(E['groups.list']), ok(E['groups.list'])], async (o) => {
      await o.groups.list();
      await o.groups.list();
    }, {
      expect: (r, ctx) => {
        const hits = ctx.oursLog.filter((l) => l === `warn: ${driftLine}`);
        check(hits.length === 1, `expected the line once at warn, got ${show(ctx.oursLog)}`);
      },
    });
  add('drift', 'project_group and a fractional created_at are reported, not thrown', 'drift',
    [ok(groupOf({ group_type: 'project_group' })), ok({ ...E['users.roles.retrieve'], created_at: 1711471533.5 })], async (o) => {
      await o.groups.retrieve(GID);
      await o.users.roles.retrieve(RID, { user_id: UID });
    }, {
      expect: (r, ctx) => {
        const log = ctx.oursLog.join('\n');
        check(/warn: groups\.retrieve: group_type is "project_group"/.test(log), `no project_group line: ${show(ctx.oursLog)}`);
        check(/warn: users\.roles\.retrieve: created_at is not an integer/.test(log), `no created_at line: ${show(ctx.oursLog)}`);
      },
    });
  add('drift', 'an answer that matches the spec logs nothing', 'drift', [ok(groupOf({}))], (o) => o.groups.retrieve(GID), {
    expect: (r, ctx) => check(ctx.oursLog.length === 0, `logged: ${show(ctx.oursLog)}`),
  });
  add('drift', "responseDrift: 'error' turns drift into a thrown APIError", 'drift', [ok(E['groups.list'])], (o) => o.groups.list(), {
    options: { responseDrift: 'error' },
    expect: (r, ctx) => {
      check(!r.ok, `resolved: ${show(r.value)}`);
      check(r.raw instanceof ctx.ours.APIError, `not an APIError: ${r.error.class}`);
      check(r.error.status === 200, `status ${r.error.status}`);
      check(r.error.message.includes('data[].group_type is missing (the spec requires it)'), r.error.message);
      check(r.error.requestID === ctx.requests[0]?.requestID, `requestID ${r.error.requestID}`);
    },
  });
  add('drift', "responseDrift: 'error' passes an answer that matches the spec", 'drift', [ok(groupOf({}))], (o) => o.groups.retrieve(GID), {
    options: { responseDrift: 'error' },
    expect: (r) => check(r.ok, `rejected: ${r.error?.message}`),
  });
  // The default samples the first 100 items of a list; 'error' compares every item.
  const longPage = {
    object: 'list',
    data: Array.from({ length: 150 }, (_, i) => groupOf(i === 120 ? { id: `group_${i}`, colour: 'red' } : { id: `group_${i}` })),
    has_more: false,
    next: null,
  };
  add('drift', 'the default compares the first 100 items of a list with the spec', 'drift', [ok(longPage)], (o) => o.groups.list(), {
    expect: (r, ctx) => {
      check(r.ok && r.value.data.length === 150, `rejected or short: ${r.error?.message}`);
      check(r.value.data[120].colour === 'red', 'item 120 as sent');
      check(ctx.oursLog.length === 0, `logged: ${show(ctx.oursLog)}`);
    },
  });
  add('drift', "responseDrift: 'error' compares every item of a list", 'drift', [ok(longPage)], (o) => o.groups.list(), {
    options: { responseDrift: 'error' },
    expect: (r) => {
      check(!r.ok, `resolved: ${show(r.value)}`);
      check(r.error.message.includes('data[].colour is not in the spec (unknown field)'), r.error.message);
    },
  });
  add('drift', "responseDrift: 'off' logs nothing", 'drift', [ok(E['groups.list'])], (o) => o.groups.list(), {
    options: { responseDrift: 'off' },
    expect: (r, ctx) => {
      check(r.ok, `rejected: ${r.error?.message}`);
      check(ctx.oursLog.length === 0, `logged: ${show(ctx.oursLog)}`);
    },
  });

  return cases;
}

/** Runs one case in `env`; resolves to { ok, error?, note? } (never rejects). */
export async function runCase(env, c) {
  try {
    return await runInner(env, c);
  } catch (e) {
    return { ok: false, error: e instanceof Failure ? e.message : String(e?.stack ?? e) };
  }
}

async function runInner(env, c) {
  const ctl = control(env.url);
  const cl = clients(env, c.options);

  await ctl.script(c.answers);
  const ours = await settle(() => c.run(cl.ours, env));
  const oursRequests = await ctl.requests();

  if (c.kind === 'pre-send') {
    check(!ours.ok, `resolved: ${show(ours.value)}`);
    check(ours.raw instanceof env.ours.BadRequestError, `not a BadRequestError: ${ours.error.class}: ${ours.error.message}`);
    check(ours.error.param === c.param, `param ${ours.error.param}, expected ${c.param}`);
    check(ours.error.requestID == null, `requestID ${ours.error.requestID}`);
    check(/not sent|nothing was sent/i.test(ours.error.message), `message does not say nothing was sent: ${ours.error.message}`);
    check(oursRequests.length === 0, `sent: ${show(wire(oursRequests))}`);
    return { ok: true, note: `${ours.error.class}: ${ours.error.message}` };
  }

  if (c.kind === 'drift') {
    c.expect?.(ours, { ...cl, requests: oursRequests, ours: env.ours });
    return { ok: true };
  }

  await ctl.script(c.answers);
  const official = await settle(() => c.run(cl.official, env));
  const officialRequests = await ctl.requests();
  const officialSays = official.ok ? `official: ${show(official.value).slice(0, 120)}` : `official: ${official.error.class}: ${official.error.message.slice(0, 120)}`;

  if (c.kind === 'must-fail') {
    check(!ours.ok, `resolved (${officialSays}): ${show(ours.value)}`);
    check(ours.raw instanceof env.ours.APIError, `not an APIError: ${ours.error.class}: ${ours.error.message}`);
    check(ours.error.status === 200, `status ${ours.error.status}`);
    check(ours.error.requestID === oursRequests[0]?.requestID, `requestID ${ours.error.requestID}, sent ${oursRequests[0]?.requestID}`);
    if (c.path) check(ours.error.message.includes(c.path), `message does not name ${c.path}: ${ours.error.message}`);
    return { ok: true, note: `ours: ${ours.error.class}: ${ours.error.message} | ${officialSays}` };
  }

  // same
  if (official.ok) {
    check(ours.ok, `we fail where the official SDK does not: ${ours.error?.class}: ${ours.error?.message} | ${officialSays}`);
    check(canon(ours.value) === canon(official.value), `results differ:\n  ours     ${show(ours.value)}\n  official ${show(official.value)}`);
  } else {
    check(!ours.ok, `we succeed where the official SDK fails (${officialSays}): ${show(ours.value)}`);
    check(ours.error.class === official.error.class ||
        (typeof env.ours[official.error.class] === 'function' && ours.raw instanceof env.ours[official.error.class]),
      `error classes differ: ours ${ours.error.class}, official ${official.error.class}`);
    check(ours.error.status === official.error.status && ours.error.param === official.error.param,
      `status/param differ: ours ${ours.error.status}/${ours.error.param}, official ${official.error.status}/${official.error.param}`);
  }
  check(oursRequests.length === officialRequests.length, `requests: ours ${oursRequests.length}, official ${officialRequests.length}`);
  // Byte-identical: method, path, query string and body text of every request, in order.
  check(canon(wire(oursRequests)) === canon(wire(officialRequests)),
    `requests differ:\n  ours     ${show(wire(oursRequests))}\n  official ${show(wire(officialRequests))}`);
  c.expect?.(ours, { ...cl, requests: oursRequests, ours: env.ours });
  return { ok: true };
}
