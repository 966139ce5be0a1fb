//! Arbitrary status and body through the error path: `api_error` never panics, keeps the status
//! (the package picks the class from it), and reads `error.message/type/param/code` as a JSON
//! parser does; `members`, `elements` and `raw_to_text` agree with serde_json on what is JSON and
//! what a string says.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::error::Error;
use openai_admin_wasm::parse_response;
use openai_admin_wasm::response::api_error;
use openai_admin_wasm::schema::json::snippet;
use openai_admin_wasm::schema::{elements, members, raw_to_text};
use serde::de::IgnoredAny;
use serde_json::Value;

/// Deepest nesting the schema module's checker follows (serde_json goes to 128).
const SHALLOW: usize = 60;

/// Whether `text` cannot nest deeper than the checker's limit.
fn shallow(text: &str) -> bool {
    text.bytes().filter(|b| matches!(b, b'[' | b'{')).count() < SHALLOW
}

/// serde_json's syntax check. `IgnoredAny`, unlike `Value`, accepts lone surrogate escapes
/// (`"\ud800"`), which JSON's grammar allows and `members` accepts too.
fn is_json(text: &str) -> bool {
    serde_json::from_str::<IgnoredAny>(text).is_ok()
}

fn check_raw_value(raw: &str) {
    assert!(is_json(raw), "a member's raw value is not JSON: {raw:?}");
    let text = raw_to_text(raw);
    if raw == "null" {
        assert_eq!(text, None);
    } else if let Ok(s) = serde_json::from_str::<String>(raw) {
        assert_eq!(
            text.as_deref(),
            Some(s.as_str()),
            "unescaped differently: {raw:?}"
        );
    } else if !raw.starts_with('"') {
        assert_eq!(text.as_deref(), Some(raw));
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]);
    let Ok(body) = std::str::from_utf8(&data[2..]) else {
        return;
    };

    let err = api_error(status, Some("req_1"), body);
    assert_eq!(err.status, status);
    assert_eq!(err.status, status);
    assert!(
        err.message.starts_with(&format!("{status} ")),
        "{:?}",
        err.message
    );
    assert_eq!(err.request_id.as_deref(), Some("req_1"));
    if let Some(json) = &err.error_json {
        assert!(is_json(json), "error_json is not JSON: {json:?}");
    }
    // What a JSON parser reads from `{"error": {...}}`.
    if let Ok(Value::Object(top)) = serde_json::from_str::<Value>(body) {
        if let Some(Value::Object(error)) = top.get("error") {
            // Strings and null only: other values come back as their raw JSON text, which
            // serde_json would reformat.
            let same = |key: &str, got: &Option<String>| match error.get(key) {
                Some(Value::String(s)) => assert_eq!(got.as_ref(), Some(s), "{key} of {body:?}"),
                Some(Value::Null) | None => assert_eq!(got, &None, "{key} of {body:?}"),
                Some(_) => assert!(got.is_some(), "{key} of {body:?}"),
            };
            if shallow(body) {
                if let Some(Value::String(message)) = error.get("message") {
                    assert_eq!(err.message, format!("{status} {message}"), "{body:?}");
                }
                same("type", &err.error_type);
                same("param", &err.param);
                same("code", &err.code);
            }
        }
    }
    // Through `parse_response` for an error status, the same error.
    if !(200..300).contains(&status) {
        match parse_response::<Value>(status, Some("req_1"), body) {
            Err(Error::Api(api)) => assert_eq!(*api, err),
            other => panic!("{status} gave {other:?}"),
        }
    }

    let cut = snippet(body);
    assert!(cut.chars().count() <= 201, "{cut:?}");

    // `members`: Some exactly for a JSON object (within the depth limit).
    let parsed = members(body);
    let object = is_json(body) && body.trim_start().starts_with('{');
    if let Some(members) = &parsed {
        assert!(
            object,
            "members of something that is not a JSON object: {body:?}"
        );
        for (_, raw) in members {
            check_raw_value(raw);
        }
    } else if shallow(body) {
        assert!(!object, "a JSON object without members: {body:?}");
    }
    // `elements`: Some exactly for a JSON array (within the depth limit).
    let array = is_json(body) && body.trim_start().starts_with('[');
    match elements(body) {
        Some(items) => {
            assert!(
                array,
                "elements of something that is not a JSON array: {body:?}"
            );
            items.into_iter().for_each(check_raw_value);
        }
        None if shallow(body) => assert!(!array, "a JSON array without elements: {body:?}"),
        None => {}
    }
    let _ = raw_to_text(body);
});
