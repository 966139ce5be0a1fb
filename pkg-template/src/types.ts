/**
 * The official SDK's types for these six resources, under the same names and namespaces as
 * `OpenAI.Admin.Organization` of `openai@7.57.0` (`Organization.Group`,
 * `Organization.Groups.Users.UserRetrieveParams`, `Organization.Users.OrganizationUser`, …): code
 * written against the official types compiles with only the import changed.
 *
 * `Organization.Groups`, `Organization.Groups.Users`, … are also the types of the resource objects
 * (`client.admin.organization.groups`, …), as in the official SDK where they are classes.
 *
 * Written by hand from the official declarations, and held to them by the type-equality test
 * (`tests/types/`, against `openai@7.57.0`): that test, not a generator, is what pins this file.
 */
import type {
  NextCursorPage,
  ConversationCursorPage,
  NextCursorPageParams,
  ConversationCursorPageParams,
} from './pagination.js';
import type * as R from './resources.js';

/** The type of `client.admin.organization`. */
export type Organization = R.Organization;

export declare namespace Organization {
  /** The type of `client.admin.organization.groups`. */
  export type Groups = R.Groups;
  export namespace Groups {
    export type GroupsPage = NextCursorPage<Group>;
    /**
     * Details about an organization group.
     */
    export interface Group {
      /**
       * Identifier for the group.
       */
      id: string;
      /**
       * Unix timestamp (in seconds) when the group was created.
       */
      created_at: number;
      /**
       * The type of the group.
       */
      group_type: 'group' | 'tenant_group';
      /**
       * Whether the group is managed through SCIM and controlled by your identity
       * provider.
       */
      is_scim_managed: boolean;
      /**
       * Display name of the group.
       */
      name: string;
    }
    /**
     * Response returned after updating a group.
     */
    export interface GroupUpdateResponse {
      /**
       * Identifier for the group.
       */
      id: string;
      /**
       * Unix timestamp (in seconds) when the group was created.
       */
      created_at: number;
      /**
       * Whether the group is managed through SCIM and controlled by your identity
       * provider.
       */
      is_scim_managed: boolean;
      /**
       * Updated display name for the group.
       */
      name: string;
    }
    /**
     * Confirmation payload returned after deleting a group.
     */
    export interface GroupDeleteResponse {
      /**
       * Identifier of the deleted group.
       */
      id: string;
      /**
       * Whether the group was deleted.
       */
      deleted: boolean;
      /**
       * Always `group.deleted`.
       */
      object: 'group.deleted';
    }
    export interface GroupCreateParams {
      /**
       * Human readable name for the group.
       */
      name: string;
    }
    export interface GroupUpdateParams {
      /**
       * New display name for the group.
       */
      name: string;
    }
    export interface GroupListParams extends NextCursorPageParams {
      /**
       * Specifies the sort order of the returned groups.
       */
      order?: 'asc' | 'desc';
    }

    /** The type of `client.admin.organization.groups.users`. */
    export type Users = R.GroupUsers;
    export namespace Users {
      export type OrganizationGroupUsersPage = NextCursorPage<OrganizationGroupUser>;
      /**
       * Represents an individual user returned when inspecting group membership.
       */
      export interface OrganizationGroupUser {
        /**
         * The identifier, which can be referenced in API endpoints
         */
        id: string;
        /**
         * The email address of the user.
         */
        email: string | null;
        /**
         * The name of the user.
         */
        name: string;
      }
      /**
       * Confirmation payload returned after adding a user to a group.
       */
      export interface UserCreateResponse {
        /**
         * Identifier of the group the user was added to.
         */
        group_id: string;
        /**
         * Always `group.user`.
         */
        object: 'group.user';
        /**
         * Identifier of the user that was added.
         */
        user_id: string;
      }
      /**
       * Details about a user returned from an organization group membership lookup.
       */
      export interface UserRetrieveResponse {
        /**
         * Identifier for the user.
         */
        id: string;
        /**
         * Email address of the user, or `null` for users without an email.
         */
        email: string | null;
        /**
         * Whether the user is a service account.
         */
        is_service_account: boolean | null;
        /**
         * Display name of the user.
         */
        name: string;
        /**
         * URL of the user's profile picture, if available.
         */
        picture: string | null;
        /**
         * The type of user.
         */
        user_type: 'user' | 'tenant_user';
      }
      /**
       * Confirmation payload returned after removing a user from a group.
       */
      export interface UserDeleteResponse {
        /**
         * Whether the group membership was removed.
         */
        deleted: boolean;
        /**
         * Always `group.user.deleted`.
         */
        object: 'group.user.deleted';
      }
      export interface UserCreateParams {
        /**
         * Identifier of the user to add to the group.
         */
        user_id: string;
      }
      export interface UserRetrieveParams {
        /**
         * The ID of the group to inspect.
         */
        group_id: string;
      }
      export interface UserListParams extends NextCursorPageParams {
        /**
         * Specifies the sort order of users in the list.
         */
        order?: 'asc' | 'desc';
      }
      export interface UserDeleteParams {
        /**
         * The ID of the group to update.
         */
        group_id: string;
      }
    }
    export import OrganizationGroupUsersPage = Users.OrganizationGroupUsersPage;
    export import OrganizationGroupUser = Users.OrganizationGroupUser;
    export import UserCreateResponse = Users.UserCreateResponse;
    export import UserRetrieveResponse = Users.UserRetrieveResponse;
    export import UserDeleteResponse = Users.UserDeleteResponse;
    export import UserCreateParams = Users.UserCreateParams;
    export import UserRetrieveParams = Users.UserRetrieveParams;
    export import UserListParams = Users.UserListParams;
    export import UserDeleteParams = Users.UserDeleteParams;


