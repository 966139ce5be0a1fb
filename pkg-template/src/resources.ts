// Generated from the operation table in src/ops.rs by `cargo xtask codegen`.
// Do not edit: each method is one line of wiring to the transport, typed as the official SDK types it.

import type { RequestOptions, QueryParams, OptionsOnly } from './options.js';
import type { Transport } from './transport.js';
import type { APIPromise } from './api-promise.js';
import { ConversationCursorPage, NextCursorPage, type PagePromise } from './pagination.js';
import type * as API from './types.js';

/** `client.admin.organization.groups.users` */
export class GroupUsers {
  constructor(private readonly t: Transport) {}
  /** Lists the users assigned to a group. `GET /organization/groups/{group_id}/users` */
  list(groupID: string, query?: QueryParams<API.Organization.Groups.Users.UserListParams>, options?: RequestOptions): PagePromise<API.Organization.Groups.Users.OrganizationGroupUsersPage, API.Organization.Groups.Users.OrganizationGroupUser>;
  list(groupID: string, options?: OptionsOnly): PagePromise<API.Organization.Groups.Users.OrganizationGroupUsersPage, API.Organization.Groups.Users.OrganizationGroupUser>;
  list(groupID: string, query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Groups.Users.OrganizationGroupUsersPage, API.Organization.Groups.Users.OrganizationGroupUser> {
    return this.t.list('groups.users.list', groupID, query, options, NextCursorPage, ['after', 'limit', 'order']);
  }
  /** Adds a user to a group. `POST /organization/groups/{group_id}/users` */
  create(groupID: string, body: API.Organization.Groups.Users.UserCreateParams, options?: RequestOptions): APIPromise<API.Organization.Groups.Users.UserCreateResponse> {
    return this.t.request('groups.users.create', groupID, body, options);
  }
  /** Retrieves a user in a group. `GET /organization/groups/{group_id}/users/{user_id}` */
  retrieve(userID: string, params: API.Organization.Groups.Users.UserRetrieveParams, options?: RequestOptions): APIPromise<API.Organization.Groups.Users.UserRetrieveResponse> {
    return this.t.request('groups.users.retrieve', userID, params, options);
  }
  /** Removes a user from a group. `DELETE /organization/groups/{group_id}/users/{user_id}` */
  delete(userID: string, params: API.Organization.Groups.Users.UserDeleteParams, options?: RequestOptions): APIPromise<API.Organization.Groups.Users.UserDeleteResponse> {
    return this.t.request('groups.users.delete', userID, params, options);
  }
}

/** `client.admin.organization.groups.roles` */
export class GroupRoles {
  constructor(private readonly t: Transport) {}
  /** Lists the organization roles assigned to a group within the organization. `GET /organization/groups/{group_id}/roles` */
  list(groupID: string, query?: QueryParams<API.Organization.Groups.Roles.RoleListParams>, options?: RequestOptions): PagePromise<API.Organization.Groups.Roles.RoleListResponsesPage, API.Organization.Groups.Roles.RoleListResponse>;
  list(groupID: string, options?: OptionsOnly): PagePromise<API.Organization.Groups.Roles.RoleListResponsesPage, API.Organization.Groups.Roles.RoleListResponse>;
  list(groupID: string, query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Groups.Roles.RoleListResponsesPage, API.Organization.Groups.Roles.RoleListResponse> {
    return this.t.list('groups.roles.list', groupID, query, options, NextCursorPage, ['after', 'limit', 'order']);
  }
  /** Assigns an organization role to a group within the organization. `POST /organization/groups/{group_id}/roles` */
  create(groupID: string, body: API.Organization.Groups.Roles.RoleCreateParams, options?: RequestOptions): APIPromise<API.Organization.Groups.Roles.RoleCreateResponse> {
    return this.t.request('groups.roles.create', groupID, body, options);
  }
  /** Retrieves an organization role assigned to a group. `GET /organization/groups/{group_id}/roles/{role_id}` */
  retrieve(roleID: string, params: API.Organization.Groups.Roles.RoleRetrieveParams, options?: RequestOptions): APIPromise<API.Organization.Groups.Roles.RoleRetrieveResponse> {
    return this.t.request('groups.roles.retrieve', roleID, params, options);
  }
  /** Unassigns an organization role from a group within the organization. `DELETE /organization/groups/{group_id}/roles/{role_id}` */
  delete(roleID: string, params: API.Organization.Groups.Roles.RoleDeleteParams, options?: RequestOptions): APIPromise<API.Organization.Groups.Roles.RoleDeleteResponse> {
    return this.t.request('groups.roles.delete', roleID, params, options);
  }
}

/** `client.admin.organization.users.roles` */
export class UserRoles {
  constructor(private readonly t: Transport) {}
  /** Lists the organization roles assigned to a user within the organization. `GET /organization/users/{user_id}/roles` */
  list(userID: string, query?: QueryParams<API.Organization.Users.Roles.RoleListParams>, options?: RequestOptions): PagePromise<API.Organization.Users.Roles.RoleListResponsesPage, API.Organization.Users.Roles.RoleListResponse>;
  list(userID: string, options?: OptionsOnly): PagePromise<API.Organization.Users.Roles.RoleListResponsesPage, API.Organization.Users.Roles.RoleListResponse>;
  list(userID: string, query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Users.Roles.RoleListResponsesPage, API.Organization.Users.Roles.RoleListResponse> {
    return this.t.list('users.roles.list', userID, query, options, NextCursorPage, ['after', 'limit', 'order']);
  }
  /** Assigns an organization role to a user within the organization. `POST /organization/users/{user_id}/roles` */
  create(userID: string, body: API.Organization.Users.Roles.RoleCreateParams, options?: RequestOptions): APIPromise<API.Organization.Users.Roles.RoleCreateResponse> {
    return this.t.request('users.roles.create', userID, body, options);
  }
  /** Retrieves an organization role assigned to a user. `GET /organization/users/{user_id}/roles/{role_id}` */
  retrieve(roleID: string, params: API.Organization.Users.Roles.RoleRetrieveParams, options?: RequestOptions): APIPromise<API.Organization.Users.Roles.RoleRetrieveResponse> {
    return this.t.request('users.roles.retrieve', roleID, params, options);
  }
  /** Unassigns an organization role from a user within the organization. `DELETE /organization/users/{user_id}/roles/{role_id}` */
  delete(roleID: string, params: API.Organization.Users.Roles.RoleDeleteParams, options?: RequestOptions): APIPromise<API.Organization.Users.Roles.RoleDeleteResponse> {
    return this.t.request('users.roles.delete', roleID, params, options);
  }
}

/** `client.admin.organization.groups` */
export class Groups {
  readonly users: GroupUsers;
  readonly roles: GroupRoles;
  constructor(private readonly t: Transport) {
    this.users = new GroupUsers(t);
    this.roles = new GroupRoles(t);
  }
  /** Lists all groups in the organization. `GET /organization/groups` */
  list(query?: QueryParams<API.Organization.Groups.GroupListParams>, options?: RequestOptions): PagePromise<API.Organization.Groups.GroupsPage, API.Organization.Groups.Group>;
  list(options?: OptionsOnly): PagePromise<API.Organization.Groups.GroupsPage, API.Organization.Groups.Group>;
  list(query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Groups.GroupsPage, API.Organization.Groups.Group> {
    return this.t.list('groups.list', undefined, query, options, NextCursorPage, ['after', 'limit', 'order']);
  }
  /** Creates a new group in the organization. `POST /organization/groups` */
  create(body: API.Organization.Groups.GroupCreateParams, options?: RequestOptions): APIPromise<API.Organization.Groups.Group> {
    return this.t.request('groups.create', undefined, body, options);
  }
  /** Retrieves a group. `GET /organization/groups/{group_id}` */
  retrieve(groupID: string, options?: RequestOptions): APIPromise<API.Organization.Groups.Group> {
    return this.t.request('groups.retrieve', groupID, undefined, options);
  }
  /** Updates a group's information. `POST /organization/groups/{group_id}` */
  update(groupID: string, body: API.Organization.Groups.GroupUpdateParams, options?: RequestOptions): APIPromise<API.Organization.Groups.GroupUpdateResponse> {
    return this.t.request('groups.update', groupID, body, options);
  }
  /** Deletes a group from the organization. `DELETE /organization/groups/{group_id}` */
  delete(groupID: string, options?: RequestOptions): APIPromise<API.Organization.Groups.GroupDeleteResponse> {
    return this.t.request('groups.delete', groupID, undefined, options);
  }
}

/** `client.admin.organization.roles` */
export class Roles {
  constructor(private readonly t: Transport) {}
  /** Lists the roles configured for the organization. `GET /organization/roles` */
  list(query?: QueryParams<API.Organization.Roles.RoleListParams>, options?: RequestOptions): PagePromise<API.Organization.Roles.RolesPage, API.Organization.Roles.Role>;
  list(options?: OptionsOnly): PagePromise<API.Organization.Roles.RolesPage, API.Organization.Roles.Role>;
  list(query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Roles.RolesPage, API.Organization.Roles.Role> {
    return this.t.list('roles.list', undefined, query, options, NextCursorPage, ['after', 'limit', 'order']);
  }
  /** Creates a custom role for the organization. `POST /organization/roles` */
  create(body: API.Organization.Roles.RoleCreateParams, options?: RequestOptions): APIPromise<API.Organization.Roles.Role> {
    return this.t.request('roles.create', undefined, body, options);
  }
  /** Retrieves an organization role. `GET /organization/roles/{role_id}` */
  retrieve(roleID: string, options?: RequestOptions): APIPromise<API.Organization.Roles.Role> {
    return this.t.request('roles.retrieve', roleID, undefined, options);
  }
  /** Updates an existing organization role. `POST /organization/roles/{role_id}` */
  update(roleID: string, body: API.Organization.Roles.RoleUpdateParams, options?: RequestOptions): APIPromise<API.Organization.Roles.Role> {
    return this.t.request('roles.update', roleID, body, options);
  }
  /** Deletes a custom role from the organization. `DELETE /organization/roles/{role_id}` */
  delete(roleID: string, options?: RequestOptions): APIPromise<API.Organization.Roles.RoleDeleteResponse> {
    return this.t.request('roles.delete', roleID, undefined, options);
  }
}

/** `client.admin.organization.users` */
export class Users {
  readonly roles: UserRoles;
  constructor(private readonly t: Transport) {
    this.roles = new UserRoles(t);
  }
  /** Lists all of the users in the organization. `GET /organization/users` */
  list(query?: QueryParams<API.Organization.Users.UserListParams>, options?: RequestOptions): PagePromise<API.Organization.Users.OrganizationUsersPage, API.Organization.Users.OrganizationUser>;
  list(options?: OptionsOnly): PagePromise<API.Organization.Users.OrganizationUsersPage, API.Organization.Users.OrganizationUser>;
  list(query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Users.OrganizationUsersPage, API.Organization.Users.OrganizationUser> {
    return this.t.list('users.list', undefined, query, options, ConversationCursorPage, ['after', 'limit', 'emails']);
  }
  /** Retrieves a user by their identifier. `GET /organization/users/{user_id}` */
  retrieve(userID: string, options?: RequestOptions): APIPromise<API.Organization.Users.OrganizationUser> {
    return this.t.request('users.retrieve', userID, undefined, options);
  }
  /** Modifies a user's role in the organization. `POST /organization/users/{user_id}` */
  update(userID: string, body: API.Organization.Users.UserUpdateParams, options?: RequestOptions): APIPromise<API.Organization.Users.OrganizationUser> {
    return this.t.request('users.update', userID, body, options);
  }
  /** Deletes a user from the organization. `DELETE /organization/users/{user_id}` */
  delete(userID: string, options?: RequestOptions): APIPromise<API.Organization.Users.UserDeleteResponse> {
    return this.t.request('users.delete', userID, undefined, options);
  }
}

/** `client.admin.organization` */
export class Organization {
  readonly groups: Groups;
  readonly roles: Roles;
  readonly users: Users;
  constructor(t: Transport) {
    this.groups = new Groups(t);
    this.roles = new Roles(t);
    this.users = new Users(t);
  }
}
