//! Applies a plan to the model in memory: what the organization looks like after the operations
//! that were done (for tests, and for a view updated after an apply).

use crate::json::{FromJson, Object, ToJson, Value};

use crate::map::Map;
use crate::model::{Group, Role, UserRoleItem};
use crate::plan::{resolve_operation, Plan, PlanId};
use crate::Model;

/// How an operation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// It succeeded (or its target was already as planned).
    Done,
    /// It was sent and failed.
    Failed,
    /// It was not sent (an operation it depends on did not succeed, an abort, a stop).
    Skipped,
}

/// The outcome of one operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// How it ended.
    pub status: Status,
    /// The operation's result (a created thing's id in `id`).
    pub result: Option<Value>,
}

impl ToJson for Status {
    fn write_json(&self, out: &mut String) {
        self.name().write_json(out);
    }
}

impl Status {
    fn name(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Failed => "failed",
            Status::Skipped => "skipped",
        }
    }
}

impl FromJson for Status {
    fn from_json(value: &Value) -> Result<Self, String> {
        [Status::Done, Status::Failed, Status::Skipped]
            .into_iter()
            .find(|s| value.as_str() == Some(s.name()))
            .ok_or_else(|| "expected `done`, `failed` or `skipped`".to_owned())
    }
}

crate::json::json_object!(Outcome { "status" => status, "result" => result });

impl FromJson for Outcome {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(Outcome {
            status: o.req("status")?,
            result: o.opt("result")?,
        })
    }
}

/// Applies the operations of `plan` that are done: all of them without `outcomes`. A create
/// without a result's `id` gets `created_<index>`.
pub fn apply(model: &mut Model, plan: &Plan, outcomes: Option<&[Outcome]>) -> Result<(), String> {
    let mut created: Map<usize, String> = Map::new();
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
                    .and_then(|b| Vec::from_json(b.get("permissions")?).ok())
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
                    role.permissions = Vec::from_json(p)?;
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
                let users: Vec<String> = model.user_roles.keys().cloned().collect();
                for user in &users {
                    forget_group_source(model, user, &group_id, None);
                }
            }
            "groups.users.create" => {
                let (group, user) = (id("group_id")?, id("user_id")?);
                model.members.entry(group).or_default().insert(user);
            }
            "groups.users.delete" => {
                let (group, user) = (id("group_id")?, id("user_id")?);
                model
                    .members
                    .entry(group.clone())
                    .or_default()
                    .remove(&user);
                forget_group_source(model, &user, &group, None);
            }
            "groups.roles.create" => {
                let (group, role) = (id("group_id")?, id("role_id")?);
                model.group_roles.entry(group).or_default().insert(role);
            }
            "groups.roles.delete" => {
                let (group, role) = (id("group_id")?, id("role_id")?);
                model
                    .group_roles
                    .entry(group.clone())
                    .or_default()
                    .remove(&role);
                let members: Vec<String> = model.members_of(&group).cloned().collect();
                for user in &members {
                    forget_group_source(model, user, &group, Some(&role));
                }
            }
            "users.roles.create" | "users.roles.delete" => {
                let (user, role) = (id("user_id")?, id("role_id")?);
                let items = model.user_roles.entry(user).or_default();
                set_direct(items, role, op.operation.ends_with("create"));
            }
            "users.update" => {
                let user_id = id("user_id")?;
                let user = model.users.get_mut(&user_id).ok_or("no such user")?;
                user.role = text("role");
            }
            other => {
                let body = op.body.as_ref();
                match crate::projects::apply::apply_op(model, other, &id, &text, body, &result_id) {
                    Some(made) => {
                        if made? {
                            created.insert(index, result_id);
                        }
                    }
                    None => return Err(format!("operation {other} is not one a plan makes")),
                }
            }
        }
    }
    Ok(())
}

/// A user's role list (by role id, or by project role key) with the direct assignment of `role`
/// made (`direct`) or taken back: a role left with no source leaves the list. The one rule for
/// the organization's role lists and the projects' (`crate::projects::apply`).
pub(crate) fn set_direct(items: &mut Map<String, UserRoleItem>, role: String, direct: bool) {
    if direct {
        items
            .entry(role.clone())
            .and_modify(|item| item.direct = true)
            .or_insert(UserRoleItem {
                role_id: role,
                direct: true,
                via_groups: Vec::new(),
            });
    } else if let Some(item) = items.get_mut(&role) {
        item.direct = false;
        if item.via_groups.is_empty() {
            items.remove(&role);
        }
    }
}

