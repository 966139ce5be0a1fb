//! Projects in the model: each project with its members (project role `owner` or `member`), the
//! groups with access, its roles, and the role assignments of its users and groups, filled from
//! the API's list items in any order while loading.
//!
//! Like the rest of the model, only facts are stored. What is not read yet is `None` (a
//! project's members, groups, roles) or absent (a group's or a member's project roles): a user's
//! own project roles are one read per user and project, which a loader makes only when asked, so
//! the answers say what they could not know ([`answers`]).
//!
//! **Role ids that do not round-trip.** The API accepts `role-api-project-owner` and answers
//! `role-api-project-owner__api-project__proj_…`; [`role_key`] is the one rule that makes them
//! the same role, and every map of project roles is keyed by it.

pub mod answers;
pub(crate) mod apply;
#[cfg(test)]
pub(crate) mod plan_tests;
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod user_plan_tests;

use crate::json::{FromJson, Object, Value};
use crate::map::{Map, Set};
use crate::model::api::ApiRole;
use crate::model::{read, role_item, Group, ItemError, Model, Role, User, UserRoleItem};

/// The marker between a predefined project role's short id and its project in the long id the
/// API answers.
const LONG_ID_MARKER: &str = "__api-project__";

/// The key of a project role id: a predefined role's long id
/// (`role-api-project-owner__api-project__proj_…`) and its short id (`role-api-project-owner`)
/// have the same key, the short one; any other id is its own key. The one rule for comparing
/// project role ids: the model, the answers and the planner compare keys only.
pub fn role_key(id: &str) -> &str {
    id.split_once(LONG_ID_MARKER).map_or(id, |(short, _)| short)
}

/// A project, as `projects.list` names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    /// `proj_…`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whether it is archived (listed only with `include_archived`; never planned).
    pub archived: bool,
}

/// What has been read of one project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectFacts {
    /// The project.
    pub project: Project,
    /// Its members: user id → project role (`owner` or `member`); `None` until read.
    pub members: Option<Map<String, String>>,
    /// The groups with access (group ids); `None` until read.
    pub groups: Option<Set<String>>,
    /// Its roles, predefined and custom, by [`role_key`]: the role list's, and until it is read
    /// those the assignments read so far named.
    pub roles: Map<String, Role>,
    /// Whether the role list was read.
    pub roles_read: bool,
    /// group id → the project roles assigned to the group (role keys), for each group read.
    pub group_roles: Map<String, Set<String>>,
    /// user id → the member's project role list (by role key), for each member read: the
    /// custom roles, read only when asked.
    pub user_roles: Map<String, Map<String, UserRoleItem>>,
}

impl ProjectFacts {
    /// The role with this key, id (either spelling) or name.
    pub fn find_role(&self, reference: &str) -> Option<&Role> {
        self.roles
            .get(role_key(reference))
            .or_else(|| self.roles.values().find(|r| r.name == reference))
    }

    /// The members (user id → `owner` or `member`), empty until read.
    pub fn members(&self) -> impl Iterator<Item = (&String, &String)> {
        self.members.iter().flatten()
    }

    /// The groups with access (ids), empty until read.
    pub fn groups(&self) -> impl Iterator<Item = &String> {
        self.groups.iter().flatten()
    }

    /// Whether every member's own project roles have been read (false until the members are).
    pub fn user_roles_complete(&self) -> bool {
        self.members
            .as_ref()
            .is_some_and(|m| m.keys().all(|u| self.user_roles.contains_key(u)))
    }
}

/// The fields the model keeps of a `projects.list`, `projects.users.list` or
/// `projects.groups.list` item, read leniently as the organization's items are: one reader for
/// the three, so that the module carries one reader instead of three.
struct ApiProjectItem {
    /// A project's or a member's id.
    id: String,
    name: Option<String>,
    email: Option<String>,
    /// A member's project role.
    role: Option<String>,
    status: Option<String>,
    /// Only whether it is null matters.
    archived: bool,
    group_id: String,
    group_name: Option<String>,
}

impl FromJson for ApiProjectItem {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        Ok(ApiProjectItem {
            id: o.opt("id")?,
            name: o.opt("name")?,
            email: o.opt("email")?,
            role: o.opt("role")?,
            status: o.opt("status")?,
            archived: !matches!(o.get("archived_at"), None | Some(Value::Null)),
            group_id: o.opt("group_id")?,
            group_name: o.opt("group_name")?,
        })
    }
}

fn to_role(item: &ApiRole) -> Role {
    Role {
        id: item.id.clone(),
        name: item.name.clone(),
        description: item.description.clone(),
        permissions: item.permissions.clone(),
        predefined: item.predefined_role,
    }
}

impl Model {
    /// Adds projects from a JSON array of `projects.list` items (archived ones too, when the
    /// list was read with `include_archived`).
    pub fn add_projects_json(&mut self, json: &str) -> Result<(), ItemError> {
        for item in read::<ApiProjectItem>("projects", json)? {
            let archived = item.status.as_deref() == Some("archived") || item.archived;
            self.add_project(Project {
                name: item.name.unwrap_or_else(|| item.id.clone()),
                id: item.id,
                archived,
            });
        }
        Ok(())
    }

