//! `/organization/roles` and `/organization/roles/{role_id}`.
//!
//! Predefined roles (`Owner`, `Reader`) cannot be updated or deleted: 400
//! `invalid_request_error`, `param: "role_id"`, `code: "predefined_role_immutable"`.

use axum::extract::State;
use axum::Json;
use serde_json::Value;

use super::extract::{Body, Ids, Params};
use super::now;
use super::role_body::{NewRole, RoleEdit};
use super::{found, found_mut};
use crate::error::{ApiError, ApiResult};
use crate::render;
use crate::state::Shared;
use crate::store::page::{page_map, Order};
use crate::store::{known_after, Store};

/// `GET /organization/roles`: limit 0..=1000 (default 1000), order default `asc`.
pub async fn list(State(st): State<Shared>, q: Params) -> ApiResult<Json<Value>> {
    let pq = q.page(1000, 1000, Order::Asc)?;
    let store = st.read();
    known_after(&store.roles, &pq, "role")?;
    let page = page_map(&store.roles, &pq);
    let data = page
        .ids
        .iter()
        .filter_map(|id| store.roles.get(*id))
        .map(render::role)
        .collect();
    Ok(Json(render::list(data, page.has_more, page.next())))
}

/// `POST /organization/roles` with `{role_name, permissions, description?}`.
pub async fn create(State(st): State<Shared>, body: Body) -> ApiResult<Json<Value>> {
    let new = NewRole::read(&body)?;
    let mut store = st.write();
    ensure_unique(&store, &new.name, None)?;
    let id = store.ids.next("role");
    let role = new.into_role(id.clone(), "api.organization", now());
    let out = render::role(&role);
    store.roles.insert(id, role);
    Ok(Json(out))
}

/// `GET /organization/roles/{role_id}`.
pub async fn retrieve(
    State(st): State<Shared>,
    Ids(role_id): Ids<String>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let r = found(&store.roles, "role", &role_id)?;
    Ok(Json(render::role(r)))
}

/// `POST /organization/roles/{role_id}` with any of `{role_name, permissions, description}`
/// (`{}` answers the role unchanged). Absent fields are left unchanged; `description: null`
/// clears the description (the only field a role may have as `null`); `role_name: null` and
/// `permissions: null` leave the name and the permissions unchanged.
pub async fn update(
    State(st): State<Shared>,
    Ids(role_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let edit = RoleEdit::read(&body)?;
    let mut store = st.write();
    let role = found(&store.roles, "role", &role_id)?;
    if role.predefined {
        return Err(predefined(&role.name, "updated"));
    }
    if let Some(n) = &edit.name {
        ensure_unique(&store, n, Some(&role_id))?;
    }
    let r = found_mut(&mut store.roles, "role", &role_id)?;
    edit.apply(r, now());
    Ok(Json(render::role(r)))
}

/// `DELETE /organization/roles/{role_id}`: also unassigns it from every group and user.
pub async fn delete(State(st): State<Shared>, Ids(role_id): Ids<String>) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    let role = found(&store.roles, "role", &role_id)?;
    if role.predefined {
        return Err(predefined(&role.name, "deleted"));
    }
    store.delete_role(&role_id);
    Ok(Json(render::deleted("role.deleted", &role_id)))
}

/// Role names are unique (exact match).
fn ensure_unique(store: &Store, name: &str, except: Option<&str>) -> ApiResult<()> {
    match store.role_named(name) {
        Some(r) if Some(r.id.as_str()) != except => Err(ApiError::bad(
            "role_name",
            format!("A role named '{name}' already exists."),
        )
        .with_code("role_name_taken")),
        _ => Ok(()),
    }
}

fn predefined(name: &str, verb: &str) -> ApiError {
    ApiError::bad(
        "role_id",
        format!("The predefined role '{name}' cannot be {verb}."),
    )
    .with_code("predefined_role_immutable")
}
