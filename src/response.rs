//! Turning a response (status, request id, body) into a typed model or a typed error.

use serde::de::DeserializeOwned;

use crate::error::{ApiError, Error};
use crate::ops::Operation;
use crate::request::push_json_string;
use crate::schema::json::{members, raw_to_text, snippet};
use crate::schema::{check_response_sample, Drift, DriftKind};

/// Parses a response: a 2xx body into `T`, anything else into [`Error::Api`].
///
/// A 2xx body that does not match `T` gives [`Error::Decode`] naming the field at fault, e.g.
/// `data[2].created_at: invalid type: string "x", expected u64`.
pub fn parse_response<T: DeserializeOwned>(
    status: u16,
    request_id: Option<&str>,
    body: &str,
) -> Result<T, Error> {
    if !(200..300).contains(&status) {
        return Err(Error::Api(Box::new(api_error(status, request_id, body))));
    }
    decode(body).map_err(|message| Error::Decode {
        message,
        status,
        request_id: request_id.map(str::to_owned),
    })
}

/// Reads the answer to operation `op` (status, `x-request-id`, body) for a Rust transport, with
/// the checks the package's `parseAnswer` makes: a non-2xx answer is the [`Error::Api`] that
/// [`api_error`] reads; a 2xx body is read into `T`, and one that `T` refuses is
/// [`Error::Decode`]: the tolerant reader's verdict ([`check_response_sample`]: not JSON, not an
/// object, a list's envelope of the wrong JSON type), else serde's message naming the field.
/// With `drift`, every difference from the spec's model is pushed to it (the reader's report);
/// the outcome is the same with or without it.
pub fn read_answer<T: DeserializeOwned>(
    op: &Operation,
    status: u16,
    request_id: Option<&str>,
    body: &str,
    drift: Option<&mut Vec<Drift>>,
) -> Result<T, Error> {
    if !(200..300).contains(&status) {
        return Err(Error::Api(Box::new(api_error(status, request_id, body))));
    }
    let unusable = |invalid: crate::schema::Invalid| Error::Decode {
        message: invalid.to_string(),
        status,
        request_id: request_id.map(str::to_owned),
    };
    // With a drift report, the tolerant reader walks the whole body first.
    let verdict =
        drift.map(|drift| check_response_sample(op.result, body, op.cursor, usize::MAX, drift));
    // Whatever the model reads is used: the reader fails only on what serde refuses too (not
    // JSON, not an object, a list's envelope of the wrong type). Only a body the model refuses
    // is walked again, for the reader's verdict, and else for the path of the value of the wrong
    // type, which serde's message does not name. (Not `decode`'s `serde_path_to_error`: it
    // would compile every model's deserializer a second time into a Rust caller's wasm.)
    match serde_json::from_str::<T>(body) {
        Ok(value) => Ok(value),
        Err(error) => {
            verdict.unwrap_or(Ok(())).map_err(unusable)?;
            let mut found = Vec::new();
            check_response_sample(op.result, body, op.cursor, usize::MAX, &mut found)
                .map_err(unusable)?;
            let wrong = found
                .iter()
                .find(|d| matches!(d.kind, DriftKind::WrongType(_)));
            let message = match wrong {
                Some(drift) => format!("{}: {error}", drift.path),
                None => error.to_string(),
            };
            Err(Error::Decode {
                message,
                status,
                request_id: request_id.map(str::to_owned),
            })
        }
    }
}

/// Deserializes a successful body, describing a mismatch by the path of the field at fault.
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, String> {
    if body.trim().is_empty() {
        return Err("the body is empty".to_owned());
    }
    let mut de = serde_json::Deserializer::from_str(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            format!("not valid JSON ({inner}): {}", snippet(body))
        } else if path == "." {
            inner.to_string()
        } else {
            format!("{path}: {inner}")
        }
    })?;
    de.end()
        .map_err(|err| format!("not valid JSON ({err}): {}", snippet(body)))?;
    Ok(value)
}

