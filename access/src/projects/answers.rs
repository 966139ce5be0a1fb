//! Who can use which project, and why: a user's projects (part of `accessOf`), a project's
//! holders (`holdersOfProject`), the projects list, what has been read, and which custom-role
//! reads an answer still needs.
//!
//! A user can use a project as a member (project role `owner` or `member`), or through a group
//! with access the user belongs to; project roles come from the groups' assignments and from the
//! member's own role list, which is read only when asked (`rolesRead` says whether it was).
//! Their TypeScript types are declared in `wasm/types.rs`; `wire.rs` writes them.

mod wire;

use super::{Project, ProjectFacts};
use crate::answers::{group_ref, sources, HeldRole, NamedRef, RoleInfo, UserRef};
use crate::map::{Map, Set};
use crate::model::Model;
use crate::sort::{sort, sort_by};

/// A project, as the answers name one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRef {
    /// `proj_…`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whether it is archived.
    pub archived: bool,
}

impl From<&Project> for ProjectRef {
    fn from(p: &Project) -> Self {
        ProjectRef {
            id: p.id.clone(),
            name: p.name.clone(),
            archived: p.archived,
        }
    }
}

/// How one user can use one project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectUse {
    /// The member's project role (`owner` or `member`); null when not a member.
    pub membership: Option<String>,
    /// The groups with access the user belongs to, in the group order.
    pub groups: Vec<NamedRef>,
    /// The project roles the user holds, with their sources (direct, or a group), by name.
    pub roles: Vec<HeldRole>,
    /// Whether the member's own project role list has been read (always true for a
    /// non-member, who has none); false: only the roles through groups are known.
    pub roles_read: bool,
}

/// One of a user's projects (`accessOf(user).projects`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectAccess {
    /// The project.
    pub project: ProjectRef,
    /// How the user can use it.
    pub access: ProjectUse,
}

/// The order of projects: by name, ties by id (the group order's rule, one function).
fn project_order(a: &ProjectRef, b: &ProjectRef) -> std::cmp::Ordering {
    crate::model::group_order(&a.name, &a.id, &b.name, &b.id)
}

/// Whether the user is a member of the group.
fn in_group(model: &Model, group: &str, user_id: &str) -> bool {
    model
        .members
        .get(group)
        .is_some_and(|m| m.contains(user_id))
}

fn role_info(p: &ProjectFacts, key: &str) -> RoleInfo {
    p.roles.get(key).map_or_else(
        || RoleInfo {
            id: key.to_owned(),
            name: key.to_owned(),
            description: None,
            permissions: Vec::new(),
            predefined: false,
        },
        RoleInfo::from,
    )
}

/// How `user_id` can use project `p`; `None` when the user cannot (as far as read).
fn use_of(model: &Model, p: &ProjectFacts, user_id: &str) -> Option<ProjectUse> {
    let membership = p.members.as_ref().and_then(|m| m.get(user_id)).cloned();
    let group_ids: Vec<&String> = p.groups().filter(|g| in_group(model, g, user_id)).collect();
    if membership.is_none() && group_ids.is_empty() {
        return None;
    }
    let mut from: Map<&String, Set<Option<&String>>> = Map::new();
    let own = p.user_roles.get(user_id);
    for item in own.into_iter().flat_map(|items| items.values()) {
        let entry = from.entry(&item.role_id).or_default();
        if item.direct {
            entry.insert(None);
        }
        entry.extend(item.via_groups.iter().map(Some));
    }
    for group in &group_ids {
        for key in p.group_roles.get(*group).into_iter().flatten() {
            from.entry(key).or_default().insert(Some(*group));
        }
    }
    let mut roles: Vec<HeldRole> = from
        .iter()
        .map(|(key, src)| HeldRole {
            role: role_info(p, key),
            sources: sources(model, src),
        })
        .collect();
    sort_by(&mut roles, |a, b| {
        (&a.role.name, &a.role.id).cmp(&(&b.role.name, &b.role.id))
    });
    let mut groups: Vec<NamedRef> = group_ids.iter().map(|g| group_ref(model, g)).collect();
    sort(&mut groups);
    Some(ProjectUse {
        roles_read: membership.is_none() || own.is_some(),
        membership,
        groups,
        roles,
    })
}