    /** The type of `client.admin.organization.groups.roles`. */
    export type Roles = R.GroupRoles;
    export namespace Roles {
      export type RoleListResponsesPage = NextCursorPage<RoleListResponse>;
      /**
       * Role assignment linking a group to a role.
       */
      export interface RoleCreateResponse {
        /**
         * Summary information about a group returned in role assignment responses.
         */
        group: RoleCreateResponse.Group;
        /**
         * Always `group.role`.
         */
        object: 'group.role';
        /**
         * Details about a role that can be assigned through the public Roles API.
         */
        role: Organization.Roles.Role;
      }
      export namespace RoleCreateResponse {
        /**
         * Summary information about a group returned in role assignment responses.
         */
        export interface Group {
          /**
           * Identifier for the group.
           */
          id: string;
          /**
           * Unix timestamp (in seconds) when the group was created.
           */
          created_at: number;
          /**
           * Display name of the group.
           */
          name: string;
          /**
           * Always `group`.
           */
          object: 'group';
          /**
           * Whether the group is managed through SCIM.
           */
          scim_managed: boolean;
        }
      }
      /**
       * Detailed information about a role assignment entry returned when listing
       * assignments.
       */
      export interface RoleRetrieveResponse {
        /**
         * Identifier for the role.
         */
        id: string;
        /**
         * Principals from which the role assignment is inherited, when available.
         */
        assignment_sources: Array<RoleRetrieveResponse.AssignmentSource> | null;
        /**
         * When the role was created.
         */
        created_at: number | null;
        /**
         * Identifier of the actor who created the role.
         */
        created_by: string | null;
        /**
         * User details for the actor that created the role, when available.
         */
        created_by_user_obj: {
          [key: string]: unknown;
        } | null;
        /**
         * Description of the role.
         */
        description: string | null;
        /**
         * Arbitrary metadata stored on the role.
         */
        metadata: {
          [key: string]: unknown;
        } | null;
        /**
         * Name of the role.
         */
        name: string;
        /**
         * Permissions associated with the role.
         */
        permissions: Array<string>;
        /**
         * Whether the role is predefined by OpenAI.
         */
        predefined_role: boolean;
        /**
         * Resource type the role applies to.
         */
        resource_type: string;
        /**
         * When the role was last updated.
         */
        updated_at: number | null;
      }
      export namespace RoleRetrieveResponse {
        export interface AssignmentSource {
          principal_id: string;
          principal_type: string;
        }
      }
      /**
       * Detailed information about a role assignment entry returned when listing
       * assignments.
       */
      export interface RoleListResponse {
        /**
         * Identifier for the role.
         */
        id: string;
        /**
         * Principals from which the role assignment is inherited, when available.
         */
        assignment_sources: Array<RoleListResponse.AssignmentSource> | null;
        /**
         * When the role was created.
         */
        created_at: number | null;
        /**
         * Identifier of the actor who created the role.
         */
        created_by: string | null;
        /**
         * User details for the actor that created the role, when available.
         */
        created_by_user_obj: {
          [key: string]: unknown;
        } | null;
        /**
         * Description of the role.
         */
        description: string | null;
        /**
         * Arbitrary metadata stored on the role.
         */
        metadata: {
          [key: string]: unknown;
        } | null;
        /**
         * Name of the role.
         */
        name: string;
        /**
         * Permissions associated with the role.
         */
        permissions: Array<string>;
        /**
         * Whether the role is predefined by OpenAI.
         */
        predefined_role: boolean;
        /**
         * Resource type the role applies to.
         */
        resource_type: string;
        /**
         * When the role was last updated.
         */
        updated_at: number | null;
      }
      export namespace RoleListResponse {
        export interface AssignmentSource {
          principal_id: string;
          principal_type: string;
        }
      }
      /**
       * Confirmation payload returned after unassigning a role.
       */
      export interface RoleDeleteResponse {
        /**
         * Whether the assignment was removed.
         */
        deleted: boolean;
        /**
         * Identifier for the deleted assignment, such as `group.role.deleted` or
         * `user.role.deleted`.
         */
        object: string;
      }
      export interface RoleCreateParams {
        /**
         * Identifier of the role to assign.
         */
        role_id: string;
      }
      export interface RoleRetrieveParams {
        /**
         * The ID of the group to inspect.
         */
        group_id: string;
      }
      export interface RoleListParams extends NextCursorPageParams {
        /**
         * Sort order for the returned organization roles.
         */
        order?: 'asc' | 'desc';
      }
      export interface RoleDeleteParams {
        /**
         * The ID of the group to modify.
         */
        group_id: string;
      }
    }
    export import RoleListResponsesPage = Roles.RoleListResponsesPage;
    export import RoleCreateResponse = Roles.RoleCreateResponse;
    export import RoleRetrieveResponse = Roles.RoleRetrieveResponse;
    export import RoleListResponse = Roles.RoleListResponse;
    export import RoleDeleteResponse = Roles.RoleDeleteResponse;
    export import RoleCreateParams = Roles.RoleCreateParams;
    export import RoleRetrieveParams = Roles.RoleRetrieveParams;
    export import RoleListParams = Roles.RoleListParams;
    export import RoleDeleteParams = Roles.RoleDeleteParams;

  }
  export import GroupsPage = Groups.GroupsPage;
  export import Group = Groups.Group;
  export import GroupUpdateResponse = Groups.GroupUpdateResponse;
  export import GroupDeleteResponse = Groups.GroupDeleteResponse;
  export import GroupCreateParams = Groups.GroupCreateParams;
  export import GroupUpdateParams = Groups.GroupUpdateParams;
  export import GroupListParams = Groups.GroupListParams;
  /** The type of `client.admin.organization.roles`. */
  export type Roles = R.Roles;
  export namespace Roles {
    export type RolesPage = NextCursorPage<Role>;
    /**
     * Details about a role that can be assigned through the public Roles API.
     */
    export interface Role {
      /**
       * Identifier for the role.
       */
      id: string;
      /**
       * Optional description of the role.
       */
      description: string | null;
      /**
       * Unique name for the role.
       */
      name: string;
      /**
       * Always `role`.
       */
      object: 'role';
      /**
       * Permissions granted by the role.
       */
      permissions: Array<string>;
      /**
       * Whether the role is predefined and managed by OpenAI.
       */
      predefined_role: boolean;
      /**
       * Resource type the role is bound to (for example `api.organization` or
       * `api.project`).
       */
      resource_type: string;
    }
    /**
     * Confirmation payload returned after deleting a role.
     */
    export interface RoleDeleteResponse {
      /**
       * Identifier of the deleted role.
       */
      id: string;
      /**
       * Whether the role was deleted.
       */
      deleted: boolean;
      /**
       * Always `role.deleted`.
       */
      object: 'role.deleted';
    }
    export interface RoleCreateParams {
      /**
       * Permissions to grant to the role.
       */
      permissions: Array<string>;
      /**
       * Unique name for the role.
       */
      role_name: string;
      /**
       * Optional description of the role.
       */
      description?: string | null;
    }
    export interface RoleUpdateParams {
      /**
       * New description for the role.
       */
      description?: string | null;
      /**
       * Updated set of permissions for the role.
       */
      permissions?: Array<string> | null;
      /**
       * New name for the role.
       */
      role_name?: string | null;
    }
    export interface RoleListParams extends NextCursorPageParams {
      /**
       * Sort order for the returned roles.
       */
      order?: 'asc' | 'desc';
    }
  }
  export import RolesPage = Roles.RolesPage;
  export import Role = Roles.Role;
  export import RoleDeleteResponse = Roles.RoleDeleteResponse;
  export import RoleCreateParams = Roles.RoleCreateParams;
  export import RoleUpdateParams = Roles.RoleUpdateParams;
  export import RoleListParams = Roles.RoleListParams;
  /** The type of `client.admin.organization.users`. */
  export type Users = R.Users;
  export namespace Users {
    export type OrganizationUsersPage = ConversationCursorPage<OrganizationUser>;
    /**
     * Represents an individual `user` within an organization.
     */
    export interface OrganizationUser {
      /**
       * The identifier, which can be referenced in API endpoints
       */
      id: string;
      /**
       * The Unix timestamp (in seconds) of when the user was added.
       */
      added_at: number;
      /**
       * The object type, which is always `organization.user`
       */
      object: 'organization.user';
      /**
       * The Unix timestamp (in seconds) of the user's last API key usage.
       */
      api_key_last_used_at?: number | null;
      /**
       * The Unix timestamp (in seconds) of when the user was created.
       */
      created?: number;
      /**
       * The developer persona metadata for the user.
       */
      developer_persona?: string | null;
      /**
       * The email address of the user
       */
      email?: string | null;
      /**
       * Whether this is the organization's default user.
       */
      is_default?: boolean;
      /**
       * Whether the user is an authorized purchaser for Scale Tier.
       */
      is_scale_tier_authorized_purchaser?: boolean | null;
      /**
       * Whether the user is managed through SCIM.
       */
      is_scim_managed?: boolean;
      /**
       * Whether the user is a service account.
       */
      is_service_account?: boolean;
      /**
       * The name of the user
       */
      name?: string | null;
      /**
       * Projects associated with the user, if included.
       */
      projects?: OrganizationUser.Projects | null;
      /**
       * `owner` or `reader`
       */
      role?: string | null;
      /**
       * The technical level metadata for the user.
       */
      technical_level?: string | null;
      /**
       * Nested user details.
       */
      user?: OrganizationUser.User;
    }
    export namespace OrganizationUser {
      /**
       * Projects associated with the user, if included.
       */
      export interface Projects {
        data: Array<Projects.Data>;
        object: 'list';
      }
      export namespace Projects {
        export interface Data {
          id?: string | null;
          name?: string | null;
          role?: string | null;
        }
      }
      /**
       * Nested user details.
       */
      export interface User {
        id: string;
        object: 'user';
        banned?: boolean | null;
        banned_at?: number | null;
        email?: string | null;
        enabled?: boolean | null;
        name?: string | null;
        picture?: string | null;
      }
    }
    export interface UserDeleteResponse {
      id: string;
      deleted: boolean;
      object: 'organization.user.deleted';
    }
    export interface UserUpdateParams {
      /**
       * Developer persona metadata.
       */
      developer_persona?: string | null;
      /**
       * `owner` or `reader`
       */
      role?: string | null;
      /**
       * Role ID to assign to the user.
       */
      role_id?: string | null;
      /**
       * Technical level metadata.
       */
      technical_level?: string | null;
    }
    export interface UserListParams extends ConversationCursorPageParams {
      /**
       * Filter by the email address of users.
       */
      emails?: Array<string>;
    }

