//! The groups with access to a project: `/organization/projects/{project_id}/groups` and
//! `/organization/projects/{project_id}/groups/{group_id}`.
//!
//! The models of `projects.groups.list`, `projects.groups.create`, `projects.groups.retrieve` and
//! `projects.groups.delete`. The routes, arguments and the building of the requests are rows of
//! the operation table, [`crate::ops::OPERATIONS`], built by [`crate::ops::build`].

pub mod roles;

use serde::{Deserialize, Serialize};

use crate::groups::GroupType;
use crate::params::Order;
use crate::schema::Model;

/// A group's access to a project (`ProjectGroup`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectGroup {
    /// Always `project.group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier of the project.
    pub project_id: String,
    /// Identifier of the group that has access to the project.
    pub group_id: String,
    /// Display name of the group.
    pub group_name: String,
    /// The type of the group.
    pub group_type: GroupType,
    /// Unix timestamp (in seconds) when the group was granted project access.
    pub created_at: i64,
}

/// A page of a project's groups (`ProjectGroupListResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectGroupList {
    /// Always `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Project group memberships returned in the current page.
    pub data: Vec<ProjectGroup>,
    /// Whether additional project group memberships are available.
    pub has_more: bool,
    /// Cursor to fetch the next page of results, or `null` when there are no more results.
    #[serde(default)]
    pub next: Option<String>,
}

/// Confirmation of a group's access revoked (`ProjectGroupDeletedResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectGroupDeleteResponse {
    /// Always `project.group.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Whether the group membership in the project was removed.
    pub deleted: bool,
}

/// Body of `projects.groups.create` (`InviteProjectGroupBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectGroupCreateParams {
    /// Identifier of the group to add to the project.
    pub group_id: String,
    /// Identifier of the project role to grant to the group.
    pub role: String,
}

/// Query of `projects.groups.retrieve`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectGroupRetrieveParams {
    /// The type of group to retrieve (`group` when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub group_type: Option<GroupType>,
}

/// Query of `projects.groups.list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ProjectGroupListParams {
    /// A cursor: the `next` value of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub after: Option<String>,
    /// How many groups a page holds (0 to 100, 20 when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable, min = 0, max = 100)]
    pub limit: Option<u32>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub order: Option<Order>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::parse_response;

    #[test]
    fn spec_examples_parse() {
        let retrieved: ProjectGroup = parse_response(
            200,
            None,
            r#"{"object":"project.group","project_id":"proj_abc123","group_id":"group_01J1F8ABCDXYZ","group_name":"Support Team","group_type":"group","created_at":1711471533}"#,
        )
        .unwrap();
        assert_eq!(retrieved.group_type, GroupType::Group);
        let deleted: ProjectGroupDeleteResponse = parse_response(
            200,
            None,
            r#"{"object":"project.group.deleted","deleted":true}"#,
        )
        .unwrap();
        assert!(deleted.deleted);
    }

    #[test]
    fn the_list_example_leaves_out_group_type_which_the_schema_requires() {
        let err = parse_response::<ProjectGroupList>(
            200,
            None,
            r#"{"object":"list","data":[{"object":"project.group","project_id":"proj_abc123","group_id":"group_01J1F8ABCDXYZ","group_name":"Support Team","created_at":1711471533}],"has_more":false,"next":null}"#,
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("data[0]") && message.contains("group_type"),
            "{message}"
        );
        let list: ProjectGroupList = parse_response(
            200,
            None,
            r#"{"data":[{"project_id":"p","group_id":"g","group_name":"n","group_type":"tenant_group","created_at":1}],"has_more":true,"next":"g"}"#,
        )
        .unwrap();
        assert_eq!((list.has_more, list.next.as_deref()), (true, Some("g")));
    }
}
