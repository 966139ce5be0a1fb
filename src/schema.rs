//! A compact description of each model, and one JSON checker that reads a body against it.
//!
//! Every model's [`Schema`] is generated from its serde struct by `#[derive(Model)]`
//! (the `openai-admin-derive` crate). The checker walks the text once, with no allocation but
//! for messages, drift reports and the cursor it reads from a list page, and never panics,
//! whatever the input (a depth limit bounds recursion). It has two modes, after the robustness
//! principle:
//!
//! - [`check_request`], the careful writer: before a request is sent, it refuses only what
//!   cannot succeed under the schema (a wrong JSON type, a missing required field, `null` where
//!   the schema does not allow it, a number outside `minimum`/`maximum`, a string length outside
//!   `minLength`/`maxLength`). Unknown fields and enum values outside the spec are sent as given.
//! - [`check_response`], the tolerant reader: an answer fails only where the client cannot go on
//!   (not JSON, not an object, a list's envelope of the wrong type); every other difference from
//!   the spec is reported as [`Drift`], never as an error.

use std::borrow::Cow;
use std::cmp::Ordering;

/// Deepest nesting accepted; the models need 5.
const MAX_DEPTH: usize = 64;

/// The type a field must have.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A string.
    Str,
    /// An integer in the `i64` range (no fraction, no exponent).
    Int,
    /// Any JSON number.
    Num,
    /// An integer in the `u32` range.
    UInt,
    /// `true` or `false`.
    Bool,
    /// One of these strings (in requests, any string: the server decides).
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

impl Ty {
    /// The spec's name for the type, as drift reports say it.
    pub fn spec_name(&self) -> &'static str {
        match self {
            Ty::Str | Ty::Enum(_) => "string",
            Ty::Int | Ty::UInt => "integer",
            Ty::Num => "number",
            Ty::Bool => "boolean",
            Ty::Arr(_) => "array",
            Ty::Obj(_) | Ty::AnyObj | Ty::StrMap => "object",
        }
    }
}

/// One field of an object.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The field's name on the wire.
    pub name: &'static str,
    /// Its type.
    pub ty: Ty,
    /// It may be missing. Otherwise the spec requires it.
    pub optional: bool,
    /// It may be `null`.
    pub nullable: bool,
    /// The schema's `minimum` (numbers).
    pub min: Option<i64>,
    /// The schema's `maximum` (numbers).
    pub max: Option<i64>,
    /// The schema's `minLength`, in characters (strings).
    pub min_len: Option<u32>,
    /// The schema's `maxLength`, in characters (strings).
    pub max_len: Option<u32>,
}

impl Field {
    /// A required, non-null field without bounds.
    pub const fn new(name: &'static str, ty: Ty) -> Self {
        Field {
            name,
            ty,
            optional: false,
            nullable: false,
            min: None,
            max: None,
            min_len: None,
            max_len: None,
        }
    }

    /// A field that may be missing (but not `null`: see [`Field::nullable`]).
    pub const fn opt(name: &'static str, ty: Ty) -> Self {
        Field {
            optional: true,
            ..Field::new(name, ty)
        }
    }

    /// The same field, allowed to be `null`.
    pub const fn nullable(self) -> Self {
        Field {
            nullable: true,
            ..self
        }
    }

    /// The same field, with the schema's `minimum` and `maximum`.
    pub const fn range(self, min: Option<i64>, max: Option<i64>) -> Self {
        Field { min, max, ..self }
    }

    /// The same field, with the schema's `minLength` and `maxLength`.
    pub const fn len(self, min_len: Option<u32>, max_len: Option<u32>) -> Self {
        Field {
            min_len,
            max_len,
            ..self
        }
    }
}

/// The fields of an object model.
#[derive(Debug)]
pub struct Schema {
    /// The model's name, for messages.
    pub name: &'static str,
    /// Its fields (at most 64).
    pub fields: &'static [Field],
}

impl Schema {
    /// Whether this is a list page: a schema with a `data` array.
    fn is_list(&self) -> bool {
        self.fields
            .iter()
            .any(|f| f.name == "data" && matches!(f.ty, Ty::Arr(_)))
    }
}

/// `#[derive(Model)]`: the schema, nesting type and field docs of a serde model.
pub use openai_admin_derive::Model;

/// A model with a schema (`#[derive(Model)]`).
pub trait Model {
    /// What the spec says of the model.
    const SCHEMA: &'static Schema;
}

/// How a model is nested in another (`Ty::Obj` of its schema) or, for a string enum, its values
/// (`Ty::Enum`). `#[derive(Model)]` implements it.
pub trait ModelType {
    /// The type of a field holding this model.
    const TY: Ty;
}

/// Field descriptions (the doc comments), in the order of [`Model::SCHEMA`]'s fields.
pub trait ModelDocs {
    /// One description per field.
    const DOCS: &'static [&'static str];
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
    /// Whether an empty page ends the list (the `last_id` lists, as the official
    /// `ConversationCursorPage` decides).
    pub ends_on_empty_page: bool,
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
    fn ends_on_empty_page(&self) -> bool {
        self.ends_on_empty_page
    }
}

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

