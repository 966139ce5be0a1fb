/**
 * `Organization.Roles`: the organization's roles.
 * Part of the official type paths written by hand in `../types.ts`; see there.
 */
import type { NextCursorPage, NextCursorPageParams } from '../pagination.js';
import type * as R from '../resources.js';

/** The type of `client.admin.organization.roles`. */
export type Roles = R.Roles;
export declare namespace Roles {
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
