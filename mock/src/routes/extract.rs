//! Request extractors that fail with OpenAI-style errors instead of axum's plain-text ones.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{ApiError, ApiResult};
use crate::store::page::{Order, PageQuery};

/// Path parameters, percent-decoded exactly once (`%2F` becomes `/` inside the id).
pub struct Ids<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Ids<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> ApiResult<Self> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| Ids(v))
            .map_err(|e| ApiError::bad_request(format!("Invalid path parameter: {e}")))
    }
}

/// The decoded query string as ordered `(key, value)` pairs.
pub struct Params(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> ApiResult<Self> {
        let raw = parts.uri.query().unwrap_or("");
        Ok(Params(
            form_urlencoded::parse(raw.as_bytes())
                .into_owned()
                .collect(),
        ))
    }
}

impl Params {
    /// The last value given for `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value given for any of `keys`, in order.
    pub fn all(&self, keys: &[&str]) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| keys.contains(&k.as_str()))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// `limit` within `min..=max` (default `default`). Out of range is a 400 worded as the API
    /// words it, with `code` `integer_below_min_value` or `integer_above_max_value`; not an
    /// integer is a 400 with `code` `invalid_type`.
    pub fn limit(&self, default: usize, min: usize, max: usize) -> ApiResult<usize> {
        let Some(raw) = self.get("limit") else {
            return Ok(default);
        };
        let n: i64 = raw.trim().parse().map_err(|_| {
            ApiError::bad(
                "limit",
                format!("Invalid 'limit': expected an integer, but got '{raw}' instead."),
            )
            .with_code("invalid_type")
        })?;
        if n < min as i64 {
            return Err(ApiError::bad(
                "limit",
                format!(
                    "Invalid 'limit': integer below minimum value. Expected a value >= {min}, but got {n} instead."
                ),
            )
            .with_code("integer_below_min_value"));
        }
        if n > max as i64 {
            return Err(ApiError::bad(
                "limit",
                format!(
                    "Invalid 'limit': integer above maximum value. Expected a value <= {max}, but got {n} instead."
                ),
            )
            .with_code("integer_above_max_value"));
        }
        Ok(n as usize)
    }

    /// `order`, `asc` or `desc`.
    pub fn order(&self, default: Order) -> ApiResult<Order> {
        match self.get("order") {
            None => Ok(default),
            Some("asc") => Ok(Order::Asc),
            Some("desc") => Ok(Order::Desc),
            Some(other) => Err(ApiError::bad(
                "order",
                format!("Invalid 'order': expected 'asc' or 'desc', got '{other}'."),
            )),
        }
    }

    /// `after`, `limit` and `order` together.
    pub fn page(
        &self,
        default_limit: usize,
        max: usize,
        default_order: Order,
    ) -> ApiResult<PageQuery> {
        Ok(PageQuery {
            after: self
                .get("after")
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            limit: self.limit(default_limit, 0, max)?,
            order: self.order(default_order)?,
        })
    }
}

/// A JSON object body. Invalid JSON or a non-object is a 400.
pub struct Body(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> ApiResult<Self> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("Could not read the request body: {e}")))?;
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
            ApiError::bad_request(format!(
                "We could not parse the JSON body of your request. ({e}) The OpenAI API expects a JSON payload."
            ))
        })?;
        match value {
            Value::Object(map) => Ok(Body(map)),
            _ => Err(ApiError::bad_request(
                "The request body must be a JSON object.",
            )),
        }
    }
}

impl Body {
    /// A required string field.
    pub fn string(&self, key: &str) -> ApiResult<&str> {
        match self.0.get(key) {
            None | Some(Value::Null) => Err(ApiError::bad(
                key,
                format!("Missing required parameter: '{key}'."),
            )),
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(ApiError::bad(
                key,
                format!("Invalid type for '{key}': expected a string."),
            )),
        }
    }

    /// An optional, nullable string field (`null` and absent both give `None`).
    pub fn opt_string(&self, key: &str) -> ApiResult<Option<&str>> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(ApiError::bad(
                key,
                format!("Invalid type for '{key}': expected a string or null."),
            )),
        }
    }

    /// An optional, nullable string field that tells `null` from absent: `None` when absent,
    /// `Some(None)` for `null` (clear it), `Some(Some(s))` for a string.
    pub fn nullable_string(&self, key: &str) -> ApiResult<Option<Option<String>>> {
        match self.0.get(key) {
            None => Ok(None),
            Some(Value::Null) => Ok(Some(None)),
            Some(Value::String(s)) => Ok(Some(Some(s.clone()))),
            Some(_) => Err(ApiError::bad(
                key,
                format!("Invalid type for '{key}': expected a string or null."),
            )),
        }
    }

    /// An optional, nullable array of non-empty strings.
    pub fn opt_strings(&self, key: &str) -> ApiResult<Option<Vec<String>>> {
        let bad = || {
            ApiError::bad(
                key,
                format!("Invalid type for '{key}': expected an array of strings."),
            )
        };
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| match v {
                    Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
                    _ => Err(bad()),
                })
                .collect::<ApiResult<Vec<_>>>()
                .map(Some),
            Some(_) => Err(bad()),
        }
    }
}

/// Checks a name's length is within 1..=255 characters.
pub fn check_name(param: &str, name: &str) -> ApiResult<String> {
    let n = name.chars().count();
    if n == 0 || n > 255 || name.trim().is_empty() {
        return Err(ApiError::bad(
            param,
            format!("Invalid '{param}': must be between 1 and 255 characters long (got {n})."),
        ));
    }
    Ok(name.to_owned())
}
