//! JSON views of projects, their users and their groups, with the spec's field names, full or as
//! the spec's example answers show them (`--shapes examples`). Roles and role assignments inside a
//! project use the organization's views in `render.rs`.

use serde_json::{json, Value};

use crate::config::Shapes;
use crate::store::projects::{GroupAccess, Member, Project};
use crate::store::{Group, User};

/// Which operation a project answers: the examples of list, create, retrieve and archive leave
/// out `external_key_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// A list item, a create, a retrieve or an archive.
    Example,
    /// An update (no example answer in the spec: every field).
    Update,
}

/// `Project`.
pub fn project(p: &Project, shapes: Shapes, answer: Answer) -> Value {
    let status = match p.archived_at {
        Some(_) => "archived",
        None => "active",
    };
    let mut v = json!({
        "id": p.id,
        "object": "organization.project",
        "name": p.name,
        "created_at": p.created_at,
        "archived_at": p.archived_at,
        "status": status,
    });
    if shapes == Shapes::Full || answer == Answer::Update {
        v["external_key_id"] = json!(p.external_key_id);
        if let Some(r) = &p.residency {
            v["residency"] = json!(r);
        }
    }
    v
}

/// `ProjectUser`; the create example leaves out `name`.
pub fn project_user(u: &User, m: &Member, shapes: Shapes, create: bool) -> Value {
    let mut v = json!({
        "object": "organization.project.user",
        "id": u.id,
        "name": u.name,
        "email": u.email,
        "role": m.role.as_str(),
        "added_at": m.added_at,
    });
    if shapes == Shapes::Examples && create {
        if let Some(o) = v.as_object_mut() {
            o.remove("name");
        }
    }
    v
}

/// `ProjectGroup`; the list and create examples leave out `group_type`.
pub fn project_group(
    project_id: &str,
    g: &Group,
    access: &GroupAccess,
    shapes: Shapes,
    retrieve: bool,
) -> Value {
    let mut v = json!({
        "object": "project.group",
        "project_id": project_id,
        "group_id": g.id,
        "group_name": g.name,
        "created_at": access.created_at,
    });
    if shapes == Shapes::Full || retrieve {
        v["group_type"] = json!("group");
    }
    v
}

/// A `{object: "list", data, first_id, last_id, has_more}` page (projects, project users).
pub fn id_page(data: Vec<Value>, ids: &[&String], has_more: bool) -> Value {
    json!({
        "object": "list",
        "data": data,
        "first_id": ids.first(),
        "last_id": ids.last(),
        "has_more": has_more,
    })
}
