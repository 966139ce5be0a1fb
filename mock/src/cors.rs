//! CORS for browsers: every response allows any origin; `OPTIONS` preflights answer 204 without
//! auth and echo the requested headers (so the SDK's `x-stainless-*` headers pass).

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Headers allowed when the preflight does not list any.
const DEFAULT_ALLOW_HEADERS: &str =
    "Authorization, Content-Type, OpenAI-Organization, OpenAI-Project";

/// Response headers a browser script may read.
const EXPOSE: &str = "x-request-id, retry-after, retry-after-ms, x-should-retry";

/// The answer to an `OPTIONS` preflight.
pub fn preflight(req: &HeaderMap) -> Response {
    let allow = req
        .get("access-control-request-headers")
        .cloned()
        .unwrap_or(HeaderValue::from_static(DEFAULT_ALLOW_HEADERS));
    let mut resp = StatusCode::NO_CONTENT.into_response();
    let h = resp.headers_mut();
    h.insert(
        "access-control-allow-methods",
        HeaderValue::from_static("GET, POST, DELETE, OPTIONS"),
    );
    h.insert("access-control-allow-headers", allow);
    h.insert("access-control-max-age", HeaderValue::from_static("600"));
    resp
}

/// Adds the headers every response carries.
pub fn decorate(h: &mut HeaderMap) {
    h.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    h.insert(
        "access-control-expose-headers",
        HeaderValue::from_static(EXPOSE),
    );
    h.append("vary", HeaderValue::from_static("Origin"));
}
