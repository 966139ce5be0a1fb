//! One function per operation, all reached through the single `call` export. Each parses its
//! arguments (rejecting bad ones before any request), builds the request with the core and runs
//! it; lists also return the next page's cursor. (The functions are public so the
//! `wasm-bindgen-test` suites can call them directly.)
//!
//! Path parameters come first, in URL order; the package entry point maps the official SDK's
//! argument order (`groups.users.retrieve(userID, { group_id })`) onto them.

use js_sys::{Object, Promise};
use serde::Deserialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use super::convert::{error_to_js, optional_arg, required_arg, set, string_arg};
use super::transport::{call, Expect};
use super::WasmClient;
use crate::config::CallOptions;
use crate::error::Error;
use crate::request::ApiRequest;
use crate::schema::{Field, FromMembers, Members, Model, Schema, Ty};
use crate::{groups, roles, users};

/// The one export behind every method: `op` names the operation (`groupsList`, …), `first` and
/// `second` are its arguments in the order of the functions below (ids first, in URL order).
///
/// One dispatching export instead of 26 keeps the wasm small: each export costs its own shim.
#[wasm_bindgen(js_name = call)]
pub fn call_op(
    client: &WasmClient,
    op: &str,
    first: JsValue,
    second: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let (a, b, o, s) = (first, second, options, signal);
    match op {
        "groupsList" => groups_list(client, a, o, s),
        "groupsCreate" => groups_create(client, a, o, s),
        "groupsRetrieve" => groups_retrieve(client, a, o, s),
        "groupsUpdate" => groups_update(client, a, b, o, s),
        "groupsDelete" => groups_delete(client, a, o, s),
        "groupUsersList" => group_users_list(client, a, b, o, s),
        "groupUsersCreate" => group_users_create(client, a, b, o, s),
        "groupUsersRetrieve" => group_users_retrieve(client, a, b, o, s),
        "groupUsersDelete" => group_users_delete(client, a, b, o, s),
        "groupRolesList" => group_roles_list(client, a, b, o, s),
        "groupRolesCreate" => group_roles_create(client, a, b, o, s),
        "groupRolesRetrieve" => group_roles_retrieve(client, a, b, o, s),
        "groupRolesDelete" => group_roles_delete(client, a, b, o, s),
        "rolesList" => roles_list(client, a, o, s),
        "rolesCreate" => roles_create(client, a, o, s),
        "rolesRetrieve" => roles_retrieve(client, a, o, s),
        "rolesUpdate" => roles_update(client, a, b, o, s),
        "rolesDelete" => roles_delete(client, a, o, s),
        "usersList" => users_list(client, a, o, s),
        "usersRetrieve" => users_retrieve(client, a, o, s),
        "usersUpdate" => users_update(client, a, b, o, s),
        "usersDelete" => users_delete(client, a, o, s),
        "userRolesList" => user_roles_list(client, a, b, o, s),
        "userRolesCreate" => user_roles_create(client, a, b, o, s),
        "userRolesRetrieve" => user_roles_retrieve(client, a, b, o, s),
        "userRolesDelete" => user_roles_delete(client, a, b, o, s),
        _ => Promise::reject(&error_to_js(
            &Error::invalid("op", format!("unknown operation `{op}`")),
            None,
        )),
    }
}

/// Runs a call whose result is one object of model `T`.
fn one<T: Model>(
    client: &WasmClient,
    request: Result<ApiRequest, Error>,
    options: &JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    run(
        client,
        request,
        options,
        signal,
        Expect {
            schema: T::SCHEMA,
            cursor: None,
        },
    )
}

/// Runs a list call; resolves to `{ page, nextAfter }`. `cursor` names the field holding the
/// next page's cursor (`next`, or `last_id` for the users list).
fn page<T: Model>(
    client: &WasmClient,
    request: Result<ApiRequest, Error>,
    options: &JsValue,
    signal: Option<AbortSignal>,
    cursor: &'static str,
) -> Promise {
    run(
        client,
        request,
        options,
        signal,
        Expect {
            schema: T::SCHEMA,
            cursor: Some(cursor),
        },
    )
}

fn run(
    client: &WasmClient,
    request: Result<ApiRequest, Error>,
    options: &JsValue,
    signal: Option<AbortSignal>,
    expect: Expect,
) -> Promise {
    let inner = client.inner.clone();
    let options = optional_arg::<CallOptions>("options", options);
    future_to_promise(async move {
        let request = request.map_err(|e| error_to_js(&e, None))?;
        let options = options.map_err(|e| error_to_js(&e, None))?;
        let is_page = expect.cursor.is_some();
        let (body, next) = call(&inner, request, options, signal, expect)
            .await
            .map_err(|failure| failure.into_js())?;
        if !is_page {
            return Ok(body);
        }
        let out = Object::new();
        set(&out, "page", &body);
        set(
            &out,
            "nextAfter",
            &next.map(JsValue::from).unwrap_or(JsValue::NULL),
        );
        Ok(out.into())
    })
}

