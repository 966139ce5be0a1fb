//! The fast reader's scalars: plain, single-quoted and double-quoted, each on one line.

use super::super::tree::{Node, Value};
use super::Reader;

impl Reader<'_> {
    /// A plain scalar on one line. In a flow collection (`flow`) it stops before `,[]{}`; it
    /// stops before `:`, a comment, trailing spaces and the line's end. `null`, `~` and their
    /// kin are null.
    pub(super) fn plain(&mut self, flow: bool) -> Option<Node> {
        let pos = self.pos();
        let start = self.at;
        let first = self.text[start..].chars().next()?;
        let next = self.peek_at(start + 1);
        let starts = first.is_alphanumeric()
            || matches!(first, '_' | '.' | '/' | '(' | '$' | '~')
            || (first == '-' && next.is_ascii_alphanumeric());
        if !starts {
            return None;
        }
        let mut end = start;
        loop {
            match self.peek() {
                b'\n' | b':' | 0 => break,
                b',' | b'[' | b']' | b'{' | b'}' if flow => break,
                b'#' => return None,
                b' ' => {
                    self.skip_spaces();
                    if self.peek() == b'#' {
                        break;
                    }
                    // The events refuse a word `-` before `,[]{}` in a flow collection.
                    let next = self.peek_at(self.at + 1);
                    if flow
                        && self.peek() == b'-'
                        && matches!(next, b',' | b'[' | b']' | b'{' | b'}')
                    {
                        return None;
                    }
                }
                _ => {
                    self.at += 1;
                    end = self.at;
                }
            }
        }
        // Trailing spaces are not the scalar's; the caller reads on from its end.
        self.at = end;
        let text = &self.text[start..end];
        let value = if matches!(text, "~" | "null" | "Null" | "NULL") {
            Value::Null
        } else {
            Value::Text(text.to_owned())
        };
        Some(Node { value, pos })
    }

    /// Appends the text up to the next byte `stop` accepts (or the end) to `out`.
    fn copy_until(&mut self, out: &mut String, stop: fn(u8) -> bool) {
        let start = self.at;
        while self.at < self.b.len() && !stop(self.b[self.at]) {
            self.at += 1;
        }
        out.push_str(&self.text[start..self.at]);
    }

    /// `'…'` on one line, `''` for a quote.
    pub(super) fn single_quoted(&mut self) -> Option<Node> {
        let pos = self.pos();
        self.at += 1;
        let mut out = String::new();
        loop {
            self.copy_until(&mut out, |b| matches!(b, b'\'' | b'\n'));
            if self.peek() != b'\'' {
                return None;
            }
            self.at += 1;
            if self.peek() != b'\'' {
                break;
            }
            out.push('\'');
            self.at += 1;
        }
        Some(Node {
            value: Value::Text(out),
            pos,
        })
    }

    /// `"…"` on one line, with JSON's escapes.
    pub(super) fn double_quoted(&mut self) -> Option<Node> {
        let pos = self.pos();
        self.at += 1;
        let mut out = String::new();
        loop {
            self.copy_until(&mut out, |b| matches!(b, b'"' | b'\\' | b'\n'));
            match self.peek() {
                b'"' => break,
                b'\\' => {
                    let c = match self.peek_at(self.at + 1) {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hex = self.text.get(self.at + 2..self.at + 6)?;
                            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                                return None;
                            }
                            self.at += 4;
                            char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                        }
                        _ => return None,
                    };
                    out.push(c);
                    self.at += 2;
                }
                _ => return None,
            }
        }
        self.at += 1;
        Some(Node {
            value: Value::Text(out),
            pos,
        })
    }
}