/// A difference between an answer and the spec's model, which the reader tolerates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// Where: `data[].group_type` (the items of an array share the path `data[]`).
    pub path: String,
    /// What.
    pub kind: DriftKind,
}

/// What kind of difference a [`Drift`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DriftKind {
    /// A field the spec requires is missing.
    Missing,
    /// A field the spec does not know.
    Unknown,
    /// A string outside the spec's enum: the value, and the spec's values.
    Enum(String, &'static [&'static str]),
    /// A value of another type (or `null` where the spec does not allow it): the spec's type.
    WrongType(&'static str),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "the body"
        } else {
            &self.path
        };
        match &self.kind {
            DriftKind::Missing => write!(f, "{path} is missing (the spec requires it)"),
            DriftKind::Unknown => write!(f, "{path} is not in the spec (unknown field)"),
            DriftKind::Enum(value, values) => write!(
                f,
                "{path} is \"{value}\", not one of the spec's values ({})",
                values.join(", ")
            ),
            DriftKind::WrongType(ty) => {
                let article = if ty.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                write!(f, "{path} is not {article} {ty} (the spec says {ty})")
            }
        }
    }
}

/// How the walker treats a difference from the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// As the model's serde derive reads it: every difference is an error.
    Serde,
    /// Careful writer: see [`check_request`].
    Request,
    /// Tolerant reader: see [`check_response`].
    Response,
}

/// Checks a request's parameters or body, the JSON text `json`, before it is sent.
///
/// An error only for what cannot succeed under the schema: a wrong JSON type for a known field
/// (enum fields take any string here: the server decides), a missing required field, `null`
/// where the field is not nullable, a number outside `min`/`max`, a string whose length in
/// characters is outside `min_len`/`max_len`, or text that is not a JSON object. Unknown fields
/// are fine. [`Invalid::field`] names the field at fault.
pub fn check_request(schema: &'static Schema, json: &str) -> Result<(), Invalid> {
    let mut parser = Parser::new(json, Mode::Request);
    parser.top(schema).map(|_| ())
}

/// Checks an answer's body, pushing every difference from the schema to `drift`.
///
/// An error only when the client cannot go on: `body` is not JSON or not an object, or (for a
/// list page, a schema with a `data` array) `data` is present and not an array, `has_more` is
/// present and not a boolean, or `cursor_field` is present and neither a string nor `null`.
/// Anything else is drift, pushed once per path and kind (array items share the path `data[]`):
/// a required field missing, an unknown field, an enum value outside the spec, a wrong type.
/// The body itself is never changed.
pub fn check_response(
    schema: &'static Schema,
    body: &str,
    cursor_field: Option<&str>,
    drift: &mut Vec<Drift>,
) -> Result<(), Invalid> {
    check_response_sample(schema, body, cursor_field, usize::MAX, drift)
}

/// As [`check_response`], comparing only the first `items` items of each array with the model
/// (a sample: items of one list share their shape); the rest must still be valid JSON.
pub fn check_response_sample(
    schema: &'static Schema,
    body: &str,
    cursor_field: Option<&str>,
    items: usize,
    drift: &mut Vec<Drift>,
) -> Result<(), Invalid> {
    let mut parser = Parser::new(body, Mode::Response);
    parser.cursor_field = cursor_field.unwrap_or("");
    parser.items_checked = items;
    parser.drift = std::mem::take(drift);
    let result = parser.top(schema).map(|_| ());
    *drift = parser.drift;
    result
}

/// Checks `body` against `schema` as the model's serde derive reads it (every difference is an
/// error, unknown fields aside).
pub fn validate(schema: &'static Schema, body: &str) -> Result<(), Invalid> {
    validate_page(schema, body, "").map(|_| ())
}

/// As [`validate`], and reads `has_more`, the length of `data` and the string field
/// `cursor_field` at the top level.
pub fn validate_page(
    schema: &'static Schema,
    body: &str,
    cursor_field: &str,
) -> Result<PageInfo, Invalid> {
    let mut parser = Parser::new(body, Mode::Serde);
    parser.cursor_field = cursor_field;
    parser.top(schema).map(|page| PageInfo {
        ends_on_empty_page: cursor_field == "last_id",
        ..page
    })
}

/// The members of a JSON object: each key (unescaped) with the raw JSON text of its value.
/// `None` when `text` is not a syntactically valid JSON object.
pub fn members(text: &str) -> Option<Vec<(Cow<'_, str>, &str)>> {
    let mut parser = Parser::new(text, Mode::Serde);
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
    let mut parser = Parser::new(text, Mode::Serde);
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

/// A step of the path to the value being checked.
enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
    /// Any item of an array (drift reports share one path for all items).
    Items,
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    mode: Mode,
    path: Vec<Step<'a>>,
    /// Response mode: the differences found so far.
    drift: Vec<Drift>,
    /// Serde mode: what `validate_page` reads.
    page: PageInfo,
    /// The top-level field holding the cursor, or empty.
    cursor_field: &'a str,
    /// Length of the array that closed last: at the top level, after `data`, that of `data`.
    last_array_len: usize,
    /// Response mode: how many items of each array are compared with the model; the rest are
    /// only read as JSON.
    items_checked: usize,
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
        Ty::Num => "a number".into(),
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

/// "must be 1 to 255 characters long", "must be at least 0", …
fn bound_message<T: std::fmt::Display>(min: Option<T>, max: Option<T>, unit: &str) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("must be {min} to {max}{unit}"),
        (Some(min), None) => format!("must be at least {min}{unit}"),
        (None, Some(max)) => format!("must be at most {max}{unit}"),
        (None, None) => String::new(),
    }
}

