//! Sorting with one compiled sort for the whole module: the standard library's sorts (and
//! `collect` into a `BTreeSet` or `BTreeMap`, which sorts) are compiled again for every element
//! type and comparison, about 2–4 KB of wasm each, 82 KB for the crate's 30 of them. Here only
//! a thin generic shell is per type; the merge sort itself is one function over indices.
//! ARCHITECTURE.md, "access", records the measure. The crate's [`crate::map`] sorts with it.

use std::cmp::Ordering;

use crate::map::{Map, Set};

/// Sorts `items` by `cmp`, stably (as `slice::sort_by`).
pub(crate) fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = order(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by their natural order, stably (as `slice::sort`; for the `sort_unstable`
/// callers too: equal items are then indistinguishable).
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by a key computed once per item, stably (as `slice::sort_by_cached_key`).
pub(crate) fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = order(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// The set of `items` (sorted once, by [`sort_by`]).
pub(crate) fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> Set<T> {
    items.into_iter().collect()
}

/// The map of `entries` (sorted once, by [`sort_by`]; a later value of a key wins).
pub(crate) fn map_of<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> Map<K, V> {
    entries.into_iter().collect()
}

/// Puts `items` in `order` (a permutation of their indices: `order[k]` is the index of the item
/// that goes to position `k`), in place, following each cycle with swaps: the only per-type code
/// is `swap`.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != usize::MAX {
            let next = order[at];
            order[at] = usize::MAX;
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// The indices `0..n` in the order `cmp` gives them, equal ones in their first order: a
/// bottom-up merge sort, the one compiled sort.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                if j >= end || (i < mid && cmp(from[i], from[j]) != Ordering::Greater) {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, equal keys included.
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..8, 0u16..1000), 0..200)) {
            let mut ours = items.clone();
            super::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items.clone();
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &std);
            let mut cached = items.clone();
            super::sort_by_cached_key(&mut cached, |a| a.0);
            prop_assert_eq!(&cached, &std);
            let mut all = items.clone();
            super::sort(&mut all);
            let mut std_all = items;
            std_all.sort();
            prop_assert_eq!(all, std_all);
        }
    }
}
