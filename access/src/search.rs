//! Search over users (name, email), groups, roles and projects (name): case- and accent-insensitive,
//! ranked exact > prefix > word prefix > substring.
//!
//! The folded keys are computed once per model state ([`SearchIndex::new`]), so that a search
//! as the user types only folds the query and scans the keys.

use crate::map::Map;

use crate::json::{json_object, JsonFields, ObjectWriter};
use crate::sort::sort_by;
use crate::Model;

/// One result: what it is, how well it matched, and the facts a second line shows (the
/// package words them; the core writes no display text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    /// Its id.
    pub id: String,
    /// What to show: a user's name (or email), a group's or role's name.
    pub label: String,
    /// 4 exact, 3 prefix, 2 word prefix, 1 substring.
    pub score: u8,
    /// Its kind and facts, read from the model when the hit is returned.
    pub facts: HitFacts,
}

/// The facts of a hit, by kind (`kind` on the wire).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitFacts {
    /// A user.
    User {
        /// The email address.
        email: Option<String>,
        /// The organization role.
        organization_role: Option<String>,
        /// Whether the identity provider manages the user.
        scim: bool,
    },
    /// A group.
    Group {
        /// Its members.
        member_count: usize,
        /// Whether the identity provider manages it.
        scim: bool,
    },
    /// A role.
    Role {
        /// Whether OpenAI defines it.
        predefined: bool,
        /// How many permissions it grants.
        permission_count: usize,
        /// The users who hold it, directly or through groups.
        holder_count: usize,
    },
    /// A project.
    Project {
        /// Whether it is archived.
        archived: bool,
        /// Its members, as far as read.
        member_count: usize,
        /// Its groups with access, as far as read.
        group_count: usize,
    },
}

json_object!(SearchHit { "id" => id, "label" => label, "score" => score; ..facts });

impl JsonFields for HitFacts {
    fn write_fields(&self, o: &mut ObjectWriter<'_>) {
        match self {
            HitFacts::User {
                email,
                organization_role,
                scim,
            } => {
                o.field("kind", &"user");
                o.field("email", email);
                o.field("organizationRole", organization_role);
                o.field("scim", scim);
            }
            HitFacts::Group { member_count, scim } => {
                o.field("kind", &"group");
                o.field("memberCount", member_count);
                o.field("scim", scim);
            }
            HitFacts::Role {
                predefined,
                permission_count,
                holder_count,
            } => {
                o.field("kind", &"role");
                o.field("predefined", predefined);
                o.field("permissionCount", permission_count);
                o.field("holderCount", holder_count);
            }
            HitFacts::Project {
                archived,
                member_count,
                group_count,
            } => {
                o.field("kind", &"project");
                o.field("archived", archived);
                o.field("memberCount", member_count);
                o.field("groupCount", group_count);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    User,
    Group,
    Role,
    Project,
}

#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
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
                kind: Kind::User,
                id: user.id.clone(),
                label,
                keys,
            });
        }
        for group in model.groups() {
            entries.push(Entry {
                kind: Kind::Group,
                id: group.id.clone(),
                label: group.name.clone(),
                keys: vec![fold(&group.name)],
            });
        }
        for role in model.roles() {
            entries.push(Entry {
                kind: Kind::Role,
                id: role.id.clone(),
                label: role.name.clone(),
                keys: vec![fold(&role.name)],
            });
        }
        for p in model.projects() {
            entries.push(Entry {
                kind: Kind::Project,
                id: p.project.id.clone(),
                label: p.project.name.clone(),
                keys: vec![fold(&p.project.name)],
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
        holders: &Map<String, usize>,
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
                id: e.id.clone(),
                label: e.label.clone(),
                score,
                facts: facts(model, holders, e.kind, &e.id),
            })
            .collect()
    }
}

/// The facts of a hit, as the model is now.
fn facts(model: &Model, holders: &Map<String, usize>, kind: Kind, id: &str) -> HitFacts {
    match kind {
        Kind::User => {
            let user = model.users.get(id);
            HitFacts::User {
                email: user.and_then(|u| u.email.clone()),
                organization_role: user.and_then(|u| u.role.clone()),
                scim: user.is_some_and(|u| u.scim),
            }
        }
        Kind::Group => HitFacts::Group {
            member_count: model.members_of(id).count(),
            scim: model.groups.get(id).is_some_and(|g| g.scim),
        },
        Kind::Role => {
            let role = model.roles.get(id);
            HitFacts::Role {
                predefined: role.is_some_and(|r| r.predefined),
                permission_count: role.map_or(0, |r| r.permissions.len()),
                holder_count: holders.get(id).copied().unwrap_or(0),
            }
        }
        Kind::Project => {
            let p = model.projects.get(id);
            HitFacts::Project {
                archived: p.is_some_and(|p| p.project.archived),
                member_count: p.map_or(0, |p| p.members().count()),
                group_count: p.map_or(0, |p| p.groups().count()),
            }
        }
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
/// become their base letter, and combining marks are dropped. The one name folding: search,
/// and every filter of the package and the page (`Organization.fold`). A table instead of Unicode
/// normalization: the names people type are Latin, and the tables of a normalization crate
/// would weigh more than the whole search.
pub fn fold(text: &str) -> String {
    const LATIN1: &str = "aaaaaaaceeeeiiiidnooooo\u{f7}ouuuuyty";
    const EXTENDED_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(crate::case::lower) {
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
            index.search(&m, &holder_counts(&m), "marketing", 5)[0].facts,
            HitFacts::Role {
                predefined: true,
                permission_count: 0,
                holder_count: 0
            }
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
                .map(|h| crate::json::to_string(&h))
                .collect()
        };
        assert_eq!(
            details(&m),
            [
                r#"{"id":"g1","label":"Ops","score":4,"kind":"group","memberCount":0,"scim":true}"#,
                r#"{"id":"r1","label":"Ops Admin","score":3,"kind":"role","predefined":false,"permissionCount":1,"holderCount":0}"#,
            ]
        );
        // Memberships and assignments filled in later show without new keys.
        m.set_members("g1", ["u1".to_owned(), "u2".to_owned()]);
        m.set_group_role_ids("g1", ["r1".to_owned()]);
        m.set_direct_roles("u1", ["r1".to_owned()]);
        assert_eq!(
            details(&m),
            [
                r#"{"id":"g1","label":"Ops","score":4,"kind":"group","memberCount":2,"scim":true}"#,
                r#"{"id":"r1","label":"Ops Admin","score":3,"kind":"role","predefined":false,"permissionCount":1,"holderCount":2}"#,
            ]
        );
        assert_eq!(
            index.search(&m, &holder_counts(&m), "u1@", 1)[0].facts,
            HitFacts::User {
                email: Some("u1@example.com".into()),
                organization_role: Some("owner".into()),
                scim: false
            }
        );
    }
}
