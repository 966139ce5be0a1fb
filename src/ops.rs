//! The 53 operations, described once.
//!
//! Each row of [`OPERATIONS`] says everything about one operation: its name (its path below
//! `client.admin.organization`), HTTP method, path template, query or body model, result model,
//! the field holding a list's cursor, and whether it writes. One generic builder, [`build`], turns
//! a row and the caller's arguments into an [`ApiRequest`]; the wasm dispatch, the TypeScript
//! methods, the command line, the server handler's allow-list, the README's operation table and
//! the tests' lists of operations are all read or generated from this table.
//!
//! The arguments follow the official SDK: the *last* path parameter is the first positional
//! argument (`groups.users.retrieve(userID, { group_id })`), the other path parameters travel in
//! the params object, and the rest of that object is the query (reads) or the JSON body (writes).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::params::ListParams;
use crate::request::{push_json_string, push_path_param, ApiRequest, Method};
use crate::schema::{check_request, elements, members, Model, Schema};
use crate::{groups, projects, roles, users};

/// What an operation takes besides its path parameters.
#[derive(Debug, Clone, Copy)]
pub enum Input {
    /// Nothing (path parameters only).
    None,
    /// Query parameters following this model.
    Query(&'static Schema),
    /// A JSON body following this model.
    Body(&'static Schema),
}

/// One operation of the Admin API.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// Its path below `client.admin.organization`, e.g. `groups.users.retrieve`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template below the base URL, e.g. `/organization/groups/{group_id}`.
    pub path: &'static str,
    /// The query or body model.
    pub input: Input,
    /// The model of a successful answer (the page model for lists).
    pub result: &'static Schema,
    /// For lists, the field of a page that holds the next page's `after` cursor.
    pub cursor: Option<&'static str>,
    /// Whether the operation changes anything.
    pub writes: bool,
}

impl Operation {
    /// The path parameters, in URL order.
    pub fn path_params(&self) -> impl Iterator<Item = &'static str> {
        segments(self.path).filter_map(|segment| segment.strip_prefix('{')?.strip_suffix('}'))
    }

    /// The path parameter given as the first positional argument: the last one.
    pub fn positional(&self) -> Option<&'static str> {
        self.path_params().last()
    }
}

/// The `/`-separated pieces of `path` (the first is the empty text before a leading `/`), as
/// `split('/')` gives them, at a fraction of its cost on these short templates (it searches for
/// the character's last byte with `memchr`): every call walks its template twice.
fn segments(path: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = Some(path);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.bytes().position(|b| b == b'/') {
            Some(at) => {
                rest = text.get(at + 1..);
                text.get(..at)
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// `{ group_id }`: the group a group-scoped call refers to (`groups.users.retrieve(userID, { group_id })`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupScopedParams {
    /// The ID of the group.
    pub group_id: String,
}

/// `{ user_id }`: the user a user-scoped call refers to (`users.roles.retrieve(roleID, { user_id })`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserScopedParams {
    /// The ID of the user.
    pub user_id: String,
}

/// TypeScript and documentation facts about an operation, for the generator (native only: the
/// wasm build needs none of it). Same order as [`OPERATIONS`].
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug)]
pub struct OperationDocs {
    /// What it does, as the spec's summary says it.
    pub summary: &'static str,
    /// The official SDK's type of the params argument (below `Organization.`), or `""`.
    pub ts_params: &'static str,
    /// The official type of the result (the page type for lists).
    pub ts_result: &'static str,
    /// For lists, the official type of an item.
    pub ts_item: &'static str,
    /// The descriptions of the query or body model's fields, in schema order.
    pub input_docs: &'static [&'static str],
}

/// The Rust types of an operation (a type of [`endpoints`], one per row): what Rust transports,
/// such as the `openai-admin` crate, are generated from.
pub trait Endpoint {
    /// The row's index in [`OPERATIONS`].
    const INDEX: usize;
    /// The query or body model, or `()` for an operation with path parameters only.
    type Params: Serialize;
    /// The model of a successful answer (the page model for lists, see
    /// [`ListModel`](crate::schema::ListModel)).
    type Output: serde::de::DeserializeOwned;

