//! The scanner: text to tokens, with saphyr's simple keys and indentation stack.

use super::{
    err, is_blank, is_blank_or_breakz, is_break, is_breakz, is_flow, is_yaml_non_break, Mark,
    YamlError,
};

pub(super) type Scan<T = ()> = Result<T, YamlError>;

/// A token: where it starts and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    StreamStart,
    StreamEnd,
    VersionDirective,
    /// A `%TAG` directive's handle.
    TagDirective(String),
    ReservedDirective,
    DocumentStart,
    DocumentEnd,
    ByteOrderMark,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowSequenceEnd,
    FlowMappingStart,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias(String),
    Anchor(String),
    /// A tag's handle (its suffix is not kept).
    Tag(String),
    /// The text and whether it is plain.
    Scalar(String, bool),
}

pub(super) type Token = (Mark, Tok);

#[derive(Clone, Copy)]
struct SimpleKey {
    possible: bool,
    required: bool,
    token_number: usize,
    mark: Mark,
}

const NO_KEY: SimpleKey = SimpleKey {
    possible: false,
    required: false,
    token_number: 0,
    mark: Mark {
        index: 0,
        line: 0,
        col: 0,
    },
};

struct Indent {
    indent: isize,
    needs_block_end: bool,
}

/// A flow sequence's implicit single-pair mapping: 0 not possible (a flow mapping), 1 possible,
/// 2 inside one.
const IMPLICIT_POSSIBLE: u8 = 1;
const IMPLICIT_INSIDE: u8 = 2;

