//! Helpers shared by the `wasm_*` suites: the mock's address, a client pointed at it, awaiting the
//! exports' promises, reading fields of the JavaScript values they give, and the mock's `/__mock`
//! controls (fault rules and the request log).
//!
//! Every suite includes this file with `#[path = "wasm/common.rs"] mod common;` and uses part of it.
#![allow(dead_code)]

use js_sys::{Array, Function, Promise, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[path = "env.rs"]
mod env;
#[path = "mock.rs"]
mod mock;
use mock::{after_rejection, stop_if_mock_missing};
pub use mock::{mock_url, require_mock};

pub use openai_admin_wasm::wasm as api;
pub use openai_admin_wasm::wasm::WasmClient;

/// The key the mock accepts unless started with another one.
pub const KEY: &str = "sk-admin-demo";

/// A function of the global object (`fetch`, `setTimeout`), looked up at run time: binding them
/// with `extern "C"` here would clash at link time with the library's identical bindings.
fn global_function(name: &str) -> Function {
    Reflect::get(&js_sys::global(), &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .unwrap_or_else(|| panic!("`{name}` is not a global function here"))
}

fn fetch_with_init(url: &str, init: &JsValue) -> Promise {
    global_function("fetch")
        .call2(&JsValue::UNDEFINED, &url.into(), init)
        .unwrap_or_else(|e| panic!("fetch threw: {}", describe(&e)))
        .unchecked_into()
}

/// A JSON value as a JavaScript value (objects become plain objects).
pub fn js(value: Value) -> JsValue {
    JSON::parse(&value.to_string()).expect("serde_json writes valid JSON")
}

/// `undefined`, for optional arguments left out.
pub fn none() -> JsValue {
    JsValue::UNDEFINED
}

/// A client for the mock with the key.
pub fn client() -> WasmClient {
    client_with(json!({}))
}

/// [`client`] with more (or overridden) settings: `baseURL`, `maxRetries`, `timeout`, and
/// `adminAPIKey`, which becomes the `Authorization` header as the package's entry resolves it.
pub fn client_with(extra: Value) -> WasmClient {
    let key = extra
        .get("adminAPIKey")
        .and_then(Value::as_str)
        .unwrap_or(KEY)
        .to_owned();
    let mut config = json!({
        "baseURL": format!("{}/v1", mock_url()),
        "maxRetries": 2,
        "timeout": 600_000,
        "headers": { "authorization": format!("Bearer {key}") },
    });
    if let (Some(config), Value::Object(extra)) = (config.as_object_mut(), extra) {
        for (name, value) in extra {
            if name != "adminAPIKey" {
                config.insert(name, value);
            }
        }
    }
    WasmClient::new(js(config), None, JsValue::UNDEFINED, JsValue::UNDEFINED)
        .unwrap_or_else(|e| panic!("the client was refused: {}", describe(&e)))
}

/// Awaits a promise; stops the run with one line if it failed because the mock is not running
/// (see `mock.rs`).
async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    stop_if_mock_missing();
    let result = JsFuture::from(promise).await;
    if let Err(error) = &result {
        after_rejection(error).await;
    }
    result
}

/// Runs operation `op` of the table with no request options and no signal: the promise of
/// `call(client, op, id, params)` in JavaScript.
pub fn call(client: &WasmClient, op: &str, id: JsValue, params: JsValue) -> Promise {
    api::call_op(client, op, id, params, JsValue::UNDEFINED, None)
}

/// Awaits a promise that may resolve or reject.
pub async fn settle_any(promise: Promise) -> Result<JsValue, JsValue> {
    settle(promise).await
}

/// Awaits a promise that must resolve, to the parsed body; for a list, to `{ page, nextAfter }`.
pub async fn ok(promise: Promise) -> JsValue {
    match settle(promise).await {
        Ok(result) => {
            let data = get(&result, "data");
            if Reflect::has(&result, &"nextAfter".into()).unwrap_or(false) {
                let page = js_sys::Object::new();
                let _ = Reflect::set(&page, &"page".into(), &data);
                let _ = Reflect::set(&page, &"nextAfter".into(), &get(&result, "nextAfter"));
                page.into()
            } else {
                data
            }
        }
        Err(error) => panic!("expected success, got {}", describe(&error)),
    }
}

/// Awaits a promise that must reject, and checks the error's `name`.
pub async fn err(promise: Promise, name: &str) -> JsValue {
    match settle(promise).await {
        Ok(value) => panic!("expected a {name}, got success: {}", describe(&value)),
        Err(error) => {
            assert_eq!(
                get(&error, "name").as_string().as_deref(),
                Some(name),
                "wrong error: {}",
                describe(&error)
            );
            error
        }
    }
}

/// `JSON.stringify(value)`, for failure messages.
pub fn describe(value: &JsValue) -> String {
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// `value.a.b.c` for the path `"a.b.c"`; `undefined` where a step is missing.
pub fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        if v.is_undefined() || v.is_null() {
            return JsValue::UNDEFINED;
        }
        Reflect::get(&v, &key.into()).unwrap_or(JsValue::UNDEFINED)
    })
}

