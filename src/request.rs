//! Transport-free description of an HTTP request to the Admin API.

use std::ops::Range;

use crate::error::Error;

/// Percent-encodes `value` onto `out`: the bytes of RFC 3986 "unreserved" characters stay as
/// they are; every other byte, `/`, `?`, `#`, `%`, spaces and the UTF-8 bytes of non-ASCII text
/// included, becomes `%XX` (upper-case hex). The same set for a path segment and a query key or
/// value.
fn push_encoded(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.reserve(value.len());
    // Runs of unreserved characters are copied whole (they are ASCII, so each run starts and
    // ends on a character boundary); a byte at a time, an id cost a Rust call as much as
    // parsing its answer's fields.
    let mut run = 0;
    for (at, &byte) in value.as_bytes().iter().enumerate() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            continue;
        }
        out.push_str(value.get(run..at).unwrap_or_default());
        out.push('%');
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0xF)]));
        run = at + 1;
    }
    out.push_str(value.get(run..).unwrap_or_default());
}

/// The HTTP method of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method's name as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// A request ready to be sent: everything but the base URL and the client's headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiRequest {
    /// The HTTP method.
    pub method: Method,
    /// The path below the base URL, starting with `/`, every parameter percent-encoded.
    pub path: String,
    /// Query pairs in order, not yet encoded.
    pub query: Vec<(String, String)>,
    /// The JSON body, if the operation has one.
    pub body: Option<String>,
}

impl ApiRequest {
    /// A request with no query and no body.
    pub fn new(method: Method, path: String) -> Self {
        ApiRequest {
            method,
            path,
            query: Vec::new(),
            body: None,
        }
    }

    /// The path and the encoded query string, e.g. `/organization/groups?limit=10`.
    pub fn path_and_query(&self) -> String {
        self.path_and_query_marking("").0
    }

    /// [`Self::path_and_query`], and where the encoded value of the query key `key` sits in it
    /// (byte offsets, which are also UTF-16 offsets: the text is ASCII) when the query holds that
    /// key exactly once: with [`encode_query_value`], a list's next page is this path with another
    /// `after` (see ARCHITECTURE.md, "Decisions").
    pub fn path_and_query_marking(&self, key: &str) -> (String, Option<Range<usize>>) {
        let mut out = String::new();
        let marked = self.push_path_and_query(&mut out, key);
        (out, marked)
    }

    /// Writes the path and the encoded query onto `out`, marking the value of `key` as
    /// [`Self::path_and_query_marking`] does (offsets in `out`).
    fn push_path_and_query(&self, out: &mut String, key: &str) -> Option<Range<usize>> {
        out.push_str(&self.path);
        let mut marked = None;
        let mut times = 0;
        for (i, (name, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            push_encoded(out, name);
            out.push('=');
            let start = out.len();
            push_encoded(out, value);
            if name == key {
                times += 1;
                marked = Some(start..out.len());
            }
        }
        marked.filter(|_| times == 1)
    }

    /// Merges the client's `defaultQuery` pairs under the request's own, as the official SDK
    /// spreads them: `{ ...defaultQuery, ...query }`. A key (`limit`, or `emails` for `emails[]`:
    /// its name before any `[`) keeps the place it has in `defaultQuery`, with the request's
    /// value when the request sets it; the request's other keys follow.
    pub fn add_default_query(&mut self, defaults: &[(String, String)]) {
        if defaults.is_empty() {
            return;
        }
        let base = |key: &str| key.split('[').next().unwrap_or(key).to_owned();
        let own = std::mem::take(&mut self.query);
        let mut names: Vec<String> = Vec::new();
        for (key, _) in defaults.iter().chain(&own) {
            let name = base(key);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        for name in names {
            let of = |pairs: &[(String, String)]| -> Vec<(String, String)> {
                pairs
                    .iter()
                    .filter(|(k, _)| base(k) == name)
                    .cloned()
                    .collect()
            };
            let mine = of(&own);
            self.query
                .extend(if mine.is_empty() { of(defaults) } else { mine });
        }
    }

    /// Sets the query key `key` to one `value`: in the place of its first pair, the others
    /// removed, or at the end. A list's next page is its request with another `after`.
    pub fn set_query(&mut self, key: &str, value: &str) {
        let mut kept = false;
        self.query.retain_mut(|(name, old)| {
            if name != key {
                return true;
            }
            if kept {
                return false;
            }
            kept = true;
            value.clone_into(old);
            true
        });
        if !kept {
            self.query.push((key.to_owned(), value.to_owned()));
        }
    }

    /// The full URL below `base_url` (with or without a trailing `/`).
    pub fn url(&self, base_url: &str) -> String {
        let base = base_url.trim_end_matches('/');
        let mut out = String::with_capacity(base.len() + self.path.len() + 16);
        out.push_str(base);
        self.push_path_and_query(&mut out, "");
        out
    }
}

/// Appends `text` as a JSON string literal, escaped as serde_json escapes.
pub fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xF]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Percent-encodes one query key or value, as [`ApiRequest::path_and_query`] writes it.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_encoded(&mut out, value);
    out
}

/// Percent-encodes one path parameter so that it can never change the route.
pub fn encode_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_encoded(&mut out, value);
    out
}

