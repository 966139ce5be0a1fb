//! Organization roles: `/organization/roles` and `/organization/roles/{role_id}`, and the
//! role-assignment models that [`crate::groups::roles`] and [`crate::users::roles`] share.
//!
//! The models of `roles.list`, `roles.create`, `roles.retrieve`, `roles.update` and
//! `roles.delete`. Their routes, arguments and the building of their requests are rows of the
//! operation table, [`crate::ops::OPERATIONS`], built by [`crate::ops::build`].
//!
//! The request bodies name the role `role_name`; the responses call the same value `name`.

use serde::{Deserialize, Serialize};

use crate::params::ListParams;
use crate::schema::Model;

/// A role that can be assigned through the Roles API (`Role` in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct Role {
    /// Always `role`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier for the role.
    pub id: String,
    /// Unique name for the role.
    pub name: String,
    /// Optional description of the role.
    #[serde(default)]
    pub description: Option<String>,
    /// Permissions granted by the role.
    pub permissions: Vec<String>,
    /// Resource type the role is bound to (for example `api.organization` or `api.project`).
    pub resource_type: String,
    /// Whether the role is predefined and managed by OpenAI.
    pub predefined_role: bool,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A page of organization roles (`PublicRoleListResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct RoleList {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Roles returned in the current page.
    pub data: Vec<Role>,
    /// Whether more roles are available when paginating.
    pub has_more: bool,
    /// Cursor to fetch the next page of results, or `null` when there are no additional roles.
    #[serde(default)]
    pub next: Option<String>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Confirmation of a deleted role (`RoleDeletedResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct RoleDeleteResponse {
    /// Always `role.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier of the deleted role.
    pub id: String,
    /// Whether the role was deleted.
    pub deleted: bool,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Body of `roles.create` (`PublicCreateOrganizationRoleBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct RoleCreateParams {
    /// Unique name for the role (answered back as `name`).
    pub role_name: String,
    /// Permissions to grant to the role, e.g. `api.groups.read`.
    pub permissions: Vec<String>,
    /// Optional description of the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub description: Option<String>,
}

/// Body of `roles.update` (`PublicUpdateOrganizationRoleBody`): only the fields given change.
///
/// A field left out or sent as `null` is left unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct RoleUpdateParams {
    /// New name for the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub role_name: Option<String>,
    /// Updated set of permissions for the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub permissions: Option<Vec<String>>,
    /// New description for the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub description: Option<String>,
}

/// Query of `roles.list`.
pub type RoleListParams = ListParams;

/// Where an assigned role comes from (an item of `assignment_sources`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct AssignmentSource {
    /// Identifier of the principal the role is inherited from.
    pub principal_id: String,
    /// Type of that principal, e.g. `group`.
    pub principal_type: String,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A role as assigned to a group or a user (`AssignedRoleDetails`).
#[derive(Debug, Clone, PartialEq, Serialize, Model)]
pub struct AssignedRoleDetails {
    /// Identifier for the role.
    pub id: String,
    /// Name of the role.
    pub name: String,
    /// Permissions associated with the role.
    pub permissions: Vec<String>,
    /// Resource type the role applies to.
    pub resource_type: String,
    /// Whether the role is predefined by OpenAI.
    pub predefined_role: bool,
    /// Description of the role.
    #[serde(default)]
    pub description: Option<String>,
    /// Unix timestamp (in seconds) when the role was created.
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Unix timestamp (in seconds) when the role was last updated.
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Identifier of the actor who created the role.
    #[serde(default)]
    pub created_by: Option<String>,
    /// User details for the actor that created the role, when available.
    #[serde(default)]
    pub created_by_user_obj: Option<serde_json::Map<String, serde_json::Value>>,
    /// Arbitrary metadata stored on the role.
    #[serde(default)]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
    /// Principals from which the role assignment is inherited, when available.
    #[serde(default)]
    pub assignment_sources: Option<Vec<AssignmentSource>>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A page of roles assigned to a group or a user (`RoleListResource`).
#[derive(Debug, Clone, PartialEq, Serialize, Model)]
pub struct AssignedRoleList {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Role assignments returned in the current page.
    pub data: Vec<AssignedRoleDetails>,
    /// Whether additional assignments are available when paginating.
    pub has_more: bool,
    /// Cursor to fetch the next page of results, or `null` when there are no more assignments.
    #[serde(default)]
    pub next: Option<String>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Confirmation of an unassigned role (`DeletedRoleAssignmentResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct RoleAssignmentDeleteResponse {
    /// What was deleted: `group.role.deleted` or `user.role.deleted`.
    pub object: String,
    /// Whether the assignment was removed.
    pub deleted: bool,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// `{ role_id }`: the body that assigns a role to a group or a user
/// (`PublicAssignOrganizationGroupRoleBody`), named `GroupRoleCreateParams` and
/// `UserRoleCreateParams` in TypeScript, as in the official SDK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct RoleAssignmentParams {
    /// Identifier of the role to assign.
    pub role_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::response::parse_response;

    const ROLE: &str = r#"{
        "object": "role",
        "id": "role_01J1F8ROLE01",
        "name": "API Group Manager",
        "description": "Allows managing organization groups",
        "permissions": ["api.groups.read", "api.groups.write"],
        "resource_type": "api.organization",
        "predefined_role": false
    }"#;

    #[test]
    fn spec_examples_parse() {
        let role: Role = parse_response(200, None, ROLE).unwrap();
        assert_eq!(role.object.as_deref(), Some("role"));
        assert_eq!(role.name, "API Group Manager");
        assert_eq!(role.permissions, ["api.groups.read", "api.groups.write"]);
        assert!(!role.predefined_role);

        let list: RoleList = parse_response(
            200,
            None,
            &format!(r#"{{"object":"list","data":[{ROLE}],"has_more":false,"next":null}}"#),
        )
        .unwrap();
        assert_eq!(list.data, [role]);
        assert_eq!((list.has_more, list.next.as_deref()), (false, None));

        let deleted: RoleDeleteResponse = parse_response(
            200,
            None,
            r#"{"object":"role.deleted","id":"role_01J1F8ROLE01","deleted":true}"#,
        )
        .unwrap();
        assert!(deleted.deleted);

        let assigned: AssignedRoleList = parse_response(
            200,
            None,
            r#"{
                "object": "list",
                "data": [{
                    "id": "role_01J1F8ROLE01",
                    "name": "API Group Manager",
                    "permissions": ["api.groups.read", "api.groups.write"],
                    "resource_type": "api.organization",
                    "predefined_role": false,
                    "description": "Allows managing organization groups",
                    "created_at": 1711471533,
                    "updated_at": 1711472599,
                    "created_by": "user_abc123",
                    "created_by_user_obj": {"id": "user_abc123", "name": "Ada Lovelace", "email": "ada@example.com"},
                    "metadata": {},
                    "assignment_sources": null
                }],
                "has_more": false,
                "next": null
            }"#,
        )
        .unwrap();
        let item = &assigned.data[0];
        assert_eq!(item.updated_at, Some(1711472599));
        assert_eq!(
            item.created_by_user_obj.as_ref().unwrap()["name"],
            "Ada Lovelace"
        );
        assert_eq!(item.metadata.as_ref().map(|m| m.len()), Some(0));
        assert_eq!(item.assignment_sources, None);
        assert_eq!((assigned.has_more, assigned.next.as_deref()), (false, None));

        let retrieved: AssignedRoleDetails = parse_response(
            200,
            None,
            r#"{"id":"role_01J1F8ROLE01","name":"API Group Manager","permissions":["api.groups.read","api.groups.write"],"resource_type":"api.organization","predefined_role":false,"description":"Allows managing organization groups","created_at":1711471533,"updated_at":1711472599,"created_by":"user_abc123","created_by_user_obj":null,"metadata":{},"assignment_sources":null}"#,
        )
        .unwrap();
        assert_eq!(retrieved.created_by_user_obj, None);

        for object in ["group.role.deleted", "user.role.deleted"] {
            let body = format!(r#"{{"object":"{object}","deleted":true}}"#);
            let deleted: RoleAssignmentDeleteResponse = parse_response(200, None, &body).unwrap();
            assert_eq!(deleted.object, object);
        }
    }

    #[test]
    fn nulls_missing_optionals_and_unknown_fields() {
        let role: Role = parse_response(
            200,
            None,
            r#"{"id":"r","name":"n","description":null,"permissions":[],"resource_type":"api.organization","predefined_role":true,"new_field":[1]}"#,
        )
        .unwrap();
        assert_eq!((role.object, role.description), (None, None));

        let minimal: AssignedRoleDetails = parse_response(
            200,
            None,
            r#"{"id":"r","name":"n","permissions":["p"],"resource_type":"api.organization","predefined_role":false}"#,
        )
        .unwrap();
        assert_eq!(minimal.created_at, None);
        assert_eq!(minimal.metadata, None);

        let sourced: AssignedRoleDetails = parse_response(
            200,
            None,
            r#"{"id":"r","name":"n","permissions":[],"resource_type":"t","predefined_role":false,"description":null,"created_at":null,"updated_at":null,"created_by":null,"created_by_user_obj":null,"metadata":{"team":"ops","n":1},"assignment_sources":[{"principal_id":"group_1","principal_type":"group","since":1}]}"#,
        )
        .unwrap();
        assert_eq!(
            sourced.assignment_sources,
            Some(vec![AssignmentSource {
                principal_id: "group_1".into(),
                principal_type: "group".into(),
                // A field the spec does not name is kept.
                extra: serde_json::from_str(r#"{"since":1}"#).unwrap(),
            }])
        );
        assert_eq!(sourced.metadata.unwrap()["n"], 1);

        let list: RoleList = parse_response(200, None, r#"{"data":[],"has_more":false}"#).unwrap();
        assert_eq!((list.object, list.next), (None, None));
        let list: AssignedRoleList =
            parse_response(200, None, r#"{"data":[],"has_more":true,"next":"r_9"}"#).unwrap();
        // An empty page with more to come reads as it is (the package's `NextCursorPage` goes on).
        assert_eq!((list.has_more, list.next.as_deref()), (true, Some("r_9")));
        let deleted: RoleDeleteResponse =
            parse_response(200, None, r#"{"id":"r","deleted":true}"#).unwrap();
        assert_eq!(deleted.object, None);
    }

    #[test]
    fn pages_continue_from_next() {
        let list: RoleList = parse_response(
            200,
            None,
            &format!(
                r#"{{"object":"list","data":[{ROLE}],"has_more":true,"next":"role_01J1F8ROLE01"}}"#
            ),
        )
        .unwrap();
        assert_eq!(
            (list.has_more, list.next.as_deref()),
            (true, Some("role_01J1F8ROLE01"))
        );
        let assigned: AssignedRoleList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"r","name":"n","permissions":[],"resource_type":"t","predefined_role":false}],"has_more":true,"next":"r"}"#,
        )
        .unwrap();
        assert_eq!(
            (assigned.has_more, assigned.next.as_deref()),
            (true, Some("r"))
        );
    }

    #[test]
    fn wrong_types_are_decode_errors_naming_the_field() {
        let err = parse_response::<RoleList>(
            200,
            None,
            r#"{"data":[{"id":"r","name":"n","description":null,"permissions":"all","resource_type":"t","predefined_role":false}],"has_more":false}"#,
        )
        .unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        assert!(err.to_string().contains("data[0].permissions"), "{err}");

        let err = parse_response::<AssignedRoleDetails>(
            200,
            None,
            r#"{"id":"r","name":"n","permissions":[],"resource_type":"t","predefined_role":false,"metadata":"x"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("metadata"), "{err}");

        // A missing field is no error: it takes its absent value, as the package passes it on.
        let deleted =
            parse_response::<RoleAssignmentDeleteResponse>(200, None, r#"{"deleted":true}"#)
                .unwrap();
        assert_eq!((deleted.object.as_str(), deleted.deleted), ("", true));
    }
}