/// Reads a string id argument, then builds a request from it.
fn with_id(
    name: &'static str,
    id: &JsValue,
    build: impl FnOnce(&str) -> Result<ApiRequest, Error>,
) -> Result<ApiRequest, Error> {
    build(&string_arg(name, id)?)
}

// --- groups -----------------------------------------------------------------------------------

/// `GET /organization/groups`
pub fn groups_list(
    client: &WasmClient,
    params: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = optional_arg("params", &params).and_then(|p| groups::list(&p));
    page::<groups::GroupList>(client, request, &options, signal, "next")
}

/// `POST /organization/groups`
pub fn groups_create(
    client: &WasmClient,
    body: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = required_arg("body", &body).and_then(|b| groups::create(&b));
    one::<groups::Group>(client, request, &options, signal)
}

/// `GET /organization/groups/{group_id}`
pub fn groups_retrieve(
    client: &WasmClient,
    group_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("group_id", &group_id, groups::retrieve);
    one::<groups::Group>(client, request, &options, signal)
}

/// `POST /organization/groups/{group_id}`
pub fn groups_update(
    client: &WasmClient,
    group_id: JsValue,
    body: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("group_id", &group_id, |id| {
        groups::update(id, &required_arg("body", &body)?)
    });
    one::<groups::GroupUpdateResponse>(client, request, &options, signal)
}

/// `DELETE /organization/groups/{group_id}`
pub fn groups_delete(
    client: &WasmClient,
    group_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("group_id", &group_id, groups::delete);
    one::<groups::GroupDeleteResponse>(client, request, &options, signal)
}

// --- groups/users -----------------------------------------------------------------------------

/// `{ group_id }`: the group that a group-scoped call refers to.
#[derive(Debug, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct GroupScopedParams {
    /// The group's id.
    pub group_id: String,
}

/// `{ user_id }`: the user that a user-scoped call refers to.
#[derive(Debug, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct UserScopedParams {
    /// The user's id.
    pub user_id: String,
}

impl Model for GroupScopedParams {
    const SCHEMA: &'static Schema = &Schema {
        name: "GroupScopedParams",
        fields: &[Field::new("group_id", Ty::Str)],
        strict: true,
    };
}

impl FromMembers for GroupScopedParams {
    fn from_members(m: &Members<'_>) -> Self {
        GroupScopedParams {
            group_id: m.string("group_id").unwrap_or_default(),
        }
    }
}

impl Model for UserScopedParams {
    const SCHEMA: &'static Schema = &Schema {
        name: "UserScopedParams",
        fields: &[Field::new("user_id", Ty::Str)],
        strict: true,
    };
}

impl FromMembers for UserScopedParams {
    fn from_members(m: &Members<'_>) -> Self {
        UserScopedParams {
            user_id: m.string("user_id").unwrap_or_default(),
        }
    }
}

/// `GET /organization/groups/{group_id}/users`
pub fn group_users_list(
    client: &WasmClient,
    group_id: JsValue,
    params: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("group_id", &group_id, |id| {
        groups::users::list(id, &optional_arg("params", &params)?)
    });
    page::<groups::users::GroupUserList>(client, request, &options, signal, "next")
}

/// `POST /organization/groups/{group_id}/users`
pub fn group_users_create(
    client: &WasmClient,
    group_id: JsValue,
    body: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("group_id", &group_id, |id| {
        groups::users::create(id, &required_arg("body", &body)?)
    });
    one::<groups::users::GroupUserCreateResponse>(client, request, &options, signal)
}

/// `GET /organization/groups/{group_id}/users/{user_id}`
pub fn group_users_retrieve(
    client: &WasmClient,
    scope: JsValue,
    user_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = in_group(&scope, "user_id", &user_id, groups::users::retrieve);
    one::<groups::users::GroupUserRetrieveResponse>(client, request, &options, signal)
}

/// `DELETE /organization/groups/{group_id}/users/{user_id}`
pub fn group_users_delete(
    client: &WasmClient,
    scope: JsValue,
    user_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = in_group(&scope, "user_id", &user_id, groups::users::delete);
    one::<groups::users::GroupUserDeleteResponse>(client, request, &options, signal)
}

/// Reads `{ group_id }` and a second id, then builds a request from both (URL order).
fn in_group(
    scope: &JsValue,
    name: &'static str,
    id: &JsValue,
    build: impl FnOnce(&str, &str) -> Result<ApiRequest, Error>,
) -> Result<ApiRequest, Error> {
    let scope: GroupScopedParams = required_arg("params", scope)?;
    build(&scope.group_id, &string_arg(name, id)?)
}

/// Reads `{ user_id }` and a role id, then builds a request from both (URL order).
fn in_user(
    scope: &JsValue,
    role_id: &JsValue,
    build: impl FnOnce(&str, &str) -> Result<ApiRequest, Error>,
) -> Result<ApiRequest, Error> {
    let scope: UserScopedParams = required_arg("params", scope)?;
    build(&scope.user_id, &string_arg("role_id", role_id)?)
}

// --- groups/roles -----------------------------------------------------------------------------

