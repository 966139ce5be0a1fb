//! Timeouts and the caller's `AbortSignal`: a `delay_ms` fault longer than the `timeout` option
//! gives `APIConnectionTimeoutError` (retried like a 5xx); a signal aborted before or during a
//! call gives `APIUserAbortError` and is never retried.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use serde_json::json;
use wasm_bindgen_test::*;
use web_sys::AbortController;

/// A fresh group, its API path, and a clean request log.
async fn setup(client: &WasmClient, prefix: &str) -> (String, String) {
    clear_faults().await;
    let group = new_group(client, prefix).await;
    clear_log().await;
    let path = format!("/v1/organization/groups/{group}");
    (group, path)
}

async fn teardown(client: &WasmClient, group: String) {
    clear_faults().await;
    ok(call(client, "groups.delete", group.into(), none())).await;
}

fn controller() -> AbortController {
    AbortController::new().expect("AbortController exists in Node and browsers")
}

#[wasm_bindgen_test]
async fn a_slow_answer_times_out() {
    let client = client();
    let (group, path) = setup(&client, "wasm timeout").await;
    set_faults(json!([{ "method": "GET", "path": path, "count": 1, "delay_ms": 3000 }])).await;

    let started = now();
    let error = err(
        api::call_op(
            &client,
            "groups.retrieve",
            group.clone().into(),
            none(),
            js(json!({ "timeout": 300, "maxRetries": 0 })),
            None,
        ),
        "APIConnectionTimeoutError",
    )
    .await;
    let elapsed = now() - started;
    assert_eq!(string(&error, "message"), "Request timed out.");
    assert!(elapsed >= 250.0, "timed out after {elapsed} ms");
    assert!(elapsed < 2500.0, "timed out after {elapsed} ms");
    assert_eq!(attempts("GET", &path).await, 1);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn the_client_timeout_applies_and_a_timeout_is_retried() {
    let client = client_with(json!({ "timeout": 400 }));
    let (group, path) = setup(&client, "wasm timeout retried").await;
    set_faults(json!([{ "method": "GET", "path": path, "count": 1, "delay_ms": 3000 }])).await;

    let retrieved = ok(api::call_op(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
        js(json!({ "maxRetries": 1 })),
        None,
    ))
    .await;
    assert_eq!(string(&retrieved, "id"), group);
    assert_eq!(attempts("GET", &path).await, 2);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn a_signal_aborted_before_the_call_sends_nothing() {
    let client = client();
    let (group, path) = setup(&client, "wasm aborted early").await;
    let controller = controller();
    controller.abort();

    let error = err(
        api::call_op(
            &client,
            "groups.retrieve",
            group.clone().into(),
            none(),
            none(),
            Some(controller.signal()),
        ),
        "APIUserAbortError",
    )
    .await;
    assert_eq!(string(&error, "message"), "Request was aborted.");
    assert_eq!(attempts("GET", &path).await, 0);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn aborting_during_a_slow_request_stops_it_without_retry() {
    let client = client();
    let (group, path) = setup(&client, "wasm aborted during").await;
    set_faults(json!([{ "method": "GET", "path": path, "count": 5, "delay_ms": 3000 }])).await;
    let controller = controller();

    let started = now();
    let promise = api::call_op(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
        none(),
        Some(controller.signal()),
    );
    sleep(200.0).await;
    controller.abort();
    err(promise, "APIUserAbortError").await;
    let elapsed = now() - started;
    assert!(elapsed < 2500.0, "aborted after {elapsed} ms");
    assert_eq!(attempts("GET", &path).await, 1);

    // The signal is the caller's: a later call without it works.
    clear_faults().await;
    ok(call(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
    ))
    .await;

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn aborting_while_waiting_to_retry_gives_up() {
    let client = client();
    let (group, path) = setup(&client, "wasm aborted backoff").await;
    set_faults(
        json!([{ "method": "GET", "path": path, "count": 1, "status": 503,
                        "retry_after": "1" }]),
    )
    .await;
    let controller = controller();

    let promise = api::call_op(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
        none(),
        Some(controller.signal()),
    );
    sleep(200.0).await;
    controller.abort();
    err(promise, "APIUserAbortError").await;
    assert_eq!(attempts("GET", &path).await, 1);

    teardown(&client, group).await;
}

#[wasm_bindgen_test]
async fn a_signal_that_is_never_aborted_changes_nothing() {
    let client = client();
    let (group, path) = setup(&client, "wasm signal unused").await;
    let controller = controller();
    let signal = controller.signal();
    for _ in 0..3 {
        ok(api::call_op(
            &client,
            "groups.retrieve",
            group.clone().into(),
            none(),
            none(),
            Some(signal.clone()),
        ))
        .await;
    }
    assert_eq!(attempts("GET", &path).await, 3);
    // Aborting after the calls are done is harmless.
    controller.abort();

    teardown(&client, group).await;
}
