//! Parameters shared by several operations, and the checks every argument goes through.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

use crate::error::Error;
use crate::request::ApiRequest;
use crate::schema::Model;

/// Sort order of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// Oldest first.
    Asc,
    /// Newest first.
    Desc,
}

impl Order {
    /// The value sent in the query.
    pub fn as_str(self) -> &'static str {
        match self {
            Order::Asc => "asc",
            Order::Desc => "desc",
        }
    }
}

/// Cursor parameters of every list but the organization users list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Tsify, Model)]
pub struct ListParams {
    /// A cursor: the `next` value of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub after: Option<String>,
    /// How many items a page holds (0 to 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable, min = 0, max = 1000)]
    pub limit: Option<u32>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub order: Option<Order>,
}

impl ListParams {
    /// Largest `limit` these lists accept.
    pub const MAX_LIMIT: u32 = 1000;

    /// Adds `after`, `limit` and `order` to a request's query, checking `limit`.
    pub fn apply(&self, request: &mut ApiRequest) -> Result<(), Error> {
        apply_cursor(
            request,
            self.after.as_deref(),
            self.limit,
            0..=Self::MAX_LIMIT,
        )?;
        if let Some(order) = self.order {
            request.query.push(("order".into(), order.as_str().into()));
        }
        Ok(())
    }
}

/// Adds `after` and a range-checked `limit` to a request's query.
pub(crate) fn apply_cursor(
    request: &mut ApiRequest,
    after: Option<&str>,
    limit: Option<u32>,
    range: std::ops::RangeInclusive<u32>,
) -> Result<(), Error> {
    if let Some(after) = after {
        if after.is_empty() {
            return Err(Error::invalid(
                "after",
                "`after` must be a non-empty string when given",
            ));
        }
        request.query.push(("after".into(), after.into()));
    }
    if let Some(limit) = limit {
        if !range.contains(&limit) {
            return Err(Error::invalid(
                "limit",
                format!(
                    "`limit` must be between {} and {}, got {limit}",
                    range.start(),
                    range.end()
                ),
            ));
        }
        request.query.push(("limit".into(), limit.to_string()));
    }
    Ok(())
}

/// Test support: a parameters object as [`crate::schema::check_request`] checks it (an error
/// naming the field at fault), then read by serde.
#[cfg(test)]
pub(crate) fn from_json<T: Model + serde::de::DeserializeOwned>(
    name: &str,
    json: &str,
) -> Result<T, Error> {
    crate::schema::check_request(T::SCHEMA, json).map_err(|invalid| {
        let param = invalid.field().unwrap_or(name).to_owned();
        Error::invalid(param, format!("Invalid {name}: {invalid}"))
    })?;
    serde_json::from_str(json).map_err(|e| Error::invalid(name, e.to_string()))
}

/// Checks a name against a length range in characters.
pub(crate) fn check_len(
    param: &'static str,
    value: &str,
    range: std::ops::RangeInclusive<usize>,
) -> Result<(), Error> {
    let len = value.chars().count();
    if range.contains(&len) {
        Ok(())
    } else {
        Err(Error::invalid(
            param,
            format!(
                "`{param}` must be {} to {} characters long, got {len}",
                range.start(),
                range.end()
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Method;

    fn request() -> ApiRequest {
        ApiRequest::new(Method::Get, "/x".into())
    }

    #[test]
    fn list_params_go_into_the_query_in_order() {
        let mut req = request();
        let params = ListParams {
            after: Some("g_1".into()),
            limit: Some(0),
            order: Some(Order::Desc),
        };
        params.apply(&mut req).unwrap();
        assert_eq!(req.path_and_query(), "/x?after=g_1&limit=0&order=desc");
    }

    #[test]
    fn limit_outside_the_range_is_rejected() {
        let params = ListParams {
            limit: Some(1001),
            ..Default::default()
        };
        let err = params.apply(&mut request()).unwrap_err();
        assert_eq!(err.param(), Some("limit"));
        assert!(err.to_string().contains("between 0 and 1000"), "{err}");
    }

    #[test]
    fn json_params_errors_name_the_field() {
        // An enum value outside the spec is the server's to judge.
        let order = crate::schema::check_request(ListParams::SCHEMA, r#"{"order":"up"}"#);
        assert_eq!(order, Ok(()));
        let err = from_json::<ListParams>("params", r#"{"limit":"ten"}"#).unwrap_err();
        assert_eq!(err.param(), Some("limit"));
        let err = from_json::<ListParams>("params", r#"{"limit":-1}"#).unwrap_err();
        assert_eq!(err.param(), Some("limit"));
        // Unknown fields are sent as given.
        assert!(from_json::<ListParams>("params", r#"{"colour":"red"}"#).is_ok());
        let err = from_json::<ListParams>("params", "[]").unwrap_err();
        assert_eq!(err.param(), Some("params"));
    }

    #[test]
    fn lengths_count_characters() {
        assert!(check_len("name", "ü", 1..=1).is_ok());
        assert_eq!(
            check_len("name", "", 1..=255).unwrap_err().param(),
            Some("name")
        );
    }
}
