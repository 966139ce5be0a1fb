//! The model's answers: `accessOf(user)`, `holdersOf(role)`, `group(ref)`, `users()` and
//! `stats()`.
//!
//! Their TypeScript types are declared in `wasm/types.rs`; the field names here follow them.

mod wire;

use crate::map::{Map, Set};

use crate::model::{Group, Model, Role, User};
use crate::sort::{map_of, sort, sort_by, sort_by_cached_key};

/// A user, as the answers name one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRef {
    /// `user_…`.
    pub id: String,
    /// The name.
    pub name: Option<String>,
    /// The email address.
    pub email: Option<String>,
}

impl From<&User> for UserRef {
    fn from(user: &User) -> Self {
        UserRef {
            id: user.id.clone(),
            name: user.name.clone(),
            email: user.email.clone(),
        }
    }
}

/// A group or role, by id and name; ordered by name, ties by id (the one group order,
/// [`crate::model::group_order`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRef {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

impl Ord for NamedRef {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        crate::model::group_order(&self.name, &self.id, &other.name, &other.id)
    }
}

impl PartialOrd for NamedRef {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl From<&Group> for NamedRef {
    fn from(group: &Group) -> Self {
        NamedRef {
            id: group.id.clone(),
            name: group.name.clone(),
        }
    }
}

impl From<&Role> for NamedRef {
    fn from(role: &Role) -> Self {
        NamedRef {
            id: role.id.clone(),
            name: role.name.clone(),
        }
    }
}

/// A role with what it grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleInfo {
    /// `role_…`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// Its permissions.
    pub permissions: Vec<String>,
    /// Whether OpenAI defines it.
    pub predefined: bool,
}

impl From<&Role> for RoleInfo {
    fn from(role: &Role) -> Self {
        RoleInfo {
            id: role.id.clone(),
            name: role.name.clone(),
            description: role.description.clone(),
            permissions: role.permissions.clone(),
            predefined: role.predefined,
        }
    }
}

/// Where a role comes from (listed direct first, then groups in the group order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Assigned to the user directly.
    Direct,
    /// Assigned to a group the user belongs to.
    Group {
        /// The group.
        group: NamedRef,
    },
}

/// A role a user holds and its sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldRole {
    /// The role.
    pub role: RoleInfo,
    /// Where it comes from (direct first, then groups by name).
    pub sources: Vec<Source>,
}

/// `accessOf(user)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessOf {
    /// The user.
    pub user: UserRef,
    /// The organization role.
    pub organization_role: Option<String>,
    /// Whether the identity provider manages the user.
    pub scim: bool,
    /// The groups the user belongs to, by name.
    pub groups: Vec<NamedRef>,
    /// Every role the user holds, with its sources.
    pub roles: Vec<HeldRole>,
    /// The union of the roles' permissions, sorted.
    pub permissions: Vec<String>,
    /// The projects the user can use, by name, with the project role and the sources.
    pub projects: Vec<crate::projects::answers::ProjectAccess>,
}

pub(crate) fn group_ref(model: &Model, id: &str) -> NamedRef {
    model.groups.get(id).map_or_else(
        || NamedRef {
            id: id.to_owned(),
            name: id.to_owned(),
        },
        NamedRef::from,
    )
}

pub(crate) fn sources(model: &Model, sources: &Set<Option<&String>>) -> Vec<Source> {
    let mut groups: Vec<NamedRef> = sources
        .iter()
        .flatten()
        .map(|group| group_ref(model, group))
        .collect();
    sort(&mut groups);
    let direct = sources.contains(&None).then_some(Source::Direct);
    direct
        .into_iter()
        .chain(groups.into_iter().map(|group| Source::Group { group }))
        .collect()
}

