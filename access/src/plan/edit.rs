//! The plans of one change made from a console: a group's members edited
//! ([`plan_membership`]), one person's organization role, groups and direct roles
//! ([`plan_person`]), and CSV rows ([`crate::csv`]). Each is written as the part of an access
//! file it changes and planned by [`super::plan`], so the last-owner floor, the SCIM rules and the
//! summaries' wording are the planner's, whatever the button.

use crate::map::Set;

use crate::json::{FromJson, Object, Value};

use super::{plan, Blocked, Plan, PlanOptions};
use crate::file::{AccessFile, FileGroup, FileUser, Pos, Spanned};
use crate::model::{Group, Role, User};
use crate::Model;

/// A bad argument of an edit: which one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    /// The argument, as the caller wrote it (`group`, `add[1]`, `addRoles[0]`).
    pub argument: String,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.argument, self.message)
    }
}

fn bad(argument: impl Into<String>, message: impl Into<String>) -> EditError {
    EditError {
        argument: argument.into(),
        message: message.into(),
    }
}

/// `planMembership`: people added to and removed from one group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MembershipEdit {
    /// The group's id or name.
    pub group: String,
    /// Users to add (ids or emails).
    pub add: Vec<String>,
    /// Users to remove (ids or emails).
    pub remove: Vec<String>,
}

/// `planPerson`: one user's organization role, groups and direct roles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonEdit {
    /// The user's id or email.
    pub user: String,
    /// The organization role to give (`owner`, `reader`).
    pub organization_role: Option<String>,
    /// Groups to join (ids or names).
    pub add_groups: Vec<String>,
    /// Groups to leave (ids or names).
    pub remove_groups: Vec<String>,
    /// Roles to assign directly (ids or names).
    pub add_roles: Vec<String>,
    /// Direct roles to unassign (ids or names).
    pub remove_roles: Vec<String>,
}

impl FromJson for MembershipEdit {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        o.deny_unknown(&["group", "add", "remove"])?;
        Ok(MembershipEdit {
            group: o.req("group")?,
            add: o.opt("add")?,
            remove: o.opt("remove")?,
        })
    }
}

impl FromJson for PersonEdit {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        o.deny_unknown(&[
            "user",
            "organizationRole",
            "addGroups",
            "removeGroups",
            "addRoles",
            "removeRoles",
        ])?;
        Ok(PersonEdit {
            user: o.req("user")?,
            organization_role: o.opt("organizationRole")?,
            add_groups: o.opt("addGroups")?,
            remove_groups: o.opt("removeGroups")?,
            add_roles: o.opt("addRoles")?,
            remove_roles: o.opt("removeRoles")?,
        })
    }
}

/// Members added to and removed from one group, each change with the line that asked for it
/// (CSV) or line 1.
pub(crate) struct GroupChange<'a> {
    pub group: &'a Group,
    pub line: usize,
    pub add: Vec<&'a User>,
    pub remove: Vec<&'a User>,
}

pub(crate) fn spanned(value: String, line: usize) -> Spanned<String> {
    Spanned {
        value,
        pos: Pos { line, column: 1 },
    }
}

/// How the file names a user the edit adds: the email when the one lookup finds this user by
/// it (the summaries then read `add ada@example.com to Ops`), else the id.
pub(crate) fn member_ref(model: &Model, user: &User) -> String {
    match user.email.as_deref() {
        Some(email) if model.find_user(email).is_some_and(|u| u.id == user.id) => email.to_owned(),
        _ => user.id.clone(),
    }
}

