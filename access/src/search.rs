//! Search over users (name, email), groups and roles (name): case- and accent-insensitive,
//! ranked exact > prefix > word prefix > substring.
//!
//! The folded keys are computed once per model state ([`SearchIndex::new`]), so that a search
//! as the user types only folds the query and scans the keys.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::sort::sort_by;
use crate::Model;

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// `user`, `group` or `role`.
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// What to show: a user's name (or email), a group's or role's name.
    pub label: String,
    /// A second line with the counts people look for: a user's email and organization role, a
    /// group's member count, a role's kind, permissions and holder count.
    pub detail: String,
    /// 4 exact, 3 prefix, 2 word prefix, 1 substring.
    pub score: u8,
}

#[derive(Debug, Clone)]
struct Entry {
    kind: &'static str,
    id: String,
    label: String,
    keys: Vec<String>,
}

/// The folded keys of every user, group and role.
///
/// Only names and emails are keys: the details of a hit (member and holder counts) are read
/// from the model when it is returned, so memberships and role assignments can change (as a
/// loading organization fills in) without the keys being built again.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

impl SearchIndex {
    /// Builds the keys of `model`.
    pub fn new(model: &Model) -> Self {
        let mut entries = Vec::new();
        for user in model.users() {
            let label = user
                .name
                .clone()
                .or_else(|| user.email.clone())
                .unwrap_or_else(|| user.id.clone());
            let keys = [user.name.as_deref(), user.email.as_deref()]
                .into_iter()
                .flatten()
                .map(fold)
                .collect();
            entries.push(Entry {
                kind: "user",
                id: user.id.clone(),
                label,
                keys,
            });
        }
        for group in model.groups() {
            entries.push(Entry {
                kind: "group",
                id: group.id.clone(),
                label: group.name.clone(),
                keys: vec![fold(&group.name)],
            });
        }
        for role in model.roles() {
            entries.push(Entry {
                kind: "role",
                id: role.id.clone(),
                label: role.name.clone(),
                keys: vec![fold(&role.name)],
            });
        }
        SearchIndex { entries }
    }

    /// The best `limit` hits for `text`: by score, then label; nothing for blank text. The
    /// details come from `model` as it is now, and from its `holders` per role
    /// ([`crate::answers::holder_counts`]).
    pub fn search(
        &self,
        model: &Model,
        holders: &BTreeMap<String, usize>,
        text: &str,
        limit: usize,
    ) -> Vec<SearchHit> {
        let query = fold(text.trim());
        if query.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u8, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let score = e.keys.iter().map(|k| rank(k, &query)).max().unwrap_or(0);
                (score > 0).then_some((score, e))
            })
            .collect();
        sort_by(&mut hits, |(sa, a), (sb, b)| {
            sb.cmp(sa)
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| a.id.cmp(&b.id))
        });
        hits.into_iter()
            .take(limit)
            .map(|(score, e)| SearchHit {
                kind: e.kind,
                id: e.id.clone(),
                label: e.label.clone(),
                detail: detail(model, holders, e.kind, &e.id),
                score,
            })
            .collect()
    }
}

