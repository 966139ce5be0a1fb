//! The HTTP routes: one module per resource, nested like the URL, plus the `/__mock` controls.

pub mod control;
pub mod extract;
mod groups;
mod groups_roles;
mod groups_users;
mod projects;
mod projects_assignments;
mod projects_groups;
mod projects_roles;
mod projects_users;
mod role_body;
mod roles;
mod users;
mod users_roles;

use std::collections::BTreeMap;

use axum::routing::get;
use axum::Router;

use crate::error::{ApiError, ApiResult};
use crate::state::Shared;

/// The record `id` of `records`, or the API's 404 for a `kind` (`group`, `user`, `role`) of that id.
fn found<'a, T>(records: &'a BTreeMap<String, T>, kind: &str, id: &str) -> ApiResult<&'a T> {
    records.get(id).ok_or_else(|| ApiError::not_found(kind, id))
}

/// [`found`], to change the record.
fn found_mut<'a, T>(
    records: &'a mut BTreeMap<String, T>,
    kind: &str,
    id: &str,
) -> ApiResult<&'a mut T> {
    records
        .get_mut(id)
        .ok_or_else(|| ApiError::not_found(kind, id))
}

/// Current Unix time in seconds (only for records created through the API; seeds are fixed).
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The 53 operations of the Admin API subsets, mounted under `/v1`.
pub fn api() -> Router<Shared> {
    Router::new()
        .route(
            "/organization/groups",
            get(groups::list).post(groups::create),
        )
        .route(
            "/organization/groups/{group_id}",
            get(groups::retrieve)
                .post(groups::update)
                .delete(groups::delete),
        )
        .route(
            "/organization/groups/{group_id}/users",
            get(groups_users::list).post(groups_users::add),
        )
        .route(
            "/organization/groups/{group_id}/users/{user_id}",
            get(groups_users::retrieve).delete(groups_users::remove),
        )
        .route(
            "/organization/groups/{group_id}/roles",
            get(groups_roles::list).post(groups_roles::assign),
        )
        .route(
            "/organization/groups/{group_id}/roles/{role_id}",
            get(groups_roles::retrieve).delete(groups_roles::unassign),
        )
        .route("/organization/roles", get(roles::list).post(roles::create))
        .route(
            "/organization/roles/{role_id}",
            get(roles::retrieve)
                .post(roles::update)
                .delete(roles::delete),
        )
        .route("/organization/users", get(users::list))
        .route(
            "/organization/users/{user_id}",
            get(users::retrieve)
                .post(users::modify)
                .delete(users::delete),
        )
        .route(
            "/organization/users/{user_id}/roles",
            get(users_roles::list).post(users_roles::assign),
        )
        .route(
            "/organization/users/{user_id}/roles/{role_id}",
            get(users_roles::retrieve).delete(users_roles::unassign),
        )
        .merge(project_routes())
}

/// The 27 project operations: projects, their users, groups, roles and role assignments.
fn project_routes() -> Router<Shared> {
    use axum::routing::post;
    use projects_assignments as assignments;
    Router::new()
        .route(
            "/organization/projects",
            get(projects::list).post(projects::create),
        )
        .route(
            "/organization/projects/{project_id}",
            get(projects::retrieve).post(projects::update),
        )
        .route(
            "/organization/projects/{project_id}/archive",
            post(projects::archive),
        )
        .route(
            "/organization/projects/{project_id}/users",
            get(projects_users::list).post(projects_users::create),
        )
        .route(
            "/organization/projects/{project_id}/users/{user_id}",
            get(projects_users::retrieve)
                .post(projects_users::update)
                .delete(projects_users::delete),
        )
        .route(
            "/organization/projects/{project_id}/groups",
            get(projects_groups::list).post(projects_groups::create),
        )
        .route(
            "/organization/projects/{project_id}/groups/{group_id}",
            get(projects_groups::retrieve).delete(projects_groups::delete),
        )
        .route(
            "/projects/{project_id}/roles",
            get(projects_roles::list).post(projects_roles::create),
        )
        .route(
            "/projects/{project_id}/roles/{role_id}",
            get(projects_roles::retrieve)
                .post(projects_roles::update)
                .delete(projects_roles::delete),
        )
        .route(
            "/projects/{project_id}/users/{user_id}/roles",
            get(assignments::user_list).post(assignments::user_assign),
        )
        .route(
            "/projects/{project_id}/users/{user_id}/roles/{role_id}",
            get(assignments::user_retrieve).delete(assignments::user_unassign),
        )
        .route(
            "/projects/{project_id}/groups/{group_id}/roles",
            get(assignments::group_list).post(assignments::group_assign),
        )
        .route(
            "/projects/{project_id}/groups/{group_id}/roles/{role_id}",
            get(assignments::group_retrieve).delete(assignments::group_unassign),
        )
}