pub(super) struct Scanner<'a> {
    text: &'a str,
    /// The byte offset of the next character.
    pos: usize,
    pub(super) mark: Mark,
    /// The queue of tokens from `head`.
    tokens: Vec<Token>,
    head: usize,
    stream_start_produced: bool,
    stream_end_produced: bool,
    adjacent_value_allowed_at: usize,
    simple_key_allowed: bool,
    simple_keys: Vec<SimpleKey>,
    pub(super) indent: isize,
    indents: Vec<Indent>,
    pub(super) flow_level: u8,
    tokens_parsed: usize,
    token_available: bool,
    pub(super) leading_whitespace: bool,
    flow_mapping_started: Vec<bool>,
    implicit_flow_mapping_states: Vec<u8>,
    pub(super) interrupted_plain_by_comment: Option<Mark>,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: 0,
            mark: Mark {
                index: 0,
                line: 1,
                col: 0,
            },
            tokens: Vec::new(),
            head: 0,
            stream_start_produced: false,
            stream_end_produced: false,
            adjacent_value_allowed_at: 0,
            simple_key_allowed: true,
            simple_keys: Vec::new(),
            indent: -1,
            indents: Vec::new(),
            flow_level: 0,
            tokens_parsed: 0,
            token_available: false,
            leading_whitespace: true,
            flow_mapping_started: Vec::new(),
            implicit_flow_mapping_states: Vec::new(),
            interrupted_plain_by_comment: None,
        }
    }

    // The input.

    pub(super) fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    pub(super) fn peek(&self) -> char {
        match self.text.as_bytes().get(self.pos) {
            Some(b) if b.is_ascii() => *b as char,
            _ => self.rest().chars().next().unwrap_or('\0'),
        }
    }

    pub(super) fn peek_nth(&self, n: usize) -> char {
        self.rest().chars().nth(n).unwrap_or('\0')
    }

    fn first(&self) -> char {
        self.text
            .as_bytes()
            .get(self.pos)
            .map_or('\0', |b| *b as char)
    }

    /// Skips a character without moving the mark.
    fn skip(&mut self) {
        if self.pos < self.text.len() {
            self.pos += self.peek().len_utf8();
        }
    }

    pub(super) fn skip_blank(&mut self) {
        self.skip();
        self.mark.index += 1;
        self.mark.col += 1;
    }

    pub(super) fn skip_non_blank(&mut self) {
        self.skip_blank();
        self.leading_whitespace = false;
    }

    pub(super) fn skip_n_non_blank(&mut self, n: usize) {
        for _ in 0..n {
            self.skip_non_blank();
        }
    }

    fn skip_nl(&mut self) {
        self.skip();
        self.mark.index += 1;
        self.mark.col = 0;
        self.mark.line += 1;
        self.leading_whitespace = true;
    }

    pub(super) fn skip_linebreak(&mut self) {
        if self.rest().starts_with("\r\n") {
            self.skip_blank();
            self.skip_nl();
        } else if self.next_is_break() {
            self.skip_nl();
        }
    }

    /// Skips a line break (there is one).
    pub(super) fn skip_break(&mut self) {
        if self.rest().starts_with("\r\n") {
            self.skip_blank();
        }
        self.skip_nl();
    }

    pub(super) fn read_break(&mut self, s: &mut String) {
        self.skip_break();
        s.push('\n');
    }

    pub(super) fn next_is_z(&self) -> bool {
        self.first() == '\0'
    }

    pub(super) fn next_is_break(&self) -> bool {
        is_break(self.first())
    }

    pub(super) fn next_is_breakz(&self) -> bool {
        is_breakz(self.first())
    }

    pub(super) fn next_is_blank(&self) -> bool {
        is_blank(self.first())
    }

    pub(super) fn next_is_blank_or_breakz(&self) -> bool {
        is_blank_or_breakz(self.first())
    }

    fn next_is_three(&self, c: u8) -> bool {
        let b = self.rest().as_bytes();
        b.len() >= 3 && b[..3] == [c, c, c] && (b.len() == 3 || is_blank_or_breakz(b[3] as char))
    }

    pub(super) fn next_is_document_indicator(&self) -> bool {
        self.next_is_three(b'-') || self.next_is_three(b'.')
    }

    pub(super) fn next_can_be_plain_scalar(&self, in_flow: bool) -> bool {
        let nc = self.peek_nth(1);
        match self.peek() {
            ':' if is_blank_or_breakz(nc) || (in_flow && is_flow(nc)) => false,
            '\u{feff}' => false,
            c => !(in_flow && is_flow(c)),
        }
    }

    fn skip_while(&mut self, keep: fn(char) -> bool) -> String {
        let mut out = String::new();
        while keep(self.peek()) && !self.next_is_z() {
            out.push(self.peek());
            self.skip_non_blank();
        }
        out
    }

    fn skip_while_blank(&mut self) {
        while self.next_is_blank() {
            self.skip_blank();
        }
    }

    /// Skips blanks (tabs too when `tabs`) and a comment: (a tab was found, a space was found).
    pub(super) fn skip_ws_to_eol(&mut self, tabs: bool) -> Scan<(bool, bool)> {
        let (mut tab, mut space) = (false, false);
        loop {
            match self.first() {
                ' ' => space = true,
                '\t' if tabs => tab = true,
                _ => break,
            }
            self.skip_blank();
        }
        let mut result = Ok((tab, space));
        if self.first() == '#' {
            if !tab && !space {
                result = err(
                    self.mark,
                    "comments must be separated from other tokens by whitespace",
                );
            } else {
                while is_yaml_non_break(self.peek()) {
                    self.skip_blank();
                }
            }
        }
        if self.mark.col > 0 && self.peek() == '\u{feff}' {
            return err(
                self.mark,
                "a byte order mark must not appear inside a document",
            );
        }
        result
    }

    // The token queue.

    fn push(&mut self, mark: Mark, tok: Tok) {
        self.tokens.push((mark, tok));
    }

    fn insert(&mut self, at: usize, mark: Mark, tok: Tok) {
        self.tokens.insert(self.head + at, (mark, tok));
    }

    fn queued(&self) -> usize {
        self.tokens.len() - self.head
    }

    fn last_queued(&self) -> Option<&Token> {
        self.tokens[self.head..].last()
    }

    /// The next token; `Ok(None)` after the stream's end.
    pub(super) fn next_token(&mut self) -> Scan<Option<Token>> {
        if self.stream_end_produced {
            return Ok(None);
        }
        if !self.token_available {
            self.fetch_more_tokens()?;
        }
        if self.head == self.tokens.len() {
            return err(self.mark, "did not find expected next token");
        }
        let t = std::mem::replace(&mut self.tokens[self.head], (self.mark, Tok::StreamEnd));
        self.head += 1;
        if self.head == self.tokens.len() {
            self.tokens.clear();
            self.head = 0;
        }
        self.token_available = false;
        self.tokens_parsed += 1;
        if t.1 == Tok::StreamEnd {
            self.stream_end_produced = true;
        }
        Ok(Some(t))
    }

    fn fetch_more_tokens(&mut self) -> Scan {
        loop {
            let need_more = if self.queued() == 0 {
                true
            } else {
                self.stale_simple_keys()?;
                self.simple_keys
                    .iter()
                    .any(|sk| sk.possible && sk.token_number == self.tokens_parsed)
            };
            if !need_more {
                break;
            }
            self.fetch_next_token()?;
        }
        self.token_available = true;
        Ok(())
    }

    fn stale_simple_keys(&mut self) -> Scan {
        for sk in &mut self.simple_keys {
            if sk.possible
                && self.flow_level == 0
                && (sk.mark.line < self.mark.line || sk.mark.index + 1024 < self.mark.index)
            {
                if sk.required {
                    return err(self.mark, "simple key expect ':'");
                }
                sk.possible = false;
            }
        }
        Ok(())
    }

    fn fetch_next_token(&mut self) -> Scan {
        if !self.stream_start_produced {
            self.stream_start_produced = true;
            self.push(self.mark, Tok::StreamStart);
            self.simple_keys.push(NO_KEY);
            return Ok(());
        }
        self.skip_to_next_token()?;
        self.stale_simple_keys()?;
        self.unroll_indent(self.mark.col as isize);
        if self.next_is_z() {
            if self.rest().starts_with('\0') {
                return err(self.mark, "found unprintable character");
            }
            return self.fetch_stream_end();
        }
        if self.peek() == '\u{feff}' {
            if self.mark.col == 0 && self.flow_level == 0 {
                self.unroll_indent(-1);
                self.remove_simple_key()?;
                let mark = self.mark;
                self.skip();
                self.mark.index += 1;
                self.simple_key_allowed = true;
                self.push(mark, Tok::ByteOrderMark);
                return Ok(());
            }
            return err(
                self.mark,
                "a byte order mark must not appear inside a document",
            );
        }
        if self.mark.col == 0 {
            if self.peek() == '%' {
                return self.fetch_directive();
            } else if self.next_is_three(b'-') {
                return self.fetch_document_indicator(Tok::DocumentStart);
            } else if self.next_is_three(b'.') {
                self.fetch_document_indicator(Tok::DocumentEnd)?;
                self.skip_ws_to_eol(true)?;
                if !self.next_is_breakz() {
                    return err(self.mark, "invalid content after document end marker");
                }
                return Ok(());
            }
        }
        if (self.mark.col as isize) < self.indent {
            return err(self.mark, "invalid indentation");
        }
        let c = self.peek();
        let nc = self.peek_nth(1);
        let end = is_blank_or_breakz(nc);
        match c {
            '[' => self.fetch_flow_collection_start(Tok::FlowSequenceStart),
            '{' => self.fetch_flow_collection_start(Tok::FlowMappingStart),
            ']' => self.fetch_flow_collection_end(Tok::FlowSequenceEnd),
            '}' => self.fetch_flow_collection_end(Tok::FlowMappingEnd),
            ',' => self.fetch_flow_entry(),
            '-' if end => self.fetch_block_entry(),
            '?' if end => self.fetch_key(),
            ':' if end => self.fetch_value(),
            ':' if self.flow_level > 0
                && (is_flow(nc) || self.mark.index == self.adjacent_value_allowed_at) =>
            {
                self.fetch_flow_value()
            }
            '*' | '&' => self.fetch_anchor(c == '*'),
            '!' => self.fetch_tag(),
            '|' | '>' if self.flow_level == 0 => self.fetch_block_scalar(c == '|'),
            '\'' | '"' => self.fetch_flow_scalar(c == '\''),
            '%' => err(self.mark, "unexpected character: `%'"),
            '@' => err(self.mark, "unexpected character: `@'"),
            '`' => err(self.mark, "unexpected character: ``'"),
            _ => self.fetch_plain_scalar(),
        }
    }

    pub(super) fn skip_to_next_token(&mut self) -> Scan {
        loop {
            match self.peek() {
                '\t' if !self.indents.is_empty()
                    && self.leading_whitespace
                    && (self.mark.col as isize) < self.indent =>
                {
                    self.skip_ws_to_eol(true)?;
                    if !self.next_is_breakz() {
                        return err(
                            self.mark,
                            "tabs disallowed within this context (block indentation)",
                        );
                    }
                }
                '\t' | ' ' => self.skip_blank(),
                '\n' | '\r' => {
                    self.skip_linebreak();
                    if self.flow_level == 0 {
                        self.simple_key_allowed = true;
                    }
                }
                '#' => {
                    while is_yaml_non_break(self.peek()) {
                        self.skip_blank();
                    }
                }
                _ => break,
            }
        }
        if let Some(at) = self.interrupted_plain_by_comment.take() {
            if self.flow_level == 0
                && self.mark.line == at.line + 1
                && self.mark.col as isize > self.indent
                && !self.next_is_z()
                && !self.next_is_document_indicator()
                && self.next_can_be_plain_scalar(false)
            {
                return err(at, "comment intercepting the multiline text");
            }
        }
        Ok(())
    }

    fn fetch_stream_end(&mut self) -> Scan {
        if self.mark.col != 0 {
            self.mark.col = 0;
            self.mark.line += 1;
        }
        for sk in &mut self.simple_keys {
            if sk.required && sk.possible {
                return err(self.mark, "simple key expected");
            }
            sk.possible = false;
        }
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        self.push(self.mark, Tok::StreamEnd);
        Ok(())
    }
}

#[path = "flow.rs"]
mod flow;
#[path = "props.rs"]
mod props;
#[path = "scalar.rs"]
mod scalar;
