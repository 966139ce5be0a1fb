//! `/organization/groups` and `/organization/groups/{group_id}`.

use axum::extract::State;
use axum::Json;
use serde_json::Value;

use super::extract::{check_name, Body, Ids, Params};
use super::now;
use super::{found, found_mut};
use crate::error::{ApiError, ApiResult};
use crate::render::{self, GroupAnswer};
use crate::state::Shared;
use crate::store::page::{page_map, Order};
use crate::store::{known_after, Group};

/// `GET /organization/groups`: limit 0..=1000 (default 100), order default `asc`.
pub async fn list(State(st): State<Shared>, q: Params) -> ApiResult<Json<Value>> {
    let pq = q.page(100, 1000, Order::Asc)?;
    let store = st.read();
    known_after(&store.groups, &pq, "group")?;
    let page = page_map(&store.groups, &pq);
    let shapes = st.config.shapes;
    let data = page
        .ids
        .iter()
        .filter_map(|id| store.groups.get(*id))
        .map(|g| render::group_as(g, shapes, GroupAnswer::List))
        .collect();
    Ok(Json(render::list(data, page.has_more, page.next())))
}

/// `POST /organization/groups` with `{name}` (other fields are ignored).
pub async fn create(State(st): State<Shared>, body: Body) -> ApiResult<Json<Value>> {
    let name = check_name("name", body.string("name")?)?;
    let mut store = st.write();
    let id = store.ids.next("group");
    let group = Group {
        id: id.clone(),
        name,
        created_at: now(),
        is_scim_managed: false,
        members: Default::default(),
        roles: Default::default(),
    };
    let out = render::group_as(&group, st.config.shapes, GroupAnswer::Create);
    store.groups.insert(id, group);
    Ok(Json(out))
}

/// `GET /organization/groups/{group_id}`.
pub async fn retrieve(
    State(st): State<Shared>,
    Ids(group_id): Ids<String>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let g = found(&store.groups, "group", &group_id)?;
    Ok(Json(render::group_as(
        g,
        st.config.shapes,
        GroupAnswer::Retrieve,
    )))
}

/// `POST /organization/groups/{group_id}` with `{name}`.
pub async fn update(
    State(st): State<Shared>,
    Ids(group_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let name = check_name("name", body.string("name")?)?;
    let mut store = st.write();
    let g = found_mut(&mut store.groups, "group", &group_id)?;
    g.name = name;
    Ok(Json(render::group_as(
        g,
        st.config.shapes,
        GroupAnswer::Update,
    )))
}

/// `DELETE /organization/groups/{group_id}`: also drops memberships and role assignments.
pub async fn delete(
    State(st): State<Shared>,
    Ids(group_id): Ids<String>,
) -> ApiResult<Json<Value>> {
    if !st.write().delete_group(&group_id) {
        return Err(ApiError::not_found("group", &group_id));
    }
    Ok(Json(render::deleted("group.deleted", &group_id)))
}
