//! One call: `fetch` with a timeout and the caller's abort signal, retried as the core decides.

use js_sys::{Function, JsString, Object, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use super::convert::{body_to_js, error_to_js, set};
use super::Inner;
use crate::config::CallOptions;
use crate::error::Error;
use crate::pagination::next_after;
use crate::request::ApiRequest;
use crate::response::api_error;
use crate::retry::{retry_delay_ms, should_retry_status, RetryHeaders};
use crate::schema::{validate, validate_page, Schema};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &web_sys::RequestInit) -> Promise;

    /// The engine's UTF-8 decoder, kept on the JS side: its string goes to `JSON.parse` without
    /// crossing into wasm.
    type TextDecoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextDecoder;
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &Uint8Array) -> JsString;
}

/// What a successful response must look like: the model's schema, and for a list page the field
/// that holds the next page's cursor.
pub struct Expect {
    pub schema: &'static Schema,
    pub cursor: Option<&'static str>,
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

/// Sends `request`, retrying as [`crate::retry`] decides, and checks the 2xx body against
/// `expect`. Resolves to the body (parsed by the engine's `JSON.parse`, `_request_id` attached)
/// and, for a list page, the `after` cursor of the next page.
pub async fn call(
    inner: &Inner,
    request: ApiRequest,
    options: CallOptions,
    signal: Option<AbortSignal>,
    expect: Expect,
) -> Result<(JsValue, Option<String>), Failure> {
    let max_retries = options.max_retries.unwrap_or(inner.config.max_retries);
    let timeout_ms = options
        .timeout
        .map(u64::from)
        .unwrap_or(inner.config.timeout_ms);
    let url = request.url(&inner.config.base_url);
    let headers = inner
        .config
        .request_headers(request.body.is_some(), options.headers.as_ref());
    let mut retries_done = 0;
    loop {
        let attempt = attempt(inner, &request, &url, &headers, timeout_ms, signal.as_ref()).await;
        let retries_left = retries_done < max_retries;
        let (status, response_headers, bytes) = match attempt {
            Ok(response) => response,
            Err(Error::Aborted) => return Err(Error::Aborted.into()),
            // Connection errors and timeouts are retried like a 5xx.
            Err(_) if retries_left => {
                sleep(
                    retry_delay_ms(retries_done, &RetryHeaders::default(), now(), random()),
                    signal.as_ref(),
                )
                .await;
                retries_done += 1;
                continue;
            }
            Err(error) => return Err(error.into()),
        };
        let header = |name: &str| {
            response_headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let request_id = header("x-request-id").map(str::to_owned);
        if !(200..300).contains(&status) {
            let hints = RetryHeaders {
                should_retry: header("x-should-retry"),
                retry_after_ms: header("retry-after-ms"),
                retry_after: header("retry-after"),
            };
            if retries_left && should_retry_status(status, &hints) {
                sleep(
                    retry_delay_ms(retries_done, &hints, now(), random()),
                    signal.as_ref(),
                )
                .await;
                retries_done += 1;
                continue;
            }
            let body = String::from_utf8_lossy(&bytes.to_vec()).into_owned();
            return Err(Failure {
                error: Error::Api(Box::new(api_error(status, request_id.as_deref(), &body))),
                headers: Some(headers_to_js(&response_headers)),
            });
        }
        let decode_error = |message: String| Failure {
            error: Error::Decode {
                message,
                status,
                request_id: request_id.clone(),
            },
            headers: Some(headers_to_js(&response_headers)),
        };
        // The body is checked in wasm from a plain copy of its bytes (a memcpy), and parsed by
        // the engine from its own decoding of the same bytes.
        let copy = bytes.to_vec();
        let text_utf8 = match String::from_utf8_lossy(&copy) {
            std::borrow::Cow::Borrowed(text) => text,
            std::borrow::Cow::Owned(_) => {
                return Err(decode_error("the body is not valid UTF-8".to_owned()))
            }
        };
        let next = match expect.cursor {
            Some(field) => validate_page(expect.schema, text_utf8, field)
                .map(|page| next_after(&page))
                .map_err(|e| decode_error(e.to_string()))?,
            None => validate(expect.schema, text_utf8)
                .map(|()| None)
                .map_err(|e| decode_error(e.to_string()))?,
        };
        let body = body_to_js(&TextDecoder::new().decode(&bytes), request_id.as_deref())?;
        return Ok((body, next));
    }
}

/// One attempt: the status, the lower-cased headers and the body's bytes.
async fn attempt(
    inner: &Inner,
    request: &ApiRequest,
    url: &str,
    headers: &[(String, String)],
    timeout_ms: u64,
    signal: Option<&AbortSignal>,
) -> Result<(u16, Vec<(String, String)>, Uint8Array), Error> {
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

    let result = send(inner, request, url, headers, &controller.signal()).await;

    clear_timeout(&timer);
    if let Some((signal, on_abort)) = &forward {
        let _ =
            signal.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
    match result {
        Ok(response) => Ok(response),
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

/// `fetch` and read the whole body, all under `abort`.
async fn send(
    inner: &Inner,
    request: &ApiRequest,
    url: &str,
    headers: &[(String, String)],
    abort: &AbortSignal,
) -> Result<(u16, Vec<(String, String)>, Uint8Array), String> {
    // One RequestInit handed to `fetch(url, init)`: no Request object to build (and parse the
    // URL of) unless a custom `fetch` wants one.
    let init = web_sys::RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_signal(Some(abort));
    let request_headers = gloo_net::http::Headers::new();
    for (name, value) in headers {
        request_headers.set(name, value);
    }
    init.set_headers(&request_headers.into_raw());
    if let Some(body) = &request.body {
        init.set_body(&JsValue::from_str(body));
    }
    let promise = match &inner.fetch {
        Some(fetch) => {
            let raw = web_sys::Request::new_with_str_and_init(url, &init).map_err(describe)?;
            fetch
                .call1(&JsValue::UNDEFINED, &raw)
                .map_err(describe)?
                .dyn_into::<Promise>()
                .map_err(|_| "the custom `fetch` did not return a promise".to_owned())?
        }
        None => global_fetch(url, &init),
    };
    let response = JsFuture::from(promise)
        .await
        .map_err(describe)?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "`fetch` did not resolve to a Response".to_owned())?;
    let status = response.status();
    let mut header_map = Vec::new();
    let response = gloo_net::http::Response::from(response);
    for (name, value) in response.headers().entries() {
        header_map.push((name.to_ascii_lowercase(), value));
    }
    let raw: web_sys::Response = response.into();
    let buffer = JsFuture::from(raw.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok((status, header_map, Uint8Array::new(&buffer)))
}

/// A JS exception as text: its `message` when it has one.
fn describe(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "fetch failed".to_owned())
}

fn headers_to_js(headers: &[(String, String)]) -> JsValue {
    let out = Object::new();
    for (name, value) in headers {
        set(&out, name, &value.into());
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
