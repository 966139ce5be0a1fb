// Path parameters reach the mock as exactly that id, percent-encoded as RFC 3986 wants.

import { show, ok, eq } from './common.mjs';
import { projectIds, projectRoutes } from './paths-projects.mjs';

/** Adds the `path params` cases. */
export function pathCases({ lib, mock, client, rejects, attempts, add }) {
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
    ...projectRoutes(enc),
  ];

  for (const [op, run, path, kind] of routes) {
    add('path params', `${op}: ids with / .. ? # % spaces and non-ASCII reach the mock unchanged`, async () => {
      const org = client({ maxRetries: 0 });
      const real = {
        group: (await org.groups.list({ limit: 1 })).data[0].id,
        user: (await org.users.list({ limit: 1 })).data[0].id,
        role: (await org.roles.list({ limit: 1 })).data[0].id,
        ...(op.startsWith('projects.') ? await projectIds(org) : {}),
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
}
