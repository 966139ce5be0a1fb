//! Project roles assigned to a group: `/projects/{project_id}/groups/{group_id}/roles` and
//! `/projects/{project_id}/groups/{group_id}/roles/{role_id}`.
//!
//! The spec reuses the organization's role-assignment schemas here, and so do the models:
//! `projects.groups.roles.create` answers a
//! [`GroupRoleCreateResponse`](crate::groups::roles::GroupRoleCreateResponse)
//! (`GroupRoleAssignment`), `list` an [`AssignedRoleList`](crate::roles::AssignedRoleList),
//! `retrieve` an [`AssignedRoleDetails`](crate::roles::AssignedRoleDetails) and `delete` a
//! [`RoleAssignmentDeleteResponse`](crate::roles::RoleAssignmentDeleteResponse). The routes and
//! arguments (`project_id` travels in the params object) are rows of the operation table.

use crate::params::ListParams;
use crate::roles::RoleAssignmentParams;

/// Body of `projects.groups.roles.create` (`PublicAssignOrganizationGroupRoleBody`).
pub type ProjectGroupRoleCreateParams = RoleAssignmentParams;

/// Query of `projects.groups.roles.list` (limit 0 to 1000).
pub type ProjectGroupRoleListParams = ListParams;

#[cfg(test)]
mod tests {
    use crate::groups::roles::GroupRoleCreateResponse;
    use crate::response::parse_response;

    #[test]
    fn the_spec_example_parses() {
        let assigned: GroupRoleCreateResponse = parse_response(
            200,
            None,
            r#"{"object":"group.role","group":{"object":"group","id":"group_01J1F8ABCDXYZ","name":"Support Team","created_at":1711471533,"scim_managed":false},"role":{"object":"role","id":"role_01J1F8PROJ","name":"API Project Key Manager","description":"Allows managing API keys for the project","permissions":["api.organization.projects.api_keys.read","api.organization.projects.api_keys.write"],"resource_type":"api.project","predefined_role":false}}"#,
        )
        .unwrap();
        assert_eq!(assigned.group.id, "group_01J1F8ABCDXYZ");
        assert_eq!(assigned.role.id, "role_01J1F8PROJ");
    }
}
