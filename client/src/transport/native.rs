//! Natively: `reqwest` over rustls (ring), `tokio`'s timer. Dropping a call's future drops the
//! request and its connection.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{Answer, Failure, Outgoing};
use crate::error::Error;

/// The HTTP client natively: a `reqwest::Client`.
pub type HttpClient = reqwest::Client;

/// A `reqwest::Client` with rustls and the platform's certificates.
pub fn default_client() -> Result<HttpClient, Error> {
    // The process's rustls crypto provider, unless the program installed one already. `ring`
    // rather than reqwest's default `aws-lc-rs`: it builds in a fraction of the time with only a
    // C compiler (see ARCHITECTURE.md, "Decisions"); it has no post-quantum key exchange, which
    // rustls marks by deprecating its constructor. A program that wants one installs
    // `aws-lc-rs`'s provider before building the client.
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .build()
        .map_err(|e| Error::Connection {
            message: format!("cannot set up the HTTP client: {e}"),
        })
}

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn failure(error: &reqwest::Error) -> Failure {
    if error.is_timeout() {
        return Failure::Timeout;
    }
    // The URL is the caller's; the key is never in it. Say the whole chain of causes.
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Failure::Connection(message)
}

/// Sends one attempt and reads the whole answer within its timeout.
pub async fn send(http: &HttpClient, out: Outgoing<'_>) -> Result<Answer, Failure> {
    let method = match out.method {
        "POST" => reqwest::Method::POST,
        "DELETE" => reqwest::Method::DELETE,
        _ => reqwest::Method::GET,
    };
    let mut request = http.request(method, out.url).timeout(out.timeout);
    for (name, value) in out.headers {
        request = request.header(name.as_str(), value.as_str());
    }
    if let Some(body) = out.body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_owned());
    }
    let response = request.send().await.map_err(|e| failure(&e))?;
    let status = response.status().as_u16();
    let request_id = header(&response, "x-request-id");
    let should_retry = header(&response, "x-should-retry");
    let retry_after_ms = header(&response, "retry-after-ms");
    let retry_after = header(&response, "retry-after");
    // UTF-8, invalid bytes replaced (as reqwest's `text` without its `charset` feature), but
    // in the buffer the body was read into: `text` copies a valid body once more.
    let bytes = response.bytes().await.map_err(|e| failure(&e))?;
    let body = String::from_utf8(Vec::from(bytes))
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(Answer {
        status,
        request_id,
        should_retry,
        retry_after_ms,
        retry_after,
        body,
    })
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: f64) {
    tokio::time::sleep(Duration::from_secs_f64(ms.max(0.0) / 1000.0)).await;
}

/// The Unix time in milliseconds.
pub fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// A number in `[0, 1)`.
pub fn random() -> f64 {
    fastrand::f64()
}
