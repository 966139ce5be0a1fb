//! JSON views of the records, with the spec's exact field names.
//!
//! Note the spec's quirks kept here on purpose: `GroupResponse` says `is_scim_managed` while the
//! `Group` inside a group role assignment says `scim_managed`; role bodies say `role_name` while
//! role responses say `name`.

use serde_json::{json, Value};

use crate::config::Shapes;
use crate::store::{Group, Role, RoleSource, Store, User};

/// Which operation a group object answers: the spec's examples show different fields for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupAnswer {
    /// `groups.list` items: `object`, no `group_type`.
    List,
    /// `groups.create`: `object`, no `group_type`.
    Create,
    /// `groups.retrieve`: `group_type`, no `object`.
    Retrieve,
    /// `groups.update`: neither `object` nor `group_type`.
    Update,
}

/// A group as `answer` shows it under `shapes`.
pub fn group_as(g: &Group, shapes: Shapes, answer: GroupAnswer) -> Value {
    if shapes == Shapes::Full {
        return group(g);
    }
    let mut v = json!({
        "id": g.id,
        "name": g.name,
        "created_at": g.created_at,
        "is_scim_managed": g.is_scim_managed,
    });
    if matches!(answer, GroupAnswer::List | GroupAnswer::Create) {
        v["object"] = json!("group");
    }
    if answer == GroupAnswer::Retrieve {
        v["group_type"] = json!("group");
    }
    v
}

/// A user under `shapes`: the examples show only `object`, `id`, `name`, `email`, `role` and
/// `added_at`.
pub fn user_as(u: &User, shapes: Shapes) -> Value {
    match shapes {
        Shapes::Full => user(u),
        Shapes::Examples => json!({
            "object": "organization.user",
            "id": u.id,
            "name": u.name,
            "email": u.email,
            "role": u.role.as_str(),
            "added_at": u.added_at,
        }),
    }
}

/// `GroupResponse` (also used for `GroupResourceWithSuccess`, a subset of it).
pub fn group(g: &Group) -> Value {
    json!({
        "object": "group",
        "id": g.id,
        "name": g.name,
        "created_at": g.created_at,
        "is_scim_managed": g.is_scim_managed,
        "group_type": "group",
    })
}

/// The `Group` summary inside a `GroupRoleAssignment` (note `scim_managed`).
pub fn group_summary(g: &Group) -> Value {
    json!({
        "object": "group",
        "id": g.id,
        "name": g.name,
        "created_at": g.created_at,
        "scim_managed": g.is_scim_managed,
    })
}

/// `User` (an organization user).
pub fn user(u: &User) -> Value {
    json!({
        "object": "organization.user",
        "id": u.id,
        "name": u.name,
        "email": u.email,
        "role": u.role.as_str(),
        "added_at": u.added_at,
        "created": u.added_at,
        "is_default": false,
        "is_service_account": u.is_service_account,
        "is_scim_managed": false,
        "api_key_last_used_at": null,
        "technical_level": u.technical_level,
        "developer_persona": u.developer_persona,
    })
}

/// `GroupUser`: an item of a group's member list.
pub fn group_user(u: &User) -> Value {
    json!({ "id": u.id, "name": u.name, "email": u.email })
}

/// `GroupMemberUser`: one member of a group.
pub fn group_member(u: &User) -> Value {
    json!({
        "id": u.id,
        "name": u.name,
        "email": u.email,
        "picture": null,
        "is_service_account": u.is_service_account,
        "user_type": "user",
    })
}

/// `Role`.
pub fn role(r: &Role) -> Value {
    json!({
        "object": "role",
        "id": r.id,
        "name": r.name,
        "description": r.description,
        "permissions": r.permissions,
        "resource_type": r.resource_type,
        "predefined_role": r.predefined,
    })
}

/// `AssignedRoleDetails` of a user's role: `assignment_sources` lists where the role comes from
/// when it is inherited through a group (`{principal_id, principal_type: "group"}`, plus
/// `{principal_id: user_id, principal_type: "user"}` first when it is also assigned directly); it
/// is `null` for a role the user holds only directly. In a list under the example shapes a `null`
/// `assignment_sources` is left out, as the list examples leave it out.
pub fn user_assigned_role(
    store: &Store,
    r: &Role,
    user_id: &str,
    sources: &[RoleSource],
    shapes: Shapes,
    in_list: bool,
) -> Value {
    let mut v = assigned_role(store, r);
    let inherited = sources.iter().any(|s| matches!(s, RoleSource::Group(_)));
    if inherited {
        v["assignment_sources"] = sources
            .iter()
            .map(|s| match s {
                RoleSource::Direct => json!({ "principal_id": user_id, "principal_type": "user" }),
                RoleSource::Group(g) => json!({ "principal_id": g, "principal_type": "group" }),
            })
            .collect();
    } else if shapes == Shapes::Examples && in_list {
        if let Some(o) = v.as_object_mut() {
            o.remove("assignment_sources");
        }
    }
    v
}

/// A group's role in a list: as [`assigned_role`], without `assignment_sources` under the example
/// shapes (the list example leaves it out).
pub fn group_assigned_role_in_list(store: &Store, r: &Role, shapes: Shapes) -> Value {
    let mut v = assigned_role(store, r);
    if shapes == Shapes::Examples {
        if let Some(o) = v.as_object_mut() {
            o.remove("assignment_sources");
        }
    }
    v
}

/// `AssignedRoleDetails`: a role as seen through an assignment.
pub fn assigned_role(store: &Store, r: &Role) -> Value {
    let creator = r
        .created_by
        .as_ref()
        .and_then(|id| store.users.get(id))
        .map(|u| json!({ "id": u.id, "name": u.name, "email": u.email }));
    json!({
        "id": r.id,
        "name": r.name,
        "permissions": r.permissions,
        "resource_type": r.resource_type,
        "predefined_role": r.predefined,
        "description": r.description,
        "created_at": r.created_at,
        "updated_at": r.updated_at,
        "created_by": r.created_by,
        "created_by_user_obj": creator,
        "metadata": {},
        "assignment_sources": null,
    })
}

/// A `{object: "list", data, has_more, next}` page.
pub fn list(data: Vec<Value>, has_more: bool, next: Option<String>) -> Value {
    json!({ "object": "list", "data": data, "has_more": has_more, "next": next })
}

/// A deletion confirmation with an id, e.g. `group.deleted`.
pub fn deleted(object: &str, id: &str) -> Value {
    json!({ "object": object, "id": id, "deleted": true })
}
