//! The users of a project: `/organization/projects/{project_id}/users` and
//! `/organization/projects/{project_id}/users/{user_id}`.
//!
//! The models of `projects.users.list`, `projects.users.create`, `projects.users.retrieve`,
//! `projects.users.update` and `projects.users.delete`. The routes, arguments and the building of
//! the requests are rows of the operation table, [`crate::ops::OPERATIONS`], built by
//! [`crate::ops::build`]. A user must already be a member of the organization to be added; a
//! project user's `role` is `owner` or `member`, a string the server judges.
//!
//! The list pages with `first_id`/`last_id`, as `projects.list` does.

pub mod roles;

use serde::{Deserialize, Serialize};

use crate::schema::Model;

/// A user of a project (`ProjectUser`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectUser {
    /// Always `organization.project.user`.
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
    /// `owner` or `member`.
    pub role: String,
    /// The Unix timestamp (in seconds) of when the user was added to the project.
    pub added_at: i64,
}

/// A page of project users (`ProjectUserListResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectUserList {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Users in the current page.
    pub data: Vec<ProjectUser>,
    /// Identifier of the first user of the page.
    #[serde(default)]
    pub first_id: Option<String>,
    /// Identifier of the last user of the page: the `after` of the next page.
    #[serde(default)]
    pub last_id: Option<String>,
    /// Whether more users are available when paginating.
    pub has_more: bool,
}

/// Confirmation of a user removed from a project (`ProjectUserDeleteResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectUserDeleteResponse {
    /// Always `organization.project.user.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier of the removed user.
    pub id: String,
    /// Whether the user was removed.
    pub deleted: bool,
}

/// Body of `projects.users.create` (`ProjectUserCreateRequest`): the user by `user_id` or `email`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectUserCreateParams {
    /// `owner` or `member`.
    pub role: String,
    /// The ID of the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub user_id: Option<String>,
    /// Email of the user to add.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub email: Option<String>,
}

/// Body of `projects.users.update` (`ProjectUserUpdateRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectUserUpdateParams {
    /// `owner` or `member`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub role: Option<String>,
}

/// Query of `projects.users.list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectUserListParams {
    /// A cursor: the `last_id` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub after: Option<String>,
    /// How many users a page holds (1 to 100, 20 when left out).
    // The 1 to 100 is the spec's prose only: its schema sets no bounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub limit: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::parse_response;

    #[test]
    fn spec_examples_parse() {
        let list: ProjectUserList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"object":"organization.project.user","id":"user_abc","name":"First Last","email":"user@example.com","role":"owner","added_at":1711471533}],"first_id":"user-abc","last_id":"user-xyz","has_more":false}"#,
        )
        .unwrap();
        assert_eq!(list.data[0].role, "owner");
        assert_eq!(list.last_id.as_deref(), Some("user-xyz"));
        // The create example leaves out `name`.
        let created: ProjectUser = parse_response(
            200,
            None,
            r#"{"object":"organization.project.user","id":"user_abc","email":"user@example.com","role":"owner","added_at":1711471533}"#,
        )
        .unwrap();
        assert_eq!(created.name, None);
        let deleted: ProjectUserDeleteResponse = parse_response(
            200,
            None,
            r#"{"object":"organization.project.user.deleted","id":"user_abc","deleted":true}"#,
        )
        .unwrap();
        assert!(deleted.deleted);
    }

    #[test]
    fn a_role_the_spec_does_not_name_still_parses_and_a_missing_one_does_not() {
        let user: ProjectUser = parse_response(
            200,
            None,
            r#"{"id":"u","role":"viewer","added_at":1,"name":null,"email":null}"#,
        )
        .unwrap();
        assert_eq!(user.role, "viewer");
        let err =
            parse_response::<ProjectUser>(200, None, r#"{"id":"u","added_at":1}"#).unwrap_err();
        assert!(err.to_string().contains("role"), "{err}");
    }
}
