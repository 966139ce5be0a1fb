//! What the native suites share: the mock (`tests/support/mock.rs` of the workspace, started on a
//! free loopback port and killed by PID when dropped), a client of it, and its controls.
#![allow(dead_code)]

#[path = "../../../tests/support/mock.rs"]
mod mock;

use std::time::Duration;

pub use mock::Mock;
use openai_admin::Client;

/// The admin key the mocks are started with: a canary no error may show.
pub const KEY: &str = "sk-admin-canary-7f3e9c";

/// The demo seed (45 users, 12 groups, roles and assignments).
pub fn demo() -> Mock {
    Mock::start_with(KEY, &["--seed", "demo"])
}

/// A client of `mock` with the canary key, short retries and a 10 s timeout.
pub fn client(mock: &Mock) -> Client {
    builder(mock).build().expect("a client")
}

/// The builder [`client`] starts from.
pub fn builder(mock: &Mock) -> openai_admin::ClientBuilder {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("http://{}/v1", mock.host))
        .timeout(Duration::from_secs(10))
}

/// Arms the fault rules `rules` (a JSON list, see mock/README.md).
pub fn faults(mock: &Mock, rules: &str) {
    let reply = mock.control("POST", "/__mock/faults", Some(rules));
    assert_eq!(reply.status, 200, "arming faults: {}", reply.body);
}

/// How many `/v1` requests the mock has received since it started or was last counted.
pub fn take_request_count(mock: &Mock) -> u64 {
    let reply = mock.control("GET", "/__mock/stats", None);
    let stats: serde_json::Value = serde_json::from_str(&reply.body).expect("stats JSON");
    mock.control("DELETE", "/__mock/stats", None);
    stats["requests"].as_u64().expect("stats.requests")
}

/// The `/v1` requests the mock logged, oldest first, as `METHOD path?query`, then cleared.
pub fn take_requests(mock: &Mock) -> Vec<String> {
    let reply = mock.control("GET", "/__mock/requests", None);
    let log: serde_json::Value = serde_json::from_str(&reply.body).expect("requests JSON");
    mock.control("DELETE", "/__mock/requests", None);
    let items = log
        .get("data")
        .and_then(|d| d.as_array())
        .or_else(|| log.as_array())
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .map(|r| {
            let query = r["query"]
                .as_str()
                .map(|q| format!("?{q}"))
                .unwrap_or_default();
            format!(
                "{} {}{query}",
                r["method"].as_str().unwrap_or(""),
                r["path"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// Asserts that no text of `error` shows the key.
pub fn assert_no_key(error: &openai_admin::Error) {
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains(KEY), "the key shows in {shown}");
    assert!(!shown.contains("canary-7f3e9c"), "the key shows in {shown}");
}
