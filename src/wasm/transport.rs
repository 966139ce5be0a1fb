//! One call: `fetch` with a timeout and the caller's abort signal, retried as the core decides.

use js_sys::{Function, JsString, Object, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use super::convert::{body_to_js, error_to_js, get, set};
use super::Inner;
use crate::config::HeaderList;
use crate::error::Error;
use crate::ops::Operation;
use crate::request::ApiRequest;
use crate::response::api_error;
use crate::retry::{retry_delay_ms, should_retry_status, RetryHeaders};
use crate::schema::check_response;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &Object) -> Promise;

    /// The engine's UTF-8 decoder, kept on the JS side: its string goes to `JSON.parse` without
    /// crossing into wasm.
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &Uint8Array) -> JsString;
}

/// What a call's request options change besides the request itself.
pub struct Overrides {
    /// `maxRetries` for this call.
    pub max_retries: Option<u32>,
    /// `timeout` for this call, in milliseconds.
    pub timeout_ms: Option<u64>,
    /// Headers for this call; `None` values remove a header.
    pub headers: Option<HeaderList>,
    /// The base URL for this call (`defaultBaseURL`, resolved by the entry point).
    pub base_url: Option<String>,
    /// `fetchOptions` for this call, over the client's.
    pub fetch_options: Option<Object>,
    /// Resolve after a 2xx with the `Response`, its body unread (`asResponse()`).
    pub raw: bool,
    /// Compare the answer with the spec's model and report the differences (`drift`).
    pub check: bool,
}

/// A failed call: the error and, when a response came, its headers.
pub struct Failure {
    pub error: Error,
    pub headers: Option<JsValue>,
}

impl Failure {
    pub fn into_js(self) -> JsValue {
        error_to_js(&self.error, self.headers.as_ref())
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            error,
            headers: None,
        }
    }
}

/// One answer: its status, the `Response`, and the body's bytes unless the
/// caller asked for the raw response.
struct Received {
    status: u16,
    response: web_sys::Response,
    bytes: Option<Uint8Array>,
}

/// Sends `request` for `op`, retrying as [`crate::retry`] decides. Resolves to `{ data,
/// response, nextAfter, drift }`: `data` parsed by the engine's `JSON.parse` with `_request_id`
/// attached; for a list, `nextAfter` is the next page's cursor as the official page classes
/// decide it; `drift` lists how the answer differs from the spec's model when `check` is set.
pub async fn call(
    inner: &Inner,
    op: &'static Operation,
    mut request: ApiRequest,
    overrides: Overrides,
    signal: Option<AbortSignal>,
) -> Result<JsValue, Failure> {
    let max_retries = overrides.max_retries.unwrap_or(inner.config.max_retries);
    let timeout_ms = overrides.timeout_ms.unwrap_or(inner.config.timeout_ms);
    inner.config.add_default_query(&mut request.query);
    let base_url = overrides
        .base_url
        .as_deref()
        .unwrap_or(&inner.config.base_url);
    let url = request.url(base_url);
    let headers = inner
        .config
        .request_headers(request.body.is_some(), overrides.headers.as_ref());
    let send = Send {
        method: request.method.as_str(),
        url: &url,
        headers: &headers,
        body: request.body.as_deref(),
        fetch_options: overrides.fetch_options.as_ref(),
        raw: overrides.raw,
    };
    let mut retries_done = 0;
    loop {
        let attempt = attempt(inner, &send, timeout_ms, signal.as_ref()).await;
        let retries_left = max_retries.saturating_sub(retries_done);
        let received = match attempt {
            Ok(received) => received,
            Err(Error::Aborted) => return Err(Error::Aborted.into()),
            // Connection errors and timeouts are retried like a 5xx, as the official SDK does
            // with anything its `fetch` throws.
            Err(error) if retries_left > 0 => {
                let ms = retry_delay_ms(retries_done, &RetryHeaders::default(), now(), random());
                wait_to_retry(inner, op, &error, ms, retries_left, signal.as_ref()).await;
                retries_done += 1;
                continue;
            }
            Err(error) => return Err(error.into()),
        };
        let Received {
            status,
            response,
            bytes,
        } = received;
        // Only the headers the client reads, each looked up once: walking every header from
        // wasm costs several calls into JavaScript per header, on every call.
        let response_headers = response.headers();
        let header = |name: &str| response_headers.get(name).ok().flatten();
        let request_id = header("x-request-id");
        if !(200..300).contains(&status) {
            let (should_retry, retry_after_ms, retry_after) = (
                header("x-should-retry"),
                header("retry-after-ms"),
                header("retry-after"),
            );
            let hints = RetryHeaders {
                should_retry: should_retry.as_deref(),
                retry_after_ms: retry_after_ms.as_deref(),
                retry_after: retry_after.as_deref(),
            };
            if retries_left > 0 && should_retry_status(status, &hints) {
                let ms = retry_delay_ms(retries_done, &hints, now(), random());
                wait_to_retry(inner, op, &status, ms, retries_left, signal.as_ref()).await;
                retries_done += 1;
                continue;
            }
            let body = bytes.map(|b| String::from_utf8_lossy(&b.to_vec()).into_owned());
            return Err(Failure {
                error: Error::Api(Box::new(api_error(
                    status,
                    request_id.as_deref(),
                    body.as_deref().unwrap_or_default(),
                ))),
                headers: Some(headers_to_js(&response_headers)),
            });
        }
        let out = Object::new();
        set(&out, "response", &response);
        let Some(bytes) = bytes else {
            return Ok(out.into());
        };
        let decode_error = |message: String| Failure {
            error: Error::Decode {
                message,
                status,
                request_id: request_id.clone(),
            },
            headers: Some(headers_to_js(&response_headers)),
        };
        let data = body_to_js(&TextDecoder::new().decode(&bytes), request_id.as_deref())
            .map_err(|_| decode_error("the body is not valid JSON".to_owned()))?;
        if !data.is_object() || js_sys::Array::is_array(&data) {
            return Err(decode_error("the body is not a JSON object".to_owned()));
        }
        if let Some(cursor) = op.cursor {
            let next = next_after(&data, cursor).map_err(decode_error)?;
            set(
                &out,
                "nextAfter",
                &next.map(JsValue::from).unwrap_or(JsValue::NULL),
            );
        }
        if overrides.check {
            let mut drift = Vec::new();
            let text = String::from_utf8(bytes.to_vec())
                .map_err(|_| decode_error("the body is not valid UTF-8".to_owned()))?;
            check_response(op.result, &text, op.cursor, &mut drift)
                .map_err(|e| decode_error(e.to_string()))?;
            let list = js_sys::Array::new();
            for item in &drift {
                list.push(&item.to_string().into());
            }
            set(&out, "drift", &list);
        }
        set(&out, "data", &data);
        return Ok(out.into());
    }
}

