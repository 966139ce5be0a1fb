//! The exports that run the operation table and read its answers.

use js_sys::{Array, JsString, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::convert::{body_to_js, error_to_js, get, members_of, set, string_arg, stringify};
use crate::error::Error;
use crate::ops::{build, find, push_query, Operation};
use crate::request::{ApiRequest, Method};
use crate::response::api_error;
use crate::retry::{retry_delay_ms, server_delay_ms, should_retry_status, RetryHeaders};
use crate::schema::check_response_sample;

/// Checks and builds operation `op`'s request (`groups.users.list`, …) from the official SDK's
/// arguments, without sending it: `id` the positional path parameter, `params` the params, query
/// or body object. `options` may hold the official request options that replace part of the
/// request (`path`, `method`, `query`, `body`), the client's `defaultQuery`, and `pathQuery` and
/// `baseQuery`, the queries the `path` option and the base URL carried (read by the engine's
/// `URLSearchParams`).
///
/// Returns `{ method, path, body }`, the path with its encoded query; for a list whose query has
/// one `after`, `afterStart` and `afterEnd` say where its encoded value sits in `path`. Throws an
/// error description (see `convert::error_to_js`) when the arguments cannot succeed.
#[wasm_bindgen(unchecked_return_type = "Prepared")]
pub fn prepare(
    op: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RequestOverrides | null | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let operation = operation(op).map_err(|e| error_to_js(&e))?;
    let request = build_from_js(operation, &id, &params)
        .and_then(|request| apply_options(request, &options))
        .map_err(|e| error_to_js(&e))?;
    let out: Prepared = Object::new().unchecked_into();
    out.set_method(request.method.as_str());
    // A list's next page differs only by its `after`: say where it sits, so that the caller can
    // swap it (see `encodeQueryValue`).
    let marked = if operation.cursor.is_some() {
        "after"
    } else {
        ""
    };
    let (path, after) = request.path_and_query_marking(marked);
    out.set_path(&path);
    if let Some(after) = after {
        out.set_after_start(after.start);
        out.set_after_end(after.end);
    }
    if let Some(body) = request.body {
        out.set_body(&body);
    }
    Ok(out.into())
}

/// Percent-encodes a query value as [`prepare`] writes it: a list's next `after`, put in the
/// place `prepare` marked with `afterStart` and `afterEnd`.
#[wasm_bindgen(js_name = encodeQueryValue)]
pub fn encode_query_value(value: &str) -> String {
    crate::request::encode_query_value(value)
}

// Every list page and every request passes here, so the envelope's and the prepared request's
// fields are read and written as plain property accesses in the bindings: `Reflect` with a key
// would make a new JS string of the key on each call.
#[wasm_bindgen]
extern "C" {
    /// What [`prepare`] returns: `{ method, path, body?, afterStart?, afterEnd? }`.
    type Prepared;
    #[wasm_bindgen(method, setter = afterStart)]
    fn set_after_start(this: &Prepared, value: usize);
    #[wasm_bindgen(method, setter = afterEnd)]
    fn set_after_end(this: &Prepared, value: usize);
    #[wasm_bindgen(method, setter = method)]
    fn set_method(this: &Prepared, value: &str);
    #[wasm_bindgen(method, setter = path)]
    fn set_path(this: &Prepared, value: &str);
    #[wasm_bindgen(method, setter = body)]
    fn set_body(this: &Prepared, value: &str);

    /// A list page's envelope, as the engine parsed it: `data`, `has_more`, and the cursor
    /// fields the operation table names (`next`, `last_id`).
    type Envelope;
    #[wasm_bindgen(method, getter = data)]
    fn data(this: &Envelope) -> JsValue;
    #[wasm_bindgen(method, getter = has_more)]
    fn has_more(this: &Envelope) -> JsValue;
    #[wasm_bindgen(method, getter = next)]
    fn next(this: &Envelope) -> JsValue;
    #[wasm_bindgen(method, getter = last_id)]
    fn last_id(this: &Envelope) -> JsValue;
}

/// Reads the 2xx answer `text` of operation `op`: parsed by the engine's `JSON.parse`, with
/// `_request_id` attached as the official SDK attaches it. Returns `{ data, drift? }`: with
/// `check`, `drift` lists how the answer differs from the spec's model, comparing only the first
/// `sample` items of each array when `sample` is given. Where a list goes next is the package's
/// page classes' decision (`pkg-template/src/pagination.ts`), not the core's.
///
/// Throws an `APIError` description only when the client cannot go on: the body is not JSON or
/// not an object, or a list's envelope field has the wrong JSON type.
#[wasm_bindgen(js_name = parseAnswer, unchecked_return_type = "ParsedAnswer")]
pub fn parse_answer(
    op: &str,
    text: &JsString,
    status: u16,
    request_id: Option<String>,
    check: bool,
    sample: Option<u32>,
) -> Result<JsValue, JsValue> {
    let op = operation(op).map_err(|e| error_to_js(&e))?;
    let fail = |message: String| unusable_answer(message, status, request_id.clone());
    let data = body_to_js(text, request_id.as_deref())
        .map_err(|_| fail("the body is not valid JSON".to_owned()))?;
    if !data.is_object() || Array::is_array(&data) {
        return Err(fail("the body is not a JSON object".to_owned()));
    }
    let out = Object::new();
    set(&out, "data", &data);
    if let Some(cursor) = op.cursor {
        check_envelope(&data, cursor).map_err(fail)?;
    }
    if check {
        let mut drift = Vec::new();
        let items = sample.map_or(usize::MAX, |n| n as usize);
        check_response_sample(op.result, &String::from(text), op.cursor, items, &mut drift)
            .map_err(|e| fail(e.to_string()))?;
        let list = Array::new();
        for item in &drift {
            list.push(&item.to_string().into());
        }
        set(&out, "drift", &list);
    }
    Ok(out.into())
}

/// Checks a list page the engine has already parsed (`page`, from a 2xx answer to list `op`):
/// what [`parse_answer`] checks of a page, without parsing it again. Throws the same `APIError`
/// description when the client cannot page through it.
#[wasm_bindgen(js_name = checkPage)]
pub fn check_page(
    op: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] page: &JsValue,
    status: u16,
    // Taken as the JS value and copied only for an error: this runs once per page.
    #[wasm_bindgen(unchecked_param_type = "string | null")] request_id: &JsValue,
) -> Result<(), JsValue> {
    let op = operation(op).map_err(|e| error_to_js(&e))?;
    let Some(cursor) = op.cursor else {
        return Ok(());
    };
    check_envelope(page, cursor)
        .map_err(|message| unusable_answer(message, status, request_id.as_string()))
}