/// Builds the error for a non-2xx response from whatever its body holds.
pub fn api_error(status: u16, request_id: Option<&str>, body: &str) -> ApiError {
    // The `error` member of a JSON object body, as raw JSON text.
    let error: Option<&str> = members(body).and_then(|members| {
        members
            .into_iter()
            .rev()
            .find(|(key, _)| key == "error")
            .map(|(_, raw)| raw)
    });
    let error_members = error.and_then(members).unwrap_or_default();
    let field = |name: &str| -> Option<String> {
        // The last of duplicate keys, as `JSON.parse` reads them.
        let raw = error_members.iter().rev().find(|(key, _)| key == name)?.1;
        raw_to_text(raw)
    };
    let detail = match (field("message"), error) {
        (Some(message), _) => Some(message),
        (None, Some(error)) if error != "null" => Some(error.to_owned()),
        _ if body.trim().is_empty() => None,
        _ => Some(snippet(body)),
    };
    let message = match detail {
        Some(detail) => format!("{status} {detail}"),
        None => format!("{status} status code (no body)"),
    };
    ApiError {
        status,
        message,
        error_type: field("type"),
        param: field("param"),
        code: field("code"),
        request_id: request_id.map(str::to_owned),
        error_json: match error {
            Some(error) => Some(error.to_owned()),
            None if body.trim().is_empty() => None,
            None => {
                let mut text = String::new();
                push_json_string(&mut text, &snippet(body));
                Some(text)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::json::SNIPPET_CHARS;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        id: String,
        created_at: u64,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct List {
        data: Vec<Item>,
    }

    #[test]
    fn a_2xx_body_decodes() {
        let list: List = parse_response(
            200,
            None,
            r#"{"data":[{"id":"a","created_at":1,"extra":true}]}"#,
        )
        .unwrap();
        assert_eq!(list.data[0].id, "a");
    }

    #[test]
    fn a_mismatched_body_names_the_field() {
        let body = r#"{"data":[{"id":"a","created_at":1},{"id":"b","created_at":"x"}]}"#;
        let err = parse_response::<List>(200, Some("req_1"), body).unwrap_err();
        let Error::Decode {
            message,
            request_id,
            ..
        } = &err
        else {
            panic!("{err:?}")
        };
        assert!(message.starts_with("data[1].created_at:"), "{message}");
        assert_eq!(request_id.as_deref(), Some("req_1"));
        let missing = parse_response::<List>(200, None, r#"{"data":[{"id":"a"}]}"#).unwrap_err();
        assert!(missing.to_string().contains("created_at"), "{missing}");
    }

    #[test]
    fn empty_truncated_and_trailing_bodies_are_decode_errors() {
        for body in [
            "",
            "  ",
            r#"{"data":[{"id":"a","#,
            r#"{"data":[]} x"#,
            "<html>",
        ] {
            let err = parse_response::<List>(200, None, body).unwrap_err();
            assert!(matches!(err, Error::Decode { .. }), "{body}: {err:?}");
        }
        let err = parse_response::<List>(200, None, "").unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
    }

    #[test]
    fn an_openai_error_body_fills_every_field() {
        let body = r#"{"error":{"message":"No group found","type":"invalid_request_error","param":"group_id","code":"not_found"}}"#;
        let Error::Api(err) = parse_response::<List>(404, Some("req_9"), body).unwrap_err() else {
            panic!()
        };
        assert_eq!(err.status, 404);
        assert_eq!(err.message, "404 No group found");
        assert_eq!(err.error_type.as_deref(), Some("invalid_request_error"));
        assert_eq!(err.param.as_deref(), Some("group_id"));
        assert_eq!(err.code.as_deref(), Some("not_found"));
        assert_eq!(err.request_id.as_deref(), Some("req_9"));
    }

    #[test]
    fn null_fields_stay_none() {
        let body =
            r#"{"error":{"message":"slow down","type":"rate_limit","param":null,"code":null}}"#;
        let err = api_error(429, None, body);
        assert_eq!(err.status, 429);
        assert_eq!((err.param, err.code), (None, None));
    }

    #[test]
    fn a_proxy_page_gives_a_snippet() {
        let page = format!(
            "<html><body><h1>502 Bad Gateway</h1>{}</body></html>",
            "x".repeat(500)
        );
        let err = api_error(502, None, &page);
        assert_eq!(err.status, 502);
        assert!(err
            .message
            .starts_with("502 <html><body><h1>502 Bad Gateway</h1>"));
        assert!(err.message.chars().count() < 220, "{}", err.message);
        assert!(err.error_type.is_none());
    }

    #[test]
    fn an_empty_error_body_says_so() {
        assert_eq!(
            api_error(503, None, "").message,
            "503 status code (no body)"
        );
        assert_eq!(api_error(500, None, r#"{"error":{"type":"x""#).status, 500);
    }

    #[test]
    fn duplicate_keys_read_as_json_parse_reads_them() {
        // Found by fuzzing (fuzz/fuzz_targets/error_body.rs): the first of two `type` keys was
        // read, where JSON.parse and serde_json keep the last.
        let body = r#"{"error": {"message": "Invalid limit", "type": "invalid_request_error", "param": "limit", "code": "integerlid limit", "type": "inv_below_min_value"}}"#;
        let err = api_error(400, None, body);
        assert_eq!(err.error_type.as_deref(), Some("inv_below_min_value"));
        let twice = r#"{"error":{"message":"first"},"error":{"message":"second","code":"c"}}"#;
        let err = api_error(400, None, twice);
        assert_eq!(err.message, "400 second");
        assert_eq!(err.code.as_deref(), Some("c"));
    }

    #[test]
    fn snippets_cut_on_char_boundaries() {
        let text = "é".repeat(300);
        assert_eq!(snippet(&text).chars().count(), SNIPPET_CHARS + 1);
    }

    #[test]
    fn read_answer_names_the_value_the_model_refuses_and_fills_what_is_missing() {
        let op = crate::ops::find("groups.list").unwrap();
        let body = r#"{"data":[{"id":"g","name":"n","created_at":"yesterday","is_scim_managed":false,"group_type":"group"}],"has_more":false}"#;
        for drift in [None, Some(&mut Vec::new())] {
            let err = read_answer::<crate::groups::GroupList>(op, 200, Some("req_1"), body, drift)
                .unwrap_err();
            let Error::Decode {
                message,
                status,
                request_id,
            } = err
            else {
                panic!("{err:?}")
            };
            assert!(
                message.starts_with("data[].created_at: invalid type"),
                "{message}"
            );
            assert_eq!((status, request_id.as_deref()), (200, Some("req_1")));
        }
        // The reader's verdict first: an envelope of the wrong type, not JSON, nothing.
        for (body, says) in [
            (r#"{"data":{},"has_more":false}"#, "data: expected an array"),
            ("{", "not valid JSON"),
            ("", "the body is empty"),
        ] {
            let err =
                read_answer::<crate::groups::GroupList>(op, 200, None, body, None).unwrap_err();
            assert!(err.to_string().contains(says), "{body}: {err}");
        }
        // A missing field is no refusal; the report names it.
        let mut drift = Vec::new();
        let list = read_answer::<crate::groups::GroupList>(
            op,
            200,
            None,
            r#"{"data":[{"id":"g"}],"has_more":false}"#,
            Some(&mut drift),
        )
        .unwrap();
        assert_eq!(list.data[0].name, "");
        assert!(drift
            .iter()
            .any(|d| d.path == "data[].name" && d.kind == DriftKind::Missing));
    }
}
