//! Search over users (name, email), groups and roles (name): case- and accent-insensitive,
//! ranked exact > prefix > word prefix > substring.
//!
//! The folded keys are computed once per model state ([`SearchIndex::new`]), so that a search
//! as the user types only folds the query and scans the keys.

use serde::Serialize;

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
    /// A second line: a user's email, a group's member count, a role's kind and permissions.
    pub detail: String,
    /// 4 exact, 3 prefix, 2 word prefix, 1 substring.
    pub score: u8,
}

#[derive(Debug, Clone)]
struct Entry {
    hit: SearchHit,
    keys: Vec<String>,
}

/// The folded keys of every user, group and role.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
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
                hit: SearchHit {
                    kind: "user",
                    id: user.id.clone(),
                    label,
                    detail: user.email.clone().unwrap_or_default(),
                    score: 0,
                },
                keys,
            });
        }
        for group in model.groups() {
            let members = model.members_of(&group.id).count();
            let scim = if group.scim { " · SCIM-managed" } else { "" };
            entries.push(Entry {
                hit: SearchHit {
                    kind: "group",
                    id: group.id.clone(),
                    label: group.name.clone(),
                    detail: format!(
                        "{members} member{}{scim}",
                        if members == 1 { "" } else { "s" }
                    ),
                    score: 0,
                },
                keys: vec![fold(&group.name)],
            });
        }
        for role in model.roles() {
            let kind = if role.predefined {
                "predefined role"
            } else {
                "custom role"
            };
            let n = role.permissions.len();
            entries.push(Entry {
                hit: SearchHit {
                    kind: "role",
                    id: role.id.clone(),
                    label: role.name.clone(),
                    detail: format!("{kind} · {n} permission{}", if n == 1 { "" } else { "s" }),
                    score: 0,
                },
                keys: vec![fold(&role.name)],
            });
        }
        SearchIndex { entries }
    }

    /// The best `limit` hits for `text`: by score, then label; nothing for blank text.
    pub fn search(&self, text: &str, limit: usize) -> Vec<SearchHit> {
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
        hits.sort_by(|(sa, a), (sb, b)| {
            sb.cmp(sa)
                .then_with(|| a.hit.label.cmp(&b.hit.label))
                .then_with(|| a.hit.id.cmp(&b.hit.id))
        });
        hits.into_iter()
            .take(limit)
            .map(|(score, e)| SearchHit {
                score,
                ..e.hit.clone()
            })
            .collect()
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
            .search("marí", 10)
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
        assert_eq!(index.search("MAR", 2).len(), 2);
        assert!(index.search("  ", 10).is_empty());
        assert_eq!(index.search("example.com", 1)[0].score, 2);
        assert_eq!(
            index.search("marketing", 5)[0].detail,
            "predefined role · 0 permissions"
        );
    }
}