/// Compares the text of a JSON number with an integer bound, exactly and without floats (a float
/// parser costs kilobytes of wasm): `1e3` is 1000, `2.5` is above 2, `-0.5` below 0.
fn cmp_bound(raw: &str, bound: i64) -> Ordering {
    let (negative, rest) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (mantissa, exponent_text) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].trim_start_matches('+')),
        None => (rest, "0"),
    };
    let exponent = exponent_text.parse::<i64>();
    let huge = if negative {
        Ordering::Less
    } else {
        Ordering::Greater
    };
    let Ok(exponent) = exponent else {
        // An exponent past i64: the number is 0 or beyond any bound.
        return if exponent_text.starts_with('-') {
            0.cmp(&bound)
        } else {
            huge
        };
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // Digits before the decimal point once the exponent is applied.
    let point = int.len() as i64 + exponent;
    let mut whole: i128 = 0;
    let mut fraction = false;
    for (i, digit) in int.bytes().chain(frac.bytes()).enumerate() {
        if (i as i64) < point {
            whole = match whole.checked_mul(10) {
                Some(w) if w <= i128::from(i64::MAX) * 10 => w + i128::from(digit - b'0'),
                _ => return huge,
            };
        } else if digit != b'0' {
            fraction = true;
        }
    }
    let digits = (int.len() + frac.len()) as i64;
    for _ in digits.max(0)..point {
        whole = match whole.checked_mul(10) {
            Some(w) if w <= i128::from(i64::MAX) * 10 => w,
            _ if whole == 0 => 0,
            _ => return huge,
        };
    }
    let bound = i128::from(bound);
    if negative {
        match (-whole).cmp(&bound) {
            Ordering::Equal if fraction => Ordering::Less,
            other => other,
        }
    } else {
        match whole.cmp(&bound) {
            Ordering::Equal if fraction => Ordering::Greater,
            other => other,
        }
    }
}

/// The values of a string map: strings or `null`.
const MAP_VALUE: Field = Field::opt("", Ty::Str).nullable();

impl<'a> Parser<'a> {
    fn new(text: &'a str, mode: Mode) -> Self {
        Parser {
            text,
            at: 0,
            mode,
            path: Vec::new(),
            drift: Vec::new(),
            page: PageInfo::default(),
            cursor_field: "",
            last_array_len: 0,
            items_checked: usize::MAX,
        }
    }

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
                Step::Items => out.push_str("[]"),
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

    /// Records a difference at the current path, once per path and kind.
    fn push_drift(&mut self, kind: DriftKind) {
        let path = self.path_string();
        let known = self.drift.iter().any(|d| {
            d.path == path && std::mem::discriminant(&d.kind) == std::mem::discriminant(&kind)
        });
        if !known {
            self.drift.push(Drift { path, kind });
        }
    }

