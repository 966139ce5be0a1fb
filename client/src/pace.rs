//! A pacer around every attempt of a client's calls: the hook the access layer's scheduler
//! (`openai-admin-access`, feature `client`) uses to pace each endpoint at the rate the API
//! allows and to wait out its 429s. It plays the part the package's scheduler plays by wrapping
//! the client's `fetch`: each attempt, the client's own retries included, waits for its turn, and
//! the pacer may send it again (a 429: the API did nothing) before the client sees the answer.
//! The client's retry rule and answer reading stay the core's; a pacer decides only when an
//! attempt goes.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use openai_admin_wasm::ops::Operation;

use crate::client::{Client, Inner};
use crate::error::Error;
use crate::transport::{self, Answer, Failure, Hint};

/// The future a [`Pacer`] (or an [`Attempt`]'s send) returns: `Send` natively, like the calls'.
#[cfg(not(target_arch = "wasm32"))]
pub type PaceFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
/// The future a [`Pacer`] (or an [`Attempt`]'s send) returns: `Send` natively, like the calls'.
#[cfg(target_arch = "wasm32")]
pub type PaceFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// One attempt's outcome, as a pacer sees it: an answer (its status and the headers a 429's
/// wait is read from), or none (a connection failure, a timeout, an abort).
///
/// ```
/// # fn read(sent: &openai_admin::pace::Sent) {
/// if sent.status() == Some(429) {
///     println!("asked to wait: {:?} / {:?}", sent.retry_after_ms(), sent.retry_after());
/// }
/// # }
/// ```
pub struct Sent(pub(crate) Result<Answer, Failure>);

impl Sent {
    /// The answer's HTTP status; `None` when there was no answer (an example at [`Sent`]).
    pub fn status(&self) -> Option<u16> {
        self.0.as_ref().ok().map(|a| a.status)
    }

    /// The answer's `retry-after-ms` header (an example at [`Sent`]).
    pub fn retry_after_ms(&self) -> Option<&str> {
        self.0
            .as_ref()
            .ok()
            .and_then(|a| a.header(Hint::RetryAfterMs))
    }

    /// The answer's `retry-after` header (an example at [`Sent`]).
    pub fn retry_after(&self) -> Option<&str> {
        self.0
            .as_ref()
            .ok()
            .and_then(|a| a.header(Hint::RetryAfter))
    }
}

/// The function that sends an attempt (again, as often as it is called).
#[cfg(not(target_arch = "wasm32"))]
pub type SendFn<'a> = dyn Fn() -> PaceFuture<'a, Sent> + Send + Sync + 'a;
/// The function that sends an attempt (again, as often as it is called).
#[cfg(target_arch = "wasm32")]
pub type SendFn<'a> = dyn Fn() -> PaceFuture<'a, Sent> + 'a;

/// An attempt of a call, handed to the [`Pacer`]: which operation it is, and how to send it.
///
/// ```
/// # fn show(attempt: &openai_admin::pace::Attempt<'_>) {
/// println!("{} ({}) to {}", attempt.operation(), attempt.endpoint(), attempt.url());
/// # }
/// ```
pub struct Attempt<'a> {
    operation: &'static Operation,
    url: &'a str,
    send: &'a SendFn<'a>,
}

impl<'a> Attempt<'a> {
    /// The operation's name in the table (`users.roles.list`; an example at [`Attempt`]).
    pub fn operation(&self) -> &'static str {
        self.operation.name
    }

    /// Its endpoint: method and route template, ids left out
    /// (`GET /organization/users/{user_id}/roles`), as the core's `pace::endpoint` writes it (an
    /// example at [`Attempt`]).
    pub fn endpoint(&self) -> String {
        openai_admin_wasm::pace::endpoint(self.operation)
    }

    /// The URL it is sent to (an example at [`Attempt`]).
    pub fn url(&self) -> &str {
        self.url
    }

    /// Sends it once (each call sends it again, with the same body); an example at [`Pacer`].
    pub fn send(&self) -> PaceFuture<'a, Sent> {
        (self.send)()
    }
}

/// Decides when each attempt of a client's calls goes, and may send it again before the client
/// sees its answer. An error ends the call with it (for example [`Error::Aborted`] when the
/// pacer was stopped, or [`Error::Timeout`] when its deadline would pass).
///
/// ```
/// use openai_admin::pace::{Attempt, PaceFuture, Pacer, Sent};
///
/// /// Sends every attempt at once, and counts them.
/// #[derive(Default)]
/// struct Counting(std::sync::atomic::AtomicUsize);
///
/// impl Pacer for Counting {
///     fn send<'a>(&'a self, attempt: Attempt<'a>) -> PaceFuture<'a, Result<Sent, openai_admin::Error>> {
///         self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
///         Box::pin(async move { Ok(attempt.send().await) })
///     }
/// }
///
/// let client = openai_admin::Client::builder().api_key("sk-admin-example").build()?;
/// let counted = client.with_pacer(std::sync::Arc::new(Counting::default()));
/// # Ok::<(), openai_admin::Error>(())
/// ```
pub trait Pacer: Send + Sync {
    /// Sends `attempt` when its turn comes (as many times as it decides), and returns the
    /// outcome the client then reads.
    fn send<'a>(&'a self, attempt: Attempt<'a>) -> PaceFuture<'a, Result<Sent, Error>>;
}

impl Client {
    /// A copy of this client (the same options and connection pool) whose every attempt goes
    /// through `pacer` (an example at [`Pacer`]).
    pub fn with_pacer(&self, pacer: Arc<dyn Pacer>) -> Client {
        self.copy(|inner| inner.pacer = Some(pacer))
    }
}

/// One attempt of `op`: through the client's pacer when it has one, else sent at once.
pub(crate) async fn attempt(
    inner: &Inner,
    op: &'static Operation,
    method: &'static str,
    url: &str,
    body: Option<&str>,
) -> Result<Result<Answer, Failure>, Error> {
    let send_once =
        || transport::send(&inner.http, crate::call::outgoing(inner, method, url, body));
    let Some(pacer) = &inner.pacer else {
        return Ok(send_once().await);
    };
    let send = move || -> PaceFuture<'_, Sent> {
        let fut = send_once();
        Box::pin(async move { Sent(fut.await) })
    };
    let sent = pacer
        .send(Attempt {
            operation: op,
            url,
            send: &send,
        })
        .await?;
    Ok(sent.0)
}

/// The clock the client's transport keeps, for pacers: epoch milliseconds.
///
/// ```
/// assert!(openai_admin::pace::now_ms() > 1.7e12);
/// ```
pub fn now_ms() -> f64 {
    transport::now_ms()
}

/// Waits `ms` milliseconds on the transport's timer (`tokio`'s natively, `setTimeout` on wasm32).
///
/// ```no_run
/// # async fn run() {
/// openai_admin::pace::sleep(1500.0).await;
/// # }
/// ```
pub async fn sleep(ms: f64) {
    transport::sleep(ms).await;
}

/// A number in `[0, 1)` from the transport's source, for a pacer's jitter.
///
/// ```
/// assert!((0.0..1.0).contains(&openai_admin::pace::random()));
/// ```
pub fn random() -> f64 {
    transport::random()
}