/// The projects the user with this id can use, by name (archived ones too, marked: the model
/// holds them only when they were listed with `include_archived`).
pub fn projects_of_user(model: &Model, user_id: &str) -> Vec<ProjectAccess> {
    let mut out: Vec<ProjectAccess> = model
        .projects()
        .filter_map(|p| {
            Some(ProjectAccess {
                project: (&p.project).into(),
                access: use_of(model, p, user_id)?,
            })
        })
        .collect();
    sort_by(&mut out, |a, b| project_order(&a.project, &b.project));
    out
}

/// A holder of a project: a user and how they can use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectHolder {
    /// The user.
    pub user: UserRef,
    /// How.
    pub access: ProjectUse,
}

/// A member of a project, with the project role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectMember {
    /// The user.
    pub user: UserRef,
    /// `owner` or `member`.
    pub role: String,
}

/// A group with access to a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectGroup {
    /// The group.
    pub group: NamedRef,
    /// Its members.
    pub member_count: usize,
    /// Whether the identity provider manages it.
    pub scim: bool,
    /// The project roles assigned to it, by name.
    pub roles: Vec<NamedRef>,
}

/// What has been read of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRead {
    /// Its members.
    pub members: bool,
    /// Its groups with access.
    pub groups: bool,
    /// Its role list.
    pub roles: bool,
    /// How many members' own project role lists have been read.
    pub member_roles: usize,
    /// Of how many members.
    pub member_count: usize,
}

/// `holdersOfProject(project)`: who can use it and how, its members, groups and custom roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectHolders {
    /// The project.
    pub project: ProjectRef,
    /// Everyone who can use it (members, and members of groups with access), by email.
    pub holders: Vec<ProjectHolder>,
    /// Its members with their project role, by email.
    pub members: Vec<ProjectMember>,
    /// The groups with access, in the group order.
    pub groups: Vec<ProjectGroup>,
    /// Its custom roles (not the predefined ones), by name.
    pub roles: Vec<RoleInfo>,
    /// What has been read.
    pub read: ProjectRead,
}

fn user_ref(model: &Model, id: &str) -> UserRef {
    model.users.get(id).map_or_else(
        || UserRef {
            id: id.to_owned(),
            name: None,
            email: None,
        },
        UserRef::from,
    )
}

fn by_email(a: &UserRef, b: &UserRef) -> std::cmp::Ordering {
    (&a.email, &a.id).cmp(&(&b.email, &b.id))
}

/// Who can use the project with this id or name, and how; `None` when there is no such project.
pub fn holders_of_project(model: &Model, reference: &str) -> Option<ProjectHolders> {
    let p = model.find_project(reference)?;
    let mut users: Set<&String> = p.members().map(|(u, _)| u).collect();
    for g in p.groups() {
        users.extend(model.members_of(g));
    }
    let mut holders: Vec<ProjectHolder> = users
        .into_iter()
        .filter_map(|u| {
            Some(ProjectHolder {
                user: user_ref(model, u),
                access: use_of(model, p, u)?,
            })
        })
        .collect();
    sort_by(&mut holders, |a, b| by_email(&a.user, &b.user));
    let mut members: Vec<ProjectMember> = p
        .members()
        .map(|(u, role)| ProjectMember {
            user: user_ref(model, u),
            role: role.clone(),
        })
        .collect();
    sort_by(&mut members, |a, b| by_email(&a.user, &b.user));
    let mut groups: Vec<ProjectGroup> = p
        .groups()
        .map(|g| {
            let mut roles: Vec<NamedRef> = p
                .group_roles
                .get(g)
                .into_iter()
                .flatten()
                .map(|key| {
                    let info = role_info(p, key);
                    NamedRef {
                        id: info.id,
                        name: info.name,
                    }
                })
                .collect();
            sort(&mut roles);
            ProjectGroup {
                group: group_ref(model, g),
                member_count: model.members_of(g).count(),
                scim: model.groups.get(g).is_some_and(|g| g.scim),
                roles,
            }
        })
        .collect();
    sort_by(&mut groups, |a, b| a.group.cmp(&b.group));
    let mut roles: Vec<RoleInfo> = p
        .roles
        .values()
        .filter(|r| !r.predefined)
        .map(RoleInfo::from)
        .collect();
    sort_by(&mut roles, |a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
    Some(ProjectHolders {
        project: (&p.project).into(),
        holders,
        members,
        groups,
        roles,
        read: read_of(p),
    })
}

fn read_of(p: &ProjectFacts) -> ProjectRead {
    ProjectRead {
        members: p.members.is_some(),
        groups: p.groups.is_some(),
        roles: p.roles_read,
        member_roles: p
            .members()
            .filter(|(u, _)| p.user_roles.contains_key(*u))
            .count(),
        member_count: p.members().count(),
    }
}

/// One row of `projects()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRow {
    /// The project.
    pub project: ProjectRef,
    /// What has been read of it, with its member count.
    pub read: ProjectRead,
}

