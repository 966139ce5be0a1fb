//! A fast reader for the YAML that access files are written in: block mappings of plain or
//! quoted keys, one-line scalars, block sequences of scalars, and flow collections (JSON
//! included). It builds the same tree as the general YAML reader's events (`yaml/`: same values,
//! same positions) and answers `None` at the first thing outside that subset, or at anything a
//! YAML reader might refuse: `tree::parse` then reads the text with the general reader, whose
//! errors are the file's errors. So this reader never decides an error; it only skips the general scanner, which took
//! most of `plan`'s time in the size-tuned module (ARCHITECTURE.md, "access").
//!
//! Line breaks are `\n` or `\r\n` (a file saved on Windows): a `\r` before a `\n` ends a line
//! and is never part of a value nor before a position on its line, so such a text is read
//! without its `\r`s and gives the same tree.
//!
//! Out of the subset: tabs, other carriage returns, document markers and directives, anchors,
//! aliases, tags, block scalars (`|`, `>`), multi-line scalars, complex keys (`?`), plain
//! scalars with `:` or `#` in them or starting with an indicator, escapes beyond JSON's,
//! empty or single-pair flow entries, collections nested deeper than 32, and keys over
//! 1,000 bytes.

use super::tree::{Node, Pos, Value};

/// The tree of `text` when it is in the subset (`None`: read it with the general scanner). An
/// empty text, or one with comments only, is left to the general scanner too.
pub(super) fn parse(text: &str) -> Option<Node> {
    if text.contains('\r') {
        let lf = text.replace("\r\n", "\n");
        // A `\r` alone is a line break of its own: left to the general scanner.
        return if lf.contains('\r') { None } else { parse(&lf) };
    }
    let ascii = text.is_ascii();
    if text.bytes().any(|b| (b < 0x20 && b != b'\n') || b == 0x7f)
        || (!ascii && text.chars().any(unusual))
    {
        return None;
    }
    let mut r = Reader {
        text,
        ascii,
        b: text.as_bytes(),
        at: 0,
        line: 1,
        line_start: 0,
        depth: 0,
    };
    let root = match r.next_line()? {
        Some(0) if r.peek() != b'{' && r.peek() != b'[' => r.block_map(0)?,
        Some(_) if r.peek() == b'{' => {
            let root = r.flow_map(0)?;
            r.end_of_line()?;
            if r.next_line()?.is_some() {
                return None;
            }
            root
        }
        _ => return None,
    };
    // Every line was read.
    (r.at >= r.b.len()).then_some(root)
}

/// Characters the general scanner may treat otherwise: C1 controls (NEL is a line break in
/// YAML 1.1), the byte-order mark, non-characters, the Unicode line and paragraph separators.
fn unusual(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{9f}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' | '\u{2028}' | '\u{2029}'
    )
}

/// The deepest nesting of collections read here (the reader recurses).
const MAX_DEPTH: usize = 32;

/// The longest key read here (YAML limits an implicit key to 1,024 characters).
const MAX_KEY_BYTES: usize = 1000;

struct Reader<'a> {
    text: &'a str,
    /// Whether every character is one byte (a column is then a byte offset).
    ascii: bool,
    b: &'a [u8],
    /// The next byte.
    at: usize,
    /// The line of `at`, from 1.
    line: usize,
    /// Where that line starts.
    line_start: usize,
    /// Open collections.
    depth: usize,
}

