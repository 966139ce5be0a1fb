//! Retry decisions: `retryDelay` on real answers of the mock's injected faults (5xx and 429
//! answers, `retry-after` in seconds or as an HTTP date, `retry-after-ms`, `x-should-retry`, a
//! dropped connection), with the headers read as the package's TypeScript reads them from the
//! engine's `fetch` (in a browser, only those the mock's CORS headers expose). The loop that waits
//! and tries again is the TypeScript's; one test follows these decisions the way it does.
//!
//! Each test scopes its fault rules to the path of a group it creates, so a rule left behind by a
//! failed test cannot touch another test; every test also clears the rules when it is done.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

/// A fresh group and its API path, with no fault rules.
async fn setup(prefix: &str) -> (String, String) {
    clear_faults().await;
    let group = new_group(prefix).await;
    (group.clone(), format!("/v1/organization/groups/{group}"))
}

async fn teardown(group: String) {
    clear_faults().await;
    ok(call("groups.delete", group.into(), none())).await;
}

/// A rule answering `GET path` with `status` the next `count` times, plus `extra` fields.
fn rule(path: &str, count: u32, status: u16, extra: Value) -> Value {
    let mut rule = json!({ "method": "GET", "path": path, "count": count, "status": status });
    if let (Some(rule), Value::Object(extra)) = (rule.as_object_mut(), extra) {
        rule.extend(extra);
    }
    rule
}

/// `GET path` once, which must be answered.
async fn get_once(path: &str) -> Answer {
    send("GET", path, None, KEY)
        .await
        .unwrap_or_else(|e| panic!("GET {path} got no answer: {}", describe(&e)))
}

/// `retryDelay` for this answer after `retries_done` retries, with its headers as read.
fn delay(answer: &Answer, retries_done: u32) -> f64 {
    api::retry_delay(
        answer.status,
        retries_done,
        answer.header("x-should-retry"),
        answer.header("retry-after-ms"),
        answer.header("retry-after"),
    )
}

/// The error description `apiError` gives for this answer.
fn error_of(answer: &Answer) -> wasm_bindgen::JsValue {
    api::api_error_js(
        answer.status,
        answer.header("x-request-id"),
        &String::from(&answer.text),
    )
}

/// The backoff after `retries_done` retries: `min(0.5 * 2^n, 8)` s, less up to 25 % of jitter.
fn assert_backoff(ms: f64, retries_done: u32, what: &str) {
    let full = (500.0 * 2f64.powi(retries_done as i32)).min(8000.0);
    assert!(
        (full * 0.75..=full).contains(&ms),
        "{what}, after {retries_done} retries: {ms} ms, not in {}..={full}",
        full * 0.75
    );
}

