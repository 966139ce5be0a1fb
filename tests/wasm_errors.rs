//! Errors as the exports reject with them: API errors with their class name, status, param and
//! request id; invalid arguments refused before any request reaches the server; bad client
//! options; bodies that do not match the models.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use serde_json::json;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn unknown_group_is_a_not_found_error_with_status_and_request_id() {
    let client = client();
    let error = err(
        call(
            &client,
            "groups.retrieve",
            "group_does_not_exist".into(),
            none(),
        ),
        "NotFoundError",
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
    let client = client();
    let error = err(
        call(&client, "groups.retrieve", "a/b?#c".into(), none()),
        "NotFoundError",
    )
    .await;
    // The mock decoded the one path segment back to the whole id.
    assert!(
        string(&error, "message").contains("'a/b?#c'"),
        "{}",
        describe(&error)
    );
}

#[wasm_bindgen_test]
async fn bad_requests_name_the_param() {
    let client = client();
    let role = new_role(&client, "wasm taken").await;
    let taken = string(
        &ok(call(&client, "roles.retrieve", role.clone().into(), none())).await,
        "name",
    );
    let error = err(
        call(
            &client,
            "roles.create",
            none(),
            js(json!({ "role_name": taken, "permissions": [] })),
        ),
        "BadRequestError",
    )
    .await;
    assert_eq!(number(&error, "status"), 400.0);
    assert_eq!(string(&error, "param"), "role_name");
    assert_eq!(string(&error, "code"), "role_name_taken");
    assert!(string(&error, "requestID").starts_with("req_"));

    // Predefined roles cannot be deleted.
    let roles = ok(call(&client, "roles.list", none(), none())).await;
    let owner = array(&roles, "page.data")
        .into_iter()
        .find(|r| string(r, "name") == "Owner")
        .expect("the predefined Owner role");
    let error = err(
        call(&client, "roles.delete", string(&owner, "id").into(), none()),
        "BadRequestError",
    )
    .await;
    assert_eq!(string(&error, "param"), "role_id");
    assert_eq!(string(&error, "code"), "predefined_role_immutable");

    ok(call(&client, "roles.delete", role.into(), none())).await;
}

#[wasm_bindgen_test]
async fn a_wrong_key_is_an_authentication_error_that_does_not_echo_it() {
    let client = client_with(json!({ "adminAPIKey": "sk-admin-wrong-key-123" }));
    let error = err(
        call(&client, "groups.list", none(), none()),
        "AuthenticationError",
    )
    .await;
    assert_eq!(number(&error, "status"), 401.0);
    assert_eq!(string(&error, "code"), "invalid_api_key");
    assert!(!describe(&error).contains("sk-admin-wrong-key-123"));
}

#[wasm_bindgen_test]
async fn only_arguments_that_cannot_succeed_are_refused_before_any_request() {
    let client = client();
    let group = new_group(&client, "wasm invalid args").await;
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
        let error = err(call(&client, op, id, params), "InvalidArgumentError").await;
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
        let _ = settle_any(call(&client, op, id, js(params))).await;
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
        let _ = settle_any(call(
            &client,
            "users.update",
            "user_x".into(),
            js(body.clone()),
        ))
        .await;
        let log = logged().await;
        assert_eq!(log.len(), 1, "{body}: {log:?}");
        assert_eq!(string(&log[0], "body"), body.to_string(), "{body}");
    }
    ok(call(&client, "groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn only_a_body_the_client_cannot_use_is_an_api_error_and_drift_is_reported() {
    let client = client();
    let group = new_group(&client, "wasm malformed").await;
    let path = format!("/v1/organization/groups/{group}");
    set_faults(json!([
        { "method": "GET", "path": path, "count": 1, "body_kind": "malformed" },
        { "method": "POST", "path": path, "count": 1, "status": 200, "body": [1, 2] },
        { "method": "GET", "path": path, "count": 1, "status": 200, "body": { "id": 7, "colour": "red" } },
    ]))
    .await;
    let retrieve = |options: JsValue| {
        api::call_op(
            &client,
            "groups.retrieve",
            group.clone().into(),
            none(),
            options,
            None,
        )
    };
    let error = err(retrieve(none()), "APIError").await;
    assert_eq!(number(&error, "status"), 200.0);
    assert!(string(&error, "requestID").starts_with("req_"));
    let rename = js(json!({ "name": "renamed" }));
    let error = err(
        call(&client, "groups.update", group.clone().into(), rename),
        "APIError",
    )
    .await;
    let message = string(&error, "message");
    assert!(
        message.contains("Invalid response body") && message.contains("not a JSON object"),
        "{message}"
    );

    // A body that only differs from the model reaches the caller as it came, with its drift.
    let result = settle_any(retrieve(js(json!({ "check": true }))))
        .await
        .expect("a result");
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
    clear_faults().await;
    ok(call(&client, "groups.delete", group.into(), none())).await;
}
