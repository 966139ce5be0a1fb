//! A project's roles: `/projects/{project_id}/roles` and `/projects/{project_id}/roles/{role_id}`.
//!
//! The spec describes them with the organization roles' schemas, and the models are those of
//! [`crate::roles`]: `projects.roles.list` answers a [`RoleList`](crate::roles::RoleList),
//! `create`, `retrieve` and `update` a [`Role`](crate::roles::Role) (with `resource_type`
//! `api.project`), `delete` a [`RoleDeleteResponse`](crate::roles::RoleDeleteResponse). The
//! routes and arguments (`project_id` travels in the params object of `retrieve`, `update` and
//! `delete`) are rows of the operation table, [`crate::ops::OPERATIONS`].

use crate::params::ListParams;
use crate::roles::{RoleCreateParams, RoleUpdateParams};

/// Body of `projects.roles.create` (`PublicCreateOrganizationRoleBody`).
pub type ProjectRoleCreateParams = RoleCreateParams;

/// Body of `projects.roles.update` (`PublicUpdateOrganizationRoleBody`).
pub type ProjectRoleUpdateParams = RoleUpdateParams;

/// Query of `projects.roles.list` (limit 0 to 1000, 1000 when left out).
pub type ProjectRoleListParams = ListParams;

#[cfg(test)]
mod tests {
    use crate::response::parse_response;
    use crate::roles::RoleList;

    #[test]
    fn the_spec_example_parses() {
        let list: RoleList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"object":"role","id":"role_01J1F8PROJ","name":"API Project Key Manager","description":"Allows managing API keys for the project","permissions":["api.organization.projects.api_keys.read","api.organization.projects.api_keys.write"],"resource_type":"api.project","predefined_role":false}],"has_more":false,"next":null}"#,
        )
        .unwrap();
        assert_eq!(list.data[0].resource_type, "api.project");
    }
}
