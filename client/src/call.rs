//! One call: the core builds the request, the transport sends each attempt, the core's retry
//! rule decides whether and when to try again, and the core reads the answer. This module only
//! strings them together; it decides nothing about the API.

use std::future::Future;
use std::pin::Pin;

use openai_admin_wasm::ops::{build, Endpoint, Operation};
use openai_admin_wasm::response::read_answer;
use openai_admin_wasm::retry::{retry_delay_ms, should_retry_status, RetryHeaders};
use openai_admin_wasm::schema::{Drift, ListModel};
use openai_admin_wasm::ApiRequest;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::client::{Client, Inner};
use crate::error::{Error, Result};
use crate::pagination::{ItemStream, Page};
use crate::transport::{self, Failure, Outgoing};

/// The request of operation `op`: `ids` are its path parameters in URL order (the last one is
/// the core's positional argument, the others travel in the params object, as the official
/// SDK's arguments do), `params` its query or body. Refused by the core, naming the argument,
/// before anything is sent.
pub(crate) fn prepare<P: Serialize>(
    op: &Operation,
    ids: &[&str],
    params: Option<&P>,
) -> Result<ApiRequest> {
    let arg = if op.method == openai_admin_wasm::Method::Get {
        "params"
    } else {
        "body"
    };
    let mut text = match params {
        Some(params) => {
            Some(
                serde_json::to_string(params).map_err(|e| Error::InvalidArgument {
                    param: arg.into(),
                    message: format!("`{arg}` cannot be written as JSON: {e}"),
                })?,
            )
        }
        None => None,
    };
    let (positional, others) = match ids.split_last() {
        Some((last, others)) => (Some(*last), others),
        None => (None, &[][..]),
    };
    if !others.is_empty() {
        let mut object = String::from("{");
        for (name, value) in op.path_params().zip(others) {
            // Strings and names always serialize.
            object.push_str(&serde_json::to_string(name).unwrap_or_default());
            object.push(':');
            object.push_str(&serde_json::to_string(value).unwrap_or_default());
            object.push(',');
        }
        match text.as_deref().map(str::trim) {
            Some(own) if own.starts_with('{') && own != "{}" => object.push_str(&own[1..]),
            _ => {
                object.pop();
                object.push('}');
            }
        }
        text = Some(object);
    }
    Ok(build(op, positional, text.as_deref())?)
}

/// One attempt of a request, as the transport sends it.
pub(crate) fn outgoing<'a>(
    inner: &'a Inner,
    method: &'static str,
    url: &'a str,
    body: Option<&'a str>,
) -> Outgoing<'a> {
    Outgoing {
        method,
        url,
        target: &inner.target,
        body,
        timeout: inner.timeout,
    }
}

/// Sends `request` (retrying as the core decides) and reads the answer into `T`.
pub(crate) async fn execute<T: DeserializeOwned>(
    client: &Client,
    op: &'static Operation,
    request: &ApiRequest,
) -> Result<T> {
    let inner = &client.inner;
    let url = request.url(&inner.base_url);
    let mut retries_done = 0;
    loop {
        let (method, body) = (request.method.as_str(), request.body.as_deref());
        #[cfg(feature = "pace")]
        let attempt = crate::pace::attempt(inner, op, method, &url, body).await?;
        #[cfg(not(feature = "pace"))]
        let attempt = transport::send(&inner.http, outgoing(inner, method, &url, body)).await;
        let wait = match &attempt {
            Ok(answer) if (200..300).contains(&answer.status) => None,
            Ok(answer) => {
                let hints = answer.retry_headers();
                (retries_done < inner.max_retries && should_retry_status(answer.status, &hints))
                    .then(|| {
                        retry_delay_ms(
                            retries_done,
                            &hints,
                            transport::now_ms(),
                            transport::random(),
                        )
                    })
            }
            // No answer: retried like a 5xx.
            Err(Failure::Connection(_) | Failure::Timeout) => (retries_done < inner.max_retries)
                .then(|| {
                    retry_delay_ms(
                        retries_done,
                        &RetryHeaders::default(),
                        transport::now_ms(),
                        transport::random(),
                    )
                }),
            Err(Failure::Aborted) => None,
        };
        if let Some(ms) = wait {
            retries_done += 1;
            transport::sleep(ms).await;
            continue;
        }
        let answer = match attempt {
            Ok(answer) => answer,
            Err(Failure::Connection(message)) => {
                return Err(Error::Connection { message }.redact(&inner.api_key));
            }
            Err(Failure::Timeout) => return Err(Error::Timeout),
            Err(Failure::Aborted) => return Err(Error::Aborted),
        };
        let reporting = inner.on_drift.is_some() || inner.log_drift;
        let mut drift: Vec<Drift> = Vec::new();
        let read = read_answer::<T>(
            op,
            answer.status,
            answer.request_id(),
            &answer.text(),
            reporting.then_some(&mut drift),
        );
        if !drift.is_empty() {
            report(client, op, &drift);
        }
        return read.map_err(|e| Error::from(e).redact(&inner.api_key));
    }
}

fn report(client: &Client, op: &Operation, drift: &[Drift]) {
    if let Some(callback) = &client.inner.on_drift {
        callback(op.name, drift);
    }
    if client.inner.log_drift {
        for item in drift {
            log::warn!(target: "openai_admin::drift", "{}: {item}", op.name);
        }
    }
}

/// What every operation's method returns: a future that owns what it needs (it borrows
/// neither the resource nor the arguments, so it can be stored, raced or spawned). Dropping it
/// aborts the request. `Send` natively; on wasm32 the browser's futures are not.
#[cfg(not(target_arch = "wasm32"))]
pub type CallFuture<T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'static>>;
/// What every operation's method returns: a future that owns what it needs (it borrows
/// neither the resource nor the arguments, so it can be stored, raced or spawned). Dropping it
/// aborts the request. `Send` natively; on wasm32 the browser's futures are not.
#[cfg(target_arch = "wasm32")]
pub type CallFuture<T> = Pin<Box<dyn Future<Output = Result<T>> + 'static>>;

/// A call that answers one model. The arguments are checked at once; a refusal is the future's
/// answer, and nothing is sent.
pub(crate) fn call<E: Endpoint>(
    client: &Client,
    ids: &[&str],
    params: Option<E::Params>,
) -> CallFuture<E::Output>
where
    E::Output: Send + 'static,
{
    let op = E::operation();
    let request = prepare(op, ids, params.as_ref());
    let client = client.clone();
    Box::pin(async move { execute(&client, op, &request?).await })
}

/// The first page of a list.
pub(crate) fn first_page<E: Endpoint + 'static>(
    client: &Client,
    ids: &[&str],
    params: Option<E::Params>,
) -> CallFuture<Page<E>>
where
    E::Output: ListModel + Send + 'static,
{
    let op = E::operation();
    let request = prepare(op, ids, params.as_ref());
    let client = client.clone();
    Box::pin(async move { Page::fetch(client, request?).await })
}

/// Every item of a list, as a stream. The arguments are checked when the stream is first
/// polled: a refused argument is its one item.
pub(crate) fn stream<E: Endpoint + 'static>(
    client: Client,
    ids: &[&str],
    params: Option<E::Params>,
) -> ItemStream<E>
where
    E::Output: ListModel + Send + 'static,
    crate::pagination::Item<E>: Send + 'static,
{
    let op = E::operation();
    ItemStream::start(client, prepare(op, ids, params.as_ref()))
}
