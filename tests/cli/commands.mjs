// The same call through the command line, this package and the official SDK: the clients of a
// running mock, the ids of its seed data, and one scenario per operation of the table.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import OpenAI from 'openai';
import { collect, KEY } from '../support/mock.mjs';
import { PROJECT_SCENARIOS, projectIds } from './commands-projects.mjs';

/**
 * For a `setupCli()` harness (its mock and its copy of the package): the operation table, the
 * clients (`client.admin.organization`) of this package and of the official SDK, and `seedIds()`.
 */
export async function clients({ mock, pkg }) {
  const { OPERATIONS } = await import(pathToFileURL(path.join(pkg, 'dist', 'operations.js')).href);
  const { default: OpenAIAdmin } = await import(pathToFileURL(path.join(pkg, 'dist', 'node.js')).href);
  // Drift reports off: the test compares data, and the CLI reports drift only with --debug.
  const ours = () => new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0, responseDrift: 'off' }).admin.organization;
  const official = () => new OpenAI({ adminAPIKey: KEY, apiKey: 'unused', baseURL: mock.api, maxRetries: 0 }).admin.organization;

  /** Ids in the seed data, read after a reset. */
  async function seedIds() {
    await mock.reset();
    const c = ours();
    const groups = await collect(c.groups.list());
    const G = groups[0].id;
    const groupUsers = await collect(c.groups.users.list(G));
    const groupRoles = await collect(c.groups.roles.list(G));
    const users = await collect(c.users.list({ limit: 100 }));
    const roles = await collect(c.roles.list());
    const U = users[0].id;
    const userRoles = await collect(c.users.roles.list(U));
    const custom = roles.filter((r) => !r.predefined_role);
    return {
      G,
      GU: groupUsers[0].id,
      GR: groupRoles[0].id,
      newGroupUser: users.find((u) => !groupUsers.some((g) => g.id === u.id)).id,
      newGroupRole: roles.find((r) => !groupRoles.some((g) => g.id === r.id)).id,
      U,
      UR: userRoles[0].id,
      newUserRole: roles.find((r) => !userRoles.some((g) => g.id === r.id)).id,
      R: custom[0].id,
      emails: users.slice(1, 4).map((u) => u.email).filter(Boolean),
      ...(await projectIds(c)),
    };
  }

  return { OPERATIONS, ours, official, seedIds };
}

/** JSON of a result as a user sees it (no `_request_id`). */
export const plain = (v) => JSON.parse(JSON.stringify(v, (k, x) => (k === '_request_id' ? undefined : x)));

/** Unix times within ten minutes of now (set by the mock when the test writes) become `<now>`. */
export function normalized(v) {
  const now = Date.now() / 1000;
  return JSON.parse(JSON.stringify(v), (k, x) => (typeof x === 'number' && Math.abs(x - now) < 600 ? '<now>' : x));
}

/**
 * One call of each operation: the command line, and the same call through a client (`c` is
 * `client.admin.organization`). Lists pass the official CLI's defaults explicitly.
 */
