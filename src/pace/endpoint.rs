//! The endpoint a request is paced under: its method and route template, ids left out.

use crate::ops::{Operation, OPERATIONS};

/// `GET /organization/users/{user_id}/roles`: an operation's endpoint, its method and route
/// template, ids left out.
///
/// ```
/// let op = openai_admin_wasm::ops::find("users.roles.list").unwrap();
/// assert_eq!(openai_admin_wasm::pace::endpoint(op), "GET /organization/users/{user_id}/roles");
/// ```
pub fn endpoint(op: &Operation) -> String {
    format!("{} {}", op.method.as_str(), op.path)
}

/// The endpoint of a request by its method and URL: the row of the operation table whose route
/// ends the URL's path (ids matching any one segment); a path no row matches keeps itself
/// (`GET /v1/models`).
///
/// ```
/// use openai_admin_wasm::pace::endpoint_of;
/// assert_eq!(
///     endpoint_of("get", "https://api.openai.com/v1/organization/users/user_1/roles?limit=1000"),
///     "GET /organization/users/{user_id}/roles"
/// );
/// ```
pub fn endpoint_of(method: &str, url: &str) -> String {
    let method = method.to_ascii_uppercase();
    let path = path_of(url);
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    OPERATIONS
        .iter()
        .find(|op| op.method.as_str() == method && route_ends(op.path, &segments))
        .map(endpoint)
        .unwrap_or_else(|| format!("{method} {path}"))
}

/// The path of a URL (or of a path with a query).
fn path_of(url: &str) -> &str {
    let rest = match url.find("://") {
        Some(i) => {
            let after = &url[i + 3..];
            after.find('/').map_or("/", |j| &after[j..])
        }
        None => url,
    };
    rest.split(['?', '#']).next().unwrap_or(rest)
}

/// Whether `route`'s segments end `segments` (a `{param}` matches any non-empty segment).
fn route_ends(route: &str, segments: &[&str]) -> bool {
    let wanted: Vec<&str> = route.trim_matches('/').split('/').collect();
    if wanted.len() > segments.len() {
        return false;
    }
    let tail = &segments[segments.len() - wanted.len()..];
    wanted.iter().zip(tail).all(|(w, s)| {
        if w.starts_with('{') {
            !s.is_empty()
        } else {
            w == s
        }
    })
}
