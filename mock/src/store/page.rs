//! Cursor pagination over ordered collections, in O(log n + page size).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

/// Sort order of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Oldest first.
    Asc,
    /// Newest first.
    Desc,
}

/// Where a page starts and how long it is.
#[derive(Debug, Clone)]
pub struct PageQuery {
    /// Exclusive cursor: the id of the last item of the previous page.
    pub after: Option<String>,
    /// Maximum number of items.
    pub limit: usize,
    /// Direction.
    pub order: Order,
}

/// One page of keys and whether more follow.
#[derive(Debug)]
pub struct Page<'a> {
    /// The ids in this page, in the requested order.
    pub ids: Vec<&'a String>,
    /// Whether more items follow this page.
    pub has_more: bool,
}

impl Page<'_> {
    /// The `next` cursor: the last id when more follow, else `None`.
    pub fn next(&self) -> Option<String> {
        if self.has_more {
            self.ids.last().map(|s| (*s).clone())
        } else {
            None
        }
    }
}

/// The key bounds strictly after the cursor in the given direction.
fn bounds(q: &PageQuery) -> (Bound<&str>, Bound<&str>) {
    match (&q.after, q.order) {
        (None, _) => (Bound::Unbounded, Bound::Unbounded),
        (Some(a), Order::Asc) => (Bound::Excluded(a.as_str()), Bound::Unbounded),
        (Some(a), Order::Desc) => (Bound::Unbounded, Bound::Excluded(a.as_str())),
    }
}

/// Takes `limit` items and peeks one more to learn `has_more`.
fn take<'a>(mut it: impl Iterator<Item = &'a String>, limit: usize) -> Page<'a> {
    let ids: Vec<&String> = it.by_ref().take(limit).collect();
    let has_more = it.next().is_some();
    Page { ids, has_more }
}

/// A page of the keys of a map.
pub fn page_map<'a, V>(map: &'a BTreeMap<String, V>, q: &PageQuery) -> Page<'a> {
    let range = map.range::<str, _>(bounds(q)).map(|(k, _)| k);
    match q.order {
        Order::Asc => take(range, q.limit),
        Order::Desc => take(range.rev(), q.limit),
    }
}

/// A page of a set of ids.
pub fn page_set<'a>(set: &'a BTreeSet<String>, q: &PageQuery) -> Page<'a> {
    let range = set.range::<str, _>(bounds(q));
    match q.order {
        Order::Asc => take(range, q.limit),
        Order::Desc => take(range.rev(), q.limit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> BTreeSet<String> {
        ["a", "b", "c", "d", "e"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn q(after: Option<&str>, limit: usize, order: Order) -> PageQuery {
        PageQuery {
            after: after.map(str::to_owned),
            limit,
            order,
        }
    }

    #[test]
    fn pages_both_ways() {
        let s = set();
        let p = page_set(&s, &q(None, 2, Order::Asc));
        assert_eq!(p.ids, ["a", "b"]);
        assert!(p.has_more);
        let p = page_set(&s, &q(Some("b"), 2, Order::Asc));
        assert_eq!(p.ids, ["c", "d"]);
        let p = page_set(&s, &q(Some("d"), 2, Order::Asc));
        assert_eq!(p.ids, ["e"]);
        assert!(!p.has_more);
        assert_eq!(p.next(), None);
        let p = page_set(&s, &q(Some("d"), 2, Order::Desc));
        assert_eq!(p.ids, ["c", "b"]);
        assert_eq!(p.next().as_deref(), Some("b"));
        let p = page_set(&s, &q(None, 10, Order::Desc));
        assert_eq!(p.ids, ["e", "d", "c", "b", "a"]);
    }
}
