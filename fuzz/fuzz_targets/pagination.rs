//! Arbitrary cursors through the core's part of paging, as the package calls it: `prepare`
//! marks where a list request's `after` sits (`path_and_query_marking`), and the package's page
//! cache swaps the next cursor in with `encodeQueryValue` (`encode_query_value`) instead of
//! preparing again. For every list and any two cursors, the swapped request is exactly the one
//! the core builds for the second cursor, and the cache's shortcut holds: a cursor of unreserved
//! characters only is encoded as itself. Where the next page starts is the page classes'
//! decision (`pkg-template/src/pagination.ts`), not fuzzed here.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::ops::{build, Operation, OPERATIONS};
use openai_admin_wasm::request::{encode_query_value, push_json_string};
use openai_admin_wasm::ApiRequest;

/// The request of list `op` with `after`, and the parameters before and after it in the query.
fn list_request(op: &Operation, after: &str, order: bool) -> ApiRequest {
    let mut params = String::from("{");
    // Path parameters other than the positional one travel in the params object.
    for name in op.path_params().filter(|p| Some(*p) != op.positional()) {
        params.push_str(&format!("\"{name}\":\"parent_0\","));
    }
    params.push_str("\"limit\":10,\"after\":");
    push_json_string(&mut params, after);
    if order {
        params.push_str(",\"order\":\"desc\"");
    }
    params.push('}');
    build(op, op.positional().map(|_| "parent_1"), Some(&params)).expect("a list request")
}

/// RFC 3986 "unreserved": the characters the package's page cache sends without calling the
/// core (`UNRESERVED` in the TypeScript).
fn unreserved(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (first, second) = text.split_once('\u{0}').unwrap_or((text, ""));
    let encoded = encode_query_value(second);
    if unreserved(second) {
        assert_eq!(encoded, second);
    }
    assert!(!encoded.contains(['#', ' ', '/', '?', '&', '=']), "{encoded}");
    for op in OPERATIONS.iter().filter(|op| op.cursor.is_some()) {
        for order in [false, true] {
            if order && op.name == "users.list" {
                continue;
            }
            let (path, marked) = list_request(op, first, order).path_and_query_marking("after");
            let marked = marked.expect("one `after`, marked");
            assert_eq!(path[marked.clone()], encode_query_value(first));
            let swapped = format!("{}{encoded}{}", &path[..marked.start], &path[marked.end..]);
            let (expected, _) = list_request(op, second, order).path_and_query_marking("after");
            assert_eq!(swapped, expected, "{}", op.name);
        }
    }
});
