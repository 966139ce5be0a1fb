//! Organization roles assigned to a group: `/organization/groups/{group_id}/roles` and
//! `/organization/groups/{group_id}/roles/{role_id}`.
//!
//! | method | route | builder |
//! | --- | --- | --- |
//! | `groups.roles.list(groupID, params?)` | `GET /organization/groups/{group_id}/roles` | [`list`] |
//! | `groups.roles.create(groupID, body)` | `POST /organization/groups/{group_id}/roles` | [`create`] |
//! | `groups.roles.retrieve(roleID, { group_id })` | `GET /organization/groups/{group_id}/roles/{role_id}` | [`retrieve`] |
//! | `groups.roles.delete(roleID, { group_id })` | `DELETE /organization/groups/{group_id}/roles/{role_id}` | [`delete`] |
//!
//! `list` answers an [`AssignedRoleList`](crate::roles::AssignedRoleList), `retrieve` an
//! [`AssignedRoleDetails`](crate::roles::AssignedRoleDetails) and `delete` a
//! [`RoleAssignmentDeleteResponse`](crate::roles::RoleAssignmentDeleteResponse), the models shared
//! with [`crate::users::roles`]. The builders take their path parameters in URL order.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::error::Error;
use crate::groups::group_path;
use crate::params::ListParams;
use crate::request::{ApiRequest, Method};
use crate::roles::{assignments, Role, RoleAssignmentParams};
use crate::schema::Model;

/// The group of a role assignment (`Group` in the spec).
///
/// Unlike [`crate::groups::Group`], the SCIM flag is called `scim_managed` here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupSummary {
    /// Always `group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier for the group.
    pub id: String,
    /// Display name of the group.
    pub name: String,
    /// Unix timestamp (in seconds) when the group was created.
    pub created_at: i64,
    /// Whether the group is managed through SCIM.
    pub scim_managed: bool,
}

/// A role assigned to a group (`GroupRoleAssignment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupRoleCreateResponse {
    /// Always `group.role`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The group that received the role.
    pub group: GroupSummary,
    /// The role assigned.
    pub role: Role,
}

/// Body of `groups.roles.create` (`PublicAssignOrganizationGroupRoleBody`).
pub type GroupRoleCreateParams = RoleAssignmentParams;

/// Query of `groups.roles.list`.
pub type GroupRoleListParams = ListParams;

/// `GET /organization/groups/{group_id}/roles`
pub fn list(group_id: &str, params: &GroupRoleListParams) -> Result<ApiRequest, Error> {
    assignments::list(roles_path(group_id)?, params)
}

/// `POST /organization/groups/{group_id}/roles`
pub fn create(group_id: &str, body: &GroupRoleCreateParams) -> Result<ApiRequest, Error> {
    assignments::create(roles_path(group_id)?, &body.role_id, body)
}

/// `GET /organization/groups/{group_id}/roles/{role_id}`
pub fn retrieve(group_id: &str, role_id: &str) -> Result<ApiRequest, Error> {
    assignments::one(Method::Get, roles_path(group_id)?, role_id)
}

/// `DELETE /organization/groups/{group_id}/roles/{role_id}`
pub fn delete(group_id: &str, role_id: &str) -> Result<ApiRequest, Error> {
    assignments::one(Method::Delete, roles_path(group_id)?, role_id)
}

