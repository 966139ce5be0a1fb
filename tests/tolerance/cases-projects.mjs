// The project operations' tolerance cases, defined as those of cases.mjs are: one call per
// operation for its spec example answer, then answers beyond the spec, pages, requests with path
// parameters in the params object, and what is refused before sending. No Node modules.

import { PROJECT_EXAMPLES } from './examples-projects.mjs';

const PID = 'proj_abc123';
const UID = 'user_abc123';
const GID = 'group_01J1F8ABCDXYZ';
const RID = 'role_01J1F8PROJ';
const OWNER = 'role-api-project-owner';

/** One call per project operation, keyed by its name, for the spec example cases. */
export const PROJECT_CALLS = {
  'projects.list': (o) => o.projects.list({ after: 'proj_abc', limit: 20, include_archived: false }),
  'projects.create': (o) => o.projects.create({ name: 'Project ABC' }),
  'projects.retrieve': (o) => o.projects.retrieve('proj_abc'),
  'projects.update': (o) => o.projects.update('proj_abc', { name: 'Project DEF' }),
  'projects.archive': (o) => o.projects.archive('proj_abc'),
  'projects.users.list': (o) => o.projects.users.list('proj_abc', { after: 'user_abc', limit: 20 }),
  'projects.users.create': (o) => o.projects.users.create('proj_abc', { user_id: 'user_abc', role: 'member' }),
  'projects.users.retrieve': (o) => o.projects.users.retrieve('user_abc', { project_id: 'proj_abc' }),
  'projects.users.update': (o) => o.projects.users.update('user_abc', { project_id: 'proj_abc', role: 'owner' }),
  'projects.users.delete': (o) => o.projects.users.delete('user_abc', { project_id: 'proj_abc' }),
  'projects.users.roles.list': (o) => o.projects.users.roles.list(UID, { project_id: PID }),
  'projects.users.roles.create': (o) => o.projects.users.roles.create(UID, { project_id: PID, role_id: RID }),
  'projects.users.roles.retrieve': (o) => o.projects.users.roles.retrieve(RID, { project_id: PID, user_id: UID }),
  'projects.users.roles.delete': (o) => o.projects.users.roles.delete(RID, { project_id: PID, user_id: UID }),
  'projects.groups.list': (o) => o.projects.groups.list(PID, { limit: 20 }),
  'projects.groups.create': (o) => o.projects.groups.create(PID, { group_id: GID, role: RID }),
  'projects.groups.retrieve': (o) => o.projects.groups.retrieve(GID, { project_id: PID }),
  'projects.groups.delete': (o) => o.projects.groups.delete(GID, { project_id: PID }),
  'projects.groups.roles.list': (o) => o.projects.groups.roles.list(GID, { project_id: PID }),
  'projects.groups.roles.create': (o) => o.projects.groups.roles.create(GID, { project_id: PID, role_id: RID }),
  'projects.groups.roles.retrieve': (o) => o.projects.groups.roles.retrieve(RID, { project_id: PID, group_id: GID }),
  'projects.groups.roles.delete': (o) => o.projects.groups.roles.delete(RID, { project_id: PID, group_id: GID }),
  'projects.roles.list': (o) => o.projects.roles.list(PID, { limit: 20 }),
  'projects.roles.create': (o) =>
    o.projects.roles.create(PID, {
      role_name: 'API Project Key Manager',
      permissions: ['api.organization.projects.api_keys.read', 'api.organization.projects.api_keys.write'],
      description: 'Allows managing API keys for the project',
    }),
  'projects.roles.retrieve': (o) => o.projects.roles.retrieve(RID, { project_id: PID }),
  'projects.roles.update': (o) => o.projects.roles.update(RID, { project_id: PID, role_name: 'API Project Key Manager', permissions: ['api.organization.projects.api_keys.read'] }),
  'projects.roles.delete': (o) => o.projects.roles.delete(RID, { project_id: PID }),
};