    /// The row of the table (the same as `OPERATIONS[Self::INDEX]`).
    fn operation() -> &'static Operation {
        &OPERATIONS[Self::INDEX]
    }
}

/// Writes the table from one row per operation:
/// `name => METHOD "path", input [Model], Result, cursor, writes, "summary", ts("Params", "Result"[, "Item"]);`
///
/// The same rows also become the types of [`endpoints`] and the `for_each_operation!` macro
/// (`openai_admin_derive::operation_endpoints!`), from which the Rust client is generated.
macro_rules! operations {
    (@rows $($name:literal => $method:ident $path:literal, $input:ident $($model:ty)?, $result:ty, $cursor:expr, $writes:literal, $summary:literal, ts($ts_params:literal, $ts_result:literal $(, $ts_item:literal)?);)*) => {
        /// Every operation, in the order of the API reference.
        pub static OPERATIONS: &[Operation] = ROWS;

        /// The rows, as a constant: each endpoint's [`Endpoint::operation`] takes its own row
        /// from it, so that a Rust program links only the rows (and schemas) it calls.
        const ROWS: &[Operation] = &[$(Operation {
            name: $name,
            method: Method::$method,
            path: $path,
            input: operations!(@input $input $($model)?),
            result: <$result as Model>::SCHEMA,
            cursor: $cursor,
            writes: $writes,
        }),*];

        /// The generator's facts about each operation, same order as [`OPERATIONS`].
        #[cfg(not(target_arch = "wasm32"))]
        pub static OPERATION_DOCS: &[OperationDocs] = &[$(OperationDocs {
            summary: $summary,
            ts_params: $ts_params,
            ts_result: $ts_result,
            ts_item: operations!(@item $($ts_item)?),
            input_docs: operations!(@docs $($model)?),
        }),*];
    };
    (@input none) => { Input::None };
    (@input query $model:ty) => { Input::Query(<$model as Model>::SCHEMA) };
    (@input body $model:ty) => { Input::Body(<$model as Model>::SCHEMA) };
    (@item) => { "" };
    (@item $item:literal) => { $item };
    (@docs) => { &[] };
    (@docs $model:ty) => { <$model as crate::schema::ModelDocs>::DOCS };
    ($($row:tt)*) => {
        operations!(@rows $($row)*);
        openai_admin_derive::operation_endpoints! { $($row)* }
    };
}

