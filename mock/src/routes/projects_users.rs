//! `/organization/projects/{project_id}/users` and `…/users/{user_id}`.
//!
//! A project user must be a user of the organization (404 otherwise); `role` is `owner` or
//! `member` (400 otherwise). The list of an archived project is a 400, as the spec says, and so is
//! any change to one.

use axum::extract::State;
use axum::Json;
use serde_json::Value;

use super::extract::{Body, Ids, Params};
use super::found;
use super::now;
use super::projects::{active_mut, archived, project};
use crate::error::{ApiError, ApiResult};
use crate::render;
use crate::render_projects::{id_page, project_user};
use crate::state::Shared;
use crate::store::known_after;
use crate::store::page::{page_map, Order, PageQuery};
use crate::store::projects::{Member, MemberRole};

fn member_role(raw: &str) -> ApiResult<MemberRole> {
    MemberRole::parse(raw).ok_or_else(|| {
        ApiError::bad(
            "role",
            format!("Invalid 'role': expected 'owner' or 'member', got '{raw}'."),
        )
    })
}

/// The 404 for a user who is not a member of the project.
pub fn not_member(project_id: &str, user_id: &str) -> ApiError {
    ApiError::not_found_msg(format!(
        "User '{user_id}' is not a member of project '{project_id}'."
    ))
}

/// `GET …/users`: limit 1..=100 (default 20), ascending by user id. Answers
/// `{object, data, first_id, last_id, has_more}`.
pub async fn list(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
    q: Params,
) -> ApiResult<Json<Value>> {
    let pq = PageQuery {
        after: q.get("after").filter(|s| !s.is_empty()).map(str::to_owned),
        limit: q.limit(20, 1, 100)?,
        order: Order::Asc,
    };
    let store = st.read();
    let p = project(&store, &project_id)?;
    if p.archived_at.is_some() {
        return Err(archived(&project_id));
    }
    known_after(&store.users, &pq, "user")?;
    let page = page_map(&p.users, &pq);
    let shapes = st.config.shapes;
    let data = page
        .ids
        .iter()
        .filter_map(|id| Some((store.users.get(*id)?, p.users.get(*id)?)))
        .map(|(u, m)| project_user(u, m, shapes, false))
        .collect();
    Ok(Json(id_page(data, &page.ids, page.has_more)))
}

/// `POST …/users` with `{user_id | email, role}`. Adding a member again changes its role.
pub async fn create(
    State(st): State<Shared>,
    Ids(project_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let role = member_role(body.string("role")?)?;
    let user_id = body.opt_string("user_id")?.map(str::to_owned);
    let email = body.opt_string("email")?.map(str::to_lowercase);
    let mut store = st.write();
    let user_id = match (user_id, email) {
        (Some(id), _) => found(&store.users, "user", &id)?.id.clone(),
        (None, Some(email)) => store.emails.get(&email).cloned().ok_or_else(|| {
            ApiError::not_found_msg(format!("No user found with email '{email}'."))
        })?,
        (None, None) => {
            return Err(ApiError::bad(
                "user_id",
                "Missing required parameter: 'user_id' (or 'email').",
            ))
        }
    };
    let p = active_mut(&mut store, &project_id)?;
    let member = p.users.entry(user_id.clone()).or_insert_with(|| Member {
        role,
        added_at: now(),
        roles: Default::default(),
    });
    member.role = role;
    let member = member.clone();
    let u = found(&store.users, "user", &user_id)?;
    Ok(Json(project_user(u, &member, st.config.shapes, true)))
}

/// `GET …/users/{user_id}`.
pub async fn retrieve(
    State(st): State<Shared>,
    Ids((project_id, user_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let p = project(&store, &project_id)?;
    let u = found(&store.users, "user", &user_id)?;
    let m = p
        .users
        .get(&user_id)
        .ok_or_else(|| not_member(&project_id, &user_id))?;
    Ok(Json(project_user(u, m, st.config.shapes, false)))
}

/// `POST …/users/{user_id}` with `{role?}` (`{}` and `role: null` leave it unchanged).
pub async fn update(
    State(st): State<Shared>,
    Ids((project_id, user_id)): Ids<(String, String)>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let role = body.opt_string("role")?.map(member_role).transpose()?;
    let mut store = st.write();
    found(&store.users, "user", &user_id)?;
    let p = active_mut(&mut store, &project_id)?;
    let m = p
        .users
        .get_mut(&user_id)
        .ok_or_else(|| not_member(&project_id, &user_id))?;
    if let Some(role) = role {
        m.role = role;
    }
    let m = m.clone();
    let u = found(&store.users, "user", &user_id)?;
    Ok(Json(project_user(u, &m, st.config.shapes, false)))
}

/// `DELETE …/users/{user_id}`: also drops the member's project role assignments.
pub async fn delete(
    State(st): State<Shared>,
    Ids((project_id, user_id)): Ids<(String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = st.write();
    found(&store.users, "user", &user_id)?;
    let p = active_mut(&mut store, &project_id)?;
    if !p.remove_user(&user_id) {
        return Err(not_member(&project_id, &user_id));
    }
    Ok(Json(render::deleted(
        "organization.project.user.deleted",
        &user_id,
    )))
}
