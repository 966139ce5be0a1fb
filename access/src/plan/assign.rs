//! A principal's role list (a group's `roles:` or a user's `roles:`), made exactly the file's
//! list: one rule for both, since the API assigns roles to groups and to users the same way.

use crate::map::Set;

use super::build::{Body, Draft, Phase, Ref};
use super::Change;
use super::Context;
use crate::file::Spanned;

/// Who holds the roles, and the operation table's rows that assign and unassign them.
pub struct Principal<'a> {
    /// The row that assigns a role (`groups.roles.create` or `users.roles.create`).
    pub assign: &'static str,
    /// The row that unassigns one (`groups.roles.delete` or `users.roles.delete`).
    pub unassign: &'static str,
    /// The path parameter naming the principal (`group_id` or `user_id`).
    pub param: &'static str,
    /// The principal's id (a group may be created by this plan).
    pub id: Ref,
    /// How summaries name it ("group Engineering", "ada@example.com").
    pub label: &'a str,
    /// How a blocked role's subject names it ("group Engineering", "user ada@example.com").
    pub subject: &'a str,
}

/// Plans the assignments that make `current` (the principal's direct roles, by id) exactly
/// `roles` (role names from the file). Only direct assignments are ever removed: an inherited
/// role is not in `current`.
pub fn plan_role_list(
    cx: &mut Context,
    who: &Principal,
    roles: &[Spanned<String>],
    current: &Set<&String>,
) {
    let label = who.label;
    let mut wanted = Set::new();
    for role in roles {
        let r = match cx.role_ref(&role.value) {
            Ok(r) => r,
            Err(reason) => {
                cx.builder
                    .block(format!("role {} of {}", role.value, who.subject), reason);
                continue;
            }
        };
        if let Ref::Id(role_id) = &r {
            wanted.insert(role_id.clone());
            if current.contains(role_id) {
                continue;
            }
        }
        cx.builder.push(Draft {
            phase: Phase::Adds,
            operation: who.assign,
            ids: vec![(who.param, who.id.clone())],
            body: vec![("role_id", Body::Ref(r))],
            summary: format!("assign role {} to {label}", role.value),
            change: Change::Add,
            makes: None,
            after: Vec::new(),
        });
    }
    let model = cx.model;
    for role_id in current.iter().filter(|r| !wanted.contains(**r)) {
        let role_label = model
            .roles
            .get(*role_id)
            .map_or(role_id.as_str(), |r| r.name.as_str());
        cx.builder.push(Draft {
            phase: Phase::Removes,
            operation: who.unassign,
            ids: vec![
                (who.param, who.id.clone()),
                ("role_id", Ref::Id((*role_id).clone())),
            ],
            body: Vec::new(),
            summary: format!("unassign role {role_label} from {label}"),
            change: Change::Remove,
            makes: None,
            after: Vec::new(),
        });
    }
}
