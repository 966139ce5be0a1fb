//! The scanner's directives (`%YAML`, `%TAG`, others), tags and anchors: checked as saphyr
//! checks them; a tag keeps only its handle, which the parser checks is declared.

use super::super::{
    err, is_alpha, is_blank_or_breakz, is_flow, is_tag_char, is_uri_char, is_yaml_non_space, Mark,
};
use super::{Scan, Scanner, Tok};

impl Scanner<'_> {
    pub(super) fn fetch_directive(&mut self) -> Scan {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let start = self.mark;
        self.skip_non_blank();
        let at_name = self.mark;
        let name = self.skip_while(is_yaml_non_space);
        if name.is_empty() {
            return err(
                at_name,
                "while scanning a directive, could not find expected directive name",
            );
        }
        if !is_blank_or_breakz(self.peek()) {
            return err(
                at_name,
                "while scanning a directive, found unexpected non-alphabetical character",
            );
        }
        let tok = match name.as_str() {
            "YAML" => {
                self.skip_while_blank();
                self.version_number(start)?;
                if self.peek() != '.' {
                    return err(
                        start,
                        "while scanning a YAML directive, did not find expected digit or '.' character",
                    );
                }
                self.skip_non_blank();
                self.version_number(start)?;
                Tok::VersionDirective
            }
            "TAG" => {
                self.skip_while_blank();
                let handle = self.tag_handle(true, start)?;
                self.skip_while_blank();
                self.tag_prefix(start)?;
                if !self.next_is_blank_or_breakz() {
                    return err(
                        start,
                        "while scanning TAG, did not find expected whitespace or line break",
                    );
                }
                Tok::TagDirective(handle)
            }
            _ => {
                while self.next_is_blank() {
                    self.skip_while_blank();
                    self.skip_while(is_yaml_non_space);
                }
                Tok::ReservedDirective
            }
        };
        self.skip_ws_to_eol(true)?;
        if !self.next_is_breakz() {
            return err(
                start,
                "while scanning a directive, did not find expected comment or line break",
            );
        }
        self.skip_linebreak();
        self.push(start, tok);
        Ok(())
    }

    fn version_number(&mut self, start: Mark) -> Scan {
        let digits = self.skip_while(|c| c.is_ascii_digit());
        if digits.len() > 9 {
            return err(
                start,
                "while scanning a YAML directive, found extremely long version number",
            );
        }
        if digits.is_empty() {
            return err(
                start,
                "while scanning a YAML directive, did not find expected version number",
            );
        }
        Ok(())
    }

    fn tag_handle(&mut self, directive: bool, start: Mark) -> Scan<String> {
        if self.peek() != '!' {
            return err(start, "while scanning a tag, did not find expected '!'");
        }
        self.skip_non_blank();
        let mut handle = String::from("!");
        handle.push_str(&self.skip_while(is_alpha));
        if self.peek() == '!' {
            handle.push('!');
            self.skip_non_blank();
        } else if directive && handle != "!" {
            return err(
                start,
                "while parsing a tag directive, did not find expected '!'",
            );
        }
        Ok(handle)
    }

    fn tag_prefix(&mut self, start: Mark) -> Scan {
        let c = self.peek();
        if c == '!' {
            self.skip_non_blank();
        } else if !is_tag_char(c) || self.next_is_z() {
            return err(start, "invalid global tag character");
        } else if c == '%' {
            self.uri_escapes(start)?;
        } else {
            self.skip_non_blank();
        }
        self.uri_chars(start, is_uri_char)?;
        Ok(())
    }

    /// Skips the characters `keep` accepts, `%` escapes checked: how many.
    fn uri_chars(&mut self, start: Mark, keep: fn(char) -> bool) -> Scan<usize> {
        let mut n = 0;
        while keep(self.peek()) {
            if self.peek() == '%' {
                self.uri_escapes(start)?;
            } else {
                self.skip_non_blank();
            }
            n += 1;
        }
        Ok(n)
    }

    fn uri_escapes(&mut self, start: Mark) -> Scan {
        let mut width = 0;
        let mut code = 0u32;
        loop {
            let hex = |c: char| c.to_digit(16);
            let (Some(h), Some(l)) = (hex(self.peek_nth(1)), hex(self.peek_nth(2))) else {
                return err(
                    start,
                    "while parsing a tag, found an invalid escape sequence",
                );
            };
            if self.peek() != '%' {
                return err(
                    start,
                    "while parsing a tag, found an invalid escape sequence",
                );
            }
            let byte = (h << 4) + l;
            if width == 0 {
                width = match byte {
                    _ if byte & 0x80 == 0 => 1,
                    _ if byte & 0xe0 == 0xc0 => 2,
                    _ if byte & 0xf0 == 0xe0 => 3,
                    _ if byte & 0xf8 == 0xf0 => 4,
                    _ => {
                        return err(
                            start,
                            "while parsing a tag, found an incorrect leading UTF-8 byte",
                        )
                    }
                };
                code = byte;
            } else {
                if byte & 0xc0 != 0x80 {
                    return err(
                        start,
                        "while parsing a tag, found an incorrect trailing UTF-8 byte",
                    );
                }
                code = (code << 8) + byte;
            }
            self.skip_n_non_blank(3);
            width -= 1;
            if width == 0 {
                break;
            }
        }
        if char::from_u32(code).is_none() {
            return err(
                start,
                "while parsing a tag, found an invalid UTF-8 codepoint",
            );
        }
        Ok(())
    }

    pub(super) fn fetch_tag(&mut self) -> Scan {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let start = self.mark;
        let mut handle = String::new();
        if self.peek_nth(1) == '<' {
            self.skip_n_non_blank(2);
            self.uri_chars(start, is_uri_char)?;
            if self.peek() != '>' {
                return err(
                    start,
                    "while scanning a verbatim tag, did not find the expected '>'",
                );
            }
            self.skip_non_blank();
        } else {
            handle = self.tag_handle(false, start)?;
            let named = handle.len() >= 2 && handle.ends_with('!');
            let n = self.uri_chars(start, is_tag_char)?;
            let head = if named { 0 } else { handle.len() };
            if head + n == 0 {
                return err(start, "while parsing a tag, did not find expected tag URI");
            }
            if !named {
                handle = if n == 0 && head <= 1 {
                    String::new()
                } else {
                    "!".into()
                };
            }
        }
        if self.next_is_blank_or_breakz() || (self.flow_level > 0 && is_flow(self.first())) {
            self.push(start, Tok::Tag(handle));
            Ok(())
        } else {
            err(
                start,
                "while scanning a tag, did not find expected whitespace or line break",
            )
        }
    }

    pub(super) fn fetch_anchor(&mut self, alias: bool) -> Scan {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let start = self.mark;
        self.skip_non_blank();
        let name = self.skip_while(|c| is_yaml_non_space(c) && !is_flow(c));
        if name.is_empty() {
            return err(
                start,
                "while scanning an anchor or alias, did not find expected alphabetic or numeric character",
            );
        }
        let tok = if alias {
            Tok::Alias(name)
        } else {
            Tok::Anchor(name)
        };
        self.push(start, tok);
        Ok(())
    }
}
