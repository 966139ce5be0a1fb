//! Helpers shared by the `wasm_*` suites: the mock's address, one attempt at an operation made the
//! way the package's TypeScript makes it around the wasm exports, awaiting its promise, reading
//! fields of the JavaScript values the exports give, and the mock's `/__mock` controls (fault
//! rules and the request log).
//!
//! Every suite includes this file with `#[path = "wasm/common.rs"] mod common;` and uses part of it.
#![allow(dead_code)]

use js_sys::{Array, Function, JsString, Object, Promise, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};
use web_sys::{Headers, Response};

#[path = "controls.rs"]
mod controls;
#[path = "env.rs"]
mod env;
#[path = "mock.rs"]
mod mock;
pub use controls::*;
use mock::stop_if_mock_missing;
pub use mock::{mock_url, require_mock};

pub use openai_admin_wasm::wasm as api;

/// The key the mock accepts unless started with another one.
pub const KEY: &str = "sk-admin-demo";

/// A function of the global object (`fetch`, `setTimeout`), looked up at run time, as the
/// package's TypeScript calls the engine's own `fetch`.
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

// --- one attempt, as the package's TypeScript makes it ------------------------------------------

/// An answer of the mock, as `fetch` gave it: the status, the headers a script may read (in a
/// browser, those CORS exposes) and the body's text.
pub struct Answer {
    pub status: u16,
    pub headers: Headers,
    pub text: JsString,
}

impl Answer {
    /// A response header, `None` when it is missing (or not exposed to the script).
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).ok().flatten()
    }

    /// The readable headers as a plain object (names lower-case), as the package attaches them
    /// to an error.
    pub fn headers_object(&self) -> JsValue {
        Object::from_entries(&self.headers)
            .map(JsValue::from)
            .unwrap_or(JsValue::UNDEFINED)
    }
}

/// `fetch(mock + path, { method, headers, body })` with the admin key `key`, `accept` and, with a
/// body, `content-type`. A request that gets no answer rejects with the engine's own error; when
/// that is because the mock is not running, the run stops with one line (see `mock.rs`).
pub async fn send(
    method: &str,
    path: &str,
    body: Option<String>,
    key: &str,
) -> Result<Answer, JsValue> {
    stop_if_mock_missing();
    let mut headers = json!({
        "authorization": format!("Bearer {key}"),
        "accept": "application/json",
    });
    if body.is_some() {
        headers["content-type"] = json!("application/json");
    }
    let mut init = json!({ "method": method, "headers": headers });
    if let Some(body) = body {
        init["body"] = json!(body);
    }
    let url = format!("{}{path}", mock_url());
    let response: Response = match JsFuture::from(fetch_with_init(&url, &js(init))).await {
        Ok(response) => response.unchecked_into(),
        Err(error) => {
            require_mock().await;
            return Err(error);
        }
    };
    let text = JsFuture::from(response.text().expect("a response has text()"))
        .await?
        .unchecked_into::<JsString>();
    Ok(Answer {
        status: response.status(),
        headers: response.headers(),
        text,
    })
}

/// How [`call_with`] makes its attempt, beyond the operation's arguments.
#[derive(Clone, Default)]
pub struct With {
    /// `prepare`'s request options (`path`, `method`, `query`, `body`, `defaultQuery`).
    pub options: JsValue,
    /// Whether `parseAnswer` checks the body against the spec (its `drift` list).
    pub check: bool,
    /// With `check`, how many items of each array `parseAnswer` compares (all when `None`).
    pub sample: Option<u32>,
    /// Another key than [`KEY`].
    pub key: Option<String>,
}

impl With {
    /// `prepare` with these request options.
    pub fn options(options: Value) -> Self {
        With {
            options: js(options),
            ..With::default()
        }
    }

    /// `parseAnswer` with `check`.
    pub fn check() -> Self {
        With {
            check: true,
            ..With::default()
        }
    }

    /// `parseAnswer` with `check`, comparing only the first `items` items of each array.
    pub fn sample(items: u32) -> Self {
        With {
            check: true,
            sample: Some(items),
            ..With::default()
        }
    }

    /// The request sent with another admin key.
    pub fn key(key: &str) -> Self {
        With {
            key: Some(key.to_owned()),
            ..With::default()
        }
    }
}

/// One attempt at operation `op` (`groups.users.list`, …) with the official SDK's arguments, as
/// the package's TypeScript makes it (`pkg-template/src/transport.ts`): `prepare`, then the engine's
/// `fetch` to the mock's `/v1` + path; a 2xx answer is then read as [`read_answer`] says, and any
/// other status rejects with `apiError`'s description, the answer's readable headers attached as
/// `headers`. Refused arguments reject with `prepare`'s description, and nothing is sent. No
/// retries: those are the TypeScript's, and `retryDelay` decides them.
pub fn call(op: &str, id: JsValue, params: JsValue) -> Promise {
    call_with(op, id, params, With::default())
}

/// [`call`] with request options, drift checks or another key.
pub fn call_with(op: &str, id: JsValue, params: JsValue, with: With) -> Promise {
    let op = op.to_owned();
    future_to_promise(async move {
        let request = api::prepare(&op, id, params, with.options.clone())?;
        exchange(&op, &request, with).await
    })
}

/// [`call`] with a request already prepared: `prepare`'s `{ method, path, body? }`, or one the
/// package's page cache made from it (the next page's `after` swapped in, see [`swap_after`]).
pub fn call_prepared(op: &str, request: JsValue) -> Promise {
    let op = op.to_owned();
    future_to_promise(async move { exchange(&op, &request, With::default()).await })
}