/// Checks that a path parameter is not empty and writes it encoded onto `out`.
///
/// `.` and `..` are rejected: URL parsers (WHATWG `URL`, and so `fetch`) collapse them, even
/// percent-encoded, so no encoding can make them reach the server as an id.
pub fn push_path_param(out: &mut String, name: &'static str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(
            name,
            format!("`{name}` must be a non-empty string"),
        ));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid(
            name,
            format!("`{name}` cannot be `{value}`"),
        ));
    }
    push_encoded(out, value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path and query of a GET to `path` with the query `own`, `defaults` merged under it.
    fn merged(path: &str, own: &[(&str, &str)], defaults: &[(&str, &str)]) -> String {
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        let mut request = ApiRequest::new(Method::Get, path.into());
        request.query = pairs(own);
        request.add_default_query(&pairs(defaults));
        request.path_and_query()
    }

    #[test]
    fn the_default_query_goes_under_the_calls_own() {
        assert_eq!(
            merged(
                "/organization/users",
                &[("limit", "10"), ("emails[]", "a@b.c")],
                &[("api-version", "1"), ("limit", "5"), ("emails", "x@y.z")]
            ),
            "/organization/users?api-version=1&limit=10&emails%5B%5D=a%40b.c"
        );
        // A default key keeps its place, with the call's value, as
        // `{ ...{ 'api-version': '1', after: 'default' }, ...{ limit: 2, after: 'user-1' } }`.
        assert_eq!(
            merged(
                "/organization/groups",
                &[("limit", "2"), ("after", "user-1")],
                &[("api-version", "1"), ("after", "default")]
            ),
            "/organization/groups?api-version=1&after=user-1&limit=2"
        );
    }

    #[test]
    fn a_marked_value_swapped_for_another_is_the_path_with_that_value() {
        let with = |after: &str| {
            let mut request = ApiRequest::new(Method::Get, "/organization/users".into());
            request.query = vec![
                ("limit".to_owned(), "100".to_owned()),
                ("after".to_owned(), after.to_owned()),
                ("emails[]".to_owned(), "a@b.c".to_owned()),
            ];
            request
        };
        let (path, span) = with("user-1").path_and_query_marking("after");
        let span = span.expect("`after` once");
        assert_eq!(&path[span.clone()], "user-1");
        for other in ["user_2", "a b/c?d&e=f", "grüppe", ""] {
            let swapped = format!(
                "{}{}{}",
                &path[..span.start],
                encode_query_value(other),
                &path[span.end..]
            );
            assert_eq!(swapped, with(other).path_and_query(), "{other}");
        }

        // Twice, or not at all: nothing to swap.
        let mut twice = with("x");
        twice.query.push(("after".to_owned(), "y".to_owned()));
        assert_eq!(twice.path_and_query_marking("after").1, None);
        assert_eq!(with("x").path_and_query_marking("before").1, None);
    }

    #[test]
    fn segments_are_encoded_so_they_cannot_change_the_route() {
        assert_eq!(encode_segment("group_01ABC-x.y~z"), "group_01ABC-x.y~z");
        assert_eq!(encode_segment("a/b"), "a%2Fb");
        assert_eq!(encode_segment("../x"), "..%2Fx");
        assert_eq!(encode_segment("a?b#c%d e"), "a%3Fb%23c%25d%20e");
        assert_eq!(encode_segment("grüppe"), "gr%C3%BCppe");
    }

    #[test]
    fn only_unreserved_characters_stay_as_they_are() {
        // RFC 3986: ALPHA / DIGIT / "-" / "." / "_" / "~"; every other UTF-8 byte as upper-case %XX.
        let unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
        for c in (0..=0x7f_u8)
            .map(char::from)
            .chain(['é', '€', '😀', '\u{7ff}'])
        {
            let text = c.to_string();
            let expected = if unreserved.contains(c) {
                text.clone()
            } else {
                text.bytes().map(|b| format!("%{b:02X}")).collect()
            };
            assert_eq!(encode_segment(&text), expected, "{c:?}");
            assert_eq!(encode_query_value(&text), expected, "{c:?}");
        }
    }

    #[test]
    fn text_is_encoded_byte_by_byte_between_runs() {
        // Runs of unreserved characters between escaped bytes, non-ASCII ones included, as the
        // byte-at-a-time rule writes them.
        let by_byte = |text: &str| -> String {
            text.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        char::from(b).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect()
        };
        for text in [
            "",
            "group_01",
            "/",
            "a/b",
            "é",
            "éa",
            "aé",
            "ab/é-€x😀y z~",
            "%%",
            "user-1 ?&=#",
            "😀😀ab😀",
        ] {
            let mut pushed = String::from("/x/");
            push_path_param(&mut pushed, "id", text).ok();
            let expected = if text.is_empty() {
                "/x/".to_owned()
            } else {
                format!("/x/{}", by_byte(text))
            };
            assert_eq!(pushed, expected, "{text:?}");
            assert_eq!(encode_query_value(text), by_byte(text), "{text:?}");
        }
    }

    #[test]
    fn empty_path_params_are_rejected_by_name() {
        let param = |name: &'static str, value: &str| {
            let mut out = String::new();
            push_path_param(&mut out, name, value).map(|()| out)
        };
        let err = param("group_id", "").unwrap_err();
        assert_eq!(err.param(), Some("group_id"));
        assert!(err.to_string().contains("group_id"));
        assert_eq!(param("user_id", "..").unwrap_err().param(), Some("user_id"));
        assert_eq!(param("user_id", "a..b").unwrap(), "a..b");
    }

    #[test]
    fn query_is_encoded_in_order() {
        let mut req = ApiRequest::new(Method::Get, "/organization/users".into());
        req.query
            .push(("emails[]".into(), "a+b@example.com".into()));
        req.query.push(("limit".into(), "5".into()));
        assert_eq!(
            req.url("http://127.0.0.1:1/v1/"),
            "http://127.0.0.1:1/v1/organization/users?emails%5B%5D=a%2Bb%40example.com&limit=5"
        );
    }
}
