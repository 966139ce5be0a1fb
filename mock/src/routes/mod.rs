//! The HTTP routes: one module per resource, nested like the URL, plus the `/__mock` controls.

pub mod control;
pub mod extract;
mod groups;
mod groups_roles;
mod groups_users;
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

/// The 26 operations of the Admin API subset, mounted under `/v1`.
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
}
