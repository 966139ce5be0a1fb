//! The `projects:` section: each named project's members (with their project role) and groups
//! with access (with their project roles) made exactly the file's lists, its custom roles
//! (`project_roles.rs`) and its members' own project roles (`project_users.rs`). A project is never
//! created, renamed or archived here, and an archived one is never planned. Every blocked entry
//! names the file's line.

use crate::json::Value;

use super::build::{Body, Draft, Key, Phase, Ref};
use super::project_roles::{plan_roles, wanted_roles, Target};
use super::project_users::plan_users;
use super::{Change, Context, Unmanaged};
use crate::file::{FileGroup, FileProject, FileProjectGroup, FileProjectMember, Spanned};
use crate::map::{Map, Set};
use crate::model::Group;
use crate::projects::ProjectFacts;
use crate::Model;

const SCIM: &str = "SCIM-managed group: its access comes from the identity provider";

/// Plans the `projects:` section. Returns the name of a project the plan would leave without an
/// owner (the plan is then refused), if any.
///
/// A group is named as the file's `groups:` section names it (a group that section renames, by
/// its `id`, is found by its new name); a group that section creates is given access in the same
/// plan, its id `{ from }` the group's create.
pub fn plan_projects(
    cx: &mut Context,
    projects: &[FileProject],
    file_groups: &[FileGroup],
    prune: bool,
) -> Option<String> {
    let model = cx.model;
    let mut named: Set<&str> = Set::new();
    let mut ownerless = None;
    for entry in projects {
        let Some(p) = resolve(cx, entry) else {
            continue;
        };
        named.insert(p.project.id.as_str());
        if let Some(members) = &entry.members {
            if !plan_members(cx, entry, p, members) && ownerless.is_none() {
                ownerless = Some(p.project.name.clone());
            }
        }
        let roles = match &entry.roles {
            Some(roles) => plan_roles(cx, p, roles, prune),
            None => Map::new(),
        };
        if let Some(groups) = &entry.groups {
            plan_groups(cx, entry, p, groups, file_groups, &roles);
        }
        if let Some(users) = &entry.users {
            plan_users(cx, entry, p, users, &roles);
        }
    }
    for p in model.projects() {
        if !p.project.archived && !named.contains(p.project.id.as_str()) {
            cx.unmanaged.push(Unmanaged {
                kind: "project".into(),
                name: p.project.name.clone(),
                id: p.project.id.clone(),
            });
        }
    }
    ownerless
}

/// What a project role given to a member this plan adds waits for.
pub(super) fn member_key(project_id: &str, user_id: &str) -> Key {
    Key::ProjectMember(format!("{project_id}/{user_id}"))
}

pub(super) fn subject<T>(what: &str, name: &Spanned<T>) -> String
where
    T: std::fmt::Display,
{
    format!("{what} {} (line {})", name.value, name.pos.line)
}

/// The project the entry names, or blocked (with the file's line) when unknown, archived or
/// pinned to another name ([`find`]).
fn resolve<'a>(cx: &mut Context<'a>, entry: &FileProject) -> Option<&'a ProjectFacts> {
    match find(cx.model, entry) {
        Ok(p) => Some(p),
        Err(reason) => {
            cx.builder.block(subject("project", &entry.name), reason);
            None
        }
    }
}

/// The project the entry names: by its `id` (which must be a project of that name), else by
/// name; else why not (unknown, archived, pinned to another name, a name several have).
pub(super) fn find<'a>(model: &'a Model, entry: &FileProject) -> Result<&'a ProjectFacts, String> {
    let name = &entry.name;
    let found = match &entry.id {
        Some(id) => match model.projects.get(&id.value) {
            Some(p) if p.project.name != name.value => {
                return Err(format!(
                    "its id {} (line {}) is project {}, not {}: a plan never renames a project",
                    id.value, id.pos.line, p.project.name, name.value
                ));
            }
            Some(p) => p,
            None => {
                return Err(format!(
                    "its id {} (line {}) is not a project of the organization",
                    id.value, id.pos.line
                ));
            }
        },
        None => {
            let same: Vec<&ProjectFacts> = model
                .projects()
                .filter(|p| p.project.name == name.value && !p.project.archived)
                .collect();
            match same.as_slice() {
                [p] => *p,
                [] => model
                    .projects()
                    .find(|p| p.project.name == name.value)
                    .ok_or_else(|| {
                        format!(
                            "no project of the organization is named {}: a plan never creates one",
                            name.value
                        )
                    })?,
                several => {
                    let ids: Vec<&str> = several.iter().map(|p| p.project.id.as_str()).collect();
                    return Err(format!(
                        "{} projects have this name ({}): give the `id`",
                        ids.len(),
                        ids.join(", ")
                    ));
                }
            }
        }
    };
    if found.project.archived {
        return Err("the project is archived: archived projects are never planned".to_owned());
    }
    Ok(found)
}