/// The `APIError` description of a 2xx answer the client cannot use (`Invalid response body: …`).
fn unusable_answer(message: String, status: u16, request_id: Option<String>) -> JsValue {
    error_to_js(&Error::Decode {
        message,
        status,
        request_id,
    })
}

/// The error description of a non-2xx answer: its class by status, the message, and the body's
/// `error` object's `code`, `param` and `type` (see `convert::error_to_js`).
#[wasm_bindgen(js_name = apiError, unchecked_return_type = "CoreError")]
pub fn api_error_js(status: u16, request_id: Option<String>, body: &str) -> JsValue {
    let error = api_error(status, request_id.as_deref(), body);
    error_to_js(&Error::Api(Box::new(error)))
}

/// Whether a failed attempt is tried again, and after how many milliseconds: `-1` when it is not.
/// `status` is the answer's, or 0 when there was none (a connection error or a timeout, retried
/// like a 5xx); `retries_done` counts the retries made so far; the strings are the answer's
/// `x-should-retry`, `retry-after-ms` and `retry-after` headers.
#[wasm_bindgen(js_name = retryDelay)]
pub fn retry_delay(
    status: u16,
    retries_done: u32,
    should_retry: Option<String>,
    retry_after_ms: Option<String>,
    retry_after: Option<String>,
) -> f64 {
    let hints = RetryHeaders {
        should_retry: should_retry.as_deref(),
        retry_after_ms: retry_after_ms.as_deref(),
        retry_after: retry_after.as_deref(),
    };
    if status != 0 && !should_retry_status(status, &hints) {
        return -1.0;
    }
    retry_delay_ms(
        retries_done,
        &hints,
        js_sys::Date::now(),
        js_sys::Math::random(),
    )
}

