//! The endpoint a request is counted under by `--route-limit` and `/__mock/stats`: its method and
//! route template with the ids left out, as the API's per-endpoint limits count them
//! (`GET /organization/users/{user_id}/roles`, whoever the user).

/// `METHOD /organization/...` with each id segment replaced by its parameter name. A path outside
/// the Admin API's routes keeps its segments as sent.
pub fn endpoint(method: &str, path: &str) -> String {
    let rest = path.strip_prefix("/v1").unwrap_or(path);
    let segments: Vec<&str> = rest.trim_matches('/').split('/').collect();
    let routed = segments.first() == Some(&"organization");
    let mut out = format!("{method} ");
    for (i, segment) in segments.iter().enumerate() {
        out.push('/');
        match (routed, i) {
            (true, 2) | (true, 4) => out.push_str(id_name(segments[i - 1])),
            _ => out.push_str(segment),
        }
    }
    out
}

/// The parameter that names an item of a collection.
fn id_name(collection: &str) -> &'static str {
    match collection {
        "groups" => "{group_id}",
        "users" => "{user_id}",
        "roles" => "{role_id}",
        _ => "{id}",
    }
}

#[cfg(test)]
mod tests {
    use super::endpoint;

    #[test]
    fn ids_are_left_out() {
        assert_eq!(
            endpoint("GET", "/v1/organization/users/user_abc/roles"),
            "GET /organization/users/{user_id}/roles"
        );
        assert_eq!(
            endpoint("DELETE", "/v1/organization/groups/g1/roles/r2"),
            "DELETE /organization/groups/{group_id}/roles/{role_id}"
        );
        assert_eq!(
            endpoint("GET", "/v1/organization/groups"),
            "GET /organization/groups"
        );
        assert_eq!(
            endpoint("POST", "/v1/organization/groups/g1"),
            "POST /organization/groups/{group_id}"
        );
        assert_eq!(endpoint("GET", "/v1/models"), "GET /models");
    }
}
