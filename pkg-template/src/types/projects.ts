/**
 * `Organization.Projects`: the organization's projects, their users (`Projects.Users`, with
 * `Projects.Users.Roles`), their groups (`Projects.Groups`, with `Projects.Groups.Roles`) and their
 * roles (`Projects.Roles`).
 * Part of the official type paths written by hand in `../types.ts`; see there.
 */
import type { NextCursorPage, NextCursorPageParams, ConversationCursorPage, ConversationCursorPageParams } from '../pagination.js';
import type * as R from '../resources.js';
import { Organization } from '../types.js';

/** The type of `client.admin.organization.projects`. */
export type Projects = R.Projects;
export declare namespace Projects {
  export type ProjectsPage = ConversationCursorPage<Project>;
  /**
   * Represents an individual project.
   */
  export interface Project {
    /** The identifier, which can be referenced in API endpoints */
    id: string;
    /** The Unix timestamp (in seconds) of when the project was created. */
    created_at: number;
    /** The object type, which is always `organization.project` */
    object: 'organization.project';
    /** The Unix timestamp (in seconds) of when the project was archived or `null`. */
    archived_at?: number | null;
    /** The external key associated with the project. */
    external_key_id?: string | null;
    /** The name of the project. This appears in reporting. */
    name?: string | null;
    /** The residency configuration for the project. */
    residency?: ProjectResidency;
    /** `active` or `archived` */
    status?: string | null;
  }
  export type ProjectResidency =
    | 'GLOBAL'
    | 'US_STORAGE_PROCESSING'
    | 'EU_STORAGE_PROCESSING'
    | 'JP_STORAGE'
    | 'JP_STORAGE_PROCESSING'
    | 'KR_STORAGE'
    | 'CA_STORAGE'
    | 'SG_STORAGE'
    | 'IN_STORAGE'
    | 'IN_STORAGE_PROCESSING'
    | 'AU_STORAGE'
    | 'AU_STORAGE_PROCESSING'
    | 'GB_STORAGE'
    | 'AE_STORAGE'
    | 'AE_STORAGE_PROCESSING';
  export interface ProjectCreateParams {
    /** The friendly name of the project, this name appears in reports. */
    name: string;
    /** External key ID to associate with the project. */
    external_key_id?: string | null;
    /** @deprecated The data residency region: use `residency` instead. */
    geography?: string | null;
    /** Create the project with the specified residency configuration. */
    residency?: ProjectResidency | null;
  }
  export interface ProjectUpdateParams {
    /** External key ID to associate with the project. */
    external_key_id?: string | null;
    /** @deprecated The project's geography: use `residency` when creating a project. */
    geography?: string | null;
    /** The updated name of the project, this name appears in reports. */
    name?: string | null;
  }
  export interface ProjectListParams extends ConversationCursorPageParams {
    /**
     * If `true` returns all projects including those that have been `archived`.
     * Archived projects are not included by default.
     */
    include_archived?: boolean;
  }

  /** The type of `client.admin.organization.projects.users`. */
  export type Users = R.ProjectUsers;
  export namespace Users {
    export type ProjectUsersPage = ConversationCursorPage<ProjectUser>;
    /**
     * Represents an individual user in a project.
     */
    export interface ProjectUser {
      /** The identifier, which can be referenced in API endpoints */
      id: string;
      /** The Unix timestamp (in seconds) of when the project was added. */
      added_at: number;
      /** The object type, which is always `organization.project.user` */
      object: 'organization.project.user';
      /** `owner` or `member` */
      role: string;
      /** The email address of the user */
      email?: string | null;
      /** The name of the user */
      name?: string | null;
    }
    export interface UserDeleteResponse {
      id: string;
      deleted: boolean;
      object: 'organization.project.user.deleted';
    }
    export interface UserCreateParams {
      /** `owner` or `member` */
      role: string;
      /** Email of the user to add. */
      email?: string | null;
      /** The ID of the user. */
      user_id?: string | null;
    }
    export interface UserRetrieveParams {
      /** The ID of the project. */
      project_id: string;
    }
    export interface UserUpdateParams {
      /** Path param: The ID of the project. */
      project_id: string;
      /** Body param: `owner` or `member` */
      role?: string | null;
    }
    export interface UserListParams extends ConversationCursorPageParams {}
    export interface UserDeleteParams {
      /** The ID of the project. */
      project_id: string;
    }

    /** The type of `client.admin.organization.projects.users.roles`. */
    export type Roles = R.ProjectUserRoles;
    export namespace Roles {
      export type RoleListResponsesPage = NextCursorPage<RoleListResponse>;
      /** Role assignment linking a user to a role. */
      export import RoleCreateResponse = Organization.Users.Roles.RoleCreateResponse;
      export import RoleRetrieveResponse = Organization.Groups.Roles.RoleRetrieveResponse;
      export import RoleListResponse = Organization.Groups.Roles.RoleListResponse;
      export import RoleDeleteResponse = Organization.Groups.Roles.RoleDeleteResponse;
      export interface RoleCreateParams {
        /** Path param: The ID of the project to update. */
        project_id: string;
        /** Body param: Identifier of the role to assign. */
        role_id: string;
      }
      export interface RoleRetrieveParams {
        /** The ID of the project to inspect. */
        project_id: string;
        /** The ID of the user to inspect. */
        user_id: string;
      }
      export interface RoleListParams extends NextCursorPageParams {
        /** Path param: The ID of the project to inspect. */
        project_id: string;
        /** Query param: Sort order for the returned project roles. */
        order?: 'asc' | 'desc';
      }
      export interface RoleDeleteParams {
        /** The ID of the project to modify. */
        project_id: string;
        /** The ID of the user whose project role assignment should be removed. */
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
  export import ProjectUsersPage = Users.ProjectUsersPage;
  export import ProjectUser = Users.ProjectUser;
  export import UserDeleteResponse = Users.UserDeleteResponse;
  export import UserCreateParams = Users.UserCreateParams;
  export import UserRetrieveParams = Users.UserRetrieveParams;
  export import UserUpdateParams = Users.UserUpdateParams;
  export import UserListParams = Users.UserListParams;
  export import UserDeleteParams = Users.UserDeleteParams;

