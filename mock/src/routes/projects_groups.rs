//! `/organization/projects/{project_id}/groups` and `…/groups/{group_id}`.
//!
//! Granting a group access takes the project role it gets (`role`, a project role id, the short
//! form of a predefined one accepted): the group then holds that role in the project, as
//! `/projects/{project_id}/groups/{group_id}/roles` lists. Granting again adds the role.

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::extract::{Body, Ids, Params};
use super::projects::{active_mut, project};
use super::{found, now};
use crate::error::{ApiError, ApiResult};
use crate::render_projects::project_group;
use crate::state::Shared;
use crate::store::known_after;
use crate::store::page::{page_map, Order};
use crate::store::projects::{GroupAccess, Project};

/// The 404 for a group without access to the project.
pub fn no_access(project_id: &str, group_id: &str) -> ApiError {
    ApiError::not_found_msg(format!(
        "Group '{group_id}' has no access to project '{project_id}'."
    ))
}

/// The id of project role `role_id` of `p` (short predefined ids resolved), or a 404.
pub fn project_role(p: &Project, role_id: &str) -> ApiResult<String> {
    p.resolve_role(role_id).ok_or_else(|| {
        ApiError::not_found_msg(format!(
            "No role found with id '{role_id}' in project '{}'.",
            p.id
        ))
    })
}

/// `GET …/groups`: limit 0..=100 (default 20), order default `asc`, by group id.
pub async fn list(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
    q: Params,
) -> ApiResult<Json<Value>> {
    let pq = q.page(20, 100, Order::Asc)?;
    let store = st.read();
    let p = project(&store, &project_id)?;
    known_after(&store.groups, &pq, "group")?;
    let page = page_map(&p.groups, &pq);
    let shapes = st.config.shapes;
    let data = page
        .ids
        .iter()
        .filter_map(|id| Some((store.groups.get(*id)?, p.groups.get(*id)?)))
        .map(|(g, a)| project_group(&project_id, g, a, shapes, false))
        .collect();
    Ok(Json(crate::render::list(data, page.has_more, page.next())))
}

/// `POST …/groups` with `{group_id, role}`.
pub async fn create(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let group_id = body.string("group_id")?.to_owned();
    let role = body.string("role")?.to_owned();
    let mut store = st.write();
    found(&store.groups, "group", &group_id)?;
    let p = active_mut(&mut store, &project_id)?;
    let role_id = project_role(p, &role)?;
    p.groups
        .entry(group_id.clone())
        .or_insert_with(|| GroupAccess {
            created_at: now(),
            roles: Default::default(),
        });
    p.link_group_role(&group_id, &role_id);
    let access = p.groups.get(&group_id).cloned();
    let (Some(g), Some(a)) = (store.groups.get(&group_id), access) else {
        return Err(ApiError::not_found("group", &group_id));
    };
    Ok(Json(project_group(
        &project_id,
        g,
        &a,
        st.config.shapes,
        false,
    )))
}

/// `GET …/groups/{group_id}` (`group_type=group` or `tenant_group`; groups here are all `group`).
pub async fn retrieve(
    State(st): State<Shared>,
    Ids((project_id, group_id)): Ids<(String, String)>,
    q: Params,
) -> ApiResult<Json<Value>> {
    if let Some(t) = q
        .get("group_type")
        .filter(|t| !["group", "tenant_group"].contains(t))
    {
        return Err(ApiError::bad(
            "group_type",
            format!("Invalid 'group_type': expected 'group' or 'tenant_group', got '{t}'."),
        ));
    }
    let store = st.read();
    let p = project(&store, &project_id)?;
    let g = found(&store.groups, "group", &group_id)?;
    let a = p
        .groups
        .get(&group_id)
        .ok_or_else(|| no_access(&project_id, &group_id))?;
    Ok(Json(project_group(
        &project_id,
        g,
        a,
        st.config.shapes,
        true,
    )))
}

/// `DELETE …/groups/{group_id}`: also drops the group's project role assignments.
pub async fn delete(
    State(st): State<Shared>,
    Ids((project_id, group_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    found(&store.groups, "group", &group_id)?;
    let p = active_mut(&mut store, &project_id)?;
    if !p.remove_group(&group_id) {
        return Err(no_access(&project_id, &group_id));
    }
    Ok(Json(
        json!({ "object": "project.group.deleted", "deleted": true }),
    ))
}
