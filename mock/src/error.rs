//! Errors in the OpenAI wire format: `{"error": {"message", "type", "param", "code"}}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An API error, rendered as an OpenAI error body with all four keys present.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status of the response.
    pub status: StatusCode,
    /// Human readable message.
    pub message: String,
    /// OpenAI error type, e.g. `invalid_request_error`.
    pub kind: &'static str,
    /// The request field at fault, if any.
    pub param: Option<String>,
    /// A machine readable code, if any.
    pub code: Option<String>,
}

impl ApiError {
    /// A 400 `invalid_request_error` naming the bad field.
    pub fn bad(param: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
            kind: "invalid_request_error",
            param: Some(param.into()),
            code: None,
        }
    }

    /// A 400 `invalid_request_error` with no single field at fault.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
            kind: "invalid_request_error",
            param: None,
            code: None,
        }
    }

    /// A 404 for an unknown id of the given kind (`group`, `user`, `role`).
    pub fn not_found(kind: &str, id: &str) -> Self {
        Self::not_found_msg(format!("No {kind} found with id '{id}'."))
    }

    /// A 404 with a free-form message.
    pub fn not_found_msg(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
            kind: "invalid_request_error",
            param: None,
            code: None,
        }
    }

    /// The 401 sent for a missing or wrong admin key. It never echoes the key.
    pub fn unauthorized(message: &str) -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            message: message.to_owned(),
            kind: "invalid_request_error",
            param: None,
            code: Some("invalid_api_key".to_owned()),
        }
    }

    /// A generic error for an arbitrary status (used by injected faults).
    pub fn for_status(status: StatusCode) -> Self {
        let (kind, message) = match status.as_u16() {
            429 => (
                "requests",
                "Rate limit reached for requests. Please try again later.",
            ),
            500..=599 => (
                "server_error",
                "The server had an error while processing your request. Sorry about that!",
            ),
            _ => ("invalid_request_error", "The request failed."),
        };
        Self {
            status,
            message: message.to_owned(),
            kind,
            param: None,
            code: None,
        }
    }

    /// Sets the `code` field.
    pub fn with_code(mut self, code: &str) -> Self {
        self.code = Some(code.to_owned());
        self
    }

    /// The JSON body for this error.
    pub fn body(&self) -> serde_json::Value {
        json!({
            "error": {
                "message": self.message,
                "type": self.kind,
                "param": self.param,
                "code": self.code,
            }
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body())).into_response()
    }
}

/// Result type of every handler.
pub type ApiResult<T> = Result<T, ApiError>;
