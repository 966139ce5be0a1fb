//! The `roles:` section: custom roles created, changed (renamed by id), deleted by `prune`.

use crate::json::Value;

use super::build::{freed_by, order_renames, Body, Draft, Key, Phase, Ref};
use super::Change;
use super::{Context, RoleTarget, Unmanaged};
use crate::file::FileRole;
use crate::map::{Map, Set};
use crate::sort::{set_of, sort_by};

/// Plans the `roles:` section and records what each of its names refers to.
pub fn plan_roles(cx: &mut Context, roles: &[FileRole], prune: bool, referenced: &Set<&str>) {
    let model = cx.model;
    let mut claimed: Map<&str, usize> = Map::new();
    let mut matched: Vec<Option<&str>> = vec![None; roles.len()];
    // Ids pin identity first; names match what no id claimed.
    for (i, role) in roles.iter().enumerate() {
        let Some(id) = &role.id else { continue };
        match model.roles.get(&id.value) {
            None => cx.block_role(
                role,
                format!("id {} is not a role of the organization", id.value),
            ),
            Some(r) if r.predefined => cx.block_role(
                role,
                format!(
                    "{} is a predefined role: predefined roles are never edited",
                    r.name
                ),
            ),
            Some(r) => {
                claimed.insert(&r.id, i);
                matched[i] = Some(&r.id);
            }
        }
    }
    for (i, role) in roles.iter().enumerate() {
        if role.id.is_some() {
            continue;
        }
        let existing = model.roles.values().find(|r| r.name == role.name.value);
        match existing {
            Some(r) if r.predefined => cx.block_role(
                role,
                "a predefined role: predefined roles are never listed or edited (assign it by name)"
                    .to_owned(),
            ),
            Some(r) if !claimed.contains_key(r.id.as_str()) => {
                claimed.insert(&r.id, i);
                matched[i] = Some(&r.id);
            }
            _ => {}
        }
    }
    // Names held by roles that keep them: a rename or create may not take one.
    let kept: Map<&str, &str> = model
        .roles
        .values()
        .filter(|r| !claimed.contains_key(r.id.as_str()))
        .map(|r| (r.name.as_str(), r.id.as_str()))
        .collect();
    let mut renames = Vec::new();
    for (i, role) in roles.iter().enumerate() {
        if cx.role_targets.contains_key(&role.name.value) {
            continue; // blocked above
        }
        let name = &role.name.value;
        let taken = kept.get(name.as_str());
        if let Some(other) = taken {
            cx.block_role(
                role,
                format!("the name is taken by role {other}, which the file does not rename"),
            );
            continue;
        }
        match matched[i] {
            Some(id) => {
                cx.role_targets
                    .insert(name.clone(), RoleTarget::Existing(id.to_owned()));
                let current = &model.roles[id];
                if &current.name != name {
                    renames.push((Key::Role(name.clone()), current.name.clone(), name.clone()));
                }
            }
            None => {
                cx.role_targets.insert(name.clone(), RoleTarget::New);
            }
        }
    }
    let (order, cycle) = order_renames(&renames);
    for i in cycle {
        let name = renames[i].0.name();
        cx.builder.block(
            format!("role {name}"),
            "its rename and others form a cycle: rename through a temporary name first",
        );
        cx.role_targets.insert(
            name.clone(),
            RoleTarget::Unusable("its rename is blocked".into()),
        );
    }
    let position: Map<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(pos, i)| (renames[*i].2.as_str(), pos))
        .collect();
    // Changes in rename order (renames wait for the names they take), then creates.
    let mut changes: Vec<(usize, &FileRole, &str)> = Vec::new();
    for (i, role) in roles.iter().enumerate() {
        if let (Some(id), Some(RoleTarget::Existing(_))) =
            (matched[i], cx.role_targets.get(&role.name.value))
        {
            let rank = position
                .get(role.name.value.as_str())
                .copied()
                .unwrap_or(usize::MAX);
            changes.push((rank, role, id));
        }
    }
    sort_by(&mut changes, |a, b| a.0.cmp(&b.0));
    for (_, role, id) in changes {
        change_role(cx, role, id, &renames);
    }
    for role in roles {
        if matches!(cx.role_targets.get(&role.name.value), Some(RoleTarget::New)) {
            create_role(cx, role, &renames);
        }
    }
    for r in model
        .roles
        .values()
        .filter(|r| !r.predefined && !claimed.contains_key(r.id.as_str()))
    {
        if prune && !referenced.contains(r.name.as_str()) {
            cx.builder.push(Draft {
                phase: Phase::RoleDeletes,
                operation: "roles.delete",
                ids: vec![("role_id", Ref::Id(r.id.clone()))],
                body: Vec::new(),
                summary: format!("delete role {}", r.name),
                change: Change::Remove,
                makes: None,
                after: Vec::new(),
            });
        } else {
            cx.unmanaged.push(Unmanaged {
                kind: "role".into(),
                name: r.name.clone(),
                id: r.id.clone(),
            });
        }
    }
}