/// `/organization/groups/{group_id}/roles`, with the id checked and encoded.
fn roles_path(group_id: &str) -> Result<String, Error> {
    Ok(format!("{}/roles", group_path(group_id)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pagination::next_after;
    use crate::params::{from_json, Order};
    use crate::response::parse_response;
    use crate::roles::{AssignedRoleDetails, AssignedRoleList, RoleAssignmentDeleteResponse};

    const ASSIGNMENT: &str = r#"{
        "object": "group.role",
        "group": {
            "object": "group",
            "id": "group_01J1F8ABCDXYZ",
            "name": "Support Team",
            "created_at": 1711471533,
            "scim_managed": false
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
        let req = list("group_01J1F8ABCDXYZ", &ListParams::default()).unwrap();
        assert_eq!(
            (req.method, req.path_and_query().as_str()),
            (
                Method::Get,
                "/organization/groups/group_01J1F8ABCDXYZ/roles"
            )
        );
        assert_eq!(req.body, None);
        let params = ListParams {
            after: Some("role_1".into()),
            limit: Some(0),
            order: Some(Order::Desc),
        };
        let req = list("g/1", &params).unwrap();
        assert_eq!(
            req.path_and_query(),
            "/organization/groups/g%2F1/roles?after=role_1&limit=0&order=desc"
        );

        let body = RoleAssignmentParams {
            role_id: "role_01J1F8ROLE01".into(),
        };
        let req = create("group_01J1F8ABCDXYZ", &body).unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (
                Method::Post,
                "/organization/groups/group_01J1F8ABCDXYZ/roles"
            )
        );
        assert_eq!(
            req.body.as_deref(),
            Some(r#"{"role_id":"role_01J1F8ROLE01"}"#)
        );

        let req = retrieve("group_01J1F8ABCDXYZ", "role_01J1F8ROLE01").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (
                Method::Get,
                "/organization/groups/group_01J1F8ABCDXYZ/roles/role_01J1F8ROLE01"
            )
        );

        let req = delete("g?1", "r/ü").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (
                Method::Delete,
                "/organization/groups/g%3F1/roles/r%2F%C3%BC"
            )
        );
        assert_eq!(req.body, None);
    }

    #[test]
    fn bad_arguments_are_rejected_by_name() {
        assert_eq!(
            list("", &ListParams::default()).unwrap_err().param(),
            Some("group_id")
        );
        let too_many = ListParams {
            limit: Some(5000),
            ..Default::default()
        };
        assert_eq!(list("g", &too_many).unwrap_err().param(), Some("limit"));
        let empty = RoleAssignmentParams {
            role_id: String::new(),
        };
        let err = create("g", &empty).unwrap_err();
        assert_eq!(err.param(), Some("role_id"));
        assert!(err.to_string().contains("role_id"), "{err}");
        assert_eq!(create("", &empty).unwrap_err().param(), Some("group_id"));
        assert_eq!(retrieve("", "r").unwrap_err().param(), Some("group_id"));
        assert_eq!(retrieve("g", "").unwrap_err().param(), Some("role_id"));
        assert_eq!(delete("..", "r").unwrap_err().param(), Some("group_id"));
        assert_eq!(delete("g", ".").unwrap_err().param(), Some("role_id"));
        // An unknown field is sent as given; the missing `role_id` is what cannot succeed.
        let err = from_json::<GroupRoleCreateParams>("body", r#"{"role":"r"}"#).unwrap_err();
        assert_eq!(err.param(), Some("role_id"));
        let err = from_json::<GroupRoleCreateParams>("body", r#"{"role_id":1}"#).unwrap_err();
        assert_eq!(err.param(), Some("role_id"));
    }

    #[test]
    fn spec_examples_parse() {
        let assigned: GroupRoleCreateResponse = parse_response(200, None, ASSIGNMENT).unwrap();
        assert_eq!(assigned.object.as_deref(), Some("group.role"));
        assert_eq!(assigned.group.id, "group_01J1F8ABCDXYZ");
        assert!(!assigned.group.scim_managed);
        assert_eq!(assigned.role.id, "role_01J1F8ROLE01");

        let list: AssignedRoleList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"role_01J1F8ROLE01","name":"API Group Manager","permissions":["api.groups.read","api.groups.write"],"resource_type":"api.organization","predefined_role":false,"description":"Allows managing organization groups","created_at":1711471533,"updated_at":1711472599,"created_by":"user_abc123","created_by_user_obj":{"id":"user_abc123","name":"Ada Lovelace","email":"ada@example.com"},"metadata":{}}],"has_more":false,"next":null}"#,
        )
        .unwrap();
        // The spec's example leaves out `assignment_sources`, which its schema requires.
        assert_eq!(list.data[0].assignment_sources, None);
        assert_eq!(next_after(&list), None);

        let retrieved: AssignedRoleDetails = parse_response(
            200,
            None,
            r#"{"id":"role_01J1F8ROLE01","name":"API Group Manager","permissions":["api.groups.read","api.groups.write"],"resource_type":"api.organization","predefined_role":false,"description":"Allows managing organization groups","created_at":1711471533,"updated_at":1711472599,"created_by":"user_abc123","created_by_user_obj":null,"metadata":{},"assignment_sources":null}"#,
        )
        .unwrap();
        assert_eq!(retrieved.created_by.as_deref(), Some("user_abc123"));

        let deleted: RoleAssignmentDeleteResponse = parse_response(
            200,
            None,
            r#"{"object":"group.role.deleted","deleted":true}"#,
        )
        .unwrap();
        assert_eq!(deleted.object, "group.role.deleted");
    }

    #[test]
    fn nulls_missing_optionals_and_unknown_fields() {
        let assigned: GroupRoleCreateResponse = parse_response(
            200,
            None,
            r#"{"group":{"id":"g","name":"n","created_at":1,"scim_managed":true,"group_type":"group"},"role":{"id":"r","name":"n","description":null,"permissions":[],"resource_type":"t","predefined_role":true},"extra":1}"#,
        )
        .unwrap();
        assert_eq!(
            (assigned.object, assigned.group.object, assigned.role.object),
            (None, None, None)
        );
        assert!(assigned.group.scim_managed);
    }

    #[test]
    fn pages_continue_from_next() {
        let list: AssignedRoleList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"r1","name":"a","permissions":[],"resource_type":"api.organization","predefined_role":true}],"has_more":true,"next":"r1"}"#,
        )
        .unwrap();
        assert_eq!(next_after(&list).as_deref(), Some("r1"));
    }

    #[test]
    fn a_summary_needs_scim_managed_and_bad_fields_are_named() {
        let err = parse_response::<GroupSummary>(
            200,
            None,
            r#"{"id":"g","name":"n","created_at":1,"is_scim_managed":false}"#,
        )
        .unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        assert!(err.to_string().contains("scim_managed"), "{err}");
        let err = parse_response::<GroupRoleCreateResponse>(
            200,
            None,
            r#"{"group":{"id":"g","name":"n","created_at":"yesterday","scim_managed":false},"role":{}}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("group.created_at"), "{err}");
    }
}
