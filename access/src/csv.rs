//! Memberships and assignments as CSV, and plans from membership rows.

use crate::file::FileError;
use crate::plan::Plan;
use crate::Model;

/// `memberships` or `assignments` rows.
pub fn export(_model: &Model, _kind: &str) -> Result<String, String> {
    Err("not implemented yet".into())
}

/// The plan of `group,email[,action]` rows.
pub fn plan_csv(_model: &Model, _text: &str) -> Result<Plan, FileError> {
    Err(FileError {
        message: "not implemented yet".into(),
        line: 1,
        column: 0,
    })
}
