//! The project operations a plan makes, applied to the model in memory (`crate::apply`).

use super::role_key;
use crate::Model;

/// Applies one of the project rows a plan makes (`projects.users.*`, `projects.groups.*`,
/// `projects.groups.roles.*`): `id` gives a path parameter or body id, `text` a body field.
/// `None` when `operation` is not one of them.
pub(crate) fn apply_op(
    model: &mut Model,
    operation: &str,
    id: &dyn Fn(&str) -> Result<String, String>,
    text: &dyn Fn(&str) -> Option<String>,
) -> Option<Result<(), String>> {
    if !operation.starts_with("projects.") {
        return None;
    }
    Some(apply(model, operation, id, text))
}

fn apply(
    model: &mut Model,
    operation: &str,
    id: &dyn Fn(&str) -> Result<String, String>,
    text: &dyn Fn(&str) -> Option<String>,
) -> Result<(), String> {
    let project_id = id("project_id")?;
    let p = model
        .projects
        .get_mut(&project_id)
        .ok_or_else(|| format!("no project {project_id}"))?;
    match operation {
        "projects.users.create" | "projects.users.update" => {
            let role = text("role").ok_or("no project role")?;
            p.members
                .get_or_insert_with(Default::default)
                .insert(id("user_id")?, role);
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
        other => return Err(format!("operation {other} is not one a plan makes")),
    }
    Ok(())
}
