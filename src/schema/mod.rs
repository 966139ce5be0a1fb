//! A compact description of each model, and one JSON checker that reads a body against it.
//!
//! Every model's [`Schema`] is generated from its serde struct by `#[derive(Model)]`
//! (the `openai-admin-derive` crate). The checker walks the text once, with no allocation but
//! for messages and drift reports, and never panics, whatever the input (a depth limit bounds
//! recursion). It has two modes, after the robustness principle:
//!
//! - [`check_request`], the careful writer: before a request is sent, it refuses only what
//!   cannot succeed under the schema (a wrong JSON type, a missing required field, `null` where
//!   the schema does not allow it, a number outside `minimum`/`maximum`, a string length outside
//!   `minLength`/`maxLength`). Unknown fields and enum values outside the spec are sent as given.
//! - [`check_response`], the tolerant reader: an answer fails only where the client cannot go on
//!   (not JSON, not an object, a list's envelope of the wrong type); every other difference from
//!   the spec is reported as [`Drift`], never as an error.
//!
//! The modules: [`model`] (the schema types), [`json`] (the lexer, which the rest of the crate
//! also reads JSON with), `check` (the walk, and the request mode), [`drift`] (the answer mode).

mod check;
pub mod de;
pub mod drift;
pub mod json;
pub mod model;

#[cfg(test)]
mod agreement;
#[cfg(test)]
mod tests;

pub use check::check_request;
#[cfg(any(test, fuzzing))]
pub use check::{kept_enum_value, validate};
pub use drift::{check_response, check_response_sample, Drift, DriftKind};
pub use json::{elements, members, raw_to_text, Invalid};
pub use model::{Field, ListModel, Model, ModelDocs, ModelType, Schema, Ty};