/// The access of the user with this id or email.
pub fn access_of(model: &Model, user: &str) -> Option<AccessOf> {
    let user = model.find_user(user)?;
    let mut permissions = Set::new();
    let mut roles = Vec::new();
    for (role_id, from) in model.roles_of_user(&user.id) {
        let Some(role) = model.roles.get(role_id) else {
            continue;
        };
        permissions.extend(role.permissions.iter().cloned());
        roles.push(HeldRole {
            role: role.into(),
            sources: sources(model, &from),
        });
    }
    sort_by(&mut roles, |a, b| a.role.name.cmp(&b.role.name));
    let mut groups: Vec<NamedRef> = model
        .groups_of(&user.id)
        .into_iter()
        .map(|g| group_ref(model, g))
        .collect();
    sort(&mut groups);
    Some(AccessOf {
        user: user.into(),
        organization_role: user.role.clone(),
        scim: user.scim,
        groups,
        roles,
        permissions: permissions.into_iter().collect(),
        projects: crate::projects::answers::projects_of_user(model, &user.id),
    })
}

/// A holder of a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// The user.
    pub user: UserRef,
    /// How the user holds the role.
    pub sources: Vec<Source>,
}

/// A group a role is assigned to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignedGroup {
    /// The group.
    pub group: NamedRef,
    /// How many members it has.
    pub member_count: usize,
}

/// `holdersOf(role)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldersOf {
    /// The role.
    pub role: RoleInfo,
    /// Every user who holds it, by email.
    pub holders: Vec<Holder>,
    /// The groups it is assigned to, by name.
    pub groups: Vec<AssignedGroup>,
}

/// How many users hold each role (by id; roles nobody holds are absent): by their own role
/// lists, or as members of a group the role is assigned to, each user once.
pub fn holder_counts(model: &Model) -> Map<String, usize> {
    let mut holders: Map<&String, Set<&String>> = Map::new();
    for (user, items) in &model.user_roles {
        for role in items.keys() {
            holders.entry(role).or_default().insert(user);
        }
    }
    for (group, roles) in &model.group_roles {
        for role in roles {
            holders
                .entry(role)
                .or_default()
                .extend(model.members_of(group));
        }
    }
    map_of(
        holders
            .into_iter()
            .map(|(role, users)| (role.clone(), users.len())),
    )
}

/// Who holds the role with this id or name.
pub fn holders_of(model: &Model, role: &str) -> Option<HoldersOf> {
    let role = model.find_role(role)?;
    let mut holders: Map<&String, Set<Option<&String>>> = Map::new();
    for (user_id, items) in &model.user_roles {
        if let Some(item) = items.get(&role.id) {
            let entry = holders.entry(user_id).or_default();
            if item.direct {
                entry.insert(None);
            }
            entry.extend(item.via_groups.iter().map(Some));
        }
    }
    let mut groups = Vec::new();
    for (group_id, roles) in &model.group_roles {
        if !roles.contains(&role.id) {
            continue;
        }
        let members = model.members.get(group_id);
        for user in members.into_iter().flatten() {
            holders.entry(user).or_default().insert(Some(group_id));
        }
        groups.push(AssignedGroup {
            group: group_ref(model, group_id),
            member_count: members.map_or(0, |m| m.len()),
        });
    }
    sort_by(&mut groups, |a, b| a.group.cmp(&b.group));
    let mut holders: Vec<Holder> = holders
        .into_iter()
        .map(|(user_id, from)| Holder {
            user: model.users.get(user_id).map_or_else(
                || UserRef {
                    id: user_id.clone(),
                    name: None,
                    email: None,
                },
                UserRef::from,
            ),
            sources: sources(model, &from),
        })
        .collect();
    sort_by(&mut holders, |a, b| {
        (&a.user.email, &a.user.id).cmp(&(&b.user.email, &b.user.id))
    });
    Some(HoldersOf {
        role: role.into(),
        holders,
        groups,
    })
}

/// `group(ref)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInfo {
    /// The group.
    pub group: NamedRef,
    /// Its members, by email.
    pub members: Vec<UserRef>,
    /// The roles assigned to it, by name.
    pub roles: Vec<RoleInfo>,
    /// Whether the identity provider manages it.
    pub scim: bool,
}

/// The group with this id or name.
pub fn group(model: &Model, reference: &str) -> Option<GroupInfo> {
    let group = model.find_group(reference)?;
    let mut members: Vec<UserRef> = model
        .members_of(&group.id)
        .filter_map(|id| model.users.get(id))
        .map(UserRef::from)
        .collect();
    sort_by(&mut members, |a, b| {
        (&a.email, &a.id).cmp(&(&b.email, &b.id))
    });
    let mut roles: Vec<RoleInfo> = model
        .roles_of_group(&group.id)
        .filter_map(|id| model.roles.get(id))
        .map(RoleInfo::from)
        .collect();
    sort_by(&mut roles, |a, b| a.name.cmp(&b.name));
    Some(GroupInfo {
        group: group.into(),
        members,
        roles,
        scim: group.scim,
    })
}

