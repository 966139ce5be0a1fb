//! The `groups:` section: groups created, renamed (by id), their members and roles made exactly
//! the lists given, and groups the file does not name deleted by `prune`.

use crate::json::Value;

use super::assign::{plan_role_list, Principal};
use super::build::{freed_by, order_renames, Body, Draft, Key, Phase, Ref};
use super::Change;
use super::{Context, Unmanaged};
use crate::file::FileGroup;
use crate::map::{Map, Set};
use crate::model::Group;
use crate::sort::set_of;

const SCIM: &str = "SCIM-managed: changes come from the identity provider";

/// Plans the `groups:` section.
pub fn plan_groups(cx: &mut Context, groups: &[FileGroup], prune: bool) {
    let model = cx.model;
    let mut claimed: Map<&str, usize> = Map::new();
    let mut matched: Vec<Option<&Group>> = vec![None; groups.len()];
    let mut unusable = vec![false; groups.len()];
    for (i, group) in groups.iter().enumerate() {
        let Some(id) = &group.id else { continue };
        match model.groups.get(&id.value) {
            Some(g) => {
                claimed.insert(&g.id, i);
                matched[i] = Some(g);
            }
            None => {
                cx.builder.block(
                    format!("group {}", group.name.value),
                    format!("id {} is not a group of the organization", id.value),
                );
                unusable[i] = true;
            }
        }
    }
    let mut by_name: Map<&str, Vec<&Group>> = Map::new();
    for g in model.groups.values() {
        by_name.entry(g.name.as_str()).or_default().push(g);
    }
    for (i, group) in groups.iter().enumerate() {
        if group.id.is_some() {
            continue;
        }
        let candidates = by_name
            .get(group.name.value.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let free: Vec<&&Group> = candidates
            .iter()
            .filter(|g| !claimed.contains_key(g.id.as_str()))
            .collect();
        match free.as_slice() {
            [] => {}
            [g] => {
                claimed.insert(&g.id, i);
                matched[i] = Some(g);
            }
            _ => {
                let ids: Vec<&str> = free.iter().map(|g| g.id.as_str()).collect();
                cx.builder.block(
                    format!("group {}", group.name.value),
                    format!(
                        "{} groups have this name ({}): give the `id`",
                        ids.len(),
                        ids.join(", ")
                    ),
                );
                unusable[i] = true;
            }
        }
    }
    let mut renames = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        if let Some(g) = matched[i] {
            if g.name != group.name.value && !g.scim {
                renames.push((
                    Key::Group(group.name.value.clone()),
                    g.name.clone(),
                    group.name.value.clone(),
                ));
            }
        }
    }
    let (order, cycle) = order_renames(&renames);
    for i in cycle {
        let name = renames[i].0.name();
        cx.builder.block(
            format!("group {name}"),
            "its rename and others form a cycle: rename through a temporary name first",
        );
        if let Some(j) = groups.iter().position(|g| &g.name.value == name) {
            unusable[j] = true;
        }
    }
    for i in order {
        let (key, from, to) = &renames[i];
        let Some(j) = groups.iter().position(|g| &g.name.value == to) else {
            continue;
        };
        let Some(g) = matched[j] else { continue };
        cx.builder.push(Draft {
            phase: Phase::GroupRenames,
            operation: "groups.update",
            ids: vec![("group_id", Ref::Id(g.id.clone()))],
            body: vec![("name", Body::Json(Value::from(to)))],
            summary: format!("rename group {from} to {to}"),
            change: Change::Update,
            makes: Some(key.clone()),
            after: freed_by(&renames, to),
        });
    }
    for (i, group) in groups.iter().enumerate() {
        if unusable[i] {
            continue;
        }
        match matched[i] {
            Some(g) if g.scim => scim_group(cx, group, g),
            Some(g) => contents(cx, group, Ref::Id(g.id.clone()), Some(g)),
            None => {
                let name = &group.name.value;
                cx.new_groups.insert(name.clone());
                cx.builder.push(Draft {
                    phase: Phase::GroupCreates,
                    operation: "groups.create",
                    ids: Vec::new(),
                    body: vec![("name", Body::Json(Value::from(name)))],
                    summary: format!("create group {name}"),
                    change: Change::Add,
                    makes: Some(Key::Group(name.clone())),
                    after: freed_by(&renames, name),
                });
                contents(cx, group, Ref::New(Key::Group(name.clone())), None);
            }
        }
    }
    for g in model
        .groups
        .values()
        .filter(|g| !claimed.contains_key(g.id.as_str()))
    {
        if prune && g.scim {
            cx.builder
                .block(format!("group {}", g.name), format!("not deleted: {SCIM}"));
        } else if prune {
            cx.builder.push(Draft {
                phase: Phase::GroupDeletes,
                operation: "groups.delete",
                ids: vec![("group_id", Ref::Id(g.id.clone()))],
                body: Vec::new(),
                summary: format!("delete group {}", g.name),
                change: Change::Remove,
                makes: None,
                after: Vec::new(),
            });
        } else {
            cx.unmanaged.push(Unmanaged {
                kind: "group".into(),
                name: g.name.clone(),
                id: g.id.clone(),
            });
        }
    }
}

