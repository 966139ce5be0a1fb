//! Random YAML documents and random mutations of texts, from a seed.

use super::Rng;

const WORDS: &[&str] = &[
    "a",
    "Eng",
    "ada@example.com",
    "a b",
    "x-y",
    "-x",
    ":x",
    "x:y",
    "?x",
    "x#y",
    "null",
    "~",
    "2024",
    "é",
    "日本",
    "a\tb",
    "true",
    "api.groups.read",
    "Key Reader",
    "0.5",
    "x,y",
    "--",
    "...",
    "x]",
    "!x",
    "a  b",
];

const QUOTED: &[&str] = &[
    "'a'",
    "'it''s'",
    "'a\n  b'",
    "'a\n\n  b'",
    "''",
    "\"a\"",
    "\"\\n\\t\"",
    "\"\\u00e9\"",
    "\"\\x41\\U0001F600\"",
    "\"a\\\n  b\"",
    "\"\"",
    "\"\\q\"",
    "\"a\n  b\"",
    "\"\\/\"",
    "'#'",
];

const BLOCK: &[&str] = &[
    "|", ">", "|-", "|+", ">-", ">+", "|2", ">1-", "|+1", "|0", "|x",
];

const TAGS: &[&str] = &["!!str ", "! ", "!x ", "!<u> ", "!e!y ", "!!map ", "!!seq "];

struct Gen {
    rng: Rng,
    out: String,
    anchors: usize,
}

impl Gen {
    fn space(&mut self) -> &'static str {
        match self.rng.below(20) {
            0 => "  ",
            1 => "\t",
            _ => " ",
        }
    }

    fn props(&mut self) {
        if self.rng.below(12) == 0 {
            self.anchors += 1;
            let a = format!("&a{} ", self.anchors);
            self.out.push_str(&a);
        }
        if self.rng.below(15) == 0 {
            let t = self.rng.pick(TAGS);
            self.out.push_str(t);
        }
    }

    fn scalar(&mut self, flow: bool) {
        match self.rng.below(10) {
            0..=5 => {
                let w = self.rng.pick(WORDS);
                self.out.push_str(w);
            }
            6 | 7 => {
                let q = self.rng.pick(QUOTED);
                self.out.push_str(q);
            }
            8 if self.anchors > 0 => {
                let a = format!("*a{}", 1 + self.rng.below(self.anchors + 1));
                self.out.push_str(&a);
            }
            _ if !flow => {
                self.out.push_str("a\n  b");
            }
            _ => {}
        }
    }

    fn flow(&mut self, depth: usize) {
        let map = self.rng.below(2) == 0;
        self.out.push(if map { '{' } else { '[' });
        for i in 0..self.rng.below(4) {
            if i > 0 {
                self.out.push(',');
                let s = if self.rng.below(5) == 0 { "\n  " } else { " " };
                self.out.push_str(s);
            }
            self.props();
            if depth < 3 && self.rng.below(4) == 0 {
                self.flow(depth + 1);
            } else {
                self.scalar(true);
            }
            if map || self.rng.below(6) == 0 {
                self.out.push(':');
                let s = self.space();
                self.out.push_str(s);
                self.scalar(true);
            }
        }
        if self.rng.below(8) == 0 {
            self.out.push(',');
        }
        self.out.push(if map { '}' } else { ']' });
    }

    fn block(&mut self, depth: usize, indent: usize) {
        let step = 1 + self.rng.below(4);
        let seq = self.rng.below(3) == 0;
        for _ in 0..1 + self.rng.below(4) {
            let pad = " ".repeat(indent);
            self.out.push_str(&pad);
            if seq {
                self.out.push_str("- ");
            } else {
                if self.rng.below(15) == 0 {
                    self.out.push_str("? ");
                }
                self.scalar(true);
                self.out.push(':');
            }
            self.value(depth, indent + step);
            if self.rng.below(8) == 0 {
                self.out.push_str(" # note");
            }
            self.out.push('\n');
            if self.rng.below(10) == 0 {
                self.out.push('\n');
            }
        }
    }

    fn value(&mut self, depth: usize, indent: usize) {
        match self.rng.below(8) {
            0 | 1 if depth < 4 => {
                self.out.push('\n');
                self.block(depth + 1, indent);
                self.out.pop();
            }
            2 => {
                self.out.push(' ');
                self.props();
                self.flow(0);
            }
            3 => {
                let b = self.rng.pick(BLOCK);
                self.out.push(' ');
                self.out.push_str(b);
                let pad = " ".repeat(indent);
                for _ in 0..self.rng.below(3) {
                    self.out.push('\n');
                    if self.rng.below(3) > 0 {
                        self.out.push_str(&pad);
                        self.out.push_str("line");
                    }
                }
            }
            4 => {}
            _ => {
                let s = self.space();
                self.out.push_str(s);
                self.props();
                self.scalar(false);
            }
        }
    }
}

/// A random document.
pub(in super::super) fn generate(seed: u64) -> String {
    let mut g = Gen {
        rng: Rng::new(seed),
        out: String::new(),
        anchors: 0,
    };
    match g.rng.below(12) {
        0 => g.out.push_str("---\n"),
        1 => g.out.push_str("%YAML 1.2\n---\n"),
        2 => g.out.push('\u{feff}'),
        _ => {}
    }
    if g.rng.below(6) == 0 {
        g.flow(0);
        g.out.push('\n');
    } else {
        g.block(0, 0);
    }
    if g.rng.below(10) == 0 {
        g.out = g.out.replace('\n', "\r\n");
    }
    g.out
}

const INSERTS: &[&str] = &[
    " ", "  ", "\t", "\n", "\r", "\r\n", ":", "- ", "? ", "#", "[", "]", "{", "}", ",", "\"", "'",
    "|", ">", "&a ", "*a", "!", "!!", "%", "@", "\\", "a", "0", "\u{feff}", "é", "...", "---",
    "\0", "\\u", "\\x4", "-",
];

/// A text with one to three random edits: a character inserted, deleted or replaced, a line
/// repeated or dropped, a line's indentation changed.
pub(in super::super) fn mutate(base: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0xdead_beef);
    let mut text = base.to_owned();
    for _ in 0..1 + rng.below(3) {
        let cuts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let at = cuts[rng.below(cuts.len())];
        match rng.below(6) {
            0 | 1 => {
                let s = rng.pick(INSERTS);
                text.insert_str(at, s);
            }
            2 if at < text.len() => {
                text.remove(at);
            }
            3 if at < text.len() => {
                text.remove(at);
                let s = rng.pick(INSERTS);
                text.insert_str(at, s);
            }
            4 => {
                let mut lines: Vec<&str> = text.split('\n').collect();
                let i = rng.below(lines.len());
                if rng.below(2) == 0 {
                    lines.insert(i, lines[i]);
                } else {
                    lines.remove(i);
                }
                text = lines.join("\n");
            }
            _ => {
                let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
                let i = rng.below(lines.len());
                let line = &mut lines[i];
                if rng.below(2) == 0 {
                    line.insert(0, ' ');
                } else if line.starts_with(' ') {
                    line.remove(0);
                }
                text = lines.join("\n");
            }
        }
    }
    text
}
