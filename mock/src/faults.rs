//! Injected faults: rules set through `POST /__mock/faults`, matched by method and path prefix,
//! each affecting `count` requests.

use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, StreamExt};
use serde_json::{json, Map, Value};

use crate::error::ApiError;

/// Marker put on a response to make the server close the connection without answering.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// What a rule does to a matching request.
#[derive(Debug, Clone)]
pub enum Action {
    /// Only the delay: then answer normally.
    Pass,
    /// Answer with this status and body (default: an OpenAI error for the status).
    Status(StatusCode, Option<Value>),
    /// Answer with a broken body of this kind and status (`None`: the real status, or 200).
    BadBody(BodyKind, Option<StatusCode>),
    /// Close the connection without a response.
    Drop,
    /// Send the real headers and half the real body, then fail the stream.
    DropMidBody,
}

/// The broken bodies `body_kind` can ask for.
#[derive(Debug, Clone, Copy)]
pub enum BodyKind {
    /// Invalid JSON.
    Malformed,
    /// The real JSON answer cut in half (with a matching `content-length`).
    Truncated,
    /// No body at all, still labelled JSON.
    Empty,
    /// An HTML error page from a "proxy".
    Html,
}

/// One fault rule.
#[derive(Debug, Clone)]
pub struct FaultRule {
    method: Option<String>,
    path: String,
    remaining: u64,
    delay_ms: u64,
    action: Action,
    headers: Vec<(String, String)>,
}

fn opt_str(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(format!("'{key}' must be a string")),
    }
}

fn opt_u64(obj: &Map<String, Value>, key: &str) -> Result<Option<u64>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .map(Some)
            .ok_or_else(|| format!("'{key}' must be a non-negative integer")),
    }
}

fn flag(obj: &Map<String, Value>, key: &str) -> bool {
    obj.get(key).and_then(Value::as_bool).unwrap_or(false)
}

impl FaultRule {
    /// Parses one rule from its JSON form.
    pub fn parse(v: &Value) -> Result<Self, String> {
        let obj = v
            .as_object()
            .ok_or("each fault rule must be a JSON object")?;
        let path = opt_str(obj, "path")?.unwrap_or_else(|| "/".to_owned());
        let status = match opt_u64(obj, "status")? {
            None => None,
            Some(s) => Some(
                u16::try_from(s)
                    .ok()
                    .and_then(|s| StatusCode::from_u16(s).ok())
                    .ok_or("'status' must be an HTTP status code")?,
            ),
        };
        let kind = match opt_str(obj, "body_kind")?.as_deref() {
            None => None,
            Some("malformed") => Some(BodyKind::Malformed),
            Some("truncated") => Some(BodyKind::Truncated),
            Some("empty") => Some(BodyKind::Empty),
            Some("html") => Some(BodyKind::Html),
            Some(other) => return Err(format!("unknown body_kind '{other}'")),
        };
        let action =
            match (flag(obj, "drop"), flag(obj, "drop_mid_body"), kind, status) {
                (true, false, None, None) => Action::Drop,
                (false, true, None, None) => Action::DropMidBody,
                (false, false, Some(k), s) => Action::BadBody(k, s),
                (false, false, None, Some(s)) => Action::Status(s, obj.get("body").cloned()),
                (false, false, None, None) if obj.contains_key("delay_ms") => Action::Pass,
                (false, false, None, None) => return Err(
                    "a rule needs one action: status, delay_ms, body_kind, drop or drop_mid_body"
                        .into(),
                ),
                _ => {
                    return Err(
                        "a rule takes only one of status, body_kind, drop and drop_mid_body".into(),
                    )
                }
            };
        let mut headers = Vec::new();
        for (key, name) in [
            ("retry_after", "retry-after"),
            ("retry_after_ms", "retry-after-ms"),
            ("should_retry", "x-should-retry"),
        ] {
            if let Some(value) = opt_str(obj, key)? {
                headers.push((name.to_owned(), value));
            }
        }
        if let Some(Value::Object(extra)) = obj.get("headers") {
            for (k, v) in extra {
                headers.push((
                    k.to_lowercase(),
                    v.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v.to_string()),
                ));
            }
        }
        for (k, v) in &headers {
            if HeaderName::try_from(k.as_str()).is_err()
                || HeaderValue::try_from(v.as_str()).is_err()
            {
                return Err(format!("invalid header {k}: {v}"));
            }
        }
        Ok(Self {
            method: opt_str(obj, "method")?.map(|m| m.to_uppercase()),
            path,
            remaining: opt_u64(obj, "count")?.unwrap_or(1),
            delay_ms: opt_u64(obj, "delay_ms")?.unwrap_or(0),
            action,
            headers,
        })
    }

    /// The rule as JSON, with its remaining count.
    pub fn to_json(&self) -> Value {
        let action = match &self.action {
            Action::Pass => json!("delay"),
            Action::Status(s, _) => json!({ "status": s.as_u16() }),
            Action::BadBody(k, _) => json!({ "body_kind": format!("{k:?}").to_lowercase() }),
            Action::Drop => json!("drop"),
            Action::DropMidBody => json!("drop_mid_body"),
        };
        json!({
            "method": self.method,
            "path": self.path,
            "count": self.remaining,
            "delay_ms": self.delay_ms,
            "action": action,
        })
    }

    /// A short name of the action, for the request log.
    pub fn label(&self) -> String {
        match &self.action {
            Action::Pass => format!("delay_ms={}", self.delay_ms),
            Action::Status(s, _) => format!("status={}", s.as_u16()),
            Action::BadBody(k, _) => format!("body_kind={}", format!("{k:?}").to_lowercase()),
            Action::Drop => "drop".to_owned(),
            Action::DropMidBody => "drop_mid_body".to_owned(),
        }
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        self.remaining > 0
            && self.method.as_deref().is_none_or(|m| m == method)
            && path.starts_with(&self.path)
    }
}

