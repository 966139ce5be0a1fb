//! The bookkeeping of a link kept in both directions: the owning record's set of the other's
//! ids, and the other record's set of the owner's ids. The organization's links
//! ([`super::links`]) and a project's ([`super::projects`]) are all made, undone and forgotten
//! by these three functions.

use std::collections::{BTreeMap, BTreeSet};

/// Adds `other_id` to the owner's set and `owner_id` to the other's. Nothing happens without an
/// owner. Returns false if the link was already there (or there is no owner).
pub(super) fn link(
    owner: Option<&mut BTreeSet<String>>,
    other: Option<&mut BTreeSet<String>>,
    owner_id: &str,
    other_id: &str,
) -> bool {
    let Some(set) = owner else {
        return false;
    };
    let added = set.insert(other_id.to_owned());
    if let Some(back) = other {
        back.insert(owner_id.to_owned());
    }
    added
}

/// Removes the link from both sides. Returns false if the owner did not have it.
pub(super) fn unlink(
    owner: Option<&mut BTreeSet<String>>,
    other: Option<&mut BTreeSet<String>>,
    owner_id: &str,
    other_id: &str,
) -> bool {
    let removed = owner.is_some_and(|set| set.remove(other_id));
    if let Some(back) = other {
        back.remove(owner_id);
    }
    removed
}

/// A deleted record's `id` leaves the set (chosen by `set`) of each record it was linked to.
pub(super) fn forget<R>(
    linked: &BTreeSet<String>,
    records: &mut BTreeMap<String, R>,
    set: impl Fn(&mut R) -> &mut BTreeSet<String>,
    id: &str,
) {
    for other in linked {
        if let Some(record) = records.get_mut(other) {
            set(record).remove(id);
        }
    }
}
