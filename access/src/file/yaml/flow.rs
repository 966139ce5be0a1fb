//! The scanner's structure tokens: flow brackets and entries, block entries, keys and values,
//! document markers, and the indentation and simple-key bookkeeping behind them.

use super::super::{err, is_blank_or_breakz, is_flow, Mark};
use super::{Indent, Scan, Scanner, SimpleKey, Tok, IMPLICIT_INSIDE, IMPLICIT_POSSIBLE, NO_KEY};

impl Scanner<'_> {
    pub(super) fn fetch_document_indicator(&mut self, tok: Tok) -> Scan {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let mark = self.mark;
        self.skip_n_non_blank(3);
        self.push(mark, tok);
        Ok(())
    }

    pub(super) fn fetch_flow_collection_start(&mut self, tok: Tok) -> Scan {
        self.save_simple_key();
        self.roll_one_col_indent();
        self.simple_keys.push(NO_KEY);
        self.flow_level = self
            .flow_level
            .checked_add(1)
            .ok_or(super::super::YamlError {
                mark: self.mark,
                info: "recursion limit exceeded",
            })?;
        self.simple_key_allowed = true;
        let start = self.mark;
        self.skip_non_blank();
        let mapping = tok == Tok::FlowMappingStart;
        self.flow_mapping_started.push(mapping);
        self.implicit_flow_mapping_states
            .push(if mapping { 0 } else { IMPLICIT_POSSIBLE });
        self.skip_ws_to_eol(true)?;
        self.push(start, tok);
        Ok(())
    }

    pub(super) fn fetch_flow_collection_end(&mut self, tok: Tok) -> Scan {
        if self.flow_level == 0 {
            return err(self.mark, "misplaced bracket");
        }
        self.remove_simple_key()?;
        self.flow_level -= 1;
        self.simple_keys.pop();
        self.simple_key_allowed = false;
        if tok == Tok::FlowSequenceEnd {
            self.end_implicit_mapping(self.mark);
        }
        self.implicit_flow_mapping_states.pop();
        self.flow_mapping_started.pop();
        let start = self.mark;
        self.skip_non_blank();
        self.skip_ws_to_eol(true)?;
        if self.flow_level > 0 {
            self.adjacent_value_allowed_at = self.mark.index;
        }
        self.push(start, tok);
        Ok(())
    }

    pub(super) fn fetch_flow_entry(&mut self) -> Scan {
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.end_implicit_mapping(self.mark);
        let start = self.mark;
        self.skip_non_blank();
        self.skip_ws_to_eol(true)?;
        self.push(start, Tok::FlowEntry);
        Ok(())
    }

    pub(super) fn fetch_block_entry(&mut self) -> Scan {
        if self.flow_level > 0 {
            return err(self.mark, r#""-" is only valid inside a block"#);
        }
        if !self.simple_key_allowed {
            return err(
                self.mark,
                "block sequence entries are not allowed in this context",
            );
        }
        if let Some((at, Tok::Anchor(_) | Tok::Tag(_))) = self.last_queued() {
            if self.mark.col == 0 && at.col == 0 && self.indent > -1 {
                return err(*at, "invalid indentation for anchor");
            }
        }
        let mark = self.mark;
        self.skip_non_blank();
        self.roll_indent(mark.col, None, Tok::BlockSequenceStart, mark);
        let (tabs, _) = self.skip_ws_to_eol(true)?;
        if tabs && self.peek() == '-' && is_blank_or_breakz(self.peek_nth(1)) {
            return err(self.mark, "'-' must be followed by a valid YAML whitespace");
        }
        self.skip_ws_to_eol(false)?;
        if self.next_is_break() || is_flow(self.first()) {
            self.roll_one_col_indent();
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.push(self.mark, Tok::BlockEntry);
        Ok(())
    }

    pub(super) fn fetch_key(&mut self) -> Scan {
        let start = self.mark;
        if self.flow_level == 0 {
            if !self.simple_key_allowed {
                return err(self.mark, "mapping keys are not allowed in this context");
            }
            self.roll_indent(start.col, None, Tok::BlockMappingStart, start);
        } else if let Some(started) = self.flow_mapping_started.last_mut() {
            *started = true;
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = self.flow_level == 0;
        self.skip_non_blank();
        self.skip_yaml_whitespace()?;
        if self.peek() == '\t' {
            return err(self.mark, "tabs disallowed in this context");
        }
        self.push(start, Tok::Key);
        Ok(())
    }

    /// Spaces, line breaks and comments after `?`; at least one.
    fn skip_yaml_whitespace(&mut self) -> Scan {
        let mut need = true;
        loop {
            match self.peek() {
                ' ' => {
                    self.skip_blank();
                    need = false;
                }
                '\n' | '\r' => {
                    self.skip_linebreak();
                    if self.flow_level == 0 {
                        self.simple_key_allowed = true;
                    }
                    need = false;
                }
                '#' => {
                    while super::super::is_yaml_non_break(self.peek()) {
                        self.skip_blank();
                    }
                }
                _ => break,
            }
        }
        if need {
            err(self.mark, "expected whitespace")
        } else {
            Ok(())
        }
    }

    pub(super) fn fetch_flow_value(&mut self) -> Scan {
        let nc = self.peek_nth(1);
        if self.mark.index != self.adjacent_value_allowed_at && (nc == '[' || nc == '{') {
            return err(self.mark, "':' may not precede any of `[{` in flow mapping");
        }
        self.fetch_value()
    }

    pub(super) fn fetch_value(&mut self) -> Scan {
        let Some(sk) = self.simple_keys.last().copied() else {
            return err(self.mark, "simple key expected");
        };
        let start = self.mark;
        let implicit = match (
            self.implicit_flow_mapping_states.last_mut(),
            self.flow_mapping_started.last(),
        ) {
            (Some(state), Some(false)) if *state != 0 => {
                *state = IMPLICIT_INSIDE;
                true
            }
            _ => false,
        };
        self.skip_non_blank();
        if self.peek() == '\t' {
            let (_, space) = self.skip_ws_to_eol(true)?;
            if !space && (self.peek() == '-' || super::super::is_alpha(self.first())) {
                return err(self.mark, "':' must be followed by a valid YAML whitespace");
            }
        }
        if sk.possible {
            let at = sk.token_number - self.tokens_parsed;
            self.insert(at, sk.mark, Tok::Key);
            if implicit {
                if sk.mark.line < start.line {
                    return err(start, "illegal placement of ':' indicator");
                }
                self.insert(at, sk.mark, Tok::FlowMappingStart);
            }
            self.roll_indent(
                sk.mark.col,
                Some(sk.token_number),
                Tok::BlockMappingStart,
                sk.mark,
            );
            self.roll_one_col_indent();
            if let Some(last) = self.simple_keys.last_mut() {
                last.possible = false;
            }
            self.simple_key_allowed = false;
        } else {
            if implicit {
                self.push(start, Tok::FlowMappingStart);
            }
            if self.flow_level == 0 {
                if !self.simple_key_allowed {
                    return err(start, "mapping values are not allowed in this context");
                }
                self.roll_indent(start.col, None, Tok::BlockMappingStart, start);
            }
            self.roll_one_col_indent();
            self.simple_key_allowed = self.flow_level == 0;
        }
        self.push(start, Tok::Value);
        Ok(())
    }

    fn roll_indent(&mut self, col: usize, number: Option<usize>, tok: Tok, mark: Mark) {
        if self.flow_level > 0 {
            return;
        }
        if self.indent <= col as isize {
            if let Some(last) = self.indents.last() {
                if !last.needs_block_end {
                    self.indent = last.indent;
                    self.indents.pop();
                }
            }
        }
        if self.indent < col as isize {
            self.indents.push(Indent {
                indent: self.indent,
                needs_block_end: true,
            });
            self.indent = col as isize;
            match number {
                Some(n) => self.insert(n - self.tokens_parsed, mark, tok),
                None => self.push(mark, tok),
            }
        }
    }

    pub(super) fn unroll_indent(&mut self, col: isize) {
        if self.flow_level > 0 {
            return;
        }
        while self.indent > col {
            let Some(last) = self.indents.pop() else {
                break;
            };
            self.indent = last.indent;
            if last.needs_block_end {
                self.push(self.mark, Tok::BlockEnd);
            }
        }
    }

    fn roll_one_col_indent(&mut self) {
        if self.flow_level == 0 && self.indents.last().is_some_and(|x| x.needs_block_end) {
            self.indents.push(Indent {
                indent: self.indent,
                needs_block_end: false,
            });
            self.indent += 1;
        }
    }

    pub(super) fn unroll_non_block_indents(&mut self) {
        while let Some(last) = self.indents.last() {
            if last.needs_block_end {
                break;
            }
            self.indent = last.indent;
            self.indents.pop();
        }
    }

    pub(super) fn save_simple_key(&mut self) {
        if self.simple_key_allowed {
            let required = self.flow_level == 0
                && self.indent == self.mark.col as isize
                && self.indents.last().is_some_and(|x| x.needs_block_end);
            let sk = SimpleKey {
                possible: true,
                required,
                token_number: self.tokens_parsed + self.queued(),
                mark: self.mark,
            };
            self.simple_keys.pop();
            self.simple_keys.push(sk);
        }
    }

    pub(super) fn remove_simple_key(&mut self) -> Scan {
        let mark = self.mark;
        let Some(last) = self.simple_keys.last_mut() else {
            return err(mark, "simple key expected");
        };
        if last.possible && last.required {
            return err(mark, "simple key expected");
        }
        last.possible = false;
        Ok(())
    }

    fn end_implicit_mapping(&mut self, mark: Mark) {
        if let (Some(state), Some(started)) = (
            self.implicit_flow_mapping_states.last_mut(),
            self.flow_mapping_started.last_mut(),
        ) {
            if *state == IMPLICIT_INSIDE {
                *started = false;
                *state = IMPLICIT_POSSIBLE;
                self.push(mark, Tok::FlowMappingEnd);
            }
        }
    }
}
