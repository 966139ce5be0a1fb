/**
 * The endpoint a request is paced under: its method and the operation table's route template,
 * with the ids left out (`GET /organization/users/{user_id}/roles`, whoever the user), and a name
 * for it that a person reads in progress lines.
 */
import { OPERATIONS } from '../operations.js';

/** Each operation's route as a pattern matching the end of a request's path. */
const ROUTES = OPERATIONS.map((op) => ({
  method: op.method,
  endpoint: `${op.method} ${op.path}`,
  name: op.name,
  pattern: new RegExp(`${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
}));

/** What the loader's reads are called in progress lines; other endpoints go by their operation's name. */
const LABELS: Record<string, string> = {
  'users.list': 'users',
  'groups.list': 'groups',
  'roles.list': 'roles',
  'groups.users.list': "groups' members",
  'groups.roles.list': "groups' roles",
  'users.roles.list': "users' roles",
  'projects.list': 'projects',
  'projects.users.list': "projects' members",
  'projects.groups.list': "projects' groups",
  'projects.roles.list': "projects' roles",
  'projects.groups.roles.list': "groups' project roles",
  'projects.users.roles.list': "members' project roles",
};

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://base.invalid').pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

export function endpointOf(method: string, url: string): string {
  const m = method.toUpperCase();
  const path = pathOf(url);
  return ROUTES.find((r) => r.method === m && r.pattern.test(path))?.endpoint ?? `${m} ${path}`;
}

/** `users' roles` for `GET /organization/users/{user_id}/roles`; the operation's name for the rest. */
export function endpointLabel(endpoint: string): string {
  const route = ROUTES.find((r) => r.endpoint === endpoint);
  return route ? (LABELS[route.name] ?? route.name) : endpoint;
}

/** The endpoint of an operation of the table, by its name (`users.roles.list`). */
export function endpointOfOperation(name: string): string | undefined {
  return ROUTES.find((r) => r.name === name)?.endpoint;
}
