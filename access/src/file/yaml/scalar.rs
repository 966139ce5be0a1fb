//! The scanner's scalars: block (`|`, `>`), quoted (`'`, `"`) and plain, with YAML's folding.

use super::super::{err, is_blank_or_breakz, is_breakz, is_flow, is_yaml_non_break};
use super::{Scan, Scanner, Tok};

#[derive(PartialEq, Eq, Clone, Copy)]
enum Chomping {
    Strip,
    Clip,
    Keep,
}

impl Scanner<'_> {
    pub(super) fn fetch_block_scalar(&mut self, literal: bool) -> Scan {
        self.save_simple_key();
        self.simple_key_allowed = true;
        let start = self.mark;
        let mut chomping = Chomping::Clip;
        let mut increment = 0;
        let mut string = String::new();
        let mut leading_break = String::new();
        let mut trailing_breaks = String::new();
        let mut leading_blank = false;
        self.skip_non_blank();
        self.unroll_non_block_indents();
        let chomp = |c: char| match c {
            '+' => Some(Chomping::Keep),
            '-' => Some(Chomping::Strip),
            _ => None,
        };
        let zero = "while scanning a block scalar, found an indentation indicator equal to 0";
        if let Some(c) = chomp(self.peek()) {
            chomping = c;
            self.skip_non_blank();
            if let Some(d) = self.peek().to_digit(10) {
                if d == 0 {
                    return err(start, zero);
                }
                increment = d as usize;
                self.skip_non_blank();
            }
        } else if let Some(d) = self.peek().to_digit(10) {
            if d == 0 {
                return err(start, zero);
            }
            increment = d as usize;
            self.skip_non_blank();
            if let Some(c) = chomp(self.peek()) {
                chomping = c;
                self.skip_non_blank();
            }
        }
        self.skip_ws_to_eol(true)?;
        if !self.next_is_breakz() {
            return err(
                start,
                "while scanning a block scalar, did not find expected comment or line break",
            );
        }
        if self.next_is_break() {
            self.skip_break();
        }
        if self.peek() == '\t' {
            return err(start, "a block scalar content cannot start with a tab");
        }
        let mut indent = 0;
        if increment > 0 {
            indent = if self.indent >= 0 {
                (self.indent + increment as isize) as usize
            } else {
                increment
            };
        }
        if indent == 0 {
            let mut max = 0;
            loop {
                while self.peek() == ' ' {
                    self.skip_blank();
                }
                max = max.max(self.mark.col);
                if !self.next_is_break() {
                    break;
                }
                self.read_break(&mut trailing_breaks);
            }
            indent = max.max((self.indent + 1) as usize);
            if self.indent > 0 {
                indent = indent.max(1);
            }
        } else {
            self.block_scalar_indent(indent, &mut trailing_breaks);
        }
        if self.next_is_z() {
            let contents = match chomping {
                Chomping::Strip | Chomping::Clip => String::new(),
                Chomping::Keep
                    if trailing_breaks.is_empty()
                        && self.mark.line > start.line
                        && self.mark.col > 0 =>
                {
                    "\n".into()
                }
                Chomping::Keep => trailing_breaks,
            };
            self.push(start, Tok::Scalar(contents, false));
            return Ok(());
        }
        if self.mark.col < indent && (self.mark.col as isize) > self.indent {
            return err(self.mark, "wrongly indented line in block scalar");
        }
        let body = self.mark;
        while self.mark.col == indent && is_yaml_non_break(self.peek()) {
            if indent == 0 && self.next_is_document_indicator() {
                break;
            }
            let trailing_blank = self.next_is_blank();
            if !literal && !leading_break.is_empty() && !leading_blank && !trailing_blank {
                string.push_str(&trailing_breaks);
                if trailing_breaks.is_empty() {
                    string.push(' ');
                }
            } else {
                string.push_str(&leading_break);
                string.push_str(&trailing_breaks);
            }
            leading_break.clear();
            trailing_breaks.clear();
            leading_blank = self.next_is_blank();
            while is_yaml_non_break(self.peek()) {
                string.push(self.peek());
                self.skip_blank();
            }
            if !self.next_is_break() {
                break;
            }
            self.read_break(&mut leading_break);
            self.block_scalar_indent(indent, &mut trailing_breaks);
        }
        if chomping != Chomping::Strip {
            string.push_str(&leading_break);
            if self.next_is_z() && self.mark.col >= indent.max(1) {
                string.push('\n');
            }
        }
        if chomping == Chomping::Keep {
            string.push_str(&trailing_breaks);
        }
        // saphyr's token starts at the body, not at the indicator.
        self.push(body, Tok::Scalar(string, false));
        Ok(())
    }

    fn block_scalar_indent(&mut self, indent: usize, breaks: &mut String) {
        loop {
            while self.mark.col < indent && self.peek() == ' ' {
                self.skip_blank();
            }
            if !self.next_is_break() {
                break;
            }
            self.read_break(breaks);
        }
    }

    pub(super) fn fetch_flow_scalar(&mut self, single: bool) -> Scan {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let start = self.mark;
        let mut string = String::new();
        let mut leading_break = String::new();
        let mut trailing_breaks = String::new();
        let mut whitespaces = String::new();
        let quote = if single { '\'' } else { '"' };
        self.skip_non_blank();
        loop {
            if self.mark.col == 0 && self.next_is_document_indicator() {
                return err(
                    start,
                    "while scanning a quoted scalar, found unexpected document indicator",
                );
            }
            if self.next_is_z() {
                return err(
                    start,
                    "while scanning a quoted scalar, found unexpected end of stream",
                );
            }
            if (self.mark.col as isize) < self.indent {
                return err(start, "invalid indentation in quoted scalar");
            }
            let mut leading_blanks = false;
            while !is_blank_or_breakz(self.peek()) {
                match self.peek() {
                    '\'' if single && self.peek_nth(1) == '\'' => {
                        string.push('\'');
                        self.skip_n_non_blank(2);
                    }
                    c if c == quote => break,
                    '\\' if !single && super::super::is_break(self.peek_nth(1)) => {
                        self.skip_non_blank();
                        self.skip_linebreak();
                        leading_blanks = true;
                        break;
                    }
                    '\\' if !single => string.push(self.escape(start)?),
                    c => {
                        string.push(c);
                        self.skip_non_blank();
                    }
                }
            }
            if self.peek() == quote {
                break;
            }
            while self.next_is_blank() || self.next_is_break() {
                if self.next_is_blank() {
                    if leading_blanks {
                        if self.peek() == '\t' && (self.mark.col as isize) < self.indent {
                            return err(self.mark, "tab cannot be used as indentation");
                        }
                    } else {
                        whitespaces.push(self.peek());
                    }
                    self.skip_blank();
                } else if leading_blanks {
                    self.read_break(&mut trailing_breaks);
                } else {
                    whitespaces.clear();
                    self.read_break(&mut leading_break);
                    leading_blanks = true;
                }
            }
            if leading_blanks {
                if !leading_break.is_empty() && trailing_breaks.is_empty() {
                    string.push(' ');
                } else {
                    string.push_str(&trailing_breaks);
                }
                trailing_breaks.clear();
                leading_break.clear();
            } else {
                string.push_str(&whitespaces);
                whitespaces.clear();
            }
        }
        self.skip_non_blank();
        self.skip_ws_to_eol(true)?;
        match self.peek() {
            ',' | '}' | ']' if self.flow_level > 0 => {}
            c if is_breakz(c) => {}
            ':' if self.flow_level > 0 || start.line == self.mark.line => {}
            _ => {
                return err(
                    self.mark,
                    "invalid trailing content after double-quoted scalar",
                )
            }
        }
        self.skip_to_next_token()?;
        self.adjacent_value_allowed_at = self.mark.index;
        self.push(start, Tok::Scalar(string, false));
        Ok(())
    }

    /// A `\` escape of a double-quoted scalar.
    fn escape(&mut self, start: super::super::Mark) -> Scan<char> {
        let (c, digits) = match self.peek_nth(1) {
            '0' => ('\0', 0),
            'a' => ('\x07', 0),
            'b' => ('\x08', 0),
            't' | '\t' => ('\t', 0),
            'n' => ('\n', 0),
            'v' => ('\x0b', 0),
            'f' => ('\x0c', 0),
            'r' => ('\r', 0),
            'e' => ('\x1b', 0),
            ' ' => (' ', 0),
            '"' => ('"', 0),
            '/' => ('/', 0),
            '\\' => ('\\', 0),
            'N' => ('\u{85}', 0),
            '_' => ('\u{a0}', 0),
            'L' => ('\u{2028}', 0),
            'P' => ('\u{2029}', 0),
            'x' => ('\0', 2),
            'u' => ('\0', 4),
            'U' => ('\0', 8),
            _ => {
                return err(
                    start,
                    "while parsing a quoted scalar, found unknown escape character",
                )
            }
        };
        self.skip_n_non_blank(2);
        if digits == 0 {
            return Ok(c);
        }
        let mut value = 0u32;
        for i in 0..digits {
            let Some(d) = self.peek_nth(i).to_digit(16) else {
                return err(
                    start,
                    "while parsing a quoted scalar, did not find expected hexadecimal number",
                );
            };
            value = (value << 4) + d;
        }
        let Some(c) = char::from_u32(value) else {
            return err(
                start,
                "while parsing a quoted scalar, found invalid Unicode character escape code",
            );
        };
        self.skip_n_non_blank(digits);
        Ok(c)
    }

    pub(super) fn fetch_plain_scalar(&mut self) -> Scan {
        self.save_simple_key();
        self.simple_key_allowed = false;
        self.unroll_non_block_indents();
        let indent = self.indent + 1;
        let start = self.mark;
        let flow = self.flow_level > 0;
        if flow && (start.col as isize) < indent {
            return err(start, "invalid indentation in flow construct");
        }
        let mut string = String::new();
        let mut whitespaces = String::new();
        let mut leading_break = String::new();
        let mut trailing_breaks = String::new();
        loop {
            if (self.mark.col == 0 && self.next_is_document_indicator()) || self.peek() == '#' {
                if self.peek() == '#' && !string.is_empty() && !whitespaces.is_empty() && !flow {
                    self.interrupted_plain_by_comment = Some(self.mark);
                }
                break;
            }
            if flow && self.peek() == '-' && is_flow(self.peek_nth(1)) {
                return err(
                    self.mark,
                    "plain scalar cannot start with '-' followed by ,[]{}",
                );
            }
            if !self.next_is_blank_or_breakz() && self.next_can_be_plain_scalar(flow) {
                if self.leading_whitespace {
                    if leading_break.is_empty() {
                        string.push_str(&trailing_breaks);
                    } else if trailing_breaks.is_empty() {
                        string.push(' ');
                    } else {
                        string.push_str(&trailing_breaks);
                    }
                    trailing_breaks.clear();
                    leading_break.clear();
                    self.leading_whitespace = false;
                } else {
                    string.push_str(&whitespaces);
                    whitespaces.clear();
                }
                string.push(self.peek());
                self.skip_non_blank();
                while !self.next_is_blank_or_breakz() && self.next_can_be_plain_scalar(flow) {
                    string.push(self.peek());
                    self.skip_non_blank();
                }
            }
            if !(self.next_is_blank() || self.next_is_break()) {
                break;
            }
            while self.next_is_blank() || self.next_is_break() {
                if self.next_is_blank() {
                    if !self.leading_whitespace {
                        whitespaces.push(self.peek());
                        self.skip_blank();
                    } else if (self.mark.col as isize) < indent && self.peek() == '\t' {
                        self.skip_ws_to_eol(true)?;
                        if !self.next_is_breakz() {
                            return err(start, "while scanning a plain scalar, found a tab");
                        }
                    } else {
                        self.skip_blank();
                    }
                } else if self.leading_whitespace {
                    self.skip_break();
                    trailing_breaks.push('\n');
                } else {
                    whitespaces.clear();
                    self.skip_break();
                    leading_break.push('\n');
                    self.leading_whitespace = true;
                }
            }
            if !flow && (self.mark.col as isize) < indent {
                break;
            }
        }
        if self.leading_whitespace {
            self.simple_key_allowed = true;
        }
        if string.is_empty() {
            return err(start, "unexpected end of plain scalar");
        }
        self.push(start, Tok::Scalar(string, true));
        Ok(())
    }
}
