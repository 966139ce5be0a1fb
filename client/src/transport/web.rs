//! On wasm32: the global `fetch` through `web-sys` (browsers, workers and Node alike: no
//! `window` is needed), an `AbortController` per attempt, and `setTimeout`. Dropping a call's
//! future aborts its request; the timeout aborts it too.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::future::{select, Either};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Request, RequestInit, Response};

use super::{Answer, Failure, Hint, Outgoing};
use crate::error::Error;

/// On wasm32 the browser's `fetch` is the transport: there is no client to configure.
#[derive(Debug, Clone, Copy, Default)]
pub struct HttpClient;

/// An answer's body: the text `fetch` read.
pub type Body = String;

/// The headers of an answer the client reads, in the order of [`Hint`]'s variants (read from
/// the `Response` at once: its `Headers` stay in JavaScript).
pub type Headers = [Option<String>; 4];

/// What every attempt of a client shares: its headers (lower-case names, values as given; the
/// client checked them).
#[derive(Clone)]
pub struct Target {
    headers: Vec<(String, String)>,
}

impl Target {
    /// The headers; the base URL is handed to `fetch` with each attempt's URL, as text, and
    /// every attempt sets its own timer.
    pub fn new(
        _base_url: &str,
        headers: &[(String, String)],
        _client_timeout: Option<std::time::Duration>,
    ) -> Result<Target, Error> {
        Ok(Target {
            headers: headers.to_vec(),
        })
    }
}

impl Answer {
    /// The value of header `which`, if it is there.
    pub fn header(&self, which: Hint) -> Option<&str> {
        self.headers[which as usize].as_deref()
    }

    /// The body as text (`fetch` replaced invalid UTF-8).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(&self.body)
    }
}

/// The `fetch` transport (each attempt sets its own timer).
pub fn default_client(_timeout: std::time::Duration) -> Result<HttpClient, Error> {
    Ok(HttpClient)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// Aborts the request when dropped before the answer was read.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            controller.abort();
        }
    }
}

/// A `setTimeout` as a future; the timer is cleared when the future is dropped (a pending timer
/// would keep Node running).
pub struct Sleep {
    promise: JsFuture,
    id: JsValue,
}

impl Future for Sleep {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.promise).poll(cx).map(|_| ())
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}

/// Waits `ms` milliseconds.
pub fn sleep(ms: f64) -> Sleep {
    let mut id = JsValue::UNDEFINED;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        id = set_timeout(&resolve, ms.max(0.0));
    });
    Sleep {
        promise: JsFuture::from(promise),
        id,
    }
}

/// The Unix time in milliseconds.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A number in `[0, 1)`.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// The message of a rejected `fetch` or body read (a `TypeError`, an `AbortError`).
fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "fetch failed".to_owned())
}

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (browsers, workers and Node alike: no `window` is needed).
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(request: &Request) -> js_sys::Promise;
}

/// The `Request` of one attempt.
fn request(out: &Outgoing<'_>, signal: &web_sys::AbortSignal) -> Result<Request, JsValue> {
    let headers = web_sys::Headers::new()?;
    for (name, value) in &out.target.headers {
        headers.set(name, value)?;
    }
    let init = RequestInit::new();
    init.set_method(out.method);
    init.set_signal(Some(signal));
    if let Some(body) = out.body {
        headers.set("content-type", "application/json")?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    Request::new_with_str_and_init(out.url, &init)
}

/// Sends one attempt and reads the whole answer within its timeout.
pub async fn send(_http: &HttpClient, out: Outgoing<'_>) -> Result<Answer, Failure> {
    let controller =
        AbortController::new().map_err(|_| Failure::Connection("no AbortController".into()))?;
    let signal = controller.signal();
    let mut guard = AbortOnDrop(Some(controller));
    let request = request(&out, &signal).map_err(|e| Failure::Connection(describe(e)))?;
    let exchange = async move {
        let response: Response = JsFuture::from(global_fetch(&request))
            .await?
            .unchecked_into();
        let headers = response.headers();
        let header = |name: &str| headers.get(name).ok().flatten();
        let status = response.status();
        let headers = Hint::ALL.map(|hint| header(hint.name()));
        let body = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        Ok::<_, JsValue>(Answer {
            status,
            headers,
            body,
        })
    };
    let timer = sleep(out.timeout.as_secs_f64() * 1000.0);
    let outcome = match select(Box::pin(exchange), timer).await {
        Either::Left((outcome, _)) => outcome,
        // The guard aborts the request.
        Either::Right(((), _)) => return Err(Failure::Timeout),
    };
    match outcome {
        Ok(answer) => {
            guard.0 = None;
            Ok(answer)
        }
        Err(_) if signal.aborted() => Err(Failure::Aborted),
        Err(error) => Err(Failure::Connection(describe(error))),
    }
}
