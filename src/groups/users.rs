//! Members of a group: `/organization/groups/{group_id}/users` and
//! `/organization/groups/{group_id}/users/{user_id}`.
//!
//! The models of `groups.users.list`, `groups.users.create`, `groups.users.retrieve` and
//! `groups.users.delete`. Their routes, arguments and the building of their requests are rows of
//! the operation table, [`crate::ops::OPERATIONS`], built by [`crate::ops::build`].

use serde::{Deserialize, Serialize};

use crate::params::ListParams;
use crate::schema::Model;

/// A member of a group, as listed (`GroupUser` in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct OrganizationGroupUser {
    /// The identifier, which can be referenced in API endpoints.
    pub id: String,
    /// The name of the user.
    pub name: String,
    /// The email address of the user.
    #[serde(default)]
    pub email: Option<String>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A page of group members (`UserListResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct GroupUserList {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Users in the current page.
    pub data: Vec<OrganizationGroupUser>,
    /// Whether more users are available when paginating.
    pub has_more: bool,
    /// Cursor to fetch the next page of results, or `null` when no further users are available.
    #[serde(default)]
    pub next: Option<String>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Confirmation of a user added to a group (`GroupUserAssignment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct GroupUserCreateResponse {
    /// Always `group.user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier of the user that was added.
    pub user_id: String,
    /// Identifier of the group the user was added to.
    pub group_id: String,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Whether a group member is an ordinary user or a tenant user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
#[serde(rename_all = "snake_case")]
pub enum GroupUserType {
    /// An ordinary user.
    User,
    /// A tenant user.
    TenantUser,
    /// A value the spec does not list (yet), kept as the API sent it.
    #[serde(untagged)]
    Other(String),
}

/// One member of a group, looked up by id (`GroupMemberUser`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct GroupUserRetrieveResponse {
    /// Identifier for the user.
    pub id: String,
    /// Display name of the user.
    pub name: String,
    /// Email address of the user, or `null` for users without an email.
    #[serde(default)]
    pub email: Option<String>,
    /// URL of the user's profile picture, if available.
    #[serde(default)]
    pub picture: Option<String>,
    /// Whether the user is a service account.
    #[serde(default)]
    pub is_service_account: Option<bool>,
    /// The type of user.
    pub user_type: GroupUserType,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Confirmation of a user removed from a group (`GroupUserDeletedResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct GroupUserDeleteResponse {
    /// Always `group.user.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Whether the group membership was removed.
    pub deleted: bool,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Body of `groups.users.create` (`CreateGroupUserBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct GroupUserCreateParams {
    /// Identifier of the user to add to the group.
    pub user_id: String,
}

/// Query of `groups.users.list`.
pub type GroupUserListParams = ListParams;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::response::parse_response;

    #[test]
    fn spec_examples_parse() {
        let list: GroupUserList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"user_abc123","name":"Ada Lovelace","email":"ada@example.com"}],"has_more":false,"next":null}"#,
        )
        .unwrap();
        assert_eq!(list.data[0].email.as_deref(), Some("ada@example.com"));
        assert_eq!((list.has_more, list.next.as_deref()), (false, None));

        let added: GroupUserCreateResponse = parse_response(
            200,
            None,
            r#"{"object":"group.user","user_id":"user_abc123","group_id":"group_01J1F8ABCDXYZ"}"#,
        )
        .unwrap();
        assert_eq!(added.object.as_deref(), Some("group.user"));
        assert_eq!(
            (added.user_id.as_str(), added.group_id.as_str()),
            ("user_abc123", "group_01J1F8ABCDXYZ")
        );

        let member: GroupUserRetrieveResponse = parse_response(
            200,
            None,
            r#"{"id":"user_abc123","name":"Ada Lovelace","email":"ada@example.com","picture":null,"is_service_account":false,"user_type":"user"}"#,
        )
        .unwrap();
        assert_eq!(member.user_type, GroupUserType::User);
        assert_eq!(
            (member.picture, member.is_service_account),
            (None, Some(false))
        );

        let deleted: GroupUserDeleteResponse = parse_response(
            200,
            None,
            r#"{"object":"group.user.deleted","deleted":true}"#,
        )
        .unwrap();
        assert!(deleted.deleted);
    }

    #[test]
    fn nulls_missing_optionals_and_unknown_fields() {
        let list: GroupUserList = parse_response(
            200,
            None,
            r#"{"data":[{"id":"u","name":"Service bot","email":null,"added":1},{"id":"v","name":"V"}],"has_more":false}"#,
        )
        .unwrap();
        assert_eq!(list.object, None);
        assert_eq!(
            (list.data[0].email.as_ref(), list.data[1].email.as_ref()),
            (None, None)
        );

        let member: GroupUserRetrieveResponse = parse_response(
            200,
            None,
            r#"{"id":"u","name":"n","email":null,"picture":"https://example.com/p.png","is_service_account":null,"user_type":"tenant_user","extra":{}}"#,
        )
        .unwrap();
        assert_eq!(member.user_type, GroupUserType::TenantUser);
        assert_eq!(member.is_service_account, None);
        let bare: GroupUserRetrieveResponse =
            parse_response(200, None, r#"{"id":"u","name":"n","user_type":"user"}"#).unwrap();
        assert_eq!((bare.email, bare.picture), (None, None));

        let added: GroupUserCreateResponse =
            parse_response(200, None, r#"{"user_id":"u","group_id":"g"}"#).unwrap();
        assert_eq!(added.object, None);
        let deleted: GroupUserDeleteResponse =
            parse_response(200, None, r#"{"deleted":false}"#).unwrap();
        assert_eq!((deleted.object, deleted.deleted), (None, false));
    }

    #[test]
    fn pages_continue_from_next() {
        let list: GroupUserList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"u1","name":"a","email":null}],"has_more":true,"next":"u1"}"#,
        )
        .unwrap();
        assert_eq!((list.has_more, list.next.as_deref()), (true, Some("u1")));
        let last: GroupUserList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"u2","name":"b","email":null}],"has_more":false,"next":"u2"}"#,
        )
        .unwrap();
        assert_eq!((last.has_more, last.next.as_deref()), (false, Some("u2")));
    }

    #[test]
    fn wrong_types_are_decode_errors_naming_the_field() {
        let err = parse_response::<GroupUserRetrieveResponse>(
            200,
            None,
            r#"{"id":"u","name":"n","email":null,"picture":null,"is_service_account":null,"user_type":false}"#,
        )
        .unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        assert!(err.to_string().contains("user_type"), "{err}");
        let err = parse_response::<GroupUserList>(
            200,
            None,
            r#"{"data":[{"id":"u","name":"n","email":7}],"has_more":false}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("data[0].email"), "{err}");
    }
}
