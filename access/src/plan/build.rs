//! Drafts of operations, grouped in phases, turned into the ordered plan: indices assigned,
//! references to created things turned into `{ from: i }`, dependencies listed.

use super::{Blocked, Change, PlanId, PlanOperation};
use crate::json::{Object, Value};
use crate::map::Map;
use crate::sort::{map_of, sort, sort_by};

/// The phases, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Renames and edits of custom roles (before creates, which may take a freed name).
    RoleChanges,
    /// New custom roles.
    RoleCreates,
    /// Group renames (before creates, which may take a freed name).
    GroupRenames,
    /// New groups.
    GroupCreates,
    /// Members, assignments and owners added (before anything is taken away).
    Adds,
    /// Members, assignments and owners removed.
    Removes,
    /// Groups, then custom roles, deleted.
    GroupDeletes,
    /// Custom roles deleted.
    RoleDeletes,
}

/// Something the plan creates or renames, which later drafts may wait for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// The role the file names so.
    Role(String),
    /// The group the file names so.
    Group(String),
    /// A group given access to a project (`project id/group id`).
    ProjectGroup(String),
    /// A custom project role the file names so (`project id/name`).
    ProjectRole(String),
    /// A user made a member of a project (`project id/user id`).
    ProjectMember(String),
}

impl Key {
    /// The name (or ids) it is keyed by.
    pub fn name(&self) -> &String {
        match self {
            Key::Role(name)
            | Key::Group(name)
            | Key::ProjectGroup(name)
            | Key::ProjectRole(name)
            | Key::ProjectMember(name) => name,
        }
    }
}

/// An id: known, or that of a thing this plan creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ref {
    /// It exists.
    Id(String),
    /// The plan creates it.
    New(Key),
}

/// An operation before the plan is ordered.
#[derive(Debug, Clone)]
pub struct Draft {
    /// When it runs.
    pub phase: Phase,
    /// Its row of the operation table.
    pub operation: &'static str,
    /// Its path parameters.
    pub ids: Vec<(&'static str, Ref)>,
    /// Its body's fields.
    pub body: Vec<(&'static str, Body)>,
    /// One line for people.
    pub summary: String,
    /// What kind of change.
    pub change: Change,
    /// What it creates or renames (a creation is what `Ref::New` of the key points at).
    pub makes: Option<Key>,
    /// Renames that must happen first (they free the name this one takes).
    pub after: Vec<Key>,
}

/// A field of a body.
#[derive(Debug, Clone)]
pub enum Body {
    /// A plain value.
    Json(Value),
    /// An id.
    Ref(Ref),
}

/// Collects drafts and blocked entries.
#[derive(Debug, Default)]
pub struct Builder {
    /// The drafts, in the order they were made within each phase.
    pub drafts: Vec<Draft>,
    /// What is blocked.
    pub blocked: Vec<Blocked>,
}

impl Builder {
    /// Adds a draft.
    pub fn push(&mut self, draft: Draft) {
        self.drafts.push(draft);
    }

    /// Records something blocked.
    pub fn block(&mut self, subject: impl Into<String>, reason: impl Into<String>) {
        self.blocked.push(Blocked {
            subject: subject.into(),
            reason: reason.into(),
        });
    }

    /// Orders the drafts and writes the plan's operations.
    pub fn finish(self) -> (Vec<PlanOperation>, Vec<Blocked>) {
        let mut drafts = self.drafts;
        // Stable: within a phase, the order they were made in.
        sort_by(&mut drafts, |a, b| a.phase.cmp(&b.phase));
        let mut made: Map<Key, usize> = Map::new();
        let mut out = Vec::with_capacity(drafts.len());
        for (index, draft) in drafts.into_iter().enumerate() {
            let mut depends = Vec::new();
            let mut resolve = |r: Ref| match r {
                Ref::Id(id) => PlanId::Known(id),
                Ref::New(key) => {
                    // A creation always comes in an earlier phase than its uses.
                    let from = made.get(&key).copied().unwrap_or(usize::MAX);
                    depends.push(from);
                    PlanId::From { from }
                }
            };
            let ids: Map<String, PlanId> = map_of(
                draft
                    .ids
                    .into_iter()
                    .map(|(name, r)| (name.to_owned(), resolve(r))),
            );
            let body = if draft.body.is_empty() {
                None
            } else {
                let mut map = Object::new();
                for (name, field) in draft.body {
                    let value = match field {
                        Body::Json(v) => v,
                        Body::Ref(r) => match resolve(r) {
                            PlanId::Known(id) => Value::String(id),
                            PlanId::From { from } => crate::json::object([("from", from.into())]),
                        },
                    };
                    map.insert(name, value);
                }
                Some(Value::Object(map))
            };
            for key in &draft.after {
                if let Some(i) = made.get(key) {
                    depends.push(*i);
                }
            }
            sort(&mut depends);
            depends.dedup();
            if let Some(key) = draft.makes {
                made.insert(key, index);
            }
            out.push(PlanOperation {
                operation: draft.operation.to_owned(),
                ids,
                body,
                summary: draft.summary,
                change: draft.change,
                depends_on: depends,
            });
        }
        (out, self.blocked)
    }
}

/// Orders renames so that one taking a name another frees comes after it: `renames` are
/// `(key, current name, new name)`; returns the order (indices) and those caught in a cycle.
pub fn order_renames(renames: &[(Key, String, String)]) -> (Vec<usize>, Vec<usize>) {
    let mut done = vec![false; renames.len()];
    let mut order = Vec::with_capacity(renames.len());
    loop {
        let mut progressed = false;
        for i in 0..renames.len() {
            if done[i] {
                continue;
            }
            // Waits while another pending rename still holds the name it takes.
            let waits =
                (0..renames.len()).any(|j| j != i && !done[j] && renames[j].1 == renames[i].2);
            if !waits {
                done[i] = true;
                order.push(i);
                progressed = true;
            }
        }
        if !progressed {
            break;
        }
    }
    let cycle = (0..renames.len()).filter(|i| !done[*i]).collect();
    (order, cycle)
}

/// The rename that frees `name`, among `renames` (for [`Draft::after`]).
pub fn freed_by(renames: &[(Key, String, String)], name: &str) -> Vec<Key> {
    renames
        .iter()
        .filter(|(_, from, _)| from == name)
        .map(|(key, _, _)| key.clone())
        .collect()
}