#[wasm_bindgen_test]
async fn a_503_without_hints_backs_off_exponentially_up_to_8_s() {
    let (group, path) = setup("wasm retry 503").await;
    set_faults(json!([rule(&path, 1, 503, json!({}))])).await;

    let answer = get_once(&path).await;
    assert_eq!(answer.status, 503);
    assert_eq!(answer.header("retry-after"), None);
    assert_eq!(answer.header("retry-after-ms"), None);
    assert_eq!(answer.header("x-should-retry"), None);
    for retries_done in [0, 1, 2, 3, 4, 10, u32::MAX] {
        assert_backoff(delay(&answer, retries_done), retries_done.min(4), "503");
    }
    // The jitter is random: a few draws are not all the same.
    let draws: Vec<f64> = (0..8).map(|_| delay(&answer, 0)).collect();
    assert!(draws.iter().any(|d| *d != draws[0]), "{draws:?}");

    let error = error_of(&answer);
    // The core names no class: the package picks it from the status.
    503.check(&error);
    assert_eq!(number(&error, "status"), 503.0);
    assert_eq!(string(&error, "type"), "server_error");
    assert!(string(&error, "requestID").starts_with("req_"));

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn only_retryable_statuses_are_retried() {
    let (group, path) = setup("wasm retryable").await;
    let retried = [408u16, 409, 429, 500, 502, 503, 504];
    let final_ = [400u16, 401, 403, 404, 422];
    let statuses: Vec<u16> = retried.iter().chain(&final_).copied().collect();
    // One path below the group's per status. Chromium resends a request answered 408 on a reused
    // connection once by itself before the script sees the answer: that rule answers 3 times.
    let at = |status: u16| format!("{path}/status-{status}");
    set_faults(Value::Array(
        statuses
            .iter()
            .map(|&status| {
                rule(
                    &at(status),
                    if status == 408 { 3 } else { 1 },
                    status,
                    json!({}),
                )
            })
            .collect(),
    ))
    .await;
    clear_log().await;

    for &status in &statuses {
        let answer = get_once(&at(status)).await;
        assert_eq!(answer.status, status);
        let ms = delay(&answer, 1);
        if retried.contains(&status) {
            assert_backoff(ms, 1, &status.to_string());
        } else {
            assert_eq!(ms, -1.0, "{status} is not retried");
        }
    }
    for status in statuses {
        let sent = attempts("GET", &at(status)).await;
        assert!(
            sent == 1 || (status == 408 && sent == 2),
            "{status}: {sent}"
        );
    }

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn retry_after_in_seconds_is_honoured() {
    let (group, path) = setup("wasm retry-after").await;
    set_faults(json!([
        rule(&path, 1, 429, json!({ "retry_after": "1" })),
        rule(&path, 1, 503, json!({ "retry_after": "0.25" })),
        rule(&path, 1, 503, json!({ "retry_after": "60" })),
        rule(&path, 1, 503, json!({ "retry_after": "soon" })),
    ]))
    .await;

    let answer = get_once(&path).await;
    assert_eq!(answer.status, 429);
    assert_eq!(answer.header("retry-after").as_deref(), Some("1"));
    // Whatever the retries so far: the server's wait, without jitter.
    assert_eq!(delay(&answer, 0), 1000.0);
    assert_eq!(delay(&answer, 3), 1000.0);
    let error = error_of(&answer);
    429.check(&error);
    assert_eq!(number(&error, "status"), 429.0);

    assert_eq!(delay(&get_once(&path).await, 0), 250.0);
    // A wait of a minute or more, or one that is not a number, is the backoff's.
    assert_backoff(delay(&get_once(&path).await, 0), 0, "retry-after: 60");
    assert_backoff(delay(&get_once(&path).await, 2), 2, "retry-after: soon");

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn retry_after_as_an_http_date_waits_until_then() {
    let (group, path) = setup("wasm retry-after date").await;
    let date = |offset_ms: f64| {
        js_sys::Date::new(&(now() + offset_ms).into())
            .to_utc_string()
            .as_string()
            .expect("a date string")
    };
    let in_10_s = date(10_000.0);
    set_faults(json!([
        rule(&path, 1, 503, json!({ "retry_after": in_10_s })),
        rule(&path, 1, 503, json!({ "retry_after": date(-5000.0) })),
        rule(&path, 1, 503, json!({ "retry_after": date(120_000.0) })),
    ]))
    .await;

    let answer = get_once(&path).await;
    assert_eq!(answer.header("retry-after"), Some(in_10_s.clone()));
    assert!(in_10_s.ends_with(" GMT"), "{in_10_s}");
    // The date has whole seconds, and some time passed since it was written.
    let ms = delay(&answer, 0);
    assert!((6000.0..=10_000.0).contains(&ms), "{in_10_s}: {ms} ms");
    // A date in the past, or more than a minute ahead, leaves it to the backoff.
    assert_backoff(delay(&get_once(&path).await, 0), 0, "a past date");
    assert_backoff(delay(&get_once(&path).await, 1), 1, "a date 2 min ahead");

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn retry_after_ms_wins_over_retry_after() {
    let (group, path) = setup("wasm retry-after-ms").await;
    set_faults(json!([
        rule(
            &path,
            1,
            429,
            json!({ "retry_after": "5", "retry_after_ms": "200" })
        ),
        rule(&path, 1, 503, json!({ "retry_after_ms": "0" })),
        rule(
            &path,
            1,
            503,
            json!({ "retry_after": "2", "retry_after_ms": "60000" })
        ),
    ]))
    .await;

    let answer = get_once(&path).await;
    assert_eq!(answer.header("retry-after").as_deref(), Some("5"));
    assert_eq!(answer.header("retry-after-ms").as_deref(), Some("200"));
    assert_eq!(delay(&answer, 0), 200.0);
    assert_eq!(delay(&answer, 5), 200.0);
    // No wait at all is a wait the server may ask for.
    assert_eq!(delay(&get_once(&path).await, 0), 0.0);
    // A minute or more is not honoured, and then neither is `retry-after`: the backoff decides.
    assert_backoff(delay(&get_once(&path).await, 0), 0, "retry-after-ms: 60000");

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn x_should_retry_false_stops_a_503() {
    let (group, path) = setup("wasm should-retry false").await;
    set_faults(json!([rule(
        &path,
        1,
        503,
        json!({ "should_retry": "false", "retry_after_ms": "10" })
    )]))
    .await;

    let answer = get_once(&path).await;
    assert_eq!(answer.header("x-should-retry").as_deref(), Some("false"));
    assert_eq!(delay(&answer, 0), -1.0);
    503.check(&error_of(&answer));

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn x_should_retry_true_retries_a_400() {
    let (group, path) = setup("wasm should-retry true").await;
    set_faults(json!([
        rule(
            &path,
            1,
            400,
            json!({ "should_retry": "true", "retry_after_ms": "10" })
        ),
        rule(&path, 1, 404, json!({ "should_retry": "true" })),
        rule(&path, 1, 404, json!({ "should_retry": "maybe" })),
    ]))
    .await;

    let answer = get_once(&path).await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.header("x-should-retry").as_deref(), Some("true"));
    assert_eq!(delay(&answer, 0), 10.0);
    400.check(&error_of(&answer));
    let answer = get_once(&path).await;
    assert_eq!(answer.status, 404);
    assert_backoff(delay(&answer, 0), 0, "404 with x-should-retry: true");
    // Anything but `true` or `false` leaves it to the status.
    assert_eq!(delay(&get_once(&path).await, 0), -1.0);

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn a_404_is_not_retried() {
    let (group, path) = setup("wasm 404").await;
    set_faults(json!([rule(
        &path,
        1,
        404,
        json!({ "retry_after_ms": "10" })
    )]))
    .await;

    let answer = get_once(&path).await;
    assert_eq!(answer.status, 404);
    assert_eq!(delay(&answer, 0), -1.0);
    let error = error_of(&answer);
    404.check(&error);
    assert_eq!(number(&error, "status"), 404.0);
    assert_eq!(
        get(&error, "requestID").as_string(),
        answer.header("x-request-id")
    );

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_retried_with_backoff() {
    let (group, path) = setup("wasm dropped").await;
    // Browsers and Node may resend a request whose connection closed without an answer on their
    // own, hence a rule for more than one request.
    set_faults(json!([{ "method": "GET", "path": path, "count": 20, "drop": true }])).await;

    let failure = send("GET", &path, None, KEY).await;
    let error = match failure {
        Ok(answer) => panic!("a dropped connection was answered {}", answer.status),
        Err(error) => error,
    };
    assert_eq!(string(&error, "name"), "TypeError", "{}", describe(&error));
    // No answer is status 0: retried, with the backoff, whatever a header would have said.
    for retries_done in [0, 1, 3] {
        assert_backoff(
            api::retry_delay(0, retries_done, None, None, None),
            retries_done,
            "no answer",
        );
    }
    assert!(api::retry_delay(0, 0, Some("false".into()), None, None) >= 0.0);
    assert_eq!(
        api::retry_delay(0, 0, None, Some("10".into()), None),
        10.0,
        "hints are still read"
    );

    teardown(group).await;
}

#[wasm_bindgen_test]
async fn following_the_decisions_two_503s_then_the_answer() {
    let (group, path) = setup("wasm retry loop").await;
    set_faults(json!([rule(&path, 2, 503, json!({}))])).await;
    clear_log().await;

    // What the package's TypeScript does: an attempt, then `retryDelay`'s wait, until an answer
    // is final.
    let started = now();
    let mut retries_done = 0;
    let mut waited = 0.0;
    let answer = loop {
        let answer = get_once(&path).await;
        let wait = delay(&answer, retries_done);
        if (200..300).contains(&answer.status) || wait < 0.0 {
            break answer;
        }
        assert!(retries_done < 2, "still {} after 3 attempts", answer.status);
        waited += wait;
        sleep(wait).await;
        retries_done += 1;
    };
    let elapsed = now() - started;
    assert_eq!(answer.status, 200);
    assert_eq!(retries_done, 2);
    // 0.5 s then 1 s, each shortened by up to 25 % of jitter.
    assert!((1125.0..=1500.0).contains(&waited), "waited {waited} ms");
    assert!(elapsed >= waited, "{elapsed} ms");
    let result = api::parse_answer(
        "groups.retrieve",
        &answer.text,
        answer.status,
        answer.header("x-request-id"),
        false,
        None,
    )
    .unwrap_or_else(|e| panic!("{}", describe(&e)));
    assert_eq!(string(&result, "data.id"), group);
    let faults: Vec<String> = logged()
        .await
        .iter()
        .map(|e| get(e, "fault").as_string().unwrap_or_default())
        .collect();
    assert_eq!(faults, vec!["status=503", "status=503", ""]);

    teardown(group).await;
}
