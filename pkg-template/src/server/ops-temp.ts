// TEMPORARY stand-in for the generated ../operations.ts (deleted once it lands).
export interface FieldInfo {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'string[]' | 'object';
  required: boolean;
  nullable: boolean;
  description: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
}
export interface OperationInfo {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  pathParams: readonly string[];
  input: 'query' | 'body' | null;
  fields: readonly FieldInfo[];
  cursor: 'next' | 'last_id' | null;
  writes: boolean;
  summary: string;
}
const f = (name: string, type: FieldInfo['type'], required = false): FieldInfo => ({
  name,
  type,
  required,
  nullable: false,
  description: '',
});
const list = [f('limit', 'integer'), f('after', 'string'), f('order', 'string')];
const row = (
  name: string,
  method: OperationInfo['method'],
  path: string,
  input: OperationInfo['input'],
  fields: FieldInfo[] = [],
): OperationInfo => ({
  name,
  method,
  path,
  pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
  input,
  fields,
  cursor: name.endsWith('.list') ? (name === 'users.list' ? 'last_id' : 'next') : null,
  writes: method !== 'GET',
  summary: name,
});
export const OPERATIONS: readonly OperationInfo[] = [
  row('groups.list', 'GET', '/organization/groups', 'query', list),
  row('groups.create', 'POST', '/organization/groups', 'body', [f('name', 'string', true)]),
  row('groups.retrieve', 'GET', '/organization/groups/{group_id}', null),
  row('groups.update', 'POST', '/organization/groups/{group_id}', 'body', [f('name', 'string', true)]),
  row('groups.delete', 'DELETE', '/organization/groups/{group_id}', null),
  row('groups.users.list', 'GET', '/organization/groups/{group_id}/users', 'query', list),
  row('groups.users.create', 'POST', '/organization/groups/{group_id}/users', 'body', [f('user_id', 'string', true)]),
  row('groups.users.retrieve', 'GET', '/organization/groups/{group_id}/users/{user_id}', null),
  row('groups.users.delete', 'DELETE', '/organization/groups/{group_id}/users/{user_id}', null),
  row('groups.roles.list', 'GET', '/organization/groups/{group_id}/roles', 'query', list),
  row('groups.roles.create', 'POST', '/organization/groups/{group_id}/roles', 'body', [f('role_id', 'string', true)]),
  row('groups.roles.retrieve', 'GET', '/organization/groups/{group_id}/roles/{role_id}', null),
  row('groups.roles.delete', 'DELETE', '/organization/groups/{group_id}/roles/{role_id}', null),
  row('roles.list', 'GET', '/organization/roles', 'query', list),
  row('roles.create', 'POST', '/organization/roles', 'body', [f('role_name', 'string', true), f('permissions', 'string[]', true)]),
  row('roles.retrieve', 'GET', '/organization/roles/{role_id}', null),
  row('roles.update', 'POST', '/organization/roles/{role_id}', 'body', []),
  row('roles.delete', 'DELETE', '/organization/roles/{role_id}', null),
  row('users.list', 'GET', '/organization/users', 'query', [f('limit', 'integer'), f('after', 'string'), f('emails', 'string[]')]),
  row('users.retrieve', 'GET', '/organization/users/{user_id}', null),
  row('users.update', 'POST', '/organization/users/{user_id}', 'body', [f('role', 'string')]),
  row('users.delete', 'DELETE', '/organization/users/{user_id}', null),
  row('users.roles.list', 'GET', '/organization/users/{user_id}/roles', 'query', list),
  row('users.roles.create', 'POST', '/organization/users/{user_id}/roles', 'body', [f('role_id', 'string', true)]),
  row('users.roles.retrieve', 'GET', '/organization/users/{user_id}/roles/{role_id}', null),
  row('users.roles.delete', 'DELETE', '/organization/users/{user_id}/roles/{role_id}', null),
];
