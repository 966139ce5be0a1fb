//! Members of a group: `/organization/groups/{group_id}/users` and
//! `/organization/groups/{group_id}/users/{user_id}`.
//!
//! | method | route | builder |
//! | --- | --- | --- |
//! | `groups.users.list(groupID, params?)` | `GET /organization/groups/{group_id}/users` | [`list`] |
//! | `groups.users.create(groupID, body)` | `POST /organization/groups/{group_id}/users` | [`create`] |
//! | `groups.users.retrieve(userID, { group_id })` | `GET /organization/groups/{group_id}/users/{user_id}` | [`retrieve`] |
//! | `groups.users.delete(userID, { group_id })` | `DELETE /organization/groups/{group_id}/users/{user_id}` | [`delete`] |
//!
//! The builders take their path parameters in URL order: the group first, then the user.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::error::Error;
use crate::groups::group_path;
use crate::pagination::Page;
use crate::params::ListParams;
use crate::request::{path_param, ApiRequest, JsonObject, Method, ToJson};
use crate::schema::Model;

/// A member of a group, as listed (`GroupUser` in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct OrganizationGroupUser {
    /// The identifier, which can be referenced in API endpoints.
    pub id: String,
    /// The name of the user.
    pub name: String,
    /// The email address of the user.
    #[serde(default)]
    pub email: Option<String>,
}

/// A page of group members (`UserListResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
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
}

impl Page for GroupUserList {
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

/// Confirmation of a user added to a group (`GroupUserAssignment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupUserCreateResponse {
    /// Always `group.user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier of the user that was added.
    pub user_id: String,
    /// Identifier of the group the user was added to.
    pub group_id: String,
}

/// Whether a group member is an ordinary user or a tenant user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
#[serde(rename_all = "snake_case")]
pub enum GroupUserType {
    /// An ordinary user.
    User,
    /// A tenant user.
    TenantUser,
}

/// One member of a group, looked up by id (`GroupMemberUser`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
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
}

/// Confirmation of a user removed from a group (`GroupUserDeletedResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupUserDeleteResponse {
    /// Always `group.user.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Whether the group membership was removed.
    pub deleted: bool,
}

/// Body of `groups.users.create` (`CreateGroupUserBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct GroupUserCreateParams {
    /// Identifier of the user to add to the group.
    pub user_id: String,
}

/// Query of `groups.users.list`.
pub type GroupUserListParams = ListParams;

/// `GET /organization/groups/{group_id}/users`
pub fn list(group_id: &str, params: &GroupUserListParams) -> Result<ApiRequest, Error> {
    let mut request = ApiRequest::new(Method::Get, users_path(group_id)?);
    params.apply(&mut request)?;
    Ok(request)
}

/// `POST /organization/groups/{group_id}/users`
pub fn create(group_id: &str, body: &GroupUserCreateParams) -> Result<ApiRequest, Error> {
    let path = users_path(group_id)?;
    if body.user_id.is_empty() {
        return Err(Error::invalid(
            "user_id",
            "`user_id` must be a non-empty string",
        ));
    }
    ApiRequest::new(Method::Post, path).with_json(body)
}

/// `GET /organization/groups/{group_id}/users/{user_id}`
pub fn retrieve(group_id: &str, user_id: &str) -> Result<ApiRequest, Error> {
    Ok(ApiRequest::new(
        Method::Get,
        member_path(group_id, user_id)?,
    ))
}

/// `DELETE /organization/groups/{group_id}/users/{user_id}`
pub fn delete(group_id: &str, user_id: &str) -> Result<ApiRequest, Error> {
    Ok(ApiRequest::new(
        Method::Delete,
        member_path(group_id, user_id)?,
    ))
}

/// `/organization/groups/{group_id}/users`, with the id checked and encoded.
fn users_path(group_id: &str) -> Result<String, Error> {
    Ok(format!("{}/users", group_path(group_id)?))
}

/// `/organization/groups/{group_id}/users/{user_id}`, with both ids checked and encoded.
fn member_path(group_id: &str, user_id: &str) -> Result<String, Error> {
    let users = users_path(group_id)?;
    Ok(format!("{users}/{}", path_param("user_id", user_id)?))
}