/// Makes the project's members exactly `members`. Returns false when that would leave the
/// project (which has an owner) without one.
fn plan_members(
    cx: &mut Context,
    entry: &FileProject,
    p: &ProjectFacts,
    members: &[FileProjectMember],
) -> bool {
    let Some(current) = &p.members else {
        let reason = "its members were not read";
        cx.builder
            .block(subject("members of project", &entry.name), reason);
        return true;
    };
    let project = &p.project;
    let mut wanted: Map<&str, &str> = Map::new();
    for (email, role) in members {
        let Some(user) = cx.user(&email.value) else {
            let reason =
                "not a member of the organization (invitations are outside these resources)";
            cx.builder.block(subject("user", email), reason);
            continue;
        };
        wanted.insert(user.id.as_str(), role.value.as_str());
        let label = &email.value;
        match current.get(&user.id) {
            None => cx.builder.push(Draft {
                phase: Phase::Adds,
                operation: "projects.users.create",
                ids: vec![("project_id", Ref::Id(project.id.clone()))],
                body: vec![
                    ("user_id", Body::Json(Value::from(&user.id))),
                    ("role", Body::Json(Value::from(&role.value))),
                ],
                summary: format!("add {label} to project {} as {}", project.name, role.value),
                change: Change::Add,
                // A role given to the new member waits for it (`project_users.rs`).
                makes: Some(member_key(&project.id, &user.id)),
                after: Vec::new(),
            }),
            Some(now) if *now != role.value => cx.builder.push(Draft {
                // Owners are added before anyone stops being one.
                phase: if role.value == "owner" {
                    Phase::Adds
                } else {
                    Phase::Removes
                },
                operation: "projects.users.update",
                ids: vec![
                    ("project_id", Ref::Id(project.id.clone())),
                    ("user_id", Ref::Id(user.id.clone())),
                ],
                body: vec![("role", Body::Json(Value::from(&role.value)))],
                summary: format!(
                    "change the project role of {label} in project {} from {now} to {}",
                    project.name, role.value
                ),
                change: Change::Update,
                makes: None,
                after: Vec::new(),
            }),
            Some(_) => {}
        }
    }
    for (user_id, _) in current.iter() {
        if wanted.contains_key(user_id.as_str()) {
            continue;
        }
        let label = cx
            .model
            .users
            .get(user_id)
            .map_or(user_id.as_str(), crate::file::user_key);
        cx.builder.push(Draft {
            phase: Phase::Removes,
            operation: "projects.users.delete",
            ids: vec![
                ("project_id", Ref::Id(project.id.clone())),
                ("user_id", Ref::Id(user_id.clone())),
            ],
            body: Vec::new(),
            summary: format!("remove {label} from project {}", project.name),
            change: Change::Remove,
            makes: None,
            after: Vec::new(),
        });
    }
    let owners_before = current.values().filter(|r| *r == "owner").count();
    let owners_after = wanted.values().filter(|r| **r == "owner").count();
    owners_before == 0 || owners_after > 0
}

/// A group a project's `groups:` names: one of the organization's, or one the file's `groups:`
/// creates in this plan (by its name there).
enum Named<'a> {
    Existing(&'a Group),
    New(&'a str),
}

impl Named<'_> {
    /// The id the API is sent: known, or `{ from }` the group's create.
    fn id(&self) -> Ref {
        match self {
            Named::Existing(g) => Ref::Id(g.id.clone()),
            Named::New(name) => Ref::New(Key::Group((*name).to_owned())),
        }
    }

    fn name(&self) -> &str {
        match self {
            Named::Existing(g) => &g.name,
            Named::New(name) => name,
        }
    }
}

/// The group a project's `groups:` names: as the file's `groups:` names it (a group it creates, or
/// one it pins by `id`), else by name, else by id.
fn group_named<'a>(
    cx: &Context<'a>,
    name: &'a str,
    file_groups: &[FileGroup],
) -> Result<Named<'a>, String> {
    let model = cx.model;
    if let Some(entry) = file_groups.iter().find(|g| g.name.value == name) {
        if cx.new_groups.contains(name) {
            return Ok(Named::New(name));
        }
        if let Some(g) = entry.id.as_ref().and_then(|id| model.groups.get(&id.value)) {
            return Ok(Named::Existing(g));
        }
    }
    let same: Vec<&Group> = model.groups.values().filter(|g| g.name == name).collect();
    match same.as_slice() {
        [g] => Ok(Named::Existing(g)),
        [] => model
            .groups
            .get(name)
            .map(Named::Existing)
            .ok_or_else(|| "no group of the organization has this name or id".to_owned()),
        several => Err(format!(
            "{} groups have this name: write one's id instead",
            several.len()
        )),
    }
}

