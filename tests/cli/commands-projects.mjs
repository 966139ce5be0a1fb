// The project operations' command scenarios (see commands.mjs): one call each, as the command
// line takes it (`admin:organization:projects:users:roles list PROJECT_ID USER_ID`, path ids as
// arguments in the path's order or as flags) and as a client takes it.

import { collect } from '../support/mock.mjs';

/** Ids of the seed's projects, read after a reset with `c` (`client.admin.organization`). */
export async function projectIds(c) {
  const projects = await collect(c.projects.list());
  const P = projects.find((p) => p.name === 'billing-bot').id;
  const members = await collect(c.projects.users.list(P));
  const PU = members.find((m) => m.role === 'member').id;
  const users = await collect(c.users.list({ limit: 100 }));
  const roles = await collect(c.projects.roles.list(P));
  const PR = roles.find((r) => !r.predefined_role).id;
  const groups = await collect(c.projects.groups.list(P));
  const PG = groups[0].group_id;
  const allGroups = await collect(c.groups.list());
  return {
    P,
    PU,
    PR,
    PG,
    PGR: (await collect(c.projects.groups.roles.list(PG, { project_id: P })))[0].id,
    PUR: await assignedUserRole(c, P, members),
    newProjectUser: users.find((u) => u.email && !members.some((m) => m.id === u.id)).id,
    newProjectGroup: allGroups.find((g) => !groups.some((pg) => pg.group_id === g.id)).id,
  };
}

/** A member of project `P` with a role assigned to it directly, and that role. */
async function assignedUserRole(c, P, members) {
  for (const m of members) {
    const held = await collect(c.projects.users.roles.list(m.id, { project_id: P }));
    const direct = held.find((r) => r.assignment_sources === null || r.assignment_sources?.some((s) => s.principal_type === 'user'));
    if (direct) return { user: m.id, role: direct.id };
  }
  throw new Error(`no member of ${P} holds a role directly`);
}

const OWNER = 'role-api-project-owner';

