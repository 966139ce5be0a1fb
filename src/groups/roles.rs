//! Organization roles assigned to a group: `/organization/groups/{group_id}/roles` and
//! `/organization/groups/{group_id}/roles/{role_id}`.
//!
//! The models of `groups.roles.create`; `groups.roles.list` answers an
//! [`AssignedRoleList`](crate::roles::AssignedRoleList), `groups.roles.retrieve` an
//! [`AssignedRoleDetails`](crate::roles::AssignedRoleDetails) and `groups.roles.delete` a
//! [`RoleAssignmentDeleteResponse`](crate::roles::RoleAssignmentDeleteResponse), the models shared
//! with [`crate::users::roles`]. The routes, arguments and the building of the requests are rows
//! of the operation table, [`crate::ops::OPERATIONS`], built by [`crate::ops::build`].

use serde::Serialize;

use crate::params::ListParams;
use crate::roles::{Role, RoleAssignmentParams};
use crate::schema::Model;

/// The group of a role assignment (`Group` in the spec).
///
/// Unlike [`crate::groups::Group`], the SCIM flag is called `scim_managed` here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
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
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A role assigned to a group (`GroupRoleAssignment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct GroupRoleCreateResponse {
    /// Always `group.role`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The group that received the role.
    pub group: GroupSummary,
    /// The role assigned.
    pub role: Role,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Body of `groups.roles.create` (`PublicAssignOrganizationGroupRoleBody`).
pub type GroupRoleCreateParams = RoleAssignmentParams;

/// Query of `groups.roles.list`.
pub type GroupRoleListParams = ListParams;

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!((list.has_more, list.next.as_deref()), (false, None));

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
        assert_eq!((list.has_more, list.next.as_deref()), (true, Some("r1")));
    }

    #[test]
    fn a_summary_without_scim_managed_reads_it_absent_and_bad_fields_are_named() {
        // `is_scim_managed` is not this model's field: kept in `extra`; the missing
        // `scim_managed` takes its absent value, as the package passes the answer on.
        let summary = parse_response::<GroupSummary>(
            200,
            None,
            r#"{"id":"g","name":"n","created_at":1,"is_scim_managed":true}"#,
        )
        .unwrap();
        assert!(!summary.scim_managed);
        assert_eq!(summary.extra["is_scim_managed"], true);
        let err = parse_response::<GroupRoleCreateResponse>(
            200,
            None,
            r#"{"group":{"id":"g","name":"n","created_at":"yesterday","scim_managed":false},"role":{}}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("group.created_at"), "{err}");
    }
}