impl Reader<'_> {
    /// The next byte, or 0 at the end.
    fn peek(&self) -> u8 {
        self.b.get(self.at).copied().unwrap_or(0)
    }

    fn peek_at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn pos(&self) -> Pos {
        let column = if self.ascii {
            self.at - self.line_start
        } else {
            self.text[self.line_start..self.at].chars().count()
        };
        Pos {
            line: self.line,
            column: column + 1,
        }
    }

    /// The column of `at`, from 0, on a line of spaces so far.
    fn indent(&self) -> usize {
        self.at - self.line_start
    }

    fn skip_spaces(&mut self) {
        while self.peek() == b' ' {
            self.at += 1;
        }
    }

    /// Past the line break at `at`.
    fn newline(&mut self) {
        self.at += 1;
        self.line += 1;
        self.line_start = self.at;
    }

    /// The rest of a line after a value: spaces and a comment, then the line break.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.peek() == b'#' {
            if self.b[self.at - 1] != b' ' {
                return None;
            }
            self.skip_comment();
        }
        match self.peek() {
            b'\n' => {
                self.newline();
                Some(())
            }
            0 if self.at >= self.b.len() => Some(()),
            _ => None,
        }
    }

    fn skip_comment(&mut self) {
        while self.at < self.b.len() && self.b[self.at] != b'\n' {
            self.at += 1;
        }
    }

    /// From the start of a line: past blank and comment lines to the first character of the
    /// next content line, whose indentation it answers; `Some(None)` at the end of the text.
    fn next_line(&mut self) -> Option<Option<usize>> {
        loop {
            self.skip_spaces();
            match self.peek() {
                b'\n' => self.newline(),
                b'#' => {
                    self.skip_comment();
                    if self.at < self.b.len() {
                        self.newline();
                    }
                }
                0 if self.at >= self.b.len() => return Some(None),
                _ => {
                    let line = &self.b[self.line_start..];
                    if line.starts_with(b"---") || line.starts_with(b"...") || line[0] == b'%' {
                        return None;
                    }
                    return Some(Some(self.indent()));
                }
            }
        }
    }

    /// Whether `at` is a block sequence entry (`-` then a space or the line's end).
    fn at_entry(&self) -> bool {
        self.peek() == b'-' && matches!(self.peek_at(self.at + 1), b' ' | b'\n' | 0)
    }

    /// A block mapping whose keys are at column `indent` (from 0); `at` is its first key. Ends
    /// with `at` on the first content line indented less (or at the end of the text).
    fn block_map(&mut self, indent: usize) -> Option<Node> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let pos = self.pos();
        let mut entries = Vec::new();
        loop {
            let key = self.key()?;
            // `key()` stopped at `:`, followed by a space or the line's end.
            let colon = self.pos();
            self.at += 1;
            self.skip_spaces();
            let value = if matches!(self.peek(), b'\n' | b'#' | 0) {
                self.end_of_line()?;
                match self.next_line()? {
                    Some(n) if n > indent && self.at_entry() => self.block_seq(n, false)?,
                    Some(n) if n > indent => self.block_map(n)?,
                    Some(n) if n == indent && self.at_entry() => self.block_seq(n, true)?,
                    _ => Node {
                        value: Value::Null,
                        pos: colon,
                    },
                }
            } else {
                let value = self.inline(indent)?;
                self.end_of_line()?;
                self.next_line()?;
                value
            };
            entries.push((key, value));
            if self.at >= self.b.len() {
                break;
            }
            let n = self.indent();
            if n < indent {
                break;
            }
            if n > indent {
                return None;
            }
        }
        self.depth -= 1;
        Some(Node {
            value: Value::Map(entries),
            pos,
        })
    }

    /// A block sequence of scalars and flow collections, its `-` at column `indent`; `at` is its
    /// first `-`. `indentless`: the value of a key at the same column.
    fn block_seq(&mut self, indent: usize, indentless: bool) -> Option<Node> {
        let mut pos = self.pos();
        let mut items = Vec::new();
        loop {
            self.at += 1;
            self.skip_spaces();
            if matches!(self.peek(), b'\n' | b'#' | 0) {
                return None;
            }
            // The events place a sequence without indentation at its first item.
            if indentless && items.is_empty() {
                pos = self.pos();
            }
            items.push(self.inline(indent)?);
            self.end_of_line()?;
            self.next_line()?;
            if self.at >= self.b.len() {
                break;
            }
            let n = self.indent();
            if n < indent || (n == indent && !self.at_entry() && indentless) {
                break;
            }
            if n > indent || !self.at_entry() {
                return None;
            }
        }
        Some(Node {
            value: Value::List(items),
            pos,
        })
    }

    /// A key of a block mapping: a scalar on one line, `at` left on its `:`.
    fn key(&mut self) -> Option<Node> {
        let start = self.at;
        let key = match self.peek() {
            b'"' => self.double_quoted()?,
            b'\'' => self.single_quoted()?,
            _ => self.plain(false)?,
        };
        self.skip_spaces();
        let ok = self.at - start <= MAX_KEY_BYTES
            && self.peek() == b':'
            && matches!(self.peek_at(self.at + 1), b' ' | b'\n' | 0);
        ok.then_some(key)
    }

    /// A value on the line of its key or `-`: a scalar or a flow collection (which may go on
    /// over lines indented more than `indent`).
    fn inline(&mut self, indent: usize) -> Option<Node> {
        match self.peek() {
            b'[' => self.flow_seq(indent + 1),
            b'{' => self.flow_map(indent + 1),
            b'"' => self.double_quoted(),
            b'\'' => self.single_quoted(),
            _ => {
                let node = self.plain(false)?;
                // A `:` in a value would make it a mapping.
                (self.peek() != b':').then_some(node)
            }
        }
    }

    /// Past spaces, comments and line breaks inside a flow collection, whose lines must start at
    /// column `min` or further.
    fn flow_space(&mut self, min: usize) -> Option<()> {
        loop {
            match self.peek() {
                b' ' => self.at += 1,
                b'\n' => {
                    self.newline();
                    self.skip_spaces();
                    if !matches!(self.peek(), b'\n' | b'#' | 0) {
                        let line = &self.b[self.line_start..];
                        if self.indent() < min
                            || line.starts_with(b"---")
                            || line.starts_with(b"...")
                        {
                            return None;
                        }
                    }
                }
                b'#' if self.at == self.line_start || self.b[self.at - 1] == b' ' => {
                    self.skip_comment()
                }
                _ => return Some(()),
            }
        }
    }

    /// An item of a flow collection, or a flow mapping's value.
    fn flow_node(&mut self, min: usize) -> Option<Node> {
        match self.peek() {
            b'[' => self.flow_seq(min),
            b'{' => self.flow_map(min),
            b'"' => self.double_quoted(),
            b'\'' => self.single_quoted(),
            _ => {
                let node = self.plain(true)?;
                // A plain scalar may go on over the next line: only `,`, `]` or `}` may follow
                // on its own.
                self.skip_spaces();
                matches!(self.peek(), b',' | b']' | b'}').then_some(node)
            }
        }
    }

    /// A flow collection, `at` on its opening bracket: `entry` reads each entry up to the `,`
    /// or the `close` after it; lines start at column `min` or further. Its position.
    fn flow(
        &mut self,
        min: usize,
        close: u8,
        mut entry: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<Pos> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let pos = self.pos();
        self.at += 1;
        self.flow_space(min)?;
        if self.peek() != close {
            loop {
                entry(self)?;
                self.flow_space(min)?;
                match self.peek() {
                    b',' => {
                        self.at += 1;
                        self.flow_space(min)?;
                    }
                    c if c == close => break,
                    _ => return None,
                }
            }
        }
        self.at += 1;
        self.depth -= 1;
        Some(pos)
    }

    /// `[a, b]`, `at` on its `[`; lines start at column `min` or further.
    fn flow_seq(&mut self, min: usize) -> Option<Node> {
        let mut items = Vec::new();
        let pos = self.flow(min, b']', |r| {
            items.push(r.flow_node(min)?);
            Some(())
        })?;
        Some(Node {
            value: Value::List(items),
            pos,
        })
    }

    /// `{a: b, "c": d}`, `at` on its `{`; lines start at column `min` or further.
    fn flow_map(&mut self, min: usize) -> Option<Node> {
        let mut entries = Vec::new();
        let pos = self.flow(min, b'}', |r| {
            let key = r.flow_key()?;
            entries.push((key, r.flow_node(min)?));
            Some(())
        })?;
        Some(Node {
            value: Value::Map(entries),
            pos,
        })
    }

    /// A key of a flow mapping, `at` left on its value.
    fn flow_key(&mut self) -> Option<Node> {
        let start = self.at;
        let (key, quoted) = match self.peek() {
            b'"' => (self.double_quoted()?, true),
            b'\'' => (self.single_quoted()?, true),
            _ => (self.plain(true)?, false),
        };
        self.skip_spaces();
        // After a plain key, `:` needs a space; after a quoted one (JSON), not.
        let next = self.peek_at(self.at + 1);
        if self.at - start > MAX_KEY_BYTES || self.peek() != b':' || !(quoted || next == b' ') {
            return None;
        }
        self.at += 1;
        self.skip_spaces();
        // No value, or one on the next line: left to the general scanner.
        (!matches!(self.peek(), b'\n' | b'#' | b',' | b'}' | 0)).then_some(key)
    }
}

mod scalar;

#[cfg(test)]
mod tests;
