/**
 * `Organization.Groups`: groups, and their users and roles (`Groups.Users`, `Groups.Roles`).
 * Part of the official type paths written by hand in `../types.ts`; see there.
 */
import type { NextCursorPage, NextCursorPageParams } from '../pagination.js';
import type * as R from '../resources.js';
import { Organization } from '../types.js';

/** The type of `client.admin.organization.groups`. */
export type Groups = R.Groups;
export declare namespace Groups {
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
    // The official SDK declares a list entry again with the same shape as a retrieved one.
    export import RoleListResponse = RoleRetrieveResponse;
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
