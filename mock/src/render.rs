//! JSON views of the records, with the spec's exact field names.
//!
//! Note the spec's quirks kept here on purpose: `GroupResponse` says `is_scim_managed` while the
//! `Group` inside a group role assignment says `scim_managed`; role bodies say `role_name` while
//! role responses say `name`.

use serde_json::{json, Value};

use crate::store::{Group, Role, Store, User};

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
