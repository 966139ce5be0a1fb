//! Errors as the exports reject with them: API errors with their class name, status, param and
//! request id; invalid arguments refused before any request reaches the server; bad client
//! options; bodies that do not match the models.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use js_sys::Promise;
use serde_json::json;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

type Call<'a> = Box<dyn Fn() -> Promise + 'a>;

#[wasm_bindgen_test]
async fn unknown_group_is_a_not_found_error_with_status_and_request_id() {
    let client = client();
    let error = err(
        api::call_op(
            &client,
            "groups.retrieve",
            "group_does_not_exist".into(),
            none(),
            none(),
            None,
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
        api::call_op(
            &client,
            "groups.retrieve",
            "a/b?#c".into(),
            none(),
            none(),
            None,
        ),
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
        &ok(api::call_op(
            &client,
            "roles.retrieve",
            role.clone().into(),
            none(),
            none(),
            None,
        ))
        .await,
        "name",
    );
    let error = err(
        api::call_op(
            &client,
            "roles.create",
            none(),
            js(json!({ "role_name": taken, "permissions": [] })),
            none(),
            None,
        ),
        "BadRequestError",
    )
    .await;
    assert_eq!(number(&error, "status"), 400.0);
    assert_eq!(string(&error, "param"), "role_name");
    assert_eq!(string(&error, "code"), "role_name_taken");
    assert!(string(&error, "requestID").starts_with("req_"));

    // Predefined roles cannot be deleted.
    let roles = ok(api::call_op(
        &client,
        "roles.list",
        none(),
        none(),
        none(),
        None,
    ))
    .await;
    let owner = array(&roles, "page.data")
        .into_iter()
        .find(|r| string(r, "name") == "Owner")
        .expect("the predefined Owner role");
    let error = err(
        api::call_op(
            &client,
            "roles.delete",
            string(&owner, "id").into(),
            none(),
            none(),
            None,
        ),
        "BadRequestError",
    )
    .await;
    assert_eq!(string(&error, "param"), "role_id");
    assert_eq!(string(&error, "code"), "predefined_role_immutable");

    ok(api::call_op(
        &client,
        "roles.delete",
        role.into(),
        none(),
        none(),
        None,
    ))
    .await;
}

#[wasm_bindgen_test]
async fn a_wrong_key_is_an_authentication_error_that_does_not_echo_it() {
    let client = client_with(json!({ "adminAPIKey": "sk-admin-wrong-key-123" }));
    let error = err(
        api::call_op(&client, "groups.list", none(), none(), none(), None),
        "AuthenticationError",
    )
    .await;
    assert_eq!(number(&error, "status"), 401.0);
    assert_eq!(string(&error, "code"), "invalid_api_key");
    assert!(!describe(&error).contains("sk-admin-wrong-key-123"));
}

#[wasm_bindgen_test]
async fn invalid_arguments_are_refused_before_any_request() {
    let client = client();
    let group = new_group(&client, "wasm invalid args").await;
    clear_log().await;

    // (a call, the `param` its error must name); called one at a time, so that a failed
    // assertion leaves no rejected promise unhandled
    let cases: Vec<(Call, &str)> = vec![
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.retrieve",
                    JsValue::from(42),
                    none(),
                    none(),
                    None,
                )
            }),
            "group_id",
        ),
        (
            Box::new(|| api::call_op(&client, "groups.retrieve", none(), none(), none(), None)),
            "group_id",
        ),
        (
            Box::new(|| api::call_op(&client, "groups.retrieve", "".into(), none(), none(), None)),
            "group_id",
        ),
        (
            Box::new(|| api::call_op(&client, "groups.delete", "..".into(), none(), none(), None)),
            "group_id",
        ),
        (
            Box::new(|| api::call_op(&client, "groups.create", none(), none(), none(), None)),
            "body",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.create",
                    none(),
                    js(json!({ "name": "" })),
                    none(),
                    None,
                )
            }),
            "name",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.create",
                    none(),
                    js(json!({ "name": 5 })),
                    none(),
                    None,
                )
            }),
            "name",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.create",
                    none(),
                    js(json!({ "name": "x", "extra": 1 })),
                    none(),
                    None,
                )
            }),
            "extra",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.update",
                    group.clone().into(),
                    js(json!({})),
                    none(),
                    None,
                )
            }),
            "name",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.list",
                    none(),
                    js(json!({ "limit": 1001 })),
                    none(),
                    None,
                )
            }),
            "limit",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.list",
                    none(),
                    js(json!({ "order": "up" })),
                    none(),
                    None,
                )
            }),
            "order",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.list",
                    none(),
                    js(json!({ "after": "" })),
                    none(),
                    None,
                )
            }),
            "after",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "users.list",
                    none(),
                    js(json!({ "limit": 0 })),
                    none(),
                    None,
                )
            }),
            "limit",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "users.list",
                    none(),
                    js(json!({ "limit": 101 })),
                    none(),
                    None,
                )
            }),
            "limit",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.list",
                    none(),
                    none(),
                    js(json!({ "maxRetries": -1 })),
                    None,
                )
            }),
            "maxRetries",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.list",
                    none(),
                    none(),
                    js(json!({ "retries": 1 })),
                    None,
                )
            }),
            "retries",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.users.retrieve",
                    "user_x".into(),
                    js(json!({})),
                    none(),
                    None,
                )
            }),
            "group_id",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "groups.users.retrieve",
                    JsValue::NULL,
                    js(json!({ "group_id": group })),
                    none(),
                    None,
                )
            }),
            "user_id",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "users.roles.delete",
                    "role_x".into(),
                    none(),
                    none(),
                    None,
                )
            }),
            "params",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "roles.create",
                    none(),
                    js(json!({ "role_name": "r" })),
                    none(),
                    None,
                )
            }),
            "permissions",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "roles.create",
                    none(),
                    js(json!({ "role_name": "r", "permissions": [""] })),
                    none(),
                    None,
                )
            }),
            "permissions",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "roles.update",
                    "role_x".into(),
                    js(json!({})),
                    none(),
                    None,
                )
            }),
            "body",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "users.update",
                    "user_x".into(),
                    js(json!({ "role": "admin" })),
                    none(),
                    None,
                )
            }),
            "role",
        ),
        (
            Box::new(|| {
                api::call_op(
                    &client,
                    "users.roles.create",
                    "user_x".into(),
                    js(json!({})),
                    none(),
                    None,
                )
            }),
            "role_id",
        ),
    ];
    let count = cases.len();
    let mut wrong = Vec::new();
    for (i, (call, param)) in cases.into_iter().enumerate() {
        let error = err(call(), "InvalidArgumentError").await;
        assert!(!string(&error, "message").is_empty());
        if get(&error, "param").as_string().as_deref() != Some(param) {
            wrong.push(format!(
                "case {i}: expected param {param:?}, got {}",
                describe(&error)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(count, 24);

    let log = logged().await;
    assert!(log.is_empty(), "requests reached the server: {log:?}");
    ok(api::call_op(
        &client,
        "groups.delete",
        group.into(),
        none(),
        none(),
        None,
    ))
    .await;
}

#[wasm_bindgen_test]
fn bad_client_options_are_refused() {
    let refused = |options: serde_json::Value| match WasmClient::new(js(options), None) {
        Ok(_) => panic!("accepted"),
        Err(error) => error,
    };
    let error = refused(json!({ "baseURL": "ftp://example.com" }));
    assert_eq!(string(&error, "name"), "InvalidArgumentError");
    assert_eq!(string(&error, "param"), "baseURL");
    let error = refused(json!({ "timeout": "soon" }));
    assert_eq!(string(&error, "name"), "InvalidArgumentError");
}

#[wasm_bindgen_test]
fn a_key_in_a_browser_needs_dangerously_allow_browser() {
    let options = json!({ "adminAPIKey": KEY, "baseURL": format!("{}/v1", mock_url()) });
    let result = WasmClient::new(js(options), None);
    let global = js_sys::global();
    let in_window = ["window", "document", "navigator"]
        .iter()
        .all(|name| !get(&global, name).is_undefined());
    if in_window {
        let error = result.err().expect("refused in a browser");
        assert_eq!(string(&error, "param"), "dangerouslyAllowBrowser");
        assert!(!describe(&error).contains(KEY));
    } else {
        assert!(result.is_ok(), "Node is not a browser");
    }
}

#[wasm_bindgen_test]
async fn a_body_that_is_not_the_model_is_an_api_error() {
    let client = client();
    let group = new_group(&client, "wasm malformed").await;
    let path = format!("/v1/organization/groups/{group}");
    set_faults(json!([
        { "method": "GET", "path": path, "count": 1, "body_kind": "malformed" },
        { "method": "POST", "path": path, "count": 1, "status": 200, "body": { "id": 7 } },
    ]))
    .await;
    let error = err(
        api::call_op(
            &client,
            "groups.retrieve",
            group.clone().into(),
            none(),
            none(),
            None,
        ),
        "APIError",
    )
    .await;
    assert_eq!(number(&error, "status"), 200.0);
    assert!(string(&error, "requestID").starts_with("req_"));
    let error = err(
        api::call_op(
            &client,
            "groups.update",
            group.clone().into(),
            js(json!({ "name": "renamed" })),
            none(),
            None,
        ),
        "APIError",
    )
    .await;
    assert!(
        string(&error, "message").contains("Invalid response body"),
        "{}",
        describe(&error)
    );
    clear_faults().await;
    ok(api::call_op(
        &client,
        "groups.delete",
        group.into(),
        none(),
        none(),
        None,
    ))
    .await;
}
