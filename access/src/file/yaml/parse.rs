//! The parser: tokens to events, saphyr's state machine (its states, its empty scalars and
//! their positions, its errors).

use super::scan::{Scan, Scanner, Tok, Token};
use super::{err, Event, Mark};
use crate::map::{Map, Set};

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StreamStart,
    ImplicitDocumentStart,
    DocumentStart,
    DocumentContent,
    DocumentEnd,
    BlockNode,
    BlockSequenceFirstEntry,
    BlockSequenceEntry,
    IndentlessSequenceEntry,
    BlockMappingFirstKey,
    BlockMappingKey,
    BlockMappingValue,
    FlowSequenceFirstEntry,
    FlowSequenceEntry,
    FlowSequenceEntryMappingKey,
    FlowSequenceEntryMappingValue,
    FlowSequenceEntryMappingEnd(Mark),
    FlowMappingFirstKey,
    FlowMappingKey,
    FlowMappingValue,
    FlowMappingEmptyValue,
    End,
}

type Parsed = Scan<(Event, Mark)>;

/// The events of a text, one at a time.
pub(crate) struct Parser<'a> {
    scanner: Scanner<'a>,
    states: Vec<State>,
    state: State,
    token: Option<Token>,
    anchors: Map<String, usize>,
    anchor_id_count: usize,
    /// The `%TAG` handles of the document.
    tags: Set<String>,
    done: bool,
}