    /// A value (already read) of the wrong type: drift when reading an answer, else an error.
    fn wrong(&mut self, ty: &Ty, got: &str) -> Result<(), Invalid> {
        if self.mode == Mode::Response {
            self.push_drift(DriftKind::WrongType(ty.spec_name()));
            Ok(())
        } else {
            Err(self.fail(format!("expected {}, got {got}", expected(ty))))
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

    /// The whole text: one object following `schema`, and nothing after it.
    fn top(&mut self, schema: &'static Schema) -> Result<PageInfo, Invalid> {
        self.skip_ws();
        let Some(first) = self.peek() else {
            return Err(self.fail("the body is empty"));
        };
        if first != b'{' {
            self.any(first, 0)?;
            return Err(self.fail(format!(
                "expected an object ({}), got {}",
                schema.name,
                kind_name(first)
            )));
        }
        self.object(schema, 0)?;
        self.skip_ws();
        if self.at != self.text.len() {
            return Err(self.fail_syntax("trailing characters"));
        }
        Ok(std::mem::take(&mut self.page))
    }

    /// Checks one value against `ty`; `field` gives its rules (none for array items).
    fn value(&mut self, ty: &Ty, field: Option<&Field>, depth: usize) -> Result<(), Invalid> {
        if depth > MAX_DEPTH {
            return Err(self.fail_syntax("nested too deeply"));
        }
        self.skip_ws();
        let Some(first) = self.peek() else {
            return Err(self.fail_syntax("unexpected end"));
        };
        if first == b'n' {
            self.literal("null")?;
            // serde reads `null` into any `Option`.
            let allowed =
                field.is_some_and(|f| f.nullable || (self.mode == Mode::Serde && f.optional));
            return if allowed {
                Ok(())
            } else {
                self.wrong(ty, "null")
            };
        }
        match (ty, first) {
            (Ty::Str, b'"') => {
                let value = self.read_str()?;
                match field {
                    Some(f) if self.mode == Mode::Request => self.check_len(f, &value),
                    _ => Ok(()),
                }
            }
            (Ty::Enum(values), b'"') => {
                let value = self.string()?;
                if self.mode == Mode::Request || values.contains(&value.as_ref()) {
                    Ok(())
                } else if self.mode == Mode::Response {
                    self.push_drift(DriftKind::Enum(value.into_owned(), values));
                    Ok(())
                } else {
                    Err(self.fail(format!("`{value}` is not {}", expected(ty))))
                }
            }
            (Ty::Int | Ty::UInt | Ty::Num, b'-' | b'0'..=b'9') => self.number_value(ty, field),
            (Ty::Bool, b't') => self.literal("true"),
            (Ty::Bool, b'f') => self.literal("false"),
            (Ty::Arr(item), b'[') => self.array(item, depth),
            (Ty::Obj(schema), b'{') => self.object(schema, depth),
            (Ty::AnyObj, b'{') => self.any(first, depth),
            (Ty::StrMap, b'{') => self.str_map(depth),
            _ => {
                // Check the syntax first: a broken body is reported as such.
                self.any(first, depth)?;
                self.wrong(ty, kind_name(first))
            }
        }
    }

    /// A string serde would read (a key, a field): in serde mode, refused with a lone surrogate.
    fn read_str(&mut self) -> Result<Cow<'a, str>, Invalid> {
        if self.mode == Mode::Serde {
            self.text()
        } else {
            self.string()
        }
    }

    /// Request mode: a string's length in characters against the field's bounds.
    fn check_len(&self, field: &Field, value: &str) -> Result<(), Invalid> {
        if field.min_len.is_none() && field.max_len.is_none() {
            return Ok(());
        }
        let len = value.chars().count();
        let below = field.min_len.is_some_and(|min| len < min as usize);
        let above = field.max_len.is_some_and(|max| len > max as usize);
        if below || above {
            let rule = bound_message(field.min_len, field.max_len, " characters long");
            Err(self.fail(format!("{rule}, got {len}")))
        } else {
            Ok(())
        }
    }

    /// A number for an `Int`, `UInt` or `Num` field; in request mode, also its bounds.
    fn number_value(&mut self, ty: &Ty, field: Option<&Field>) -> Result<(), Invalid> {
        let start = self.at;
        let integer = self.number()?;
        let raw = &self.text[start..self.at];
        if !matches!(ty, Ty::Num) {
            // serde_json reads `-0` as the float -0.0, which no integer field accepts.
            if !integer || raw == "-0" {
                return self.wrong(ty, raw);
            }
            let fits = match (ty, self.mode) {
                // The bounds say more than "non-negative" in request mode.
                (Ty::UInt, Mode::Request) if field.is_some_and(|f| f.min.is_some()) => {
                    raw.parse::<i64>().is_ok()
                }
                (Ty::UInt, _) => raw.parse::<u32>().is_ok(),
                _ => raw.parse::<i64>().is_ok(),
            };
            if !fits {
                if self.mode == Mode::Response {
                    return self.wrong(ty, raw);
                }
                return Err(self.fail(format!("{raw} is not {}", expected(ty))));
            }
        }
        let Some(f) = field.filter(|_| self.mode == Mode::Request) else {
            return Ok(());
        };
        if f.min.is_none() && f.max.is_none() {
            return Ok(());
        }
        // Compared exactly, as decimals: no float parsing in wasm.
        let below = f.min.is_some_and(|m| cmp_bound(raw, m) == Ordering::Less);
        let above = f
            .max
            .is_some_and(|m| cmp_bound(raw, m) == Ordering::Greater);
        if below || above {
            let rule = bound_message(f.min, f.max, "");
            Err(self.fail(format!("{rule}, got {raw}")))
        } else {
            Ok(())
        }
    }

    /// An object following `schema`, at the opening brace.
    fn object(&mut self, schema: &'static Schema, depth: usize) -> Result<(), Invalid> {
        self.at += 1;
        // Which fields were seen, as a bit set: models have at most 64 fields.
        let mut seen: u64 = 0;
        let top = depth == 0;
        let envelope = top && self.mode == Mode::Response && schema.is_list();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
        } else {
            loop {
                self.skip_ws();
                if self.peek() != Some(b'"') {
                    return Err(self.fail_syntax("expected a key"));
                }
                let key = self.read_str()?;
                self.expect(b':')?;
                self.skip_ws();
                let start = self.at;
                self.path.push(Step::Key(key.clone()));
                if envelope {
                    self.envelope(&key)?;
                }
                match schema.fields.iter().position(|f| f.name == key) {
                    Some(i) => {
                        let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
                        // serde's derive refuses a field given twice.
                        if self.mode == Mode::Serde && seen & bit != 0 {
                            return Err(self.fail("duplicate field"));
                        }
                        seen |= bit;
                        let field = &schema.fields[i];
                        self.value(&field.ty, Some(field), depth + 1)?;
                    }
                    None => {
                        self.skip_value(depth + 1)?;
                        if self.mode == Mode::Response {
                            self.push_drift(DriftKind::Unknown);
                        }
                    }
                }
                self.path.pop();
                if top && self.mode == Mode::Serde {
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
            let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
            if !field.optional && seen & bit == 0 {
                self.path.push(Step::Key(Cow::Borrowed(field.name)));
                if self.mode == Mode::Response {
                    self.push_drift(DriftKind::Missing);
                } else {
                    return Err(self.fail("missing"));
                }
                self.path.pop();
            }
        }
        Ok(())
    }

    /// Response mode, at the top of a list page, before the value of `key`: what pagination
    /// reads must have the type it reads (`data` an array, `has_more` a boolean, the cursor a
    /// string or `null`), or the client cannot go on.
    fn envelope(&mut self, key: &str) -> Result<(), Invalid> {
        let Some(first) = self.peek() else {
            return Err(self.fail_syntax("unexpected end"));
        };
        let want = match key {
            "data" if first != b'[' => "an array",
            "has_more" if !matches!(first, b't' | b'f') => "a boolean",
            _ if key == self.cursor_field && !matches!(first, b'"' | b'n') => "a string or null",
            _ => return Ok(()),
        };
        self.any(first, 1)?;
        Err(self.fail(format!("expected {want}, got {}", kind_name(first))))
    }

    /// Serde mode: records the top-level fields pagination needs (the value at `start` is
    /// already checked).
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

    /// An array of `item`, at the opening bracket.
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
            self.path.push(if self.mode == Mode::Response {
                Step::Items
            } else {
                Step::Index(index)
            });
            if index < self.items_checked {
                self.value(item, None, depth + 1)?;
            } else {
                self.skip_value(depth + 1)?;
            }
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

    /// An object of strings or `null`, at the opening brace.
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
            let key = self.read_str()?;
            self.expect(b':')?;
            self.path.push(Step::Key(key));
            self.value(&Ty::Str, Some(&MAP_VALUE), depth + 1)?;
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

    /// The next value, whatever it is, syntax only: a field the model does not know, or an item
    /// past the sample.
    fn skip_value(&mut self, depth: usize) -> Result<(), Invalid> {
        self.skip_ws();
        let first = self
            .peek()
            .ok_or_else(|| self.fail_syntax("unexpected end"))?;
        self.any(first, depth)
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

/// Test support: checks the schema against the model's serde derive on `example` and on every
/// variant of it with one field (at any depth) removed, set to `null`, or set to a value of each
/// other JSON type, or with an unknown field added:
/// - [`validate`] accepts exactly what serde accepts;
/// - [`check_response`] never fails but on a list page's envelope, never reports drift where
///   serde accepts (unknown fields and `null` in an `Option` that the spec does not make nullable
///   aside: those are drift the model reads anyway), and always reports some where serde refuses.
#[cfg(test)]
pub fn check_agreement<T: serde::de::DeserializeOwned + Model>(example: &str) {
    use serde_json::Value;

    /// What a variant did that serde and the schema are allowed to see differently.
    #[derive(Clone, Copy, PartialEq)]
    enum Quirk {
        None,
        /// An array where an object was: serde also reads a struct from a JSON array (its
        /// fields in order), which no API sends; the schema rejects it.
        ArrayForObject,
        /// `null` somewhere: serde reads it into any `Option`.
        Null,
        /// A field the model does not know.
        Unknown,
    }

    fn variants(value: &Value, out: &mut Vec<(Value, Quirk)>) {
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
        let quirk = |child: &Value, replacement: &Value| {
            if replacement.is_null() {
                Quirk::Null
            } else if child.is_object() && replacement.is_array() {
                Quirk::ArrayForObject
            } else {
                Quirk::None
            }
        };
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let mut removed = map.clone();
                    removed.remove(key);
                    out.push((Value::Object(removed), Quirk::None));
                    for replacement in &replacements {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), replacement.clone());
                        out.push((Value::Object(changed), quirk(child, replacement)));
                    }
                    let mut nested = Vec::new();
                    variants(child, &mut nested);
                    for (variant, quirk) in nested {
                        let mut changed = map.clone();
                        changed.insert(key.clone(), variant);
                        out.push((Value::Object(changed), quirk));
                    }
                }
                let mut extra = map.clone();
                extra.insert("unknown_extra".into(), Value::Bool(true));
                out.push((Value::Object(extra), Quirk::Unknown));
            }
            Value::Array(items) => {
                if let Some(first) = items.first() {
                    for replacement in &replacements {
                        let mut changed = items.clone();
                        changed[0] = replacement.clone();
                        let quirk = match quirk(first, replacement) {
                            // `null` is no `Option` in an array.
                            Quirk::Null => Quirk::None,
                            other => other,
                        };
                        out.push((Value::Array(changed), quirk));
                    }
                    let mut nested = Vec::new();
                    variants(first, &mut nested);
                    for (variant, quirk) in nested {
                        let mut changed = items.clone();
                        changed[0] = variant;
                        out.push((Value::Array(changed), quirk));
                    }
                }
            }
            _ => {}
        }
    }

    let value: Value = serde_json::from_str(example).expect("the example is JSON");
    let mut cases = vec![(value.clone(), Quirk::None)];
    variants(&value, &mut cases);
    assert!(
        serde_json::from_value::<T>(value).is_ok(),
        "serde rejects the example"
    );
    let name = T::SCHEMA.name;
    let mut drift = Vec::new();
    check_response(T::SCHEMA, example, Some("next"), &mut drift).expect("the example is read");
    assert_eq!(drift, [], "{name}: drift on the example");
    for (case, quirk) in cases {
        let text = case.to_string();
        let by_serde = serde_json::from_str::<T>(&text).is_ok();
        let by_schema = validate(T::SCHEMA, &text);
        // `validate` reads past unknown fields, even where serde denies them.
        let denied = quirk == Quirk::Unknown && !by_serde && by_schema.is_ok();
        let array = quirk == Quirk::ArrayForObject && by_serde && by_schema.is_err();
        if !(denied || array) {
            assert_eq!(
                by_serde,
                by_schema.is_ok(),
                "{name}: serde and the schema disagree on {text}: {by_schema:?}"
            );
        }
        let mut drift = Vec::new();
        match check_response(T::SCHEMA, &text, Some("next"), &mut drift) {
            Ok(()) => {}
            // Only a list page's envelope may fail, and serde refuses it too.
            Err(invalid) => {
                assert!(
                    T::SCHEMA.is_list()
                        && ["data", "has_more", "next"].contains(&invalid.path.as_str()),
                    "{name}: the reader refuses {text}: {invalid}"
                );
                assert!(!by_serde, "{name}: the reader refuses {text}: {invalid}");
                continue;
            }
        }
        let unknown_only = drift.iter().all(|d| d.kind == DriftKind::Unknown);
        if by_serde {
            assert!(
                unknown_only || matches!(quirk, Quirk::Null | Quirk::ArrayForObject),
                "{name}: drift where serde reads {text}: {drift:?}"
            );
        } else {
            assert!(
                // serde's `deny_unknown_fields` (parameters) is drift of the kind `Unknown`.
                !unknown_only || matches!(quirk, Quirk::ArrayForObject | Quirk::Unknown),
                "{name}: no drift where serde refuses {text}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: Schema = Schema {
        name: "Item",
        fields: &[
            Field::new("id", Ty::Str),
            Field::new("created_at", Ty::Int),
            Field::opt("kind", Ty::Enum(&["a", "b"])).nullable(),
        ],
    };
    const LIST: Schema = Schema {
        name: "List",
        fields: &[
            Field::new("data", Ty::Arr(&Ty::Obj(&ITEM))),
            Field::new("has_more", Ty::Bool),
            Field::opt("next", Ty::Str).nullable(),
        ],
    };
    const PARAMS: Schema = Schema {
        name: "Params",
        fields: &[
            Field::opt("limit", Ty::UInt).range(Some(0), Some(1000)),
            Field::opt("emails", Ty::Arr(&Ty::Str)),
            Field::new("name", Ty::Str).len(Some(1), Some(255)),
            Field::opt("description", Ty::Str).nullable(),
            Field::opt("order", Ty::Enum(&["asc", "desc"])),
            Field::opt("score", Ty::Num).range(None, Some(5)),
            Field::opt("headers", Ty::StrMap),
            Field::opt("item", Ty::Obj(&ITEM)),
        ],
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
                len: 2,
                ends_on_empty_page: false,
            }
        );
        let empty =
            validate_page(&LIST, r#"{"data":[],"has_more":false,"next":null}"#, "next").unwrap();
        assert_eq!(
            empty,
            PageInfo {
                has_more: false,
                cursor: None,
                len: 0,
                ends_on_empty_page: false,
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
    fn unknown_fields_are_read_past() {
        assert!(validate(
            &PARAMS,
            r#"{"name":"n","limit":5,"emails":["a@x"],"colour":1}"#
        )
        .is_ok());
        assert_eq!(
            validate(&PARAMS, r#"{"name":"n","limit":-1}"#)
                .unwrap_err()
                .field(),
            Some("limit")
        );
    }

    fn request_fault(json: &str) -> (Option<String>, String) {
        let invalid = check_request(&PARAMS, json).unwrap_err();
        (invalid.field().map(str::to_owned), invalid.to_string())
    }

    #[test]
    fn a_request_is_refused_only_where_it_cannot_succeed() {
        for ok in [
            r#"{"name":"n"}"#,
            r#"{"name":"n","limit":0,"colour":"red","x":{"y":[null]}}"#,
            r#"{"name":"n","limit":1000,"order":"sideways"}"#,
            r#"{"name":"n","description":null}"#,
            r#"{"name":"n","score":-2.5e3,"headers":{"a":"b","c":null}}"#,
            r#"{"name":"n","item":{"id":"i","created_at":1,"kind":"zzz"}}"#,
            r#"{"name":"n","emails":[]}"#,
            &format!(r#"{{"name":"{}"}}"#, "ü".repeat(255)),
        ] {
            assert_eq!(check_request(&PARAMS, ok), Ok(()), "{ok}");
        }
        let cases = [
            (r#"{}"#, "name", "name: missing"),
            (
                r#"{"name":""}"#,
                "name",
                "name: must be 1 to 255 characters long, got 0",
            ),
            (
                r#"{"name":3}"#,
                "name",
                "name: expected a string, got a number",
            ),
            (
                r#"{"name":null}"#,
                "name",
                "name: expected a string, got null",
            ),
            (
                r#"{"name":"n","limit":1001}"#,
                "limit",
                "limit: must be 0 to 1000, got 1001",
            ),
            (
                r#"{"name":"n","limit":-1}"#,
                "limit",
                "limit: must be 0 to 1000, got -1",
            ),
            (
                r#"{"name":"n","limit":99999999999999999999}"#,
                "limit",
                "limit: 99999999999999999999 is not a non-negative integer",
            ),
            (
                r#"{"name":"n","limit":1.5}"#,
                "limit",
                "limit: expected a non-negative integer, got 1.5",
            ),
            (
                r#"{"name":"n","limit":"5"}"#,
                "limit",
                "limit: expected a non-negative integer, got a string",
            ),
            (
                r#"{"name":"n","limit":null}"#,
                "limit",
                "limit: expected a non-negative integer, got null",
            ),
            (
                r#"{"name":"n","order":1}"#,
                "order",
                "order: expected one of `asc`, `desc`, got a number",
            ),
            (
                r#"{"name":"n","emails":["a",3]}"#,
                "emails",
                "emails[1]: expected a string, got a number",
            ),
            (
                r#"{"name":"n","score":6}"#,
                "score",
                "score: must be at most 5, got 6",
            ),
            (
                r#"{"name":"n","headers":{"a":1}}"#,
                "headers",
                "headers.a: expected a string, got a number",
            ),
            (
                r#"{"name":"n","item":{"id":"i"}}"#,
                "item",
                "item.created_at: missing",
            ),
        ];
        for (json, field, message) in cases {
            assert_eq!(
                request_fault(json),
                (Some(field.to_owned()), message.to_owned()),
                "{json}"
            );
        }
        let (field, message) = request_fault(&format!(r#"{{"name":"{}"}}"#, "x".repeat(256)));
        assert_eq!(field.as_deref(), Some("name"));
        assert!(message.ends_with("got 256"), "{message}");
        for not_object in ["[]", "null", "\"x\"", "", "{", r#"{"name":"n"} x"#] {
            assert_eq!(request_fault(not_object).0, None, "{not_object}");
        }
        assert_eq!(
            request_fault("[1]").1,
            "expected an object (Params), got an array"
        );
    }

    fn read(body: &str) -> Result<Vec<String>, String> {
        let mut drift = Vec::new();
        check_response(&LIST, body, Some("next"), &mut drift).map_err(|e| e.to_string())?;
        Ok(drift.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn an_answer_is_read_with_its_differences_reported_as_drift() {
        assert_eq!(
            read(
                r#"{"data":[{"id":"a","created_at":1,"kind":null}],"has_more":false,"next":null}"#
            ),
            Ok(vec![])
        );
        assert_eq!(
            read(
                r#"{"data":[{"id":"a","kind":"c","color":"red"},{"id":"b","kind":"d","created_at":1.5},{"id":3,"created_at":"x"}],"has_more":true,"next":"b","extra":{}}"#
            ),
            Ok(vec![
                "data[].kind is \"c\", not one of the spec's values (a, b)".to_owned(),
                "data[].color is not in the spec (unknown field)".to_owned(),
                "data[].created_at is missing (the spec requires it)".to_owned(),
                "data[].created_at is not an integer (the spec says integer)".to_owned(),
                "data[].id is not a string (the spec says string)".to_owned(),
                "extra is not in the spec (unknown field)".to_owned(),
            ])
        );
        assert_eq!(
            read(r#"{"next":"x"}"#),
            Ok(vec![
                "data is missing (the spec requires it)".to_owned(),
                "has_more is missing (the spec requires it)".to_owned(),
            ])
        );
        assert_eq!(
            read(r#"{"data":[null],"has_more":false}"#),
            Ok(vec![
                "data[] is not an object (the spec says object)".to_owned()
            ])
        );
    }

    #[test]
    fn a_sample_compares_only_the_first_items_and_still_reads_the_rest() {
        let body = r#"{"data":[{"id":"a","created_at":1},{"id":"b","created_at":2,"color":"red"},{"id":3}],"has_more":false,"next":null}"#;
        let sample = |items: usize, body: &str| {
            let mut drift = Vec::new();
            check_response_sample(&LIST, body, Some("next"), items, &mut drift)
                .map(|()| drift.iter().map(ToString::to_string).collect::<Vec<_>>())
                .map_err(|e| e.to_string())
        };
        assert_eq!(sample(1, body), Ok(vec![]));
        assert_eq!(
            sample(2, body),
            Ok(vec![
                "data[].color is not in the spec (unknown field)".to_owned()
            ])
        );
        assert_eq!(sample(usize::MAX, body), read(body));
        // Items past the sample are still read: broken JSON there is still an error.
        let broken = r#"{"data":[{"id":"a","created_at":1},{"id":"b",}],"has_more":false}"#;
        assert!(sample(1, broken).is_err());
        // The envelope is checked whatever the sample.
        assert!(sample(0, r#"{"data":{},"has_more":false}"#).is_err());
    }

    #[test]
    fn an_answer_fails_only_where_the_client_cannot_go_on() {
        for (body, message) in [
            (
                r#"{"data":{},"has_more":false}"#,
                "data: expected an array, got an object",
            ),
            (
                r#"{"data":null,"has_more":false}"#,
                "data: expected an array, got null",
            ),
            (
                r#"{"data":[],"has_more":"no"}"#,
                "has_more: expected a boolean, got a string",
            ),
            (
                r#"{"data":[],"has_more":null}"#,
                "has_more: expected a boolean, got null",
            ),
            (
                r#"{"data":[],"has_more":true,"next":5}"#,
                "next: expected a string or null, got a number",
            ),
            ("[]", "expected an object (List), got an array"),
            ("", "the body is empty"),
        ] {
            assert_eq!(read(body), Err(message.to_owned()), "{body}");
        }
        assert!(read(r#"{"data":[{"id":"a","x":[}],"has_more":false}"#)
            .unwrap_err()
            .contains("not valid JSON"));
        // Another cursor field, or none, leaves `next` to the drift report.
        let mut drift = Vec::new();
        let body = r#"{"data":[],"has_more":true,"next":5}"#;
        assert_eq!(check_response(&LIST, body, None, &mut drift), Ok(()));
        assert_eq!(drift[0].kind, DriftKind::WrongType("string"));
        // Not a list: no envelope.
        let mut drift = Vec::new();
        let item = r#"{"id":"a","created_at":1,"has_more":1,"data":2,"next":3}"#;
        assert_eq!(
            check_response(&ITEM, item, Some("next"), &mut drift),
            Ok(())
        );
        assert_eq!(drift.len(), 3);
    }

    #[test]
    fn drift_is_reported_once_per_path_and_kind_across_calls() {
        let mut drift = Vec::new();
        let body = r#"{"data":[{"id":"a","created_at":1,"kind":"c"},{"id":"b","created_at":2,"kind":"d"}],"has_more":false}"#;
        check_response(&LIST, body, Some("next"), &mut drift).unwrap();
        check_response(&LIST, body, Some("next"), &mut drift).unwrap();
        assert_eq!(
            drift,
            [Drift {
                path: "data[].kind".into(),
                kind: DriftKind::Enum("c".into(), &["a", "b"]),
            }]
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
    fn every_field_has_its_doc_comment() {
        use super::{Model, ModelDocs};
        fn check<T: Model + ModelDocs>() {
            let schema = T::SCHEMA;
            assert_eq!(T::DOCS.len(), schema.fields.len(), "{}", schema.name);
            for (field, doc) in schema.fields.iter().zip(T::DOCS) {
                assert!(
                    !doc.is_empty(),
                    "{}.{} has no doc comment",
                    schema.name,
                    field.name
                );
            }
        }
        check::<GroupCreateParams>();
        check::<GroupUpdateParams>();
        check::<GroupUserCreateParams>();
        check::<GroupRoleCreateParams>();
        check::<RoleCreateParams>();
        check::<RoleUpdateParams>();
        check::<UserUpdateParams>();
        check::<UserListParams>();
        check::<ListParams>();
        check::<OrganizationUser>();
        check::<AssignedRoleDetails>();
        assert_eq!(
            <ListParams as ModelDocs>::DOCS[1],
            "How many items a page holds (0 to 1000)."
        );
    }

    #[test]
    fn list_params() {
        check_agreement::<ListParams>(r#"{"after":"a","limit":10,"order":"desc"}"#);
        check_agreement::<UserListParams>(r#"{"after":"a","limit":10,"emails":["a@x"]}"#);
    }

    #[test]
    fn numbers_compare_with_bounds_exactly_without_floats() {
        use super::cmp_bound;
        use std::cmp::Ordering::{Equal, Greater, Less};
        let cases = [
            ("1000", 1000, Equal),
            ("1000.0", 1000, Equal),
            ("1000.5", 1000, Greater),
            ("1e3", 1000, Equal),
            ("1.0001e3", 1000, Greater),
            ("10E2", 1000, Equal),
            ("0.5", 0, Greater),
            ("-0.5", 0, Less),
            ("-0", 0, Equal),
            ("-1", 0, Less),
            ("0e5", 0, Equal),
            ("5e-1", 0, Greater),
            ("1e400", 1000, Greater),
            ("-1e400", 0, Less),
            ("1e-400", 0, Greater),
            ("99999999999999999999999", 1000, Greater),
            ("-99999999999999999999999", 0, Less),
            ("999", 1000, Less),
        ];
        for (raw, bound, expected) in cases {
            assert_eq!(cmp_bound(raw, bound), expected, "{raw} vs {bound}");
        }
    }
}
