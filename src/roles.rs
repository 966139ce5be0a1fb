//! Organization roles: `/organization/roles` and `/organization/roles/{role_id}`, and the
//! role-assignment models that [`crate::groups::roles`] and [`crate::users::roles`] share.
//!
//! | method | route | builder |
//! | --- | --- | --- |
//! | `roles.list(params?)` | `GET /organization/roles` | [`list`] |
//! | `roles.create(body)` | `POST /organization/roles` | [`create`] |
//! | `roles.retrieve(roleID)` | `GET /organization/roles/{role_id}` | [`retrieve`] |
//! | `roles.update(roleID, body)` | `POST /organization/roles/{role_id}` | [`update`] |
//! | `roles.delete(roleID)` | `DELETE /organization/roles/{role_id}` | [`delete`] |
//!
//! The request bodies name the role `role_name`; the responses call the same value `name`.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::error::Error;
use crate::pagination::Page;
use crate::params::ListParams;
use crate::request::{path_param, ApiRequest, JsonObject, Method, ToJson};
use crate::schema::Model;

/// A role that can be assigned through the Roles API (`Role` in the spec).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
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
}

/// A page of organization roles (`PublicRoleListResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
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
}

impl Page for RoleList {
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

/// Confirmation of a deleted role (`RoleDeletedResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct RoleDeleteResponse {
    /// Always `role.deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// Identifier of the deleted role.
    pub id: String,
    /// Whether the role was deleted.
    pub deleted: bool,
}

/// Body of `roles.create` (`PublicCreateOrganizationRoleBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct RoleCreateParams {
    /// Unique name for the role (answered back as `name`).
    pub role_name: String,
    /// Permissions to grant to the role, e.g. `api.groups.read`.
    pub permissions: Vec<String>,
    /// Optional description of the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string | null")]
    #[model(nullable)]
    pub description: Option<String>,
}

/// Body of `roles.update` (`PublicUpdateOrganizationRoleBody`): only the fields given change.
///
/// A field left out or sent as `null` is left unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct RoleUpdateParams {
    /// New name for the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string | null")]
    #[model(nullable)]
    pub role_name: Option<String>,
    /// Updated set of permissions for the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string[] | null")]
    #[model(nullable)]
    pub permissions: Option<Vec<String>>,
    /// New description for the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string | null")]
    #[model(nullable)]
    pub description: Option<String>,
}

/// Query of `roles.list`.
pub type RoleListParams = ListParams;

/// Where an assigned role comes from (an item of `assignment_sources`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct AssignmentSource {
    /// Identifier of the principal the role is inherited from.
    pub principal_id: String,
    /// Type of that principal, e.g. `group`.
    pub principal_type: String,
}

/// A role as assigned to a group or a user (`AssignedRoleDetails`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify, Model)]
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
    #[tsify(type = "{ [key: string]: unknown } | null")]
    pub created_by_user_obj: Option<serde_json::Map<String, serde_json::Value>>,
    /// Arbitrary metadata stored on the role.
    #[serde(default)]
    #[tsify(type = "{ [key: string]: unknown } | null")]
    pub metadata: Option<serde_json::Map<String, serde_json::Value>>,
    /// Principals from which the role assignment is inherited, when available.
    #[serde(default)]
    pub assignment_sources: Option<Vec<AssignmentSource>>,
}

/// A page of roles assigned to a group or a user (`RoleListResource`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify, Model)]
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
}

impl Page for AssignedRoleList {
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

/// Confirmation of an unassigned role (`DeletedRoleAssignmentResource`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct RoleAssignmentDeleteResponse {
    /// What was deleted: `group.role.deleted` or `user.role.deleted`.
    pub object: String,
    /// Whether the assignment was removed.
    pub deleted: bool,
}

/// `GET /organization/roles`
pub fn list(params: &RoleListParams) -> Result<ApiRequest, Error> {
    let mut request = ApiRequest::new(Method::Get, "/organization/roles".to_owned());
    params.apply(&mut request)?;
    Ok(request)
}

