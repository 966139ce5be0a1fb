//! Every way a call can fail, as values the JavaScript layer turns into `Error` subclasses.

use std::fmt;

/// The class of an HTTP error, chosen from the status as the official SDK does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiErrorKind {
    /// 400
    BadRequest,
    /// 401
    Authentication,
    /// 403
    PermissionDenied,
    /// 404
    NotFound,
    /// 409
    Conflict,
    /// 422
    UnprocessableEntity,
    /// 429
    RateLimit,
    /// 500 and above
    InternalServer,
    /// Any other status
    Other,
}

impl ApiErrorKind {
    /// The kind for an HTTP status.
    pub fn from_status(status: u16) -> Self {
        match status {
            400 => ApiErrorKind::BadRequest,
            401 => ApiErrorKind::Authentication,
            403 => ApiErrorKind::PermissionDenied,
            404 => ApiErrorKind::NotFound,
            409 => ApiErrorKind::Conflict,
            422 => ApiErrorKind::UnprocessableEntity,
            429 => ApiErrorKind::RateLimit,
            s if s >= 500 => ApiErrorKind::InternalServer,
            _ => ApiErrorKind::Other,
        }
    }

    /// The name of the matching error class in the official SDK.
    pub fn class_name(self) -> &'static str {
        match self {
            ApiErrorKind::BadRequest => "BadRequestError",
            ApiErrorKind::Authentication => "AuthenticationError",
            ApiErrorKind::PermissionDenied => "PermissionDeniedError",
            ApiErrorKind::NotFound => "NotFoundError",
            ApiErrorKind::Conflict => "ConflictError",
            ApiErrorKind::UnprocessableEntity => "UnprocessableEntityError",
            ApiErrorKind::RateLimit => "RateLimitError",
            ApiErrorKind::InternalServer => "InternalServerError",
            ApiErrorKind::Other => "APIError",
        }
    }
}

/// An error response from the API: a non-2xx status, with what its body said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The error class.
    pub kind: ApiErrorKind,
    /// The HTTP status.
    pub status: u16,
    /// The full message, `"<status> <message from the body>"` as the official SDK builds it.
    pub message: String,
    /// `error.type` from the body.
    pub error_type: Option<String>,
    /// `error.param` from the body.
    pub param: Option<String>,
    /// `error.code` from the body.
    pub code: Option<String>,
    /// The `x-request-id` response header.
    pub request_id: Option<String>,
    /// The `error` object of the body as JSON text, or the body itself when it is not JSON.
    pub error_json: Option<String>,
}

/// Any failure of a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// An argument was rejected before any request was made.
    InvalidArgument {
        /// The argument's name, e.g. `limit` or `group_id`.
        param: String,
        /// What is wrong with it, naming it.
        message: String,
    },
    /// The API answered with an error status (boxed: it is much larger than the other variants).
    Api(Box<ApiError>),
    /// A successful response whose body does not match the model.
    Decode {
        /// What was wrong, naming the field when there is one.
        message: String,
        /// The status of the response.
        status: u16,
        /// The `x-request-id` response header.
        request_id: Option<String>,
    },
    /// No response: the connection failed or was dropped.
    Connection {
        /// What the transport said.
        message: String,
    },
    /// No response within the timeout.
    Timeout,
    /// The caller aborted the request.
    Aborted,
}

impl Error {
    /// An invalid-argument error for `param`.
    pub fn invalid(param: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidArgument {
            param: param.into(),
            message: message.into(),
        }
    }

    /// The argument an [`Error::InvalidArgument`] names, or the API's `param`.
    pub fn param(&self) -> Option<&str> {
        match self {
            Error::InvalidArgument { param, .. } => Some(param),
            Error::Api(api) => api.param.as_deref(),
            _ => None,
        }
    }

    /// The name of the JavaScript error class this error becomes.
    pub fn class_name(&self) -> &'static str {
        match self {
            Error::InvalidArgument { .. } => "InvalidArgumentError",
            Error::Api(api) => api.kind.class_name(),
            Error::Decode { .. } => "APIError",
            Error::Connection { .. } => "APIConnectionError",
            Error::Timeout => "APIConnectionTimeoutError",
            Error::Aborted => "APIUserAbortError",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidArgument { message, .. } => {
                write!(f, "{message} (the request was not sent)")
            }
            Error::Api(api) => f.write_str(&api.message),
            Error::Decode { message, .. } => write!(f, "Invalid response body: {message}"),
            Error::Connection { message } => write!(f, "Connection error: {message}"),
            Error::Timeout => f.write_str("Request timed out."),
            Error::Aborted => f.write_str("Request was aborted."),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_the_official_classes() {
        let cases = [
            (400, "BadRequestError"),
            (401, "AuthenticationError"),
            (403, "PermissionDeniedError"),
            (404, "NotFoundError"),
            (409, "ConflictError"),
            (422, "UnprocessableEntityError"),
            (429, "RateLimitError"),
            (500, "InternalServerError"),
            (503, "InternalServerError"),
            (418, "APIError"),
            (302, "APIError"),
        ];
        for (status, name) in cases {
            assert_eq!(
                ApiErrorKind::from_status(status).class_name(),
                name,
                "{status}"
            );
        }
    }

    #[test]
    fn transport_errors_have_their_classes() {
        assert_eq!(Error::Timeout.class_name(), "APIConnectionTimeoutError");
        assert_eq!(Error::Aborted.class_name(), "APIUserAbortError");
        let err = Error::Connection {
            message: "refused".into(),
        };
        assert_eq!(err.class_name(), "APIConnectionError");
        assert_eq!(err.to_string(), "Connection error: refused");
    }
}
