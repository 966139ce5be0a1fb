//! Organization groups: `/organization/groups` and `/organization/groups/{group_id}`.
//!
//! | method | route | builder |
//! | --- | --- | --- |
//! | `groups.list(params?)` | `GET /organization/groups` | [`list`] |
//! | `groups.create(body)` | `POST /organization/groups` | [`create`] |
//! | `groups.retrieve(groupID)` | `GET /organization/groups/{group_id}` | [`retrieve`] |
//! | `groups.update(groupID, body)` | `POST /organization/groups/{group_id}` | [`update`] |
//! | `groups.delete(groupID)` | `DELETE /organization/groups/{group_id}` | [`delete`] |

pub mod roles;
pub mod users;

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::error::Error;
use crate::pagination::Page;
use crate::params::{check_len, ListParams};
use crate::request::{path_param, ApiRequest, JsonObject, Method, ToJson};
use crate::schema::Model;

/// Allowed length of a group name, in characters.
const NAME_LEN: std::ops::RangeInclusive<usize> = 1..=255;

/// Whether a group is an ordinary group or a tenant group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
#[serde(rename_all = "snake_case")]
pub enum GroupType {
    /// An ordinary group.
    Group,
    /// A tenant group.
    TenantGroup,
}

/// Details about an organization group (`GroupResponse` in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct Group {
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
}

/// A page of groups (`GroupListResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
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
}

impl Page for GroupList {
    fn has_more(&self) -> bool {
        self.has_more
    }
    fn cursor(&self) -> Option<&str> {
        self.next.as_deref()
    }
    fn len(&self) -> usize {
        self.data.len()
    }
}

/// The group after an update (`GroupResourceWithSuccess`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupUpdateResponse {
    /// Identifier for the group.
    pub id: String,
    /// Updated display name for the group.
    pub name: String,
    /// Unix timestamp (in seconds) when the group was created.
    pub created_at: i64,
    /// Whether the group is managed through SCIM and controlled by your identity provider.
    pub is_scim_managed: bool,
}

/// Confirmation of a deleted group (`GroupDeletedResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupDeleteResponse {
    /// Identifier of the deleted group.
    pub id: String,
    /// Whether the group was deleted.
    pub deleted: bool,
    /// Always `group.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
}

/// Body of `groups.create` (`CreateGroupBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupCreateParams {
    /// Human readable name for the group, 1 to 255 characters.
    #[model(len = 1..=255)]
    pub name: String,
}

/// Body of `groups.update` (`UpdateGroupBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupUpdateParams {
    /// New display name for the group, 1 to 255 characters.
    #[model(len = 1..=255)]
    pub name: String,
}

/// Query of `groups.list`.
pub type GroupListParams = ListParams;

/// `GET /organization/groups`
pub fn list(params: &GroupListParams) -> Result<ApiRequest, Error> {
    let mut request = ApiRequest::new(Method::Get, "/organization/groups".to_owned());
    params.apply(&mut request)?;
    Ok(request)
}

/// `POST /organization/groups`
pub fn create(body: &GroupCreateParams) -> Result<ApiRequest, Error> {
    check_len("name", &body.name, NAME_LEN)?;
    ApiRequest::new(Method::Post, "/organization/groups".to_owned()).with_json(body)
}

/// `GET /organization/groups/{group_id}`
pub fn retrieve(group_id: &str) -> Result<ApiRequest, Error> {
    Ok(ApiRequest::new(Method::Get, group_path(group_id)?))
}

/// `POST /organization/groups/{group_id}`
pub fn update(group_id: &str, body: &GroupUpdateParams) -> Result<ApiRequest, Error> {
    let path = group_path(group_id)?;
    check_len("name", &body.name, NAME_LEN)?;
    ApiRequest::new(Method::Post, path).with_json(body)
}

/// `DELETE /organization/groups/{group_id}`
pub fn delete(group_id: &str) -> Result<ApiRequest, Error> {
    Ok(ApiRequest::new(Method::Delete, group_path(group_id)?))
}

/// `/organization/groups/{group_id}`, with the id checked and encoded.
pub(crate) fn group_path(group_id: &str) -> Result<String, Error> {
    Ok(format!(
        "/organization/groups/{}",
        path_param("group_id", group_id)?
    ))
}

impl ToJson for GroupCreateParams {
    fn to_json(&self) -> String {
        JsonObject::default().string("name", &self.name).finish()
    }
}

impl ToJson for GroupUpdateParams {
    fn to_json(&self) -> String {
        JsonObject::default().string("name", &self.name).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pagination::next_after;
    use crate::params::Order;
    use crate::response::parse_response;

    #[test]
    fn builders_produce_the_routes() {
        let req = list(&ListParams {
            limit: Some(20),
            order: Some(Order::Asc),
            after: None,
        })
        .unwrap();
        assert_eq!(
            (req.method, req.path_and_query().as_str()),
            (Method::Get, "/organization/groups?limit=20&order=asc")
        );
        assert_eq!(req.body, None);

        let req = create(&GroupCreateParams {
            name: "Support Team".into(),
        })
        .unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Post, "/organization/groups")
        );
        assert_eq!(req.body.as_deref(), Some(r#"{"name":"Support Team"}"#));

        let req = retrieve("group_01J1F8ABCDXYZ").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Get, "/organization/groups/group_01J1F8ABCDXYZ")
        );

        let req = update(
            "g/1",
            &GroupUpdateParams {
                name: "Escalations".into(),
            },
        )
        .unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Post, "/organization/groups/g%2F1")
        );
        assert_eq!(req.body.as_deref(), Some(r#"{"name":"Escalations"}"#));

        let req = delete("g 1").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Delete, "/organization/groups/g%201")
        );
    }

    #[test]
    fn bad_arguments_are_rejected_by_name() {
        assert_eq!(retrieve("").unwrap_err().param(), Some("group_id"));
        assert_eq!(
            create(&GroupCreateParams {
                name: String::new()
            })
            .unwrap_err()
            .param(),
            Some("name")
        );
        let long = GroupUpdateParams {
            name: "x".repeat(256),
        };
        assert_eq!(update("g", &long).unwrap_err().param(), Some("name"));
        assert!(create(&GroupCreateParams {
            name: "x".repeat(255)
        })
        .is_ok());
        assert_eq!(update("", &long).unwrap_err().param(), Some("group_id"));
    }

    #[test]
    fn spec_examples_parse() {
        let list: GroupList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"group_01J1F8ABCDXYZ","name":"Support Team","created_at":1711471533,"is_scim_managed":false,"group_type":"group"},{"id":"group_01J1F8PQRMNO","name":"Sales","created_at":1711472599,"is_scim_managed":true,"group_type":"tenant_group","unknown":1}],"has_more":true,"next":"group_01J1F8PQRMNO"}"#,
        )
        .unwrap();
        assert_eq!(list.data[1].group_type, GroupType::TenantGroup);
        assert_eq!(next_after(&list).as_deref(), Some("group_01J1F8PQRMNO"));

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
        assert_eq!(next_after(&list), None);
    }

    #[test]
    fn an_unknown_group_type_is_a_decode_error_naming_the_field() {
        let err = parse_response::<Group>(
            200,
            None,
            r#"{"id":"g","name":"n","created_at":1,"is_scim_managed":false,"group_type":"team"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("group_type"), "{err}");
    }
}