/// How long a rate-limited answer's `retry-after-ms` or `retry-after` header asks to wait, in
/// milliseconds, however long (an HTTP date is counted from `now_ms`, the caller's clock); `-1`
/// when neither header gives a usable wait (absent, unreadable, or a date in the past). Whether
/// and how much of it to honour is the caller's: the access scheduler caps it.
#[wasm_bindgen(js_name = retryAfterDelay)]
pub fn retry_after_delay(
    retry_after_ms: Option<String>,
    retry_after: Option<String>,
    now_ms: f64,
) -> f64 {
    let hints = RetryHeaders {
        should_retry: None,
        retry_after_ms: retry_after_ms.as_deref(),
        retry_after: retry_after.as_deref(),
    };
    server_delay_ms(&hints, now_ms)
        .filter(|ms| *ms >= 0.0)
        .unwrap_or(-1.0)
}

fn operation(op: &str) -> Result<&'static Operation, Error> {
    find(op).ok_or_else(|| Error::invalid("op", format!("unknown operation `{op}`")))
}

/// Whether a list page's envelope has the JSON types the package's page classes read: `data`
/// an array, `has_more` a boolean, the cursor field the operation table names a string or
/// `null`, each when present. Which page comes next is theirs to decide.
fn check_envelope(page: &JsValue, cursor_field: &str) -> Result<(), String> {
    if !page.is_object() {
        return Ok(());
    }
    let page: &Envelope = page.unchecked_ref();
    let data = page.data();
    if !(data.is_undefined() || Array::is_array(&data)) {
        return Err("`data` is not an array".to_owned());
    }
    let has_more = page.has_more();
    if !has_more.is_undefined() && has_more.as_bool().is_none() {
        return Err("`has_more` is not a boolean".to_owned());
    }
    // The two cursor fields the table names are read through their getters (see `Envelope`).
    let cursor = match cursor_field {
        "next" => page.next(),
        "last_id" => page.last_id(),
        other => get(page, other),
    };
    if !(cursor.is_undefined() || cursor.is_null() || cursor.is_string()) {
        return Err(format!("`{cursor_field}` is neither a string nor null"));
    }
    Ok(())
}

/// [`build`] with the arguments as JavaScript gave them.
fn build_from_js(op: &Operation, id: &JsValue, params: &JsValue) -> Result<ApiRequest, Error> {
    let id = match op.positional() {
        Some(name) if !(id.is_undefined() || id.is_null()) => Some(string_arg(name, id)?),
        _ => None,
    };
    let params = if params.is_undefined() || params.is_null() {
        None
    } else {
        let name = if op.method == Method::Get {
            "params"
        } else {
            "body"
        };
        Some(stringify(name, params)?)
    };
    build(op, id.as_deref(), params.as_deref())
}

/// The official request options that replace a part of the request (`path`, `method`, `query`
/// and `body`), then under the query the client's `defaultQuery`, the `path` option's `pathQuery`
/// and the base URL's `baseQuery`.
fn apply_options(mut request: ApiRequest, options: &JsValue) -> Result<ApiRequest, Error> {
    if !options.is_object() {
        return Ok(request);
    }
    if let Some(path) = get(options, "path").as_string() {
        request.path = if path.starts_with('/') {
            path
        } else {
            format!("/{path}")
        };
    }
    if let Some(method) = get(options, "method").as_string() {
        request.method = match method.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "DELETE" => Method::Delete,
            _ => {
                return Err(Error::invalid(
                    "method",
                    format!("unsupported method `{method}`"),
                ))
            }
        };
    }
    let query = get(options, "query");
    if !query.is_undefined() {
        request.query.clear();
        for (key, raw) in members_of(&query) {
            push_query(&mut request.query, &key, &raw);
        }
    }
    let body = get(options, "body");
    if !body.is_undefined() {
        request.body = if body.is_null() {
            None
        } else {
            Some(stringify("body", &body)?)
        };
    }
    // As the official SDK spreads them: the base URL's query, the `path` option's own query, the
    // client's `defaultQuery`, then the request's query.
    for layer in ["defaultQuery", "pathQuery", "baseQuery"] {
        let mut pairs = Vec::new();
        for (key, raw) in members_of(&get(options, layer)) {
            push_query(&mut pairs, &key, &raw);
        }
        request.add_default_query(&pairs);
    }
    Ok(request)
}
