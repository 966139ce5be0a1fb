//! Errors as the exports describe them, on real answers of the mock: `apiError`'s class name,
//! status, code, param and request id (also for error bodies that are not the API's JSON);
//! `prepare` refusing arguments that cannot succeed before anything is sent; `parseAnswer` (and
//! `checkPage`, for a page already parsed) refusing bodies and list envelopes the client cannot
//! use, and `parseAnswer` reporting drift from the models.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// `value[key]` of a JSON value, cloned.
fn get_json(value: &Value, key: &str) -> Value {
    value.get(key).cloned().unwrap_or(Value::Null)
}

#[wasm_bindgen_test]
async fn unknown_group_is_a_not_found_error_with_status_and_request_id() {
    let error = err(
        call("groups.retrieve", "group_does_not_exist".into(), none()),
        404,
    )
    .await;
    assert_eq!(number(&error, "status"), 404.0);
    let request_id = string(&error, "requestID");
    assert!(request_id.starts_with("req_"), "{request_id}");
    // The header the request id came from is passed on too (CORS exposes it in browsers).
    assert_eq!(string(&error, "headers.x-request-id"), request_id);
    assert_eq!(string(&error, "type"), "invalid_request_error");
    let message = string(&error, "message");
    assert!(message.starts_with("404 "), "{message}");
    assert!(message.contains("group_does_not_exist"), "{message}");
    // The raw error body is kept as `error`.
    assert_eq!(string(&error, "error.message"), message["404 ".len()..]);
}

#[wasm_bindgen_test]
async fn ids_are_percent_encoded_into_the_path() {
    let request = api::prepare("groups.retrieve", "a/b?#c".into(), none(), none())
        .unwrap_or_else(|e| panic!("refused: {}", describe(&e)));
    assert_eq!(string(&request, "method"), "GET");
    assert_eq!(
        string(&request, "path"),
        "/organization/groups/a%2Fb%3F%23c"
    );
    assert!(get(&request, "body").is_undefined());
    let error = err(call("groups.retrieve", "a/b?#c".into(), none()), 404).await;
    // The mock decoded the one path segment back to the whole id.
    assert!(
        string(&error, "message").contains("'a/b?#c'"),
        "{}",
        describe(&error)
    );
}

#[wasm_bindgen_test]
async fn bad_requests_name_the_param() {
    let role = new_role("wasm taken").await;
    let taken = string(
        &ok(call("roles.retrieve", role.clone().into(), none())).await,
        "name",
    );
    let error = err(
        call(
            "roles.create",
            none(),
            js(json!({ "role_name": taken, "permissions": [] })),
        ),
        400,
    )
    .await;
    assert_eq!(number(&error, "status"), 400.0);
    assert_eq!(string(&error, "param"), "role_name");
    assert_eq!(string(&error, "code"), "role_name_taken");
    assert!(string(&error, "requestID").starts_with("req_"));

    // Predefined roles cannot be deleted.
    let roles = ok(call("roles.list", none(), none())).await;
    let owner = array(&roles, "page.data")
        .into_iter()
        .find(|r| string(r, "name") == "Owner")
        .expect("the predefined Owner role");
    let error = err(
        call("roles.delete", string(&owner, "id").into(), none()),
        400,
    )
    .await;
    assert_eq!(string(&error, "param"), "role_id");
    assert_eq!(string(&error, "code"), "predefined_role_immutable");

    ok(call("roles.delete", role.into(), none())).await;
}

#[wasm_bindgen_test]
async fn a_wrong_key_is_an_authentication_error_that_does_not_echo_it() {
    let error = err(
        call_with(
            "groups.list",
            none(),
            none(),
            With::key("sk-admin-wrong-key-123"),
        ),
        401,
    )
    .await;
    assert_eq!(number(&error, "status"), 401.0);
    assert_eq!(string(&error, "code"), "invalid_api_key");
    assert!(!describe(&error).contains("sk-admin-wrong-key-123"));
}

