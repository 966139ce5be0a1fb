use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::{Map, Set};

proptest! {
    /// The same contents and order as `std`'s B-trees, whatever the operations.
    #[test]
    fn behaves_as_the_b_trees(ops in proptest::collection::vec((0u8..4, 0u8..40, 0u16..100), 0..200),
                              bulk in proptest::collection::vec((0u8..40, 0u16..100), 0..60)) {
        let mut ours: Map<u8, u16> = bulk.iter().copied().collect();
        let mut std: BTreeMap<u8, u16> = bulk.iter().copied().collect();
        let mut our_set: Set<u8> = bulk.iter().map(|e| e.0).collect();
        let mut std_set: BTreeSet<u8> = bulk.iter().map(|e| e.0).collect();
        for (op, k, v) in ops {
            match op {
                0 => {
                    prop_assert_eq!(ours.insert(k, v), std.insert(k, v));
                    prop_assert_eq!(our_set.insert(k), std_set.insert(k));
                }
                1 => {
                    prop_assert_eq!(ours.remove(&k), std.remove(&k));
                    prop_assert_eq!(our_set.remove(&k), std_set.remove(&k));
                }
                2 => {
                    *ours.entry(k).or_default() += v;
                    *std.entry(k).or_default() += v;
                }
                _ => {
                    ours.extend([(k, v), (k.wrapping_add(7), v)]);
                    std.extend([(k, v), (k.wrapping_add(7), v)]);
                    our_set.extend([k, k / 2]);
                    std_set.extend([k, k / 2]);
                }
            }
            prop_assert_eq!(ours.get(&k), std.get(&k));
            prop_assert_eq!(our_set.contains(&k), std_set.contains(&k));
        }
        prop_assert_eq!(ours.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
        prop_assert_eq!(our_set.iter().collect::<Vec<_>>(), std_set.iter().collect::<Vec<_>>());
        let other: Set<u8> = (0..20).collect();
        let std_other: BTreeSet<u8> = (0..20).collect();
        prop_assert_eq!(
            our_set.difference(&other).collect::<Vec<_>>(),
            std_set.difference(&std_other).collect::<Vec<_>>()
        );
    }
}