    /** The type of `client.admin.organization.users.roles`. */
    export type Roles = R.UserRoles;
    export namespace Roles {
      export type RoleListResponsesPage = NextCursorPage<RoleListResponse>;
      /**
       * Role assignment linking a user to a role.
       */
      export interface RoleCreateResponse {
        /**
         * Always `user.role`.
         */
        object: 'user.role';
        /**
         * Details about a role that can be assigned through the public Roles API.
         */
        role: Organization.Roles.Role;
        /**
         * Represents an individual `user` within an organization.
         */
        user: Organization.Users.OrganizationUser;
      }
      // A user's role assignments have the same shapes as a group's; the official SDK declares
      // them twice, under both names.
      export import RoleRetrieveResponse = Organization.Groups.Roles.RoleRetrieveResponse;
      export import RoleListResponse = Organization.Groups.Roles.RoleListResponse;
      export import RoleDeleteResponse = Organization.Groups.Roles.RoleDeleteResponse;
      export import RoleCreateParams = Organization.Groups.Roles.RoleCreateParams;
      export interface RoleRetrieveParams {
        /**
         * The ID of the user to inspect.
         */
        user_id: string;
      }
      export interface RoleListParams extends NextCursorPageParams {
        /**
         * Sort order for the returned organization roles.
         */
        order?: 'asc' | 'desc';
      }
      export interface RoleDeleteParams {
        /**
         * The ID of the user to modify.
         */
        user_id: string;
      }
    }
    export import RoleListResponsesPage = Roles.RoleListResponsesPage;
    export import RoleCreateResponse = Roles.RoleCreateResponse;
    export import RoleRetrieveResponse = Roles.RoleRetrieveResponse;
    export import RoleListResponse = Roles.RoleListResponse;
    export import RoleDeleteResponse = Roles.RoleDeleteResponse;
    export import RoleCreateParams = Roles.RoleCreateParams;
    export import RoleRetrieveParams = Roles.RoleRetrieveParams;
    export import RoleListParams = Roles.RoleListParams;
    export import RoleDeleteParams = Roles.RoleDeleteParams;

  }
  export import OrganizationUsersPage = Users.OrganizationUsersPage;
  export import OrganizationUser = Users.OrganizationUser;
  export import UserDeleteResponse = Users.UserDeleteResponse;
  export import UserUpdateParams = Users.UserUpdateParams;
  export import UserListParams = Users.UserListParams;
}