export const SCENARIOS = {
  'groups.list': { args: () => ['admin:organization:groups', 'list'], call: (c) => collect(c.groups.list({ limit: 100, order: 'asc' })) },
  'groups.create': { args: () => ['admin:organization:groups', 'create', '--name', 'Made on the command line'], call: (c) => c.groups.create({ name: 'Made on the command line' }) },
  'groups.retrieve': { args: (i) => ['admin', 'organization', 'groups', 'retrieve', i.G], call: (c, i) => c.groups.retrieve(i.G) },
  'groups.update': { args: (i) => ['admin:organization:groups', 'update', '--group-id', i.G, '--name', 'Renamed'], call: (c, i) => c.groups.update(i.G, { name: 'Renamed' }) },
  'groups.delete': { args: (i) => ['admin:organization:groups', 'delete', i.G], call: (c, i) => c.groups.delete(i.G) },
  'groups.users.list': { args: (i) => ['admin:organization:groups:users', 'list', i.G], call: (c, i) => collect(c.groups.users.list(i.G, { limit: 100, order: 'desc' })) },
  'groups.users.create': { args: (i) => ['admin:organization:groups:users', 'create', i.G, '--user-id', i.newGroupUser], call: (c, i) => c.groups.users.create(i.G, { user_id: i.newGroupUser }) },
  'groups.users.retrieve': { args: (i) => ['admin:organization:groups:users', 'retrieve', '--group-id', i.G, '--user-id', i.GU], call: (c, i) => c.groups.users.retrieve(i.GU, { group_id: i.G }) },
  'groups.users.delete': { args: (i) => ['admin', 'organization', 'groups', 'users', 'delete', i.G, i.GU], call: (c, i) => c.groups.users.delete(i.GU, { group_id: i.G }) },
  'groups.roles.list': { args: (i) => ['admin:organization:groups:roles', 'list', '--group-id', i.G], call: (c, i) => collect(c.groups.roles.list(i.G)) },
  'groups.roles.create': { args: (i) => ['admin:organization:groups:roles', 'create', i.G, '--role-id', i.newGroupRole], call: (c, i) => c.groups.roles.create(i.G, { role_id: i.newGroupRole }) },
  'groups.roles.retrieve': { args: (i) => ['admin:organization:groups:roles', 'retrieve', i.G, '--role-id', i.GR], call: (c, i) => c.groups.roles.retrieve(i.GR, { group_id: i.G }) },
  'groups.roles.delete': { args: (i) => ['admin:organization:groups:roles', 'delete', i.G, i.GR], call: (c, i) => c.groups.roles.delete(i.GR, { group_id: i.G }) },
  'roles.list': { args: () => ['admin:organization:roles', 'list'], call: (c) => collect(c.roles.list({ limit: 1000, order: 'asc' })) },
  'roles.create': {
    args: () => ['admin:organization:roles', 'create', '--role-name', 'Auditor', '--permission', 'api.groups.read', '--permission', 'api.users.read', '--description', 'Reads'],
    call: (c) => c.roles.create({ role_name: 'Auditor', permissions: ['api.groups.read', 'api.users.read'], description: 'Reads' }),
  },
  'roles.retrieve': { args: (i) => ['admin:organization:roles', 'retrieve', i.R], call: (c, i) => c.roles.retrieve(i.R) },
  'roles.update': {
    args: (i) => ['admin:organization:roles', 'update', i.R, '--description', 'Changed', '--permission', 'api.groups.read'],
    call: (c, i) => c.roles.update(i.R, { description: 'Changed', permissions: ['api.groups.read'] }),
  },
  'roles.delete': { args: (i) => ['admin:organization:roles', 'delete', '--role-id', i.R], call: (c, i) => c.roles.delete(i.R) },
  'users.list': { args: () => ['admin:organization:users', 'list'], call: (c) => collect(c.users.list({ limit: 20 })) },
  'users.retrieve': { args: (i) => ['admin:organization:users', 'retrieve', i.U], call: (c, i) => c.users.retrieve(i.U) },
  'users.update': { args: (i) => ['admin:organization:users', 'update', i.U, '--role', 'reader'], call: (c, i) => c.users.update(i.U, { role: 'reader' }) },
  'users.delete': { args: (i) => ['admin:organization:users', 'delete', i.U], call: (c, i) => c.users.delete(i.U) },
  'users.roles.list': { args: (i) => ['admin:organization:users:roles', 'list', i.U], call: (c, i) => collect(c.users.roles.list(i.U)) },
  'users.roles.create': { args: (i) => ['admin:organization:users:roles', 'create', i.U, '--role-id', i.newUserRole], call: (c, i) => c.users.roles.create(i.U, { role_id: i.newUserRole }) },
  'users.roles.retrieve': { args: (i) => ['admin:organization:users:roles', 'retrieve', '--user-id', i.U, '--role-id', i.UR], call: (c, i) => c.users.roles.retrieve(i.UR, { user_id: i.U }) },
  'users.roles.delete': { args: (i) => ['admin:organization:users:roles', 'delete', i.U, i.UR], call: (c, i) => c.users.roles.delete(i.UR, { user_id: i.U }) },
  ...PROJECT_SCENARIOS,
};
