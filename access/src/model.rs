//! The organization in memory: users, groups, roles, memberships and role assignments, filled
//! from the API's list items in any order while loading.
//!
//! Only facts are stored; what follows from them (a user's roles through groups) is computed
//! when asked, so the loader may add a user's roles before or after the groups' members.
//! Every map is ordered, so that everything derived from the model (answers, the access file,
//! plans, CSV) comes out in the same order for the same organization.

use crate::sort::{set_of, sort_by};

pub(crate) mod api;
use crate::map::{Map, Set};
use api::{ApiGroup, ApiGroupUser, ApiRole, ApiUser};

/// A member of the organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// `user_…`.
    pub id: String,
    /// The name, when the API gives one.
    pub name: Option<String>,
    /// The email address, when the API gives one.
    pub email: Option<String>,
    /// The organization role (`owner` or `reader`).
    pub role: Option<String>,
    /// Whether the identity provider manages the user (its organization role is then read-only).
    pub scim: bool,
}

/// A group of users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// `group_…`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whether the identity provider manages it (then it is read-only here).
    pub scim: bool,
}

/// An organization role, predefined or custom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// `role_…`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// The permissions it grants.
    pub permissions: Vec<String>,
    /// Whether OpenAI defines it (it is then never edited, listed in the file, or deleted).
    pub predefined: bool,
}

/// A role in a user's role list, with where it comes from as the API said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRoleItem {
    /// The role's id.
    pub role_id: String,
    /// Whether the user holds it by a direct assignment.
    pub direct: bool,
    /// The groups the API named as sources (empty when it named none).
    pub via_groups: Vec<String>,
}

/// The organization in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Model {
    pub(crate) users: Map<String, User>,
    pub(crate) groups: Map<String, Group>,
    pub(crate) roles: Map<String, Role>,
    /// group id → member user ids.
    pub(crate) members: Map<String, Set<String>>,
    /// group id → role ids assigned to the group.
    pub(crate) group_roles: Map<String, Set<String>>,
    /// user id → the items of the user's role list, by role id.
    pub(crate) user_roles: Map<String, Map<String, UserRoleItem>>,
    /// email (as [`email_key`] folds it) → the user with it (the smallest id, when several
    /// share one): the map of [`Model::find_user`]. Never iterated, so a hash map: the planner
    /// looks up every member it reads.
    emails: Map<String, String>,
    /// project id → what has been read of the project (`crate::projects`).
    pub(crate) projects: Map<String, crate::projects::ProjectFacts>,
}

/// An item the model could not read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemError(pub String);

impl std::fmt::Display for ItemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) fn read<T: crate::json::FromJson>(what: &str, json: &str) -> Result<Vec<T>, ItemError> {
    crate::json::from_str(json).map_err(|e| item_error(what, e))
}

/// The error of [`read`]: one function, not a `format!` in each item type's copy.
#[inline(never)]
fn item_error(what: &str, e: String) -> ItemError {
    ItemError(format!("{what}: {e}"))
}

/// The one group order: by name, ties by id.
pub fn group_order(a_name: &str, a_id: &str, b_name: &str, b_id: &str) -> std::cmp::Ordering {
    a_name.cmp(b_name).then_with(|| a_id.cmp(b_id))
}

/// [`group_order`] of two groups (a function, so that every sort of groups is one instance).
fn by_group_order(a: &&Group, b: &&Group) -> std::cmp::Ordering {
    group_order(&a.name, &a.id, &b.name, &b.id)
}

/// Whether a role-list item with these sources (`(principal_type, principal_id)`, as the API
/// gave them) is a direct assignment, and the groups it comes through. The one rule: direct
/// when the API names no source or names a `user` (the user itself); a source of another kind
/// (neither a user nor a group) is not direct, so no plan ever unassigns it from the user.
fn direct_and_groups(sources: &[(String, String)]) -> (bool, Vec<String>) {
    let direct = sources.is_empty() || sources.iter().any(|(kind, _)| kind == "user");
    let via = sources
        .iter()
        .filter(|(kind, _)| kind == "group")
        .map(|(_, id)| id.clone())
        .collect();
    (direct, via)
}

/// The item of a user's role list for `role_id` with these sources (`(principal_type,
/// principal_id)`, `None` when the API gave none: then direct), by [`direct_and_groups`]. Used
/// for the organization's role lists and for the projects' (`crate::projects`).
pub(crate) fn role_item(role_id: String, sources: Option<Vec<(String, String)>>) -> UserRoleItem {
    let (direct, via_groups) = match sources {
        None => (true, Vec::new()),
        Some(sources) => direct_and_groups(&sources),
    };
    UserRoleItem {
        role_id,
        direct,
        via_groups,
    }
}

