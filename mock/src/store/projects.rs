//! Projects: their users, groups, own roles and the role assignments inside each project.
//!
//! A project keeps everything that belongs to it (members, groups with access, roles, and which
//! member or group holds which project role), keyed by id so that its lists are `range` scans like
//! every other list. The organization's users and groups link back to nothing here: deleting one
//! walks the projects ([`Store::forget_in_projects`]), which are few.
//!
//! **Role ids that do not round-trip.** Each project has the predefined roles
//! `role-api-project-owner__api-project__{project_id}` (and `…-member…`, `…-viewer…`). The API
//! accepts the short `role-api-project-owner` wherever a project role id goes and answers the
//! long one; [`Project::resolve_role`] does that.

use std::collections::{BTreeMap, BTreeSet};

use super::twoway::{forget, link, unlink};
use super::{Role, RoleSource, Store};

/// The role of a project member: `owner` or `member`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberRole {
    /// `owner`
    Owner,
    /// `member`
    Member,
}

impl MemberRole {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Owner => "owner",
            MemberRole::Member => "member",
        }
    }

    /// Parses the wire name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "owner" => Some(MemberRole::Owner),
            "member" => Some(MemberRole::Member),
            _ => None,
        }
    }
}

/// A user's membership of a project.
#[derive(Debug, Clone)]
pub struct Member {
    /// `owner` or `member`.
    pub role: MemberRole,
    /// Unix seconds.
    pub added_at: i64,
    /// Project roles assigned to the member directly, ordered.
    pub roles: BTreeSet<String>,
}

/// A group's access to a project.
#[derive(Debug, Clone)]
pub struct GroupAccess {
    /// Unix seconds.
    pub created_at: i64,
    /// Project roles assigned to the group, ordered.
    pub roles: BTreeSet<String>,
}

/// A project.
#[derive(Debug, Clone)]
pub struct Project {
    /// `proj_...`
    pub id: String,
    /// Its name.
    pub name: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds, when archived.
    pub archived_at: Option<i64>,
    /// The external key associated with it.
    pub external_key_id: Option<String>,
    /// The residency it was created with.
    pub residency: Option<String>,
    /// The organization's default project: it cannot be renamed or archived.
    pub is_default: bool,
    /// Members by user id.
    pub users: BTreeMap<String, Member>,
    /// Groups with access, by group id.
    pub groups: BTreeMap<String, GroupAccess>,
    /// The project's roles by id: the predefined ones, then custom ones (`role_…` sorts after
    /// `role-…`).
    pub roles: BTreeMap<String, Role>,
}

/// The predefined project roles: (short id, name, description).
const PREDEFINED: &[(&str, &str, &str)] = &[
    (
        "role-api-project-owner",
        "Project Owner",
        "Full access to the project",
    ),
    (
        "role-api-project-member",
        "Project Member",
        "Can use the project",
    ),
    (
        "role-api-project-viewer",
        "Project Viewer",
        "Read-only access to the project",
    ),
];

/// The long id the API answers for a predefined project role's short id.
pub fn long_role_id(short: &str, project_id: &str) -> String {
    format!("{short}__api-project__{project_id}")
}

impl Project {
    /// A new active project with its predefined roles.
    pub fn new(id: String, name: String, created_at: i64) -> Self {
        let roles = PREDEFINED
            .iter()
            .map(|(short, name, description)| {
                let id = long_role_id(short, &id);
                let role = Role {
                    id: id.clone(),
                    name: (*name).to_owned(),
                    description: Some((*description).to_owned()),
                    permissions: vec![format!(
                        "api.project.{}",
                        &short["role-api-project-".len()..]
                    )],
                    resource_type: "api.project".to_owned(),
                    predefined: true,
                    created_at,
                    updated_at: created_at,
                    created_by: None,
                    groups: BTreeSet::new(),
                    users: BTreeSet::new(),
                };
                (id, role)
            })
            .collect();
        Project {
            id,
            name,
            created_at,
            archived_at: None,
            external_key_id: None,
            residency: None,
            is_default: false,
            users: BTreeMap::new(),
            groups: BTreeMap::new(),
            roles,
        }
    }

    /// The id of this project's role named `id`: as given, or the long id of a predefined role's
    /// short one (`role-api-project-owner`).
    pub fn resolve_role(&self, id: &str) -> Option<String> {
        if self.roles.contains_key(id) {
            return Some(id.to_owned());
        }
        let long = long_role_id(id, &self.id);
        self.roles.contains_key(&long).then_some(long)
    }

    /// A project role by exact name.
    pub fn role_named(&self, name: &str) -> Option<&Role> {
        self.roles.values().find(|r| r.name == name)
    }