/// Takes `group` out of the sources the API gave for `user`'s roles (only `role`'s, when given):
/// the group no longer gives them. A role left with no source is dropped from the user's list.
fn forget_group_source(model: &mut Model, user: &str, group: &str, role: Option<&str>) {
    let Some(items) = model.user_roles.get_mut(user) else {
        return;
    };
    items.retain(|role_id, item| {
        if role.is_none_or(|r| r == role_id) {
            item.via_groups.retain(|g| g != group);
        }
        item.direct || !item.via_groups.is_empty()
    });
}

/// An id carried in the body (`user_id`, `role_id` of the create operations).
fn body_id(op: &crate::plan::PlanOperation, name: &str) -> Result<PlanId, String> {
    let value = op
        .body
        .as_ref()
        .and_then(|b| b.get(name))
        .ok_or_else(|| format!("{} has no {name}", op.operation))?;
    PlanId::from_json(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::read;
    use crate::plan::{plan, PlanOptions};

    /// Ada and Grace in Engineering, which holds Auditor; the API's role lists name the group as
    /// the source (Grace also holds it directly).
    fn org() -> Model {
        let mut m = Model::new();
        m.add_users_json(
            r#"[{"id":"u-ada","email":"ada@example.com","role":"owner"},
                {"id":"u-grace","email":"grace@example.com","role":"reader"}]"#,
        )
        .unwrap();
        m.add_groups_json(r#"[{"id":"g-eng","name":"Engineering"}]"#)
            .unwrap();
        m.add_roles_json(r#"[{"id":"r-aud","name":"Auditor"}]"#)
            .unwrap();
        m.set_group_members_json("g-eng", r#"[{"id":"u-ada"},{"id":"u-grace"}]"#)
            .unwrap();
        m.set_group_roles_json("g-eng", r#"[{"id":"r-aud","name":"Auditor"}]"#)
            .unwrap();
        let via_group = r#"{"principal_type":"group","principal_id":"g-eng"}"#;
        m.set_user_roles_json(
            "u-ada",
            &format!(r#"[{{"id":"r-aud","name":"Auditor","assignment_sources":[{via_group}]}}]"#),
        )
        .unwrap();
        let direct = r#"{"principal_type":"user","principal_id":"u-grace"}"#;
        m.set_user_roles_json(
            "u-grace",
            &format!(
                r#"[{{"id":"r-aud","name":"Auditor","assignment_sources":[{direct},{via_group}]}}]"#
            ),
        )
        .unwrap();
        m
    }

    fn applied(model: &mut Model, file: &str) {
        let p = plan(model, &read(file).unwrap(), PlanOptions { prune: false });
        assert!(!p.operations.is_empty(), "{file} plans something");
        apply(model, &p, None).unwrap();
    }

    /// Each of the user's roles with its sources (`None`: direct).
    fn sources(model: &Model, user: &str) -> Vec<(String, Vec<Option<String>>)> {
        model
            .roles_of_user(user)
            .into_iter()
            .map(|(role, s)| (role.clone(), s.into_iter().map(|g| g.cloned()).collect()))
            .collect()
    }

    #[test]
    fn a_group_role_removed_no_longer_comes_through_the_group() {
        let mut m = org();
        applied(
            &mut m,
            "groups:\n  Engineering:\n    id: g-eng\n    roles: []\n",
        );
        assert_eq!(sources(&m, "u-ada"), vec![]);
        assert_eq!(
            sources(&m, "u-grace"),
            vec![("r-aud".to_owned(), vec![None])],
            "the direct assignment stays"
        );
    }

    #[test]
    fn a_member_who_leaves_no_longer_holds_the_group_roles() {
        let mut m = org();
        applied(
            &mut m,
            "groups:\n  Engineering:\n    id: g-eng\n    members: [grace@example.com]\n",
        );
        assert_eq!(sources(&m, "u-ada"), vec![]);
        let grace = vec![("r-aud".to_owned(), vec![None, Some("g-eng".to_owned())])];
        assert_eq!(sources(&m, "u-grace"), grace, "who stays keeps it");
    }

    #[test]
    fn a_deleted_group_gives_no_role() {
        let mut m = org();
        let p: Plan = crate::json::from_serde(serde_json::json!({
            "operations": [{"operation": "groups.delete", "ids": {"group_id": "g-eng"},
                            "body": null, "summary": "delete group Engineering", "change": "-"}],
            "blocked": [], "unmanaged": []
        }));
        apply(&mut m, &p, None).unwrap();
        assert_eq!(sources(&m, "u-ada"), vec![]);
        assert_eq!(
            sources(&m, "u-grace"),
            vec![("r-aud".to_owned(), vec![None])]
        );
    }
}