/// The email used as a key: compared without regard to case.
pub(crate) fn email_key(email: &str) -> String {
    crate::case::lowercase(email.trim())
}

impl Model {
    /// An empty organization.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds users from a JSON array of `users.list` items.
    pub fn add_users_json(&mut self, json: &str) -> Result<(), ItemError> {
        for user in read::<ApiUser>("users", json)? {
            self.add_user(User {
                email: user
                    .email
                    .or_else(|| user.user.as_ref().and_then(|u| u.email.clone())),
                name: user
                    .name
                    .or_else(|| user.user.as_ref().and_then(|u| u.name.clone())),
                role: user.role,
                scim: user.is_scim_managed.unwrap_or(false),
                id: user.id,
            });
        }
        Ok(())
    }

    /// Adds groups from a JSON array of `groups.list` items.
    pub fn add_groups_json(&mut self, json: &str) -> Result<(), ItemError> {
        for group in read::<ApiGroup>("groups", json)? {
            self.add_group(Group {
                id: group.id,
                name: group.name,
                scim: group.is_scim_managed.unwrap_or(false),
            });
        }
        Ok(())
    }

    /// Adds roles from a JSON array of `roles.list` items.
    pub fn add_roles_json(&mut self, json: &str) -> Result<(), ItemError> {
        for role in read::<ApiRole>("roles", json)? {
            self.add_role(Role {
                id: role.id,
                name: role.name,
                description: role.description,
                permissions: role.permissions,
                predefined: role.predefined_role,
            });
        }
        Ok(())
    }

    /// Sets a group's members from a JSON array of `groups.users.list` items (the whole list).
    pub fn set_group_members_json(&mut self, group_id: &str, json: &str) -> Result<(), ItemError> {
        let items = read::<ApiGroupUser>("group members", json)?;
        let mut ids = Set::new();
        for item in items {
            // A member the user list has not brought (yet) is known by what the group says.
            if !self.users.contains_key(&item.id) {
                self.add_user(User {
                    id: item.id.clone(),
                    name: item.name.clone(),
                    email: item.email.clone(),
                    role: None,
                    scim: false,
                });
            }
            ids.insert(item.id);
        }
        self.members.insert(group_id.to_owned(), ids);
        Ok(())
    }

    /// Sets a group's roles from a JSON array of `groups.roles.list` items (the whole list).
    pub fn set_group_roles_json(&mut self, group_id: &str, json: &str) -> Result<(), ItemError> {
        let items = read::<ApiRole>("group roles", json)?;
        let ids = items
            .into_iter()
            .map(|item| self.note_role(item).0)
            .collect();
        self.group_roles.insert(group_id.to_owned(), ids);
        Ok(())
    }

    /// Sets a user's role list from a JSON array of `users.roles.list` items (the whole list).
    ///
    /// An item whose `assignment_sources` are given and name only groups is inherited, not a
    /// direct assignment; when they are null or absent, the item is direct, and what the user
    /// inherits is computed from the groups' members and roles.
    pub fn set_user_roles_json(&mut self, user_id: &str, json: &str) -> Result<(), ItemError> {
        let items = read::<ApiRole>("user roles", json)?;
        let mut list = Map::new();
        for item in items {
            let (role_id, sources) = self.note_role(item);
            list.insert(role_id.clone(), role_item(role_id, sources));
        }
        self.user_roles.insert(user_id.to_owned(), list);
        Ok(())
    }

    /// Records the role an assignment item describes (roles.list may not have listed it) and
    /// returns its id and its sources (`(principal_type, principal_id)`), if given.
    fn note_role(&mut self, item: ApiRole) -> (String, Option<Vec<(String, String)>>) {
        self.roles.entry(item.id.clone()).or_insert_with(|| Role {
            id: item.id.clone(),
            name: item.name.clone(),
            description: item.description.clone(),
            permissions: item.permissions.clone(),
            predefined: item.predefined_role,
        });
        let sources = item.assignment_sources.map(|sources| {
            sources
                .into_iter()
                .map(|s| (s.principal_type, s.principal_id))
                .collect()
        });
        (item.id, sources)
    }

    /// Adds or replaces a user.
    pub fn add_user(&mut self, user: User) {
        let id = user.id.clone();
        let email = user.email.as_deref().map(email_key);
        if let Some(old) = self.users.insert(id.clone(), user) {
            if let Some(key) = old.email.as_deref().map(email_key) {
                if Some(&key) != email.as_ref() && self.emails.get(&key) == Some(&id) {
                    self.emails.remove(&key);
                    // Another user with that email takes it over.
                    if let Some(other) = self
                        .users
                        .values()
                        .find(|u| u.email.as_deref().map(email_key).as_ref() == Some(&key))
                    {
                        self.emails.insert(key, other.id.clone());
                    }
                }
            }
        }
        if let Some(key) = email {
            self.index_email(key, id);
        }
    }

