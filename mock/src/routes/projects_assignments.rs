//! Project role assignments: `/projects/{project_id}/users/{user_id}/roles[/{role_id}]` and
//! `/projects/{project_id}/groups/{group_id}/roles[/{role_id}]`.
//!
//! Only a member of the project (a group with access) can be given a project role: otherwise a
//! 404 naming the project. Role ids are resolved as everywhere in a project (the short
//! `role-api-project-owner` is the long `role-api-project-owner__api-project__{project_id}`, which
//! the answers carry). A user's list holds the roles assigned to the member and those of the
//! groups with access the user belongs to, with `assignment_sources` as the organization's user
//! role list has them (`--assignment-sources null`: direct ones only).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::extract::{Body, Ids, Params};
use super::found;
use super::projects::{active_mut, project};
use super::projects_groups::{no_access, project_role};
use super::projects_users::not_member;
use super::users_roles::{as_configured, held_page};
use crate::config::Sources;
use crate::error::{ApiError, ApiResult};
use crate::render;
use crate::state::Shared;
use crate::store::page::{page_set, Order};
use crate::store::projects::Project;
use crate::store::{known_after, RoleSource, Store};

/// The roles a member's list and retrieve answer, with their sources (see the module's text).
fn held(
    store: &Store,
    p: &Project,
    user_id: &str,
    sources: Sources,
) -> BTreeMap<String, Vec<RoleSource>> {
    as_configured(store.project_user_roles(p, user_id), sources)
}

fn not_assigned(role_id: &str, kind: &str, id: &str, project_id: &str) -> ApiError {
    ApiError::not_found_msg(format!(
        "Role '{role_id}' is not assigned to {kind} '{id}' in project '{project_id}'."
    ))
}

/// `GET …/users/{user_id}/roles`: limit 0..=1000 (default 100), order default `asc`.
pub async fn user_list(
    State(st): State<Shared>,
    Ids((project_id, user_id)): Ids<(String, String)>,
    q: Params,
) -> ApiResult<Json<Value>> {
    let pq = q.page(100, 1000, Order::Asc)?;
    let store = st.read();
    let p = project(&store, &project_id)?;
    found(&store.users, "user", &user_id)?;
    if !p.users.contains_key(&user_id) {
        return Err(not_member(&project_id, &user_id));
    }
    known_after(&p.roles, &pq, "role")?;
    let held = held(&store, p, &user_id, st.config.sources);
    let shapes = st.config.shapes;
    Ok(Json(held_page(
        &store, &p.roles, &held, &pq, &user_id, shapes,
    )))
}

/// `POST …/users/{user_id}/roles` with `{role_id}`. Assigning twice is a no-op.
pub async fn user_assign(
    State(st): State<Shared>,
    Ids((project_id, user_id)): Ids<(String, String)>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let role_id = body.string("role_id")?.to_owned();
    let mut store = st.write();
    found(&store.users, "user", &user_id)?;
    let p = active_mut(&mut store, &project_id)?;
    let id = project_role(p, &role_id)?;
    if !p.users.contains_key(&user_id) {
        return Err(not_member(&project_id, &user_id));
    }
    p.link_user_role(&user_id, &id);
    let role = p.roles.get(&id).map(render::role);
    let user = store
        .users
        .get(&user_id)
        .map(|u| render::user_as(u, st.config.shapes));
    Ok(Json(
        json!({ "object": "user.role", "user": user, "role": role }),
    ))
}

/// `GET …/users/{user_id}/roles/{role_id}`: 404 unless the member holds it (directly or through a
/// group with access).
pub async fn user_retrieve(
    State(st): State<Shared>,
    Ids((project_id, user_id, role_id)): Ids<(String, String, String)>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let p = project(&store, &project_id)?;
    found(&store.users, "user", &user_id)?;
    let id = project_role(p, &role_id)?;
    let held = held(&store, p, &user_id, st.config.sources);
    let (Some(r), Some(sources)) = (p.roles.get(&id), held.get(&id)) else {
        return Err(not_assigned(&role_id, "user", &user_id, &project_id));
    };
    let shapes = st.config.shapes;
    Ok(Json(render::user_assigned_role(
        &store, r, &user_id, sources, shapes, false,
    )))
}

