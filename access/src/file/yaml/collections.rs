//! The parser's collections: block and flow sequences and mappings, and the empty scalars YAML
//! reads where a key or value is left out.

use super::super::scan::{Scan, Tok};
use super::super::Mark;
use super::super::{err, Event};
use super::{empty, Parsed, Parser, State};

impl Parser<'_> {
    /// On a collection's first entry, its start token (`[`, `{` or a block's start) is passed over.
    fn skip_start(&mut self, first: bool) -> Scan<()> {
        if first {
            self.peek()?;
            self.skip();
        }
        Ok(())
    }

    /// The node that comes next, read with `then` as the state after it; or, when it is `absent`,
    /// the empty scalar YAML reads there (at `mark`), with `then` as the next state.
    fn node_or_empty(
        &mut self,
        absent: bool,
        mark: Mark,
        then: State,
        block: bool,
        indentless: bool,
    ) -> Parsed {
        if absent {
            self.state = then;
            Ok((empty(), mark))
        } else {
            self.push_state(then);
            self.parse_node(block, indentless)
        }
    }

    pub(super) fn block_mapping_key(&mut self, first: bool) -> Parsed {
        self.skip_start(first)?;
        match self.peek()? {
            (_, Tok::Key) => {
                self.skip();
                let (mark, next) = self.peek()?;
                let absent = matches!(next, Tok::Key | Tok::Value | Tok::BlockEnd);
                self.node_or_empty(absent, mark, State::BlockMappingValue, true, true)
            }
            (mark, Tok::Value) => {
                self.state = State::BlockMappingValue;
                Ok((empty(), mark))
            }
            (mark, Tok::BlockEnd) => {
                self.pop_state();
                self.skip();
                Ok((Event::MappingEnd, mark))
            }
            (mark, _) => err(
                mark,
                "while parsing a block mapping, did not find expected key",
            ),
        }
    }

    pub(super) fn block_mapping_value(&mut self) -> Parsed {
        match self.peek()? {
            (mark, Tok::Value) => {
                self.skip();
                let absent = matches!(self.peek()?.1, Tok::Key | Tok::Value | Tok::BlockEnd);
                self.node_or_empty(absent, mark, State::BlockMappingKey, true, true)
            }
            (mark, _) => {
                self.state = State::BlockMappingKey;
                Ok((empty(), mark))
            }
        }
    }

    pub(super) fn flow_mapping_key(&mut self, first: bool) -> Parsed {
        self.skip_start(first)?;
        let mark =
            match self.peek()? {
                (mark, Tok::FlowMappingEnd) => mark,
                (mark, _) => {
                    if !first {
                        match self.peek()? {
                            (_, Tok::FlowEntry) => self.skip(),
                            (at, _) => return err(
                                at,
                                "while parsing a flow mapping, did not find expected ',' or '}'",
                            ),
                        }
                    }
                    match self.peek()? {
                        (_, Tok::Key) => {
                            self.skip();
                            let (at, next) = self.peek()?;
                            let absent =
                                matches!(next, Tok::Value | Tok::FlowEntry | Tok::FlowMappingEnd);
                            return self.node_or_empty(
                                absent,
                                at,
                                State::FlowMappingValue,
                                false,
                                false,
                            );
                        }
                        (at, Tok::Value) => {
                            self.state = State::FlowMappingValue;
                            return Ok((empty(), at));
                        }
                        (_, Tok::FlowMappingEnd) => {}
                        _ => {
                            self.push_state(State::FlowMappingEmptyValue);
                            return self.parse_node(false, false);
                        }
                    }
                    mark
                }
            };
        self.pop_state();
        self.skip();
        Ok((Event::MappingEnd, mark))
    }

    pub(super) fn flow_mapping_value(&mut self, empty_value: bool) -> Parsed {
        if empty_value {
            let (mark, _) = self.peek()?;
            self.state = State::FlowMappingKey;
            return Ok((empty(), mark));
        }
        match self.peek()? {
            (mark, Tok::Value) => {
                self.skip();
                let absent = matches!(self.peek()?.1, Tok::FlowEntry | Tok::FlowMappingEnd);
                self.node_or_empty(absent, mark, State::FlowMappingKey, false, false)
            }
            (mark, _) => {
                self.state = State::FlowMappingKey;
                Ok((empty(), mark))
            }
        }
    }

    pub(super) fn flow_sequence_entry(&mut self, first: bool) -> Parsed {
        self.skip_start(first)?;
        match self.peek()? {
            (mark, Tok::FlowSequenceEnd) => {
                self.pop_state();
                self.skip();
                return Ok((Event::SequenceEnd, mark));
            }
            (_, Tok::FlowEntry) if !first => self.skip(),
            (mark, _) if !first => {
                return err(mark, "while parsing a flow sequence, expected ',' or ']'")
            }
            _ => {}
        }
        match self.peek()? {
            (mark, Tok::FlowSequenceEnd) => {
                self.pop_state();
                self.skip();
                Ok((Event::SequenceEnd, mark))
            }
            (mark, Tok::Key) => {
                self.state = State::FlowSequenceEntryMappingKey;
                self.skip();
                Ok((Event::MappingStart(0), mark))
            }
            _ => {
                self.push_state(State::FlowSequenceEntry);
                self.parse_node(false, false)
            }
        }
    }

    pub(super) fn indentless_sequence_entry(&mut self) -> Parsed {
        match self.peek()? {
            (mark, Tok::BlockEntry) => {
                self.skip();
                let absent = matches!(
                    self.peek()?.1,
                    Tok::BlockEntry | Tok::Key | Tok::Value | Tok::BlockEnd
                );
                self.node_or_empty(absent, mark, State::IndentlessSequenceEntry, true, false)
            }
            (mark, _) => {
                self.pop_state();
                Ok((Event::SequenceEnd, mark))
            }
        }
    }

    pub(super) fn block_sequence_entry(&mut self, first: bool) -> Parsed {
        self.skip_start(first)?;
        match self.peek()? {
            (mark, Tok::BlockEnd) => {
                self.pop_state();
                self.skip();
                Ok((Event::SequenceEnd, mark))
            }
            (mark, Tok::BlockEntry) => {
                self.skip();
                let absent = matches!(self.peek()?.1, Tok::BlockEntry | Tok::BlockEnd);
                self.node_or_empty(absent, mark, State::BlockSequenceEntry, true, false)
            }
            (mark, _) => err(
                mark,
                "while parsing a block collection, did not find expected '-' indicator",
            ),
        }
    }

    pub(super) fn flow_sequence_entry_mapping_key(&mut self) -> Parsed {
        if let (mark, Tok::Value | Tok::FlowEntry | Tok::FlowSequenceEnd) = self.peek()? {
            self.skip();
            self.state = State::FlowSequenceEntryMappingValue;
            Ok((empty(), mark))
        } else {
            self.push_state(State::FlowSequenceEntryMappingValue);
            self.parse_node(false, false)
        }
    }

    pub(super) fn flow_sequence_entry_mapping_value(&mut self) -> Parsed {
        match self.peek()? {
            (_, Tok::Value) => {
                self.skip();
                let (mark, next) = self.peek()?;
                let absent = matches!(next, Tok::FlowEntry | Tok::FlowSequenceEnd);
                self.node_or_empty(
                    absent,
                    mark,
                    State::FlowSequenceEntryMappingEnd(mark),
                    false,
                    false,
                )
            }
            (mark, _) => {
                self.state = State::FlowSequenceEntryMappingEnd(mark);
                Ok((empty(), mark))
            }
        }
    }
}
