// Generated from the operation table in src/ops.rs by `cargo xtask codegen`.
// Do not edit: each method is one line of wiring to the transport, typed as the official SDK types it.

import type { RequestOptions, QueryParams, OptionsOnly } from './options.js';
import type { Transport } from './transport.js';
import type { APIPromise } from './api-promise.js';
import { ConversationCursorPage, NextCursorPage, type PagePromise } from './pagination.js';
import type * as API from './types.js';

/** `client.admin.organization.projects.users.roles` */
export class ProjectUserRoles {
  constructor(private readonly t: Transport) {}
  /** Lists the project roles assigned to a user within a project. `GET /projects/{project_id}/users/{user_id}/roles` */
  list(userID: string, params: API.Organization.Projects.Users.Roles.RoleListParams, options?: RequestOptions): PagePromise<API.Organization.Projects.Users.Roles.RoleListResponsesPage, API.Organization.Projects.Users.Roles.RoleListResponse> {
    return this.t.list('projects.users.roles.list', userID, params, options, NextCursorPage, null);
  }
  /** Assigns a project role to a user within a project. `POST /projects/{project_id}/users/{user_id}/roles` */
  create(userID: string, params: API.Organization.Projects.Users.Roles.RoleCreateParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Users.Roles.RoleCreateResponse> {
    return this.t.request('projects.users.roles.create', userID, params, options);
  }
  /** Retrieves a project role assigned to a user. `GET /projects/{project_id}/users/{user_id}/roles/{role_id}` */
  retrieve(roleID: string, params: API.Organization.Projects.Users.Roles.RoleRetrieveParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Users.Roles.RoleRetrieveResponse> {
    return this.t.request('projects.users.roles.retrieve', roleID, params, options);
  }
  /** Unassigns a project role from a user within a project. `DELETE /projects/{project_id}/users/{user_id}/roles/{role_id}` */
  delete(roleID: string, params: API.Organization.Projects.Users.Roles.RoleDeleteParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Users.Roles.RoleDeleteResponse> {
    return this.t.request('projects.users.roles.delete', roleID, params, options);
  }
}

/** `client.admin.organization.projects.groups.roles` */
export class ProjectGroupRoles {
  constructor(private readonly t: Transport) {}
  /** Lists the project roles assigned to a group within a project. `GET /projects/{project_id}/groups/{group_id}/roles` */
  list(groupID: string, params: API.Organization.Projects.Groups.Roles.RoleListParams, options?: RequestOptions): PagePromise<API.Organization.Projects.Groups.Roles.RoleListResponsesPage, API.Organization.Projects.Groups.Roles.RoleListResponse> {
    return this.t.list('projects.groups.roles.list', groupID, params, options, NextCursorPage, null);
  }
  /** Assigns a project role to a group within a project. `POST /projects/{project_id}/groups/{group_id}/roles` */
  create(groupID: string, params: API.Organization.Projects.Groups.Roles.RoleCreateParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Groups.Roles.RoleCreateResponse> {
    return this.t.request('projects.groups.roles.create', groupID, params, options);
  }
  /** Retrieves a project role assigned to a group. `GET /projects/{project_id}/groups/{group_id}/roles/{role_id}` */
  retrieve(roleID: string, params: API.Organization.Projects.Groups.Roles.RoleRetrieveParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Groups.Roles.RoleRetrieveResponse> {
    return this.t.request('projects.groups.roles.retrieve', roleID, params, options);
  }
  /** Unassigns a project role from a group within a project. `DELETE /projects/{project_id}/groups/{group_id}/roles/{role_id}` */
  delete(roleID: string, params: API.Organization.Projects.Groups.Roles.RoleDeleteParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Groups.Roles.RoleDeleteResponse> {
    return this.t.request('projects.groups.roles.delete', roleID, params, options);
  }
}

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

/** `client.admin.organization.projects.users` */
export class ProjectUsers {
  readonly roles: ProjectUserRoles;
  constructor(private readonly t: Transport) {
    this.roles = new ProjectUserRoles(t);
  }
  /** Returns a list of users in the project. `GET /organization/projects/{project_id}/users` */
  list(projectID: string, query?: QueryParams<API.Organization.Projects.Users.UserListParams>, options?: RequestOptions): PagePromise<API.Organization.Projects.Users.ProjectUsersPage, API.Organization.Projects.Users.ProjectUser>;
  list(projectID: string, options?: OptionsOnly): PagePromise<API.Organization.Projects.Users.ProjectUsersPage, API.Organization.Projects.Users.ProjectUser>;
  list(projectID: string, query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Projects.Users.ProjectUsersPage, API.Organization.Projects.Users.ProjectUser> {
    return this.t.list('projects.users.list', projectID, query, options, ConversationCursorPage, ['after', 'limit']);
  }
  /** Adds a user to the project. Users must already be members of the organization to be added to a project. `POST /organization/projects/{project_id}/users` */
  create(projectID: string, body: API.Organization.Projects.Users.UserCreateParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Users.ProjectUser> {
    return this.t.request('projects.users.create', projectID, body, options);
  }
  /** Retrieves a user in the project. `GET /organization/projects/{project_id}/users/{user_id}` */
  retrieve(userID: string, params: API.Organization.Projects.Users.UserRetrieveParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Users.ProjectUser> {
    return this.t.request('projects.users.retrieve', userID, params, options);
  }
  /** Modifies a user's role in the project. `POST /organization/projects/{project_id}/users/{user_id}` */
  update(userID: string, params: API.Organization.Projects.Users.UserUpdateParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Users.ProjectUser> {
    return this.t.request('projects.users.update', userID, params, options);
  }
  /** Deletes a user from the project. `DELETE /organization/projects/{project_id}/users/{user_id}` */
  delete(userID: string, params: API.Organization.Projects.Users.UserDeleteParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Users.UserDeleteResponse> {
    return this.t.request('projects.users.delete', userID, params, options);
  }
}

/** `client.admin.organization.projects.groups` */
export class ProjectGroups {
  readonly roles: ProjectGroupRoles;
  constructor(private readonly t: Transport) {
    this.roles = new ProjectGroupRoles(t);
  }
  /** Lists the groups that have access to a project. `GET /organization/projects/{project_id}/groups` */
  list(projectID: string, query?: QueryParams<API.Organization.Projects.Groups.GroupListParams>, options?: RequestOptions): PagePromise<API.Organization.Projects.Groups.ProjectGroupsPage, API.Organization.Projects.Groups.ProjectGroup>;
  list(projectID: string, options?: OptionsOnly): PagePromise<API.Organization.Projects.Groups.ProjectGroupsPage, API.Organization.Projects.Groups.ProjectGroup>;
  list(projectID: string, query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Projects.Groups.ProjectGroupsPage, API.Organization.Projects.Groups.ProjectGroup> {
    return this.t.list('projects.groups.list', projectID, query, options, NextCursorPage, ['after', 'limit', 'order']);
  }
  /** Grants a group access to a project. `POST /organization/projects/{project_id}/groups` */
  create(projectID: string, body: API.Organization.Projects.Groups.GroupCreateParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Groups.ProjectGroup> {
    return this.t.request('projects.groups.create', projectID, body, options);
  }
  /** Retrieves a project's group. `GET /organization/projects/{project_id}/groups/{group_id}` */
  retrieve(groupID: string, params: API.Organization.Projects.Groups.GroupRetrieveParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Groups.ProjectGroup> {
    return this.t.request('projects.groups.retrieve', groupID, params, options);
  }
  /** Revokes a group's access to a project. `DELETE /organization/projects/{project_id}/groups/{group_id}` */
  delete(groupID: string, params: API.Organization.Projects.Groups.GroupDeleteParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Groups.GroupDeleteResponse> {
    return this.t.request('projects.groups.delete', groupID, params, options);
  }
}

/** `client.admin.organization.projects.roles` */
export class ProjectRoles {
  constructor(private readonly t: Transport) {}
  /** Lists the roles configured for a project. `GET /projects/{project_id}/roles` */
  list(projectID: string, query?: QueryParams<API.Organization.Projects.Roles.RoleListParams>, options?: RequestOptions): PagePromise<API.Organization.Roles.RolesPage, API.Organization.Roles.Role>;
  list(projectID: string, options?: OptionsOnly): PagePromise<API.Organization.Roles.RolesPage, API.Organization.Roles.Role>;
  list(projectID: string, query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Roles.RolesPage, API.Organization.Roles.Role> {
    return this.t.list('projects.roles.list', projectID, query, options, NextCursorPage, ['after', 'limit', 'order']);
  }
  /** Creates a custom role for a project. `POST /projects/{project_id}/roles` */
  create(projectID: string, body: API.Organization.Projects.Roles.RoleCreateParams, options?: RequestOptions): APIPromise<API.Organization.Roles.Role> {
    return this.t.request('projects.roles.create', projectID, body, options);
  }
  /** Retrieves a project role. `GET /projects/{project_id}/roles/{role_id}` */
  retrieve(roleID: string, params: API.Organization.Projects.Roles.RoleRetrieveParams, options?: RequestOptions): APIPromise<API.Organization.Roles.Role> {
    return this.t.request('projects.roles.retrieve', roleID, params, options);
  }
  /** Updates an existing project role. `POST /projects/{project_id}/roles/{role_id}` */
  update(roleID: string, params: API.Organization.Projects.Roles.RoleUpdateParams, options?: RequestOptions): APIPromise<API.Organization.Roles.Role> {
    return this.t.request('projects.roles.update', roleID, params, options);
  }
  /** Deletes a custom role from a project. `DELETE /projects/{project_id}/roles/{role_id}` */
  delete(roleID: string, params: API.Organization.Projects.Roles.RoleDeleteParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Roles.RoleDeleteResponse> {
    return this.t.request('projects.roles.delete', roleID, params, options);
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

/** `client.admin.organization.projects` */
export class Projects {
  readonly users: ProjectUsers;
  readonly groups: ProjectGroups;
  readonly roles: ProjectRoles;
  constructor(private readonly t: Transport) {
    this.users = new ProjectUsers(t);
    this.groups = new ProjectGroups(t);
    this.roles = new ProjectRoles(t);
  }
  /** Returns a list of projects. `GET /organization/projects` */
  list(query?: QueryParams<API.Organization.Projects.ProjectListParams>, options?: RequestOptions): PagePromise<API.Organization.Projects.ProjectsPage, API.Organization.Projects.Project>;
  list(options?: OptionsOnly): PagePromise<API.Organization.Projects.ProjectsPage, API.Organization.Projects.Project>;
  list(query?: unknown, options?: RequestOptions): PagePromise<API.Organization.Projects.ProjectsPage, API.Organization.Projects.Project> {
    return this.t.list('projects.list', undefined, query, options, ConversationCursorPage, ['after', 'limit', 'include_archived']);
  }
  /** Create a new project in the organization. Projects can be created and archived, but cannot be deleted. `POST /organization/projects` */
  create(body: API.Organization.Projects.ProjectCreateParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Project> {
    return this.t.request('projects.create', undefined, body, options);
  }
  /** Retrieves a project. `GET /organization/projects/{project_id}` */
  retrieve(projectID: string, options?: RequestOptions): APIPromise<API.Organization.Projects.Project> {
    return this.t.request('projects.retrieve', projectID, undefined, options);
  }
  /** Modifies a project in the organization. `POST /organization/projects/{project_id}` */
  update(projectID: string, body: API.Organization.Projects.ProjectUpdateParams, options?: RequestOptions): APIPromise<API.Organization.Projects.Project> {
    return this.t.request('projects.update', projectID, body, options);
  }
  /** Archives a project in the organization. Archived projects cannot be used or updated. `POST /organization/projects/{project_id}/archive` */
  archive(projectID: string, options?: RequestOptions): APIPromise<API.Organization.Projects.Project> {
    return this.t.request('projects.archive', projectID, undefined, options);
  }
}

/** `client.admin.organization` */
export class Organization {
  readonly groups: Groups;
  readonly roles: Roles;
  readonly users: Users;
  readonly projects: Projects;
  constructor(t: Transport) {
    this.groups = new Groups(t);
    this.roles = new Roles(t);
    this.users = new Users(t);
    this.projects = new Projects(t);
  }
}
