//! The walk of a JSON text against a model's [`Schema`], in the mode that decides what a
//! difference is: the careful writer for requests ([`check_request`]), the tolerant reader for
//! answers (`check_response`, in `drift.rs`), and, for tests and fuzzing only, the reading of the
//! model's serde derive (`validate`), the oracle the other two are compared with.

use std::borrow::Cow;
use std::cmp::Ordering;

use super::drift::{Drift, DriftKind};
use super::json::{Invalid, Lexer, MAX_DEPTH};
use super::model::{cmp_bound, Field, Schema, Ty};

/// How the walker treats a difference from the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// As the model's serde derive reads it: every difference is an error. Tests and fuzzing
    /// compare the other modes with it.
    #[cfg(any(test, fuzzing))]
    Serde,
    /// Careful writer: see [`check_request`].
    Request,
    /// Tolerant reader: see `check_response`.
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
    parser.top(schema)
}

/// Whether `validate` refused only a value outside an enum: a value the models keep (`Other`), so
/// the oracle's refusal is no disagreement with serde. Test and fuzzing oracle, like `validate`.
#[cfg(any(test, fuzzing))]
pub fn kept_enum_value(invalid: &Invalid) -> bool {
    invalid.message.contains("is not one of")
}

/// Test and fuzzing oracle, compiled only for them: checks `body` against `schema` as the
/// model's serde derive reads it (every difference is an error, unknown fields aside).
#[cfg(any(test, fuzzing))]
pub fn validate(schema: &'static Schema, body: &str) -> Result<(), Invalid> {
    Parser::new(body, Mode::Serde).top(schema)
}

/// A step of the path to the value being checked.
enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
    /// Any item of an array (drift reports share one path for all items).
    Items,
}

/// A walk of one JSON text against a schema, in one [`Mode`].
pub(super) struct Parser<'a> {
    lex: Lexer<'a>,
    mode: Mode,
    path: Vec<Step<'a>>,
    /// Response mode: the differences found so far.
    pub(super) drift: Vec<Drift>,
    /// The top-level field holding the cursor, or empty.
    pub(super) cursor_field: &'a str,
    /// Response mode: how many items of each array are compared with the model; the rest are
    /// only read as JSON.
    pub(super) items_checked: usize,
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