  /** The type of `client.admin.organization.projects.groups`. */
  export type Groups = R.ProjectGroups;
  export namespace Groups {
    export type ProjectGroupsPage = NextCursorPage<ProjectGroup>;
    /**
     * Details about a group's membership in a project.
     */
    export interface ProjectGroup {
      /** Unix timestamp (in seconds) when the group was granted project access. */
      created_at: number;
      /** Identifier of the group that has access to the project. */
      group_id: string;
      /** Display name of the group. */
      group_name: string;
      /** The type of the group. */
      group_type: 'group' | 'tenant_group';
      /** Always `project.group`. */
      object: 'project.group';
      /** Identifier of the project. */
      project_id: string;
    }
    /**
     * Confirmation payload returned after removing a group from a project.
     */
    export interface GroupDeleteResponse {
      /** Whether the group membership in the project was removed. */
      deleted: boolean;
      /** Always `project.group.deleted`. */
      object: 'project.group.deleted';
    }
    export interface GroupCreateParams {
      /** Identifier of the group to add to the project. */
      group_id: string;
      /** Identifier of the project role to grant to the group. */
      role: string;
    }
    export interface GroupRetrieveParams {
      /** Path param: The ID of the project to inspect. */
      project_id: string;
      /** Query param: The type of group to retrieve. */
      group_type?: 'group' | 'tenant_group';
    }
    export interface GroupListParams extends NextCursorPageParams {
      /** Sort order for the returned groups. */
      order?: 'asc' | 'desc';
    }
    export interface GroupDeleteParams {
      /** The ID of the project to update. */
      project_id: string;
    }

    /** The type of `client.admin.organization.projects.groups.roles`. */
    export type Roles = R.ProjectGroupRoles;
    export namespace Roles {
      export type RoleListResponsesPage = NextCursorPage<RoleListResponse>;
      /** Role assignment linking a group to a role. */
      export import RoleCreateResponse = Organization.Groups.Roles.RoleCreateResponse;
      export import RoleRetrieveResponse = Organization.Groups.Roles.RoleRetrieveResponse;
      export import RoleListResponse = Organization.Groups.Roles.RoleListResponse;
      export import RoleDeleteResponse = Organization.Groups.Roles.RoleDeleteResponse;
      export interface RoleCreateParams {
        /** Path param: The ID of the project to update. */
        project_id: string;
        /** Body param: Identifier of the role to assign. */
        role_id: string;
      }
      export interface RoleRetrieveParams {
        /** The ID of the project to inspect. */
        project_id: string;
        /** The ID of the group to inspect. */
        group_id: string;
      }
      export interface RoleListParams extends NextCursorPageParams {
        /** Path param: The ID of the project to inspect. */
        project_id: string;
        /** Query param: Sort order for the returned project roles. */
        order?: 'asc' | 'desc';
      }
      export interface RoleDeleteParams {
        /** The ID of the project to modify. */
        project_id: string;
        /** The ID of the group whose project role assignment should be removed. */
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
  export import ProjectGroupsPage = Groups.ProjectGroupsPage;
  export import ProjectGroup = Groups.ProjectGroup;
  export import GroupDeleteResponse = Groups.GroupDeleteResponse;
  export import GroupCreateParams = Groups.GroupCreateParams;
  export import GroupRetrieveParams = Groups.GroupRetrieveParams;
  export import GroupListParams = Groups.GroupListParams;
  export import GroupDeleteParams = Groups.GroupDeleteParams;

  /** The type of `client.admin.organization.projects.roles`: a project's own roles. */
  export type Roles = R.ProjectRoles;
  export namespace Roles {
    /** Confirmation payload returned after deleting a role. */
    export import RoleDeleteResponse = Organization.Roles.RoleDeleteResponse;
    export import RoleCreateParams = Organization.Roles.RoleCreateParams;
    export interface RoleRetrieveParams {
      /** The ID of the project. */
      project_id: string;
    }
    export interface RoleUpdateParams {
      /** Path param: The ID of the project to update. */
      project_id: string;
      /** Body param: New description for the role. */
      description?: string | null;
      /** Body param: Updated set of permissions for the role. */
      permissions?: Array<string> | null;
      /** Body param: New name for the role. */
      role_name?: string | null;
    }
    export interface RoleListParams extends NextCursorPageParams {
      /** Sort order for the returned roles. */
      order?: 'asc' | 'desc';
    }
    export interface RoleDeleteParams {
      /** The ID of the project to update. */
      project_id: string;
    }
  }
  export import RoleDeleteResponse = Roles.RoleDeleteResponse;
  export import RoleCreateParams = Roles.RoleCreateParams;
  export import RoleRetrieveParams = Roles.RoleRetrieveParams;
  export import RoleUpdateParams = Roles.RoleUpdateParams;
  export import RoleListParams = Roles.RoleListParams;
  export import RoleDeleteParams = Roles.RoleDeleteParams;
}
