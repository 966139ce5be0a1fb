//! `/organization/groups/{group_id}/roles` and `/organization/groups/{group_id}/roles/{role_id}`.

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

/// `GET /organization/groups/{group_id}/roles`: limit 0..=1000 (default 100), order default `asc`.
pub async fn list(
    State(st): State<Shared>,
    Ids(group_id): Ids<String>,
    q: Params,
) -> ApiResult<Json<Value>> {
    let pq = q.page(100, 1000, Order::Asc)?;
    let store = st.read();
    let g = found(&store.groups, "group", &group_id)?;
    known_after(&store.roles, &pq, "role")?;
    let page = page_set(&g.roles, &pq);
    let data = page
        .ids
        .iter()
        .filter_map(|id| store.roles.get(*id))
        .map(|r| render::group_assigned_role_in_list(&store, r, st.config.shapes))
        .collect();
    Ok(Json(render::list(data, page.has_more, page.next())))
}

/// `POST /organization/groups/{group_id}/roles` with `{role_id}`. Assigning twice is a no-op.
pub async fn assign(
    State(st): State<Shared>,
    Ids(group_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let role_id = body.string("role_id")?.to_owned();
    let mut store = st.write();
    found(&store.groups, "group", &group_id)?;
    found(&store.roles, "role", &role_id)?;
    store.link_group_role(&group_id, &role_id);
    let (Some(g), Some(r)) = (store.groups.get(&group_id), store.roles.get(&role_id)) else {
        return Err(ApiError::not_found("group", &group_id));
    };
    Ok(Json(json!({
        "object": "group.role",
        "group": render::group_summary(g),
        "role": render::role(r),
    })))
}

/// `GET /organization/groups/{group_id}/roles/{role_id}`: 404 unless assigned.
pub async fn retrieve(
    State(st): State<Shared>,
    Ids((group_id, role_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let g = found(&store.groups, "group", &group_id)?;
    let r = found(&store.roles, "role", &role_id)?;
    if !g.roles.contains(&role_id) {
        return Err(not_assigned(&group_id, &role_id));
    }
    Ok(Json(render::assigned_role(&store, r)))
}

/// `DELETE /organization/groups/{group_id}/roles/{role_id}`.
pub async fn unassign(
    State(st): State<Shared>,
    Ids((group_id, role_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    found(&store.groups, "group", &group_id)?;
    found(&store.roles, "role", &role_id)?;
    if !store.unlink_group_role(&group_id, &role_id) {
        return Err(not_assigned(&group_id, &role_id));
    }
    Ok(Json(
        json!({ "object": "group.role.deleted", "deleted": true }),
    ))
}

fn not_assigned(group_id: &str, role_id: &str) -> ApiError {
    ApiError::not_found_msg(format!(
        "Role '{role_id}' is not assigned to group '{group_id}'."
    ))
}
