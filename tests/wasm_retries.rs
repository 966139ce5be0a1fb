//! Retries as the mock's injected faults drive them: 5xx and 429 answers, `retry-after`,
//! `retry-after-ms` and `x-should-retry` headers, `maxRetries` per client and per call, and dropped
//! connections. Attempts are counted in the mock's request log.
//!
//! Each test scopes its fault rules to the path of a group it creates, so a rule left behind by a
//! failed test cannot touch another test; every test also clears the rules when it is done.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

/// A fresh group, its API path, and a clean request log.
async fn setup(client: &WasmClient, prefix: &str) -> (String, String) {
    clear_faults().await;
    let group = new_group(client, prefix).await;
    clear_log().await;
    let path = format!("/v1/organization/groups/{group}");
    (group, path)
}

/// A rule answering `GET path` with `status` the next `count` times, plus `extra` fields.
fn rule(path: &str, count: u32, status: u16, extra: Value) -> Value {
    let mut rule = json!({ "method": "GET", "path": path, "count": count, "status": status });
    if let (Some(rule), Value::Object(extra)) = (rule.as_object_mut(), extra) {
        rule.extend(extra);
    }
    rule
}

async fn teardown(client: &WasmClient, group: String) {
    clear_faults().await;
    ok(call(client, "groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn two_503s_are_retried_with_backoff() {
    let client = client();
    let (group, path) = setup(&client, "wasm retry 503").await;
    set_faults(json!([rule(&path, 2, 503, json!({}))])).await;

    let started = now();
    let retrieved = ok(call(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
    ))
    .await;
    let elapsed = now() - started;
    assert_eq!(string(&retrieved, "id"), group);
    assert_eq!(attempts("GET", &path).await, 3);
    let faults: Vec<String> = logged()
        .await
        .iter()
        .map(|e| get(e, "fault").as_string().unwrap_or_default())
        .collect();
    assert_eq!(faults, vec!["status=503", "status=503", ""]);
    // 0.5 s then 1 s, each shortened by up to 25 % of jitter.
    assert!(elapsed >= 1100.0, "waited only {elapsed} ms");

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn retries_stop_after_max_retries() {
    let client = client();
    let (group, path) = setup(&client, "wasm retries exhausted").await;
    set_faults(json!([rule(
        &path,
        10,
        503,
        json!({ "retry_after_ms": "10" })
    )]))
    .await;

    let error = err(
        call(&client, "groups.retrieve", group.clone().into(), none()),
        "InternalServerError",
    )
    .await;
    assert_eq!(number(&error, "status"), 503.0);
    assert!(string(&error, "requestID").starts_with("req_"));
    assert_eq!(string(&error, "type"), "server_error");
    // The default: 2 retries after the first attempt.
    assert_eq!(attempts("GET", &path).await, 3);

    // Per client...
    clear_log().await;
    let patient = client_with(json!({ "maxRetries": 4 }));
    err(
        call(&patient, "groups.retrieve", group.clone().into(), none()),
        "InternalServerError",
    )
    .await;
    assert_eq!(attempts("GET", &path).await, 5);

    // ...and per call, which wins.
    set_faults(json!([rule(
        &path,
        10,
        503,
        json!({ "retry_after_ms": "10" })
    )]))
    .await;
    clear_log().await;
    err(
        api::call_op(
            &patient,
            "groups.retrieve",
            group.clone().into(),
            none(),
            js(json!({ "maxRetries": 0 })),
            None,
        ),
        "InternalServerError",
    )
    .await;
    assert_eq!(attempts("GET", &path).await, 1);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn retry_after_in_seconds_is_honoured() {
    let client = client();
    let (group, path) = setup(&client, "wasm retry-after").await;
    set_faults(json!([rule(&path, 1, 429, json!({ "retry_after": "1" }))])).await;

    let started = now();
    ok(call(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
    ))
    .await;
    let elapsed = now() - started;
    assert_eq!(attempts("GET", &path).await, 2);
    // The backoff alone would have waited at most 0.5 s.
    assert!(elapsed >= 950.0, "waited only {elapsed} ms");
    assert!(elapsed < 5000.0, "waited {elapsed} ms");

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn retry_after_ms_wins_over_retry_after() {
    let client = client();
    let (group, path) = setup(&client, "wasm retry-after-ms").await;
    set_faults(json!([rule(
        &path,
        1,
        429,
        json!({ "retry_after": "5", "retry_after_ms": "200" })
    )]))
    .await;

    let started = now();
    ok(call(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
    ))
    .await;
    let elapsed = now() - started;
    assert_eq!(attempts("GET", &path).await, 2);
    assert!(elapsed >= 180.0, "waited only {elapsed} ms");
    assert!(
        elapsed < 2500.0,
        "waited {elapsed} ms: retry-after was used"
    );

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn a_429_that_persists_is_a_rate_limit_error() {
    let client = client();
    let (group, path) = setup(&client, "wasm 429").await;
    set_faults(json!([rule(
        &path,
        5,
        429,
        json!({ "retry_after_ms": "10" })
    )]))
    .await;

    let error = err(
        api::call_op(
            &client,
            "groups.retrieve",
            group.clone().into(),
            none(),
            js(json!({ "maxRetries": 1 })),
            None,
        ),
        "RateLimitError",
    )
    .await;
    assert_eq!(number(&error, "status"), 429.0);
    assert_eq!(string(&error, "headers.retry-after-ms"), "10");
    assert_eq!(attempts("GET", &path).await, 2);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn x_should_retry_false_stops_retries() {
    let client = client();
    let (group, path) = setup(&client, "wasm should-retry false").await;
    set_faults(json!([rule(
        &path,
        3,
        503,
        json!({ "should_retry": "false" })
    )]))
    .await;

    let error = err(
        call(&client, "groups.retrieve", group.clone().into(), none()),
        "InternalServerError",
    )
    .await;
    assert_eq!(number(&error, "status"), 503.0);
    assert_eq!(string(&error, "headers.x-should-retry"), "false");
    assert_eq!(attempts("GET", &path).await, 1);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn x_should_retry_true_retries_a_400() {
    let client = client();
    let (group, path) = setup(&client, "wasm should-retry true").await;
    set_faults(json!([rule(
        &path,
        1,
        400,
        json!({ "should_retry": "true", "retry_after_ms": "10" })
    )]))
    .await;

    ok(call(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
    ))
    .await;
    assert_eq!(attempts("GET", &path).await, 2);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn a_404_is_not_retried() {
    let client = client();
    let (group, path) = setup(&client, "wasm 404 once").await;
    set_faults(json!([rule(&path, 3, 404, json!({}))])).await;

    err(
        call(&client, "groups.retrieve", group.clone().into(), none()),
        "NotFoundError",
    )
    .await;
    assert_eq!(attempts("GET", &path).await, 1);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_retried() {
    let client = client();
    let (group, path) = setup(&client, "wasm dropped").await;
    set_faults(json!([{ "method": "GET", "path": path, "count": 1, "drop": true }])).await;

    let retrieved = ok(call(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
    ))
    .await;
    assert_eq!(string(&retrieved, "id"), group);
    assert!(attempts("GET", &path).await >= 2);

    // Without retries, it is a connection error. (Browsers and Node may resend a request whose
    // connection closed without an answer on their own, hence a rule for more than one request.)
    set_faults(json!([{ "method": "GET", "path": path, "count": 20, "drop": true }])).await;
    let error = err(
        api::call_op(
            &client,
            "groups.retrieve",
            group.clone().into(),
            none(),
            js(json!({ "maxRetries": 0 })),
            None,
        ),
        "APIConnectionError",
    )
    .await;
    assert!(
        string(&error, "message").starts_with("Connection error"),
        "{}",
        describe(&error)
    );

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn a_post_is_retried_with_the_same_body() {
    let client = client();
    let (group, path) = setup(&client, "wasm retried post").await;
    set_faults(
        json!([{ "method": "POST", "path": path, "count": 1, "status": 500,
                        "retry_after_ms": "10" }]),
    )
    .await;

    let updated = ok(call(
        &client,
        "groups.update",
        group.clone().into(),
        js(json!({ "name": "wasm retried post (renamed)" })),
    ))
    .await;
    assert_eq!(string(&updated, "name"), "wasm retried post (renamed)");
    let posts: Vec<String> = logged()
        .await
        .iter()
        .filter(|e| string(e, "method") == "POST")
        .map(|e| string(e, "body"))
        .collect();
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0], posts[1]);

    teardown(&client, group).await;
}