/// A group and its member count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCount {
    /// The group.
    pub group: NamedRef,
    /// Its members.
    pub members: usize,
}

/// A role and its holder count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleCount {
    /// The role.
    pub role: NamedRef,
    /// The users who hold it, directly or through groups.
    pub holders: usize,
}

/// `stats()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Users.
    pub users: usize,
    /// Groups.
    pub groups: usize,
    /// Roles, predefined and custom.
    pub roles: usize,
    /// Custom roles.
    pub custom_roles: usize,
    /// Group memberships.
    pub memberships: usize,
    /// Roles assigned to groups.
    pub group_assignments: usize,
    /// Roles assigned to users directly.
    pub user_assignments: usize,
    /// Users per organization role.
    pub organization_roles: Map<String, usize>,
    /// Members per group, by name.
    pub members_per_group: Vec<GroupCount>,
    /// Holders per role, by name.
    pub holders_per_role: Vec<RoleCount>,
}

/// One row of `users()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    /// The user.
    pub user: UserRef,
    /// The organization role.
    pub organization_role: Option<String>,
    /// Whether the identity provider manages the user.
    pub scim: bool,
}

/// The user with this id or email ([`Model::find_user`], the one lookup), as a row.
pub fn user(model: &Model, reference: &str) -> Option<UserRow> {
    let u = model.find_user(reference)?;
    Some(UserRow {
        user: u.into(),
        organization_role: u.role.clone(),
        scim: u.scim,
    })
}

/// Every user (those with `organization_role` only, when given), by name, then email, then id:
/// the people list of a console.
pub fn users(model: &Model, organization_role: Option<&str>) -> Vec<UserRow> {
    let mut rows: Vec<UserRow> = model
        .users
        .values()
        .filter(|u| organization_role.is_none_or(|r| u.role.as_deref() == Some(r)))
        .map(|u| UserRow {
            user: u.into(),
            organization_role: u.role.clone(),
            scim: u.scim,
        })
        .collect();
    let key = |r: &UserRow| {
        let u = &r.user;
        (
            crate::case::lowercase(u.name.as_deref().or(u.email.as_deref()).unwrap_or(&u.id)),
            u.email.clone(),
            u.id.clone(),
        )
    };
    sort_by_cached_key(&mut rows, key);
    rows
}

/// Counts over the organization.
pub fn stats(model: &Model) -> Stats {
    let mut organization_roles = Map::new();
    for user in model.users.values() {
        let role = user.role.clone().unwrap_or_else(|| "unknown".to_owned());
        *organization_roles.entry(role).or_insert(0) += 1;
    }
    let mut members_per_group: Vec<GroupCount> = model
        .groups
        .values()
        .map(|g| GroupCount {
            group: g.into(),
            members: model.members_of(&g.id).count(),
        })
        .collect();
    sort_by(&mut members_per_group, |a, b| a.group.cmp(&b.group));
    let holders = holder_counts(model);
    let mut holders_per_role: Vec<RoleCount> = model
        .roles
        .values()
        .map(|r| RoleCount {
            role: r.into(),
            holders: holders.get(&r.id).copied().unwrap_or(0),
        })
        .collect();
    sort_by(&mut holders_per_role, |a, b| {
        (&a.role.name, &a.role.id).cmp(&(&b.role.name, &b.role.id))
    });
    Stats {
        users: model.users.len(),
        groups: model.groups.len(),
        roles: model.roles.len(),
        custom_roles: model.roles.values().filter(|r| !r.predefined).count(),
        memberships: model.members.values().map(|m| m.len()).sum(),
        group_assignments: model.group_roles.values().map(|r| r.len()).sum(),
        user_assignments: model
            .user_roles
            .values()
            .map(|items| items.values().filter(|i| i.direct).count())
            .sum(),
        organization_roles,
        members_per_group,
        holders_per_role,
    }
}
