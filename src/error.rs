//! The ways the core refuses a call or reads a failed one, as values the package's TypeScript
//! turns into `Error` subclasses (it owns the classes, and the failures that have no answer).

use std::fmt;

/// An error response from the API: a non-2xx status, with what its body said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status. The package picks the error class from it (`classForStatus` in
    /// `pkg-template/src/errors.ts`, as the official SDK's `APIError.generate`).
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

    /// The JavaScript error class this error becomes when the core decides it: only a request
    /// refused before sending (`InvalidArgumentError`). An answer's class follows from its status
    /// in the package (`classForStatus` in `pkg-template/src/errors.ts`).
    pub fn class_name(&self) -> Option<&'static str> {
        match self {
            Error::InvalidArgument { .. } => Some("InvalidArgumentError"),
            Error::Api(_) | Error::Decode { .. } => None,
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
        }
    }
}

impl std::error::Error for Error {}
