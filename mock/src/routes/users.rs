//! `/organization/users` and `/organization/users/{user_id}`.

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::extract::{Body, Ids, Params};
use super::{found, found_mut};
use crate::error::{ApiError, ApiResult};
use crate::render;
use crate::state::Shared;
use crate::store::page::{page_map, page_set, Order, PageQuery};
use crate::store::{known_after, OrgRole, User};

/// `GET /organization/users`: limit 1..=100 (default 20), ascending by id, `after`, and
/// `emails[]=a&emails[]=b` or `emails=a&emails=b` (case-insensitive exact match).
/// Answers `{object, data, first_id, last_id, has_more}`.
pub async fn list(State(st): State<Shared>, q: Params) -> ApiResult<Json<Value>> {
    let pq = PageQuery {
        after: q.get("after").filter(|s| !s.is_empty()).map(str::to_owned),
        limit: q.limit(20, 1, 100)?,
        order: Order::Asc,
    };
    let emails = q.all(&["emails", "emails[]"]);
    let store = st.read();
    known_after(&store.users, &pq, "user")?;
    let (ids, has_more): (Vec<String>, bool) = if emails.is_empty() {
        let page = page_map(&store.users, &pq);
        (page.ids.into_iter().cloned().collect(), page.has_more)
    } else {
        let matched = emails
            .iter()
            .filter_map(|e| store.emails.get(&e.to_lowercase()).cloned())
            .collect();
        let page = page_set(&matched, &pq);
        (page.ids.into_iter().cloned().collect(), page.has_more)
    };
    let data: Vec<Value> = ids
        .iter()
        .filter_map(|id| store.users.get(id))
        .map(|u| render::user_as(u, st.config.shapes))
        .collect();
    Ok(Json(json!({
        "object": "list",
        "data": data,
        "first_id": ids.first(),
        "last_id": ids.last(),
        "has_more": has_more,
    })))
}

/// `GET /organization/users/{user_id}`.
pub async fn retrieve(
    State(st): State<Shared>,
    Ids(user_id): Ids<String>,
) -> ApiResult<Json<Value>> {
    let store = st.read();
    let u = found(&store.users, "user", &user_id)?;
    Ok(Json(render::user_as(u, st.config.shapes)))
}

/// `POST /organization/users/{user_id}` with any of `{role, role_id, technical_level,
/// developer_persona}`; `{}` answers the user unchanged. `role` is `owner`, `reader` or `member`
/// (the spec's text for this operation says "`owner` or `member`": read as `reader`, the role the
/// User schema names); `null` leaves it unchanged. `role_id` naming the predefined `Owner`/`Reader`
/// role sets `role`; naming a custom role assigns it to the user. `technical_level` and
/// `developer_persona` set the field, `null` clears it. Unknown fields are ignored.
pub async fn modify(
    State(st): State<Shared>,
    Ids(user_id): Ids<String>,
    body: Body,
) -> ApiResult<Json<Value>> {
    let role = match body.opt_string("role")? {
        None => None,
        Some("member") => Some(OrgRole::Reader),
        Some(r) => Some(OrgRole::parse(r).ok_or_else(|| {
            ApiError::bad(
                "role",
                format!("Invalid 'role': expected 'owner' or 'reader', got '{r}'."),
            )
        })?),
    };
    let role_id = body.opt_string("role_id")?.map(str::to_owned);
    let technical_level = body.nullable_string("technical_level")?;
    let developer_persona = body.nullable_string("developer_persona")?;
    let mut store = st.write();
    found(&store.users, "user", &user_id)?;
    let mut org_role = role;
    if let Some(rid) = &role_id {
        let r = found(&store.roles, "role", rid)?;
        match (r.predefined, r.name.as_str()) {
            (true, "Owner") => org_role = Some(OrgRole::Owner),
            (true, "Reader") => org_role = Some(OrgRole::Reader),
            _ => {
                store.link_user_role(&user_id, rid);
            }
        }
    }
    let u: &mut User = found_mut(&mut store.users, "user", &user_id)?;
    if let Some(r) = org_role {
        u.role = r;
    }
    if let Some(t) = technical_level {
        u.technical_level = t;
    }
    if let Some(d) = developer_persona {
        u.developer_persona = d;
    }
    Ok(Json(render::user_as(u, st.config.shapes)))
}

/// `DELETE /organization/users/{user_id}`: also drops memberships and role assignments.
pub async fn delete(State(st): State<Shared>, Ids(user_id): Ids<String>) -> ApiResult<Json<Value>> {
    if !st.write().delete_user(&user_id) {
        return Err(ApiError::not_found("user", &user_id));
    }
    Ok(Json(render::deleted("organization.user.deleted", &user_id)))
}