#[wasm_bindgen_test]
async fn only_arguments_that_cannot_succeed_are_refused_before_any_request() {
    let group = new_group("wasm invalid args").await;
    clear_log().await;

    // (operation, id, params, the `param` its error must name); called one at a time, so that a
    // failed assertion leaves no rejected promise unhandled
    let cases: Vec<(&str, JsValue, JsValue, &str)> = vec![
        ("groups.retrieve", JsValue::from(42), none(), "group_id"),
        ("groups.retrieve", none(), none(), "group_id"),
        ("groups.retrieve", "".into(), none(), "group_id"),
        ("groups.delete", "..".into(), none(), "group_id"),
        ("groups.create", none(), none(), "name"),
        ("groups.create", none(), js(json!({ "name": "" })), "name"),
        ("groups.create", none(), js(json!({ "name": 5 })), "name"),
        ("groups.create", none(), js(json!([1])), "body"),
        ("groups.update", group.clone().into(), js(json!({})), "name"),
        ("groups.list", none(), js(json!({ "limit": 1001 })), "limit"),
        (
            "groups.list",
            none(),
            js(json!({ "limit": "ten" })),
            "limit",
        ),
        ("groups.list", none(), js(json!({ "after": 7 })), "after"),
        (
            "users.list",
            none(),
            js(json!({ "emails": "a@x" })),
            "emails",
        ),
        (
            "groups.users.retrieve",
            "user_x".into(),
            js(json!({})),
            "group_id",
        ),
        (
            "groups.users.retrieve",
            JsValue::NULL,
            js(json!({ "group_id": group })),
            "user_id",
        ),
        ("users.roles.delete", "role_x".into(), none(), "user_id"),
        (
            "roles.create",
            none(),
            js(json!({ "role_name": "r" })),
            "permissions",
        ),
        (
            "roles.create",
            none(),
            js(json!({ "role_name": "r", "permissions": [1] })),
            "permissions",
        ),
        (
            "users.update",
            "user_x".into(),
            js(json!({ "role": 3 })),
            "role",
        ),
        (
            "users.roles.create",
            "user_x".into(),
            js(json!({})),
            "role_id",
        ),
    ];
    let count = cases.len();
    let mut wrong = Vec::new();
    for (i, (op, id, params, param)) in cases.into_iter().enumerate() {
        let error = err(call(op, id, params), "InvalidArgumentError").await;
        assert!(
            string(&error, "message").contains("not sent"),
            "{}",
            describe(&error)
        );
        if get(&error, "param").as_string().as_deref() != Some(param) {
            wrong.push(format!(
                "case {i} ({op}): expected param {param:?}, got {}",
                describe(&error)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(count, 20);
    let log = logged().await;
    assert!(log.is_empty(), "requests reached the server: {log:?}");

    // What the schema leaves to the server is sent exactly as given.
    let sent: Vec<(&str, JsValue, serde_json::Value, &str)> = vec![
        (
            "groups.list",
            none(),
            json!({ "order": "sideways", "colour": "red" }),
            "colour=red&order=sideways",
        ),
        ("users.list", none(), json!({ "limit": 500 }), "limit=500"),
        ("users.list", none(), json!({ "limit": 0 }), "limit=0"),
        ("users.list", none(), json!({ "limit": -1 }), "limit=-1"),
    ];
    for (op, id, params, query) in sent {
        clear_log().await;
        let _ = settle_any(call(op, id, js(params))).await;
        let log = logged().await;
        assert_eq!(log.len(), 1, "{op}: {log:?}");
        assert_eq!(string(&log[0], "query"), query, "{op}");
    }
    for body in [
        json!({}),
        json!({ "role": "member" }),
        json!({ "developer_persona": null }),
    ] {
        clear_log().await;
        let _ = settle_any(call("users.update", "user_x".into(), js(body.clone()))).await;
        let log = logged().await;
        assert_eq!(log.len(), 1, "{body}: {log:?}");
        assert_eq!(string(&log[0], "body"), body.to_string(), "{body}");
    }
    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn only_a_body_the_client_cannot_use_is_an_api_error_and_drift_is_reported() {
    let group = new_group("wasm malformed").await;
    let path = format!("/v1/organization/groups/{group}");
    set_faults(json!([
        { "method": "GET", "path": path, "count": 1, "body_kind": "malformed" },
        { "method": "POST", "path": path, "count": 1, "status": 200, "body": [1, 2] },
        { "method": "GET", "path": path, "count": 1, "status": 200, "body": { "id": 7, "colour": "red" } },
    ]))
    .await;
    let retrieve = |with: With| call_with("groups.retrieve", group.clone().into(), none(), with);
    let error = err(retrieve(With::default()), 200).await;
    assert_eq!(number(&error, "status"), 200.0);
    assert!(string(&error, "requestID").starts_with("req_"));
    let rename = js(json!({ "name": "renamed" }));
    let error = err(call("groups.update", group.clone().into(), rename), 200).await;
    let message = string(&error, "message");
    assert!(
        message.contains("Invalid response body") && message.contains("not a JSON object"),
        "{message}"
    );

    // A body that only differs from the model reaches the caller as it came, with its drift.
    let result = settle_any(retrieve(With::check())).await.expect("a result");
    assert_eq!(number(&result, "data.id"), 7.0);
    assert_eq!(string(&result, "data.colour"), "red");
    let drift: Vec<String> = array(&result, "drift")
        .iter()
        .filter_map(|d| d.as_string())
        .collect();
    for expected in [
        "id is not a string",
        "name is missing",
        "colour is not in the spec",
    ] {
        assert!(
            drift.iter().any(|d| d.contains(expected)),
            "{expected}: {drift:?}"
        );
    }

    // Without `check`, no `drift`; with it, an answer as the spec says has none.
    let result = settle_any(retrieve(With::default()))
        .await
        .expect("a result");
    assert!(
        get(&result, "drift").is_undefined(),
        "{}",
        describe(&result)
    );
    let result = settle_any(retrieve(With::check())).await.expect("a result");
    assert!(array(&result, "drift").is_empty(), "{}", describe(&result));

    clear_faults().await;
    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn a_list_envelope_the_client_cannot_page_is_an_api_error() {
    let group = new_group("wasm envelope").await;
    let path = format!("/v1/organization/groups/{group}/users");
    let page = |extra: serde_json::Value| {
        let mut page = json!({ "object": "list", "data": [], "has_more": true, "next": "user_x" });
        if let (Some(page), serde_json::Value::Object(extra)) = (page.as_object_mut(), extra) {
            page.extend(extra);
        }
        json!({ "method": "GET", "path": path, "count": 1, "status": 200, "body": page })
    };
    // (the page's fields the rule changes, what the error names), in the order the rules match
    let cases = [
        (json!({ "data": {} }), "`data` is not an array"),
        (json!({ "has_more": "yes" }), "`has_more` is not a boolean"),
        (json!({ "next": 5 }), "`next` is neither a string nor null"),
    ];
    set_faults(serde_json::Value::Array(
        cases.iter().map(|(extra, _)| page(extra.clone())).collect(),
    ))
    .await;
    for (extra, expected) in cases {
        let error = err(call("groups.users.list", group.clone().into(), none()), 200).await;
        let message = string(&error, "message");
        assert!(
            message.starts_with("Invalid response body") && message.contains(expected),
            "{extra}: {message}"
        );
        assert_eq!(number(&error, "status"), 200.0);
        assert!(string(&error, "requestID").starts_with("req_"));
        // `checkPage`, on the same page parsed by the engine, refuses it with the same error.
        let parsed = js(get_json(&page(extra.clone()), "body"));
        let refused = api::check_page("groups.users.list", &parsed, 200, &"req_1".into())
            .expect_err("checkPage accepted a page the client cannot use");
        assert_eq!(string(&refused, "message"), message);
    }
    // An empty page that says there is more, with a cursor, is usable: it reaches the page
    // classes, which go on (`NextCursorPage`).
    set_faults(json!([page(json!({}))])).await;
    let result = ok(call("groups.users.list", group.clone().into(), none())).await;
    assert_eq!(string(&result, "page.next"), "user_x");
    let parsed = js(get_json(&page(json!({})), "body"));
    api::check_page("groups.users.list", &parsed, 200, &JsValue::NULL)
        .unwrap_or_else(|e| panic!("checkPage refused a usable page: {}", describe(&e)));

    clear_faults().await;
    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn an_error_answer_that_is_not_the_apis_json_keeps_its_class_by_status() {
    let group = new_group("wasm proxy errors").await;
    let path = format!("/v1/organization/groups/{group}");
    set_faults(json!([
        { "method": "GET", "path": path, "count": 1, "body_kind": "html" },
        { "method": "GET", "path": path, "count": 1, "body_kind": "empty", "status": 503 },
        { "method": "GET", "path": path, "count": 1, "status": 403, "body": "no entry" },
    ]))
    .await;
    let retrieve = || call("groups.retrieve", group.clone().into(), none());

    let error = err(retrieve(), 502).await;
    assert_eq!(number(&error, "status"), 502.0);
    let message = string(&error, "message");
    assert!(message.starts_with("502 <html>"), "{message}");
    // The body's start, as the `error` the official client keeps.
    assert!(string(&error, "error").contains("502 Bad Gateway"));
    assert!(get(&error, "code").is_null() && get(&error, "type").is_null());
    assert!(string(&error, "requestID").starts_with("req_"));

    let error = err(retrieve(), 503).await;
    assert_eq!(number(&error, "status"), 503.0);
    assert_eq!(string(&error, "message"), "503 status code (no body)");
    assert!(get(&error, "error").is_undefined(), "{}", describe(&error));

    let error = err(retrieve(), 403).await;
    assert_eq!(string(&error, "message"), "403 no entry");
    assert_eq!(string(&error, "error"), "no entry");

    clear_faults().await;
    ok(call("groups.delete", group.into(), none())).await;
}
