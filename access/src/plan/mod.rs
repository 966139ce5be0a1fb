//! The plan that makes the organization match an access file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::file::AccessFile;
use crate::Model;

/// An id in a planned operation: known, or the `id` of an earlier operation's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PlanId {
    /// An id that exists.
    Known(String),
    /// The `id` of the result of operation `from` of the same plan.
    From {
        /// The operation's index.
        from: usize,
    },
}

/// One operation: a row of the operation table with its ids and body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanOperation {
    /// The row's name.
    pub operation: String,
    /// The path parameters.
    pub ids: BTreeMap<String, PlanId>,
    /// The JSON body.
    pub body: Option<serde_json::Value>,
    /// One line for people.
    pub summary: String,
    /// `+`, `-` or `~`.
    pub change: String,
    /// Indices of the operations that must succeed first.
    pub depends_on: Vec<usize>,
}

/// What is not done, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocked {
    /// What it is about.
    pub subject: String,
    /// Why it is not done.
    pub reason: String,
}

/// Something the file does not name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmanaged {
    /// `user`, `group` or `role`.
    pub kind: String,
    /// Its name (a user's email).
    pub name: String,
    /// Its id.
    pub id: String,
}

/// A plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The operations, in order.
    pub operations: Vec<PlanOperation>,
    /// What is blocked.
    pub blocked: Vec<Blocked>,
    /// What is left alone.
    pub unmanaged: Vec<Unmanaged>,
}

/// Options of [`plan`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanOptions {
    /// Delete the groups and custom roles the file does not name.
    pub prune: bool,
}

/// The plan for `file` against `model`.
pub fn plan(_model: &Model, _file: &AccessFile, _options: PlanOptions) -> Plan {
    Plan::default()
}