/// The groups' `members:` lists after the changes: members kept by id, members added by
/// [`member_ref`].
pub(crate) fn member_lists(model: &Model, changes: &[GroupChange]) -> Vec<FileGroup> {
    changes
        .iter()
        .map(|change| {
            let removed: Set<&String> = change.remove.iter().map(|u| &u.id).collect();
            let current: Set<&String> = model.members_of(&change.group.id).collect();
            let mut members: Vec<Spanned<String>> = current
                .iter()
                .filter(|id| !removed.contains(*id))
                .map(|id| spanned((*id).clone(), change.line))
                .collect();
            for user in &change.add {
                if !current.contains(&user.id) {
                    members.push(spanned(member_ref(model, user), change.line));
                }
            }
            FileGroup {
                name: spanned(change.group.name.clone(), change.line),
                id: Some(spanned(change.group.id.clone(), change.line)),
                members: Some(members),
                roles: None,
            }
        })
        .collect()
}

/// The plan of member changes to groups (the other groups, roles and users listed unmanaged).
pub(crate) fn plan_member_lists(model: &Model, changes: &[GroupChange]) -> Plan {
    let file = AccessFile {
        roles: None,
        groups: Some(member_lists(model, changes)),
        users: None,
        projects: None,
    };
    plan(model, &file, PlanOptions::default())
}

/// `found`, or an error naming `argument`: no `kind` called `reference` in the organization.
fn must<'a, T>(
    found: Option<&'a T>,
    argument: String,
    kind: &str,
    reference: &str,
) -> Result<&'a T, EditError> {
    found.ok_or_else(|| {
        bad(
            argument,
            format!("no {kind} `{reference}` in the organization"),
        )
    })
}

fn user_id(user: &User) -> &str {
    &user.id
}

fn group_id(group: &Group) -> &str {
    &group.id
}

fn role_id(role: &Role) -> &str {
    &role.id
}

/// Resolves `list` (named `name` for errors, `name[i]`) with `find`; one named twice counts
/// once.
fn resolve_all<'a, T>(
    name: &str,
    list: &[String],
    find: &impl Fn(String, &str) -> Result<&'a T, EditError>,
    id: fn(&T) -> &str,
) -> Result<Vec<&'a T>, EditError> {
    let mut out: Vec<&'a T> = Vec::new();
    for (i, reference) in list.iter().enumerate() {
        let item = find(format!("{name}[{i}]"), reference)?;
        if !out.iter().any(|o| id(o) == id(item)) {
            out.push(item);
        }
    }
    Ok(out)
}

/// `add` and `remove` (named `names.0` and `names.1` for errors) resolved with `find`; one named
/// in both is an error naming it in `remove`.
fn adds_and_removes<'a, T>(
    names: (&str, &str),
    add: &[String],
    remove: &[String],
    find: impl Fn(String, &str) -> Result<&'a T, EditError>,
    id: fn(&T) -> &str,
) -> Result<(Vec<&'a T>, Vec<&'a T>), EditError> {
    let added = resolve_all(names.0, add, &find, id)?;
    for (i, reference) in remove.iter().enumerate() {
        let item = find(format!("{}[{i}]", names.1), reference)?;
        if added.iter().any(|a| id(a) == id(item)) {
            return Err(bad(
                format!("{}[{i}]", names.1),
                format!("`{reference}` is also in `{}`", names.0),
            ));
        }
    }
    Ok((added, resolve_all(names.1, remove, &find, id)?))
}

/// The plan that adds `edit.add` to the group and removes `edit.remove` from it. A reference
/// that names no group or user is an error naming the argument; what the planner refuses (a
/// SCIM-managed group) is blocked, as in a file's plan.
pub fn plan_membership(model: &Model, edit: &MembershipEdit) -> Result<Plan, EditError> {
    let group = must(
        model.find_group(&edit.group),
        "group".into(),
        "group",
        &edit.group,
    )?;
    let (add, remove) = adds_and_removes(
        ("add", "remove"),
        &edit.add,
        &edit.remove,
        |a, r| must(model.find_user(r), a, "user", r),
        user_id,
    )?;
    let change = GroupChange {
        group,
        line: 1,
        add,
        remove,
    };
    let mut plan = plan_member_lists(model, &[change]);
    plan.unmanaged.clear();
    Ok(plan)
}

