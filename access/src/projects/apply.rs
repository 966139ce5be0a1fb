//! The project operations a plan makes, applied to the model in memory (`crate::apply`).

use super::role_key;
use crate::apply::set_direct;
use crate::json::{FromJson, Value};
use crate::model::Role;
use crate::Model;

/// Applies one of the project rows a plan makes (`projects.users.*`, `projects.users.roles.*`,
/// `projects.groups.*`, `projects.groups.roles.*`,
/// `projects.roles.*`): `id` gives a path parameter or body id, `text` a body field, `body` the
/// body, `created` the id a create made. `None` when `operation` is not one of them, else whether
/// it created something (then `created` is its id).
pub(crate) fn apply_op(
    model: &mut Model,
    operation: &str,
    id: &dyn Fn(&str) -> Result<String, String>,
    text: &dyn Fn(&str) -> Option<String>,
    body: Option<&Value>,
    created: &str,
) -> Option<Result<bool, String>> {
    if !operation.starts_with("projects.") {
        return None;
    }
    Some(apply(model, operation, id, text, body, created))
}

fn apply(
    model: &mut Model,
    operation: &str,
    id: &dyn Fn(&str) -> Result<String, String>,
    text: &dyn Fn(&str) -> Option<String>,
    body: Option<&Value>,
    created: &str,
) -> Result<bool, String> {
    let project_id = id("project_id")?;
    let p = model
        .projects
        .get_mut(&project_id)
        .ok_or_else(|| format!("no project {project_id}"))?;
    match operation {
        "projects.users.create" | "projects.users.update" => {
            let role = text("role").ok_or("no project role")?;
            let user = id("user_id")?;
            if operation.ends_with("create") {
                // A new member has no project role of their own yet: their list is known.
                p.user_roles.entry(user.clone()).or_default();
            }
            p.members
                .get_or_insert_with(Default::default)
                .insert(user, role);
        }
        "projects.users.roles.create" | "projects.users.roles.delete" => {
            let (user, role) = (id("user_id")?, id("role_id")?);
            // Only into a list that was read: one not read stays so.
            if let Some(items) = p.user_roles.get_mut(&user) {
                let key = role_key(&role).to_owned();
                set_direct(items, key, operation.ends_with("create"));
            }
        }
        "projects.users.delete" => {
            let user = id("user_id")?;
            if let Some(members) = &mut p.members {
                members.remove(&user);
            }
            p.user_roles.remove(&user);
        }
        "projects.groups.create" => {
            let group = id("group_id")?;
            let role = text("role").ok_or("no project role")?;
            p.groups
                .get_or_insert_with(Default::default)
                .insert(group.clone());
            p.group_roles
                .entry(group)
                .or_default()
                .insert(role_key(&role).to_owned());
        }
        "projects.groups.delete" => {
            let group = id("group_id")?;
            if let Some(groups) = &mut p.groups {
                groups.remove(&group);
            }
            p.group_roles.remove(&group);
        }
        "projects.groups.roles.create" => {
            let (group, role) = (id("group_id")?, id("role_id")?);
            p.group_roles
                .entry(group)
                .or_default()
                .insert(role_key(&role).to_owned());
        }
        "projects.groups.roles.delete" => {
            let (group, role) = (id("group_id")?, id("role_id")?);
            if let Some(roles) = p.group_roles.get_mut(&group) {
                roles.remove(role_key(&role));
            }
        }
        "projects.roles.create" => {
            p.roles.insert(
                role_key(created).to_owned(),
                Role {
                    id: created.to_owned(),
                    name: text("role_name").unwrap_or_default(),
                    description: text("description"),
                    permissions: permissions(body)?.unwrap_or_default(),
                    predefined: false,
                },
            );
            return Ok(true);
        }
        "projects.roles.update" => {
            let role_id = id("role_id")?;
            let role = p
                .roles
                .get_mut(role_key(&role_id))
                .ok_or("no such project role")?;
            if let Some(name) = text("role_name") {
                role.name = name;
            }
            if let Some(description) = text("description") {
                role.description = Some(description);
            }
            if let Some(list) = permissions(body)? {
                role.permissions = list;
            }
        }
        "projects.roles.delete" => {
            let key = role_key(&id("role_id")?).to_owned();
            p.roles.remove(&key);
            for roles in p.group_roles.values_mut() {
                roles.remove(&key);
            }
            for items in p.user_roles.values_mut() {
                items.remove(&key);
            }
        }
        other => return Err(format!("operation {other} is not one a plan makes")),
    }
    Ok(false)
}

/// The body's `permissions`, when it has them.
fn permissions(body: Option<&Value>) -> Result<Option<Vec<String>>, String> {
    body.and_then(|b| b.get("permissions"))
        .map(Vec::from_json)
        .transpose()
}
