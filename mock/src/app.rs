//! The router and the pipeline every request goes through:
//! request id → CORS preflight → body buffering → fault lookup → rate limit (per key, then per
//! endpoint) → request log → `--latency-ms` → auth → route → the answer counted per endpoint.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

use crate::error::ApiError;
use crate::reqlog::LoggedRequest;
use crate::state::Shared;
use crate::{cors, endpoint, faults, routes, statics, traffic};

/// Largest request body accepted (bigger ones get a 413).
const MAX_BODY: usize = 8 * 1024 * 1024;

/// Builds the whole application.
pub fn router(state: Shared) -> Router {
    Router::new()
        .nest("/v1", routes::api())
        .nest("/__mock", routes::control::routes())
        .fallback(fallback)
        .method_not_allowed_fallback(fallback)
        .layer(middleware::from_fn_with_state(state.clone(), pipeline))
        .with_state(state)
}

fn is_api(path: &str) -> bool {
    path == "/v1" || path.starts_with("/v1/")
}

fn is_control(path: &str) -> bool {
    path == "/__mock" || path.starts_with("/__mock/")
}

/// Request id and CORS headers on every response, whatever produced it.
async fn pipeline(State(st): State<Shared>, req: Request, next: Next) -> Response {
    let rid = st.next_request_id();
    let mut resp = if req.method() == Method::OPTIONS {
        cors::preflight(req.headers())
    } else {
        handle(&st, &rid, req, next).await
    };
    cors::decorate(resp.headers_mut());
    if let Ok(v) = HeaderValue::from_str(&rid) {
        resp.headers_mut().insert("x-request-id", v);
    }
    resp
}

/// Buffers the body, logs the request, applies a matching fault, then authenticates and routes.
async fn handle(st: &Shared, rid: &str, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return ApiError {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                ..ApiError::bad_request(format!("Request body larger than {MAX_BODY} bytes."))
            }
            .into_response()
        }
    };
    let path = parts.uri.path().to_owned();
    let control = is_control(&path);
    let fault = if control {
        None
    } else {
        faults::take(&mut st.faults(), parts.method.as_str(), &path)
    };
    let api = is_api(&path);
    let endpoint = endpoint::endpoint(parts.method.as_str(), &path);
    // (wait, whether the 429 says how long): the key's limit always does, the route's only when asked.
    let limited = if api {
        let key = parts.headers.get("authorization").map(|v| v.as_bytes());
        let key = String::from_utf8_lossy(key.unwrap_or_default());
        let now = std::time::Instant::now();
        // A faulted request answers as its rule says and does not use up the windows.
        let (limit, route_limit) = match fault {
            Some(_) => (0, None),
            None => (st.config.rate_limit, st.config.route_limit),
        };
        let mut traffic = st.traffic();
        match traffic.arrive(&key, limit, now) {
            Some(wait) => {
                traffic.arrive_route(&endpoint, None, now);
                Some((wait, true))
            }
            None => traffic
                .arrive_route(&endpoint, route_limit, now)
                .map(|wait| (wait, st.config.route_limit_retry_after)),
        }
    } else {
        None
    };
    if !control {
        let label = match (&fault, limited) {
            (Some(f), _) => Some(f.label()),
            (None, Some(_)) => Some("rate_limited".to_owned()),
            (None, None) => None,
        };
        st.record(LoggedRequest::new(rid, &parts, &bytes, label));
    }
    if api && st.config.latency_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(st.config.latency_ms)).await;
    }
    if let Some((wait, say)) = limited {
        let mut resp = ApiError::for_status(StatusCode::TOO_MANY_REQUESTS).into_response();
        if say {
            let secs = traffic::retry_after_secs(wait);
            resp.headers_mut()
                .insert("retry-after", HeaderValue::from(secs));
        }
        st.traffic().answered(&endpoint, 429);
        return resp;
    }
    let req = Request::from_parts(parts, Body::from(bytes));
    let run = authed(st, req, next);
    let resp = match fault {
        Some(rule) => faults::apply(rule, run).await,
        None => run.await,
    };
    // A dropped connection is no answer.
    if api && resp.extensions().get::<faults::DropConnection>().is_none() {
        st.traffic().answered(&endpoint, resp.status().as_u16());
    }
    resp
}

/// Checks `Authorization: Bearer KEY` on `/v1` and `/__mock`, then runs the route.
async fn authed(st: &Shared, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if is_api(path) || is_control(path) {
        if let Err(e) = check_key(st, &req) {
            return e.into_response();
        }
    }
    next.run(req).await
}

fn check_key(st: &Shared, req: &Request) -> Result<(), ApiError> {
    let Some(value) = req.headers().get("authorization") else {
        return Err(ApiError::unauthorized(
            "You didn't provide an API key. You need to provide your admin API key in an Authorization \
             header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        ));
    };
    let given = value.to_str().unwrap_or("");
    let token = match given.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        _ => "",
    };
    if token != st.config.admin_key {
        return Err(ApiError::unauthorized(
            "Incorrect API key provided. You can find your admin API keys at \
             https://platform.openai.com/settings/organization/admin-keys.",
        ));
    }
    Ok(())
}

/// Unknown routes: static files if mounted, else a loud 404 naming the method and path.
async fn fallback(State(st): State<Shared>, req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let api = is_api(&path) || is_control(&path);
    if !api && (method == Method::GET || method == Method::HEAD) {
        if let Some(file) = statics::resolve(&st.config.mounts, &path) {
            if let Some(resp) = statics::serve(file, method == Method::HEAD).await {
                return resp;
            }
        }
    }
    ApiError::not_found_msg(format!("Invalid URL ({method} {path})"))
        .with_code("unknown_url")
        .into_response()
}
