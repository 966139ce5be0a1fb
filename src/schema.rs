//! A compact description of each model, and one JSON validator that checks a body against it.
//!
//! The serde models are the reference: they give the TypeScript types and the native
//! [`crate::parse_response`]. But every serde model deserialized in wasm costs kilobytes of
//! monomorphized code, so the wasm build checks bodies with this single validator instead, driven
//! by a [`Schema`] per model. [`Model::SCHEMA`] must say exactly what the model's serde derive
//! accepts; the tests in each resource module check that on the spec's examples and on every
//! field removed, nulled and retyped (`schema::check_agreement`).
//!
//! The validator walks the text once, with no allocation but for error messages and the cursor it
//! reads from a list page, and never panics, whatever the input (a depth limit bounds recursion).

use std::borrow::Cow;

/// Deepest nesting accepted; the models need 5.
const MAX_DEPTH: usize = 64;

/// The type a field must have.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A string.
    Str,
    /// An integer in the `i64` range (no fraction, no exponent).
    Int,
    /// An integer in the `u32` range.
    UInt,
    /// `true` or `false`.
    Bool,
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// An array of this type.
    Arr(&'static Ty),
    /// An object following this schema.
    Obj(&'static Schema),
    /// An object with any fields.
    AnyObj,
    /// An object whose values are strings or `null` (header maps).
    StrMap,
}

/// One field of an object.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The field's name on the wire.
    pub name: &'static str,
    /// Its type.
    pub ty: Ty,
    /// `Option<T>` in the model: it may be missing or `null`. Otherwise it is required.
    pub optional: bool,
}

impl Field {
    /// A required, non-null field.
    pub const fn new(name: &'static str, ty: Ty) -> Self {
        Field {
            name,
            ty,
            optional: false,
        }
    }

    /// An `Option<T>` field: missing and `null` are accepted.
    pub const fn opt(name: &'static str, ty: Ty) -> Self {
        Field {
            name,
            ty,
            optional: true,
        }
    }
}

/// The fields of an object model.
#[derive(Debug)]
pub struct Schema {
    /// The model's name, for messages.
    pub name: &'static str,
    /// Its fields.
    pub fields: &'static [Field],
    /// Reject unknown fields (`#[serde(deny_unknown_fields)]`: parameters, not responses).
    pub strict: bool,
}

/// A model with a schema.
pub trait Model {
    /// What the model's serde derive accepts.
    const SCHEMA: &'static Schema;
}

/// What a list page's validation reads at its top level, for pagination.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageInfo {
    /// `has_more`.
    pub has_more: bool,
    /// The `next` or `last_id` field, whichever `cursor_field` names.
    pub cursor: Option<String>,
    /// The length of `data`.
    pub len: usize,
}

impl crate::pagination::Page for PageInfo {
    fn has_more(&self) -> bool {
        self.has_more
    }
    fn cursor(&self) -> Option<&str> {
        self.cursor.as_deref()
    }
    fn len(&self) -> usize {
        self.len
    }
}

/// A validation failure: where, and what.
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

/// Checks `body` against `schema`.
pub fn validate(schema: &'static Schema, body: &str) -> Result<(), Invalid> {
    validate_page(schema, body, "").map(|_| ())
}

/// Checks `body` against `schema` and reads `has_more`, the length of `data` and the string
/// field `cursor_field` at the top level.
pub fn validate_page(
    schema: &'static Schema,
    body: &str,
    cursor_field: &str,
) -> Result<PageInfo, Invalid> {
    let mut parser = Parser {
        text: body,
        at: 0,
        path: Vec::new(),
        page: PageInfo::default(),
        cursor_field,
        last_array_len: 0,
    };
    parser.skip_ws();
    if parser.at == body.len() {
        return Err(parser.fail("the body is empty"));
    }
    parser.object(schema, 0)?;
    parser.skip_ws();
    if parser.at != body.len() {
        return Err(parser.fail_syntax("trailing characters"));
    }
    Ok(parser.page)
}

/// The members of a JSON object: each key (unescaped) with the raw JSON text of its value.
/// `None` when `text` is not a syntactically valid JSON object.
pub fn members(text: &str) -> Option<Vec<(Cow<'_, str>, &str)>> {
    let mut parser = Parser {
        text,
        at: 0,
        path: Vec::new(),
        page: PageInfo::default(),
        cursor_field: "",
        last_array_len: 0,
    };
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
    let mut parser = Parser {
        text,
        at: 0,
        path: Vec::new(),
        page: PageInfo::default(),
        cursor_field: "",
        last_array_len: 0,
    };
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

/// Typed reads from a JSON object that its schema has already accepted.
pub struct Members<'a> {
    members: Vec<(Cow<'a, str>, &'a str)>,
}

