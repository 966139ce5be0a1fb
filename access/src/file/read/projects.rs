//! The `projects:` section's entries: each project by name, with its `id`, `members` (email:
//! project role), `groups` (group name: its project roles), `users` (email: the member's own
//! project roles) and `roles` (custom project roles, read as the file's `roles:` entries).

use super::{fields, list, optional_text, role, same, suggest, text};
use crate::file::tree::{Node, Pos, Value};
use crate::file::{FileError, FileProject, FileProjectGroup, FileProjectMember, Spanned};

use crate::map::Map;
use crate::model::email_key;

/// The project roles a member can have.
const MEMBER_ROLES: [&str; 2] = ["owner", "member"];

pub(super) fn project(name: Spanned<String>, node: &Node) -> Result<FileProject, FileError> {
    let what = format!("project `{}`", name.value);
    let mut project = FileProject {
        name,
        id: None,
        members: None,
        groups: None,
        users: None,
        roles: None,
    };
    for (key, value) in fields(node, &what, &["id", "members", "groups", "users", "roles"])? {
        match key.value.as_str() {
            "id" => project.id = optional_text(value, &format!("the id of {what}"))?,
            "members" => project.members = Some(members(value, &what)?),
            "groups" => project.groups = Some(lists(value, "group", &what, same)?),
            "users" => project.users = Some(lists(value, "user", &what, email_key)?),
            _ => {
                let roles = named(value, &format!("the roles of {what}"), same)?;
                let mut out = Vec::with_capacity(roles.len());
                for (name, node) in roles {
                    out.push(role(name, node)?);
                }
                project.roles = Some(out);
            }
        }
    }
    Ok(project)
}

/// A mapping of names to values, each name once (compared by `fold`); null is an empty one.
fn named<'a>(
    node: &'a Node,
    what: &str,
    fold: fn(&str) -> String,
) -> Result<Vec<(Spanned<String>, &'a Node)>, FileError> {
    let Value::Map(map) = &node.value else {
        if node.value == Value::Null {
            return Ok(Vec::new());
        }
        return Err(node.pos.error(format!(
            "{what} must be a mapping (write {{}} for none), not {}",
            node.kind()
        )));
    };
    let mut seen: Map<String, Pos> = Map::new();
    let mut out = Vec::with_capacity(map.len());
    for (key, value) in map {
        let key = text(key, &format!("a name in {what}"))?;
        if let Some(first) = seen.insert(fold(&key.value), key.pos) {
            return Err(key.pos.error(format!(
                "`{}` is twice in {what} (first at line {})",
                key.value, first.line
            )));
        }
        out.push((key, value));
    }
    Ok(out)
}

fn members(node: &Node, what: &str) -> Result<Vec<FileProjectMember>, FileError> {
    let members = format!("the members of {what}");
    let mut out = Vec::new();
    for (email, value) in named(node, &members, email_key)? {
        let of = format!("the project role of {} in {what}", email.value);
        let role = text(value, &of)?;
        if !MEMBER_ROLES.contains(&role.value.as_str()) {
            return Err(role.pos.error(format!(
                "{of} must be `owner` or `member`, not `{}`{}",
                role.value,
                suggest(&role.value, &MEMBER_ROLES)
                    .replace(" (expected one of: owner, member)", "")
            )));
        }
        out.push((email, role));
    }
    Ok(out)
}

/// A project's `groups:` (`kind` "group", names compared as written) or `users:` ("user", emails
/// compared by `email_key`): each name once, with its list of project roles.
fn lists(
    node: &Node,
    kind: &str,
    what: &str,
    fold: fn(&str) -> String,
) -> Result<Vec<FileProjectGroup>, FileError> {
    let mut out = Vec::new();
    for (name, value) in named(node, &format!("the {kind}s of {what}"), fold)? {
        let roles = list(
            value,
            &format!("the project roles of {kind} {} in {what}", name.value),
            same,
        )?;
        out.push((name, roles));
    }
    Ok(out)
}