/// The second line of a hit.
fn detail(model: &Model, holders: &BTreeMap<String, usize>, kind: &str, id: &str) -> String {
    match kind {
        "user" => model.users.get(id).map_or_else(String::new, |u| {
            [
                u.email.as_deref(),
                u.role.as_deref(),
                u.scim.then_some("SCIM"),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
        }),
        "group" => {
            let scim = model.groups.get(id).is_some_and(|g| g.scim);
            let members = plural(model.members_of(id).count(), "member");
            if scim {
                format!("{members} · SCIM-managed")
            } else {
                members
            }
        }
        _ => model.roles.get(id).map_or_else(String::new, |role| {
            let kind = if role.predefined {
                "predefined role"
            } else {
                "custom role"
            };
            format!(
                "{kind} · {} · {}",
                plural(role.permissions.len(), "permission"),
                plural(holders.get(id).copied().unwrap_or(0), "holder")
            )
        }),
    }
}

/// How well `key` matches `query` (both folded).
fn rank(key: &str, query: &str) -> u8 {
    if key == query {
        4
    } else if key.starts_with(query) {
        3
    } else if key
        .match_indices(query)
        .any(|(i, _)| key[..i].ends_with([' ', '.', '@', '-', '_', '/', '(']))
    {
        2
    } else if key.contains(query) {
        1
    } else {
        0
    }
}

/// Lowercase, without accents: Latin letters with diacritics (Latin-1 and Latin Extended-A)
/// become their base letter, and combining marks are dropped. A table instead of Unicode
/// normalization: the names people type are Latin, and the tables of a normalization crate
/// would weigh more than the whole search.
pub fn fold(text: &str) -> String {
    const LATIN1: &str = "aaaaaaaceeeeiiiidnooooo\u{f7}ouuuuyty";
    const EXTENDED_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let code = c as u32;
        match code {
            0x300..=0x36f => {}
            0xdf => out.push('s'),
            0xe0..=0xff => out.push(LATIN1.chars().nth((code - 0xe0) as usize).unwrap_or(c)),
            0x100..=0x17f => out.push(EXTENDED_A.chars().nth((code - 0x100) as usize).unwrap_or(c)),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::holder_counts;
    use crate::model::{Group, Role, User};

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("José Ñúñez"), "jose nunez");
        assert_eq!(fold("ŁÓDŹ Straße"), "lodz strase");
        assert_eq!(fold("Jose\u{301}"), "jose");
        assert_eq!(fold("Zoë Ærø"), "zoe aro");
    }

    #[test]
    fn ranks_exact_prefix_word_prefix_substring() {
        let mut m = Model::new();
        for (id, name, email) in [
            ("u1", "Ana María", "ana@example.com"),
            ("u2", "Mariana", "mariana@example.com"),
            ("u3", "Rosa Mari", "rosa@example.com"),
            ("u4", "Tamarind", "t@example.com"),
        ] {
            m.add_user(User {
                id: id.into(),
                name: Some(name.into()),
                email: Some(email.into()),
                role: None,
                scim: false,
            });
        }
        m.add_group(Group {
            id: "g1".into(),
            name: "MARI".into(),
            scim: false,
        });
        m.add_role(Role {
            id: "r1".into(),
            name: "Marketing".into(),
            description: None,
            permissions: vec![],
            predefined: true,
        });
        let index = SearchIndex::new(&m);
        let hits: Vec<(String, u8)> = index
            .search(&m, &holder_counts(&m), "marí", 10)
            .into_iter()
            .map(|h| (h.label, h.score))
            .collect();
        assert_eq!(
            hits,
            [
                ("MARI", 4),
                ("Mariana", 3),
                ("Ana María", 2),
                ("Rosa Mari", 2),
                ("Tamarind", 1)
            ]
            .map(|(l, s)| (l.to_owned(), s))
        );
        assert_eq!(index.search(&m, &holder_counts(&m), "MAR", 2).len(), 2);
        assert!(index.search(&m, &holder_counts(&m), "  ", 10).is_empty());
        assert_eq!(
            index.search(&m, &holder_counts(&m), "example.com", 1)[0].score,
            2
        );
        assert_eq!(
            index.search(&m, &holder_counts(&m), "marketing", 5)[0].detail,
            "predefined role · 0 permissions · 0 holders"
        );
    }

    #[test]
    fn details_carry_counts_read_when_searched() {
        let mut m = Model::new();
        for (id, role) in [("u1", "owner"), ("u2", "reader")] {
            m.add_user(User {
                id: id.into(),
                name: Some(format!("Person {id}")),
                email: Some(format!("{id}@example.com")),
                role: Some(role.into()),
                scim: false,
            });
        }
        m.add_group(Group {
            id: "g1".into(),
            name: "Ops".into(),
            scim: true,
        });
        m.add_role(Role {
            id: "r1".into(),
            name: "Ops Admin".into(),
            description: None,
            permissions: vec!["api.groups.write".into()],
            predefined: false,
        });
        let index = SearchIndex::new(&m);
        let details = |m: &Model| -> Vec<String> {
            index
                .search(m, &holder_counts(m), "ops", 10)
                .into_iter()
                .map(|h| format!("{} {}: {}", h.kind, h.label, h.detail))
                .collect()
        };
        assert_eq!(
            details(&m),
            [
                "group Ops: 0 members · SCIM-managed",
                "role Ops Admin: custom role · 1 permission · 0 holders",
            ]
        );
        // Memberships and assignments filled in later show without new keys.
        m.set_members("g1", ["u1".to_owned(), "u2".to_owned()]);
        m.set_group_role_ids("g1", ["r1".to_owned()]);
        m.set_direct_roles("u1", ["r1".to_owned()]);
        assert_eq!(
            details(&m),
            [
                "group Ops: 2 members · SCIM-managed",
                "role Ops Admin: custom role · 1 permission · 2 holders",
            ]
        );
        assert_eq!(
            index.search(&m, &holder_counts(&m), "u1@", 1)[0].detail,
            "u1@example.com · owner"
        );
    }
}
