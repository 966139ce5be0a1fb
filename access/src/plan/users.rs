//! The `users:` section: organization roles, and roles assigned to users directly. Users are
//! never created or removed; a role a user inherits through a group is never removed here.

use std::collections::{BTreeSet, HashSet};

use serde_json::json;

use super::build::{Body, Draft, Phase, Ref};
use super::{Context, Unmanaged};
use crate::file::{user_key, FileUser};

/// Plans the `users:` section; returns the owners left after the plan's role changes.
pub fn plan_users(cx: &mut Context, users: &[FileUser]) {
    let model = cx.model;
    let mut named: HashSet<&str> = HashSet::new();
    for entry in users {
        let email = &entry.email.value;
        let Some(user) = cx.user(email) else {
            cx.builder.block(
                format!("user {email}"),
                "not a member of the organization (invitations are outside these resources)",
            );
            continue;
        };
        named.insert(&user.id);
        if let Some(role) = &entry.role {
            let current = user.role.as_deref();
            if current != Some(role.value.as_str()) {
                if user.scim {
                    cx.builder.block(
                        format!("organization role of {email}"),
                        "SCIM-managed user: the organization role comes from the identity provider",
                    );
                } else {
                    cx.builder.push(Draft {
                        // Owners are added before anyone stops being one.
                        phase: if role.value == "owner" {
                            Phase::Adds
                        } else {
                            Phase::Removes
                        },
                        operation: "users.update",
                        ids: vec![("user_id", Ref::Id(user.id.clone()))],
                        body: vec![("role", Body::Json(json!(role.value)))],
                        summary: format!(
                            "change the organization role of {email} from {} to {}",
                            current.unwrap_or("none"),
                            role.value
                        ),
                        change: "~",
                        makes: None,
                        after: Vec::new(),
                    });
                    cx.org_roles.insert(user.id.clone(), role.value.clone());
                }
            }
        }
        let Some(roles) = &entry.roles else { continue };
        let current: BTreeSet<&String> = model.direct_roles(&user.id).collect();
        let mut wanted = BTreeSet::new();
        for role in roles {
            let r = match cx.role_ref(&role.value) {
                Ok(r) => r,
                Err(reason) => {
                    cx.builder
                        .block(format!("role {} of user {email}", role.value), reason);
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
                operation: "users.roles.create",
                ids: vec![("user_id", Ref::Id(user.id.clone()))],
                body: vec![("role_id", Body::Ref(r))],
                summary: format!("assign role {} to {email}", role.value),
                change: "+",
                makes: None,
                after: Vec::new(),
            });
        }
        // Only direct assignments are removed: an inherited role is not in `current`.
        for role_id in current.iter().filter(|r| !wanted.contains(**r)) {
            let label = model
                .roles
                .get(*role_id)
                .map_or(role_id.as_str(), |r| r.name.as_str());
            cx.builder.push(Draft {
                phase: Phase::Removes,
                operation: "users.roles.delete",
                ids: vec![
                    ("user_id", Ref::Id(user.id.clone())),
                    ("role_id", Ref::Id((*role_id).clone())),
                ],
                body: Vec::new(),
                summary: format!("unassign role {label} from {email}"),
                change: "-",
                makes: None,
                after: Vec::new(),
            });
        }
    }
    for user in model
        .users
        .values()
        .filter(|u| !named.contains(u.id.as_str()))
    {
        cx.unmanaged.push(Unmanaged {
            kind: "user".into(),
            name: user_key(user).to_owned(),
            id: user.id.clone(),
        });
    }
}
