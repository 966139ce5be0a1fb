//! The one lowercase of the crate (email keys, name order, search's folding, suggestions): the
//! scripts people's names and emails are written in, by rule, instead of `str::to_lowercase`,
//! whose Unicode tables were about 15 KB of the module (ARCHITECTURE.md, "access"). ASCII,
//! Latin-1, Latin Extended-A, Latin Extended Additional (Vietnamese), Greek and Cyrillic
//! lowercase exactly as `char::to_lowercase` does (a test compares every character of those
//! blocks); other characters are kept as they are.

/// `c` in lowercase.
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = c as u32;
    let to = match code {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => code + 0x20,
        // Latin Extended-A: pairs, uppercase first, in three runs; İ, ı, ĸ, ŉ and ſ kept.
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17e if code % 2 == 1 => code + 1,
        0x178 => 0xff,
        // Greek.
        0x370..=0x373 | 0x376 if code % 2 == 0 => code + 1,
        0x37f => 0x3f3,
        0x386 => 0x3ac,
        0x388..=0x38a => code + 0x25,
        0x38c => 0x3cc,
        0x38e..=0x38f => code + 0x3f,
        0x391..=0x3a1 | 0x3a3..=0x3ab => code + 0x20,
        0x3cf => 0x3d7,
        0x3d8..=0x3ef if code % 2 == 0 => code + 1,
        0x3f4 => 0x3b8,
        0x3f7 | 0x3fa => code + 1,
        0x3f9 => 0x3f2,
        0x3fd..=0x3ff => code - 0x82,
        // Cyrillic.
        0x400..=0x40f => code + 0x50,
        0x410..=0x42f => code + 0x20,
        0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x52f if code % 2 == 0 => code + 1,
        0x4c0 => 0x4cf,
        0x4c1..=0x4ce if code % 2 == 1 => code + 1,
        // Latin Extended Additional: pairs, uppercase first; ẞ is ß.
        0x1e00..=0x1e95 | 0x1ea0..=0x1eff if code % 2 == 0 => code + 1,
        0x1e9e => 0xdf,
        _ => code,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `text` in lowercase ([`lower`] of each character).
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks this lowercases: every character as `char::to_lowercase` has it.
    #[test]
    fn lowercases_as_the_standard_library_in_the_blocks_it_covers() {
        let blocks = [0..0x250, 0x370..0x530, 0x1e00..0x1f00];
        for code in blocks.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() == 1 {
                // Latin Extended-B (0x180..0x250) is not covered: kept as it is.
                let expected = if (0x180..0x250).contains(&code) {
                    c
                } else {
                    std[0]
                };
                assert_eq!(lower(c), expected, "U+{code:04X}");
            } else {
                // İ lowercases to two characters: kept.
                assert_eq!(lower(c), c, "U+{code:04X}");
            }
        }
        assert_eq!(
            lowercase("ÀDA Łódź ΣΟΦΊΑ Ярослав"),
            "àda łódź σοφία ярослав"
        );
    }
}