impl<'a> Members<'a> {
    /// The members of `text`, a JSON object.
    pub fn parse(text: &'a str) -> Option<Self> {
        members(text).map(|members| Members { members })
    }

    /// The raw value of `key`, unless it is missing or `null`.
    fn raw(&self, key: &str) -> Option<&'a str> {
        let raw = self.members.iter().rev().find(|(k, _)| k == key)?.1;
        (raw != "null").then_some(raw)
    }

    /// A string member.
    pub fn string(&self, key: &str) -> Option<String> {
        self.raw(key).and_then(raw_to_text)
    }

    /// A non-negative integer member.
    pub fn uint(&self, key: &str) -> Option<u32> {
        self.raw(key)?.parse().ok()
    }

    /// A boolean member.
    pub fn boolean(&self, key: &str) -> Option<bool> {
        Some(self.raw(key)? == "true")
    }

    /// An array-of-strings member.
    pub fn strings(&self, key: &str) -> Option<Vec<String>> {
        let items = elements(self.raw(key)?)?;
        Some(items.into_iter().filter_map(raw_to_text).collect())
    }

    /// An object member whose values are strings or `null`.
    pub fn string_map(&self, key: &str) -> Option<Vec<(String, Option<String>)>> {
        let inner = members(self.raw(key)?)?;
        Some(
            inner
                .into_iter()
                .map(|(k, v)| (k.into_owned(), raw_to_text(v)))
                .collect(),
        )
    }
}

/// A parameters model read from JSON its schema has accepted, without serde (which would cost
/// kilobytes of wasm per model).
pub trait FromMembers: Model + Sized {
    /// Builds the value from the members of a JSON object that `Self::SCHEMA` accepted.
    fn from_members(members: &Members<'_>) -> Self;
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

/// A step of the path to the value being checked.
enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    path: Vec<Step<'a>>,
    page: PageInfo,
    cursor_field: &'a str,
    /// Length of the array that closed last: at the top level, after `data`, that of `data`.
    last_array_len: usize,
}

/// What a JSON value turned out to be, for messages.
fn kind_name(byte: u8) -> &'static str {
    match byte {
        b'"' => "a string",
        b'{' => "an object",
        b'[' => "an array",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        _ => "a number",
    }
}

fn expected(ty: &Ty) -> Cow<'static, str> {
    match ty {
        Ty::Str => "a string".into(),
        Ty::Int => "an integer".into(),
        Ty::UInt => "a non-negative integer".into(),
        Ty::Bool => "a boolean".into(),
        Ty::Enum(values) => format!("one of {}", quote_list(values)).into(),
        Ty::Arr(_) => "an array".into(),
        Ty::Obj(_) | Ty::AnyObj | Ty::StrMap => "an object".into(),
    }
}

fn quote_list(values: &[&str]) -> String {
    let mut out = String::new();
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(value);
        out.push('`');
    }
    out
}

