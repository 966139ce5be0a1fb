//! The `users:` section: organization roles, and roles assigned to users directly. Users are
//! never created or removed; a role a user inherits through a group is never removed here.

use crate::json::Value;

use super::assign::{plan_role_list, Principal};
use super::build::{Body, Draft, Phase, Ref};
use super::Change;
use super::{Context, Unmanaged};
use crate::file::{user_key, FileUser};
use crate::map::Set;
use crate::sort::set_of;

/// Plans the `users:` section; returns the owners left after the plan's role changes.
pub fn plan_users(cx: &mut Context, users: &[FileUser]) {
    let model = cx.model;
    let mut named: Set<&str> = Set::new();
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
                        body: vec![("role", Body::Json(Value::from(&role.value)))],
                        summary: format!(
                            "change the organization role of {email} from {} to {}",
                            current.unwrap_or("none"),
                            role.value
                        ),
                        change: Change::Update,
                        makes: None,
                        after: Vec::new(),
                    });
                    cx.org_roles.insert(user.id.clone(), role.value.clone());
                }
            }
        }
        let Some(roles) = &entry.roles else { continue };
        let current: Set<&String> = set_of(model.direct_roles(&user.id));
        let subject = format!("user {email}");
        let who = Principal {
            assign: "users.roles.create",
            unassign: "users.roles.delete",
            param: "user_id",
            id: Ref::Id(user.id.clone()),
            label: email,
            subject: &subject,
        };
        plan_role_list(cx, &who, roles, &current);
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
