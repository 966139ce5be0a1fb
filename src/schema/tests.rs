//! The checker's own cases, on small schemas of their own.

use super::json::unescape;
use super::*;

const ITEM: Schema = Schema {
    name: "Item",
    tolerant: false,
    fields: &[
        Field::new("id", Ty::Str),
        Field::new("created_at", Ty::Int),
        Field::opt("kind", Ty::Enum(&["a", "b"])).nullable(),
    ],
};
const LIST: Schema = Schema {
    name: "List",
    tolerant: false,
    fields: &[
        Field::new("data", Ty::Arr(&Ty::Obj(&ITEM))),
        Field::new("has_more", Ty::Bool),
        Field::opt("next", Ty::Str).nullable(),
    ],
};
const PARAMS: Schema = Schema {
    name: "Params",
    tolerant: false,
    fields: &[
        Field::opt("limit", Ty::UInt).range(Some(0), Some(1000)),
        Field::opt("emails", Ty::Arr(&Ty::Str)),
        Field::new("name", Ty::Str).len(Some(1), Some(255)),
        Field::opt("description", Ty::Str).nullable(),
        Field::opt("order", Ty::Enum(&["asc", "desc"])),
        Field::opt("score", Ty::Num).range(None, Some(5)),
        Field::opt("headers", Ty::StrMap),
        Field::opt("item", Ty::Obj(&ITEM)),
    ],
};

#[test]
fn a_page_is_checked() {
    let body = r#" {"object":"list","data":[{"id":"a","created_at":1,"x":{"y":[1,2.5e3,null]}},{"id":"b\"\u00e9","created_at":-2,"kind":"b"}],"has_more":true,"next":"c\/d"} "#;
    assert_eq!(validate(&LIST, body), Ok(()));
    let empty = r#"{"data":[],"has_more":false,"next":null}"#;
    assert_eq!(validate(&LIST, empty), Ok(()));
}

