//! The JSON lexer the whole crate reads with: one pass over the text, no allocation but for
//! strings with escapes and for messages, and no panic whatever the input (a depth limit bounds
//! recursion). The schema checker (`check.rs`) walks a body with it; the request builder and the
//! error reader take an object's members or an array's elements as raw JSON text.

use std::borrow::Cow;

/// Deepest nesting accepted; the models need 5.
pub(crate) const MAX_DEPTH: usize = 64;

/// How much of an unexpected body an error message quotes.
pub(crate) const SNIPPET_CHARS: usize = 200;

/// A check that failed: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The path of the value at fault, e.g. `data[2].created_at`; empty for the whole body.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Invalid {
    /// The top-level field at fault (`limit` for `limit`, `emails` for `emails[1]`), if any.
    pub fn field(&self) -> Option<&str> {
        let end = self.path.find(['.', '[']).unwrap_or(self.path.len());
        Some(&self.path[..end]).filter(|f| !f.is_empty())
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A position in a JSON text, and the syntax rules of RFC 8259.
pub(crate) struct Lexer<'a> {
    /// The whole text.
    pub(crate) text: &'a str,
    /// The byte the next token starts at (or whitespace before it).
    pub(crate) at: usize,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lexer { text, at: 0 }
    }

    // Hot: called for every token; `opt-level = "z"` would not inline it.
    #[inline(always)]
    pub(crate) fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    // Hot: called for every token; `opt-level = "z"` would not inline it.
    #[inline(always)]
    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    // Hot: called for every token; `opt-level = "z"` would not inline it.
    #[inline(always)]
    pub(crate) fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    pub(crate) fn fail_syntax(&self, what: &str) -> Invalid {
        // Quote the text around the fault: up to 30 bytes before it and 30 after.
        let start = self.at.min(self.text.len());
        let mut begin = start.saturating_sub(30);
        while !self.text.is_char_boundary(begin) {
            begin -= 1;
        }
        let mut end = (start + 30).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        Invalid {
            path: String::new(),
            message: format!(
                "not valid JSON ({what} at byte {start}) near: {}",
                snippet(&self.text[begin..end])
            ),
        }
    }

    pub(crate) fn expect(&mut self, byte: u8) -> Result<(), Invalid> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else if self.peek().is_none() {
            Err(self.fail_syntax("unexpected end"))
        } else {
            Err(self.fail_syntax(&format!("expected `{}`", byte as char)))
        }
    }

    /// The next value, whatever it is, syntax only: a field the model does not know, or an item
    /// past the sample.
    pub(crate) fn skip_value(&mut self, depth: usize) -> Result<(), Invalid> {
        self.skip_ws();
        let first = self
            .peek()
            .ok_or_else(|| self.fail_syntax("unexpected end"))?;
        self.any(first, depth)
    }

    /// Any JSON value, syntax only.
    pub(crate) fn any(&mut self, first: u8, depth: usize) -> Result<(), Invalid> {
        if depth > MAX_DEPTH {
            return Err(self.fail_syntax("nested too deeply"));
        }
        match first {
            b'"' => self.string().map(|_| ()),
            b't' => self.literal("true"),
            b'f' => self.literal("false"),
            b'n' => self.literal("null"),
            b'-' | b'0'..=b'9' => self.number().map(|_| ()),
            b'[' | b'{' => {
                let close = if first == b'[' { b']' } else { b'}' };
                self.at += 1;
                self.skip_ws();
                if self.peek() == Some(close) {
                    self.at += 1;
                    return Ok(());
                }
                loop {
                    self.skip_ws();
                    if first == b'{' {
                        if self.peek() != Some(b'"') {
                            return Err(self.fail_syntax("expected a key"));
                        }
                        self.string()?;
                        self.expect(b':')?;
                        self.skip_ws();
                    }
                    let next = self
                        .peek()
                        .ok_or_else(|| self.fail_syntax("unexpected end"))?;
                    self.any(next, depth + 1)?;
                    self.skip_ws();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(c) if c == close => {
                            self.at += 1;
                            return Ok(());
                        }
                        None => return Err(self.fail_syntax("unexpected end")),
                        _ => return Err(self.fail_syntax("expected `,` or a closing bracket")),
                    }
                }
            }
            _ => Err(self.fail_syntax("unexpected character")),
        }
    }

    pub(crate) fn literal(&mut self, word: &str) -> Result<(), Invalid> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.fail_syntax("unexpected character"))
        }
    }

    /// A number; returns whether it is an integer (no fraction, no exponent).
    pub(crate) fn number(&mut self) -> Result<bool, Invalid> {
        let bytes = self.bytes();
        let digits = |at: &mut usize| {
            let start = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - start
        };
        let mut at = self.at;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        let int_start = at;
        let n = digits(&mut at);
        if n == 0 || (n > 1 && bytes[int_start] == b'0') {
            return Err(self.fail_syntax("invalid number"));
        }
        let mut integer = true;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            integer = false;
            if digits(&mut at) == 0 {
                return Err(self.fail_syntax("invalid number"));
            }
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            integer = false;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if digits(&mut at) == 0 {
                return Err(self.fail_syntax("invalid number"));
            }
        }
        self.at = at;
        Ok(integer)
    }

    /// A string as serde reads a key or a field's value: `serde_json` refuses a lone surrogate
    /// escape there (while it skips one in a value nobody reads).
    #[cfg(any(test, fuzzing))]
    pub(crate) fn serde_string(&mut self) -> Result<Cow<'a, str>, Invalid> {
        let start = self.at;
        let value = self.string()?;
        // Only a string with escapes (unescaped into an owned copy) can hold a surrogate escape.
        if matches!(value, Cow::Owned(_)) && has_lone_surrogate(&self.text[start..self.at]) {
            self.at = start;
            return Err(self.fail_syntax("lone surrogate in a string"));
        }
        Ok(value)
    }

    /// A string, unescaped only when it holds escapes.
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>, Invalid> {
        let bytes = self.bytes();
        let start = self.at + 1;
        let mut at = start;
        let mut escaped = false;
        loop {
            // Plain characters first, in a tight loop: most strings have no escape.
            while bytes
                .get(at)
                .is_some_and(|&b| b >= 0x20 && b != b'"' && b != b'\\')
            {
                at += 1;
            }
            match bytes.get(at) {
                None => {
                    self.at = at;
                    return Err(self.fail_syntax("unterminated string"));
                }
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    match bytes.get(at + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => at += 2,
                        Some(b'u')
                            if bytes
                                .get(at + 2..at + 6)
                                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) =>
                        {
                            at += 6
                        }
                        _ => {
                            self.at = at;
                            return Err(self.fail_syntax("invalid escape"));
                        }
                    }
                }
                Some(c) if *c < 0x20 => {
                    self.at = at;
                    return Err(self.fail_syntax("control character in a string"));
                }
                Some(_) => at += 1,
            }
        }
        self.at = at + 1;
        let raw = &self.text[start..at];
        Ok(if escaped {
            Cow::Owned(unescape(raw).into_owned())
        } else {
            Cow::Borrowed(raw)
        })
    }
}

