//! YAML text to a tree of nodes that know their position: by the fast reader of the access
//! file's usual YAML and JSON (`fast.rs`), else from the events of the YAML reader (`yaml/`).
//!
//! Anchors and aliases are resolved here (an alias is a copy of its anchor's node), within a
//! budget of nodes so that a few lines of aliases cannot expand to gigabytes.

use super::yaml::{Event, Mark, Parser, YamlError};
use super::FileError;
use crate::map::Map;

/// A position in the text: line and column from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

impl Pos {
    pub(crate) fn error(self, message: impl Into<String>) -> FileError {
        FileError {
            message: message.into(),
            line: self.line,
            column: self.column,
        }
    }
}

fn pos(mark: Mark) -> Pos {
    Pos {
        line: mark.line,
        column: mark.col + 1,
    }
}

/// A value of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`, `~` or nothing.
    Null,
    /// Any other scalar, as text (numbers and booleans too: names may be `2024`).
    Text(String),
    /// A sequence.
    List(Vec<Node>),
    /// A mapping, in the file's order.
    Map(Vec<(Node, Node)>),
}

/// A value and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it starts.
    pub pos: Pos,
}

impl Node {
    /// What the value is, for error messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Text(_) => "text",
            Value::List(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// How many nodes, and how deep its collections nest (a scalar: 0).
    fn measure(&self) -> (usize, usize) {
        let mut size = 1;
        let mut depth = 0;
        let mut add = |node: &Node| {
            let (s, d) = node.measure();
            size += s;
            depth = depth.max(d + 1);
        };
        match &self.value {
            Value::Null | Value::Text(_) => return (1, 0),
            Value::List(items) => items.iter().for_each(&mut add),
            Value::Map(entries) => entries.iter().for_each(|(k, v)| {
                add(k);
                add(v);
            }),
        }
        (size, depth.max(1))
    }
}

/// How many nodes aliases may add, beyond the text's own.
const ALIAS_BUDGET: usize = 100_000;

/// The deepest nesting of collections read: a node is dropped, cloned and sized recursively, and
/// an access file nests six deep at most, so a deeper text is refused here, before it can
/// exhaust the stack (`- - - …` 50,000 deep did).
const MAX_NESTING: usize = 256;

enum Open {
    List(Vec<Node>, Pos, usize),
    Map(Vec<(Node, Node)>, Option<Node>, Pos, usize),
}

/// Parses one YAML document; `None` for an empty text.
pub fn parse(text: &str) -> Result<Option<Node>, FileError> {
    match super::fast::parse(text) {
        Some(root) => Ok(Some(root)),
        None => parse_events(text),
    }
}

/// Parses one YAML document from the YAML reader's events: the whole of YAML, and every syntax
/// error.
pub(super) fn parse_events(text: &str) -> Result<Option<Node>, FileError> {
    let mut parser = Parser::new(text);
    build(std::iter::from_fn(|| parser.next_event()))
}

/// The tree of a stream of events (the first error ends it).
fn build(
    events: impl Iterator<Item = Result<(Event, Mark), YamlError>>,
) -> Result<Option<Node>, FileError> {
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: Map<usize, Node> = Map::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    let mut budget = ALIAS_BUDGET;
    for next in events {
        let (event, mark) = next.map_err(|e| FileError {
            message: format!("YAML syntax: {}", e.info),
            line: e.mark.line,
            column: e.mark.col + 1,
        })?;
        let at = pos(mark);
        let (node, anchor) = match event {
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(at.error("the file holds more than one YAML document"));
                }
                continue;
            }
            Event::SequenceStart(_) | Event::MappingStart(_) if stack.len() >= MAX_NESTING => {
                return Err(at.error(format!(
                    "YAML: collections nested deeper than {MAX_NESTING}"
                )));
            }
            Event::SequenceStart(anchor) => {
                stack.push(Open::List(Vec::new(), at, anchor));
                continue;
            }
            Event::MappingStart(anchor) => {
                stack.push(Open::Map(Vec::new(), None, at, anchor));
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Open::List(items, start, anchor)) => (
                    Node {
                        value: Value::List(items),
                        pos: start,
                    },
                    anchor,
                ),
                _ => return Err(at.error("YAML syntax: unexpected end of a list")),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Open::Map(entries, None, start, anchor)) => (
                    Node {
                        value: Value::Map(entries),
                        pos: start,
                    },
                    anchor,
                ),
                _ => return Err(at.error("YAML syntax: unexpected end of a mapping")),
            },
            Event::Scalar(text, plain, anchor) => {
                let null = plain && matches!(&*text, "" | "~" | "null" | "Null" | "NULL");
                let value = if null { Value::Null } else { Value::Text(text) };
                (Node { value, pos: at }, anchor)
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    return Err(at.error("YAML: an alias to an unknown anchor"));
                };
                let (size, depth) = target.measure();
                if size > budget {
                    return Err(at.error("YAML: aliases expand to too many values"));
                }
                if stack.len() + depth > MAX_NESTING {
                    return Err(at.error(format!(
                        "YAML: collections nested deeper than {MAX_NESTING}"
                    )));
                }
                budget -= size;
                let mut copy = target.clone();
                copy.pos = at;
                (copy, 0)
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => continue,
        };
        if anchor > 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Open::List(items, _, _)) => items.push(node),
            Some(Open::Map(entries, key, _, _)) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push((k, node)),
            },
        }
    }
    Ok(root)
}