operations! {
    "groups.list" => Get "/organization/groups", query ListParams, groups::GroupList, Some("next"), false,
        "Lists all groups in the organization.",
        ts("Groups.GroupListParams", "Groups.GroupsPage", "Groups.Group");
    "groups.create" => Post "/organization/groups", body groups::GroupCreateParams, groups::Group, None, true,
        "Creates a new group in the organization.",
        ts("Groups.GroupCreateParams", "Groups.Group");
    "groups.retrieve" => Get "/organization/groups/{group_id}", none, groups::Group, None, false,
        "Retrieves a group.",
        ts("", "Groups.Group");
    "groups.update" => Post "/organization/groups/{group_id}", body groups::GroupUpdateParams, groups::GroupUpdateResponse, None, true,
        "Updates a group's information.",
        ts("Groups.GroupUpdateParams", "Groups.GroupUpdateResponse");
    "groups.delete" => Delete "/organization/groups/{group_id}", none, groups::GroupDeleteResponse, None, true,
        "Deletes a group from the organization.",
        ts("", "Groups.GroupDeleteResponse");
    "groups.users.list" => Get "/organization/groups/{group_id}/users", query ListParams, groups::users::GroupUserList, Some("next"), false,
        "Lists the users assigned to a group.",
        ts("Groups.Users.UserListParams", "Groups.Users.OrganizationGroupUsersPage", "Groups.Users.OrganizationGroupUser");
    "groups.users.create" => Post "/organization/groups/{group_id}/users", body groups::users::GroupUserCreateParams, groups::users::GroupUserCreateResponse, None, true,
        "Adds a user to a group.",
        ts("Groups.Users.UserCreateParams", "Groups.Users.UserCreateResponse");
    "groups.users.retrieve" => Get "/organization/groups/{group_id}/users/{user_id}", none, groups::users::GroupUserRetrieveResponse, None, false,
        "Retrieves a user in a group.",
        ts("Groups.Users.UserRetrieveParams", "Groups.Users.UserRetrieveResponse");
    "groups.users.delete" => Delete "/organization/groups/{group_id}/users/{user_id}", none, groups::users::GroupUserDeleteResponse, None, true,
        "Removes a user from a group.",
        ts("Groups.Users.UserDeleteParams", "Groups.Users.UserDeleteResponse");
    "groups.roles.list" => Get "/organization/groups/{group_id}/roles", query ListParams, roles::AssignedRoleList, Some("next"), false,
        "Lists the organization roles assigned to a group within the organization.",
        ts("Groups.Roles.RoleListParams", "Groups.Roles.RoleListResponsesPage", "Groups.Roles.RoleListResponse");
    "groups.roles.create" => Post "/organization/groups/{group_id}/roles", body roles::RoleAssignmentParams, groups::roles::GroupRoleCreateResponse, None, true,
        "Assigns an organization role to a group within the organization.",
        ts("Groups.Roles.RoleCreateParams", "Groups.Roles.RoleCreateResponse");
    "groups.roles.retrieve" => Get "/organization/groups/{group_id}/roles/{role_id}", none, roles::AssignedRoleDetails, None, false,
        "Retrieves an organization role assigned to a group.",
        ts("Groups.Roles.RoleRetrieveParams", "Groups.Roles.RoleRetrieveResponse");
    "groups.roles.delete" => Delete "/organization/groups/{group_id}/roles/{role_id}", none, roles::RoleAssignmentDeleteResponse, None, true,
        "Unassigns an organization role from a group within the organization.",
        ts("Groups.Roles.RoleDeleteParams", "Groups.Roles.RoleDeleteResponse");
    "roles.list" => Get "/organization/roles", query ListParams, roles::RoleList, Some("next"), false,
        "Lists the roles configured for the organization.",
        ts("Roles.RoleListParams", "Roles.RolesPage", "Roles.Role");
    "roles.create" => Post "/organization/roles", body roles::RoleCreateParams, roles::Role, None, true,
        "Creates a custom role for the organization.",
        ts("Roles.RoleCreateParams", "Roles.Role");
    "roles.retrieve" => Get "/organization/roles/{role_id}", none, roles::Role, None, false,
        "Retrieves an organization role.",
        ts("", "Roles.Role");
    "roles.update" => Post "/organization/roles/{role_id}", body roles::RoleUpdateParams, roles::Role, None, true,
        "Updates an existing organization role.",
        ts("Roles.RoleUpdateParams", "Roles.Role");
    "roles.delete" => Delete "/organization/roles/{role_id}", none, roles::RoleDeleteResponse, None, true,
        "Deletes a custom role from the organization.",
        ts("", "Roles.RoleDeleteResponse");
    "users.list" => Get "/organization/users", query users::UserListParams, users::UserList, Some("last_id"), false,
        "Lists all of the users in the organization.",
        ts("Users.UserListParams", "Users.OrganizationUsersPage", "Users.OrganizationUser");
    "users.retrieve" => Get "/organization/users/{user_id}", none, users::OrganizationUser, None, false,
        "Retrieves a user by their identifier.",
        ts("", "Users.OrganizationUser");
    "users.update" => Post "/organization/users/{user_id}", body users::UserUpdateParams, users::OrganizationUser, None, true,
        "Modifies a user's role in the organization.",
        ts("Users.UserUpdateParams", "Users.OrganizationUser");
    "users.delete" => Delete "/organization/users/{user_id}", none, users::UserDeleteResponse, None, true,
        "Deletes a user from the organization.",
        ts("", "Users.UserDeleteResponse");
    "users.roles.list" => Get "/organization/users/{user_id}/roles", query ListParams, roles::AssignedRoleList, Some("next"), false,
        "Lists the organization roles assigned to a user within the organization.",
        ts("Users.Roles.RoleListParams", "Users.Roles.RoleListResponsesPage", "Users.Roles.RoleListResponse");
    "users.roles.create" => Post "/organization/users/{user_id}/roles", body roles::RoleAssignmentParams, users::roles::UserRoleCreateResponse, None, true,
        "Assigns an organization role to a user within the organization.",
        ts("Users.Roles.RoleCreateParams", "Users.Roles.RoleCreateResponse");
    "users.roles.retrieve" => Get "/organization/users/{user_id}/roles/{role_id}", none, roles::AssignedRoleDetails, None, false,
        "Retrieves an organization role assigned to a user.",
        ts("Users.Roles.RoleRetrieveParams", "Users.Roles.RoleRetrieveResponse");
    "users.roles.delete" => Delete "/organization/users/{user_id}/roles/{role_id}", none, roles::RoleAssignmentDeleteResponse, None, true,
        "Unassigns an organization role from a user within the organization.",
        ts("Users.Roles.RoleDeleteParams", "Users.Roles.RoleDeleteResponse");
    "projects.list" => Get "/organization/projects", query projects::ProjectListParams, projects::ProjectList, Some("last_id"), false,
        "Returns a list of projects.",
        ts("Projects.ProjectListParams", "Projects.ProjectsPage", "Projects.Project");
    "projects.create" => Post "/organization/projects", body projects::ProjectCreateParams, projects::Project, None, true,
        "Create a new project in the organization. Projects can be created and archived, but cannot be deleted.",
        ts("Projects.ProjectCreateParams", "Projects.Project");
    "projects.retrieve" => Get "/organization/projects/{project_id}", none, projects::Project, None, false,
        "Retrieves a project.",
        ts("", "Projects.Project");
    "projects.update" => Post "/organization/projects/{project_id}", body projects::ProjectUpdateParams, projects::Project, None, true,
        "Modifies a project in the organization.",
        ts("Projects.ProjectUpdateParams", "Projects.Project");
    "projects.archive" => Post "/organization/projects/{project_id}/archive", none, projects::Project, None, true,
        "Archives a project in the organization. Archived projects cannot be used or updated.",
        ts("", "Projects.Project");
    "projects.users.list" => Get "/organization/projects/{project_id}/users", query projects::users::ProjectUserListParams, projects::users::ProjectUserList, Some("last_id"), false,
        "Returns a list of users in the project.",
        ts("Projects.Users.UserListParams", "Projects.Users.ProjectUsersPage", "Projects.Users.ProjectUser");
    "projects.users.create" => Post "/organization/projects/{project_id}/users", body projects::users::ProjectUserCreateParams, projects::users::ProjectUser, None, true,
        "Adds a user to the project. Users must already be members of the organization to be added to a project.",
        ts("Projects.Users.UserCreateParams", "Projects.Users.ProjectUser");
    "projects.users.retrieve" => Get "/organization/projects/{project_id}/users/{user_id}", none, projects::users::ProjectUser, None, false,
        "Retrieves a user in the project.",
        ts("Projects.Users.UserRetrieveParams", "Projects.Users.ProjectUser");
    "projects.users.update" => Post "/organization/projects/{project_id}/users/{user_id}", body projects::users::ProjectUserUpdateParams, projects::users::ProjectUser, None, true,
        "Modifies a user's role in the project.",
        ts("Projects.Users.UserUpdateParams", "Projects.Users.ProjectUser");
    "projects.users.delete" => Delete "/organization/projects/{project_id}/users/{user_id}", none, projects::users::ProjectUserDeleteResponse, None, true,
        "Deletes a user from the project.",
        ts("Projects.Users.UserDeleteParams", "Projects.Users.UserDeleteResponse");
    "projects.users.roles.list" => Get "/projects/{project_id}/users/{user_id}/roles", query ListParams, roles::AssignedRoleList, Some("next"), false,
        "Lists the project roles assigned to a user within a project.",
        ts("Projects.Users.Roles.RoleListParams", "Projects.Users.Roles.RoleListResponsesPage", "Projects.Users.Roles.RoleListResponse");
    "projects.users.roles.create" => Post "/projects/{project_id}/users/{user_id}/roles", body roles::RoleAssignmentParams, users::roles::UserRoleCreateResponse, None, true,
        "Assigns a project role to a user within a project.",
        ts("Projects.Users.Roles.RoleCreateParams", "Projects.Users.Roles.RoleCreateResponse");
    "projects.users.roles.retrieve" => Get "/projects/{project_id}/users/{user_id}/roles/{role_id}", none, roles::AssignedRoleDetails, None, false,
        "Retrieves a project role assigned to a user.",
        ts("Projects.Users.Roles.RoleRetrieveParams", "Projects.Users.Roles.RoleRetrieveResponse");
    "projects.users.roles.delete" => Delete "/projects/{project_id}/users/{user_id}/roles/{role_id}", none, roles::RoleAssignmentDeleteResponse, None, true,
        "Unassigns a project role from a user within a project.",
        ts("Projects.Users.Roles.RoleDeleteParams", "Projects.Users.Roles.RoleDeleteResponse");
    "projects.groups.list" => Get "/organization/projects/{project_id}/groups", query projects::groups::ProjectGroupListParams, projects::groups::ProjectGroupList, Some("next"), false,
        "Lists the groups that have access to a project.",
        ts("Projects.Groups.GroupListParams", "Projects.Groups.ProjectGroupsPage", "Projects.Groups.ProjectGroup");
    "projects.groups.create" => Post "/organization/projects/{project_id}/groups", body projects::groups::ProjectGroupCreateParams, projects::groups::ProjectGroup, None, true,
        "Grants a group access to a project.",
        ts("Projects.Groups.GroupCreateParams", "Projects.Groups.ProjectGroup");
    "projects.groups.retrieve" => Get "/organization/projects/{project_id}/groups/{group_id}", query projects::groups::ProjectGroupRetrieveParams, projects::groups::ProjectGroup, None, false,
        "Retrieves a project's group.",
        ts("Projects.Groups.GroupRetrieveParams", "Projects.Groups.ProjectGroup");
    "projects.groups.delete" => Delete "/organization/projects/{project_id}/groups/{group_id}", none, projects::groups::ProjectGroupDeleteResponse, None, true,
        "Revokes a group's access to a project.",
        ts("Projects.Groups.GroupDeleteParams", "Projects.Groups.GroupDeleteResponse");
    "projects.groups.roles.list" => Get "/projects/{project_id}/groups/{group_id}/roles", query ListParams, roles::AssignedRoleList, Some("next"), false,
        "Lists the project roles assigned to a group within a project.",
        ts("Projects.Groups.Roles.RoleListParams", "Projects.Groups.Roles.RoleListResponsesPage", "Projects.Groups.Roles.RoleListResponse");
    "projects.groups.roles.create" => Post "/projects/{project_id}/groups/{group_id}/roles", body roles::RoleAssignmentParams, groups::roles::GroupRoleCreateResponse, None, true,
        "Assigns a project role to a group within a project.",
        ts("Projects.Groups.Roles.RoleCreateParams", "Projects.Groups.Roles.RoleCreateResponse");
    "projects.groups.roles.retrieve" => Get "/projects/{project_id}/groups/{group_id}/roles/{role_id}", none, roles::AssignedRoleDetails, None, false,
        "Retrieves a project role assigned to a group.",
        ts("Projects.Groups.Roles.RoleRetrieveParams", "Projects.Groups.Roles.RoleRetrieveResponse");
    "projects.groups.roles.delete" => Delete "/projects/{project_id}/groups/{group_id}/roles/{role_id}", none, roles::RoleAssignmentDeleteResponse, None, true,
        "Unassigns a project role from a group within a project.",
        ts("Projects.Groups.Roles.RoleDeleteParams", "Projects.Groups.Roles.RoleDeleteResponse");
    "projects.roles.list" => Get "/projects/{project_id}/roles", query ListParams, roles::RoleList, Some("next"), false,
        "Lists the roles configured for a project.",
        ts("Projects.Roles.RoleListParams", "Roles.RolesPage", "Roles.Role");
    "projects.roles.create" => Post "/projects/{project_id}/roles", body roles::RoleCreateParams, roles::Role, None, true,
        "Creates a custom role for a project.",
        ts("Projects.Roles.RoleCreateParams", "Roles.Role");
    "projects.roles.retrieve" => Get "/projects/{project_id}/roles/{role_id}", none, roles::Role, None, false,
        "Retrieves a project role.",
        ts("Projects.Roles.RoleRetrieveParams", "Roles.Role");
    "projects.roles.update" => Post "/projects/{project_id}/roles/{role_id}", body roles::RoleUpdateParams, roles::Role, None, true,
        "Updates an existing project role.",
        ts("Projects.Roles.RoleUpdateParams", "Roles.Role");
    "projects.roles.delete" => Delete "/projects/{project_id}/roles/{role_id}", none, roles::RoleDeleteResponse, None, true,
        "Deletes a custom role from a project.",
        ts("Projects.Roles.RoleDeleteParams", "Projects.Roles.RoleDeleteResponse");
}

