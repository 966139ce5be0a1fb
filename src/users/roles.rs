//! Organization roles assigned to a user: `/organization/users/{user_id}/roles` and
//! `/organization/users/{user_id}/roles/{role_id}`.
//!
//! | method | route | builder |
//! | --- | --- | --- |
//! | `users.roles.list(userID, params?)` | `GET /organization/users/{user_id}/roles` | [`list`] |
//! | `users.roles.create(userID, body)` | `POST /organization/users/{user_id}/roles` | [`create`] |
//! | `users.roles.retrieve(roleID, { user_id })` | `GET /organization/users/{user_id}/roles/{role_id}` | [`retrieve`] |
//! | `users.roles.delete(roleID, { user_id })` | `DELETE /organization/users/{user_id}/roles/{role_id}` | [`delete`] |
//!
//! `list` answers an [`AssignedRoleList`](crate::roles::AssignedRoleList), `retrieve` an
//! [`AssignedRoleDetails`](crate::roles::AssignedRoleDetails) and `delete` a
//! [`RoleAssignmentDeleteResponse`](crate::roles::RoleAssignmentDeleteResponse), the models shared
//! with [`crate::groups::roles`]. The builders take their path parameters in URL order.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::error::Error;
use crate::params::ListParams;
use crate::request::{ApiRequest, Method};
use crate::roles::{assignments, Role, RoleAssignmentParams};
use crate::schema::Model;
use crate::users::{user_path, OrganizationUser};

/// A role assigned to a user (`UserRoleAssignment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct UserRoleCreateResponse {
    /// Always `user.role`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The user that received the role.
    pub user: OrganizationUser,
    /// The role assigned.
    pub role: Role,
}

/// Body of `users.roles.create` (the spec reuses `PublicAssignOrganizationGroupRoleBody`).
pub type UserRoleCreateParams = RoleAssignmentParams;

/// Query of `users.roles.list`.
pub type UserRoleListParams = ListParams;

/// `GET /organization/users/{user_id}/roles`
pub fn list(user_id: &str, params: &UserRoleListParams) -> Result<ApiRequest, Error> {
    assignments::list(roles_path(user_id)?, params)
}

/// `POST /organization/users/{user_id}/roles`
pub fn create(user_id: &str, body: &UserRoleCreateParams) -> Result<ApiRequest, Error> {
    assignments::create(roles_path(user_id)?, &body.role_id, body)
}

/// `GET /organization/users/{user_id}/roles/{role_id}`
pub fn retrieve(user_id: &str, role_id: &str) -> Result<ApiRequest, Error> {
    assignments::one(Method::Get, roles_path(user_id)?, role_id)
}

/// `DELETE /organization/users/{user_id}/roles/{role_id}`
pub fn delete(user_id: &str, role_id: &str) -> Result<ApiRequest, Error> {
    assignments::one(Method::Delete, roles_path(user_id)?, role_id)
}