/// Logs why the call is retried (the failure: an error or a status), then waits `ms`.
async fn wait_to_retry(
    inner: &Inner,
    op: &Operation,
    failure: &dyn std::fmt::Display,
    ms: f64,
    retries_left: u32,
    signal: Option<&AbortSignal>,
) {
    inner.log(
        "info",
        &format!(
            "{}: {failure} - retrying in {} ms, {retries_left} attempts remaining",
            op.name, ms as u64
        ),
    );
    sleep(ms, signal).await;
}

/// The next page's `after` cursor, as the official page classes decide it: `has_more` missing
/// or `false` ends the list; otherwise a non-empty cursor continues it, even after an empty page
/// (`NextCursorPage`), except that the users list (`last_id`, `ConversationCursorPage`) also
/// ends on an empty page. The envelope's fields must have their JSON types when present.
fn next_after(page: &JsValue, cursor_field: &str) -> Result<Option<String>, String> {
    let data = get(page, "data");
    let items = if data.is_undefined() {
        0
    } else if js_sys::Array::is_array(&data) {
        js_sys::Array::from(&data).length()
    } else {
        return Err("`data` is not an array".to_owned());
    };
    let has_more = get(page, "has_more");
    if !has_more.is_undefined() && has_more.as_bool().is_none() {
        return Err("`has_more` is not a boolean".to_owned());
    }
    let cursor = get(page, cursor_field);
    if !(cursor.is_undefined() || cursor.is_null() || cursor.is_string()) {
        return Err(format!("`{cursor_field}` is neither a string nor null"));
    }
    if has_more.as_bool() != Some(true) || (cursor_field == "last_id" && items == 0) {
        return Ok(None);
    }
    Ok(cursor.as_string().filter(|c| !c.is_empty()))
}

/// What every attempt of one call sends.
struct Send<'a> {
    method: &'static str,
    url: &'a str,
    headers: &'a [(String, String)],
    body: Option<&'a str>,
    fetch_options: Option<&'a Object>,
    raw: bool,
}

