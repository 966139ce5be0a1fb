//! Organization groups: `/organization/groups` and `/organization/groups/{group_id}`.
//!
//! The models of `groups.list`, `groups.create`, `groups.retrieve`, `groups.update` and
//! `groups.delete`. Their routes, arguments and the building of their requests are rows of the
//! operation table, [`crate::ops::OPERATIONS`], built by [`crate::ops::build`].

pub mod roles;
pub mod users;

use serde::{Deserialize, Serialize};

use crate::params::ListParams;
use crate::schema::Model;

/// Whether a group is an ordinary group or a tenant group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
#[serde(rename_all = "snake_case")]
pub enum GroupType {
    /// An ordinary group.
    Group,
    /// A tenant group.
    TenantGroup,
    /// A value the spec does not list (yet), kept as the API sent it.
    #[serde(untagged)]
    Other(String),
}

/// Details about an organization group (`GroupResponse` in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct Group {
    /// Always `group`. The spec's example answers carry it, its schema does not: the client
    /// knows it, so that answers shaped like the examples report no drift for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier for the group.
    pub id: String,
    /// Display name of the group.
    pub name: String,
    /// Unix timestamp (in seconds) when the group was created.
    pub created_at: i64,
    /// Whether the group is managed through SCIM and controlled by your identity provider.
    pub is_scim_managed: bool,
    /// The type of the group.
    pub group_type: GroupType,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A page of groups (`GroupListResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct GroupList {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Groups returned in the current page.
    pub data: Vec<Group>,
    /// Whether additional groups are available when paginating.
    pub has_more: bool,
    /// Cursor to fetch the next page of results, or `null` if there are no more results.
    #[serde(default)]
    pub next: Option<String>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The group after an update (`GroupResourceWithSuccess`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct GroupUpdateResponse {
    /// Identifier for the group.
    pub id: String,
    /// Updated display name for the group.
    pub name: String,
    /// Unix timestamp (in seconds) when the group was created.
    pub created_at: i64,
    /// Whether the group is managed through SCIM and controlled by your identity provider.
    pub is_scim_managed: bool,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Confirmation of a deleted group (`GroupDeletedResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct GroupDeleteResponse {
    /// Identifier of the deleted group.
    pub id: String,
    /// Whether the group was deleted.
    pub deleted: bool,
    /// Always `group.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Body of `groups.create` (`CreateGroupBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct GroupCreateParams {
    /// Human readable name for the group, 1 to 255 characters.
    #[model(len = 1..=255)]
    pub name: String,
}

/// Body of `groups.update` (`UpdateGroupBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct GroupUpdateParams {
    /// New display name for the group, 1 to 255 characters.
    #[model(len = 1..=255)]
    pub name: String,
}

/// Query of `groups.list`.
pub type GroupListParams = ListParams;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::parse_response;

    #[test]
    fn spec_examples_parse() {
        let list: GroupList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"group_01J1F8ABCDXYZ","name":"Support Team","created_at":1711471533,"is_scim_managed":false,"group_type":"group"},{"id":"group_01J1F8PQRMNO","name":"Sales","created_at":1711472599,"is_scim_managed":true,"group_type":"tenant_group","unknown":1}],"has_more":true,"next":"group_01J1F8PQRMNO"}"#,
        )
        .unwrap();
        assert_eq!(list.data[1].group_type, GroupType::TenantGroup);
        assert_eq!(
            (list.has_more, list.next.as_deref()),
            (true, Some("group_01J1F8PQRMNO"))
        );

        let updated: GroupUpdateResponse = parse_response(
            200,
            None,
            r#"{"id":"group_01J1F8ABCDXYZ","name":"Escalations","created_at":1711471533,"is_scim_managed":false}"#,
        )
        .unwrap();
        assert_eq!(updated.name, "Escalations");

        let deleted: GroupDeleteResponse = parse_response(
            200,
            None,
            r#"{"object":"group.deleted","id":"group_01J1F8ABCDXYZ","deleted":true}"#,
        )
        .unwrap();
        assert!(deleted.deleted);
    }

    #[test]
    fn a_list_without_object_or_next_still_parses_and_ends() {
        let list: GroupList = parse_response(200, None, r#"{"data":[],"has_more":false}"#).unwrap();
        assert_eq!(list.object, None);
        assert_eq!((list.has_more, list.next.as_deref()), (false, None));
    }

    #[test]
    fn an_unknown_group_type_and_unknown_fields_are_kept() {
        let group = parse_response::<Group>(
            200,
            None,
            r#"{"id":"g","name":"n","created_at":1,"is_scim_managed":false,"group_type":"team","color":"red"}"#,
        )
        .unwrap();
        assert_eq!(group.group_type, GroupType::Other("team".into()));
        assert_eq!(group.extra["color"], "red");
        let err = parse_response::<Group>(
            200,
            None,
            r#"{"id":"g","name":"n","created_at":1,"is_scim_managed":false,"group_type":7}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("group_type"), "{err}");
    }
}