/// The operation called `name`.
pub fn find(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

/// The `after` of the page that follows a page of list `op`, or `None` when the list ends there,
/// for Rust transports (the package's page classes in `pkg-template/src/pagination.ts` decide the
/// same for JavaScript callers, and `client/tests/pages.rs` holds the two to the same pages):
/// a page whose `has_more` is not `true` ends the list; a list paged by `last_id` (the
/// organization users list, `ConversationCursorPage`) also ends on an empty page; otherwise a
/// non-empty cursor continues, even after an empty page.
pub fn next_after<'a>(
    op: &Operation,
    has_more: bool,
    items: usize,
    cursor: Option<&'a str>,
) -> Option<&'a str> {
    if !has_more || (op.cursor == Some("last_id") && items == 0) {
        return None;
    }
    cursor.filter(|cursor| !cursor.is_empty())
}

/// Builds the request of `op` from the caller's arguments: `id` (the positional path parameter)
/// and `params`, the JSON text of the params object (`None` when it was left out).
///
/// Refuses, before anything is sent, only what cannot succeed: an id that is missing, empty or
/// not one path segment, and params that break the model's schema (a wrong JSON type, a missing
/// required field, a number or length outside the schema's bounds). Everything else is sent as
/// given: values outside an enum, unknown fields, `null`, empty bodies.
pub fn build(op: &Operation, id: Option<&str>, params: Option<&str>) -> Result<ApiRequest, Error> {
    let arg = match op.input {
        Input::Body(_) => "body",
        _ => "params",
    };
    let members = match params {
        Some(text) => Some(
            members(text)
                .ok_or_else(|| Error::invalid(arg, format!("`{arg}` must be an object")))?,
        ),
        None => None,
    };
    let member = |name: &str| {
        members
            .as_ref()
            .and_then(|m| m.iter().rev().find(|(key, _)| key == name))
            .map(|(_, raw)| *raw)
    };

    let positional = op.positional();
    let mut path = String::with_capacity(op.path.len() + 32);
    // The template starts with `/`: the first split piece is the empty text before it.
    for segment in segments(op.path).skip(1) {
        path.push('/');
        let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
            path.push_str(segment);
            continue;
        };
        let value = if Some(name) == positional {
            id.map(Cow::Borrowed)
        } else {
            match member(name) {
                Some(raw) => Some(Cow::Owned(json_string(raw).ok_or_else(|| {
                    Error::invalid(name, format!("`{name}` must be a string"))
                })?)),
                None => None,
            }
        };
        let value = value.ok_or_else(|| Error::invalid(name, format!("`{name}` is required")))?;
        push_path_param(&mut path, name, &value)?;
    }

    // The path parameters that travel in the params object are taken out of it, as the official
    // SDK takes them out (`const { project_id, ...body } = params`); the positional one is not
    // there, and a member of that name is the caller's, sent as given.
    let in_params = |key: &str| op.path_params().any(|p| p == key && Some(p) != positional);
    let mut request = ApiRequest::new(op.method, path);
    match op.input {
        Input::None => {}
        Input::Query(schema) => {
            if let Some(text) = params {
                check(schema, text, arg)?;
                for (key, raw) in members.iter().flatten() {
                    if !in_params(key) {
                        push_query(&mut request.query, key, raw);
                    }
                }
            }
        }
        Input::Body(schema) => {
            let body = match (params, &members) {
                (Some(_), Some(members)) if members.iter().any(|(key, _)| in_params(key)) => {
                    Some(without(members, in_params))
                }
                _ => params.map(str::to_owned),
            };
            // Left out, the body must still be able to succeed; then, as the official SDK does,
            // no body is sent.
            check(schema, body.as_deref().unwrap_or("{}"), arg)?;
            request.body = body;
        }
    }
    Ok(request)
}