/// `DELETE …/users/{user_id}/roles/{role_id}`: the direct assignment only.
pub async fn user_unassign(
    State(st): State<Shared>,
    Ids((project_id, user_id, role_id)): Ids<(String, String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    found(&store.users, "user", &user_id)?;
    let p = active_mut(&mut store, &project_id)?;
    let id = project_role(p, &role_id)?;
    if !p.unlink_user_role(&user_id, &id) {
        return Err(not_assigned(&role_id, "user", &user_id, &project_id));
    }
    Ok(Json(
        json!({ "object": "user.role.deleted", "deleted": true }),
    ))
}

/// `GET …/groups/{group_id}/roles`: limit 0..=1000 (default 100), order default `asc`.
pub async fn group_list(
    State(st): State<Shared>,
    Ids((project_id, group_id)): Ids<(String, String)>,
    q: Params,
) -> ApiResult<Json<Value>> {
    let pq = q.page(100, 1000, Order::Asc)?;
    let store = st.read();
    let p = project(&store, &project_id)?;
    found(&store.groups, "group", &group_id)?;
    let access = p
        .groups
        .get(&group_id)
        .ok_or_else(|| no_access(&project_id, &group_id))?;
    known_after(&p.roles, &pq, "role")?;
    let page = page_set(&access.roles, &pq);
    let shapes = st.config.shapes;
    let data = page
        .ids
        .iter()
        .filter_map(|id| p.roles.get(*id))
        .map(|r| render::group_assigned_role_in_list(&store, r, shapes))
        .collect();
    Ok(Json(render::list(data, page.has_more, page.next())))
}

/// `POST …/groups/{group_id}/roles` with `{role_id}`. Assigning twice is a no-op.
pub async fn group_assign(
    State(st): State<Shared>,
    Ids((project_id, group_id)): Ids<(String, String)>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let role_id = body.string("role_id")?.to_owned();
    let mut store = st.write();
    found(&store.groups, "group", &group_id)?;
    let p = active_mut(&mut store, &project_id)?;
    let id = project_role(p, &role_id)?;
    if !p.groups.contains_key(&group_id) {
        return Err(no_access(&project_id, &group_id));
    }
    p.link_group_role(&group_id, &id);
    let role = p.roles.get(&id).map(render::role);
    let group = store.groups.get(&group_id).map(render::group_summary);
    Ok(Json(
        json!({ "object": "group.role", "group": group, "role": role }),
    ))
}

/// `GET …/groups/{group_id}/roles/{role_id}`.
pub async fn group_retrieve(
    State(st): State<Shared>,
    Ids((project_id, group_id, role_id)): Ids<(String, String, String)>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let p = project(&store, &project_id)?;
    found(&store.groups, "group", &group_id)?;
    let id = project_role(p, &role_id)?;
    let assigned = p
        .groups
        .get(&group_id)
        .is_some_and(|a| a.roles.contains(&id));
    match p.roles.get(&id) {
        Some(r) if assigned => Ok(Json(render::assigned_role(&store, r))),
        _ => Err(not_assigned(&role_id, "group", &group_id, &project_id)),
    }
}

/// `DELETE …/groups/{group_id}/roles/{role_id}`.
pub async fn group_unassign(
    State(st): State<Shared>,
    Ids((project_id, group_id, role_id)): Ids<(String, String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    found(&store.groups, "group", &group_id)?;
    let p = active_mut(&mut store, &project_id)?;
    let id = project_role(p, &role_id)?;
    if !p.unlink_group_role(&group_id, &id) {
        return Err(not_assigned(&role_id, "group", &group_id, &project_id));
    }
    Ok(Json(
        json!({ "object": "group.role.deleted", "deleted": true }),
    ))
}