    /// Assigns `role_id` to member `user_id`. Returns false if it was already assigned.
    pub fn link_user_role(&mut self, user_id: &str, role_id: &str) -> bool {
        let member = self.users.get_mut(user_id).map(|m| &mut m.roles);
        let role = self.roles.get_mut(role_id).map(|r| &mut r.users);
        link(member, role, user_id, role_id)
    }

    /// Unassigns `role_id` from member `user_id`. Returns false if it was not assigned.
    pub fn unlink_user_role(&mut self, user_id: &str, role_id: &str) -> bool {
        let member = self.users.get_mut(user_id).map(|m| &mut m.roles);
        let role = self.roles.get_mut(role_id).map(|r| &mut r.users);
        unlink(member, role, user_id, role_id)
    }

    /// Assigns `role_id` to group `group_id` (which has access). Returns false if it was already.
    pub fn link_group_role(&mut self, group_id: &str, role_id: &str) -> bool {
        let access = self.groups.get_mut(group_id).map(|g| &mut g.roles);
        let role = self.roles.get_mut(role_id).map(|r| &mut r.groups);
        link(access, role, group_id, role_id)
    }

    /// Unassigns `role_id` from group `group_id`. Returns false if it was not assigned.
    pub fn unlink_group_role(&mut self, group_id: &str, role_id: &str) -> bool {
        let access = self.groups.get_mut(group_id).map(|g| &mut g.roles);
        let role = self.roles.get_mut(role_id).map(|r| &mut r.groups);
        unlink(access, role, group_id, role_id)
    }

    /// Removes member `user_id` with its role assignments. Returns false if it was no member.
    pub fn remove_user(&mut self, user_id: &str) -> bool {
        let Some(member) = self.users.remove(user_id) else {
            return false;
        };
        forget(&member.roles, &mut self.roles, |r| &mut r.users, user_id);
        true
    }

    /// Revokes group `group_id`'s access with its role assignments. Returns false if it had none.
    pub fn remove_group(&mut self, group_id: &str) -> bool {
        let Some(access) = self.groups.remove(group_id) else {
            return false;
        };
        forget(&access.roles, &mut self.roles, |r| &mut r.groups, group_id);
        true
    }

    /// Deletes a custom role and unassigns it in the project. Returns false if unknown.
    pub fn delete_role(&mut self, role_id: &str) -> bool {
        let Some(role) = self.roles.remove(role_id) else {
            return false;
        };
        forget(&role.users, &mut self.users, |m| &mut m.roles, role_id);
        forget(&role.groups, &mut self.groups, |g| &mut g.roles, role_id);
        true
    }
}

impl Store {
    /// Removes a deleted organization user or group from every project (memberships, group
    /// access and their role assignments).
    pub fn forget_in_projects(&mut self, id: &str) {
        for project in self.projects.values_mut() {
            project.remove_user(id);
            project.remove_group(id);
        }
    }

    /// Every project role `user_id` holds in `project`, with where it comes from: assigned to the
    /// member directly first, then through each group with access the user belongs to, in group
    /// id order. Empty for someone who is not a member.
    pub fn project_user_roles(
        &self,
        project: &Project,
        user_id: &str,
    ) -> BTreeMap<String, Vec<RoleSource>> {
        let mut out: BTreeMap<String, Vec<RoleSource>> = BTreeMap::new();
        let Some(member) = project.users.get(user_id) else {
            return out;
        };
        for r in &member.roles {
            out.entry(r.clone()).or_default().push(RoleSource::Direct);
        }
        let groups = self.users.get(user_id).map(|u| &u.groups);
        for (gid, access) in &project.groups {
            if groups.is_some_and(|g| g.contains(gid)) {
                for r in &access.roles {
                    out.entry(r.clone())
                        .or_default()
                        .push(RoleSource::Group(gid.clone()));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_predefined_ids_resolve_to_the_long_ones_and_custom_ids_stay() {
        let p = Project::new("proj_1".into(), "P".into(), 0);
        assert_eq!(
            p.resolve_role("role-api-project-owner").as_deref(),
            Some("role-api-project-owner__api-project__proj_1")
        );
        assert_eq!(
            p.resolve_role("role-api-project-owner__api-project__proj_1")
                .as_deref(),
            Some("role-api-project-owner__api-project__proj_1")
        );
        assert_eq!(
            p.resolve_role("role-api-project-owner__api-project__proj_2"),
            None
        );
        assert_eq!(p.resolve_role("role_x"), None);
        assert!(p
            .roles
            .values()
            .all(|r| r.predefined && r.resource_type == "api.project"));
    }
}
