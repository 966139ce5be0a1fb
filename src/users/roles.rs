//! Organization roles assigned to a user: `/organization/users/{user_id}/roles` and
//! `/organization/users/{user_id}/roles/{role_id}`.
//!
//! The models of `users.roles.create`; `users.roles.list` answers an
//! [`AssignedRoleList`](crate::roles::AssignedRoleList), `users.roles.retrieve` an
//! [`AssignedRoleDetails`](crate::roles::AssignedRoleDetails) and `users.roles.delete` a
//! [`RoleAssignmentDeleteResponse`](crate::roles::RoleAssignmentDeleteResponse), the models shared
//! with [`crate::groups::roles`]. The routes, arguments and the building of the requests are rows
//! of the operation table, [`crate::ops::OPERATIONS`], built by [`crate::ops::build`].

use serde::Serialize;

use crate::params::ListParams;
use crate::roles::{Role, RoleAssignmentParams};
use crate::schema::Model;
use crate::users::OrganizationUser;

/// A role assigned to a user (`UserRoleAssignment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct UserRoleCreateResponse {
    /// Always `user.role`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The user that received the role.
    pub user: OrganizationUser,
    /// The role assigned.
    pub role: Role,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Body of `users.roles.create` (the spec reuses `PublicAssignOrganizationGroupRoleBody`).
pub type UserRoleCreateParams = RoleAssignmentParams;

/// Query of `users.roles.list`.
pub type UserRoleListParams = ListParams;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
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
        assert_eq!((list.has_more, list.next.as_deref()), (false, None));

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
        assert_eq!((list.has_more, list.next.as_deref()), (true, Some("r1")));
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