/// `POST /organization/roles`
pub fn create(body: &RoleCreateParams) -> Result<ApiRequest, Error> {
    check_role_name(&body.role_name)?;
    check_permissions(&body.permissions)?;
    ApiRequest::new(Method::Post, "/organization/roles".to_owned()).with_json(body)
}

/// `GET /organization/roles/{role_id}`
pub fn retrieve(role_id: &str) -> Result<ApiRequest, Error> {
    Ok(ApiRequest::new(Method::Get, role_path(role_id)?))
}

/// `POST /organization/roles/{role_id}`
pub fn update(role_id: &str, body: &RoleUpdateParams) -> Result<ApiRequest, Error> {
    let path = role_path(role_id)?;
    if body.role_name.is_none() && body.permissions.is_none() && body.description.is_none() {
        return Err(Error::invalid(
            "body",
            "`body` must set at least one of `role_name`, `permissions` or `description`",
        ));
    }
    if let Some(role_name) = &body.role_name {
        check_role_name(role_name)?;
    }
    if let Some(permissions) = &body.permissions {
        check_permissions(permissions)?;
    }
    ApiRequest::new(Method::Post, path).with_json(body)
}

/// `DELETE /organization/roles/{role_id}`
pub fn delete(role_id: &str) -> Result<ApiRequest, Error> {
    Ok(ApiRequest::new(Method::Delete, role_path(role_id)?))
}

/// `/organization/roles/{role_id}`, with the id checked and encoded.
pub(crate) fn role_path(role_id: &str) -> Result<String, Error> {
    Ok(format!(
        "/organization/roles/{}",
        path_param("role_id", role_id)?
    ))
}

/// Checks that a role name is not empty.
fn check_role_name(role_name: &str) -> Result<(), Error> {
    if role_name.is_empty() {
        return Err(Error::invalid(
            "role_name",
            "`role_name` must be a non-empty string",
        ));
    }
    Ok(())
}

/// Checks that no permission is an empty string.
fn check_permissions(permissions: &[String]) -> Result<(), Error> {
    if let Some(i) = permissions.iter().position(String::is_empty) {
        return Err(Error::invalid(
            "permissions",
            format!("`permissions[{i}]` must be a non-empty string"),
        ));
    }
    Ok(())
}

/// `{ role_id }`: the body that assigns a role to a group or a user
/// (`PublicAssignOrganizationGroupRoleBody`), named `GroupRoleCreateParams` and
/// `UserRoleCreateParams` in TypeScript, as in the official SDK.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct RoleAssignmentParams {
    /// Identifier of the role to assign.
    pub role_id: String,
}

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const ROLE_ASSIGNMENT_PARAMS_NAMES: &str = r#"
/** Body of `groups.roles.create`. */
export type GroupRoleCreateParams = RoleAssignmentParams;
/** Body of `users.roles.create`. */
export type UserRoleCreateParams = RoleAssignmentParams;
"#;

impl ToJson for RoleAssignmentParams {
    fn to_json(&self) -> String {
        JsonObject::default()
            .string("role_id", &self.role_id)
            .finish()
    }
}

/// Requests on the role assignments of a group or a user, below its `…/roles` path: the same
/// four operations for both, so `groups::roles` and `users::roles` share them.
pub(crate) mod assignments {
    use crate::error::Error;
    use crate::params::ListParams;
    use crate::request::{path_param, ApiRequest, Method, ToJson};

    /// `GET {roles_path}`
    pub fn list(roles_path: String, params: &ListParams) -> Result<ApiRequest, Error> {
        let mut request = ApiRequest::new(Method::Get, roles_path);
        params.apply(&mut request)?;
        Ok(request)
    }

    /// `POST {roles_path}` with `{ role_id }`.
    pub fn create(
        roles_path: String,
        role_id: &str,
        body: &impl ToJson,
    ) -> Result<ApiRequest, Error> {
        if role_id.is_empty() {
            return Err(Error::invalid(
                "role_id",
                "`role_id` must be a non-empty string",
            ));
        }
        ApiRequest::new(Method::Post, roles_path).with_json(body)
    }

