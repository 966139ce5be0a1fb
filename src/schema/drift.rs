//! The tolerant reader: an answer fails only where the client cannot go on (not JSON, not an
//! object, a list's envelope of the wrong type); every other difference from the spec is a
//! [`Drift`], reported, never an error.

use super::check::{Mode, Parser};
use super::json::Invalid;
use super::model::Schema;

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
    let result = parser.top(schema);
    *drift = parser.drift;
    result
}
