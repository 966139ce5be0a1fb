//! A project's `roles:`: its custom project roles created, renamed (by `id`) and changed as the
//! file says, and deleted by `prune` when not named. Predefined project roles are never edited.

use crate::json::Value;

use super::build::{Body, Draft, Key, Phase, Ref};
use super::Change;
use super::Context;
use crate::file::{FileRole, Spanned};
use crate::map::{Map, Set};
use crate::projects::{role_key, ProjectFacts};

/// What a role named in a project's `roles:` is, for the project's `groups:`.
pub(super) enum Target {
    /// The role, by the id the API is sent, and its key in the model.
    Role(Ref, String),
    /// Blocked: references to it are blocked with this reason.
    Unusable(String),
}

/// A project role a `groups:` or `users:` entry lists: its key, the id the API is sent, and its
/// name for the summaries.
pub(super) type Wanted = (String, Ref, String);

/// The project roles a `groups:` or `users:` entry lists, each once, by key in the file's order:
/// a role the project's `roles:` names is that one (a new one is `{ from }` its create), else the
/// project's role by id (either spelling) or name. One that is neither, or that `roles:` blocks,
/// is blocked under `subject`, and then the whole list is `None`.
pub(super) fn wanted_roles(
    cx: &mut Context,
    p: &ProjectFacts,
    roles: &[Spanned<String>],
    targets: &Map<String, Target>,
    subject: &str,
) -> Option<Vec<Wanted>> {
    let mut keys: Vec<Wanted> = Vec::new();
    let mut bad = false;
    for role in roles {
        let found = match targets.get(&role.value) {
            Some(Target::Role(r, key)) => Ok((key.clone(), r.clone())),
            Some(Target::Unusable(reason)) => Err(format!(
                "role {} (line {}) is blocked: {reason}",
                role.value, role.pos.line
            )),
            None => p
                .find_role(&role.value)
                .map(|r| (role_key(&r.id).to_owned(), Ref::Id(r.id.clone())))
                .ok_or_else(|| {
                    format!(
                        "{} (line {}) is not a role of project {}",
                        role.value, role.pos.line, p.project.name
                    )
                }),
        };
        match found {
            Ok((key, r)) => {
                if !keys.iter().any(|(k, _, _)| *k == key) {
                    let shown = p
                        .roles
                        .get(&key)
                        .map_or(role.value.clone(), |x| x.name.clone());
                    keys.push((key, r, shown));
                }
            }
            Err(reason) => {
                cx.builder.block(subject, reason);
                bad = true;
            }
        }
    }
    (!bad).then_some(keys)
}

/// Plans the project's `roles:`; returns what each name there refers to.
pub(super) fn plan_roles(
    cx: &mut Context,
    p: &ProjectFacts,
    roles: &[FileRole],
    prune: bool,
) -> Map<String, Target> {
    let project = &p.project;
    let mut targets = Map::new();
    let mut kept: Set<String> = Set::new();
    for role in roles {
        let name = &role.name.value;
        let subject = format!(
            "role {name} of project {} (line {})",
            project.name, role.name.pos.line
        );
        let found = match &role.id {
            Some(id) => match p.roles.get(role_key(&id.value)) {
                Some(r) => Some(r),
                None => {
                    let reason = format!(
                        "its id {} (line {}) is not a role of the project",
                        id.value, id.pos.line
                    );
                    cx.builder.block(subject, reason.clone());
                    targets.insert(name.clone(), Target::Unusable(reason));
                    continue;
                }
            },
            None => p.roles.values().find(|r| r.name == *name),
        };
        let Some(current) = found else {
            create(cx, p, role);
            let key = Key::ProjectRole(format!("{}/{name}", project.id));
            targets.insert(
                name.clone(),
                Target::Role(Ref::New(key), format!("new:{name}")),
            );
            continue;
        };
        if current.predefined {
            let reason = "a predefined project role is never edited".to_owned();
            cx.builder.block(subject, reason.clone());
            targets.insert(name.clone(), Target::Unusable(reason));
            continue;
        }
        let key = role_key(&current.id).to_owned();
        kept.insert(key.clone());
        targets.insert(name.clone(), Target::Role(Ref::Id(current.id.clone()), key));
        let mut body = Vec::new();
        let mut what = Vec::new();
        if current.name != *name {
            body.push(("role_name", Body::Json(Value::from(name))));
            what.push(format!("rename from {}", current.name));
        }
        if let Some(d) = &role.description {
            if current.description.as_deref() != Some(d.value.as_str()) {
                body.push(("description", Body::Json(Value::from(&d.value))));
                what.push("description".to_owned());
            }
        }
        if let Some(permissions) = &role.permissions {
            let wanted: Set<&str> = permissions.iter().map(|x| x.value.as_str()).collect();
            let now: Set<&str> = current.permissions.iter().map(String::as_str).collect();
            if wanted != now {
                let list: Vec<&str> = permissions.iter().map(|x| x.value.as_str()).collect();
                body.push(("permissions", Body::Json(Value::from(list))));
                what.push("permissions".to_owned());
            }
        }
        if !body.is_empty() {
            cx.builder.push(Draft {
                phase: Phase::RoleChanges,
                operation: "projects.roles.update",
                ids: vec![
                    ("project_id", Ref::Id(project.id.clone())),
                    ("role_id", Ref::Id(current.id.clone())),
                ],
                body,
                summary: format!(
                    "change role {name} of project {}: {}",
                    project.name,
                    what.join(", ")
                ),
                change: Change::Update,
                makes: None,
                after: Vec::new(),
            });
        }
    }
    if prune {
        for (key, r) in p.roles.iter() {
            if r.predefined || kept.contains(key) {
                continue;
            }
            cx.builder.push(Draft {
                phase: Phase::RoleDeletes,
                operation: "projects.roles.delete",
                ids: vec![
                    ("project_id", Ref::Id(project.id.clone())),
                    ("role_id", Ref::Id(r.id.clone())),
                ],
                body: Vec::new(),
                summary: format!("delete role {} of project {}", r.name, project.name),
                change: Change::Remove,
                makes: None,
                after: Vec::new(),
            });
        }
    }
    targets
}

fn create(cx: &mut Context, p: &ProjectFacts, role: &FileRole) {
    let name = &role.name.value;
    let permissions: Vec<&str> = role
        .permissions
        .iter()
        .flatten()
        .map(|x| x.value.as_str())
        .collect();
    let count = permissions.len();
    let mut body = vec![
        ("role_name", Body::Json(Value::from(name))),
        ("permissions", Body::Json(Value::from(permissions))),
    ];
    if let Some(d) = &role.description {
        body.push(("description", Body::Json(Value::from(&d.value))));
    }
    cx.builder.push(Draft {
        phase: Phase::RoleCreates,
        operation: "projects.roles.create",
        ids: vec![("project_id", Ref::Id(p.project.id.clone()))],
        body,
        summary: format!(
            "create role {name} of project {} ({count} permission{})",
            p.project.name,
            if count == 1 { "" } else { "s" }
        ),
        change: Change::Add,
        makes: Some(Key::ProjectRole(format!("{}/{name}", p.project.id))),
        after: Vec::new(),
    });
}
