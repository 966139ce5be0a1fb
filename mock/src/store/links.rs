//! Links between records, kept in both directions, and the cleanup that deletes imply.

use super::Store;

impl Store {
    /// Adds `user_id` to `group_id`. Both must exist. Returns false if it was already a member.
    pub fn link_member(&mut self, group_id: &str, user_id: &str) -> bool {
        let added = match self.groups.get_mut(group_id) {
            Some(g) => g.members.insert(user_id.to_owned()),
            None => return false,
        };
        if let Some(u) = self.users.get_mut(user_id) {
            u.groups.insert(group_id.to_owned());
        }
        added
    }

    /// Removes `user_id` from `group_id`. Returns false if it was not a member.
    pub fn unlink_member(&mut self, group_id: &str, user_id: &str) -> bool {
        let removed = self
            .groups
            .get_mut(group_id)
            .is_some_and(|g| g.members.remove(user_id));
        if let Some(u) = self.users.get_mut(user_id) {
            u.groups.remove(group_id);
        }
        removed
    }

    /// Assigns `role_id` to `group_id`. Returns false if it was already assigned.
    pub fn link_group_role(&mut self, group_id: &str, role_id: &str) -> bool {
        let added = match self.groups.get_mut(group_id) {
            Some(g) => g.roles.insert(role_id.to_owned()),
            None => return false,
        };
        if let Some(r) = self.roles.get_mut(role_id) {
            r.groups.insert(group_id.to_owned());
        }
        added
    }

    /// Unassigns `role_id` from `group_id`. Returns false if it was not assigned.
    pub fn unlink_group_role(&mut self, group_id: &str, role_id: &str) -> bool {
        let removed = self
            .groups
            .get_mut(group_id)
            .is_some_and(|g| g.roles.remove(role_id));
        if let Some(r) = self.roles.get_mut(role_id) {
            r.groups.remove(group_id);
        }
        removed
    }

    /// Assigns `role_id` to `user_id`. Returns false if it was already assigned.
    pub fn link_user_role(&mut self, user_id: &str, role_id: &str) -> bool {
        let added = match self.users.get_mut(user_id) {
            Some(u) => u.roles.insert(role_id.to_owned()),
            None => return false,
        };
        if let Some(r) = self.roles.get_mut(role_id) {
            r.users.insert(user_id.to_owned());
        }
        added
    }

    /// Unassigns `role_id` from `user_id`. Returns false if it was not assigned.
    pub fn unlink_user_role(&mut self, user_id: &str, role_id: &str) -> bool {
        let removed = self
            .users
            .get_mut(user_id)
            .is_some_and(|u| u.roles.remove(role_id));
        if let Some(r) = self.roles.get_mut(role_id) {
            r.users.remove(user_id);
        }
        removed
    }

    /// Deletes a group with its memberships, role assignments and project access. Returns false
    /// if unknown.
    pub fn delete_group(&mut self, group_id: &str) -> bool {
        let Some(group) = self.groups.remove(group_id) else {
            return false;
        };
        for user_id in &group.members {
            if let Some(u) = self.users.get_mut(user_id) {
                u.groups.remove(group_id);
            }
        }
        for role_id in &group.roles {
            if let Some(r) = self.roles.get_mut(role_id) {
                r.groups.remove(group_id);
            }
        }
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
        for group_id in &user.groups {
            if let Some(g) = self.groups.get_mut(group_id) {
                g.members.remove(user_id);
            }
        }
        for role_id in &user.roles {
            if let Some(r) = self.roles.get_mut(role_id) {
                r.users.remove(user_id);
            }
        }
        self.forget_in_projects(user_id);
        true
    }

    /// Deletes a role and unassigns it everywhere. Returns false if unknown.
    pub fn delete_role(&mut self, role_id: &str) -> bool {
        let Some(role) = self.roles.remove(role_id) else {
            return false;
        };
        for group_id in &role.groups {
            if let Some(g) = self.groups.get_mut(group_id) {
                g.roles.remove(role_id);
            }
        }
        for user_id in &role.users {
            if let Some(u) = self.users.get_mut(user_id) {
                u.roles.remove(role_id);
            }
        }
        true
    }
}