/// Makes the groups with access to the project, and their project roles, exactly `groups`.
fn plan_groups(
    cx: &mut Context,
    entry: &FileProject,
    p: &ProjectFacts,
    groups: &[FileProjectGroup],
    file_groups: &[FileGroup],
    targets: &Map<String, Target>,
) {
    let Some(current) = &p.groups else {
        let reason = "its groups were not read";
        cx.builder
            .block(subject("groups of project", &entry.name), reason);
        return;
    };
    let project = &p.project;
    let mut wanted: Set<&str> = Set::new();
    for (name, roles) in groups {
        let named = match group_named(cx, &name.value, file_groups) {
            Ok(g) => g,
            Err(why) => {
                cx.builder.block(subject("group", name), why);
                continue;
            }
        };
        let existing = match named {
            Named::Existing(g) => Some(g),
            Named::New(_) => None,
        };
        if let Some(g) = existing {
            wanted.insert(g.id.as_str());
        }
        let subject_of = format!(
            "group {} in project {} (line {})",
            name.value, project.name, name.pos.line
        );
        let Some(keys) = wanted_roles(cx, p, roles, targets, &subject_of) else {
            continue;
        };
        // A group this plan creates has no access and no project role yet.
        let has_access = existing.is_some_and(|g| current.contains(&g.id));
        let now: Set<&String> = existing
            .and_then(|g| p.group_roles.get(&g.id))
            .into_iter()
            .flatten()
            .collect();
        let changes = !has_access
            || keys.iter().any(|(k, _, _)| !now.contains(k))
            || now.iter().any(|k| !keys.iter().any(|(w, _, _)| w == *k));
        if !changes {
            continue;
        }
        if existing.is_some_and(|g| g.scim) {
            cx.builder.block(subject_of, SCIM);
            continue;
        }
        let group_id = named.id();
        let group_key = match &group_id {
            Ref::Id(id) => id.clone(),
            Ref::New(key) => format!("new:{}", key.name()),
        };
        let group_name = named.name();
        let grant = Key::ProjectGroup(format!("{}/{group_key}", project.id));
        let project_ids = || {
            vec![
                ("project_id", Ref::Id(project.id.clone())),
                ("group_id", group_id.clone()),
            ]
        };
        let mut to_add = keys.iter().filter(|(k, _, _)| !now.contains(k));
        if !has_access {
            let Some((_, first, first_name)) = to_add.next() else {
                let reason = "a group is given access with a project role: list one";
                cx.builder.block(subject_of, reason);
                continue;
            };
            cx.builder.push(Draft {
                phase: Phase::Adds,
                operation: "projects.groups.create",
                ids: vec![("project_id", Ref::Id(project.id.clone()))],
                body: vec![
                    ("group_id", Body::Ref(group_id.clone())),
                    ("role", Body::Ref(first.clone())),
                ],
                summary: format!(
                    "give group {group_name} access to project {} as {first_name}",
                    project.name
                ),
                change: Change::Add,
                makes: Some(grant.clone()),
                after: Vec::new(),
            });
        }
        for (_, role, role_name) in to_add {
            cx.builder.push(Draft {
                phase: Phase::Adds,
                operation: "projects.groups.roles.create",
                ids: project_ids(),
                body: vec![("role_id", Body::Ref(role.clone()))],
                summary: format!(
                    "assign project role {role_name} to group {group_name} in project {}",
                    project.name
                ),
                change: Change::Add,
                makes: None,
                after: vec![grant.clone()],
            });
        }
        for key in now
            .iter()
            .filter(|k| !keys.iter().any(|(w, _, _)| w == **k))
        {
            let role = p.roles.get(*key);
            let id = role.map_or((*key).clone(), |r| r.id.clone());
            let role_name = role.map_or(key.as_str(), |r| r.name.as_str());
            cx.builder.push(Draft {
                phase: Phase::Removes,
                operation: "projects.groups.roles.delete",
                ids: vec![
                    ("project_id", Ref::Id(project.id.clone())),
                    ("group_id", group_id.clone()),
                    ("role_id", Ref::Id(id)),
                ],
                body: Vec::new(),
                summary: format!(
                    "unassign project role {role_name} from group {group_name} in project {}",
                    project.name
                ),
                change: Change::Remove,
                makes: None,
                after: Vec::new(),
            });
        }
    }
    for group_id in current.iter().filter(|g| !wanted.contains(g.as_str())) {
        let group = cx.model.groups.get(group_id);
        let group_name = group.map_or(group_id.as_str(), |g| g.name.as_str());
        if group.is_some_and(|g| g.scim) {
            cx.builder.block(
                format!("group {group_name} in project {}", project.name),
                SCIM,
            );
            continue;
        }
        cx.builder.push(Draft {
            phase: Phase::Removes,
            operation: "projects.groups.delete",
            ids: vec![
                ("project_id", Ref::Id(project.id.clone())),
                ("group_id", Ref::Id(group_id.clone())),
            ],
            body: Vec::new(),
            summary: format!(
                "remove group {group_name}'s access to project {}",
                project.name
            ),
            change: Change::Remove,
            makes: None,
            after: Vec::new(),
        });
    }
}
