/**
 * `Organization.Users`: organization users, and their roles (`Users.Roles`).
 * Part of the official type paths written by hand in `../types.ts`; see there.
 */
import type { NextCursorPage, ConversationCursorPage, ConversationCursorPageParams } from '../pagination.js';
import type * as R from '../resources.js';
import { Organization } from '../types.js';

/** The type of `client.admin.organization.users`. */
export type Users = R.Users;
export declare namespace Users {
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
    export import RoleListParams = Organization.Groups.Roles.RoleListParams;
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