export const PROJECT_SCENARIOS = {
  'projects.list': { args: () => ['admin:organization:projects', 'list', '--include-archived'], call: (c) => collect(c.projects.list({ include_archived: true })) },
  'projects.create': { args: () => ['admin:organization:projects', 'create', '--name', 'Made on the command line'], call: (c) => c.projects.create({ name: 'Made on the command line' }) },
  'projects.retrieve': { args: (i) => ['admin:organization:projects', 'retrieve', i.P], call: (c, i) => c.projects.retrieve(i.P) },
  'projects.update': { args: (i) => ['admin:organization:projects', 'update', i.P, '--name', 'Renamed'], call: (c, i) => c.projects.update(i.P, { name: 'Renamed' }) },
  'projects.archive': { args: (i) => ['admin:organization:projects', 'archive', '--project-id', i.P], call: (c, i) => c.projects.archive(i.P) },
  'projects.users.list': { args: (i) => ['admin:organization:projects:users', 'list', i.P], call: (c, i) => collect(c.projects.users.list(i.P)) },
  'projects.users.create': {
    args: (i) => ['admin:organization:projects:users', 'create', i.P, '--user-id', i.newProjectUser, '--role', 'member'],
    call: (c, i) => c.projects.users.create(i.P, { user_id: i.newProjectUser, role: 'member' }),
  },
  'projects.users.retrieve': { args: (i) => ['admin:organization:projects:users', 'retrieve', i.P, i.PU], call: (c, i) => c.projects.users.retrieve(i.PU, { project_id: i.P }) },
  'projects.users.update': {
    args: (i) => ['admin:organization:projects:users', 'update', '--project-id', i.P, '--user-id', i.PU, '--role', 'owner'],
    call: (c, i) => c.projects.users.update(i.PU, { project_id: i.P, role: 'owner' }),
  },
  'projects.users.delete': { args: (i) => ['admin:organization:projects:users', 'delete', i.P, i.PU], call: (c, i) => c.projects.users.delete(i.PU, { project_id: i.P }) },
  'projects.users.roles.list': {
    args: (i) => ['admin:organization:projects:users:roles', 'list', i.P, i.PU],
    call: (c, i) => collect(c.projects.users.roles.list(i.PU, { project_id: i.P })),
  },
  'projects.users.roles.create': {
    args: (i) => ['admin:organization:projects:users:roles', 'create', i.P, i.PU, '--role-id', OWNER],
    call: (c, i) => c.projects.users.roles.create(i.PU, { project_id: i.P, role_id: OWNER }),
  },
  'projects.users.roles.retrieve': {
    args: (i) => ['admin:organization:projects:users:roles', 'retrieve', i.P, i.PUR.user, i.PUR.role],
    call: (c, i) => c.projects.users.roles.retrieve(i.PUR.role, { project_id: i.P, user_id: i.PUR.user }),
  },
  'projects.users.roles.delete': {
    args: (i) => ['admin:organization:projects:users:roles', 'delete', '--project-id', i.P, '--user-id', i.PUR.user, '--role-id', i.PUR.role],
    call: (c, i) => c.projects.users.roles.delete(i.PUR.role, { project_id: i.P, user_id: i.PUR.user }),
  },
  'projects.groups.list': { args: (i) => ['admin:organization:projects:groups', 'list', i.P], call: (c, i) => collect(c.projects.groups.list(i.P)) },
  'projects.groups.create': {
    args: (i) => ['admin:organization:projects:groups', 'create', i.P, '--group-id', i.newProjectGroup, '--role', 'role-api-project-member'],
    call: (c, i) => c.projects.groups.create(i.P, { group_id: i.newProjectGroup, role: 'role-api-project-member' }),
  },
  'projects.groups.retrieve': {
    args: (i) => ['admin:organization:projects:groups', 'retrieve', i.P, i.PG, '--group-type', 'group'],
    call: (c, i) => c.projects.groups.retrieve(i.PG, { project_id: i.P, group_type: 'group' }),
  },
  'projects.groups.delete': { args: (i) => ['admin:organization:projects:groups', 'delete', i.P, i.PG], call: (c, i) => c.projects.groups.delete(i.PG, { project_id: i.P }) },
  'projects.groups.roles.list': {
    args: (i) => ['admin:organization:projects:groups:roles', 'list', i.P, i.PG],
    call: (c, i) => collect(c.projects.groups.roles.list(i.PG, { project_id: i.P })),
  },
  'projects.groups.roles.create': {
    args: (i) => ['admin:organization:projects:groups:roles', 'create', i.P, i.PG, '--role-id', i.PR],
    call: (c, i) => c.projects.groups.roles.create(i.PG, { project_id: i.P, role_id: i.PR }),
  },
  'projects.groups.roles.retrieve': {
    args: (i) => ['admin:organization:projects:groups:roles', 'retrieve', i.P, i.PG, i.PGR],
    call: (c, i) => c.projects.groups.roles.retrieve(i.PGR, { project_id: i.P, group_id: i.PG }),
  },
  'projects.groups.roles.delete': {
    args: (i) => ['admin:organization:projects:groups:roles', 'delete', i.P, i.PG, i.PGR],
    call: (c, i) => c.projects.groups.roles.delete(i.PGR, { project_id: i.P, group_id: i.PG }),
  },
  'projects.roles.list': { args: (i) => ['admin:organization:projects:roles', 'list', i.P], call: (c, i) => collect(c.projects.roles.list(i.P)) },
  'projects.roles.create': {
    args: (i) => ['admin:organization:projects:roles', 'create', i.P, '--role-name', 'Key Auditor', '--permission', 'api.organization.projects.api_keys.read'],
    call: (c, i) => c.projects.roles.create(i.P, { role_name: 'Key Auditor', permissions: ['api.organization.projects.api_keys.read'] }),
  },
  'projects.roles.retrieve': { args: (i) => ['admin:organization:projects:roles', 'retrieve', i.P, OWNER], call: (c, i) => c.projects.roles.retrieve(OWNER, { project_id: i.P }) },
  'projects.roles.update': {
    args: (i) => ['admin:organization:projects:roles', 'update', i.P, i.PR, '--description', 'Changed'],
    call: (c, i) => c.projects.roles.update(i.PR, { project_id: i.P, description: 'Changed' }),
  },
  'projects.roles.delete': { args: (i) => ['admin:organization:projects:roles', 'delete', i.P, i.PR], call: (c, i) => c.projects.roles.delete(i.PR, { project_id: i.P }) },
};
