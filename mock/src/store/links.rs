//! Links between records, kept in both directions, and the cleanup that deletes imply.

use super::twoway::{forget, link, unlink};
use super::Store;

impl Store {
    /// Adds `user_id` to `group_id`. Both must exist. Returns false if it was already a member.
    pub fn link_member(&mut self, group_id: &str, user_id: &str) -> bool {
        let group = self.groups.get_mut(group_id).map(|g| &mut g.members);
        let user = self.users.get_mut(user_id).map(|u| &mut u.groups);
        link(group, user, group_id, user_id)
    }

    /// Removes `user_id` from `group_id`. Returns false if it was not a member.
    pub fn unlink_member(&mut self, group_id: &str, user_id: &str) -> bool {
        let group = self.groups.get_mut(group_id).map(|g| &mut g.members);
        let user = self.users.get_mut(user_id).map(|u| &mut u.groups);
        unlink(group, user, group_id, user_id)
    }

    /// Assigns `role_id` to `group_id`. Returns false if it was already assigned.
    pub fn link_group_role(&mut self, group_id: &str, role_id: &str) -> bool {
        let group = self.groups.get_mut(group_id).map(|g| &mut g.roles);
        let role = self.roles.get_mut(role_id).map(|r| &mut r.groups);
        link(group, role, group_id, role_id)
    }

    /// Unassigns `role_id` from `group_id`. Returns false if it was not assigned.
    pub fn unlink_group_role(&mut self, group_id: &str, role_id: &str) -> bool {
        let group = self.groups.get_mut(group_id).map(|g| &mut g.roles);
        let role = self.roles.get_mut(role_id).map(|r| &mut r.groups);
        unlink(group, role, group_id, role_id)
    }

    /// Assigns `role_id` to `user_id`. Returns false if it was already assigned.
    pub fn link_user_role(&mut self, user_id: &str, role_id: &str) -> bool {
        let user = self.users.get_mut(user_id).map(|u| &mut u.roles);
        let role = self.roles.get_mut(role_id).map(|r| &mut r.users);
        link(user, role, user_id, role_id)
    }

    /// Unassigns `role_id` from `user_id`. Returns false if it was not assigned.
    pub fn unlink_user_role(&mut self, user_id: &str, role_id: &str) -> bool {
        let user = self.users.get_mut(user_id).map(|u| &mut u.roles);
        let role = self.roles.get_mut(role_id).map(|r| &mut r.users);
        unlink(user, role, user_id, role_id)
    }

    /// Deletes a group with its memberships, role assignments and project access. Returns false
    /// if unknown.
    pub fn delete_group(&mut self, group_id: &str) -> bool {
        let Some(group) = self.groups.remove(group_id) else {
            return false;
        };
        forget(&group.members, &mut self.users, |u| &mut u.groups, group_id);
        forget(&group.roles, &mut self.roles, |r| &mut r.groups, group_id);
        self.forget_in_projects(group_id);
        true
    }

    /// Deletes a user with their memberships, role assignments and project memberships. Returns
    /// false if unknown.
    pub fn delete_user(&mut self, user_id: &str) -> bool {
        let Some(user) = self.users.remove(user_id) else {
            return false;
        };
        if let Some(email) = &user.email {
            self.emails.remove(&email.to_lowercase());
        }
        forget(&user.groups, &mut self.groups, |g| &mut g.members, user_id);
        forget(&user.roles, &mut self.roles, |r| &mut r.users, user_id);
        self.forget_in_projects(user_id);
        true
    }

    /// Deletes a role and unassigns it everywhere. Returns false if unknown.
    pub fn delete_role(&mut self, role_id: &str) -> bool {
        let Some(role) = self.roles.remove(role_id) else {
            return false;
        };
        forget(&role.groups, &mut self.groups, |g| &mut g.roles, role_id);
        forget(&role.users, &mut self.users, |u| &mut u.roles, role_id);
        true
    }
}
