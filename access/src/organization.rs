//! The model with what is computed from it and kept: the search keys and the holders per role.
//! Which change makes which of them stale is decided here, next to the model, not in the wasm
//! shell.

use crate::map::Map;

use crate::answers::holder_counts;
use crate::model::ItemError;
use crate::search::{SearchHit, SearchIndex};
use crate::Model;

/// A [`Model`] and its caches.
#[derive(Debug, Clone, Default)]
pub struct Organization {
    model: Model,
    /// The search keys: names and emails only, so stale only when a user, group or role is
    /// added, replaced or removed (not when memberships or assignments fill in: a hit's counts
    /// are read from the model when it is returned).
    index: Option<SearchIndex>,
    /// Holders per role, for the hits' facts: stale after any change.
    holders: Option<Map<String, usize>>,
}

impl Organization {
    /// An empty organization.
    pub fn new() -> Self {
        Self::default()
    }

    /// The model, to read.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The model, to change in any way (users, groups or roles added, a plan applied): every
    /// cache is stale.
    pub fn change<T>(&mut self, change: impl FnOnce(&mut Model) -> T) -> T {
        self.index = None;
        self.holders = None;
        change(&mut self.model)
    }

    /// The model, to fill a member or assignment list in: the holders are stale; the search
    /// keys only when the list brought a user or role no list had named yet.
    pub fn fill(
        &mut self,
        change: impl FnOnce(&mut Model) -> Result<(), ItemError>,
    ) -> Result<(), ItemError> {
        let before = (self.model.users.len(), self.model.roles.len());
        self.holders = None;
        let result = change(&mut self.model);
        if (self.model.users.len(), self.model.roles.len()) != before {
            self.index = None;
        }
        result
    }

    /// Builds what a search needs, if stale (a console calls it when idle, so that the first
    /// keystroke does not pay for it).
    pub fn build_index(&mut self) {
        let model = &self.model;
        self.index.get_or_insert_with(|| SearchIndex::new(model));
        self.holders.get_or_insert_with(|| holder_counts(model));
    }

    /// Users by name or email, groups and roles by name, best first ([`SearchIndex::search`]).
    pub fn search(&mut self, text: &str, limit: usize) -> Vec<SearchHit> {
        self.build_index();
        match (&self.index, &self.holders) {
            (Some(index), Some(holders)) => index.search(&self.model, holders, text, limit),
            _ => Vec::new(),
        }
    }

    /// Whether the search keys are built (for tests of what makes them stale).
    pub fn index_built(&self) -> bool {
        self.index.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_go_stale_only_when_names_change() {
        let mut org = Organization::new();
        org.change(|m| m.add_users_json(r#"[{"id":"u1","name":"Ada"}]"#))
            .unwrap();
        org.change(|m| m.add_groups_json(r#"[{"id":"g1","name":"Ops"}]"#))
            .unwrap();
        assert!(!org.index_built());
        org.build_index();
        assert!(org.index_built());
        // A member list of known users keeps the keys; the counts still show.
        org.fill(|m| m.set_group_members_json("g1", r#"[{"id":"u1"}]"#))
            .unwrap();
        assert!(org.index_built());
        let hits = org.search("ops", 5);
        assert_eq!(
            crate::json::to_serde(&hits[0])["memberCount"],
            serde_json::json!(1)
        );
        // A member no list had named is a new key: found at once.
        org.fill(|m| m.set_group_members_json("g1", r#"[{"id":"u2","name":"Grace"}]"#))
            .unwrap();
        assert!(!org.index_built());
        assert_eq!(org.search("grace", 5)[0].id, "u2");
        org.change(|m| m.add_roles_json(r#"[{"id":"r1","name":"Opsy"}]"#))
            .unwrap();
        assert!(!org.index_built());
        assert_eq!(org.search("ops", 5).len(), 2);
    }
}
