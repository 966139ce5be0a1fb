//! Applies a plan to the model in memory: what the organization looks like after the operations
//! that were done (for tests, and for a view updated after an apply).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Group, Role, UserRoleItem};
use crate::plan::{resolve_operation, Plan, PlanId};
use crate::Model;

/// How an operation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It succeeded (or its target was already as planned).
    Done,
    /// It was sent and failed.
    Failed,
    /// It was not sent (an operation it depends on did not succeed, an abort, a stop).
    Skipped,
}

/// The outcome of one operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// How it ended.
    pub status: Status,
    /// The operation's result (a created thing's id in `id`).
    #[serde(default)]
    pub result: Option<Value>,
}

/// Applies the operations of `plan` that are done: all of them without `outcomes`. A create
/// without a result's `id` gets `created_<index>`.
pub fn apply(model: &mut Model, plan: &Plan, outcomes: Option<&[Outcome]>) -> Result<(), String> {
    let mut created: HashMap<usize, String> = HashMap::new();
    for (index, op) in plan.operations.iter().enumerate() {
        let outcome = outcomes.and_then(|o| o.get(index));
        if outcome.is_some_and(|o| o.status != Status::Done) {
            continue;
        }
        let result_id = outcome
            .and_then(|o| o.result.as_ref())
            .and_then(|r| r.get("id"))
            .and_then(Value::as_str)
            .map_or_else(|| format!("created_{index}"), str::to_owned);
        let op = resolve_operation(op, |from| created.get(&from).cloned().map(PlanId::Known))
            .map_err(|u| format!("operation {index} needs operation {}, not done", u.from))?;
        let op = &op;
        let id = |name: &str| -> Result<String, String> {
            let value = match op.ids.get(name) {
                Some(v) => v.clone(),
                None => body_id(op, name)?,
            };
            match value {
                PlanId::Known(id) => Ok(id),
                PlanId::From { from } => Err(format!("operation {index} needs operation {from}")),
            }
        };
        let text = |name: &str| -> Option<String> {
            op.body.as_ref()?.get(name)?.as_str().map(str::to_owned)
        };
        match op.operation.as_str() {
            "roles.create" => {
                let permissions = op
                    .body
                    .as_ref()
                    .and_then(|b| serde_json::from_value(b.get("permissions")?.clone()).ok())
                    .unwrap_or_default();
                model.add_role(Role {
                    id: result_id.clone(),
                    name: text("role_name").unwrap_or_default(),
                    description: text("description"),
                    permissions,
                    predefined: false,
                });
                created.insert(index, result_id);
            }
            "roles.update" => {
                let role_id = id("role_id")?;
                let role = model.roles.get_mut(&role_id).ok_or("no such role")?;
                if let Some(name) = text("role_name") {
                    role.name = name;
                }
                if let Some(description) = text("description") {
                    role.description = Some(description);
                }
                if let Some(p) = op.body.as_ref().and_then(|b| b.get("permissions")) {
                    role.permissions =
                        serde_json::from_value(p.clone()).map_err(|e| e.to_string())?;
                }
            }
            "roles.delete" => {
                let role_id = id("role_id")?;
                model.roles.remove(&role_id);
                for roles in model.group_roles.values_mut() {
                    roles.remove(&role_id);
                }
                for items in model.user_roles.values_mut() {
                    items.remove(&role_id);
                }
            }
            "groups.create" => {
                model.add_group(Group {
                    id: result_id.clone(),
                    name: text("name").unwrap_or_default(),
                    scim: false,
                });
                model.members.insert(result_id.clone(), Default::default());
                model
                    .group_roles
                    .insert(result_id.clone(), Default::default());
                created.insert(index, result_id);
            }
            "groups.update" => {
                let group_id = id("group_id")?;
                let group = model.groups.get_mut(&group_id).ok_or("no such group")?;
                group.name = text("name").unwrap_or_default();
            }
            "groups.delete" => {
                let group_id = id("group_id")?;
                model.groups.remove(&group_id);
                model.members.remove(&group_id);
                model.group_roles.remove(&group_id);
            }
            "groups.users.create" => {
                let (group, user) = (id("group_id")?, id("user_id")?);
                model.members.entry(group).or_default().insert(user);
            }
            "groups.users.delete" => {
                let (group, user) = (id("group_id")?, id("user_id")?);
                model.members.entry(group).or_default().remove(&user);
            }
            "groups.roles.create" => {
                let (group, role) = (id("group_id")?, id("role_id")?);
                model.group_roles.entry(group).or_default().insert(role);
            }
            "groups.roles.delete" => {
                let (group, role) = (id("group_id")?, id("role_id")?);
                model.group_roles.entry(group).or_default().remove(&role);
            }
            "users.roles.create" => {
                let (user, role) = (id("user_id")?, id("role_id")?);
                let items = model.user_roles.entry(user).or_default();
                items
                    .entry(role.clone())
                    .and_modify(|item| item.direct = true)
                    .or_insert(UserRoleItem {
                        role_id: role,
                        direct: true,
                        via_groups: Vec::new(),
                    });
            }
            "users.roles.delete" => {
                let (user, role) = (id("user_id")?, id("role_id")?);
                let items = model.user_roles.entry(user).or_default();
                if let Some(item) = items.get_mut(&role) {
                    item.direct = false;
                    if item.via_groups.is_empty() {
                        items.remove(&role);
                    }
                }
            }
            "users.update" => {
                let user_id = id("user_id")?;
                let user = model.users.get_mut(&user_id).ok_or("no such user")?;
                user.role = text("role");
            }
            other => return Err(format!("operation {other} is not one a plan makes")),
        }
    }
    Ok(())
}

/// An id carried in the body (`user_id`, `role_id` of the create operations).
fn body_id(op: &crate::plan::PlanOperation, name: &str) -> Result<PlanId, String> {
    let value = op
        .body
        .as_ref()
        .and_then(|b| b.get(name))
        .ok_or_else(|| format!("{} has no {name}", op.operation))?;
    serde_json::from_value(value.clone()).map_err(|e| e.to_string())
}