/// The values of a string map: strings or `null`.
const MAP_VALUE: Field = Field::opt("", Ty::Str).nullable();

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str, mode: Mode) -> Self {
        Parser {
            lex: Lexer::new(text),
            mode,
            path: Vec::new(),
            drift: Vec::new(),
            cursor_field: "",
            items_checked: usize::MAX,
        }
    }

    /// Whether this walk reads as the model's serde derive does (only tests and fuzzing do).
    // Hot: asked for every key; `opt-level = "z"` would not inline it.
    #[inline(always)]
    fn serde(&self) -> bool {
        #[cfg(any(test, fuzzing))]
        return self.mode == Mode::Serde;
        #[cfg(not(any(test, fuzzing)))]
        false
    }

    /// Whether `schema`'s deserializer fills a missing field and keeps the last of a field given
    /// twice (see `Schema::tolerant`): only the serde-reading oracle asks.
    #[inline(always)]
    fn tolerant(schema: &Schema) -> bool {
        #[cfg(any(test, fuzzing))]
        return schema.tolerant;
        #[cfg(not(any(test, fuzzing)))]
        {
            let _ = schema;
            false
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

    /// The whole text: one object following `schema`, and nothing after it.
    pub(super) fn top(&mut self, schema: &'static Schema) -> Result<(), Invalid> {
        self.lex.skip_ws();
        let Some(first) = self.lex.peek() else {
            return Err(self.fail("the body is empty"));
        };
        if first != b'{' {
            self.lex.any(first, 0)?;
            return Err(self.fail(format!(
                "expected an object ({}), got {}",
                schema.name,
                kind_name(first)
            )));
        }
        self.object(schema, 0)?;
        self.lex.skip_ws();
        if self.lex.at != self.lex.text.len() {
            return Err(self.lex.fail_syntax("trailing characters"));
        }
        Ok(())
    }

    /// Checks one value against `ty`; `field` gives its rules (none for array items).
    fn value(&mut self, ty: &Ty, field: Option<&Field>, depth: usize) -> Result<(), Invalid> {
        if depth > MAX_DEPTH {
            return Err(self.lex.fail_syntax("nested too deeply"));
        }
        self.lex.skip_ws();
        let Some(first) = self.lex.peek() else {
            return Err(self.lex.fail_syntax("unexpected end"));
        };
        if first == b'n' {
            self.lex.literal("null")?;
            // serde reads `null` into any `Option`.
            let allowed = field.is_some_and(|f| f.nullable || (self.serde() && f.optional));
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
                let value = self.lex.string()?;
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
            (Ty::Bool, b't') => self.lex.literal("true"),
            (Ty::Bool, b'f') => self.lex.literal("false"),
            (Ty::Arr(item), b'[') => self.array(item, depth),
            (Ty::Obj(schema), b'{') => self.object(schema, depth),
            (Ty::AnyObj, b'{') => self.lex.any(first, depth),
            (Ty::StrMap, b'{') => self.str_map(depth),
            _ => {
                // Check the syntax first: a broken body is reported as such.
                self.lex.any(first, depth)?;
                self.wrong(ty, kind_name(first))
            }
        }
    }

    /// A string serde would read (a key, a field): in serde mode, refused with a lone surrogate.
    fn read_str(&mut self) -> Result<Cow<'a, str>, Invalid> {
        #[cfg(any(test, fuzzing))]
        if self.serde() {
            return self.lex.serde_string();
        }
        self.lex.string()
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
        let start = self.lex.at;
        let integer = self.lex.number()?;
        let raw = &self.lex.text[start..self.lex.at];
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
        self.lex.at += 1;
        // Which fields were seen, as a bit set: models have at most 64 fields.
        let mut seen: u64 = 0;
        let top = depth == 0;
        let envelope = top && self.mode == Mode::Response && schema.is_list();
        self.lex.skip_ws();
        if self.lex.peek() == Some(b'}') {
            self.lex.at += 1;
        } else {
            loop {
                self.lex.skip_ws();
                if self.lex.peek() != Some(b'"') {
                    return Err(self.lex.fail_syntax("expected a key"));
                }
                let key = self.read_str()?;
                self.lex.expect(b':')?;
                self.lex.skip_ws();
                self.path.push(Step::Key(key.clone()));
                if envelope {
                    self.envelope(&key)?;
                }
                match schema.fields.iter().position(|f| f.name == key) {
                    Some(i) => {
                        let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
                        // serde's derive refuses a field given twice; an answer model's
                        // generated deserializer keeps the last.
                        if self.serde() && seen & bit != 0 && !Self::tolerant(schema) {
                            return Err(self.fail("duplicate field"));
                        }
                        seen |= bit;
                        let field = &schema.fields[i];
                        self.value(&field.ty, Some(field), depth + 1)?;
                    }
                    None => {
                        self.lex.skip_value(depth + 1)?;
                        if self.mode == Mode::Response {
                            self.push_drift(DriftKind::Unknown);
                        }
                    }
                }
                self.path.pop();
                self.lex.skip_ws();
                match self.lex.peek() {
                    Some(b',') => self.lex.at += 1,
                    Some(b'}') => {
                        self.lex.at += 1;
                        break;
                    }
                    None => return Err(self.lex.fail_syntax("unexpected end")),
                    _ => return Err(self.lex.fail_syntax("expected `,` or `}`")),
                }
            }
        }
        for (i, field) in schema.fields.iter().enumerate() {
            let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
            if !field.optional && seen & bit == 0 {
                // An answer model's generated deserializer gives the field its absent value.
                if self.serde() && Self::tolerant(schema) {
                    continue;
                }
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
        let Some(first) = self.lex.peek() else {
            return Err(self.lex.fail_syntax("unexpected end"));
        };
        let want = match key {
            "data" if first != b'[' => "an array",
            "has_more" if !matches!(first, b't' | b'f') => "a boolean",
            _ if key == self.cursor_field && !matches!(first, b'"' | b'n') => "a string or null",
            _ => return Ok(()),
        };
        self.lex.any(first, 1)?;
        Err(self.fail(format!("expected {want}, got {}", kind_name(first))))
    }

    /// An array of `item`, at the opening bracket.
    fn array(&mut self, item: &Ty, depth: usize) -> Result<(), Invalid> {
        self.lex.at += 1;
        self.lex.skip_ws();
        if self.lex.peek() == Some(b']') {
            self.lex.at += 1;
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
                self.lex.skip_value(depth + 1)?;
            }
            self.path.pop();
            index += 1;
            self.lex.skip_ws();
            match self.lex.peek() {
                Some(b',') => self.lex.at += 1,
                Some(b']') => {
                    self.lex.at += 1;
                    return Ok(());
                }
                None => return Err(self.lex.fail_syntax("unexpected end")),
                _ => return Err(self.lex.fail_syntax("expected `,` or `]`")),
            }
        }
    }

    /// An object of strings or `null`, at the opening brace.
    fn str_map(&mut self, depth: usize) -> Result<(), Invalid> {
        self.lex.at += 1;
        self.lex.skip_ws();
        if self.lex.peek() == Some(b'}') {
            self.lex.at += 1;
            return Ok(());
        }
        loop {
            self.lex.skip_ws();
            if self.lex.peek() != Some(b'"') {
                return Err(self.lex.fail_syntax("expected a key"));
            }
            let key = self.read_str()?;
            self.lex.expect(b':')?;
            self.path.push(Step::Key(key));
            self.value(&Ty::Str, Some(&MAP_VALUE), depth + 1)?;
            self.path.pop();
            self.lex.skip_ws();
            match self.lex.peek() {
                Some(b',') => self.lex.at += 1,
                Some(b'}') => {
                    self.lex.at += 1;
                    return Ok(());
                }
                None => return Err(self.lex.fail_syntax("unexpected end")),
                _ => return Err(self.lex.fail_syntax("expected `,` or `}`")),
            }
        }
    }
}