/// One attempt, under the call's timeout and the caller's signal.
async fn attempt(
    inner: &Inner,
    send: &Send<'_>,
    timeout_ms: u64,
    signal: Option<&AbortSignal>,
) -> Result<Received, Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(Error::Aborted);
    }
    let controller =
        AbortController::new().map_err(|_| connection("AbortController is unavailable"))?;
    // The caller's signal aborts this attempt; the timer aborts it when the time is up.
    let forward = signal.map(|signal| {
        let controller = controller.clone();
        let on_abort = Closure::<dyn FnMut()>::new(move || controller.abort());
        let _ = signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        (signal.clone(), on_abort)
    });
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let on_timeout = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        Closure::<dyn FnMut()>::new(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = set_timeout(on_timeout.as_ref().unchecked_ref(), timeout_ms as f64);

    let result = fetch_once(inner, send, &controller.signal()).await;

    clear_timeout(&timer);
    if let Some((signal, on_abort)) = &forward {
        let _ =
            signal.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    match result {
        Ok(received) => Ok(received),
        Err(_) if signal.is_some_and(AbortSignal::aborted) => Err(Error::Aborted),
        Err(_) if timed_out.get() => Err(Error::Timeout),
        Err(message) => Err(connection(&message)),
    }
}

fn connection(message: &str) -> Error {
    Error::Connection {
        message: message.to_owned(),
    }
}

/// `fetch(url, init)` as the official SDK calls it, and the whole body read (all under `abort`)
/// unless the caller wants the raw response of a 2xx.
///
/// `init` is `{ method, headers, body, ...client fetchOptions, ...call fetchOptions }` with the
/// attempt's own `signal` and the method (upper-cased) set last, as the official SDK builds it.
async fn fetch_once(
    inner: &Inner,
    send: &Send<'_>,
    abort: &AbortSignal,
) -> Result<Received, String> {
    let init = Object::new();
    let request_headers = web_sys::Headers::new().map_err(describe)?;
    for (name, value) in send.headers {
        request_headers.set(name, value).map_err(describe)?;
    }
    set(&init, "headers", &request_headers);
    if let Some(body) = send.body {
        set(&init, "body", &JsValue::from_str(body));
    }
    for options in [inner.fetch_options.as_ref(), send.fetch_options]
        .into_iter()
        .flatten()
    {
        Object::assign(&init, options);
    }
    let method = get(&init, "method")
        .as_string()
        .map_or_else(|| send.method.to_owned(), |m| m.to_ascii_uppercase());
    set(&init, "method", &method.into());
    set(&init, "signal", abort);
    let promise = match &inner.fetch {
        Some(fetch) => fetch
            .call2(&JsValue::UNDEFINED, &send.url.into(), &init)
            .map_err(describe)?
            .dyn_into::<Promise>()
            .map_err(|_| "the custom `fetch` did not return a promise".to_owned())?,
        None => global_fetch(send.url, &init),
    };
    let response = JsFuture::from(promise)
        .await
        .map_err(describe)?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "`fetch` did not resolve to a Response".to_owned())?;
    let status = response.status();
    let bytes = if send.raw && (200..300).contains(&status) {
        None
    } else {
        let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
            .await
            .map_err(describe)?;
        Some(Uint8Array::new(&buffer))
    };
    Ok(Received {
        status,
        response,
        bytes,
    })
}

/// A JS exception as text: its `message` when it has one.
fn describe(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "fetch failed".to_owned())
}

/// The response's headers as a plain object (names lower-case), for an error; only failures
/// pay for walking them.
fn headers_to_js(headers: &web_sys::Headers) -> JsValue {
    let out = Object::new();
    if let Ok(Some(entries)) = js_sys::try_iter(headers) {
        for entry in entries.flatten() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                set(&out, &name.to_ascii_lowercase(), &value.into());
            }
        }
    }
    out.into()
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn random() -> f64 {
    js_sys::Math::random()
}

/// Waits `ms` milliseconds, or less if `signal` aborts first (a server may ask for up to a
/// minute between attempts; an abort must not wait for that). The next attempt then sees the
/// aborted signal and rejects with `APIUserAbortError`.
async fn sleep(ms: f64, signal: Option<&AbortSignal>) {
    if signal.is_some_and(AbortSignal::aborted) {
        return;
    }
    let mut wake: Option<(JsValue, Function)> = None;
    let promise = Promise::new(&mut |resolve, _reject| {
        let timer = set_timeout(&resolve, ms);
        if let Some(signal) = signal {
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        }
        wake = Some((timer, resolve));
    });
    let _ = JsFuture::from(promise).await;
    if let Some((timer, resolve)) = wake {
        clear_timeout(&timer);
        if let Some(signal) = signal {
            let _ = signal.remove_event_listener_with_callback("abort", &resolve);
        }
    }
}