#[test]
fn mismatches_name_the_path() {
    let err = validate(
        &LIST,
        r#"{"data":[{"id":"a","created_at":1},{"id":"b","created_at":"x"}],"has_more":false}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "data[1].created_at: expected an integer, got a string"
    );
    let err = validate(&LIST, r#"{"data":[{"id":"a"}],"has_more":false}"#).unwrap_err();
    assert_eq!(err.to_string(), "data[0].created_at: missing");
    let err = validate(
        &LIST,
        r#"{"data":[{"id":"a","created_at":1.5}],"has_more":false}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "data[0].created_at: expected an integer, got 1.5"
    );
    let err = validate(
        &LIST,
        r#"{"data":[{"id":"a","created_at":1,"kind":"c"}],"has_more":false}"#,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "data[0].kind: `c` is not one of `a`, `b`");
    let err = validate(&LIST, r#"{"data":null,"has_more":false}"#).unwrap_err();
    assert_eq!(err.to_string(), "data: expected an array, got null");
    assert_eq!(
        validate(&LIST, "[]").unwrap_err().to_string(),
        "expected an object (List), got an array"
    );
}

#[test]
fn broken_json_is_reported_as_such() {
    for body in [
        "",
        "   ",
        "{",
        r#"{"data":[{"id":"a","#,
        r#"{"data":[],"has_more":false} x"#,
        r#"{"data":[],"has_more":fals}"#,
        r#"{"data":[01],"has_more":false}"#,
        "{\"data\":[],\"has_more\":false,\"next\":\"a\u{1}\"}",
        r#"{"data":[],"has_more":false,"next":"\x"}"#,
        "<html>",
    ] {
        let err = validate(&LIST, body).unwrap_err();
        assert!(
            err.message.contains("JSON") || err.message.contains("empty"),
            "{body}: {err}"
        );
    }
}

#[test]
fn a_fault_at_the_end_still_quotes_what_came_before() {
    let err = validate(&LIST, r#"{"data":[],"has_more":false,"next":"abc"#).unwrap_err();
    assert!(
        err.message.ends_with(r#","has_more":false,"next":"abc"#),
        "{err}"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!(
        r#"{{"data":[],"has_more":false,"x":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(validate(&LIST, &deep)
        .unwrap_err()
        .message
        .contains("deeply"));
}

#[test]
fn unknown_fields_are_read_past() {
    assert!(validate(
        &PARAMS,
        r#"{"name":"n","limit":5,"emails":["a@x"],"colour":1}"#
    )
    .is_ok());
    assert_eq!(
        validate(&PARAMS, r#"{"name":"n","limit":-1}"#)
            .unwrap_err()
            .field(),
        Some("limit")
    );
}

fn request_fault(json: &str) -> (Option<String>, String) {
    let invalid = check_request(&PARAMS, json).unwrap_err();
    (invalid.field().map(str::to_owned), invalid.to_string())
}

#[test]
fn a_request_is_refused_only_where_it_cannot_succeed() {
    for ok in [
        r#"{"name":"n"}"#,
        r#"{"name":"n","limit":0,"colour":"red","x":{"y":[null]}}"#,
        r#"{"name":"n","limit":1000,"order":"sideways"}"#,
        r#"{"name":"n","description":null}"#,
        r#"{"name":"n","score":-2.5e3,"headers":{"a":"b","c":null}}"#,
        r#"{"name":"n","item":{"id":"i","created_at":1,"kind":"zzz"}}"#,
        r#"{"name":"n","emails":[]}"#,
        &format!(r#"{{"name":"{}"}}"#, "ü".repeat(255)),
    ] {
        assert_eq!(check_request(&PARAMS, ok), Ok(()), "{ok}");
    }
    let cases = [
        (r#"{}"#, "name", "name: missing"),
        (
            r#"{"name":""}"#,
            "name",
            "name: must be 1 to 255 characters long, got 0",
        ),
        (
            r#"{"name":3}"#,
            "name",
            "name: expected a string, got a number",
        ),
        (
            r#"{"name":null}"#,
            "name",
            "name: expected a string, got null",
        ),
        (
            r#"{"name":"n","limit":1001}"#,
            "limit",
            "limit: must be 0 to 1000, got 1001",
        ),
        (
            r#"{"name":"n","limit":-1}"#,
            "limit",
            "limit: must be 0 to 1000, got -1",
        ),
        (
            r#"{"name":"n","limit":99999999999999999999}"#,
            "limit",
            "limit: 99999999999999999999 is not a non-negative integer",
        ),
        (
            r#"{"name":"n","limit":1.5}"#,
            "limit",
            "limit: expected a non-negative integer, got 1.5",
        ),
        (
            r#"{"name":"n","limit":"5"}"#,
            "limit",
            "limit: expected a non-negative integer, got a string",
        ),
        (
            r#"{"name":"n","limit":null}"#,
            "limit",
            "limit: expected a non-negative integer, got null",
        ),
        (
            r#"{"name":"n","order":1}"#,
            "order",
            "order: expected one of `asc`, `desc`, got a number",
        ),
        (
            r#"{"name":"n","emails":["a",3]}"#,
            "emails",
            "emails[1]: expected a string, got a number",
        ),
        (
            r#"{"name":"n","score":6}"#,
            "score",
            "score: must be at most 5, got 6",
        ),
        (
            r#"{"name":"n","headers":{"a":1}}"#,
            "headers",
            "headers.a: expected a string, got a number",
        ),
        (
            r#"{"name":"n","item":{"id":"i"}}"#,
            "item",
            "item.created_at: missing",
        ),
    ];
    for (json, field, message) in cases {
        assert_eq!(
            request_fault(json),
            (Some(field.to_owned()), message.to_owned()),
            "{json}"
        );
    }
    let (field, message) = request_fault(&format!(r#"{{"name":"{}"}}"#, "x".repeat(256)));
    assert_eq!(field.as_deref(), Some("name"));
    assert!(message.ends_with("got 256"), "{message}");
    for not_object in ["[]", "null", "\"x\"", "", "{", r#"{"name":"n"} x"#] {
        assert_eq!(request_fault(not_object).0, None, "{not_object}");
    }
    assert_eq!(
        request_fault("[1]").1,
        "expected an object (Params), got an array"
    );
}

fn read(body: &str) -> Result<Vec<String>, String> {
    let mut drift = Vec::new();
    check_response(&LIST, body, Some("next"), &mut drift).map_err(|e| e.to_string())?;
    Ok(drift.iter().map(ToString::to_string).collect())
}

#[test]
fn an_answer_is_read_with_its_differences_reported_as_drift() {
    assert_eq!(
        read(r#"{"data":[{"id":"a","created_at":1,"kind":null}],"has_more":false,"next":null}"#),
        Ok(vec![])
    );
    assert_eq!(
        read(
            r#"{"data":[{"id":"a","kind":"c","color":"red"},{"id":"b","kind":"d","created_at":1.5},{"id":3,"created_at":"x"}],"has_more":true,"next":"b","extra":{}}"#
        ),
        Ok(vec![
            "data[].kind is \"c\", not one of the spec's values (a, b)".to_owned(),
            "data[].color is not in the spec (unknown field)".to_owned(),
            "data[].created_at is missing (the spec requires it)".to_owned(),
            "data[].created_at is not an integer (the spec says integer)".to_owned(),
            "data[].id is not a string (the spec says string)".to_owned(),
            "extra is not in the spec (unknown field)".to_owned(),
        ])
    );
    assert_eq!(
        read(r#"{"next":"x"}"#),
        Ok(vec![
            "data is missing (the spec requires it)".to_owned(),
            "has_more is missing (the spec requires it)".to_owned(),
        ])
    );
    assert_eq!(
        read(r#"{"data":[null],"has_more":false}"#),
        Ok(vec![
            "data[] is not an object (the spec says object)".to_owned()
        ])
    );
}

#[test]
fn a_sample_compares_only_the_first_items_and_still_reads_the_rest() {
    let body = r#"{"data":[{"id":"a","created_at":1},{"id":"b","created_at":2,"color":"red"},{"id":3}],"has_more":false,"next":null}"#;
    let sample = |items: usize, body: &str| {
        let mut drift = Vec::new();
        check_response_sample(&LIST, body, Some("next"), items, &mut drift)
            .map(|()| drift.iter().map(ToString::to_string).collect::<Vec<_>>())
            .map_err(|e| e.to_string())
    };
    assert_eq!(sample(1, body), Ok(vec![]));
    assert_eq!(
        sample(2, body),
        Ok(vec![
            "data[].color is not in the spec (unknown field)".to_owned()
        ])
    );
    assert_eq!(sample(usize::MAX, body), read(body));
    // Items past the sample are still read: broken JSON there is still an error.
    let broken = r#"{"data":[{"id":"a","created_at":1},{"id":"b",}],"has_more":false}"#;
    assert!(sample(1, broken).is_err());
    // The envelope is checked whatever the sample.
    assert!(sample(0, r#"{"data":{},"has_more":false}"#).is_err());
}

#[test]
fn an_answer_fails_only_where_the_client_cannot_go_on() {
    for (body, message) in [
        (
            r#"{"data":{},"has_more":false}"#,
            "data: expected an array, got an object",
        ),
        (
            r#"{"data":null,"has_more":false}"#,
            "data: expected an array, got null",
        ),
        (
            r#"{"data":[],"has_more":"no"}"#,
            "has_more: expected a boolean, got a string",
        ),
        (
            r#"{"data":[],"has_more":null}"#,
            "has_more: expected a boolean, got null",
        ),
        (
            r#"{"data":[],"has_more":true,"next":5}"#,
            "next: expected a string or null, got a number",
        ),
        ("[]", "expected an object (List), got an array"),
        ("", "the body is empty"),
    ] {
        assert_eq!(read(body), Err(message.to_owned()), "{body}");
    }
    assert!(read(r#"{"data":[{"id":"a","x":[}],"has_more":false}"#)
        .unwrap_err()
        .contains("not valid JSON"));
    // Another cursor field, or none, leaves `next` to the drift report.
    let mut drift = Vec::new();
    let body = r#"{"data":[],"has_more":true,"next":5}"#;
    assert_eq!(check_response(&LIST, body, None, &mut drift), Ok(()));
    assert_eq!(drift[0].kind, DriftKind::WrongType("string"));
    // Not a list: no envelope.
    let mut drift = Vec::new();
    let item = r#"{"id":"a","created_at":1,"has_more":1,"data":2,"next":3}"#;
    assert_eq!(
        check_response(&ITEM, item, Some("next"), &mut drift),
        Ok(())
    );
    assert_eq!(drift.len(), 3);
}

#[test]
fn drift_is_reported_once_per_path_and_kind_across_calls() {
    let mut drift = Vec::new();
    let body = r#"{"data":[{"id":"a","created_at":1,"kind":"c"},{"id":"b","created_at":2,"kind":"d"}],"has_more":false}"#;
    check_response(&LIST, body, Some("next"), &mut drift).unwrap();
    check_response(&LIST, body, Some("next"), &mut drift).unwrap();
    assert_eq!(
        drift,
        [Drift {
            path: "data[].kind".into(),
            kind: DriftKind::Enum("c".into(), &["a", "b"]),
        }]
    );
}

#[test]
fn a_known_field_given_twice_is_refused_as_serde_refuses_it() {
    // Found by fuzzing (fuzz/fuzz_targets/schema_validate.rs): accepted, while serde's
    // derive says "duplicate field".
    let err = validate(
        &LIST,
        r#"{"data":[{"id":"a","created_at":1,"id":"b"}],"has_more":false}"#,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "data[0].id: duplicate field");
    let err = validate(
        &LIST,
        r#"{"data":[],"has_more":false,"next":null,"next":"x"}"#,
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("next"));
    // Unknown fields are ignored, as serde ignores them, however often they come.
    assert!(validate(&LIST, r#"{"data":[],"has_more":false,"x":1,"x":2}"#).is_ok());
}

#[test]
fn minus_zero_and_lone_surrogates_are_refused_where_serde_refuses_them() {
    // Found by fuzzing (fuzz/fuzz_targets/schema_validate.rs): serde_json reads `-0` as a
    // float, and refuses a lone surrogate escape in a string it reads (a key or a field),
    // but not in a value it skips.
    let item = |id: &str, created_at: &str| {
        format!(r#"{{"data":[{{"id":"{id}","created_at":{created_at}}}],"has_more":false}}"#)
    };
    assert_eq!(
        validate(&LIST, &item("a", "-0")).unwrap_err().to_string(),
        "data[0].created_at: expected an integer, got -0"
    );
    assert!(validate(&LIST, &item("a", "0")).is_ok());
    assert!(validate(&PARAMS, r#"{"limit":-0}"#).is_err());
    for id in [r"g\ud800", r"\udc00", r"\ud800\u0041", r"\ud800x"] {
        let err = validate(&LIST, &item(id, "1")).unwrap_err();
        assert!(err.message.contains("lone surrogate"), "{id}: {err}");
    }
    assert!(validate(&LIST, &item(r"\ud83d\ude00 \\ud800", "1")).is_ok());
    let key = r#"{"data":[],"has_more":false,"\udc00":1}"#;
    assert!(validate(&LIST, key).is_err());
    let skipped = r#"{"data":[],"has_more":false,"x":"\ud800","y":{"\udc00":[]}}"#;
    assert!(validate(&LIST, skipped).is_ok());
}

#[test]
fn unescape_decodes_surrogate_pairs() {
    assert_eq!(unescape(r"a\ud83d\ude00b\n"), "a\u{1F600}b\n");
    assert_eq!(unescape(r"\ud83d"), "\u{FFFD}");
}