fn change_role(cx: &mut Context, role: &FileRole, id: &str, renames: &[(Key, String, String)]) {
    let current = &cx.model.roles[id];
    let name = &role.name.value;
    let mut body = Vec::new();
    let mut what = Vec::new();
    if &current.name != name {
        body.push(("role_name", Body::Json(Value::from(name))));
        what.push(format!("rename {} to {name}", current.name));
    }
    if let Some(description) = &role.description {
        if current.description.as_deref() != Some(description.value.as_str()) {
            body.push(("description", Body::Json(Value::from(&description.value))));
            what.push("description".to_owned());
        }
    }
    if let Some(permissions) = &role.permissions {
        // `&String` keys: the planner's other sets' type, so no second copy of the set code.
        let want: Set<&String> = set_of(permissions.iter().map(|p| &p.value));
        let have: Set<&String> = set_of(current.permissions.iter());
        if want != have {
            let added: Vec<&String> = want.difference(&have).copied().collect();
            let removed: Vec<&String> = have.difference(&want).copied().collect();
            let list: Vec<&str> = permissions.iter().map(|p| p.value.as_str()).collect();
            body.push(("permissions", Body::Json(Value::from(list))));
            let mut change = Vec::new();
            change.extend(added.iter().map(|p| format!("+{p}")));
            change.extend(removed.iter().map(|p| format!("-{p}")));
            what.push(format!("permissions {}", change.join(" ")));
        }
    }
    if body.is_empty() {
        return;
    }
    let after = if current.name == *name {
        Vec::new()
    } else {
        freed_by(renames, name)
    };
    cx.builder.push(Draft {
        phase: Phase::RoleChanges,
        operation: "roles.update",
        ids: vec![("role_id", Ref::Id(id.to_owned()))],
        body,
        summary: format!("change role {name}: {}", what.join("; ")),
        change: Change::Update,
        makes: (current.name != *name).then(|| Key::Role(name.clone())),
        after,
    });
}

fn create_role(cx: &mut Context, role: &FileRole, renames: &[(Key, String, String)]) {
    let name = &role.name.value;
    let permissions: Vec<&str> = role
        .permissions
        .iter()
        .flatten()
        .map(|p| p.value.as_str())
        .collect();
    let mut body = vec![
        ("role_name", Body::Json(Value::from(name))),
        ("permissions", Body::Json(Value::from(permissions.clone()))),
    ];
    if let Some(description) = &role.description {
        body.push(("description", Body::Json(Value::from(&description.value))));
    }
    cx.builder.push(Draft {
        phase: Phase::RoleCreates,
        operation: "roles.create",
        ids: Vec::new(),
        body,
        summary: format!(
            "create role {name} ({} permission{})",
            permissions.len(),
            if permissions.len() == 1 { "" } else { "s" }
        ),
        change: Change::Add,
        makes: Some(Key::Role(name.clone())),
        after: freed_by(renames, name),
    });
}