/// `GET /organization/groups/{group_id}/roles`
pub fn group_roles_list(
    client: &WasmClient,
    group_id: JsValue,
    params: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("group_id", &group_id, |id| {
        groups::roles::list(id, &optional_arg("params", &params)?)
    });
    page::<roles::AssignedRoleList>(client, request, &options, signal, "next")
}

/// `POST /organization/groups/{group_id}/roles`
pub fn group_roles_create(
    client: &WasmClient,
    group_id: JsValue,
    body: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("group_id", &group_id, |id| {
        groups::roles::create(id, &required_arg("body", &body)?)
    });
    one::<groups::roles::GroupRoleCreateResponse>(client, request, &options, signal)
}

/// `GET /organization/groups/{group_id}/roles/{role_id}`
pub fn group_roles_retrieve(
    client: &WasmClient,
    scope: JsValue,
    role_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = in_group(&scope, "role_id", &role_id, groups::roles::retrieve);
    one::<roles::AssignedRoleDetails>(client, request, &options, signal)
}

/// `DELETE /organization/groups/{group_id}/roles/{role_id}`
pub fn group_roles_delete(
    client: &WasmClient,
    scope: JsValue,
    role_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = in_group(&scope, "role_id", &role_id, groups::roles::delete);
    one::<roles::RoleAssignmentDeleteResponse>(client, request, &options, signal)
}

// --- roles ------------------------------------------------------------------------------------

/// `GET /organization/roles`
pub fn roles_list(
    client: &WasmClient,
    params: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = optional_arg("params", &params).and_then(|p| roles::list(&p));
    page::<roles::RoleList>(client, request, &options, signal, "next")
}

/// `POST /organization/roles`
pub fn roles_create(
    client: &WasmClient,
    body: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = required_arg("body", &body).and_then(|b| roles::create(&b));
    one::<roles::Role>(client, request, &options, signal)
}

/// `GET /organization/roles/{role_id}`
pub fn roles_retrieve(
    client: &WasmClient,
    role_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("role_id", &role_id, roles::retrieve);
    one::<roles::Role>(client, request, &options, signal)
}

/// `POST /organization/roles/{role_id}`
pub fn roles_update(
    client: &WasmClient,
    role_id: JsValue,
    body: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("role_id", &role_id, |id| {
        roles::update(id, &required_arg("body", &body)?)
    });
    one::<roles::Role>(client, request, &options, signal)
}

/// `DELETE /organization/roles/{role_id}`
pub fn roles_delete(
    client: &WasmClient,
    role_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("role_id", &role_id, roles::delete);
    one::<roles::RoleDeleteResponse>(client, request, &options, signal)
}

// --- users ------------------------------------------------------------------------------------

/// `GET /organization/users`
pub fn users_list(
    client: &WasmClient,
    params: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = optional_arg("params", &params).and_then(|p| users::list(&p));
    page::<users::UserList>(client, request, &options, signal, "last_id")
}

/// `GET /organization/users/{user_id}`
pub fn users_retrieve(
    client: &WasmClient,
    user_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("user_id", &user_id, users::retrieve);
    one::<users::OrganizationUser>(client, request, &options, signal)
}

/// `POST /organization/users/{user_id}`
pub fn users_update(
    client: &WasmClient,
    user_id: JsValue,
    body: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("user_id", &user_id, |id| {
        users::update(id, &required_arg("body", &body)?)
    });
    one::<users::OrganizationUser>(client, request, &options, signal)
}

/// `DELETE /organization/users/{user_id}`
pub fn users_delete(
    client: &WasmClient,
    user_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("user_id", &user_id, users::delete);
    one::<users::UserDeleteResponse>(client, request, &options, signal)
}

// --- users/roles ------------------------------------------------------------------------------

/// `GET /organization/users/{user_id}/roles`
pub fn user_roles_list(
    client: &WasmClient,
    user_id: JsValue,
    params: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("user_id", &user_id, |id| {
        users::roles::list(id, &optional_arg("params", &params)?)
    });
    page::<roles::AssignedRoleList>(client, request, &options, signal, "next")
}

/// `POST /organization/users/{user_id}/roles`
pub fn user_roles_create(
    client: &WasmClient,
    user_id: JsValue,
    body: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = with_id("user_id", &user_id, |id| {
        users::roles::create(id, &required_arg("body", &body)?)
    });
    one::<users::roles::UserRoleCreateResponse>(client, request, &options, signal)
}

/// `GET /organization/users/{user_id}/roles/{role_id}`
pub fn user_roles_retrieve(
    client: &WasmClient,
    scope: JsValue,
    role_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = in_user(&scope, &role_id, users::roles::retrieve);
    one::<roles::AssignedRoleDetails>(client, request, &options, signal)
}

/// `DELETE /organization/users/{user_id}/roles/{role_id}`
pub fn user_roles_delete(
    client: &WasmClient,
    scope: JsValue,
    role_id: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let request = in_user(&scope, &role_id, users::roles::delete);
    one::<roles::RoleAssignmentDeleteResponse>(client, request, &options, signal)
}