/// `None` when `text` is not a syntactically valid JSON object.
pub fn members(text: &str) -> Option<Vec<(Cow<'_, str>, &str)>> {
    let mut parser = Lexer::new(text);
    parser.skip_ws();
    if parser.peek() != Some(b'{') {
        return None;
    }
    parser.at += 1;
    let mut out = Vec::new();
    parser.skip_ws();
    if parser.peek() == Some(b'}') {
        parser.at += 1;
    } else {
        loop {
            parser.skip_ws();
            if parser.peek() != Some(b'"') {
                return None;
            }
            let key = parser.string().ok()?;
            parser.expect(b':').ok()?;
            parser.skip_ws();
            let start = parser.at;
            parser.any(parser.peek()?, 1).ok()?;
            out.push((key, &text[start..parser.at]));
            parser.skip_ws();
            match parser.peek()? {
                b',' => parser.at += 1,
                b'}' => {
                    parser.at += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    parser.skip_ws();
    (parser.at == text.len()).then_some(out)
}

/// The elements of a JSON array, as raw JSON text; `None` when `text` is not a valid array.
pub fn elements(text: &str) -> Option<Vec<&str>> {
    let mut parser = Lexer::new(text);
    parser.skip_ws();
    if parser.peek() != Some(b'[') {
        return None;
    }
    parser.at += 1;
    let mut out = Vec::new();
    parser.skip_ws();
    if parser.peek() == Some(b']') {
        parser.at += 1;
    } else {
        loop {
            parser.skip_ws();
            let start = parser.at;
            parser.any(parser.peek()?, 1).ok()?;
            out.push(&text[start..parser.at]);
            parser.skip_ws();
            match parser.peek()? {
                b',' => parser.at += 1,
                b']' => {
                    parser.at += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    parser.skip_ws();
    (parser.at == text.len()).then_some(out)
}

/// A raw JSON value as text: a string unescaped, `null` as `None`, anything else as it is.
pub fn raw_to_text(raw: &str) -> Option<String> {
    if raw == "null" {
        return None;
    }
    Some(
        match raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            Some(inner) => unescape(inner).into_owned(),
            None => raw.to_owned(),
        },
    )
}

/// Whether a JSON string (its escapes already checked) has a `\u` escape of a surrogate that
/// is not one half of a pair.
#[cfg(any(test, fuzzing))]
fn has_lone_surrogate(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let hex = |at: usize| {
        raw.get(at..at + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
        } else if bytes.get(at + 1) != Some(&b'u') {
            at += 2;
        } else {
            match hex(at + 2) {
                Some(0xD800..=0xDBFF) => {
                    let paired = raw.get(at + 6..at + 8) == Some("\\u")
                        && matches!(hex(at + 8), Some(0xDC00..=0xDFFF));
                    if !paired {
                        return true;
                    }
                    at += 12;
                }
                Some(0xDC00..=0xDFFF) => return true,
                _ => at += 6,
            }
        }
    }
    false
}

/// Decodes the escapes of a JSON string's contents (already checked by the parser). A lone
/// surrogate becomes U+FFFD.
pub(crate) fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    let hex = |chars: &mut std::str::Chars<'_>| -> Option<u32> {
        let code: String = chars.by_ref().take(4).collect();
        u32::from_str_radix(&code, 16).ok()
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let high = hex(&mut chars).unwrap_or(0xFFFD);
                let code = if (0xD800..0xDC00).contains(&high) && chars.as_str().starts_with("\\u")
                {
                    let mut ahead = chars.clone();
                    ahead.nth(1);
                    match hex(&mut ahead) {
                        Some(low) if (0xDC00..0xE000).contains(&low) => {
                            chars = ahead;
                            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                        }
                        _ => high,
                    }
                } else {
                    high
                };
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    Cow::Owned(out)
}

/// The start of a body, on one line, for an error message.
pub fn snippet(body: &str) -> String {
    let mut flat = String::new();
    for word in body.split_whitespace() {
        if !flat.is_empty() {
            flat.push(' ');
        }
        flat.push_str(word);
    }
    let mut chars = flat.chars();
    let head: String = chars.by_ref().take(SNIPPET_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
