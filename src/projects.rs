//! Organization projects: `/organization/projects`, `/organization/projects/{project_id}` and its
//! `/archive`.
//!
//! The models of `projects.list`, `projects.create`, `projects.retrieve`, `projects.update` and
//! `projects.archive`. Their routes, arguments and the building of their requests are rows of the
//! operation table, [`crate::ops::OPERATIONS`], built by [`crate::ops::build`].
//!
//! Like the organization users list, this list pages with `first_id`/`last_id` (the official
//! `ConversationCursorPage`): the next page starts after `last_id`. Archived projects are listed
//! only with `include_archived: true`. Projects can be archived, never deleted.

pub mod groups;
pub mod roles;
pub mod users;

use serde::{Deserialize, Serialize};

use crate::schema::Model;

/// Where a project's data is stored and processed (`PublicProjectResidency`, with the values the
/// official SDK knows beyond the spec's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProjectResidency {
    /// No residency constraint.
    Global,
    /// Stored and processed in the United States.
    UsStorageProcessing,
    /// Stored and processed in Europe.
    EuStorageProcessing,
    /// Stored in Japan.
    JpStorage,
    /// Stored and processed in Japan.
    JpStorageProcessing,
    /// Stored in South Korea.
    KrStorage,
    /// Stored in Canada.
    CaStorage,
    /// Stored in Singapore.
    SgStorage,
    /// Stored in India.
    InStorage,
    /// Stored and processed in India.
    InStorageProcessing,
    /// Stored in Australia.
    AuStorage,
    /// Stored and processed in Australia.
    AuStorageProcessing,
    /// Stored in the United Kingdom.
    GbStorage,
    /// Stored in the United Arab Emirates.
    AeStorage,
    /// Stored and processed in the United Arab Emirates.
    AeStorageProcessing,
}

/// A project of the organization (`Project` in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct Project {
    /// The identifier, which can be referenced in API endpoints.
    pub id: String,
    /// Always `organization.project`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The name of the project. This appears in reporting.
    #[serde(default)]
    pub name: Option<String>,
    /// The Unix timestamp (in seconds) of when the project was created.
    pub created_at: i64,
    /// The Unix timestamp (in seconds) of when the project was archived, or `null`.
    #[serde(default)]
    pub archived_at: Option<i64>,
    /// `active` or `archived`.
    #[serde(default)]
    pub status: Option<String>,
    /// The external key associated with the project.
    #[serde(default)]
    pub external_key_id: Option<String>,
    /// The residency configuration for the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residency: Option<ProjectResidency>,
}

/// A page of projects (`ProjectListResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectList {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Projects in the current page.
    pub data: Vec<Project>,
    /// Identifier of the first project of the page.
    #[serde(default)]
    pub first_id: Option<String>,
    /// Identifier of the last project of the page: the `after` of the next page.
    #[serde(default)]
    pub last_id: Option<String>,
    /// Whether more projects are available when paginating.
    pub has_more: bool,
}

/// Body of `projects.create` (`ProjectCreateRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectCreateParams {
    /// The friendly name of the project, this name appears in reports.
    pub name: String,
    /// Create the project with the specified residency configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub residency: Option<ProjectResidency>,
    /// External key ID to associate with the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub external_key_id: Option<String>,
    /// Deprecated: the data residency region (use `residency`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub geography: Option<String>,
}

/// Body of `projects.update` (`ProjectUpdateRequest`): only the fields given change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectUpdateParams {
    /// The updated name of the project, this name appears in reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub name: Option<String>,
    /// External key ID to associate with the project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub external_key_id: Option<String>,
    /// Deprecated: the project's geography.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub geography: Option<String>,
}

/// Query of `projects.list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectListParams {
    /// A cursor: the `last_id` of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub after: Option<String>,
    /// How many projects a page holds (1 to 100, 20 when left out).
    // The 1 to 100 is the spec's prose only: its schema sets no bounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub limit: Option<i64>,
    /// If `true`, archived projects are listed too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub include_archived: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::response::parse_response;

    #[test]
    fn spec_examples_parse() {
        let list: ProjectList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"proj_abc","object":"organization.project","name":"Project example","created_at":1711471533,"archived_at":null,"status":"active"}],"first_id":"proj-abc","last_id":"proj-xyz","has_more":false}"#,
        )
        .unwrap();
        assert_eq!(list.data[0].status.as_deref(), Some("active"));
        assert_eq!(
            (list.has_more, list.last_id.as_deref()),
            (false, Some("proj-xyz"))
        );

        let archived: Project = parse_response(
            200,
            None,
            r#"{"id":"proj_abc","object":"organization.project","name":"Project DEF","created_at":1711471533,"archived_at":1711471533,"status":"archived"}"#,
        )
        .unwrap();
        assert_eq!(archived.archived_at, Some(1711471533));
        let schema: Project = parse_response(
            200,
            None,
            r#"{"id":"proj_abc","object":"organization.project","name":"Project example","created_at":1711471533,"archived_at":null,"status":"active","external_key_id":null,"residency":"EU_STORAGE_PROCESSING"}"#,
        )
        .unwrap();
        assert_eq!(
            schema.residency,
            Some(ProjectResidency::EuStorageProcessing)
        );
    }

    #[test]
    fn nulls_and_missing_optionals_parse() {
        let p: Project = parse_response(
            200,
            None,
            r#"{"id":"proj_1","created_at":1,"name":null,"status":null,"future":[1]}"#,
        )
        .unwrap();
        assert_eq!(
            (p.object, p.name, p.status, p.residency),
            (None, None, None, None)
        );
        let list: ProjectList =
            parse_response(200, None, r#"{"data":[],"has_more":false}"#).unwrap();
        assert_eq!((list.first_id, list.last_id), (None, None));
    }

    #[test]
    fn wrong_types_are_decode_errors_naming_the_field() {
        let err = parse_response::<ProjectList>(
            200,
            None,
            r#"{"data":[{"id":"p","created_at":"today"}],"has_more":false}"#,
        )
        .unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
        assert!(err.to_string().contains("data[0].created_at"), "{err}");
    }
}