    /// `GET` or `DELETE {roles_path}/{role_id}`.
    pub fn one(method: Method, roles_path: String, role_id: &str) -> Result<ApiRequest, Error> {
        let path = format!("{roles_path}/{}", path_param("role_id", role_id)?);
        Ok(ApiRequest::new(method, path))
    }
}

impl ToJson for RoleCreateParams {
    fn to_json(&self) -> String {
        JsonObject::default()
            .string("role_name", &self.role_name)
            .opt_strings("permissions", Some(&self.permissions))
            .opt_string("description", self.description.as_deref())
            .finish()
    }
}

impl ToJson for RoleUpdateParams {
    fn to_json(&self) -> String {
        JsonObject::default()
            .opt_string("role_name", self.role_name.as_deref())
            .opt_strings("permissions", self.permissions.as_deref())
            .opt_string("description", self.description.as_deref())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pagination::next_after;
    use crate::params::{from_json, Order};
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

    fn create_body() -> RoleCreateParams {
        RoleCreateParams {
            role_name: "API Group Manager".into(),
            permissions: vec!["api.groups.read".into(), "api.groups.write".into()],
            description: Some("Allows managing organization groups".into()),
        }
    }

    #[test]
    fn builders_produce_the_routes() {
        let req = list(&ListParams {
            after: Some("role_1".into()),
            limit: Some(20),
            order: Some(Order::Desc),
        })
        .unwrap();
        assert_eq!(
            (req.method, req.path_and_query().as_str()),
            (
                Method::Get,
                "/organization/roles?after=role_1&limit=20&order=desc"
            )
        );
        assert_eq!(req.body, None);
        let req = list(&ListParams::default()).unwrap();
        assert_eq!(req.path_and_query(), "/organization/roles");

        let req = create(&create_body()).unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Post, "/organization/roles")
        );
        assert_eq!(
            req.body.as_deref(),
            Some(
                r#"{"role_name":"API Group Manager","permissions":["api.groups.read","api.groups.write"],"description":"Allows managing organization groups"}"#
            )
        );
        let bare = RoleCreateParams {
            description: None,
            permissions: vec![],
            ..create_body()
        };
        assert_eq!(
            create(&bare).unwrap().body.as_deref(),
            Some(r#"{"role_name":"API Group Manager","permissions":[]}"#)
        );

        let req = retrieve("role_01J1F8ROLE01").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Get, "/organization/roles/role_01J1F8ROLE01")
        );

        let body = RoleUpdateParams {
            permissions: Some(vec!["api.groups.read".into()]),
            ..Default::default()
        };
        let req = update("r/1", &body).unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Post, "/organization/roles/r%2F1")
        );
        assert_eq!(
            req.body.as_deref(),
            Some(r#"{"permissions":["api.groups.read"]}"#)
        );

        let req = delete("r 1?").unwrap();
        assert_eq!(
            (req.method, req.path.as_str()),
            (Method::Delete, "/organization/roles/r%201%3F")
        );
        assert_eq!(req.body, None);
    }

    #[test]
    fn null_fields_of_an_update_are_left_out() {
        let parsed: RoleUpdateParams = from_json(
            "body",
            r#"{"role_name":"Readers","permissions":null,"description":null}"#,
        )
        .unwrap();
        assert_eq!(
            update("r", &parsed).unwrap().body.as_deref(),
            Some(r#"{"role_name":"Readers"}"#)
        );
        let nothing: RoleUpdateParams = from_json("body", r#"{"description":null}"#).unwrap();
        assert_eq!(update("r", &nothing).unwrap_err().param(), Some("body"));
    }

    #[test]
    fn bad_arguments_are_rejected_by_name() {
        assert_eq!(retrieve("").unwrap_err().param(), Some("role_id"));
        assert_eq!(delete("..").unwrap_err().param(), Some("role_id"));
        let body = RoleUpdateParams {
            role_name: Some("x".into()),
            ..Default::default()
        };
        assert_eq!(update("", &body).unwrap_err().param(), Some("role_id"));

        let nameless = RoleCreateParams {
            role_name: String::new(),
            ..create_body()
        };
        let err = create(&nameless).unwrap_err();
        assert_eq!(err.param(), Some("role_name"));
        assert!(err.to_string().contains("role_name"), "{err}");
        let blank = RoleCreateParams {
            permissions: vec!["api.groups.read".into(), String::new()],
            ..create_body()
        };
        let err = create(&blank).unwrap_err();
        assert_eq!(err.param(), Some("permissions"));
        assert!(err.to_string().contains("permissions[1]"), "{err}");

        let err = update("r", &RoleUpdateParams::default()).unwrap_err();
        assert_eq!(err.param(), Some("body"));
        assert!(err.to_string().contains("role_name"), "{err}");
        let empty_name = RoleUpdateParams {
            role_name: Some(String::new()),
            ..Default::default()
        };
        assert_eq!(
            update("r", &empty_name).unwrap_err().param(),
            Some("role_name")
        );
        let limit = ListParams {
            limit: Some(1001),
            ..Default::default()
        };
        assert_eq!(list(&limit).unwrap_err().param(), Some("limit"));
    }

    #[test]
    fn json_bodies_are_checked_by_name() {
        let err = from_json::<RoleCreateParams>("body", r#"{"role_name":"x"}"#).unwrap_err();
        assert_eq!(err.param(), Some("permissions"));
        let err =
            from_json::<RoleCreateParams>("body", r#"{"name":"x","permissions":[]}"#).unwrap_err();
        assert_eq!(err.param(), Some("role_name"));
        let err = from_json::<RoleUpdateParams>("body", r#"{"permissions":"all"}"#).unwrap_err();
        assert_eq!(err.param(), Some("permissions"));
        let ok: RoleCreateParams = from_json(
            "body",
            r#"{"role_name":"x","permissions":["a"],"description":null}"#,
        )
        .unwrap();
        assert_eq!(ok.description, None);
    }

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
        assert_eq!(next_after(&list), None);

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
        assert_eq!(next_after(&assigned), None);

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
                principal_type: "group".into()
            }])
        );
        assert_eq!(sourced.metadata.unwrap()["n"], 1);

        let list: RoleList = parse_response(200, None, r#"{"data":[],"has_more":false}"#).unwrap();
        assert_eq!((list.object, list.next), (None, None));
        let list: AssignedRoleList =
            parse_response(200, None, r#"{"data":[],"has_more":true,"next":"r_9"}"#).unwrap();
        assert_eq!(next_after(&list), None);
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
        assert_eq!(next_after(&list).as_deref(), Some("role_01J1F8ROLE01"));
        let assigned: AssignedRoleList = parse_response(
            200,
            None,
            r#"{"object":"list","data":[{"id":"r","name":"n","permissions":[],"resource_type":"t","predefined_role":false}],"has_more":true,"next":"r"}"#,
        )
        .unwrap();
        assert_eq!(next_after(&assigned).as_deref(), Some("r"));
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

        let err = parse_response::<RoleAssignmentDeleteResponse>(200, None, r#"{"deleted":true}"#)
            .unwrap_err();
        assert!(err.to_string().contains("object"), "{err}");
    }

    #[test]
    fn typescript_declarations_type_the_free_form_objects() {
        let decl = <AssignedRoleDetails as Tsify>::DECL;
        assert!(
            decl.contains("created_by_user_obj?: { [key: string]: unknown } | null;"),
            "{decl}"
        );
        assert!(
            decl.contains("metadata?: { [key: string]: unknown } | null;"),
            "{decl}"
        );
        let decl = <RoleUpdateParams as Tsify>::DECL;
        assert!(decl.contains("description?: string | null;"), "{decl}");
    }
}
