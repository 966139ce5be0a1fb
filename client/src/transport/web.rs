//! On wasm32: the global `fetch` through `gloo-net` (browsers, workers and Node alike: no
//! `window` is needed), an `AbortController` per attempt, and `setTimeout`. Dropping a call's
//! future aborts its request; the timeout aborts it too.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::future::{select, Either};
use gloo_net::http::{Method, RequestBuilder};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use super::{Answer, Failure, Outgoing};
use crate::error::Error;

/// On wasm32 the browser's `fetch` is the transport: there is no client to configure.
#[derive(Debug, Clone, Copy, Default)]
pub struct HttpClient;

/// The `fetch` transport.
pub fn default_client() -> Result<HttpClient, Error> {
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

fn describe(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => js.message,
        other => other.to_string(),
    }
}

/// Sends one attempt and reads the whole answer within its timeout.
pub async fn send(_http: &HttpClient, out: Outgoing<'_>) -> Result<Answer, Failure> {
    let controller =
        AbortController::new().map_err(|_| Failure::Connection("no AbortController".into()))?;
    let signal = controller.signal();
    let mut guard = AbortOnDrop(Some(controller));
    let method = match out.method {
        "POST" => Method::POST,
        "DELETE" => Method::DELETE,
        _ => Method::GET,
    };
    let mut builder = RequestBuilder::new(out.url)
        .method(method)
        .abort_signal(Some(&signal));
    for (name, value) in out.headers {
        builder = builder.header(name, value);
    }
    let request = match out.body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(body.to_owned()),
        None => builder.build(),
    }
    .map_err(|e| Failure::Connection(describe(e)))?;
    let exchange = async move {
        let response = request.send().await?;
        let header = |name: &str| response.headers().get(name);
        let status = response.status();
        let request_id = header("x-request-id");
        let should_retry = header("x-should-retry");
        let retry_after_ms = header("retry-after-ms");
        let retry_after = header("retry-after");
        let body = response.text().await?;
        Ok::<_, gloo_net::Error>(Answer {
            status,
            request_id,
            should_retry,
            retry_after_ms,
            retry_after,
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
        Err(error) if signal.aborted() => {
            let _ = error;
            Err(Failure::Aborted)
        }
        Err(error) => Err(Failure::Connection(describe(error))),
    }
}
