//! Organization users: `/organization/users` and `/organization/users/{user_id}`.
//!
//! The models of `users.list`, `users.retrieve`, `users.update` and `users.delete`. Their routes,
//! arguments and the building of their requests are rows of the operation table,
//! [`crate::ops::OPERATIONS`], built by [`crate::ops::build`].
//!
//! Unlike every other list, this one pages with `first_id`/`last_id`: the next page starts
//! after `last_id`. `emails` filters by address.

pub mod roles;

use serde::{Deserialize, Serialize};

use crate::schema::Model;

/// A user of the organization (`User` in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct OrganizationUser {
    /// Always `organization.user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The identifier, which can be referenced in API endpoints.
    pub id: String,
    /// The name of the user.
    #[serde(default)]
    pub name: Option<String>,
    /// The email address of the user.
    #[serde(default)]
    pub email: Option<String>,
    /// `owner` or `reader`.
    #[serde(default)]
    pub role: Option<String>,
    /// Unix timestamp (in seconds) of when the user was added.
    pub added_at: i64,
    /// Whether this is the organization's default user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// Unix timestamp (in seconds) of when the user was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<i64>,
    /// Nested user details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<OrganizationUserDetails>,
    /// Whether the user is a service account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_service_account: Option<bool>,
    /// Whether the user is an authorized purchaser for Scale Tier.
    #[serde(default)]
    pub is_scale_tier_authorized_purchaser: Option<bool>,
    /// Whether the user is managed through SCIM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_scim_managed: Option<bool>,
    /// Unix timestamp (in seconds) of the user's last API key usage.
    #[serde(default)]
    pub api_key_last_used_at: Option<i64>,
    /// The technical level metadata for the user.
    #[serde(default)]
    pub technical_level: Option<String>,
    /// The developer persona metadata for the user.
    #[serde(default)]
    pub developer_persona: Option<String>,
    /// Projects associated with the user, if included.
    #[serde(default)]
    pub projects: Option<OrganizationUserProjects>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The `user` object nested in an [`OrganizationUser`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct OrganizationUserDetails {
    /// Always `user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier of the user.
    pub id: String,
    /// Email address of the user.
    #[serde(default)]
    pub email: Option<String>,
    /// Name of the user.
    #[serde(default)]
    pub name: Option<String>,
    /// URL of the user's picture.
    #[serde(default)]
    pub picture: Option<String>,
    /// Whether the user is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Whether the user is banned.
    #[serde(default)]
    pub banned: Option<bool>,
    /// Unix timestamp (in seconds) of the ban.
    #[serde(default)]
    pub banned_at: Option<i64>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The `projects` list of an [`OrganizationUser`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct OrganizationUserProjects {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The user's projects.
    pub data: Vec<OrganizationUserProject>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One project of an [`OrganizationUser`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct OrganizationUserProject {
    /// Identifier of the project.
    #[serde(default)]
    pub id: Option<String>,
    /// Name of the project.
    #[serde(default)]
    pub name: Option<String>,
    /// The user's role in the project.
    #[serde(default)]
    pub role: Option<String>,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A page of organization users (`UserListResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct UserList {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Users in the current page.
    pub data: Vec<OrganizationUser>,
    /// Identifier of the first user of the page.
    #[serde(default)]
    pub first_id: Option<String>,
    /// Identifier of the last user of the page: the `after` of the next page.
    #[serde(default)]
    pub last_id: Option<String>,
    /// Whether more users are available when paginating.
    pub has_more: bool,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Confirmation of a user removed from the organization (`UserDeleteResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
pub struct UserDeleteResponse {
    /// Always `organization.user.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier of the deleted user.
    pub id: String,
    /// Whether the user was deleted.
    pub deleted: bool,
    /// The fields the spec does not name (yet), kept as the API sent them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A user's role in the organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
#[serde(rename_all = "lowercase")]
pub enum UserRole {
    /// Can manage the organization.
    Owner,
    /// Can read the organization.
    Reader,
    /// A value the spec does not list (yet), kept as the API sent it.
    #[serde(untagged)]
    Other(String),
}

/// Body of `users.update` (`UserRoleUpdateRequest`): only the fields given change.
///
/// A field left out or sent as `null` is left unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct UserUpdateParams {
    /// `owner` or `reader`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub role: Option<UserRole>,
    /// Role ID to assign to the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub role_id: Option<String>,
    /// Technical level metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub technical_level: Option<String>,
    /// Developer persona metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub developer_persona: Option<String>,
}

/// Query of `users.list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct UserListParams {
    /// A cursor: the `last_id` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub after: Option<String>,
    /// How many users a page holds (1 to 100, 20 when left out).
    // The 1 to 100 is the spec's prose only: its schema sets no bounds, so any integer is sent
    // and the server judges it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub limit: Option<i64>,
    /// Only the users with these email addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub emails: Option<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::response::parse_response;

    const USER: &str = r#"{
        "object": "organization.user",
        "id": "user_abc",
        "name": "First Last",
        "email": "user@example.com",
        "role": "owner",
        "added_at": 1711471533
    }"#;

    #[test]
    fn spec_examples_parse() {
        let list: UserList = parse_response(
            200,
            None,
            &format!(
                r#"{{"object":"list","data":[{USER}],"first_id":"user-abc","last_id":"user-xyz","has_more":false}}"#
            ),
        )
        .unwrap();
        assert_eq!(list.data[0].role.as_deref(), Some("owner"));
        assert_eq!(list.data[0].added_at, 1711471533);
        assert_eq!(
            (list.has_more, list.last_id.as_deref()),
            (false, Some("user-xyz"))
        );

        let user: OrganizationUser = parse_response(200, None, USER).unwrap();
        assert_eq!(user.object.as_deref(), Some("organization.user"));
        assert_eq!(user.email.as_deref(), Some("user@example.com"));
        assert_eq!((user.user, user.projects), (None, None));

        let deleted: UserDeleteResponse = parse_response(
            200,
            None,
            r#"{"object":"organization.user.deleted","id":"user_abc","deleted":true}"#,
        )
        .unwrap();
        assert!(deleted.deleted);
    }

    #[test]
    fn every_field_of_a_user_parses() {
        let user: OrganizationUser = parse_response(
            200,
            None,
            r#"{"object":"organization.user","id":"user_abc","name":null,"email":null,"role":null,"added_at":1,"is_default":true,"created":2,
                "user":{"object":"user","id":"user_abc","email":"a@example.com","name":"A","picture":null,"enabled":true,"banned":false,"banned_at":null,"mfa":true},
                "is_service_account":false,"is_scale_tier_authorized_purchaser":null,"is_scim_managed":true,"api_key_last_used_at":3,
                "technical_level":"expert","developer_persona":null,
                "projects":{"object":"list","data":[{"id":"proj_1","name":"P","role":"owner"},{"id":null,"name":null,"role":null}]},
                "future":{}}"#,
        )
        .unwrap();
        assert_eq!((user.name, user.email, user.role), (None, None, None));
        assert_eq!((user.is_default, user.created), (Some(true), Some(2)));
        let details = user.user.unwrap();
        assert_eq!(
            (details.enabled, details.banned, details.banned_at),
            (Some(true), Some(false), None)
        );
        assert_eq!(user.is_scim_managed, Some(true));
        assert_eq!(user.api_key_last_used_at, Some(3));
        let projects = user.projects.unwrap();
        assert_eq!(projects.data[0].id.as_deref(), Some("proj_1"));
        assert_eq!(projects.data[1].role, None);
    }

    #[test]
    fn missing_object_and_optionals_still_parse() {
        let user: OrganizationUser =
            parse_response(200, None, r#"{"id":"u","added_at":1}"#).unwrap();
        assert_eq!(
            (user.object, user.name, user.is_default),
            (None, None, None)
        );
        let list: UserList = parse_response(200, None, r#"{"data":[],"has_more":false}"#).unwrap();
        assert_eq!((list.first_id, list.last_id), (None, None));
        let deleted: UserDeleteResponse =
            parse_response(200, None, r#"{"id":"u","deleted":true}"#).unwrap();
        assert_eq!(deleted.object, None);
        let user: OrganizationUser = parse_response(
            200,
            None,
            r#"{"id":"u","added_at":1,"user":{"id":"u"},"projects":null}"#,
        )
        .unwrap();
        assert_eq!(user.user.unwrap().object, None);
    }

    #[test]
    fn pages_continue_from_last_id() {
        let list: UserList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"user_1","added_at":1},{"id":"user_2","added_at":2}],"first_id":"user_1","last_id":"user_2","has_more":true}"#,
        )
        .unwrap();
        assert_eq!(
            (list.has_more, list.last_id.as_deref()),
            (true, Some("user_2"))
        );
        let list: UserList = parse_response(
            200,
            None,
            r#"{"data":[{"id":"user_1","added_at":1}],"first_id":"user_1","last_id":null,"has_more":true}"#,
        )
        .unwrap();
        assert_eq!((list.has_more, list.last_id.as_deref()), (true, None));
    }

    #[test]
    fn wrong_types_are_decode_errors_naming_the_field() {
        let err = parse_response::<UserList>(
            200,
            None,
            r#"{"data":[{"id":"u","added_at":"today"}],"has_more":false}"#,
        )
        .unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        assert!(err.to_string().contains("data[0].added_at"), "{err}");
        // Missing fields take their absent values, as the package passes the answer on.
        let user = parse_response::<OrganizationUser>(200, None, r#"{"id":"u"}"#).unwrap();
        assert_eq!((user.id.as_str(), user.added_at), ("u", 0));
        let err = parse_response::<OrganizationUser>(
            200,
            None,
            r#"{"id":"u","added_at":1,"user":{"id":"u","banned":"no"}}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("user.banned"), "{err}");
    }
}