/// Finds the first armed rule matching the request, uses up one of its count, and returns it.
pub fn take(rules: &mut Vec<FaultRule>, method: &str, path: &str) -> Option<FaultRule> {
    let i = rules.iter().position(|r| r.matches(method, path))?;
    rules[i].remaining -= 1;
    let rule = rules[i].clone();
    if rules[i].remaining == 0 {
        rules.remove(i);
    }
    Some(rule)
}

/// Applies a rule. `run` produces the real answer when the rule needs it.
pub async fn apply<F>(rule: FaultRule, run: F) -> Response
where
    F: std::future::Future<Output = Response>,
{
    if rule.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(rule.delay_ms)).await;
    }
    let mut resp = match rule.action {
        Action::Pass => return run.await,
        Action::Status(status, body) => status_response(status, body),
        Action::BadBody(kind, status) => bad_body(kind, status, run).await,
        Action::Drop => {
            let mut r = Response::new(Body::empty());
            r.extensions_mut().insert(DropConnection);
            return r;
        }
        Action::DropMidBody => return drop_mid_body(run.await).await,
    };
    for (k, v) in &rule.headers {
        if let (Ok(k), Ok(v)) = (
            HeaderName::try_from(k.as_str()),
            HeaderValue::try_from(v.as_str()),
        ) {
            resp.headers_mut().insert(k, v);
        }
    }
    resp
}

fn status_response(status: StatusCode, body: Option<Value>) -> Response {
    match body {
        None | Some(Value::Null) => ApiError::for_status(status).into_response(),
        Some(Value::String(raw)) => {
            (status, [("content-type", "text/plain; charset=utf-8")], raw).into_response()
        }
        Some(v) => (status, axum::Json(v)).into_response(),
    }
}

async fn bad_body<F>(kind: BodyKind, status: Option<StatusCode>, run: F) -> Response
where
    F: std::future::Future<Output = Response>,
{
    let json = [("content-type", "application/json")];
    let st = status.unwrap_or(StatusCode::OK);
    match kind {
        BodyKind::Malformed => (st, json, r#"{"object": "list", "data": [{"id": "group_01J"#.to_owned() + "}}").into_response(),
        BodyKind::Empty => (st, json, "").into_response(),
        BodyKind::Html => (
            status.unwrap_or(StatusCode::BAD_GATEWAY),
            [("content-type", "text/html; charset=utf-8")],
            "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        )
            .into_response(),
        BodyKind::Truncated => {
            let real = run.await;
            let st = status.unwrap_or(real.status());
            let bytes = to_bytes(real.into_body(), usize::MAX).await.unwrap_or_default();
            let half = bytes.slice(..bytes.len() / 2);
            (st, json, half).into_response()
        }
    }
}

/// Headers with the full `content-length`, half the body, a pause, then a stream error.
async fn drop_mid_body(real: Response) -> Response {
    let (mut parts, body) = real.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let half = bytes.slice(..bytes.len() / 2);
    parts
        .headers
        .insert("content-length", HeaderValue::from(bytes.len()));
    let first = stream::once(async move { Ok::<Bytes, std::io::Error>(half) });
    let fail = stream::once(async {
        tokio::time::sleep(Duration::from_millis(50)).await;
        Err(std::io::Error::other(
            "connection dropped mid-body by a fault rule",
        ))
    });
    Response::from_parts(parts, Body::from_stream(first.chain(fail)))
}
