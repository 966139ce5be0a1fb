//! `/organization/projects`, `/organization/projects/{project_id}` and its `/archive`.
//!
//! Archived projects are listed only with `include_archived=true`, and cannot be updated or
//! changed further (400 `project_archived`); the default project cannot be renamed or archived.

use axum::extract::State;
use axum::Json;
use serde_json::Value;

use super::extract::{check_name, Body, Ids, Params};
use super::{found, now};
use crate::error::{ApiError, ApiResult};
use crate::render_projects::{self as render, Answer};
use crate::state::Shared;
use crate::store::page::{Order, PageQuery};
use crate::store::projects::Project;
use crate::store::{known_after, Store};

/// The project `id`, or the API's 404.
pub fn project<'a>(store: &'a Store, id: &str) -> ApiResult<&'a Project> {
    found(&store.projects, "project", id)
}

/// The project `id` to change: 404 when unknown, 400 when archived.
pub fn active_mut<'a>(store: &'a mut Store, id: &str) -> ApiResult<&'a mut Project> {
    let p = store
        .projects
        .get_mut(id)
        .ok_or_else(|| ApiError::not_found("project", id))?;
    if p.archived_at.is_some() {
        return Err(archived(id));
    }
    Ok(p)
}

/// The 400 for a change to an archived project.
pub fn archived(id: &str) -> ApiError {
    ApiError::bad_request(format!(
        "Project '{id}' is archived: archived projects cannot be used or updated."
    ))
    .with_code("project_archived")
}

/// `GET /organization/projects`: limit 1..=100 (default 20), ascending by id, `after`, and
/// `include_archived` (`true` lists archived projects too). Answers
/// `{object, data, first_id, last_id, has_more}`.
pub async fn list(State(st): State<Shared>, q: Params) -> ApiResult<Json<Value>> {
    let pq = PageQuery {
        after: q.get("after").filter(|s| !s.is_empty()).map(str::to_owned),
        limit: q.limit(20, 1, 100)?,
        order: Order::Asc,
    };
    let archived = match q.get("include_archived") {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => {
            return Err(ApiError::bad(
                "include_archived",
                format!("Invalid 'include_archived': expected a boolean, got '{other}'."),
            ))
        }
    };
    let store = st.read();
    known_after(&store.projects, &pq, "project")?;
    let start = pq
        .after
        .as_deref()
        .map_or(std::ops::Bound::Unbounded, std::ops::Bound::Excluded);
    let mut listed = store
        .projects
        .range::<str, _>((start, std::ops::Bound::Unbounded))
        .map(|(_, p)| p)
        .filter(|p| archived || p.archived_at.is_none());
    let page: Vec<&Project> = listed.by_ref().take(pq.limit).collect();
    let has_more = listed.next().is_some();
    let ids: Vec<&String> = page.iter().map(|p| &p.id).collect();
    let shapes = st.config.shapes;
    let data = page
        .iter()
        .map(|p| render::project(p, shapes, Answer::Example))
        .collect();
    Ok(Json(render::id_page(data, &ids, has_more)))
}

/// `POST /organization/projects` with `{name, residency?, external_key_id?}`.
pub async fn create(State(st): State<Shared>, body: Body) -> ApiResult<Json<Value>> {
    let name = check_name("name", body.string("name")?)?;
    let external_key_id = body.opt_string("external_key_id")?.map(str::to_owned);
    let residency = body.opt_string("residency")?.map(str::to_owned);
    let mut store = st.write();
    let id = store.ids.next("proj");
    let mut p = Project::new(id.clone(), name, now());
    p.external_key_id = external_key_id;
    p.residency = residency;
    let out = render::project(&p, st.config.shapes, Answer::Example);
    store.projects.insert(id, p);
    Ok(Json(out))
}

/// `GET /organization/projects/{project_id}` (archived ones too).
pub async fn retrieve(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let p = project(&store, &project_id)?;
    Ok(Json(render::project(p, st.config.shapes, Answer::Example)))
}

/// `POST /organization/projects/{project_id}` with `{name?, external_key_id?}`: `{}` answers the
/// project unchanged; `external_key_id: null` clears it.
pub async fn update(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let name = body
        .opt_string("name")?
        .map(|n| check_name("name", n))
        .transpose()?;
    let external_key_id = body.nullable_string("external_key_id")?;
    let mut store = st.write();
    let p = active_mut(&mut store, &project_id)?;
    if p.is_default && name.is_some() {
        return Err(default_project(&project_id, "renamed"));
    }
    if let Some(n) = name {
        p.name = n;
    }
    if let Some(k) = external_key_id {
        p.external_key_id = k;
    }
    Ok(Json(render::project(p, st.config.shapes, Answer::Update)))
}

/// `POST /organization/projects/{project_id}/archive`: archiving twice answers the same project.
pub async fn archive(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    let p = store
        .projects
        .get_mut(&project_id)
        .ok_or_else(|| ApiError::not_found("project", &project_id))?;
    if p.is_default {
        return Err(default_project(&project_id, "archived"));
    }
    p.archived_at.get_or_insert_with(now);
    Ok(Json(render::project(p, st.config.shapes, Answer::Example)))
}

fn default_project(id: &str, verb: &str) -> ApiError {
    ApiError::bad_request(format!("The default project '{id}' cannot be {verb}."))
        .with_code("default_project_immutable")
}
