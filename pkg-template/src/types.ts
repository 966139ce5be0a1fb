/**
 * The official SDK's types for these resources, under the same names and namespaces as
 * `OpenAI.Admin.Organization` of `openai@7.57.0` (`Organization.Group`,
 * `Organization.Groups.Users.UserRetrieveParams`, `Organization.Users.OrganizationUser`, …): code
 * written against the official types compiles with only the import changed.
 *
 * `Organization.Groups`, `Organization.Groups.Users`, … are also the types of the resource objects
 * (`client.admin.organization.groups`, …), as in the official SDK where they are classes.
 *
 * Written by hand from the official declarations, and held to them by the type-equality test
 * (`tests/types/`, against `openai@7.57.0`): that test, not a generator, is what pins these types.
 * Each resource's namespace is in its own file (`types/groups.ts`, `types/roles.ts`,
 * `types/users.ts`, `types/projects.ts`); this one puts them together as the official `Organization` namespace does.
 */
import type * as R from './resources.js';
import * as GroupTypes from './types/groups.js';
import * as ProjectTypes from './types/projects.js';
import * as RoleTypes from './types/roles.js';
import * as UserTypes from './types/users.js';

/** The type of `client.admin.organization`. */
export type Organization = R.Organization;

export declare namespace Organization {
  export import Groups = GroupTypes.Groups;
  export import GroupsPage = Groups.GroupsPage;
  export import Group = Groups.Group;
  export import GroupUpdateResponse = Groups.GroupUpdateResponse;
  export import GroupDeleteResponse = Groups.GroupDeleteResponse;
  export import GroupCreateParams = Groups.GroupCreateParams;
  export import GroupUpdateParams = Groups.GroupUpdateParams;
  export import GroupListParams = Groups.GroupListParams;
  export import Roles = RoleTypes.Roles;
  export import RolesPage = Roles.RolesPage;
  export import Role = Roles.Role;
  export import RoleDeleteResponse = Roles.RoleDeleteResponse;
  export import RoleCreateParams = Roles.RoleCreateParams;
  export import RoleUpdateParams = Roles.RoleUpdateParams;
  export import RoleListParams = Roles.RoleListParams;
  export import Users = UserTypes.Users;
  export import OrganizationUsersPage = Users.OrganizationUsersPage;
  export import OrganizationUser = Users.OrganizationUser;
  export import UserDeleteResponse = Users.UserDeleteResponse;
  export import UserUpdateParams = Users.UserUpdateParams;
  export import UserListParams = Users.UserListParams;
  export import Projects = ProjectTypes.Projects;
  export import ProjectsPage = Projects.ProjectsPage;
  export import Project = Projects.Project;
  export import ProjectResidency = Projects.ProjectResidency;
  export import ProjectCreateParams = Projects.ProjectCreateParams;
  export import ProjectUpdateParams = Projects.ProjectUpdateParams;
  export import ProjectListParams = Projects.ProjectListParams;
}
