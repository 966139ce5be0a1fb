//! Project roles assigned to a user: `/projects/{project_id}/users/{user_id}/roles` and
//! `/projects/{project_id}/users/{user_id}/roles/{role_id}`.
//!
//! The spec reuses the organization's role-assignment schemas here, and so do the models:
//! `projects.users.roles.create` answers a
//! [`UserRoleCreateResponse`](crate::users::roles::UserRoleCreateResponse) (`UserRoleAssignment`),
//! `list` an [`AssignedRoleList`](crate::roles::AssignedRoleList), `retrieve` an
//! [`AssignedRoleDetails`](crate::roles::AssignedRoleDetails) and `delete` a
//! [`RoleAssignmentDeleteResponse`](crate::roles::RoleAssignmentDeleteResponse). The routes,
//! arguments (`project_id` travels in the params object, as in the official SDK) and the building
//! of the requests are rows of the operation table, [`crate::ops::OPERATIONS`].
//!
//! A predefined project role may be named by its short id (`role-api-project-owner`), and the API
//! answers its long one (`role-api-project-owner__api-project__proj_…`): the client passes both
//! through as given.

use crate::params::ListParams;
use crate::roles::RoleAssignmentParams;

/// Body of `projects.users.roles.create` (`PublicAssignOrganizationGroupRoleBody`).
pub type ProjectUserRoleCreateParams = RoleAssignmentParams;

/// Query of `projects.users.roles.list` (limit 0 to 1000).
pub type ProjectUserRoleListParams = ListParams;

#[cfg(test)]
mod tests {
    use crate::response::parse_response;
    use crate::users::roles::UserRoleCreateResponse;

    #[test]
    fn the_spec_example_parses_and_keeps_the_answered_role_id() {
        let assigned: UserRoleCreateResponse = parse_response(
            200,
            None,
            r#"{"object":"user.role","user":{"object":"organization.user","id":"user_abc123","name":"Ada Lovelace","email":"ada@example.com","role":"owner","added_at":1711470000},"role":{"object":"role","id":"role-api-project-owner__api-project__proj_abc","name":"Project Owner","description":null,"permissions":[],"resource_type":"api.project","predefined_role":true}}"#,
        )
        .unwrap();
        assert_eq!(
            assigned.role.id,
            "role-api-project-owner__api-project__proj_abc"
        );
        assert_eq!(assigned.role.resource_type, "api.project");
    }
}
