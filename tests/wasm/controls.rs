//! The mock's `/__mock` controls (fault rules and the request log) and the fixtures the wasm
//! suites create through the exports (groups, roles, users). Part of `common.rs`.

use serde_json::Value;
use wasm_bindgen::JsValue;

use super::*;

// --- the mock's controls ----------------------------------------------------------------------

/// Calls a `/__mock` control and returns its JSON answer.
async fn control(method: &str, path: &str, body: Option<Value>) -> JsValue {
    require_mock().await;
    let mut init = json!({
        "method": method,
        "headers": { "authorization": format!("Bearer {KEY}") },
    });
    if let Some(body) = body {
        init["headers"]["content-type"] = json!("application/json");
        init["body"] = json!(body.to_string());
    }
    let url = format!("{}{path}", mock_url());
    let response: Response = JsFuture::from(fetch_with_init(&url, &js(init)))
        .await
        .unwrap_or_else(|e| panic!("{method} {url} failed: {}", describe(&e)))
        .unchecked_into();
    let status = response.status();
    let json = JsFuture::from(response.json().expect("a response has json()"))
        .await
        .unwrap_or_else(|e| panic!("{method} {url}: the body is not JSON: {}", describe(&e)));
    assert_eq!(status, 200, "{method} {url}: {}", describe(&json));
    json
}

/// Replaces the mock's fault rules.
pub async fn set_faults(rules: Value) {
    control("POST", "/__mock/faults", Some(rules)).await;
}

/// Removes every fault rule.
pub async fn clear_faults() {
    control("DELETE", "/__mock/faults", None).await;
}

/// Empties the mock's request log.
pub async fn clear_log() {
    control("DELETE", "/__mock/requests", None).await;
}

/// The logged API requests, oldest first, without CORS preflights (which only browsers send).
pub async fn logged() -> Vec<JsValue> {
    let log = control("GET", "/__mock/requests", None).await;
    array(&log, "data")
        .into_iter()
        .filter(|entry| get(entry, "method").as_string().as_deref() != Some("OPTIONS"))
        .collect()
}

/// How many logged requests had this method and exactly this path (`/v1/...`).
pub async fn attempts(method: &str, path: &str) -> usize {
    logged()
        .await
        .iter()
        .filter(|e| string(e, "method") == method && string(e, "path") == path)
        .count()
}

// --- fixtures ---------------------------------------------------------------------------------

/// Creates a group with a fresh name and returns its id.
pub async fn new_group(prefix: &str) -> String {
    let group = ok(call(
        "groups.create",
        none(),
        js(json!({ "name": unique(prefix) })),
    ))
    .await;
    string(&group, "id")
}

/// Creates a custom role with a fresh name and returns its id.
pub async fn new_role(prefix: &str) -> String {
    let role = ok(call(
        "roles.create",
        none(),
        js(json!({ "role_name": unique(prefix), "permissions": ["api.groups.read"] })),
    ))
    .await;
    string(&role, "id")
}

/// The ids of the first `n` users of the organization (seeded, in id order).
pub async fn some_users(n: usize) -> Vec<String> {
    let list = ok(call("users.list", none(), js(json!({ "limit": n })))).await;
    let users = ids(&list, "page.data");
    assert!(users.len() >= n, "the mock has fewer than {n} users");
    users
}