impl<'a> Parser<'a> {
    // Hot: called for every token; `opt-level = "z"` would not inline it.
    #[inline(always)]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    // Hot: called for every token; `opt-level = "z"` would not inline it.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    // Hot: called for every token; `opt-level = "z"` would not inline it.
    #[inline(always)]
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn path_string(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            match step {
                Step::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    fn fail(&self, message: impl Into<String>) -> Invalid {
        Invalid {
            path: self.path_string(),
            message: message.into(),
        }
    }

    fn fail_syntax(&self, what: &str) -> Invalid {
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
                crate::response::snippet(&self.text[begin..end])
            ),
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Invalid> {
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

    /// Checks one value against `ty`, or only its syntax when `ty` is `None`.
    fn value(&mut self, ty: Option<&Ty>, optional: bool, depth: usize) -> Result<(), Invalid> {
        if depth > MAX_DEPTH {
            return Err(self.fail_syntax("nested too deeply"));
        }
        self.skip_ws();
        let Some(first) = self.peek() else {
            return Err(self.fail_syntax("unexpected end"));
        };
        let Some(ty) = ty else {
            return self.any(first, depth);
        };
        if first == b'n' {
            self.literal("null")?;
            return if optional {
                Ok(())
            } else {
                Err(self.fail(format!("expected {}, got null", expected(ty))))
            };
        }
        let mismatch = |p: &Self| {
            p.fail(format!(
                "expected {}, got {}",
                expected(ty),
                kind_name(first)
            ))
        };
        match (ty, first) {
            (Ty::Str, b'"') => self.text().map(|_| ()),
            (Ty::Enum(values), b'"') => {
                let value = self.string()?;
                if values.contains(&value.as_ref()) {
                    Ok(())
                } else {
                    Err(self.fail(format!("`{value}` is not {}", expected(ty))))
                }
            }
            (Ty::Int | Ty::UInt, b'-' | b'0'..=b'9') => self.integer(ty),
            (Ty::Bool, b't') => self.literal("true"),
            (Ty::Bool, b'f') => self.literal("false"),
            (Ty::Arr(item), b'[') => self.array(item, depth),
            (Ty::Obj(schema), b'{') => self.object(schema, depth),
            (Ty::AnyObj, b'{') => self.any(first, depth),
            (Ty::StrMap, b'{') => self.str_map(depth),
            _ => {
                // Check the syntax first: a broken body is reported as such.
                self.any(first, depth)?;
                Err(mismatch(self))
            }
        }
    }

    fn object(&mut self, schema: &'static Schema, depth: usize) -> Result<(), Invalid> {
        self.skip_ws();
        if self.peek() != Some(b'{') {
            let first = self.peek().unwrap_or(b'n');
            if self.peek().is_some() {
                self.any(first, depth)?;
            }
            return Err(self.fail(format!(
                "expected an object ({}), got {}",
                schema.name,
                kind_name(first)
            )));
        }
        self.at += 1;
        // Which fields were seen, as a bit set: models have at most 64 fields.
        let mut seen: u64 = 0;
        let top = depth == 0;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
        } else {
            loop {
                self.skip_ws();
                if self.peek() != Some(b'"') {
                    return Err(self.fail_syntax("expected a key"));
                }
                let key = self.text()?;
                self.expect(b':')?;
                let index = schema.fields.iter().position(|f| f.name == key);
                if index.is_none() && schema.strict {
                    let known = schema.fields.iter().map(|f| f.name).collect::<Vec<_>>();
                    self.path.push(Step::Key(key.clone()));
                    let err = self.fail(format!(
                        "unknown field `{key}`, expected {}",
                        quote_list(&known)
                    ));
                    self.path.pop();
                    return Err(err);
                }
                let field = index.map(|i| &schema.fields[i]);
                if let Some(i) = index {
                    // serde's derive refuses a field given twice.
                    if seen & (1 << i) != 0 {
                        self.path.push(Step::Key(key.clone()));
                        let err = self.fail("duplicate field");
                        self.path.pop();
                        return Err(err);
                    }
                    seen |= 1 << i;
                }
                self.path.push(Step::Key(key.clone()));
                let start = self.at;
                self.value(
                    field.map(|f| &f.ty),
                    field.is_some_and(|f| f.optional),
                    depth + 1,
                )?;
                self.path.pop();
                if top {
                    self.capture(&key, start);
                }
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b'}') => {
                        self.at += 1;
                        break;
                    }
                    None => return Err(self.fail_syntax("unexpected end")),
                    _ => return Err(self.fail_syntax("expected `,` or `}`")),
                }
            }
        }
        for (i, field) in schema.fields.iter().enumerate() {
            if !field.optional && seen & (1 << i) == 0 {
                self.path.push(Step::Key(Cow::Borrowed(field.name)));
                let err = self.fail("missing");
                self.path.pop();
                return Err(err);
            }
        }
        Ok(())
    }

    /// Records the top-level fields pagination needs (the value at `start` is already checked).
    fn capture(&mut self, key: &str, start: usize) {
        let raw = self.text[start..self.at].trim();
        if key == "has_more" {
            self.page.has_more = raw == "true";
        } else if key == "data" && raw.starts_with('[') {
            self.page.len = self.last_array_len;
        } else if !self.cursor_field.is_empty() && key == self.cursor_field {
            self.page.cursor = raw
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .map(|s| unescape(s).into_owned());
        }
    }

