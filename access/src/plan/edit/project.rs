//! `planProjectMembership`: one project's members added (with their project role), re-roled and
//! removed, and members' own project roles given and taken back, from a console. Written as the
//! project's entry of an access file (its whole member list, and when roles change every member's
//! own role list) and planned by [`super::plan`], so the project owner floor, an archived project,
//! a role only for a member and after its membership, and the summaries are the planner's.

use crate::json::{FromJson, Object, Value};
use crate::map::Map;

use super::{bad, member_ref, must, spanned, EditError};
use crate::file::{AccessFile, FileProject};
use crate::model::User;
use crate::plan::{plan, Blocked, Plan, PlanOptions};
use crate::projects::{role_key, ProjectFacts};
use crate::Model;

/// A user and a project role: a member added with `owner` or `member`, or a member's own
/// project role (custom or predefined, by id in either spelling or by name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserRole {
    /// The user's id or email.
    pub user: String,
    /// The role.
    pub role: String,
}

/// `planProjectMembership`: one project's member changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectMembershipEdit {
    /// The project's id or name.
    pub project: String,
    /// Members to add, or whose project role (`owner` or `member`) to change.
    pub add: Vec<UserRole>,
    /// Members to remove (ids or emails).
    pub remove: Vec<String>,
    /// Project roles to give members directly.
    pub add_roles: Vec<UserRole>,
    /// Project roles to take back from members (only those given directly).
    pub remove_roles: Vec<UserRole>,
}

impl FromJson for UserRole {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        o.deny_unknown(&["user", "role"])?;
        Ok(UserRole {
            user: o.req("user")?,
            role: o.req("role")?,
        })
    }
}

impl FromJson for ProjectMembershipEdit {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        o.deny_unknown(&["project", "add", "remove", "addRoles", "removeRoles"])?;
        Ok(ProjectMembershipEdit {
            project: o.req("project")?,
            add: o.opt("add")?,
            remove: o.opt("remove")?,
            add_roles: o.opt("addRoles")?,
            remove_roles: o.opt("removeRoles")?,
        })
    }
}

/// The user a `name[i].user` names, or an error naming it.
fn user_at<'a>(model: &'a Model, argument: String, reference: &str) -> Result<&'a User, EditError> {
    must(model.find_user(reference), argument, "user", reference)
}

/// Adds `(user id, role key, give)` for each entry of a role list to `out`, or fails naming
/// `name[i]`: the user must exist and the role be one of the project's.
fn role_changes<'a>(
    model: &'a Model,
    p: &ProjectFacts,
    name: &str,
    list: &[UserRole],
    give: bool,
    out: &mut Vec<(&'a String, String, bool)>,
) -> Result<(), EditError> {
    for (i, change) in list.iter().enumerate() {
        let user = user_at(model, format!("{name}[{i}].user"), &change.user)?;
        let Some(role) = p.find_role(&change.role) else {
            let message = format!("no role `{}` in project {}", change.role, p.project.name);
            return Err(bad(format!("{name}[{i}].role"), message));
        };
        out.push((&user.id, role_key(&role.id).to_owned(), give));
    }
    Ok(())
}

/// The plan of one project's member changes. A project, user or role the organization does not
/// have, a member role other than `owner` or `member`, or a person both added and removed is an
/// error naming the argument (`project`, `add[0].role`, `remove[1]`, `addRoles[0].role`). What
/// the planner refuses (the last owner removed, an archived project, a role for someone who is
/// not a member, a member whose own project roles were not read) is blocked or refused as in a
/// file's plan. Nothing else of the organization is listed as unmanaged.
pub fn plan_project_membership(
    model: &Model,
    edit: &ProjectMembershipEdit,
) -> Result<Plan, EditError> {
    let p = must(
        model.find_project(&edit.project),
        "project".into(),
        "project",
        &edit.project,
    )?;
    let mut members = p.members.clone().unwrap_or_default();
    let mut added = Vec::new();
    for (i, change) in edit.add.iter().enumerate() {
        let user = user_at(model, format!("add[{i}].user"), &change.user)?;
        if change.role != "owner" && change.role != "member" {
            let message = format!("expected `owner` or `member`, not `{}`", change.role);
            return Err(bad(format!("add[{i}].role"), message));
        }
        members.insert(user.id.clone(), change.role.clone());
        added.push(&user.id);
    }
    for (i, reference) in edit.remove.iter().enumerate() {
        let user = user_at(model, format!("remove[{i}]"), reference)?;
        if added.contains(&&user.id) {
            let message = format!("`{reference}` is also in `add`");
            return Err(bad(format!("remove[{i}]"), message));
        }
        members.remove(&user.id);
    }
    let mut changes = Vec::new();
    role_changes(model, p, "addRoles", &edit.add_roles, true, &mut changes)?;
    role_changes(
        model,
        p,
        "removeRoles",
        &edit.remove_roles,
        false,
        &mut changes,
    )?;
    let label = |id: &String| {
        model
            .users
            .get(id)
            .map_or(id.clone(), |u| member_ref(model, u))
    };
    let mut blocked = Vec::new();
    // Every member's own roles after the edit (those read), and those of everyone the edit names
    // (a non-member is the planner's to block).
    let users = (!changes.is_empty()).then(|| {
        let mut lists: Map<&String, Vec<&String>> = Map::new();
        for id in members.keys() {
            if let Some(items) = p.user_roles.get(id) {
                let direct = items.iter().filter(|(_, i)| i.direct).map(|(k, _)| k);
                lists.insert(id, direct.collect());
            }
        }
        for (id, key, give) in &changes {
            let roles = lists.entry(*id).or_default();
            let at = roles.iter().position(|k| *k == key);
            match (give, at) {
                (true, None) => roles.push(key),
                (false, Some(at)) => {
                    roles.remove(at);
                }
                // Read, and not given directly (perhaps through a group): blocked.
                (false, None) if p.user_roles.contains_key(*id) => blocked.push(Blocked {
                    subject: format!(
                        "project role {} of {} in project {}",
                        p.roles.get(key).map_or(key.as_str(), |r| r.name.as_str()),
                        label(id),
                        p.project.name
                    ),
                    reason: "not given to the member directly".into(),
                }),
                _ => {}
            }
        }
        let list = |roles: Vec<&String>| roles.into_iter().map(|k| spanned(k.clone(), 1)).collect();
        lists
            .into_iter()
            .map(|(id, roles)| (spanned(label(id), 1), list(roles)))
            .collect()
    });
    let file = AccessFile {
        projects: Some(vec![FileProject {
            name: spanned(p.project.name.clone(), 1),
            id: Some(spanned(p.project.id.clone(), 1)),
            // Given when the edit changes members (members not read are the planner's to block).
            // The members as they are listed, then those added, in the edit's order.
            members: (!edit.add.is_empty() || !edit.remove.is_empty()).then(|| {
                let mut out = Vec::new();
                for id in p.members().map(|(id, _)| id).chain(added) {
                    if let Some(role) = members.remove(id) {
                        out.push((spanned(label(id), 1), spanned(role, 1)));
                    }
                }
                out
            }),
            groups: None,
            users,
            roles: None,
        }]),
        ..AccessFile::default()
    };
    let mut plan = plan(model, &file, PlanOptions::default());
    plan.unmanaged.clear();
    plan.blocked.extend(blocked);
    Ok(plan)
}