/// The package's page cache (`requestWithNextCursor` in `pkg-template/src/page-cache.ts`): the request for the page after
/// cursor `after`, made from `prepared` (which marked where its `after` sits) with
/// `encodeQueryValue`, without calling `prepare` again.
pub fn swap_after(prepared: &JsValue, after: &str) -> JsValue {
    let path = string(prepared, "path");
    let start = number(prepared, "afterStart") as usize;
    let end = number(prepared, "afterEnd") as usize;
    let encoded = api::encode_query_value(after);
    let next = Object::assign(&Object::new(), prepared.unchecked_ref());
    let swapped = format!("{}{encoded}{}", &path[..start], &path[end..]);
    let _ = Reflect::set(&next, &"path".into(), &swapped.into());
    let _ = Reflect::set(
        &next,
        &"afterEnd".into(),
        &((start + encoded.len()) as f64).into(),
    );
    next.into()
}

async fn exchange(op: &str, request: &JsValue, with: With) -> Result<JsValue, JsValue> {
    let body = get(request, "body").as_string();
    let path = format!("/v1{}", string(request, "path"));
    let key = with.key.as_deref().unwrap_or(KEY);
    let answer = send(&string(request, "method"), &path, body, key).await?;
    let request_id = answer.header("x-request-id");
    let result = if (200..300).contains(&answer.status) {
        read_answer(op, &answer, request_id, &with)
    } else {
        let text = String::from(&answer.text);
        Err(api::api_error_js(answer.status, request_id, &text))
    };
    result.inspect_err(|error| {
        let _ = Reflect::set(error, &"headers".into(), &answer.headers_object());
    })
}

/// A 2xx answer read as the package reads it (`#read` in `pkg-template/src/transport.ts`): a body
/// that is a JSON object and is not checked for drift is parsed by the engine's `JSON.parse`, a
/// list page's envelope checked by `checkPage`, and `_request_id` attached as the package
/// attaches it; any other body (checked for drift, or not a JSON object) goes to `parseAnswer`.
/// Resolves to `{ data, drift? }`, with `list: true` for a list operation.
fn read_answer(
    op: &str,
    answer: &Answer,
    request_id: Option<String>,
    with: &With,
) -> Result<JsValue, JsValue> {
    let list = openai_admin_wasm::ops::find(op).is_some_and(|o| o.cursor.is_some());
    let parsed = (!with.check)
        .then(|| JSON::parse(&String::from(&answer.text)).ok())
        .flatten()
        .filter(|data| data.is_object() && !Array::is_array(data));
    let result = match parsed {
        Some(data) => {
            let id = request_id.map_or(JsValue::NULL, JsValue::from);
            if list {
                api::check_page(op, &data, answer.status, &id)?;
            }
            if !Reflect::has(&data, &"_request_id".into()).unwrap_or(false) {
                let descriptor = Object::new();
                let _ = Reflect::set(&descriptor, &"value".into(), &id);
                let _ = Reflect::set(&descriptor, &"enumerable".into(), &JsValue::FALSE);
                Object::define_property(
                    data.unchecked_ref::<Object>(),
                    &"_request_id".into(),
                    &descriptor,
                );
            }
            let out = Object::new();
            let _ = Reflect::set(&out, &"data".into(), &data);
            out.into()
        }
        None => api::parse_answer(
            op,
            &answer.text,
            answer.status,
            request_id,
            with.check,
            with.sample,
        )?,
    };
    if list {
        let _ = Reflect::set(&result, &"list".into(), &JsValue::TRUE);
    }
    Ok(result)
}

/// Awaits a promise; stops the run at once if the mock was found missing (see `mock.rs`).
async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    stop_if_mock_missing();
    JsFuture::from(promise).await
}

/// Awaits a promise that may resolve or reject.
pub async fn settle_any(promise: Promise) -> Result<JsValue, JsValue> {
    settle(promise).await
}

/// Awaits a promise that must resolve, to the parsed body; for a list, to `{ page }`.
pub async fn ok(promise: Promise) -> JsValue {
    match settle(promise).await {
        Ok(result) => {
            let data = get(&result, "data");
            if get(&result, "list").is_truthy() {
                let page = Object::new();
                let _ = Reflect::set(&page, &"page".into(), &data);
                page.into()
            } else {
                data
            }
        }
        Err(error) => panic!("expected success, got {}", describe(&error)),
    }
}

/// What a rejection must be: the class the core names (`"InvalidArgumentError"`, a request
/// refused before sending), or, for an answer, its status: the package picks an answer's class
/// from its status (`classForStatus` in `pkg-template/src/errors.ts`), and the core names none.
pub trait Rejection: std::fmt::Debug {
    /// Panics unless `error` is this rejection.
    fn check(&self, error: &JsValue);
}

impl Rejection for &str {
    fn check(&self, error: &JsValue) {
        assert_eq!(
            get(error, "name").as_string().as_deref(),
            Some(*self),
            "wrong error: {}",
            describe(error)
        );
    }
}

impl Rejection for u16 {
    fn check(&self, error: &JsValue) {
        assert!(
            get(error, "name").is_undefined(),
            "the core named an answer's class: {}",
            describe(error)
        );
        assert_eq!(
            get(error, "status").as_f64(),
            Some(f64::from(*self)),
            "wrong error: {}",
            describe(error)
        );
    }
}

/// Awaits a promise that must reject, and checks the error (see [`Rejection`]).
pub async fn err(promise: Promise, expected: impl Rejection) -> JsValue {
    match settle(promise).await {
        Ok(value) => panic!("expected {expected:?}, got success: {}", describe(&value)),
        Err(error) => {
            expected.check(&error);
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
