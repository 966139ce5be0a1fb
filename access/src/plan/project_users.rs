//! A project's `users:`: each listed member's own project roles (those given to the user
//! directly, not through a group) made exactly the file's list, and a member the list leaves out
//! given none, as the project's `groups:` leaves a group it does not list without access (no
//! `prune` needed: nothing is deleted, only assignments taken back).
//!
//! A project role is given only to a member: a user who is not one, and whom the project's
//! `members:` does not add in the same plan, is blocked with the file's line; one it adds gets
//! the role after the membership (`projects.users.create`, which the assignment depends on).
//! A member's own project roles are read only when asked (one read per user and project): a
//! member whose list was not read is blocked, never guessed. [`plan_role_reads`] says which
//! lists a plan of a file needs, so that a loader reads exactly those first.

use super::build::{Body, Draft, Phase, Ref};
use super::project_roles::{wanted_roles, Target};
use super::projects::{find, member_key, subject};
use super::{Change, Context};
use crate::file::{user_key, AccessFile, FileProject, FileProjectUser};
use crate::map::{Map, Set};
use crate::projects::answers::RoleRead;
use crate::projects::ProjectFacts;
use crate::Model;

/// Why a member's own project roles are not planned.
const NOT_READ: &str =
    "the member's own project roles were not read (projects.users.roles.list): a plan never guesses them";

/// The member role lists a plan of `file` depends on: every member of each project whose entry
/// gives `users:` (read or not, so that a loader planning on fresh facts can read them again).
/// The projects of the other entries, and those the plan blocks, need none.
pub fn plan_role_reads(model: &Model, file: &AccessFile) -> Vec<RoleRead> {
    let mut out = Vec::new();
    for entry in file.projects.iter().flatten() {
        if entry.users.is_none() {
            continue;
        }
        if let Ok(p) = find(model, entry) {
            out.extend(p.members().map(|(user, _)| RoleRead {
                project_id: p.project.id.clone(),
                user_id: user.clone(),
            }));
        }
    }
    out
}

/// The role keys given to a member directly, in key order, from the member's list; `None` when
/// not read.
fn direct_of<'a>(p: &'a ProjectFacts, user_id: &str) -> Option<Vec<&'a String>> {
    let items = p.user_roles.get(user_id)?;
    Some(
        items
            .iter()
            .filter(|(_, i)| i.direct)
            .map(|(key, _)| key)
            .collect(),
    )
}

/// Plans a project's `users:`.
pub(super) fn plan_users(
    cx: &mut Context,
    entry: &FileProject,
    p: &ProjectFacts,
    users: &[FileProjectUser],
    targets: &Map<String, Target>,
) {
    let project = &p.project;
    let Some(current) = &p.members else {
        let reason = "its members were not read";
        cx.builder
            .block(subject("users of project", &entry.name), reason);
        return;
    };
    // The members after this plan: the file's `members:` when it has them, else those now.
    let after: Set<&str> = match &entry.members {
        Some(members) => members
            .iter()
            .filter_map(|(email, _)| cx.user(&email.value))
            .map(|u| u.id.as_str())
            .collect(),
        None => current.keys().map(String::as_str).collect(),
    };
    let mut listed: Set<&str> = Set::new();
    for (email, roles) in users {
        let Some(user) = cx.user(&email.value) else {
            let reason =
                "not a member of the organization (invitations are outside these resources)";
            cx.builder.block(subject("user", email), reason);
            continue;
        };
        listed.insert(user.id.as_str());
        let what = format!(
            "user {} in project {} (line {})",
            email.value, project.name, email.pos.line
        );
        if !after.contains(user.id.as_str()) {
            let reason = format!(
                "not a member of project {} after this plan: a project role is given only to a member (list them in the project's `members:`)",
                project.name
            );
            cx.builder.block(what, reason);
            continue;
        }
        let Some(wanted) = wanted_roles(cx, p, roles, targets, &what) else {
            continue;
        };
        let added = !current.contains_key(&user.id);
        let now = if added {
            Vec::new()
        } else {
            match direct_of(p, &user.id) {
                Some(now) => now,
                None => {
                    cx.builder.block(what, NOT_READ);
                    continue;
                }
            }
        };
        for (_, role, name) in wanted.iter().filter(|(k, _, _)| !now.contains(&k)) {
            cx.builder.push(Draft {
                phase: Phase::Adds,
                operation: "projects.users.roles.create",
                ids: ids(p, &user.id),
                body: vec![("role_id", Body::Ref(role.clone()))],
                summary: format!(
                    "assign project role {name} to {} in project {}",
                    email.value, project.name
                ),
                change: Change::Add,
                makes: None,
                after: if added {
                    vec![member_key(&project.id, &user.id)]
                } else {
                    Vec::new()
                },
            });
        }
        let kept = |k: &&String| wanted.iter().any(|(w, _, _)| w == *k);
        let gone: Vec<&String> = now.iter().copied().filter(|k| !kept(k)).collect();
        unassign(cx, p, &user.id, &email.value, gone);
    }
    // A member the list leaves out, who stays a member, keeps no project role of their own (one
    // the plan removes takes them along).
    for user_id in current.keys() {
        if listed.contains(user_id.as_str()) || !after.contains(user_id.as_str()) {
            continue;
        }
        let label = cx
            .model
            .users
            .get(user_id)
            .map_or(user_id.as_str(), user_key);
        match direct_of(p, user_id) {
            Some(now) => unassign(cx, p, user_id, label, now),
            None => cx.builder.block(
                format!("user {label} in project {}", project.name),
                NOT_READ,
            ),
        }
    }
}

/// The path ids of a member's project roles.
fn ids(p: &ProjectFacts, user_id: &str) -> Vec<(&'static str, Ref)> {
    vec![
        ("project_id", Ref::Id(p.project.id.clone())),
        ("user_id", Ref::Id(user_id.to_owned())),
    ]
}

/// Takes these project roles (keys) back from the member, by the id the API listed.
fn unassign(cx: &mut Context, p: &ProjectFacts, user_id: &str, label: &str, keys: Vec<&String>) {
    for key in keys {
        let role = p.roles.get(key);
        let mut path = ids(p, user_id);
        path.push((
            "role_id",
            Ref::Id(role.map_or(key.clone(), |r| r.id.clone())),
        ));
        cx.builder.push(Draft {
            phase: Phase::Removes,
            operation: "projects.users.roles.delete",
            ids: path,
            body: Vec::new(),
            summary: format!(
                "unassign project role {} from {label} in project {}",
                role.map_or(key.as_str(), |r| r.name.as_str()),
                p.project.name
            ),
            change: Change::Remove,
            makes: None,
            after: Vec::new(),
        });
    }
}