fn empty() -> Event {
    Event::Scalar(String::new(), true, 0)
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Parser {
            scanner: Scanner::new(text),
            states: Vec::new(),
            state: State::StreamStart,
            token: None,
            anchors: Map::new(),
            anchor_id_count: 1,
            tags: Set::new(),
            done: false,
        }
    }

    /// The next event and where it starts; `None` after the stream's end or an error.
    pub(crate) fn next_event(&mut self) -> Option<Parsed> {
        if self.done {
            return None;
        }
        let next = if self.state == State::End {
            Ok((Event::StreamEnd, self.scanner.mark))
        } else {
            self.state_machine()
        };
        self.done = matches!(next, Ok((Event::StreamEnd, _)) | Err(_));
        Some(next)
    }

    fn peek_token(&mut self) -> Scan<&Token> {
        if self.token.is_none() {
            let next = match self.scanner.next_token()? {
                Some(t) => t,
                None => return err(self.scanner.mark, "unexpected eof"),
            };
            self.token = Some(next);
        }
        match &self.token {
            Some(t) => Ok(t),
            None => err(self.scanner.mark, "unexpected eof"),
        }
    }

    /// The next token's kind and position (a copy of the kinds that carry no text).
    fn peek(&mut self) -> Scan<(Mark, &Tok)> {
        let (mark, tok) = self.peek_token()?;
        Ok((*mark, tok))
    }

    fn fetch_token(&mut self) -> Scan<Token> {
        self.peek_token()?;
        match self.token.take() {
            Some(t) => Ok(t),
            None => err(self.scanner.mark, "unexpected eof"),
        }
    }

    fn skip(&mut self) {
        self.token = None;
    }

    fn pop_state(&mut self) {
        self.state = self.states.pop().unwrap_or(State::End);
    }

    fn push_state(&mut self, state: State) {
        self.states.push(state);
    }

    fn state_machine(&mut self) -> Parsed {
        match self.state {
            State::StreamStart => {
                let (mark, _) = self.peek()?;
                self.state = State::ImplicitDocumentStart;
                self.skip();
                Ok((Event::StreamStart, mark))
            }
            State::ImplicitDocumentStart => self.document_start(true),
            State::DocumentStart => self.document_start(false),
            State::DocumentContent => self.document_content(),
            State::DocumentEnd => self.document_end(),
            State::BlockNode => self.parse_node(true, false),
            State::BlockMappingFirstKey => self.block_mapping_key(true),
            State::BlockMappingKey => self.block_mapping_key(false),
            State::BlockMappingValue => self.block_mapping_value(),
            State::BlockSequenceFirstEntry => self.block_sequence_entry(true),
            State::BlockSequenceEntry => self.block_sequence_entry(false),
            State::FlowSequenceFirstEntry => self.flow_sequence_entry(true),
            State::FlowSequenceEntry => self.flow_sequence_entry(false),
            State::FlowMappingFirstKey => self.flow_mapping_key(true),
            State::FlowMappingKey => self.flow_mapping_key(false),
            State::FlowMappingValue => self.flow_mapping_value(false),
            State::IndentlessSequenceEntry => self.indentless_sequence_entry(),
            State::FlowSequenceEntryMappingKey => self.flow_sequence_entry_mapping_key(),
            State::FlowSequenceEntryMappingValue => self.flow_sequence_entry_mapping_value(),
            State::FlowSequenceEntryMappingEnd(mark) => {
                self.state = State::FlowSequenceEntry;
                Ok((Event::MappingEnd, mark))
            }
            State::FlowMappingEmptyValue => self.flow_mapping_value(true),
            State::End => Ok((Event::StreamEnd, self.scanner.mark)),
        }
    }

    fn document_start(&mut self, implicit: bool) -> Parsed {
        while matches!(self.peek()?.1, Tok::DocumentEnd | Tok::ByteOrderMark) {
            self.skip();
        }
        match self.peek()? {
            (mark, Tok::StreamEnd) => {
                self.state = State::End;
                self.skip();
                Ok((Event::StreamEnd, mark))
            }
            (
                _,
                Tok::VersionDirective
                | Tok::TagDirective(_)
                | Tok::ReservedDirective
                | Tok::DocumentStart,
            ) => self.explicit_document_start(),
            (mark, _) if implicit => {
                self.process_directives()?;
                self.push_state(State::DocumentEnd);
                self.state = State::BlockNode;
                Ok((Event::DocumentStart, mark))
            }
            _ => self.explicit_document_start(),
        }
    }

    fn process_directives(&mut self) -> Scan {
        let mut version = false;
        let mut tags: Set<String> = Set::new();
        loop {
            match self.peek()? {
                (mark, Tok::VersionDirective) => {
                    if version {
                        return err(mark, "duplicate version directive");
                    }
                    version = true;
                }
                (mark, Tok::TagDirective(handle)) => {
                    if tags.contains(handle) {
                        return err(
                            mark,
                            "the TAG directive must only be given at most once per handle in the same document",
                        );
                    }
                    let handle = handle.clone();
                    tags.insert(handle);
                }
                (_, Tok::ReservedDirective) => {}
                _ => break,
            }
            self.skip();
        }
        self.tags.append(&mut tags);
        Ok(())
    }

    fn explicit_document_start(&mut self) -> Parsed {
        self.process_directives()?;
        match self.peek()? {
            (mark, Tok::DocumentStart) => {
                self.push_state(State::DocumentEnd);
                self.state = State::DocumentContent;
                self.skip();
                Ok((Event::DocumentStart, mark))
            }
            (mark, Tok::ByteOrderMark) => {
                err(mark, "a byte order mark must not appear inside a document")
            }
            (mark, _) => err(mark, "did not find expected <document start>"),
        }
    }

    fn document_content(&mut self) -> Parsed {
        match self.peek()? {
            (
                mark,
                Tok::VersionDirective
                | Tok::TagDirective(_)
                | Tok::ReservedDirective
                | Tok::DocumentStart
                | Tok::DocumentEnd
                | Tok::ByteOrderMark
                | Tok::StreamEnd,
            ) => {
                self.pop_state();
                Ok((empty(), mark))
            }
            _ => self.parse_node(true, false),
        }
    }

    fn document_end(&mut self) -> Parsed {
        if let (bom, Tok::ByteOrderMark) = self.peek()? {
            while *self.peek()?.1 == Tok::ByteOrderMark {
                self.skip();
            }
            if !matches!(
                self.peek()?.1,
                Tok::DocumentStart | Tok::DocumentEnd | Tok::StreamEnd
            ) {
                return err(bom, "a byte order mark must not appear inside a document");
            }
        }
        let (mark, explicit_end) = match self.peek()? {
            (mark, Tok::DocumentEnd) => {
                self.skip();
                (mark, true)
            }
            (mark, _) => (mark, false),
        };
        self.tags = Set::new();
        if explicit_end {
            self.state = State::ImplicitDocumentStart;
        } else {
            match self.peek()? {
                (at, Tok::VersionDirective | Tok::TagDirective(_) | Tok::ReservedDirective) => {
                    return err(at, "missing explicit document end marker before directive")
                }
                (_, Tok::DocumentStart | Tok::StreamEnd) => {}
                (at, _) => return err(at, "did not find expected <document start>"),
            }
            self.state = State::DocumentStart;
        }
        Ok((Event::DocumentEnd, mark))
    }

    fn register_anchor(&mut self, name: String) -> usize {
        let id = self.anchor_id_count;
        self.anchor_id_count += 1;
        self.anchors.insert(name, id);
        id
    }

    /// A tag is checked (a named handle must be declared), then dropped.
    fn check_tag(&self, mark: Mark, handle: &str) -> Scan {
        let named = handle.len() >= 2 && handle.starts_with('!') && handle.ends_with('!');
        if named && handle != "!!" && !self.tags.contains(handle) {
            return err(mark, "the handle wasn't declared");
        }
        Ok(())
    }

    fn parse_node(&mut self, block: bool, indentless_sequence: bool) -> Parsed {
        let mut anchor = 0;
        let mut tagged = false;
        let (start, _) = self.peek()?;
        match self.fetch_token()? {
            (mark, Tok::Alias(name)) => {
                self.pop_state();
                return match self.anchors.get(&name) {
                    None => err(mark, "while parsing node, found unknown anchor"),
                    Some(id) => Ok((Event::Alias(*id), mark)),
                };
            }
            (_, Tok::Anchor(name)) => {
                anchor = self.register_anchor(name);
                if let (_, Tok::Tag(_)) = self.peek()? {
                    if let (_, Tok::Tag(handle)) = self.fetch_token()? {
                        // saphyr names the anchor's place for a tag after an anchor.
                        self.check_tag(start, &handle)?;
                        tagged = true;
                    }
                }
            }
            (mark, Tok::Tag(handle)) => {
                self.check_tag(mark, &handle)?;
                tagged = true;
                if let (_, Tok::Anchor(_)) = self.peek()? {
                    if let (_, Tok::Anchor(name)) = self.fetch_token()? {
                        anchor = self.register_anchor(name);
                    }
                }
            }
            other => self.token = Some(other),
        }
        let event = match self.peek()? {
            (_, Tok::BlockEntry) if indentless_sequence => {
                self.state = State::IndentlessSequenceEntry;
                Event::SequenceStart(anchor)
            }
            (_, Tok::Scalar(..)) => {
                self.pop_state();
                let Ok((_, Tok::Scalar(text, plain))) = self.fetch_token() else {
                    return err(start, "unexpected eof");
                };
                Event::Scalar(text, plain, anchor)
            }
            (_, Tok::FlowSequenceStart) => {
                self.state = State::FlowSequenceFirstEntry;
                Event::SequenceStart(anchor)
            }
            (_, Tok::FlowMappingStart) => {
                self.state = State::FlowMappingFirstKey;
                Event::MappingStart(anchor)
            }
            (_, Tok::BlockSequenceStart) if block => {
                self.state = State::BlockSequenceFirstEntry;
                Event::SequenceStart(anchor)
            }
            (_, Tok::BlockMappingStart) if block => {
                self.state = State::BlockMappingFirstKey;
                Event::MappingStart(anchor)
            }
            _ if tagged || anchor > 0 => {
                self.pop_state();
                Event::Scalar(String::new(), true, anchor)
            }
            (mark, _) => {
                return err(
                    mark,
                    "while parsing a node, did not find expected node content",
                )
            }
        };
        Ok((event, start))
    }
}

#[path = "collections.rs"]
mod collections;
