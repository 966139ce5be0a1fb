//! The `/__mock` controls: faults, the request log and reset.

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::{enc, Mock, KEY};
use serde_json::{json, Value};

const G: &str = "/v1/organization/groups";

fn faults(m: &Mock, rules: Value) {
    let r = m.post("/__mock/faults", rules);
    assert_eq!(r.status, 200, "{}", r.text());
}

#[test]
fn status_faults_with_retry_headers_and_counts() {
    let m = Mock::start(&[]);
    faults(
        &m,
        json!([{ "method": "GET", "path": G, "count": 2, "status": 503,
                 "retry_after": "2", "retry_after_ms": "100", "should_retry": "false" }]),
    );
    // Method filter: a POST is not affected.
    assert_eq!(m.post(G, json!({ "name": "ok" })).status, 200);
    for _ in 0..2 {
        let r = m.get(&format!("{G}?limit=1"));
        let e = r.error(503);
        assert_eq!(e["type"], "server_error");
        assert_eq!(r.header("retry-after"), Some("2"));
        assert_eq!(r.header("retry-after-ms"), Some("100"));
        assert_eq!(r.header("x-should-retry"), Some("false"));
        assert!(r.header("x-request-id").is_some());
        assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    }
    assert_eq!(m.get(G).status, 200, "count is used up");

    faults(
        &m,
        json!([{ "path": "/v1/organization/users", "status": 429, "body": { "error": { "message": "slow down", "type": "requests", "param": null, "code": "rate_limit_exceeded" } } }]),
    );
    let r = m.get("/v1/organization/users/anything");
    assert_eq!(r.error(429)["code"], "rate_limit_exceeded");
    faults(
        &m,
        json!({ "path": G, "status": 500, "body": "plain text failure" }),
    );
    let r = m.get(G);
    assert_eq!(r.status, 500);
    assert_eq!(r.text(), "plain text failure");
    assert_eq!(m.get(G).status, 200);
}

#[test]
fn delay_then_normal_answer() {
    let m = Mock::start(&[]);
    faults(&m, json!([{ "path": G, "delay_ms": 300 }]));
    let t = Instant::now();
    let r = m.get(G);
    assert!(t.elapsed() >= Duration::from_millis(300));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["object"], "list");
}