/// The JSON object of `members` without those `drop` names, written as `JSON.stringify` writes
/// the rest of an object (the values as given, the keys quoted again, as both it and serde_json
/// quote them).
fn without(members: &[(std::borrow::Cow<'_, str>, &str)], drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::from("{");
    for (key, raw) in members.iter().filter(|(key, _)| !drop(key)) {
        if out.len() > 1 {
            out.push(',');
        }
        push_json_string(&mut out, key);
        out.push(':');
        out.push_str(raw.trim());
    }
    out.push('}');
    out
}

/// Runs the careful writer's check, naming the field at fault.
fn check(schema: &'static Schema, text: &str, arg: &str) -> Result<(), Error> {
    check_request(schema, text).map_err(|invalid| {
        let param = invalid.field().unwrap_or(arg).to_owned();
        Error::invalid(param, format!("Invalid {arg}: {invalid}"))
    })
}

/// Adds one member of a query object, as the official SDK's `qs` (brackets format) writes it:
/// arrays as repeated `key[]`, objects as `key[sub]`, `null` as an empty value (`undefined` never
/// reaches here: `JSON.stringify` leaves it out).
pub fn push_query(query: &mut Vec<(String, String)>, key: &str, raw: &str) {
    let raw = raw.trim();
    match raw.as_bytes().first() {
        Some(b'[') => {
            if let Some(items) = elements(raw) {
                let key = format!("{key}[]");
                for item in items {
                    push_query(query, &key, item);
                }
            }
        }
        Some(b'{') => {
            for (sub, value) in members(raw).into_iter().flatten() {
                push_query(query, &format!("{key}[{sub}]"), value);
            }
        }
        None => {}
        Some(b'n') => query.push((key.to_owned(), String::new())),
        Some(b'"') => {
            if let Some(text) = json_string(raw) {
                query.push((key.to_owned(), text));
            }
        }
        Some(_) => query.push((key.to_owned(), raw.to_owned())),
    }
}

/// The value of a raw JSON string literal, unescaped; `None` for any other JSON value.
fn json_string(raw: &str) -> Option<String> {
    // Read as the key of a one-member object: `members` unescapes keys.
    let wrapped = format!("{{{}:0}}", raw.trim());
    Some(members(&wrapped)?.into_iter().next()?.0.into_owned())
}

#[cfg(test)]
mod tests;