impl ToJson for GroupUserCreateParams {
    fn to_json(&self) -> String {
        JsonObject::default()
            .string("user_id", &self.user_id)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pagination::next_after;
    use crate::params::{from_json, Order};
    use crate::response::parse_response;

    #[test]
    fn builders_produce_the_routes() {
        let req = list(
            "group_01J1F8ABCDXYZ",
            &ListParams {
                limit: Some(20),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            (req.method, req.path_and_query().as_str()),
            (
                Method::Get,
                "/organization/groups/group_01J1F8ABCDXYZ/users?limit=20"
            )
        );
        assert_eq!(req.body, None);
        let req = list(
            "g/1",
            &ListParams {
                after: Some("user abc".into()),
                limit: None,
                order: Some(Order::Asc),
            },
        )
        .unwrap();
        assert_eq!(
            req.path_and_query(),
            "/organization/groups/g%2F1/users?after=user%20abc&order=asc"
        );

        let body = GroupUserCreateParams {
            user_id: "user_abc123".into(),
        };
        let req = create("g#1", &body).unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Post, "/organization/groups/g%231/users")
        );
        assert_eq!(req.body.as_deref(), Some(r#"{"user_id":"user_abc123"}"#));

        let req = retrieve("group_01J1F8ABCDXYZ", "user_abc123").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (
                Method::Get,
                "/organization/groups/group_01J1F8ABCDXYZ/users/user_abc123"
            )
        );

        let req = delete("g 1", "u/../x").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (
                Method::Delete,
                "/organization/groups/g%201/users/u%2F..%2Fx"
            )
        );
        assert_eq!(req.body, None);
    }

    #[test]
    fn bad_arguments_are_rejected_by_name() {
        let params = ListParams::default();
        assert_eq!(list("", &params).unwrap_err().param(), Some("group_id"));
        let too_many = ListParams {
            limit: Some(1001),
            ..Default::default()
        };
        assert_eq!(list("g", &too_many).unwrap_err().param(), Some("limit"));
        let empty = GroupUserCreateParams {
            user_id: String::new(),
        };
        let err = create("g", &empty).unwrap_err();
        assert_eq!(err.param(), Some("user_id"));
        assert!(err.to_string().contains("user_id"), "{err}");
        assert_eq!(create("", &empty).unwrap_err().param(), Some("group_id"));
        assert_eq!(retrieve("", "u").unwrap_err().param(), Some("group_id"));
        assert_eq!(retrieve("g", "").unwrap_err().param(), Some("user_id"));
        assert_eq!(delete(".", "u").unwrap_err().param(), Some("group_id"));
        assert_eq!(delete("g", "..").unwrap_err().param(), Some("user_id"));
        let err = from_json::<GroupUserCreateParams>("body", "{}").unwrap_err();
        assert_eq!(err.param(), Some("user_id"));
        // Unknown fields are sent as given.
        assert!(
            from_json::<GroupUserCreateParams>("body", r#"{"user_id":"u","role":"x"}"#).is_ok()
        );
    }

    #[test]
    fn spec_examples_parse() {
        let list: GroupUserList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"user_abc123","name":"Ada Lovelace","email":"ada@example.com"}],"has_more":false,"next":null}"#,
        )
        .unwrap();
        assert_eq!(list.data[0].email.as_deref(), Some("ada@example.com"));
        assert_eq!(next_after(&list), None);

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
        assert_eq!(next_after(&list).as_deref(), Some("u1"));
        let last: GroupUserList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"u2","name":"b","email":null}],"has_more":false,"next":"u2"}"#,
        )
        .unwrap();
        assert_eq!(next_after(&last), None);
    }

    #[test]
    fn wrong_types_are_decode_errors_naming_the_field() {
        let err = parse_response::<GroupUserRetrieveResponse>(
            200,
            None,
            r#"{"id":"u","name":"n","email":null,"picture":null,"is_service_account":null,"user_type":"robot"}"#,
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
