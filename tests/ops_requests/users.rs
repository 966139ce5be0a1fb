//! Users and their roles: routes, the emails filter, the users list limit and update bodies.

use openai_admin_wasm::Method;

use super::{ok, refused, wire};

#[test]
fn users_routes_and_bodies() {
    let r = ok(
        "users.list",
        None,
        Some(r#"{"after":"user_abc","limit":20}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/users?after=user_abc&limit=20".into(),
            None
        )
    );
    assert_eq!(
        ok("users.list", None, None).path_and_query(),
        "/organization/users"
    );
    let r = ok("users.retrieve", Some("user_abc"), None);
    assert_eq!(
        wire(&r),
        (Method::Get, "/organization/users/user_abc".into(), None)
    );
    let body = r#"{"role":"owner"}"#;
    let r = ok("users.update", Some("u/1"), Some(body));
    assert_eq!(
        wire(&r),
        (Method::Post, "/organization/users/u%2F1".into(), Some(body))
    );
    let body = r#"{"role":"reader","role_id":"role_1","technical_level":"expert","developer_persona":"backend"}"#;
    assert_eq!(
        ok("users.update", Some("u"), Some(body)).body.as_deref(),
        Some(body)
    );
    let r = ok("users.delete", Some("user abc"), None);
    assert_eq!(
        wire(&r),
        (
            Method::Delete,
            "/organization/users/user%20abc".into(),
            None
        )
    );
}

#[test]
fn emails_become_repeated_bracketed_pairs() {
    let r = ok(
        "users.list",
        None,
        Some(r#"{"limit":1,"emails":["a+b@example.com","c@example.com"]}"#),
    );
    assert_eq!(
        r.query,
        [
            ("limit".to_owned(), "1".to_owned()),
            ("emails[]".to_owned(), "a+b@example.com".to_owned()),
            ("emails[]".to_owned(), "c@example.com".to_owned()),
        ]
    );
    assert_eq!(
        r.path_and_query(),
        "/organization/users?limit=1&emails%5B%5D=a%2Bb%40example.com&emails%5B%5D=c%40example.com"
    );
    assert_eq!(
        ok("users.list", None, Some(r#"{"emails":[]}"#)).path_and_query(),
        "/organization/users"
    );
    // An empty address is the server's to judge.
    assert_eq!(
        ok(
            "users.list",
            None,
            Some(r#"{"emails":["a@example.com",""]}"#)
        )
        .path_and_query(),
        "/organization/users?emails%5B%5D=a%40example.com&emails%5B%5D="
    );
    assert_eq!(
        refused("users.list", None, Some(r#"{"emails":"a@example.com"}"#)),
        "emails"
    );
    assert_eq!(
        refused("users.list", None, Some(r#"{"emails":[1]}"#)),
        "emails"
    );
}

#[test]
fn the_users_list_limit_has_no_schema_bounds() {
    // The spec's text says 1 to 100; its schema sets no minimum or maximum.
    for limit in ["0", "100", "101", "-5"] {
        let params = format!(r#"{{"limit":{limit}}}"#);
        assert_eq!(
            ok("users.list", None, Some(&params)).path_and_query(),
            format!("/organization/users?limit={limit}")
        );
    }
    for limit in [r#""ten""#, "2.5", "true"] {
        let params = format!(r#"{{"limit":{limit}}}"#);
        assert_eq!(refused("users.list", None, Some(&params)), "limit");
    }
    // An empty cursor is sent as given.
    assert_eq!(
        ok("users.list", None, Some(r#"{"after":""}"#)).path_and_query(),
        "/organization/users?after="
    );
}

#[test]
fn user_update_bodies_are_sent_as_given_unless_they_cannot_succeed() {
    for body in [
        r#"{"role":"reader","role_id":null}"#,
        r#"{"role_id":""}"#,
        r#"{"name":"x"}"#,
        r#"{"role":null,"technical_level":null}"#,
    ] {
        assert_eq!(
            ok("users.update", Some("u"), Some(body)).body.as_deref(),
            Some(body)
        );
    }
    assert_eq!(
        refused("users.update", Some("u"), Some(r#"{"role":1}"#)),
        "role"
    );
    assert_eq!(
        refused("users.update", Some(""), Some(r#"{"role":"reader"}"#)),
        "user_id"
    );
}

#[test]
fn user_roles_routes_and_bodies() {
    let r = ok("users.roles.list", Some("user_abc123"), None);
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/users/user_abc123/roles".into(),
            None
        )
    );
    let r = ok(
        "users.roles.list",
        Some("u/1"),
        Some(r#"{"after":"role_1","limit":1000,"order":"asc"}"#),
    );
    assert_eq!(
        r.path_and_query(),
        "/organization/users/u%2F1/roles?after=role_1&limit=1000&order=asc"
    );
    let body = r#"{"role_id":"role_01J1F8ROLE01"}"#;
    let r = ok("users.roles.create", Some("user_abc123"), Some(body));
    assert_eq!(
        wire(&r),
        (
            Method::Post,
            "/organization/users/user_abc123/roles".into(),
            Some(body)
        )
    );
    let r = ok(
        "users.roles.retrieve",
        Some("role_01J1F8ROLE01"),
        Some(r#"{"user_id":"user_abc123"}"#),
    );
    assert_eq!(
        r.path,
        "/organization/users/user_abc123/roles/role_01J1F8ROLE01"
    );
    let r = ok(
        "users.roles.delete",
        Some("r%1"),
        Some(r#"{"user_id":"u 1"}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Delete,
            "/organization/users/u%201/roles/r%251".into(),
            None
        )
    );
}