    fn index_email(&mut self, key: String, id: String) {
        match self.emails.get_mut(&key) {
            Some(holder) if *holder <= id => {}
            Some(holder) => *holder = id,
            None => {
                self.emails.insert(key, id);
            }
        }
    }

    /// Adds or replaces a group.
    pub fn add_group(&mut self, group: Group) {
        self.groups.insert(group.id.clone(), group);
    }

    /// Adds or replaces a role.
    pub fn add_role(&mut self, role: Role) {
        self.roles.insert(role.id.clone(), role);
    }

    /// Sets a group's members (user ids).
    pub fn set_members(&mut self, group_id: &str, users: impl IntoIterator<Item = String>) {
        self.members.insert(group_id.to_owned(), set_of(users));
    }

    /// Sets the roles assigned to a group (role ids).
    pub fn set_group_role_ids(&mut self, group_id: &str, roles: impl IntoIterator<Item = String>) {
        self.group_roles.insert(group_id.to_owned(), set_of(roles));
    }

    /// Sets the roles assigned to a user directly (role ids), as a role list without sources.
    pub fn set_direct_roles(&mut self, user_id: &str, roles: impl IntoIterator<Item = String>) {
        let items = roles
            .into_iter()
            .map(|role_id| {
                let item = UserRoleItem {
                    role_id: role_id.clone(),
                    direct: true,
                    via_groups: Vec::new(),
                };
                (role_id, item)
            })
            .collect();
        self.user_roles.insert(user_id.to_owned(), items);
    }

    /// The users, by id.
    pub fn users(&self) -> impl Iterator<Item = &User> {
        self.users.values()
    }

    /// The groups, by id.
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.values()
    }

    /// The groups in the order every answer and export lists groups: by name, ties by id.
    pub fn groups_by_name(&self) -> Vec<&Group> {
        let mut groups: Vec<&Group> = self.groups.values().collect();
        sort_by(&mut groups, by_group_order);
        groups
    }

    /// The roles, by id.
    pub fn roles(&self) -> impl Iterator<Item = &Role> {
        self.roles.values()
    }

    /// The user with this id, or else this email (any case; of several users with one email,
    /// the smallest id). The one user lookup: the answers, the planner and CSV all ask it.
    pub fn find_user(&self, reference: &str) -> Option<&User> {
        self.users.get(reference).or_else(|| {
            let id = self.emails.get(&email_key(reference))?;
            self.users.get(id)
        })
    }

    /// The group with this id, or else this name.
    pub fn find_group(&self, reference: &str) -> Option<&Group> {
        self.groups
            .get(reference)
            .or_else(|| self.groups.values().find(|g| g.name == reference))
    }

    /// The role with this id, or else this name.
    pub fn find_role(&self, reference: &str) -> Option<&Role> {
        self.roles
            .get(reference)
            .or_else(|| self.roles.values().find(|r| r.name == reference))
    }

    /// The members of a group (user ids).
    pub fn members_of(&self, group_id: &str) -> impl Iterator<Item = &String> {
        self.members.get(group_id).into_iter().flatten()
    }

    /// The roles assigned to a group (role ids).
    pub fn roles_of_group(&self, group_id: &str) -> impl Iterator<Item = &String> {
        self.group_roles.get(group_id).into_iter().flatten()
    }

    /// The roles assigned to a user directly (role ids).
    pub fn direct_roles(&self, user_id: &str) -> impl Iterator<Item = &String> {
        self.user_roles
            .get(user_id)
            .into_iter()
            .flat_map(|items| items.values())
            .filter(|item| item.direct)
            .map(|item| &item.role_id)
    }

    /// The groups a user belongs to (group ids, ordered).
    pub fn groups_of(&self, user_id: &str) -> Vec<&String> {
        self.members
            .iter()
            .filter(|(_, users)| users.contains(user_id))
            .map(|(group, _)| group)
            .collect()
    }

    /// Every role a user holds, with its sources: `None` for a direct assignment, `Some(group
    /// id)` for each group it comes through (from the groups' members and roles, and from the
    /// sources the API gave).
    pub fn roles_of_user(&self, user_id: &str) -> Map<&String, Set<Option<&String>>> {
        let mut out: Map<&String, Set<Option<&String>>> = Map::new();
        for item in self
            .user_roles
            .get(user_id)
            .into_iter()
            .flat_map(|i| i.values())
        {
            let sources = out.entry(&item.role_id).or_default();
            if item.direct {
                sources.insert(None);
            }
            sources.extend(item.via_groups.iter().map(Some));
        }
        for group in self.groups_of(user_id) {
            for role in self.roles_of_group(group) {
                out.entry(role).or_default().insert(Some(group));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
