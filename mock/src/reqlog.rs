//! The request log served at `GET /__mock/requests`.

use axum::http::request::Parts;
use serde_json::{json, Map, Value};

/// One received request, as it arrived (path still percent-encoded).
#[derive(Debug, Clone)]
pub struct LoggedRequest {
    request_id: String,
    method: String,
    path: String,
    query: Option<String>,
    headers: Map<String, Value>,
    body: Option<String>,
    fault: Option<String>,
    /// When it arrived, in Unix milliseconds.
    at_ms: u64,
}

impl LoggedRequest {
    /// Captures a request. `authorization` is redacted to `Bearer ***`.
    pub fn new(request_id: &str, parts: &Parts, body: &[u8], fault: Option<String>) -> Self {
        let mut headers = Map::new();
        for (name, value) in &parts.headers {
            let value = if name == "authorization" {
                redact(value.to_str().unwrap_or(""))
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            match headers.get_mut(name.as_str()) {
                Some(Value::String(prev)) => {
                    prev.push_str(", ");
                    prev.push_str(&value);
                }
                _ => {
                    headers.insert(name.as_str().to_owned(), Value::String(value));
                }
            }
        }
        Self {
            request_id: request_id.to_owned(),
            method: parts.method.to_string(),
            path: parts.uri.path().to_owned(),
            query: parts.uri.query().map(str::to_owned),
            headers,
            body: (!body.is_empty()).then(|| String::from_utf8_lossy(body).into_owned()),
            fault,
            at_ms: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as u64)
                .unwrap_or(0),
        }
    }

    /// The entry as JSON.
    pub fn to_json(&self) -> Value {
        json!({
            "request_id": self.request_id,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body,
            "fault": self.fault,
            "at_ms": self.at_ms,
        })
    }
}

/// `Bearer anything` becomes `Bearer ***`; anything else becomes `***`.
fn redact(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} ***"),
        None => "***".to_owned(),
    }
}
