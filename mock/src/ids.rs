//! Identifier generation.
//!
//! Ids look like the real ones (`group_01J...`, `user_01J...`, `role_01J...`): a prefix and a
//! 26-character ULID-style body. The body's first 10 characters encode a sequence number (added
//! to a fixed base time), the last 16 a deterministic scramble of it. Crockford base32 digits sort
//! in ASCII order, so for one prefix lexicographic order equals creation order, which lets each
//! collection be a `BTreeMap` keyed by id and paged with `range`.

/// Crockford base32 alphabet, in ascending ASCII order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Base of the time part, in milliseconds since the epoch (2024-06-10), so ids start `01J`.
const BASE_MS: u64 = 1_718_000_000_000;

/// Hands out ids in creation order. Deterministic: the same sequence after every reset.
#[derive(Debug, Clone, Default)]
pub struct IdGen {
    next: u64,
}

impl IdGen {
    /// Returns the next id with the given prefix, e.g. `next("group")`.
    pub fn next(&mut self, prefix: &str) -> String {
        self.next += 1;
        let seq = self.next;
        let mut id = String::with_capacity(prefix.len() + 27);
        id.push_str(prefix);
        id.push('_');
        push_base32(&mut id, BASE_MS + seq, 10);
        push_base32(&mut id, splitmix64(seq) >> 4, 12);
        push_base32(&mut id, splitmix64(!seq) >> 44, 4);
        id
    }
}

/// Appends `digits` base32 digits of `value`, most significant first.
fn push_base32(out: &mut String, value: u64, digits: u32) {
    for i in (0..digits).rev() {
        let d = ((value >> (5 * i)) & 31) as usize;
        out.push(ALPHABET[d] as char);
    }
}

/// A fixed bijective scramble (SplitMix64 finaliser), so ids look random but never repeat.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::IdGen;

    #[test]
    fn ids_sort_in_creation_order() {
        let mut gen = IdGen::default();
        let ids: Vec<String> = (0..5000).map(|_| gen.next("group")).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert!(ids[0].starts_with("group_01J"), "{}", ids[0]);
        assert_eq!(ids[0].len(), "group_".len() + 26);
    }
}