/// A string field, which must be there.
pub fn string(value: &JsValue, path: &str) -> String {
    get(value, path)
        .as_string()
        .unwrap_or_else(|| panic!("`{path}` is not a string in {}", describe(value)))
}

/// A number field, which must be there.
pub fn number(value: &JsValue, path: &str) -> f64 {
    get(value, path)
        .as_f64()
        .unwrap_or_else(|| panic!("`{path}` is not a number in {}", describe(value)))
}

/// A boolean field, which must be there.
pub fn boolean(value: &JsValue, path: &str) -> bool {
    get(value, path)
        .as_bool()
        .unwrap_or_else(|| panic!("`{path}` is not a boolean in {}", describe(value)))
}

/// An array field, which must be there.
pub fn array(value: &JsValue, path: &str) -> Vec<JsValue> {
    get(value, path)
        .dyn_into::<Array>()
        .unwrap_or_else(|_| panic!("`{path}` is not an array in {}", describe(value)))
        .to_vec()
}

/// The `id`s of the array field at `path`.
pub fn ids(value: &JsValue, path: &str) -> Vec<String> {
    array(value, path).iter().map(|v| string(v, "id")).collect()
}

/// A name no other test (or earlier run against the same mock) uses.
pub fn unique(prefix: &str) -> String {
    format!(
        "{prefix} {} {:06}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e6) as u64
    )
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: f64) {
    let set_timeout = global_function("setTimeout");
    let promise = Promise::new(&mut |resolve, _| {
        let _ = set_timeout.call2(&JsValue::UNDEFINED, &resolve, &ms.into());
    });
    let _ = JsFuture::from(promise).await;
}

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
    let response: web_sys::Response = JsFuture::from(fetch_with_init(&url, &js(init)))
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
pub async fn new_group(client: &WasmClient, prefix: &str) -> String {
    let group = ok(api::call_op(
        client,
        "groups.create",
        none(),
        js(json!({ "name": unique(prefix) })),
        none(),
        None,
    ))
    .await;
    string(&group, "id")
}

/// Creates a custom role with a fresh name and returns its id.
pub async fn new_role(client: &WasmClient, prefix: &str) -> String {
    let role = ok(api::call_op(
        client,
        "roles.create",
        none(),
        js(json!({ "role_name": unique(prefix), "permissions": ["api.groups.read"] })),
        none(),
        None,
    ))
    .await;
    string(&role, "id")
}

/// The ids of the first `n` users of the organization (seeded, in id order).
pub async fn some_users(client: &WasmClient, n: usize) -> Vec<String> {
    let list = ok(api::call_op(
        client,
        "users.list",
        none(),
        js(json!({ "limit": n })),
        none(),
        None,
    ))
    .await;
    let users = ids(&list, "page.data");
    assert!(users.len() >= n, "the mock has fewer than {n} users");
    users
}