    fn array(&mut self, item: &Ty, depth: usize) -> Result<(), Invalid> {
        self.at += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.at += 1;
            self.last_array_len = 0;
            return Ok(());
        }
        let mut index = 0;
        loop {
            self.path.push(Step::Index(index));
            self.value(Some(item), false, depth + 1)?;
            self.path.pop();
            index += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    self.last_array_len = index;
                    return Ok(());
                }
                None => return Err(self.fail_syntax("unexpected end")),
                _ => return Err(self.fail_syntax("expected `,` or `]`")),
            }
        }
    }

    fn str_map(&mut self, depth: usize) -> Result<(), Invalid> {
        self.at += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.fail_syntax("expected a key"));
            }
            let key = self.text()?;
            self.expect(b':')?;
            self.path.push(Step::Key(key));
            self.value(Some(&Ty::Str), true, depth + 1)?;
            self.path.pop();
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                None => return Err(self.fail_syntax("unexpected end")),
                _ => return Err(self.fail_syntax("expected `,` or `}`")),
            }
        }
    }

    /// Any JSON value, syntax only.
    fn any(&mut self, first: u8, depth: usize) -> Result<(), Invalid> {
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

    fn literal(&mut self, word: &str) -> Result<(), Invalid> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.fail_syntax("unexpected character"))
        }
    }

    /// A number; returns whether it is an integer (no fraction, no exponent).
    fn number(&mut self) -> Result<bool, Invalid> {
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

    fn integer(&mut self, ty: &Ty) -> Result<(), Invalid> {
        let start = self.at;
        let integer = self.number()?;
        let raw = &self.text[start..self.at];
        // serde_json reads `-0` as the float -0.0, which no integer field accepts.
        let integer = integer && raw != "-0";
        let fits = match ty {
            Ty::UInt => raw.parse::<u32>().is_ok(),
            _ => raw.parse::<i64>().is_ok(),
        };
        if integer && fits {
            Ok(())
        } else if integer {
            Err(self.fail(format!("{raw} is not {}", expected(ty))))
        } else {
            Err(self.fail(format!("expected {}, got {raw}", expected(ty))))
        }
    }

    /// A string that serde reads as a Rust string (a field's value, a model's key): as
    /// [`Self::string`], but an escaped surrogate outside a pair is refused, as serde_json
    /// refuses it there (while it skips one in a value nobody reads).
    fn text(&mut self) -> Result<Cow<'a, str>, Invalid> {
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
    fn string(&mut self) -> Result<Cow<'a, str>, Invalid> {
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

/// Whether a JSON string (its escapes already checked) has a `\u` escape of a surrogate that
/// is not one half of a pair.
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
fn unescape(raw: &str) -> Cow<'_, str> {
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

/// Test support: checks that a model's schema accepts and rejects exactly what its serde derive
/// does, on `example` and on every variant of it with one field (at any depth) removed, set to
/// `null`, or set to a value of each other JSON type.
#[cfg(test)]
pub fn check_agreement<T: serde::de::DeserializeOwned + Model>(example: &str) {
    use serde_json::Value;

    // Each variant says whether it put an array where an object was: serde also reads a struct
    // from a JSON array (its fields in order), which no API sends; the schema rejects it.
    fn variants(value: &Value, out: &mut Vec<(Value, bool)>) {
        let replacements = [
            Value::Null,
            Value::Bool(true),
            serde_json::json!(7),
            serde_json::json!(-7),
            serde_json::json!(1.5),
            serde_json::json!("text"),
            serde_json::json!([]),
            serde_json::json!(["text"]),
            serde_json::json!({}),
        ];
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let mut removed = map.clone();
                    removed.remove(key);
                    out.push((Value::Object(removed), false));
                    for replacement in &replacements {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), replacement.clone());
                        out.push((
                            Value::Object(changed),
                            child.is_object() && replacement.is_array(),
                        ));
                    }
                    let mut nested = Vec::new();
                    variants(child, &mut nested);
                    for (variant, lenient) in nested {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), variant);
                        out.push((Value::Object(changed), lenient));
                    }
                }
                let mut extra = map.clone();
                extra.insert("unknown_extra".into(), Value::Bool(true));
                out.push((Value::Object(extra), false));
            }
            Value::Array(items) => {
                if let Some(first) = items.first() {
                    for replacement in &replacements {
                        let mut changed = items.clone();
                        changed[0] = replacement.clone();
                        out.push((
                            Value::Array(changed),
                            first.is_object() && replacement.is_array(),
                        ));
                    }
                    let mut nested = Vec::new();
                    variants(first, &mut nested);
                    for (variant, lenient) in nested {
                        let mut changed = items.clone();
                        changed[0] = variant;
                        out.push((Value::Array(changed), lenient));
                    }
                }
            }
            _ => {}
        }
    }

    let value: Value = serde_json::from_str(example).expect("the example is JSON");
    let mut cases = vec![(value.clone(), false)];
    variants(&value, &mut cases);
    assert!(
        serde_json::from_value::<T>(value).is_ok(),
        "serde rejects the example"
    );
    for (case, lenient) in cases {
        let text = case.to_string();
        let by_serde = serde_json::from_str::<T>(&text).is_ok();
        let by_schema = validate(T::SCHEMA, &text);
        if lenient && by_serde && by_schema.is_err() {
            continue;
        }
        assert_eq!(
            by_serde,
            by_schema.is_ok(),
            "{}: serde and the schema disagree on {text}: {by_schema:?}",
            T::SCHEMA.name
        );
    }
}

