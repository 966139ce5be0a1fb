//! Applies a plan to the model in memory.

use serde::Deserialize;

use crate::plan::Plan;
use crate::Model;

/// The outcome of one operation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Outcome {
    /// `done`, `failed` or `skipped`.
    pub status: String,
    /// The operation's result (a created id in `id`).
    #[serde(default)]
    pub result: Option<serde_json::Value>,
}

/// Applies the operations of `plan` that are done.
pub fn apply(
    _model: &mut Model,
    _plan: &Plan,
    _outcomes: Option<&[Outcome]>,
) -> Result<(), String> {
    Err("not implemented yet".into())
}