/// How the file names a role: by its name when the planner's name lookup finds this role by
/// it, else by id.
fn role_ref(model: &Model, role: &Role) -> String {
    match model.find_role(&role.name) {
        Some(r) if r.id == role.id => role.name.clone(),
        _ => role.id.clone(),
    }
}

/// The plan of one person's change: the organization role, groups joined and left, direct roles
/// assigned and unassigned. The last-owner floor and the SCIM rules apply as in a file's plan.
/// Unassigning a role the user holds only through groups is blocked, naming them.
pub fn plan_person(model: &Model, edit: &PersonEdit) -> Result<Plan, EditError> {
    let user = must(
        model.find_user(&edit.user),
        "user".into(),
        "user",
        &edit.user,
    )?;
    let (join, leave) = adds_and_removes(
        ("addGroups", "removeGroups"),
        &edit.add_groups,
        &edit.remove_groups,
        |a, r| must(model.find_group(r), a, "group", r),
        group_id,
    )?;
    let (assign, unassign) = adds_and_removes(
        ("addRoles", "removeRoles"),
        &edit.add_roles,
        &edit.remove_roles,
        |a, r| must(model.find_role(r), a, "role", r),
        role_id,
    )?;
    let label = member_ref(model, user);
    let mut blocked = Vec::new();
    let roles = if assign.is_empty() && unassign.is_empty() {
        None
    } else {
        let direct: Set<&String> = model.direct_roles(&user.id).collect();
        let mut wanted: Vec<&Role> = direct
            .iter()
            .filter_map(|id| model.roles.get(*id))
            .filter(|r| !unassign.iter().any(|u| u.id == r.id))
            .collect();
        wanted.extend(assign.iter().copied().filter(|r| !direct.contains(&r.id)));
        for role in unassign.iter().filter(|r| !direct.contains(&r.id)) {
            blocked.push(not_direct(model, user, &label, role));
        }
        Some(
            wanted
                .into_iter()
                .map(|r| spanned(role_ref(model, r), 1))
                .collect(),
        )
    };
    let changes: Vec<GroupChange> = join
        .iter()
        .map(|g| (g, true))
        .chain(leave.iter().map(|g| (g, false)))
        .map(|(group, add)| GroupChange {
            group,
            line: 1,
            add: if add { vec![user] } else { Vec::new() },
            remove: if add { Vec::new() } else { vec![user] },
        })
        .collect();
    let file = AccessFile {
        roles: None,
        groups: (!changes.is_empty()).then(|| member_lists(model, &changes)),
        users: Some(vec![FileUser {
            email: spanned(label, 1),
            role: edit.organization_role.clone().map(|r| spanned(r, 1)),
            roles,
        }]),
        projects: None,
    };
    let mut plan = plan(model, &file, PlanOptions::default());
    plan.unmanaged.clear();
    plan.blocked.extend(blocked);
    Ok(plan)
}

/// Unassigning a role the user does not hold directly: blocked, naming where it comes from.
fn not_direct(model: &Model, user: &User, label: &str, role: &Role) -> Blocked {
    let via: Vec<&Group> = model
        .groups_by_name()
        .into_iter()
        .filter(|g| model.members_of(&g.id).any(|u| *u == user.id))
        .filter(|g| model.roles_of_group(&g.id).any(|r| *r == role.id))
        .collect();
    let reason = if via.is_empty() {
        "not assigned to the user directly".to_owned()
    } else {
        let names: Vec<&str> = via.iter().map(|g| g.name.as_str()).collect();
        format!(
            "not assigned directly: held through group {} (change it in the group)",
            names.join(", ")
        )
    };
    Blocked {
        subject: format!("role {} of user {label}", role.name),
        reason,
    }
}

mod project;
pub use project::{plan_project_membership, ProjectMembershipEdit, UserRole};

#[cfg(test)]
mod project_tests;
#[cfg(test)]
mod tests;