/// Test support: checks that reading `example` with [`FromMembers`] gives what serde gives, and
/// (for bodies) that writing it back gives what serde writes.
#[cfg(test)]
pub fn check_reading<T>(example: &str)
where
    T: serde::de::DeserializeOwned + FromMembers + PartialEq + std::fmt::Debug,
{
    let by_serde: T = serde_json::from_str(example).expect("serde reads the example");
    validate(T::SCHEMA, example).expect("the schema accepts the example");
    let members = Members::parse(example).expect("an object");
    assert_eq!(T::from_members(&members), by_serde, "{example}");
}

/// Test support: checks that a body writes itself as serde writes it.
#[cfg(test)]
pub fn check_writing<T>(example: &str)
where
    T: serde::de::DeserializeOwned + serde::Serialize + crate::request::ToJson,
{
    let value: T = serde_json::from_str(example).expect("serde reads the example");
    let by_serde = serde_json::to_string(&value).expect("serde writes it");
    assert_eq!(value.to_json(), by_serde, "{example}");
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: Schema = Schema {
        name: "Item",
        fields: &[
            Field::new("id", Ty::Str),
            Field::new("created_at", Ty::Int),
            Field::opt("kind", Ty::Enum(&["a", "b"])),
        ],
        strict: false,
    };
    const LIST: Schema = Schema {
        name: "List",
        fields: &[
            Field::new("data", Ty::Arr(&Ty::Obj(&ITEM))),
            Field::new("has_more", Ty::Bool),
            Field::opt("next", Ty::Str),
        ],
        strict: false,
    };
    const PARAMS: Schema = Schema {
        name: "Params",
        fields: &[
            Field::opt("limit", Ty::UInt),
            Field::opt("emails", Ty::Arr(&Ty::Str)),
        ],
        strict: true,
    };

    #[test]
    fn a_page_is_checked_and_its_cursor_read() {
        let body = r#" {"object":"list","data":[{"id":"a","created_at":1,"x":{"y":[1,2.5e3,null]}},{"id":"b\"\u00e9","created_at":-2,"kind":"b"}],"has_more":true,"next":"c\/d"} "#;
        let page = validate_page(&LIST, body, "next").unwrap();
        assert_eq!(
            page,
            PageInfo {
                has_more: true,
                cursor: Some("c/d".into()),
                len: 2
            }
        );
        let empty =
            validate_page(&LIST, r#"{"data":[],"has_more":false,"next":null}"#, "next").unwrap();
        assert_eq!(
            empty,
            PageInfo {
                has_more: false,
                cursor: None,
                len: 0
            }
        );
    }

    #[test]
    fn mismatches_name_the_path() {
        let err = validate(
            &LIST,
            r#"{"data":[{"id":"a","created_at":1},{"id":"b","created_at":"x"}],"has_more":false}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "data[1].created_at: expected an integer, got a string"
        );
        let err = validate(&LIST, r#"{"data":[{"id":"a"}],"has_more":false}"#).unwrap_err();
        assert_eq!(err.to_string(), "data[0].created_at: missing");
        let err = validate(
            &LIST,
            r#"{"data":[{"id":"a","created_at":1.5}],"has_more":false}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "data[0].created_at: expected an integer, got 1.5"
        );
        let err = validate(
            &LIST,
            r#"{"data":[{"id":"a","created_at":1,"kind":"c"}],"has_more":false}"#,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "data[0].kind: `c` is not one of `a`, `b`");
        let err = validate(&LIST, r#"{"data":null,"has_more":false}"#).unwrap_err();
        assert_eq!(err.to_string(), "data: expected an array, got null");
        assert_eq!(
            validate(&LIST, "[]").unwrap_err().to_string(),
            "expected an object (List), got an array"
        );
    }

    #[test]
    fn broken_json_is_reported_as_such() {
        for body in [
            "",
            "   ",
            "{",
            r#"{"data":[{"id":"a","#,
            r#"{"data":[],"has_more":false} x"#,
            r#"{"data":[],"has_more":fals}"#,
            r#"{"data":[01],"has_more":false}"#,
            "{\"data\":[],\"has_more\":false,\"next\":\"a\u{1}\"}",
            r#"{"data":[],"has_more":false,"next":"\x"}"#,
            "<html>",
        ] {
            let err = validate(&LIST, body).unwrap_err();
            assert!(
                err.message.contains("JSON") || err.message.contains("empty"),
                "{body}: {err}"
            );
        }
    }

    #[test]
    fn a_fault_at_the_end_still_quotes_what_came_before() {
        let err = validate(&LIST, r#"{"data":[],"has_more":false,"next":"abc"#).unwrap_err();
        assert!(
            err.message.ends_with(r#","has_more":false,"next":"abc"#),
            "{err}"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!(
            r#"{{"data":[],"has_more":false,"x":{}{}}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(validate(&LIST, &deep)
            .unwrap_err()
            .message
            .contains("deeply"));
    }

    #[test]
    fn strict_schemas_reject_unknown_fields_and_bad_numbers() {
        assert!(validate(&PARAMS, r#"{"limit":5,"emails":["a@x"]}"#).is_ok());
        let err = validate(&PARAMS, r#"{"colour":"red"}"#).unwrap_err();
        assert_eq!(err.field(), Some("colour"));
        assert_eq!(
            validate(&PARAMS, r#"{"limit":-1}"#).unwrap_err().field(),
            Some("limit")
        );
        assert_eq!(
            validate(&PARAMS, r#"{"limit":4294967296}"#)
                .unwrap_err()
                .field(),
            Some("limit")
        );
        assert_eq!(
            validate(&PARAMS, r#"{"emails":["a",3]}"#)
                .unwrap_err()
                .field(),
            Some("emails")
        );
    }

    #[test]
    fn a_known_field_given_twice_is_refused_as_serde_refuses_it() {
        // Found by fuzzing (fuzz/fuzz_targets/schema_validate.rs): accepted, while serde's
        // derive says "duplicate field".
        let err = validate(
            &LIST,
            r#"{"data":[{"id":"a","created_at":1,"id":"b"}],"has_more":false}"#,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "data[0].id: duplicate field");
        let err = validate(
            &LIST,
            r#"{"data":[],"has_more":false,"next":null,"next":"x"}"#,
        )
        .unwrap_err();
        assert_eq!(err.field(), Some("next"));
        // Unknown fields are ignored, as serde ignores them, however often they come.
        assert!(validate(&LIST, r#"{"data":[],"has_more":false,"x":1,"x":2}"#).is_ok());
    }

    #[test]
    fn minus_zero_and_lone_surrogates_are_refused_where_serde_refuses_them() {
        // Found by fuzzing (fuzz/fuzz_targets/schema_validate.rs): serde_json reads `-0` as a
        // float, and refuses a lone surrogate escape in a string it reads (a key or a field),
        // but not in a value it skips.
        let item = |id: &str, created_at: &str| {
            format!(r#"{{"data":[{{"id":"{id}","created_at":{created_at}}}],"has_more":false}}"#)
        };
        assert_eq!(
            validate(&LIST, &item("a", "-0")).unwrap_err().to_string(),
            "data[0].created_at: expected an integer, got -0"
        );
        assert!(validate(&LIST, &item("a", "0")).is_ok());
        assert!(validate(&PARAMS, r#"{"limit":-0}"#).is_err());
        for id in [r"g\ud800", r"\udc00", r"\ud800\u0041", r"\ud800x"] {
            let err = validate(&LIST, &item(id, "1")).unwrap_err();
            assert!(err.message.contains("lone surrogate"), "{id}: {err}");
        }
        assert!(validate(&LIST, &item(r"\ud83d\ude00 \\ud800", "1")).is_ok());
        let key = r#"{"data":[],"has_more":false,"\udc00":1}"#;
        assert!(validate(&LIST, key).is_err());
        let skipped = r#"{"data":[],"has_more":false,"x":"\ud800","y":{"\udc00":[]}}"#;
        assert!(validate(&LIST, skipped).is_ok());
    }

    #[test]
    fn unescape_decodes_surrogate_pairs() {
        assert_eq!(unescape(r"a\ud83d\ude00b\n"), "a\u{1F600}b\n");
        assert_eq!(unescape(r"\ud83d"), "\u{FFFD}");
    }
}

/// Every model's schema against its serde derive, on a full example of each.
#[cfg(test)]
mod agreement {
    use super::check_agreement;
    use crate::groups::roles::{GroupRoleCreateParams, GroupRoleCreateResponse, GroupSummary};
    use crate::groups::users::{
        GroupUserCreateParams, GroupUserCreateResponse, GroupUserDeleteResponse, GroupUserList,
        GroupUserRetrieveResponse, OrganizationGroupUser,
    };
    use crate::groups::{
        Group, GroupCreateParams, GroupDeleteResponse, GroupList, GroupUpdateParams,
        GroupUpdateResponse,
    };
    use crate::params::ListParams;
    use crate::roles::{
        AssignedRoleDetails, AssignedRoleList, Role, RoleAssignmentDeleteResponse,
        RoleCreateParams, RoleDeleteResponse, RoleList, RoleUpdateParams,
    };
    use crate::users::roles::{UserRoleCreateParams, UserRoleCreateResponse};
    use crate::users::{
        OrganizationUser, UserDeleteResponse, UserList, UserListParams, UserUpdateParams,
    };

    const GROUP: &str = r#"{"id":"g1","name":"Support","created_at":1711471533,"is_scim_managed":false,"group_type":"group"}"#;
    const ROLE: &str = r#"{"object":"role","id":"r1","name":"API Group Manager","description":"d","permissions":["api.groups.read"],"resource_type":"api.organization","predefined_role":false}"#;
    const ASSIGNED: &str = r#"{"id":"r1","name":"n","permissions":["p"],"resource_type":"api.organization","predefined_role":false,"description":"d","created_at":1,"updated_at":2,"created_by":"u","created_by_user_obj":{"id":"u"},"metadata":{},"assignment_sources":[{"principal_id":"g1","principal_type":"group"}]}"#;
    const USER: &str = r#"{"object":"organization.user","id":"u1","name":"Ada","email":"ada@example.com","role":"owner","added_at":1711470000,"is_default":false,"created":1,"user":{"object":"user","id":"u1","email":"e","name":"n","picture":"p","enabled":true,"banned":false,"banned_at":3},"is_service_account":false,"is_scale_tier_authorized_purchaser":null,"is_scim_managed":false,"api_key_last_used_at":4,"technical_level":"t","developer_persona":"d","projects":{"object":"list","data":[{"id":"p1","name":"P","role":"owner"}]}}"#;

    #[test]
    fn groups() {
        check_agreement::<Group>(GROUP);
        check_agreement::<GroupList>(&format!(
            r#"{{"object":"list","data":[{GROUP}],"has_more":true,"next":"g1"}}"#
        ));
        check_agreement::<GroupUpdateResponse>(
            r#"{"id":"g1","name":"n","created_at":1,"is_scim_managed":true}"#,
        );
        check_agreement::<GroupDeleteResponse>(
            r#"{"object":"group.deleted","id":"g1","deleted":true}"#,
        );
        check_agreement::<GroupCreateParams>(r#"{"name":"n"}"#);
        check_agreement::<GroupUpdateParams>(r#"{"name":"n"}"#);
    }

    #[test]
    fn group_users_and_roles() {
        let user = r#"{"id":"u1","name":"Ada","email":"ada@example.com"}"#;
        check_agreement::<OrganizationGroupUser>(user);
        check_agreement::<GroupUserList>(&format!(
            r#"{{"object":"list","data":[{user}],"has_more":false,"next":null}}"#
        ));
        check_agreement::<GroupUserCreateResponse>(
            r#"{"object":"group.user","user_id":"u1","group_id":"g1"}"#,
        );
        check_agreement::<GroupUserRetrieveResponse>(
            r#"{"id":"u1","name":"Ada","email":"a@x","picture":"p","is_service_account":false,"user_type":"user"}"#,
        );
        check_agreement::<GroupUserDeleteResponse>(
            r#"{"object":"group.user.deleted","deleted":true}"#,
        );
        check_agreement::<GroupUserCreateParams>(r#"{"user_id":"u1"}"#);
        let summary =
            r#"{"object":"group","id":"g1","name":"n","created_at":1,"scim_managed":false}"#;
        check_agreement::<GroupSummary>(summary);
        check_agreement::<GroupRoleCreateResponse>(&format!(
            r#"{{"object":"group.role","group":{summary},"role":{ROLE}}}"#
        ));
        check_agreement::<GroupRoleCreateParams>(r#"{"role_id":"r1"}"#);
    }

    #[test]
    fn roles() {
        check_agreement::<Role>(ROLE);
        check_agreement::<RoleList>(&format!(
            r#"{{"object":"list","data":[{ROLE}],"has_more":false,"next":null}}"#
        ));
        check_agreement::<RoleDeleteResponse>(
            r#"{"object":"role.deleted","id":"r1","deleted":true}"#,
        );
        check_agreement::<RoleCreateParams>(
            r#"{"role_name":"n","permissions":["p"],"description":"d"}"#,
        );
        check_agreement::<RoleUpdateParams>(
            r#"{"role_name":"n","permissions":["p"],"description":"d"}"#,
        );
        check_agreement::<AssignedRoleDetails>(ASSIGNED);
        check_agreement::<AssignedRoleList>(&format!(
            r#"{{"object":"list","data":[{ASSIGNED}],"has_more":true,"next":"r1"}}"#
        ));
        check_agreement::<RoleAssignmentDeleteResponse>(
            r#"{"object":"user.role.deleted","deleted":true}"#,
        );
    }

    #[test]
    fn users() {
        check_agreement::<OrganizationUser>(USER);
        check_agreement::<UserList>(&format!(
            r#"{{"object":"list","data":[{USER}],"first_id":"u1","last_id":"u1","has_more":false}}"#
        ));
        check_agreement::<UserDeleteResponse>(
            r#"{"object":"organization.user.deleted","id":"u1","deleted":true}"#,
        );
        check_agreement::<UserUpdateParams>(
            r#"{"role":"reader","role_id":"r","technical_level":"t","developer_persona":"d"}"#,
        );
        check_agreement::<UserRoleCreateResponse>(&format!(
            r#"{{"object":"user.role","user":{USER},"role":{ROLE}}}"#
        ));
        check_agreement::<UserRoleCreateParams>(r#"{"role_id":"r1"}"#);
    }

    #[test]
    fn parameters_read_as_serde_reads_them() {
        use super::{check_reading, FromMembers};
        use crate::config::{CallOptions, ClientOptions};
        check_reading::<ListParams>(r#"{"after":"a\\u00e9","limit":10,"order":"desc"}"#);
        check_reading::<ListParams>(r#"{"order":"asc"}"#);
        check_reading::<ListParams>(r#"{"after":null,"limit":null}"#);
        check_reading::<UserListParams>(r#"{"after":"a","limit":100,"emails":["a@x","b\"c@x"]}"#);
        check_reading::<GroupCreateParams>(r#"{"name":"Support"}"#);
        check_reading::<GroupUpdateParams>(r#"{"name":"Escalations"}"#);
        check_reading::<GroupUserCreateParams>(r#"{"user_id":"u1"}"#);
        check_reading::<GroupRoleCreateParams>(r#"{"role_id":"r1"}"#);
        check_reading::<UserRoleCreateParams>(r#"{"role_id":"r1"}"#);
        check_reading::<RoleCreateParams>(
            r#"{"role_name":"n","permissions":["a","b"],"description":"d"}"#,
        );
        check_reading::<RoleCreateParams>(
            r#"{"role_name":"n","permissions":[],"description":null}"#,
        );
        check_reading::<RoleUpdateParams>(r#"{"permissions":["a"]}"#);
        check_reading::<RoleUpdateParams>(r#"{}"#);
        check_reading::<UserUpdateParams>(
            r#"{"role":"owner","role_id":"r","technical_level":"t","developer_persona":"d"}"#,
        );
        check_reading::<UserUpdateParams>(r#"{"role":"reader"}"#);
        let options = r#"{"adminAPIKey":"k","apiKey":"a","baseURL":"http://x/v1","organization":"o","project":"p","maxRetries":3,"timeout":5000,"defaultHeaders":{"X-A":"1","X-B":null},"dangerouslyAllowBrowser":true}"#;
        let read = ClientOptions::from_members(&super::Members::parse(options).unwrap());
        let by_serde: ClientOptions = serde_json::from_str(options).unwrap();
        assert_eq!(format!("{read:?}"), format!("{by_serde:?}"));
        let call = r#"{"maxRetries":0,"timeout":1,"headers":{"x":"y"}}"#;
        let read = CallOptions::from_members(&super::Members::parse(call).unwrap());
        let by_serde: CallOptions = serde_json::from_str(call).unwrap();
        assert_eq!(format!("{read:?}"), format!("{by_serde:?}"));
    }

    #[test]
    fn bodies_write_as_serde_writes_them() {
        use super::check_writing;
        let tricky = r#""q\"b\\s\n\t\r\b\f\u0001\u001f é 😀""#;
        check_writing::<GroupCreateParams>(&format!(r#"{{"name":{tricky}}}"#));
        check_writing::<GroupUpdateParams>(r#"{"name":"Escalations"}"#);
        check_writing::<GroupUserCreateParams>(r#"{"user_id":"u1"}"#);
        check_writing::<GroupRoleCreateParams>(r#"{"role_id":"r1"}"#);
        check_writing::<UserRoleCreateParams>(r#"{"role_id":"r1"}"#);
        check_writing::<RoleCreateParams>(&format!(
            r#"{{"role_name":"n","permissions":["a",{tricky}],"description":"d"}}"#
        ));
        check_writing::<RoleCreateParams>(r#"{"role_name":"n","permissions":[]}"#);
        check_writing::<RoleUpdateParams>(r#"{"permissions":["a"]}"#);
        check_writing::<RoleUpdateParams>(r#"{"role_name":"x","description":"y"}"#);
        check_writing::<RoleUpdateParams>(r#"{}"#);
        check_writing::<UserUpdateParams>(
            r#"{"role":"owner","role_id":"r","technical_level":"t","developer_persona":"d"}"#,
        );
        check_writing::<UserUpdateParams>(r#"{"role":"reader"}"#);
    }

    #[test]
    fn list_params() {
        check_agreement::<ListParams>(r#"{"after":"a","limit":10,"order":"desc"}"#);
        check_agreement::<UserListParams>(r#"{"after":"a","limit":10,"emails":["a@x"]}"#);
    }
}
