//! The exports that run the operation table: `call` sends any operation, `prepare` only checks
//! and builds one (the server handler uses it on a visitor's request).

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use super::convert::{error_to_js, get, header_list, members_of, set, string_arg, stringify};
use super::transport::{call, Overrides};
use super::WasmClient;
use crate::error::Error;
use crate::ops::{build, find, push_query, Operation};
use crate::request::{ApiRequest, Method};

/// Runs operation `op` (`groups.users.list`, …) with the official SDK's arguments: `id` the
/// positional path parameter, `params` the params, query or body object, `options` the request
/// options as the package's entry normalized them. Resolves to `{ data, response, nextAfter,
/// drift }`; rejects with an error description (see `convert::error_to_js`).
#[wasm_bindgen(js_name = call)]
pub fn call_op(
    client: &WasmClient,
    op: &str,
    id: JsValue,
    params: JsValue,
    options: JsValue,
    signal: Option<AbortSignal>,
) -> Promise {
    let inner = client.inner.clone();
    let prepared = find(op)
        .ok_or_else(|| Error::invalid("op", format!("unknown operation `{op}`")))
        .and_then(|operation| {
            let request = build_from_js(operation, &id, &params)?;
            Ok((operation, apply_overrides(request, &options)?))
        });
    let overrides = Overrides {
        max_retries: get(&options, "maxRetries").as_f64().map(|n| n as u32),
        timeout_ms: get(&options, "timeout").as_f64().map(|n| n as u64),
        headers: Some(header_list(&get(&options, "headers"))),
        base_url: get(&options, "baseURL").as_string(),
        fetch_options: get(&options, "fetchOptions").dyn_into::<Object>().ok(),
        raw: get(&options, "raw").is_truthy(),
        check: get(&options, "check").is_truthy(),
    };
    future_to_promise(async move {
        let (operation, request) = prepared.map_err(|e| error_to_js(&e, None))?;
        call(&inner, operation, request, overrides, signal)
            .await
            .map_err(|failure| failure.into_js())
    })
}

/// Checks and builds operation `op`'s request without sending it: `{ method, path, body }`, the
/// path with its encoded query. Throws an error description when the arguments cannot succeed.
#[wasm_bindgen]
pub fn prepare(op: &str, id: JsValue, params: JsValue) -> Result<JsValue, JsValue> {
    let operation = find(op).ok_or_else(|| {
        error_to_js(
            &Error::invalid("op", format!("unknown operation `{op}`")),
            None,
        )
    })?;
    let request = build_from_js(operation, &id, &params).map_err(|e| error_to_js(&e, None))?;
    let out = Object::new();
    set(&out, "method", &request.method.as_str().into());
    set(&out, "path", &request.path_and_query().into());
    set(
        &out,
        "body",
        &request
            .body
            .map(JsValue::from)
            .unwrap_or(JsValue::UNDEFINED),
    );
    Ok(out.into())
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

/// The official request options that replace a part of the request: `path`, `method`,
/// `query` and `body`.
fn apply_overrides(mut request: ApiRequest, options: &JsValue) -> Result<ApiRequest, Error> {
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
    Ok(request)
}