/// The projects by name: the active ones, and the archived ones too when `include_archived`.
pub fn projects(model: &Model, include_archived: bool) -> Vec<ProjectRow> {
    let mut rows: Vec<ProjectRow> = model
        .projects()
        .filter(|p| include_archived || !p.project.archived)
        .map(|p| ProjectRow {
            project: (&p.project).into(),
            read: read_of(p),
        })
        .collect();
    sort_by(&mut rows, |a, b| project_order(&a.project, &b.project));
    rows
}

/// A member's project role list to read: project and user ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRead {
    /// `proj_…`.
    pub project_id: String,
    /// `user_…`.
    pub user_id: String,
}

/// The member role lists an answer still needs, not yet read: every project of the user with
/// this id or email (`user`), or every member of the project with this id or name (`project`),
/// or both (then the pairs of that user and that project). The projects' member lists must be
/// read first; a role list exists only for a member (the API answers 404 for anyone else).
pub fn role_reads(model: &Model, user: Option<&str>, project: Option<&str>) -> Vec<RoleRead> {
    let user_id = match user {
        Some(u) => match model.find_user(u) {
            Some(found) => Some(found.id.as_str()),
            None => return Vec::new(),
        },
        None => None,
    };
    let only: Option<&ProjectFacts> = match project {
        Some(reference) => match model.find_project(reference) {
            Some(p) => Some(p),
            None => return Vec::new(),
        },
        None => None,
    };
    let mut out = Vec::new();
    for p in model.projects() {
        if only.is_some_and(|o| o.project.id != p.project.id) {
            continue;
        }
        for (member, _) in p.members() {
            if user_id.is_some_and(|u| u != member) || p.user_roles.contains_key(member) {
                continue;
            }
            out.push(RoleRead {
                project_id: p.project.id.clone(),
                user_id: member.clone(),
            });
        }
    }
    out
}

/// What the load has read of the projects (the words are the package's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectsRead {
    /// The projects in the model.
    pub projects: usize,
    /// Of which the members were read.
    pub members: usize,
    /// Of which the groups with access were read.
    pub groups: usize,
    /// Of which the role list was read.
    pub roles: usize,
    /// Of which every member's own project roles were read (the custom project roles).
    pub member_roles: usize,
}

/// Counts of what has been read of the projects.
pub fn projects_read(model: &Model) -> ProjectsRead {
    let all: Vec<&ProjectFacts> = model.projects().collect();
    ProjectsRead {
        projects: all.len(),
        members: all.iter().filter(|p| p.members.is_some()).count(),
        groups: all.iter().filter(|p| p.groups.is_some()).count(),
        roles: all.iter().filter(|p| p.roles_read).count(),
        member_roles: all.iter().filter(|p| p.user_roles_complete()).count(),
    }
}
