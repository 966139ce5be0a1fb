//! `/projects/{project_id}/roles` and `/projects/{project_id}/roles/{role_id}`: a project's own
//! roles. Every project has the predefined `Project Owner`, `Project Member` and `Project Viewer`
//! (ids `role-api-project-owner__api-project__{project_id}`, …; the short `role-api-project-owner`
//! is accepted in the path too), which cannot be updated or deleted. Names are unique within a
//! project; new roles get `resource_type: "api.project"`.

use axum::extract::State;
use axum::Json;
use serde_json::Value;

use super::extract::{Body, Ids, Params};
use super::now;
use super::projects::{active_mut, project};
use super::projects_groups::project_role;
use super::role_body::{NewRole, RoleEdit};
use crate::error::{ApiError, ApiResult};
use crate::render;
use crate::state::Shared;
use crate::store::known_after;
use crate::store::page::{page_map, Order};
use crate::store::projects::Project;

/// `GET /projects/{project_id}/roles`: limit 0..=1000 (default 1000), order default `asc`.
pub async fn list(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
    q: Params,
) -> ApiResult<Json<Value>> {
    let pq = q.page(1000, 1000, Order::Asc)?;
    let store = st.read();
    let p = project(&store, &project_id)?;
    known_after(&p.roles, &pq, "role")?;
    let page = page_map(&p.roles, &pq);
    let data = page
        .ids
        .iter()
        .filter_map(|id| p.roles.get(*id))
        .map(render::role)
        .collect();
    Ok(Json(render::list(data, page.has_more, page.next())))
}

/// `POST /projects/{project_id}/roles` with `{role_name, permissions, description?}`.
pub async fn create(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let new = NewRole::read(&body)?;
    let mut store = st.write();
    let id = store.ids.next("role");
    let p = active_mut(&mut store, &project_id)?;
    unique(p, &new.name, None)?;
    let role = new.into_role(id.clone(), "api.project", now());
    let out = render::role(&role);
    p.roles.insert(id, role);
    Ok(Json(out))
}

/// `GET /projects/{project_id}/roles/{role_id}`.
pub async fn retrieve(
    State(st): State<Shared>,
    Ids((project_id, role_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let p = project(&store, &project_id)?;
    let id = project_role(p, &role_id)?;
    let r = p
        .roles
        .get(&id)
        .ok_or_else(|| ApiError::not_found("role", &role_id))?;
    Ok(Json(render::role(r)))
}

/// `POST /projects/{project_id}/roles/{role_id}` with any of `{role_name, permissions,
/// description}`, read as the organization's role update reads them.
pub async fn update(
    State(st): State<Shared>,
    Ids((project_id, role_id)): Ids<(String, String)>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let edit = RoleEdit::read(&body)?;
    let mut store = st.write();
    let p = active_mut(&mut store, &project_id)?;
    let id = custom(p, &role_id, "updated")?;
    if let Some(n) = &edit.name {
        unique(p, n, Some(&id))?;
    }
    let r = p
        .roles
        .get_mut(&id)
        .ok_or_else(|| ApiError::not_found("role", &role_id))?;
    edit.apply(r, now());
    Ok(Json(render::role(r)))
}

/// `DELETE /projects/{project_id}/roles/{role_id}`: also unassigns it in the project.
pub async fn delete(
    State(st): State<Shared>,
    Ids((project_id, role_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    let p = active_mut(&mut store, &project_id)?;
    let id = custom(p, &role_id, "deleted")?;
    p.delete_role(&id);
    Ok(Json(render::deleted("role.deleted", &id)))
}

/// The id of a custom role of `p`, or a 404 (unknown) or 400 (predefined).
fn custom(p: &Project, role_id: &str, verb: &str) -> ApiResult<String> {
    let id = project_role(p, role_id)?;
    match p.roles.get(&id) {
        Some(r) if r.predefined => Err(ApiError::bad(
            "role_id",
            format!("The predefined role '{}' cannot be {verb}.", r.name),
        )
        .with_code("predefined_role_immutable")),
        _ => Ok(id),
    }
}

/// Role names are unique within a project (exact match).
fn unique(p: &Project, name: &str, except: Option<&str>) -> ApiResult<()> {
    match p.role_named(name) {
        Some(r) if Some(r.id.as_str()) != except => Err(ApiError::bad(
            "role_name",
            format!(
                "A role named '{name}' already exists in project '{}'.",
                p.id
            ),
        )
        .with_code("role_name_taken")),
        _ => Ok(()),
    }
}