/** Adds the cases beyond the examples, through cases.mjs's own helpers. */
export function addProjectCases({ add, ok, check, all }) {
  const E = PROJECT_EXAMPLES;
  const C = PROJECT_CALLS;
  const p = (n, extra = {}) => ({ ...E['projects.list'].data[0], id: `proj_${n}`, name: `Project ${n}`, ...extra });

  add('answers', 'projects.retrieve: a residency the SDK does not list, status outside the spec', 'same',
    [ok({ ...E['projects.retrieve'], residency: 'MARS_STORAGE', status: 'frozen', external_key_id: null })], C['projects.retrieve'], {
      expect: (r) => check(r.value.residency === 'MARS_STORAGE' && r.value.status === 'frozen', `kept: ${r.value.residency} ${r.value.status}`),
    });
  add('answers', 'projects.users.retrieve: a project role outside owner and member', 'same',
    [ok({ ...E['projects.users.retrieve'], role: 'viewer' })], C['projects.users.retrieve']);
  add('answers', 'projects.groups.list: group_type "tenant_group" and an unknown field', 'same',
    [ok({ ...E['projects.groups.list'], data: [{ ...E['projects.groups.list'].data[0], group_type: 'tenant_group', source: 'scim' }] })], C['projects.groups.list']);
  add('answers', 'projects.users.roles.create: the long id of a predefined role answered for the short one', 'same',
    [ok({ ...E['projects.users.roles.create'], role: { ...E['projects.users.roles.create'].role, id: `${OWNER}__api-project__${PID}`, predefined_role: true } })],
    (o) => o.projects.users.roles.create(UID, { project_id: PID, role_id: OWNER }), {
      expect: (r) => check(r.value.role.id === `${OWNER}__api-project__${PID}`, `role id: ${r.value.role.id}`),
    });

  add('pagination', 'projects.list: three pages through last_id, archived ones included', 'same',
    [
      ok({ object: 'list', data: [p(1), p(2)], first_id: 'proj_1', last_id: 'proj_2', has_more: true }),
      ok({ object: 'list', data: [], first_id: null, last_id: 'proj_2', has_more: true }),
      ok({ object: 'list', data: [p(3, { status: 'archived', archived_at: 1711471533 })], first_id: 'proj_3', last_id: 'proj_3', has_more: false }),
    ],
    (o) => all(o.projects.list({ limit: 2, include_archived: true })));
  add('pagination', 'projects.users.roles.list: the next page keeps project_id in the path, not the query', 'same',
    [
      ok({ ...E['projects.users.roles.list'], has_more: true, next: RID }),
      ok({ object: 'list', data: [], has_more: false, next: null }),
    ],
    (o) => all(o.projects.users.roles.list(UID, { project_id: PID, limit: 1, order: 'desc' })));

  const sent = (name, answers, run) => add('requests', name, 'same', answers, run);
  sent('projects.users.update(id, { project_id, role: null })', [ok(E['projects.users.update'])], (o) => o.projects.users.update('user_abc', { project_id: 'proj_abc', role: null }));
  sent('projects.roles.update(id, { project_id, description: null, colour })', [ok(E['projects.roles.update'])],
    (o) => o.projects.roles.update(RID, { project_id: PID, description: null, colour: 'red' }));
  sent("projects.create({ name, residency: 'MARS_STORAGE', geography: 'eu' })", [ok(E['projects.create'])],
    (o) => o.projects.create({ name: 'Project ABC', residency: 'MARS_STORAGE', geography: 'eu' }));
  sent('projects.users.create(id, { email, role })', [ok(E['projects.users.create'])], (o) => o.projects.users.create('proj_abc', { email: 'user@example.com', role: 'member' }));
  sent("projects.groups.retrieve(id, { project_id, group_type: 'tenant_group' })", [ok(E['projects.groups.retrieve'])],
    (o) => o.projects.groups.retrieve(GID, { project_id: PID, group_type: 'tenant_group' }));
  sent('projects.list({ limit: 500, include_archived: true })', [ok(E['projects.list'])], (o) => o.projects.list({ limit: 500, include_archived: true }));
  sent('projects.users.roles.list(id, { project_id, timeout: 5 }) (no request options read from these params)', [ok(E['projects.users.roles.list'])],
    (o) => o.projects.users.roles.list(UID, { project_id: PID, timeout: 5 }));

  const presend = (name, param, run) => add('pre-send', name, 'pre-send', [], run, { param });
  presend('projects.create({}) (name missing)', 'name', (o) => o.projects.create({}));
  presend("projects.retrieve('')", 'project_id', (o) => o.projects.retrieve(''));
  presend('projects.groups.list(id, { limit: 101 })', 'limit', (o) => o.projects.groups.list(PID, { limit: 101 }));
  presend("projects.users.roles.create(id, { project_id: '..', role_id })", 'project_id', (o) => o.projects.users.roles.create(UID, { project_id: '..', role_id: RID }));
  presend('projects.groups.create(id, { group_id }) (role missing)', 'role', (o) => o.projects.groups.create(PID, { group_id: GID }));
}
