//! The YAML reader of the access file's general path: a scanner (`scan.rs`; structure tokens
//! in `flow.rs`, directives, tags and anchors in `props.rs`, scalars in `scalar.rs`) and a parser
//! (`parse.rs`, collections in `collections.rs`) giving the events `tree.rs` builds its tree
//! from. It reads what the fast reader (`fast.rs`) leaves, and decides every syntax error.
//!
//! It is a port of `saphyr-parser` 0.3.4's scanner and parser (MIT OR Apache-2.0, see
//! `LICENSE-saphyr-parser`) reduced to what the tree needs: a `&str` input, tags checked (a named
//! handle must be declared) and then dropped as the tree dropped saphyr's, token positions
//! without their ends, no generic input, no B-tree or deque. Its events, their positions and
//! its errors (message, line, column) are saphyr's: `tests.rs` holds them equal, event for
//! event, on the repository's samples, feature cases and thousands of generated and mutated
//! texts (saphyr is a dev-dependency). Why a port of our own: ARCHITECTURE.md, "access module
//! size".

mod parse;
mod scan;

#[cfg(test)]
mod corpus;
#[cfg(test)]
mod tests;

pub(super) use parse::Parser;

/// A place in the text: `index` counts characters; `line` from 1, `col` from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Mark {
    pub index: usize,
    pub line: usize,
    pub col: usize,
}

/// A syntax error: saphyr's message and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub mark: Mark,
    pub info: &'static str,
}

fn err<T>(mark: Mark, info: &'static str) -> Result<T, YamlError> {
    Err(YamlError { mark, info })
}

/// An event of the document, as saphyr's `Event` without tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    /// The anchor id it refers to.
    Alias(usize),
    /// The text, whether plain, and the anchor id (0: none).
    Scalar(String, bool, usize),
    SequenceStart(usize),
    SequenceEnd,
    MappingStart(usize),
    MappingEnd,
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

fn is_breakz(c: char) -> bool {
    is_break(c) || c == '\0'
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn is_blank_or_breakz(c: char) -> bool {
    is_blank(c) || is_breakz(c)
}

fn is_alpha(c: char) -> bool {
    matches!(c, '0'..='9' | 'a'..='z' | 'A'..='Z' | '_' | '-')
}

fn is_flow(c: char) -> bool {
    matches!(c, ',' | '[' | ']' | '{' | '}')
}

fn is_yaml_non_break(c: char) -> bool {
    !is_breakz(c) && c != '\u{feff}'
}

fn is_yaml_non_space(c: char) -> bool {
    is_yaml_non_break(c) && !is_blank(c)
}

fn is_uri_char(c: char) -> bool {
    (is_alpha(c) && c != '_') || "#;/?:@&=+$,_.!~*'()[]%".contains(c)
}

fn is_tag_char(c: char) -> bool {
    is_uri_char(c) && !is_flow(c) && c != '!'
}
