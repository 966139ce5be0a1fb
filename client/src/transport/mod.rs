//! Sending one attempt and reading its answer, and the clock: the only parts of the client that
//! differ between native targets (`reqwest`, `tokio`'s timer) and wasm32 (`fetch` through
//! `web-sys`, `setTimeout`). Nothing here decides anything about the API.

use std::time::Duration;

use openai_admin_wasm::retry::RetryHeaders;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{default_client, now_ms, random, send, sleep, Body, Headers, HttpClient, Target};

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::{default_client, now_ms, random, send, sleep, Body, Headers, HttpClient, Target};

/// One attempt, ready to send.
pub struct Outgoing<'a> {
    /// `GET`, `POST` or `DELETE`.
    pub method: &'static str,
    /// The full URL.
    pub url: &'a str,
    /// The client's headers and base URL, prepared once.
    pub target: &'a Target,
    /// The JSON body.
    pub body: Option<&'a str>,
    /// The attempt's timeout.
    pub timeout: Duration,
}

/// An answer, read whole.
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// Its headers as the transport holds them, each read when asked for (`Answer::header`):
    /// a successful answer's retry hints are never looked up.
    pub headers: Headers,
    /// The body as read (its text: `Answer::text`, invalid UTF-8 replaced).
    pub body: Body,
}

/// The headers of an answer the client reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// `x-request-id`
    RequestId,
    /// `x-should-retry`
    ShouldRetry,
    /// `retry-after-ms`
    RetryAfterMs,
    /// `retry-after`
    RetryAfter,
}

impl Hint {
    /// Every hint, in the order of its variants (`hint as usize`).
    pub const ALL: [Hint; 4] = [
        Hint::RequestId,
        Hint::ShouldRetry,
        Hint::RetryAfterMs,
        Hint::RetryAfter,
    ];

    /// Its header's name.
    pub const fn name(self) -> &'static str {
        match self {
            Hint::RequestId => "x-request-id",
            Hint::ShouldRetry => "x-should-retry",
            Hint::RetryAfterMs => "retry-after-ms",
            Hint::RetryAfter => "retry-after",
        }
    }
}

impl Answer {
    /// Its `x-request-id`.
    pub fn request_id(&self) -> Option<&str> {
        self.header(Hint::RequestId)
    }

    /// The headers the core's retry rule reads.
    pub fn retry_headers(&self) -> RetryHeaders<'_> {
        RetryHeaders {
            should_retry: self.header(Hint::ShouldRetry),
            retry_after_ms: self.header(Hint::RetryAfterMs),
            retry_after: self.header(Hint::RetryAfter),
        }
    }
}

/// Why there is no answer.
pub enum Failure {
    /// The connection failed or broke.
    Connection(String),
    /// The attempt's timeout passed.
    Timeout,
    /// Something other than the timeout aborted the request (the browser, on wasm32).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Aborted,
}
