//! `--route-limit N/SECONDS`: a sliding window per endpoint (method and route template, ids left
//! out), 429s with the API's error body and no `Retry-After` or rate-limit headers (or with
//! `Retry-After` under `--route-limit-retry-after`), the per-endpoint counts of
//! `GET /__mock/stats`, and the medium seed.

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::Mock;
use serde_json::json;

const G: &str = "/v1/organization/groups";
const U: &str = "/v1/organization/users";
const ROLES_OF_USERS: &str = "GET /organization/users/{user_id}/roles";

#[test]
fn each_endpoint_has_its_own_window_and_429s_say_nothing() {
    let m = Mock::start(&["--route-limit", "3/1"]);
    let users = m.ids(U);
    // `ids` used one of GET /organization/users's three.
    for u in &users[..2] {
        assert_eq!(m.get(&format!("{U}/{u}/roles")).status, 200);
    }
    // Another user, the same endpoint.
    assert_eq!(m.get(&format!("{U}/{}/roles", users[2])).status, 200);
    let refused = m.get(&format!("{U}/{}/roles", users[3]));
    refused.error(429);
    assert_eq!(refused.json()["error"]["type"], "requests");
    assert!(refused.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("Rate limit"));
    for (name, _) in &refused.headers {
        let name = name.to_ascii_lowercase();
        assert!(
            name != "retry-after" && name != "retry-after-ms" && !name.starts_with("x-ratelimit"),
            "no hint headers: {name}"
        );
    }
    // Other endpoints are not held back.
    assert_eq!(m.get(G).status, 200);
    assert_eq!(m.get(&format!("{U}?limit=1")).status, 200);
    assert_eq!(m.get(&format!("{U}?limit=1")).status, 200);
    m.get(&format!("{U}?limit=1")).error(429);
    // A write is its own endpoint.
    let created = m.post(G, json!({ "name": "Limited" }));
    assert_eq!(created.status, 200, "{}", created.text());
    std::thread::sleep(Duration::from_millis(1050));
    assert_eq!(
        m.get(&format!("{U}/{}/roles", users[3])).status,
        200,
        "the window moved on"
    );

    let stats = m.get("/__mock/stats").json();
    let roles = &stats["endpoints"][ROLES_OF_USERS];
    assert_eq!(roles["requests"], 5);
    assert_eq!(roles["ok"], 4);
    assert_eq!(roles["rate_limited"], 1);
    let list = &stats["endpoints"]["GET /organization/users"];
    assert_eq!(
        (list["ok"].as_u64(), list["rate_limited"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(stats["endpoints"]["POST /organization/groups"]["ok"], 1);
    assert_eq!(stats["rate_limited"], 2);
    let log = m.get("/__mock/requests").json();
    let limited = log["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["fault"] == "rate_limited")
        .count();
    assert_eq!(limited, 2, "refusals are in the request log");
}

#[test]
fn retry_after_says_when_a_slot_frees() {
    let m = Mock::start(&["--route-limit", "2/5", "--route-limit-retry-after"]);
    assert_eq!(m.get(G).status, 200);
    assert_eq!(m.get(G).status, 200);
    let refused = m.get(G);
    refused.error(429);
    let secs: u64 = refused
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!(
        (4..=5).contains(&secs),
        "{secs} s until the first of the window leaves it"
    );
}

#[test]
fn faulted_requests_use_up_no_slot() {
    let m = Mock::start(&["--route-limit", "1/60"]);
    m.post(
        "/__mock/faults",
        json!({"path": G, "count": 2, "status": 500}),
    );
    m.get(G).error(500);
    m.get(G).error(500);
    assert_eq!(m.get(G).status, 200);
    m.get(G).error(429);
}

#[test]
fn the_medium_seed_has_300_users_and_30_groups() {
    let m = Mock::start(&["--seed", "medium"]);
    let mut users = 0;
    let mut after = String::new();
    loop {
        let page = m.get(&format!("{U}?limit=100{after}")).json();
        users += page["data"].as_array().unwrap().len();
        if page["has_more"] != true {
            break;
        }
        after = format!("&after={}", page["last_id"].as_str().unwrap());
    }
    assert_eq!(users, 300);
    assert_eq!(m.ids(&format!("{G}?limit=100")).len(), 30);
}
