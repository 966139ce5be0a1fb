//! `/organization/groups/{group_id}/users` and `/organization/groups/{group_id}/users/{user_id}`.

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::extract::{Body, Ids, Params};
use super::found;
use crate::error::{ApiError, ApiResult};
use crate::render;
use crate::state::Shared;
use crate::store::known_after;
use crate::store::page::{page_set, Order};

/// `GET /organization/groups/{group_id}/users`: limit 0..=1000 (default 100), order default `desc`.
pub async fn list(
    State(st): State<Shared>,
    Ids(group_id): Ids<String>,
    q: Params,
) -> ApiResult<Json<Value>> {
    let pq = q.page(100, 1000, Order::Desc)?;
    let store = st.read();
    let g = found(&store.groups, "group", &group_id)?;
    known_after(&store.users, &pq, "user")?;
    let page = page_set(&g.members, &pq);
    let data = page
        .ids
        .iter()
        .filter_map(|id| store.users.get(*id))
        .map(render::group_user)
        .collect();
    Ok(Json(render::list(data, page.has_more, page.next())))
}

/// `POST /organization/groups/{group_id}/users` with `{user_id}`. Adding a member twice is a
/// no-op that answers like the first time.
pub async fn add(
    State(st): State<Shared>,
    Ids(group_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let user_id = body.string("user_id")?.to_owned();
    let mut store = st.write();
    found(&store.groups, "group", &group_id)?;
    found(&store.users, "user", &user_id)?;
    store.link_member(&group_id, &user_id);
    Ok(Json(
        json!({ "object": "group.user", "user_id": user_id, "group_id": group_id }),
    ))
}

/// `GET /organization/groups/{group_id}/users/{user_id}`: 404 unless the user is a member.
pub async fn retrieve(
    State(st): State<Shared>,
    Ids((group_id, user_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let g = found(&store.groups, "group", &group_id)?;
    let u = found(&store.users, "user", &user_id)?;
    if !g.members.contains(&user_id) {
        return Err(not_member(&group_id, &user_id));
    }
    Ok(Json(render::group_member(u)))
}

/// `DELETE /organization/groups/{group_id}/users/{user_id}`.
pub async fn remove(
    State(st): State<Shared>,
    Ids((group_id, user_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    found(&store.groups, "group", &group_id)?;
    found(&store.users, "user", &user_id)?;
    if !store.unlink_member(&group_id, &user_id) {
        return Err(not_member(&group_id, &user_id));
    }
    Ok(Json(
        json!({ "object": "group.user.deleted", "deleted": true }),
    ))
}

fn not_member(group_id: &str, user_id: &str) -> ApiError {
    ApiError::not_found_msg(format!(
        "User '{user_id}' is not a member of group '{group_id}'."
    ))
}
