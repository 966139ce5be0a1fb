// Generated from the operation table in src/ops.rs by `cargo xtask codegen`.
// Do not edit.

/** A query or body field of an operation, as the spec's model describes it. */
export interface FieldInfo {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'string[]' | 'object[]' | 'object';
  readonly required: boolean;
  readonly nullable: boolean;
  readonly description: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
}

/** A path parameter of an operation. */
export interface PathParamInfo {
  readonly name: string;
  readonly description: string;
}

/** One operation of the Admin API: a row of the table. */
export interface OperationInfo {
  /** Its path below `client.admin.organization`, e.g. `groups.users.retrieve`. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path template below the base URL, e.g. `/organization/groups/{group_id}`. */
  readonly path: string;
  /** In URL order; the last one is the first positional argument. */
  readonly pathParams: readonly PathParamInfo[];
  readonly input: 'query' | 'body' | null;
  readonly fields: readonly FieldInfo[];
  /** For lists, the page field holding the next page's cursor. */
  readonly cursor: 'next' | 'last_id' | null;
  readonly writes: boolean;
  readonly summary: string;
}

/** Every operation, in the order of the API reference. */
export const OPERATIONS: readonly OperationInfo[] = [
  {
    name: 'groups.list',
    method: 'GET',
    path: '/organization/groups',
    pathParams: [],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many items a page holds (0 to 1000).', minimum: 0, maximum: 1000 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists all groups in the organization.',
  },
  {
    name: 'groups.create',
    method: 'POST',
    path: '/organization/groups',
    pathParams: [],
    input: 'body',
    fields: [
      { name: 'name', type: 'string', required: true, nullable: false, description: 'Human readable name for the group, 1 to 255 characters.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Creates a new group in the organization.',
  },
  {
    name: 'groups.retrieve',
    method: 'GET',
    path: '/organization/groups/{group_id}',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves a group.',
  },
  {
    name: 'groups.update',
    method: 'POST',
    path: '/organization/groups/{group_id}',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }],
    input: 'body',
    fields: [
      { name: 'name', type: 'string', required: true, nullable: false, description: 'New display name for the group, 1 to 255 characters.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Updates a group\'s information.',
  },
  {
    name: 'groups.delete',
    method: 'DELETE',
    path: '/organization/groups/{group_id}',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Deletes a group from the organization.',
  },
  {
    name: 'groups.users.list',
    method: 'GET',
    path: '/organization/groups/{group_id}/users',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many items a page holds (0 to 1000).', minimum: 0, maximum: 1000 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists the users assigned to a group.',
  },
  {
    name: 'groups.users.create',
    method: 'POST',
    path: '/organization/groups/{group_id}/users',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }],
    input: 'body',
    fields: [
      { name: 'user_id', type: 'string', required: true, nullable: false, description: 'Identifier of the user to add to the group.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Adds a user to a group.',
  },
  {
    name: 'groups.users.retrieve',
    method: 'GET',
    path: '/organization/groups/{group_id}/users/{user_id}',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }, { name: 'user_id', description: 'The ID of the user.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves a user in a group.',
  },
  {
    name: 'groups.users.delete',
    method: 'DELETE',
    path: '/organization/groups/{group_id}/users/{user_id}',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }, { name: 'user_id', description: 'The ID of the user.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Removes a user from a group.',
  },
  {
    name: 'groups.roles.list',
    method: 'GET',
    path: '/organization/groups/{group_id}/roles',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many items a page holds (0 to 1000).', minimum: 0, maximum: 1000 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists the organization roles assigned to a group within the organization.',
  },
  {
    name: 'groups.roles.create',
    method: 'POST',
    path: '/organization/groups/{group_id}/roles',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }],
    input: 'body',
    fields: [
      { name: 'role_id', type: 'string', required: true, nullable: false, description: 'Identifier of the role to assign.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Assigns an organization role to a group within the organization.',
  },
  {
    name: 'groups.roles.retrieve',
    method: 'GET',
    path: '/organization/groups/{group_id}/roles/{role_id}',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves an organization role assigned to a group.',
  },
  {
    name: 'groups.roles.delete',
    method: 'DELETE',
    path: '/organization/groups/{group_id}/roles/{role_id}',
    pathParams: [{ name: 'group_id', description: 'The ID of the group.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Unassigns an organization role from a group within the organization.',
  },
  {
    name: 'roles.list',
    method: 'GET',
    path: '/organization/roles',
    pathParams: [],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many items a page holds (0 to 1000).', minimum: 0, maximum: 1000 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists the roles configured for the organization.',
  },
  {
    name: 'roles.create',
    method: 'POST',
    path: '/organization/roles',
    pathParams: [],
    input: 'body',
    fields: [
      { name: 'role_name', type: 'string', required: true, nullable: false, description: 'Unique name for the role (answered back as `name`).' },
      { name: 'permissions', type: 'string[]', required: true, nullable: false, description: 'Permissions to grant to the role, e.g. `api.groups.read`.' },
      { name: 'description', type: 'string', required: false, nullable: true, description: 'Optional description of the role.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Creates a custom role for the organization.',
  },
  {
    name: 'roles.retrieve',
    method: 'GET',
    path: '/organization/roles/{role_id}',
    pathParams: [{ name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves an organization role.',
  },
  {
    name: 'roles.update',
    method: 'POST',
    path: '/organization/roles/{role_id}',
    pathParams: [{ name: 'role_id', description: 'The ID of the role.' }],
    input: 'body',
    fields: [
      { name: 'role_name', type: 'string', required: false, nullable: true, description: 'New name for the role.' },
      { name: 'permissions', type: 'string[]', required: false, nullable: true, description: 'Updated set of permissions for the role.' },
      { name: 'description', type: 'string', required: false, nullable: true, description: 'New description for the role.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Updates an existing organization role.',
  },
  {
    name: 'roles.delete',
    method: 'DELETE',
    path: '/organization/roles/{role_id}',
    pathParams: [{ name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Deletes a custom role from the organization.',
  },
  {
    name: 'users.list',
    method: 'GET',
    path: '/organization/users',
    pathParams: [],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `last_id` of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many users a page holds (1 to 100, 20 when left out).' },
      { name: 'emails', type: 'string[]', required: false, nullable: true, description: 'Only the users with these email addresses.' },
    ],
    cursor: 'last_id',
    writes: false,
    summary: 'Lists all of the users in the organization.',
  },
  {
    name: 'users.retrieve',
    method: 'GET',
    path: '/organization/users/{user_id}',
    pathParams: [{ name: 'user_id', description: 'The ID of the user.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves a user by their identifier.',
  },
  {
    name: 'users.update',
    method: 'POST',
    path: '/organization/users/{user_id}',
    pathParams: [{ name: 'user_id', description: 'The ID of the user.' }],
    input: 'body',
    fields: [
      { name: 'role', type: 'string', required: false, nullable: true, description: '`owner` or `reader`.', enum: ['owner', 'reader'] },
      { name: 'role_id', type: 'string', required: false, nullable: true, description: 'Role ID to assign to the user.' },
      { name: 'technical_level', type: 'string', required: false, nullable: true, description: 'Technical level metadata.' },
      { name: 'developer_persona', type: 'string', required: false, nullable: true, description: 'Developer persona metadata.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Modifies a user\'s role in the organization.',
  },
  {
    name: 'users.delete',
    method: 'DELETE',
    path: '/organization/users/{user_id}',
    pathParams: [{ name: 'user_id', description: 'The ID of the user.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Deletes a user from the organization.',
  },
  {
    name: 'users.roles.list',
    method: 'GET',
    path: '/organization/users/{user_id}/roles',
    pathParams: [{ name: 'user_id', description: 'The ID of the user.' }],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many items a page holds (0 to 1000).', minimum: 0, maximum: 1000 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists the organization roles assigned to a user within the organization.',
  },
  {
    name: 'users.roles.create',
    method: 'POST',
    path: '/organization/users/{user_id}/roles',
    pathParams: [{ name: 'user_id', description: 'The ID of the user.' }],
    input: 'body',
    fields: [
      { name: 'role_id', type: 'string', required: true, nullable: false, description: 'Identifier of the role to assign.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Assigns an organization role to a user within the organization.',
  },
  {
    name: 'users.roles.retrieve',
    method: 'GET',
    path: '/organization/users/{user_id}/roles/{role_id}',
    pathParams: [{ name: 'user_id', description: 'The ID of the user.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves an organization role assigned to a user.',
  },
  {
    name: 'users.roles.delete',
    method: 'DELETE',
    path: '/organization/users/{user_id}/roles/{role_id}',
    pathParams: [{ name: 'user_id', description: 'The ID of the user.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Unassigns an organization role from a user within the organization.',
  },
  {
    name: 'projects.list',
    method: 'GET',
    path: '/organization/projects',
    pathParams: [],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `last_id` of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many projects a page holds (1 to 100, 20 when left out).' },
      { name: 'include_archived', type: 'boolean', required: false, nullable: true, description: 'If `true`, archived projects are listed too.' },
    ],
    cursor: 'last_id',
    writes: false,
    summary: 'Returns a list of projects.',
  },
  {
    name: 'projects.create',
    method: 'POST',
    path: '/organization/projects',
    pathParams: [],
    input: 'body',
    fields: [
      { name: 'name', type: 'string', required: true, nullable: false, description: 'The friendly name of the project, this name appears in reports.' },
      { name: 'residency', type: 'string', required: false, nullable: true, description: 'Create the project with the specified residency configuration.', enum: ['GLOBAL', 'US_STORAGE_PROCESSING', 'EU_STORAGE_PROCESSING', 'JP_STORAGE', 'JP_STORAGE_PROCESSING', 'KR_STORAGE', 'CA_STORAGE', 'SG_STORAGE', 'IN_STORAGE', 'IN_STORAGE_PROCESSING', 'AU_STORAGE', 'AU_STORAGE_PROCESSING', 'GB_STORAGE', 'AE_STORAGE', 'AE_STORAGE_PROCESSING'] },
      { name: 'external_key_id', type: 'string', required: false, nullable: true, description: 'External key ID to associate with the project.' },
      { name: 'geography', type: 'string', required: false, nullable: true, description: 'Deprecated: the data residency region (use `residency`).' },
    ],
    cursor: null,
    writes: true,
    summary: 'Create a new project in the organization. Projects can be created and archived, but cannot be deleted.',
  },
  {
    name: 'projects.retrieve',
    method: 'GET',
    path: '/organization/projects/{project_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves a project.',
  },
  {
    name: 'projects.update',
    method: 'POST',
    path: '/organization/projects/{project_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: 'body',
    fields: [
      { name: 'name', type: 'string', required: false, nullable: true, description: 'The updated name of the project, this name appears in reports.' },
      { name: 'external_key_id', type: 'string', required: false, nullable: true, description: 'External key ID to associate with the project.' },
      { name: 'geography', type: 'string', required: false, nullable: true, description: 'Deprecated: the project\'s geography.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Modifies a project in the organization.',
  },
  {
    name: 'projects.archive',
    method: 'POST',
    path: '/organization/projects/{project_id}/archive',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Archives a project in the organization. Archived projects cannot be used or updated.',
  },
  {
    name: 'projects.users.list',
    method: 'GET',
    path: '/organization/projects/{project_id}/users',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `last_id` of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many users a page holds (1 to 100, 20 when left out).' },
    ],
    cursor: 'last_id',
    writes: false,
    summary: 'Returns a list of users in the project.',
  },
  {
    name: 'projects.users.create',
    method: 'POST',
    path: '/organization/projects/{project_id}/users',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: 'body',
    fields: [
      { name: 'role', type: 'string', required: true, nullable: false, description: '`owner` or `member`.' },
      { name: 'user_id', type: 'string', required: false, nullable: true, description: 'The ID of the user.' },
      { name: 'email', type: 'string', required: false, nullable: true, description: 'Email of the user to add.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Adds a user to the project. Users must already be members of the organization to be added to a project.',
  },
  {
    name: 'projects.users.retrieve',
    method: 'GET',
    path: '/organization/projects/{project_id}/users/{user_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'user_id', description: 'The ID of the user.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves a user in the project.',
  },
  {
    name: 'projects.users.update',
    method: 'POST',
    path: '/organization/projects/{project_id}/users/{user_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'user_id', description: 'The ID of the user.' }],
    input: 'body',
    fields: [
      { name: 'role', type: 'string', required: false, nullable: true, description: '`owner` or `member`.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Modifies a user\'s role in the project.',
  },
  {
    name: 'projects.users.delete',
    method: 'DELETE',
    path: '/organization/projects/{project_id}/users/{user_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'user_id', description: 'The ID of the user.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Deletes a user from the project.',
  },
  {
    name: 'projects.users.roles.list',
    method: 'GET',
    path: '/projects/{project_id}/users/{user_id}/roles',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'user_id', description: 'The ID of the user.' }],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many items a page holds (0 to 1000).', minimum: 0, maximum: 1000 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists the project roles assigned to a user within a project.',
  },
  {
    name: 'projects.users.roles.create',
    method: 'POST',
    path: '/projects/{project_id}/users/{user_id}/roles',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'user_id', description: 'The ID of the user.' }],
    input: 'body',
    fields: [
      { name: 'role_id', type: 'string', required: true, nullable: false, description: 'Identifier of the role to assign.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Assigns a project role to a user within a project.',
  },
  {
    name: 'projects.users.roles.retrieve',
    method: 'GET',
    path: '/projects/{project_id}/users/{user_id}/roles/{role_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'user_id', description: 'The ID of the user.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves a project role assigned to a user.',
  },
  {
    name: 'projects.users.roles.delete',
    method: 'DELETE',
    path: '/projects/{project_id}/users/{user_id}/roles/{role_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'user_id', description: 'The ID of the user.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Unassigns a project role from a user within a project.',
  },
  {
    name: 'projects.groups.list',
    method: 'GET',
    path: '/organization/projects/{project_id}/groups',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many groups a page holds (0 to 100, 20 when left out).', minimum: 0, maximum: 100 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists the groups that have access to a project.',
  },
  {
    name: 'projects.groups.create',
    method: 'POST',
    path: '/organization/projects/{project_id}/groups',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: 'body',
    fields: [
      { name: 'group_id', type: 'string', required: true, nullable: false, description: 'Identifier of the group to add to the project.' },
      { name: 'role', type: 'string', required: true, nullable: false, description: 'Identifier of the project role to grant to the group.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Grants a group access to a project.',
  },
  {
    name: 'projects.groups.retrieve',
    method: 'GET',
    path: '/organization/projects/{project_id}/groups/{group_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'group_id', description: 'The ID of the group.' }],
    input: 'query',
    fields: [
      { name: 'group_type', type: 'string', required: false, nullable: true, description: 'The type of group to retrieve (`group` when left out).', enum: ['group', 'tenant_group'] },
    ],
    cursor: null,
    writes: false,
    summary: 'Retrieves a project\'s group.',
  },
  {
    name: 'projects.groups.delete',
    method: 'DELETE',
    path: '/organization/projects/{project_id}/groups/{group_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'group_id', description: 'The ID of the group.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Revokes a group\'s access to a project.',
  },
  {
    name: 'projects.groups.roles.list',
    method: 'GET',
    path: '/projects/{project_id}/groups/{group_id}/roles',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'group_id', description: 'The ID of the group.' }],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many items a page holds (0 to 1000).', minimum: 0, maximum: 1000 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists the project roles assigned to a group within a project.',
  },
  {
    name: 'projects.groups.roles.create',
    method: 'POST',
    path: '/projects/{project_id}/groups/{group_id}/roles',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'group_id', description: 'The ID of the group.' }],
    input: 'body',
    fields: [
      { name: 'role_id', type: 'string', required: true, nullable: false, description: 'Identifier of the role to assign.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Assigns a project role to a group within a project.',
  },
  {
    name: 'projects.groups.roles.retrieve',
    method: 'GET',
    path: '/projects/{project_id}/groups/{group_id}/roles/{role_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'group_id', description: 'The ID of the group.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves a project role assigned to a group.',
  },
  {
    name: 'projects.groups.roles.delete',
    method: 'DELETE',
    path: '/projects/{project_id}/groups/{group_id}/roles/{role_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'group_id', description: 'The ID of the group.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Unassigns a project role from a group within a project.',
  },
  {
    name: 'projects.roles.list',
    method: 'GET',
    path: '/projects/{project_id}/roles',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: 'query',
    fields: [
      { name: 'after', type: 'string', required: false, nullable: true, description: 'A cursor: the `next` value of the previous page.' },
      { name: 'limit', type: 'integer', required: false, nullable: true, description: 'How many items a page holds (0 to 1000).', minimum: 0, maximum: 1000 },
      { name: 'order', type: 'string', required: false, nullable: true, description: 'Sort order.', enum: ['asc', 'desc'] },
    ],
    cursor: 'next',
    writes: false,
    summary: 'Lists the roles configured for a project.',
  },
  {
    name: 'projects.roles.create',
    method: 'POST',
    path: '/projects/{project_id}/roles',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }],
    input: 'body',
    fields: [
      { name: 'role_name', type: 'string', required: true, nullable: false, description: 'Unique name for the role (answered back as `name`).' },
      { name: 'permissions', type: 'string[]', required: true, nullable: false, description: 'Permissions to grant to the role, e.g. `api.groups.read`.' },
      { name: 'description', type: 'string', required: false, nullable: true, description: 'Optional description of the role.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Creates a custom role for a project.',
  },
  {
    name: 'projects.roles.retrieve',
    method: 'GET',
    path: '/projects/{project_id}/roles/{role_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: false,
    summary: 'Retrieves a project role.',
  },
  {
    name: 'projects.roles.update',
    method: 'POST',
    path: '/projects/{project_id}/roles/{role_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: 'body',
    fields: [
      { name: 'role_name', type: 'string', required: false, nullable: true, description: 'New name for the role.' },
      { name: 'permissions', type: 'string[]', required: false, nullable: true, description: 'Updated set of permissions for the role.' },
      { name: 'description', type: 'string', required: false, nullable: true, description: 'New description for the role.' },
    ],
    cursor: null,
    writes: true,
    summary: 'Updates an existing project role.',
  },
  {
    name: 'projects.roles.delete',
    method: 'DELETE',
    path: '/projects/{project_id}/roles/{role_id}',
    pathParams: [{ name: 'project_id', description: 'The ID of the project.' }, { name: 'role_id', description: 'The ID of the role.' }],
    input: null,
    fields: [],
    cursor: null,
    writes: true,
    summary: 'Deletes a custom role from a project.',
  },
];

const byName = new Map(OPERATIONS.map((op) => [op.name, op]));

/** The operation called `name`, if there is one. */
export function operation(name: string): OperationInfo | undefined {
  return byName.get(name);
}

/**
 * A call of an operation in the official SDK's shape: `id` is the last path parameter (the
 * method's first argument), `params` one object with the other path parameters and the query or
 * body fields, present when the operation has an input or more than one path parameter.
 */
export interface CallShape {
  readonly id: unknown;
  readonly params: Record<string, unknown> | undefined;
}

/** The call shape of `op` for these path ids and fields. */
export function callShape(op: OperationInfo, ids: Readonly<Record<string, unknown>>, fields?: Readonly<Record<string, unknown>> | null): CallShape {
  const names = op.pathParams.map((p) => p.name);
  const id = names.length > 0 ? ids[names[names.length - 1]!] : undefined;
  if (op.input === null && names.length < 2) return { id, params: undefined };
  const params: Record<string, unknown> = {};
  for (const n of names.slice(0, -1)) params[n] = ids[n];
  return { id, params: Object.assign(params, fields ?? {}) };
}

/** The client method's arguments for a call: `[id?, params?]`. */
export function callArguments(op: OperationInfo, ids: Readonly<Record<string, unknown>>, fields?: Readonly<Record<string, unknown>> | null): unknown[] {
  const { id, params } = callShape(op, ids, fields);
  return [...(op.pathParams.length > 0 ? [id] : []), ...(params ? [params] : [])];
}

/** `client.admin.organization.groups.users.list`, bound, by its name in the table (`groups.users.list`). */
export function methodOf(organization: unknown, name: string): (...args: unknown[]) => unknown {
  const path = name.split('.');
  let target = organization as Record<string, unknown> | undefined;
  for (const p of path.slice(0, -1)) target = target?.[p] as Record<string, unknown> | undefined;
  const fn = target?.[path[path.length - 1]!];
  if (typeof fn !== 'function') throw new TypeError(`the client has no admin.organization.${name}()`);
  return (fn as (...args: unknown[]) => unknown).bind(target);
}
