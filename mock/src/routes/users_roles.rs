//! `/organization/users/{user_id}/roles` and `/organization/users/{user_id}/roles/{role_id}`.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::extract::{Body, Ids, Params};
use super::found;
use crate::config::{Shapes, Sources};
use crate::error::{ApiError, ApiResult};
use crate::render;
use crate::state::Shared;
use crate::store::page::{page_set, Order, PageQuery};
use crate::store::{known_after, Role, RoleSource, Store};

/// The roles a user's role list and retrieve answer, with their sources: every role the user
/// holds (direct and through groups), or with `--assignment-sources null` the direct ones only,
/// each then answered with `assignment_sources: null`.
fn held(store: &Store, user_id: &str, sources: Sources) -> BTreeMap<String, Vec<RoleSource>> {
    as_configured(store.user_roles(user_id), sources)
}

/// What a user's role answers hold of `all` (every role with its sources): all of it, or with
/// `--assignment-sources null` the direct roles only, each with that one source. The
/// organization's and a project's user role lists both answer this way.
pub(super) fn as_configured(
    mut all: BTreeMap<String, Vec<RoleSource>>,
    sources: Sources,
) -> BTreeMap<String, Vec<RoleSource>> {
    if sources == Sources::Null {
        all.retain(|_, s| s.contains(&RoleSource::Direct));
        all.values_mut().for_each(|s| *s = vec![RoleSource::Direct]);
    }
    all
}

/// One page of the roles `user_id` holds (`held`, rendered from `roles`), as a list answer.
pub(super) fn held_page(
    store: &Store,
    roles: &BTreeMap<String, Role>,
    held: &BTreeMap<String, Vec<RoleSource>>,
    pq: &PageQuery,
    user_id: &str,
    shapes: Shapes,
) -> Value {
    let ids: BTreeSet<String> = held.keys().cloned().collect();
    let page = page_set(&ids, pq);
    let data = page
        .ids
        .iter()
        .filter_map(|id| Some((roles.get(*id)?, held.get(*id)?)))
        .map(|(r, sources)| render::user_assigned_role(store, r, user_id, sources, shapes, true))
        .collect();
    render::list(data, page.has_more, page.next())
}

/// `GET /organization/users/{user_id}/roles`: limit 0..=1000 (default 100), order default `asc`.
/// Lists the roles assigned to the user directly and those inherited through its groups, each
/// once, with `assignment_sources` naming the groups (see `render::user_assigned_role`); with
/// `--assignment-sources null`, the direct ones only (see [`held`]).
pub async fn list(
    State(st): State<Shared>,
    Ids(user_id): Ids<String>,
    q: Params,
) -> ApiResult<Json<Value>> {
    let pq = q.page(100, 1000, Order::Asc)?;
    let store = st.read();
    found(&store.users, "user", &user_id)?;
    known_after(&store.roles, &pq, "role")?;
    let held = held(&store, &user_id, st.config.sources);
    let shapes = st.config.shapes;
    Ok(Json(held_page(
        &store,
        &store.roles,
        &held,
        &pq,
        &user_id,
        shapes,
    )))
}

/// `POST /organization/users/{user_id}/roles` with `{role_id}`. Assigning twice is a no-op.
pub async fn assign(
    State(st): State<Shared>,
    Ids(user_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let role_id = body.string("role_id")?.to_owned();
    let mut store = st.write();
    found(&store.users, "user", &user_id)?;
    found(&store.roles, "role", &role_id)?;
    store.link_user_role(&user_id, &role_id);
    let (Some(u), Some(r)) = (store.users.get(&user_id), store.roles.get(&role_id)) else {
        return Err(ApiError::not_found("user", &user_id));
    };
    Ok(Json(
        json!({ "object": "user.role", "user": render::user_as(u, st.config.shapes), "role": render::role(r) }),
    ))
}

/// `GET /organization/users/{user_id}/roles/{role_id}`: 404 unless the user holds the role,
/// directly or through a group (directly only with `--assignment-sources null`).
pub async fn retrieve(
    State(st): State<Shared>,
    Ids((user_id, role_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    found(&store.users, "user", &user_id)?;
    let r = found(&store.roles, "role", &role_id)?;
    let held = held(&store, &user_id, st.config.sources);
    let Some(sources) = held.get(&role_id) else {
        return Err(not_assigned(&user_id, &role_id));
    };
    Ok(Json(render::user_assigned_role(
        &store,
        r,
        &user_id,
        sources,
        st.config.shapes,
        false,
    )))
}

/// `DELETE /organization/users/{user_id}/roles/{role_id}`: removes a direct assignment only; a
/// role held only through a group is a 404 that names the group (remove it from the group).
pub async fn unassign(
    State(st): State<Shared>,
    Ids((user_id, role_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    found(&store.users, "user", &user_id)?;
    found(&store.roles, "role", &role_id)?;
    if !store.unlink_user_role(&user_id, &role_id) {
        let via = store.user_roles(&user_id).remove(&role_id).and_then(|s| {
            s.into_iter().find_map(|s| match s {
                RoleSource::Group(g) => Some(g),
                RoleSource::Direct => None,
            })
        });
        return Err(match via {
            Some(g) => ApiError::not_found_msg(format!(
                "Role '{role_id}' is not assigned to user '{user_id}' directly: it comes from group '{g}'."
            )),
            None => not_assigned(&user_id, &role_id),
        });
    }
    Ok(Json(
        json!({ "object": "user.role.deleted", "deleted": true }),
    ))
}

fn not_assigned(user_id: &str, role_id: &str) -> ApiError {
    ApiError::not_found_msg(format!(
        "Role '{role_id}' is not assigned to user '{user_id}'."
    ))
}