#[test]
fn broken_bodies() {
    let m = Mock::start(&[]);
    faults(
        &m,
        json!([
            { "path": G, "body_kind": "malformed" },
            { "path": G, "body_kind": "truncated" },
            { "path": G, "body_kind": "empty", "status": 502 },
            { "path": G, "body_kind": "html" },
        ]),
    );
    let malformed = m.get(G);
    assert_eq!(malformed.status, 200);
    assert!(serde_json::from_slice::<Value>(&malformed.body).is_err());
    let truncated = m.get(G);
    assert_eq!(truncated.status, 200);
    assert!(!truncated.body.is_empty());
    assert!(serde_json::from_slice::<Value>(&truncated.body).is_err());
    assert!(truncated.text().starts_with('{'));
    let empty = m.get(G);
    assert_eq!(empty.status, 502);
    assert!(empty.body.is_empty());
    let html = m.get(G);
    assert_eq!(html.status, 502);
    assert!(html
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(html.text().contains("<html>"));
    assert_eq!(m.get(G).status, 200);
}

#[test]
fn dropped_connections() {
    let m = Mock::start(&[]);
    faults(
        &m,
        json!([{ "path": G, "drop": true }, { "path": "/v1/organization/roles", "drop_mid_body": true }]),
    );
    let auth = format!("Bearer {KEY}");
    let dropped = m.raw("GET", G, &[("Authorization", &auth)], None);
    assert!(dropped.is_err(), "expected no response, got {dropped:?}");
    assert_eq!(m.get(G).status, 200);

    let half = m
        .raw(
            "GET",
            "/v1/organization/roles",
            &[("Authorization", &auth)],
            None,
        )
        .expect("headers arrive");
    assert_eq!(half.status, 200);
    let declared: usize = half.header("content-length").unwrap().parse().unwrap();
    assert!(
        half.body.len() < declared,
        "{} of {declared}",
        half.body.len()
    );
    assert!(!half.body.is_empty());

    let log = m.get("/__mock/requests").json();
    let faulted: Vec<&str> = log["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["fault"].as_str())
        .collect();
    assert_eq!(faulted, vec!["drop", "drop_mid_body"]);
}

#[test]
fn bad_rules_are_rejected() {
    let m = Mock::start(&[]);
    m.post("/__mock/faults", json!([{ "path": G }])).error(400);
    m.post(
        "/__mock/faults",
        json!([{ "path": G, "body_kind": "weird" }]),
    )
    .error(400);
    m.post("/__mock/faults", json!([{ "path": G, "status": 99999 }]))
        .error(400);
    m.call("POST", "/__mock/faults", Some("nope")).error(400);
    faults(&m, json!([{ "path": G, "status": 500, "count": 5 }]));
    assert_eq!(m.get("/__mock/faults").json()["data"][0]["count"], 5);
    assert_eq!(m.delete("/__mock/faults").status, 200);
    assert_eq!(m.get(G).status, 200);
}

#[test]
fn request_log_records_raw_requests_with_redaction() {
    let m = Mock::start(&[]);
    let path = format!("{G}/{}", enc("a/b c"));
    m.get(&format!("{path}?x=1&emails%5B%5D=a%40b.c"));
    m.post(G, json!({ "name": "Logged" }));
    m.raw(
        "GET",
        G,
        &[
            ("Authorization", "Bearer sk-leaked-value"),
            ("X-Stainless-Os", "Linux"),
        ],
        None,
    )
    .unwrap();
    let log = m.get("/__mock/requests");
    let text = log.text();
    assert!(
        !text.contains(KEY) && !text.contains("sk-leaked-value"),
        "{text}"
    );
    let data = log.json()["data"].as_array().unwrap().clone();
    assert_eq!(data.len(), 3, "controls are not logged");
    assert_eq!(data[0]["method"], "GET");
    assert_eq!(data[0]["path"], path.as_str(), "path stays percent-encoded");
    assert_eq!(data[0]["query"], "x=1&emails%5B%5D=a%40b.c");
    assert_eq!(data[0]["headers"]["authorization"], "Bearer ***");
    assert!(data[0]["request_id"].as_str().unwrap().starts_with("req_"));
    assert_eq!(data[1]["method"], "POST");
    let body: Value = serde_json::from_str(data[1]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body, json!({ "name": "Logged" }));
    assert_eq!(data[2]["headers"]["x-stainless-os"], "Linux");
    assert_eq!(data[2]["headers"]["authorization"], "Bearer ***");

    assert_eq!(m.delete("/__mock/requests").status, 200);
    assert_eq!(m.get("/__mock/requests").json()["data"], json!([]));
}

#[test]
fn reset_restores_the_seed_and_clears_faults_and_log() {
    let m = Mock::start(&[]);
    let before = m.ids(&format!("{G}?limit=1000"));
    let created = m.post(G, json!({ "name": "Temporary" })).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    m.delete(&format!("{G}/{}", before[0]));
    faults(
        &m,
        json!([{ "path": "/v1/organization/users", "status": 500, "count": 10 }]),
    );
    assert_eq!(m.post("/__mock/reset", json!({})).status, 200);
    let after = m.ids(&format!("{G}?limit=1000"));
    assert_eq!(after, before);
    assert!(!after.contains(&created));
    assert_eq!(
        m.get("/v1/organization/users").status,
        200,
        "faults cleared"
    );
    let log = m.get("/__mock/requests").json();
    assert_eq!(
        log["data"].as_array().unwrap().len(),
        2,
        "log cleared at reset"
    );
}

#[test]
fn empty_seed_has_only_predefined_roles_and_bench_adds_synthetic_data() {
    let m = Mock::start(&["--seed", "empty"]);
    assert!(m.ids(G).is_empty());
    assert!(m.ids("/v1/organization/users").is_empty());
    let roles = m.get("/v1/organization/roles").json();
    let names: Vec<&str> = roles["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Owner", "Reader"]);
    assert!(roles["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["predefined_role"] == true));
    drop(m);

    let m = Mock::start(&["--seed", "empty", "--users", "250", "--groups", "30"]);
    assert_eq!(m.ids(&format!("{G}?limit=1000")).len(), 30);
    let p = m.get("/v1/organization/users?limit=100").json();
    assert_eq!(p["has_more"], true);
    assert_eq!(p["data"][0]["name"], "Bench User 000001");
    let g = m.ids(G)[0].clone();
    assert!(!m.ids(&format!("{G}/{g}/users")).is_empty());
}