/// `/organization/users/{user_id}/roles`, with the id checked and encoded.
fn roles_path(user_id: &str) -> Result<String, Error> {
    Ok(format!("{}/roles", user_path(user_id)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pagination::next_after;
    use crate::params::{from_json, Order};
    use crate::response::parse_response;
    use crate::roles::{AssignedRoleDetails, AssignedRoleList, RoleAssignmentDeleteResponse};

    const ASSIGNMENT: &str = r#"{
        "object": "user.role",
        "user": {
            "object": "organization.user",
            "id": "user_abc123",
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "role": "owner",
            "added_at": 1711470000
        },
        "role": {
            "object": "role",
            "id": "role_01J1F8ROLE01",
            "name": "API Group Manager",
            "description": "Allows managing organization groups",
            "permissions": ["api.groups.read", "api.groups.write"],
            "resource_type": "api.organization",
            "predefined_role": false
        }
    }"#;

    #[test]
    fn builders_produce_the_routes() {
        let req = list("user_abc123", &ListParams::default()).unwrap();
        assert_eq!(
            (req.method, req.path_and_query().as_str()),
            (Method::Get, "/organization/users/user_abc123/roles")
        );
        assert_eq!(req.body, None);
        let params = ListParams {
            after: Some("role_1".into()),
            limit: Some(1000),
            order: Some(Order::Asc),
        };
        let req = list("u/1", &params).unwrap();
        assert_eq!(
            req.path_and_query(),
            "/organization/users/u%2F1/roles?after=role_1&limit=1000&order=asc"
        );

        let body = RoleAssignmentParams {
            role_id: "role_01J1F8ROLE01".into(),
        };
        let req = create("user_abc123", &body).unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Post, "/organization/users/user_abc123/roles")
        );
        assert_eq!(
            req.body.as_deref(),
            Some(r#"{"role_id":"role_01J1F8ROLE01"}"#)
        );

        let req = retrieve("user_abc123", "role_01J1F8ROLE01").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (
                Method::Get,
                "/organization/users/user_abc123/roles/role_01J1F8ROLE01"
            )
        );

        let req = delete("u 1", "r%1").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Delete, "/organization/users/u%201/roles/r%251")
        );
        assert_eq!(req.body, None);
    }

    #[test]
    fn bad_arguments_are_rejected_by_name() {
        assert_eq!(
            list("", &ListParams::default()).unwrap_err().param(),
            Some("user_id")
        );
        let too_many = ListParams {
            limit: Some(1001),
            ..Default::default()
        };
        assert_eq!(list("u", &too_many).unwrap_err().param(), Some("limit"));
        let empty = RoleAssignmentParams {
            role_id: String::new(),
        };
        let err = create("u", &empty).unwrap_err();
        assert_eq!(err.param(), Some("role_id"));
        assert!(err.to_string().contains("role_id"), "{err}");
        assert_eq!(create("", &empty).unwrap_err().param(), Some("user_id"));
        assert_eq!(retrieve("", "r").unwrap_err().param(), Some("user_id"));
        assert_eq!(retrieve("u", "").unwrap_err().param(), Some("role_id"));
        assert_eq!(delete("..", "r").unwrap_err().param(), Some("user_id"));
        assert_eq!(delete("u", "..").unwrap_err().param(), Some("role_id"));
        let err = from_json::<UserRoleCreateParams>("body", "{}").unwrap_err();
        assert_eq!(err.param(), Some("role_id"));
    }

    #[test]
    fn spec_examples_parse() {
        let assigned: UserRoleCreateResponse = parse_response(200, None, ASSIGNMENT).unwrap();
        assert_eq!(assigned.object.as_deref(), Some("user.role"));
        assert_eq!(assigned.user.id, "user_abc123");
        assert_eq!(assigned.user.added_at, 1711470000);
        assert_eq!(assigned.role.name, "API Group Manager");

        let list: AssignedRoleList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"role_01J1F8ROLE01","name":"API Group Manager","permissions":["api.groups.read","api.groups.write"],"resource_type":"api.organization","predefined_role":false,"description":"Allows managing organization groups","created_at":1711471533,"updated_at":1711472599,"created_by":"user_abc123","created_by_user_obj":{"id":"user_abc123","name":"Ada Lovelace","email":"ada@example.com"},"metadata":{}}],"has_more":false,"next":null}"#,
        )
        .unwrap();
        assert_eq!(list.data[0].created_at, Some(1711471533));
        assert_eq!(next_after(&list), None);

        let retrieved: AssignedRoleDetails = parse_response(
            200,
            None,
            r#"{"id":"role_01J1F8ROLE01","name":"API Group Manager","permissions":["api.groups.read","api.groups.write"],"resource_type":"api.organization","predefined_role":false,"description":"Allows managing organization groups","created_at":1711471533,"updated_at":1711472599,"created_by":"user_abc123","created_by_user_obj":null,"metadata":{},"assignment_sources":null}"#,
        )
        .unwrap();
        assert_eq!(retrieved.id, "role_01J1F8ROLE01");

        let deleted: RoleAssignmentDeleteResponse = parse_response(
            200,
            None,
            r#"{"object":"user.role.deleted","deleted":true}"#,
        )
        .unwrap();
        assert_eq!(deleted.object, "user.role.deleted");
    }

    #[test]
    fn nulls_missing_optionals_and_unknown_fields() {
        let assigned: UserRoleCreateResponse = parse_response(
            200,
            None,
            r#"{"user":{"id":"u","added_at":1,"name":null,"extra":true},"role":{"id":"r","name":"n","description":null,"permissions":[],"resource_type":"t","predefined_role":false},"since":5}"#,
        )
        .unwrap();
        assert_eq!(assigned.object, None);
        assert_eq!((assigned.user.object, assigned.user.name), (None, None));
    }

    #[test]
    fn pages_continue_from_next() {
        let list: AssignedRoleList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"r1","name":"a","permissions":[],"resource_type":"api.organization","predefined_role":true,"assignment_sources":[{"principal_id":"group_1","principal_type":"group"}]}],"has_more":true,"next":"r1"}"#,
        )
        .unwrap();
        assert_eq!(next_after(&list).as_deref(), Some("r1"));
    }

    #[test]
    fn wrong_types_are_decode_errors_naming_the_field() {
        let err = parse_response::<UserRoleCreateResponse>(
            200,
            None,
            r#"{"user":{"id":"u","added_at":1},"role":{"id":"r","name":"n","permissions":[],"resource_type":"t","predefined_role":"no"}}"#,
        )
        .unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        assert!(err.to_string().contains("role.predefined_role"), "{err}");
    }
}