    /// Adds or replaces a project (what was read of it stays).
    pub fn add_project(&mut self, project: Project) {
        let id = project.id.clone();
        self.projects.entry(id).or_default().project = project;
    }

    fn project_mut(&mut self, project_id: &str) -> &mut ProjectFacts {
        self.projects
            .entry(project_id.to_owned())
            .or_insert_with(|| ProjectFacts {
                project: Project {
                    id: project_id.to_owned(),
                    name: project_id.to_owned(),
                    archived: false,
                },
                ..ProjectFacts::default()
            })
    }

    /// Sets a project's members from a JSON array of `projects.users.list` items (the whole
    /// list). A member the user list has not brought is known by what the project says.
    pub fn set_project_members_json(
        &mut self,
        project_id: &str,
        json: &str,
    ) -> Result<(), ItemError> {
        let mut members = Map::new();
        for item in read::<ApiProjectItem>("project members", json)? {
            if !self.users.contains_key(&item.id) {
                self.add_user(User {
                    id: item.id.clone(),
                    name: item.name,
                    email: item.email,
                    role: None,
                    scim: false,
                });
            }
            members.insert(item.id, item.role.unwrap_or_default());
        }
        let project = self.project_mut(project_id);
        // A member who left takes their role list along.
        project.user_roles.retain(|u, _| members.contains_key(u));
        project.members = Some(members);
        Ok(())
    }

    /// Sets the groups with access to a project from a JSON array of `projects.groups.list`
    /// items (the whole list). A group the group list has not brought is known by its name here.
    pub fn set_project_groups_json(
        &mut self,
        project_id: &str,
        json: &str,
    ) -> Result<(), ItemError> {
        let mut groups = Set::new();
        for item in read::<ApiProjectItem>("project groups", json)? {
            if !self.groups.contains_key(&item.group_id) {
                self.add_group(Group {
                    id: item.group_id.clone(),
                    name: item.group_name.unwrap_or_else(|| item.group_id.clone()),
                    scim: false,
                });
            }
            groups.insert(item.group_id);
        }
        let project = self.project_mut(project_id);
        project.group_roles.retain(|g, _| groups.contains(g));
        project.groups = Some(groups);
        Ok(())
    }

    /// Sets a project's roles from a JSON array of `projects.roles.list` items (the whole list).
    pub fn set_project_roles_json(
        &mut self,
        project_id: &str,
        json: &str,
    ) -> Result<(), ItemError> {
        let roles = read::<ApiRole>("project roles", json)?
            .iter()
            .map(|item| (role_key(&item.id).to_owned(), to_role(item)))
            .collect();
        let project = self.project_mut(project_id);
        project.roles = roles;
        project.roles_read = true;
        Ok(())
    }

    /// Sets a group's project roles from a JSON array of `projects.groups.roles.list` items.
    pub fn set_project_group_roles_json(
        &mut self,
        project_id: &str,
        group_id: &str,
        json: &str,
    ) -> Result<(), ItemError> {
        let items = read::<ApiRole>("project group roles", json)?;
        let project = self.project_mut(project_id);
        let keys = items.iter().map(|item| note_role(project, item)).collect();
        project.group_roles.insert(group_id.to_owned(), keys);
        Ok(())
    }

    /// Sets a member's project role list from a JSON array of `projects.users.roles.list` items
    /// (the whole list), with `assignment_sources` read as in the organization's role lists.
    pub fn set_project_user_roles_json(
        &mut self,
        project_id: &str,
        user_id: &str,
        json: &str,
    ) -> Result<(), ItemError> {
        let items = read::<ApiRole>("project user roles", json)?;
        let project = self.project_mut(project_id);
        let mut list = Map::new();
        for item in items {
            let key = note_role(project, &item);
            let sources = item.assignment_sources.map(|sources| {
                sources
                    .into_iter()
                    .map(|s| (s.principal_type, s.principal_id))
                    .collect()
            });
            list.insert(key.clone(), role_item(key, sources));
        }
        project.user_roles.insert(user_id.to_owned(), list);
        Ok(())
    }

    /// The projects, by id.
    pub fn projects(&self) -> impl Iterator<Item = &ProjectFacts> {
        self.projects.values()
    }

    /// The project with this id, or else this name (of active and archived projects with one
    /// name, the active one).
    pub fn find_project(&self, reference: &str) -> Option<&ProjectFacts> {
        self.projects.get(reference).or_else(|| {
            let mut named = self
                .projects
                .values()
                .filter(|p| p.project.name == reference);
            let first = named.next()?;
            Some(if first.project.archived {
                named.find(|p| !p.project.archived).unwrap_or(first)
            } else {
                first
            })
        })
    }
}

/// Records the role an assignment item names in its project (the role list may not be read
/// yet) and returns its key.
fn note_role(project: &mut ProjectFacts, item: &ApiRole) -> String {
    let key = role_key(&item.id).to_owned();
    project
        .roles
        .entry(key.clone())
        .or_insert_with(|| to_role(item));
    key
}
