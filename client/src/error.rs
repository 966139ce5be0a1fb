//! The one error type of every call, and its kinds.

use std::fmt;

pub use openai_admin_wasm::ApiError;

/// A call's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Any failure of a call or of building a client.
///
/// Neither `Debug` nor `Display` ever shows the admin key: the client never puts it in an error,
/// and removes it from any text an answer or a transport error quotes.
///
/// ```
/// use openai_admin::{Error, ErrorKind};
///
/// let error = Error::InvalidArgument { param: "group_id".into(), message: "`group_id` is required".into() };
/// assert_eq!(error.kind(), ErrorKind::InvalidArgument);
/// assert_eq!(error.param(), Some("group_id"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with an error status: status, message, `code`, `param`, `type` and the
    /// `x-request-id`, as the core reads them.
    Api(Box<ApiError>),
    /// An argument (or a client option) was refused before anything was sent; `param` names it.
    InvalidArgument {
        /// The argument or option, e.g. `group_id`, `limit`, `api_key`, `base_url`.
        param: String,
        /// What is wrong with it, naming it.
        message: String,
    },
    /// A successful status whose body the client cannot use: not JSON, truncated, not an object,
    /// a list page of the wrong shape, or not the model's shape.
    Decode {
        /// What was wrong, naming the field when there is one.
        message: String,
        /// The answer's status.
        status: u16,
        /// The answer's `x-request-id`.
        request_id: Option<String>,
    },
    /// No answer: the connection failed or broke (after the retries).
    Connection {
        /// What the transport said.
        message: String,
    },
    /// No answer within the client's timeout (after the retries).
    Timeout,
    /// The request was aborted by the environment (the page or the caller), not by the timeout.
    Aborted,
}

/// The class of an [`Error`], as the official SDKs name them (`BadRequestError`,
/// `AuthenticationError`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
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
    /// Another error status (`APIError`).
    Api,
    /// Refused before sending (`InvalidArgumentError`).
    InvalidArgument,
    /// A 2xx answer the client cannot use.
    Decode,
    /// `APIConnectionError`
    Connection,
    /// `APIConnectionTimeoutError`
    Timeout,
    /// `APIUserAbortError`
    Aborted,
}

impl ErrorKind {
    /// The class of an error answer with this status, as the official SDK's `APIError.generate`
    /// picks it (the package's `classForStatus`, `pkg-template/src/errors.ts`).
    ///
    /// ```
    /// use openai_admin::ErrorKind;
    /// assert_eq!(ErrorKind::for_status(429), ErrorKind::RateLimit);
    /// assert_eq!(ErrorKind::for_status(503), ErrorKind::InternalServer);
    /// assert_eq!(ErrorKind::for_status(418), ErrorKind::Api);
    /// ```
    pub fn for_status(status: u16) -> ErrorKind {
        match status {
            400 => ErrorKind::BadRequest,
            401 => ErrorKind::Authentication,
            403 => ErrorKind::PermissionDenied,
            404 => ErrorKind::NotFound,
            409 => ErrorKind::Conflict,
            422 => ErrorKind::UnprocessableEntity,
            429 => ErrorKind::RateLimit,
            s if s >= 500 => ErrorKind::InternalServer,
            _ => ErrorKind::Api,
        }
    }
}

impl Error {
    /// Its class, as the official SDKs name them.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Api(api) => ErrorKind::for_status(api.status),
            Error::InvalidArgument { .. } => ErrorKind::InvalidArgument,
            Error::Decode { .. } => ErrorKind::Decode,
            Error::Connection { .. } => ErrorKind::Connection,
            Error::Timeout => ErrorKind::Timeout,
            Error::Aborted => ErrorKind::Aborted,
        }
    }

    /// The answer's status, for [`Error::Api`] and [`Error::Decode`].
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(api) => Some(api.status),
            Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The answer's `x-request-id`, when there was an answer.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(api) => api.request_id.as_deref(),
            Error::Decode { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The argument at fault: the one refused before sending, or the API's `param`.
    pub fn param(&self) -> Option<&str> {
        match self {
            Error::InvalidArgument { param, .. } => Some(param),
            Error::Api(api) => api.param.as_deref(),
            _ => None,
        }
    }

    /// The API's `error.code`.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api(api) => api.code.as_deref(),
            _ => None,
        }
    }

    /// The API's `error.type`.
    pub fn error_type(&self) -> Option<&str> {
        match self {
            Error::Api(api) => api.error_type.as_deref(),
            _ => None,
        }
    }

    /// The same error with every occurrence of `secret` replaced (the admin key never leaves
    /// the client in an error).
    pub(crate) fn redact(self, secret: &str) -> Error {
        if secret.is_empty() {
            return self;
        }
        let clean = |text: &mut String| {
            if text.contains(secret) {
                *text = text.replace(secret, "[redacted]");
            }
        };
        match self {
            Error::Api(mut api) => {
                clean(&mut api.message);
                for field in [
                    &mut api.code,
                    &mut api.param,
                    &mut api.error_type,
                    &mut api.error_json,
                ]
                .into_iter()
                .flatten()
                {
                    clean(field);
                }
                Error::Api(api)
            }
            Error::Decode {
                mut message,
                status,
                request_id,
            } => {
                clean(&mut message);
                Error::Decode {
                    message,
                    status,
                    request_id,
                }
            }
            Error::Connection { mut message } => {
                clean(&mut message);
                Error::Connection { message }
            }
            Error::InvalidArgument { param, mut message } => {
                clean(&mut message);
                Error::InvalidArgument { param, message }
            }
            other => other,
        }
    }
}

impl From<openai_admin_wasm::Error> for Error {
    fn from(error: openai_admin_wasm::Error) -> Self {
        match error {
            openai_admin_wasm::Error::InvalidArgument { param, message } => {
                Error::InvalidArgument { param, message }
            }
            openai_admin_wasm::Error::Api(api) => Error::Api(api),
            openai_admin_wasm::Error::Decode {
                message,
                status,
                request_id,
            } => Error::Decode {
                message,
                status,
                request_id,
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(api) => {
                f.write_str(&api.message)?;
                if let Some(id) = &api.request_id {
                    write!(f, " (request {id})")?;
                }
                Ok(())
            }
            Error::InvalidArgument { message, .. } => {
                write!(f, "{message} (the request was not sent)")
            }
            Error::Decode {
                message,
                status,
                request_id,
            } => {
                write!(f, "Invalid response body ({status}")?;
                if let Some(id) = request_id {
                    write!(f, ", request {id}")?;
                }
                write!(f, "): {message}")
            }
            Error::Connection { message } => write!(f, "Connection error: {message}"),
            Error::Timeout => f.write_str("Request timed out."),
            Error::Aborted => f.write_str("Request was aborted."),
        }
    }
}

impl std::error::Error for Error {}
