//! The access file: the organization as text (YAML, or JSON, which is YAML).

use crate::Model;

/// The output format of `dump`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML, for people.
    Yaml,
    /// JSON.
    Json,
}

/// A bad file: what is wrong and where (line and column from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// What is wrong.
    pub message: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1 (0 when the whole line is meant).
    pub column: usize,
}

/// The access file, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessFile {}

/// Reads an access file.
pub fn read(_text: &str) -> Result<AccessFile, FileError> {
    Err(FileError {
        message: "not implemented yet".into(),
        line: 1,
        column: 1,
    })
}

/// Writes the model as an access file.
pub fn dump(_model: &Model, _format: Format) -> String {
    String::new()
}