/// A SCIM-managed group: blocked if the file would change anything about it.
fn scim_group(cx: &mut Context, file: &FileGroup, group: &Group) {
    let mut changes = Vec::new();
    if group.name != file.name.value {
        changes.push(format!("rename from {}", group.name));
    }
    let before = cx.builder.drafts.len();
    contents(cx, file, Ref::Id(group.id.clone()), Some(group));
    let drafted = cx.builder.drafts.len() - before;
    cx.builder.drafts.truncate(before);
    if drafted > 0 {
        changes.push(format!(
            "{drafted} member or role change{}",
            if drafted == 1 { "" } else { "s" }
        ));
    }
    if !changes.is_empty() {
        cx.builder.block(
            format!("group {}", file.name.value),
            format!("{SCIM} (the file asks: {})", changes.join(", ")),
        );
    }
}

/// The members and roles of a group, made exactly the file's lists (when given).
fn contents(cx: &mut Context, file: &FileGroup, id: Ref, existing: Option<&Group>) {
    let model = cx.model;
    let name = &file.name.value;
    if let Some(members) = &file.members {
        let current: Set<&String> = existing
            .map(|g| set_of(model.members_of(&g.id)))
            .unwrap_or_default();
        let mut wanted = Set::new();
        for email in members {
            let Some(user) = cx.user(&email.value) else {
                cx.builder.block(
                    format!("member {} of group {name}", email.value),
                    "not a member of the organization (invitations are outside these resources)",
                );
                continue;
            };
            wanted.insert(&user.id);
            if !current.contains(&user.id) {
                cx.builder.push(Draft {
                    phase: Phase::Adds,
                    operation: "groups.users.create",
                    ids: vec![("group_id", id.clone())],
                    body: vec![("user_id", Body::Json(Value::from(&user.id)))],
                    summary: format!("add {} to {name}", email.value),
                    change: Change::Add,
                    makes: None,
                    after: Vec::new(),
                });
            }
        }
        for user_id in current.difference(&wanted) {
            let label = model
                .users
                .get(*user_id)
                .map_or(user_id.as_str(), crate::file::user_key);
            cx.builder.push(Draft {
                phase: Phase::Removes,
                operation: "groups.users.delete",
                ids: vec![
                    ("group_id", id.clone()),
                    ("user_id", Ref::Id((*user_id).clone())),
                ],
                body: Vec::new(),
                summary: format!("remove {label} from {name}"),
                change: Change::Remove,
                makes: None,
                after: Vec::new(),
            });
        }
    }
    if let Some(roles) = &file.roles {
        let current: Set<&String> = existing
            .map(|g| set_of(model.roles_of_group(&g.id)))
            .unwrap_or_default();
        let label = format!("group {name}");
        let who = Principal {
            assign: "groups.roles.create",
            unassign: "groups.roles.delete",
            param: "group_id",
            id,
            label: &label,
            subject: &label,
        };
        plan_role_list(cx, &who, roles, &current);
    }
}
