//! The requests of each resource's operations, built by `ops::build` from the caller's JSON.
//!
//! What the per-resource builders' tests used to say about requests, under the rules that
//! replaced them: only what cannot succeed is refused before sending (a wrong JSON type, a missing
//! required field, an id that is empty or `.`/`..`, a number outside the schema's minimum/maximum,
//! a string length outside its minLength/maxLength); enum values outside the spec, unknown fields,
//! nulls, empty strings and empty bodies are sent as given, and a body is the caller's JSON byte
//! for byte. `src/ops.rs`'s own tests cover the table and the generic rules; these cover each
//! resource's routes, bodies and the spec's bounds.

// A native test: it needs no JavaScript.
#![cfg(not(target_arch = "wasm32"))]

use openai_admin_wasm::ops::{build, find};
use openai_admin_wasm::{ApiRequest, Error, Method};

/// Builds `op` with the positional `id` and the params object `params`.
fn req(op: &str, id: Option<&str>, params: Option<&str>) -> Result<ApiRequest, Error> {
    build(find(op).expect("an operation of the table"), id, params)
}

/// A request that must build.
fn ok(op: &str, id: Option<&str>, params: Option<&str>) -> ApiRequest {
    req(op, id, params).unwrap_or_else(|e| panic!("{op} {id:?} {params:?}: {e}"))
}

/// The `param` of a request that must be refused before sending.
fn refused(op: &str, id: Option<&str>, params: Option<&str>) -> String {
    match req(op, id, params) {
        Ok(request) => panic!("{op} {id:?} {params:?} built {request:?}"),
        Err(err) => {
            let param = err.param().unwrap_or_default().to_owned();
            assert!(
                err.to_string().contains(&param),
                "{op}: the message names `{param}`: {err}"
            );
            param
        }
    }
}

/// Method, path with query, and body.
fn wire(request: &ApiRequest) -> (Method, String, Option<&str>) {
    (
        request.method,
        request.path_and_query(),
        request.body.as_deref(),
    )
}

#[test]
fn groups_routes_and_bodies() {
    let r = ok("groups.list", None, Some(r#"{"limit":20,"order":"asc"}"#));
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/groups?limit=20&order=asc".into(),
            None
        )
    );
    let body = r#"{"name":"Support Team"}"#;
    let r = ok("groups.create", None, Some(body));
    assert_eq!(
        wire(&r),
        (Method::Post, "/organization/groups".into(), Some(body))
    );
    let r = ok("groups.retrieve", Some("group_01J1F8ABCDXYZ"), None);
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/groups/group_01J1F8ABCDXYZ".into(),
            None
        )
    );
    let body = r#"{"name":"Escalations"}"#;
    let r = ok("groups.update", Some("g/1"), Some(body));
    assert_eq!(
        wire(&r),
        (
            Method::Post,
            "/organization/groups/g%2F1".into(),
            Some(body)
        )
    );
    let r = ok("groups.delete", Some("g 1"), None);
    assert_eq!(
        wire(&r),
        (Method::Delete, "/organization/groups/g%201".into(), None)
    );
}

#[test]
fn a_group_name_is_1_to_255_characters() {
    for op in ["groups.create", "groups.update"] {
        let id = (op == "groups.update").then_some("g");
        for name in [String::new(), "x".repeat(256), "ü".repeat(256)] {
            let body = format!(r#"{{"name":"{name}"}}"#);
            assert_eq!(refused(op, id, Some(&body)), "name", "{op} {}", name.len());
        }
        // The bound counts characters, not bytes.
        for name in ["x".repeat(255), "ü".repeat(255), "x".into()] {
            let body = format!(r#"{{"name":"{name}"}}"#);
            assert_eq!(ok(op, id, Some(&body)).body.as_deref(), Some(&*body));
        }
    }
    // The id is checked first.
    let long = format!(r#"{{"name":"{}"}}"#, "x".repeat(256));
    assert_eq!(refused("groups.update", Some(""), Some(&long)), "group_id");
}

#[test]
fn group_users_routes_and_bodies() {
    let r = ok(
        "groups.users.list",
        Some("group_01J1F8ABCDXYZ"),
        Some(r#"{"limit":20}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/groups/group_01J1F8ABCDXYZ/users?limit=20".into(),
            None
        )
    );
    let r = ok(
        "groups.users.list",
        Some("g/1"),
        Some(r#"{"after":"user abc","order":"asc"}"#),
    );
    assert_eq!(
        r.path_and_query(),
        "/organization/groups/g%2F1/users?after=user%20abc&order=asc"
    );
    let body = r#"{"user_id":"user_abc123"}"#;
    let r = ok("groups.users.create", Some("g#1"), Some(body));
    assert_eq!(
        wire(&r),
        (
            Method::Post,
            "/organization/groups/g%231/users".into(),
            Some(body)
        )
    );
    let r = ok(
        "groups.users.retrieve",
        Some("user_abc123"),
        Some(r#"{"group_id":"group_01J1F8ABCDXYZ"}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/groups/group_01J1F8ABCDXYZ/users/user_abc123".into(),
            None
        )
    );
    let r = ok(
        "groups.users.delete",
        Some("u/../x"),
        Some(r#"{"group_id":"g 1"}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Delete,
            "/organization/groups/g%201/users/u%2F..%2Fx".into(),
            None
        )
    );
}

#[test]
fn group_roles_routes_and_bodies() {
    let r = ok("groups.roles.list", Some("group_01J1F8ABCDXYZ"), None);
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/groups/group_01J1F8ABCDXYZ/roles".into(),
            None
        )
    );
    let r = ok(
        "groups.roles.list",
        Some("g/1"),
        Some(r#"{"after":"role_1","limit":0,"order":"desc"}"#),
    );
    assert_eq!(
        r.path_and_query(),
        "/organization/groups/g%2F1/roles?after=role_1&limit=0&order=desc"
    );
    let body = r#"{"role_id":"role_01J1F8ROLE01"}"#;
    let r = ok(
        "groups.roles.create",
        Some("group_01J1F8ABCDXYZ"),
        Some(body),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Post,
            "/organization/groups/group_01J1F8ABCDXYZ/roles".into(),
            Some(body)
        )
    );
    let r = ok(
        "groups.roles.retrieve",
        Some("role_01J1F8ROLE01"),
        Some(r#"{"group_id":"group_01J1F8ABCDXYZ"}"#),
    );
    assert_eq!(
        r.path,
        "/organization/groups/group_01J1F8ABCDXYZ/roles/role_01J1F8ROLE01"
    );
    let r = ok(
        "groups.roles.delete",
        Some("r/ü"),
        Some(r#"{"group_id":"g?1"}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Delete,
            "/organization/groups/g%3F1/roles/r%2F%C3%BC".into(),
            None
        )
    );
}

#[test]
fn roles_routes_and_bodies() {
    let r = ok(
        "roles.list",
        None,
        Some(r#"{"after":"role_1","limit":20,"order":"desc"}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/roles?after=role_1&limit=20&order=desc".into(),
            None
        )
    );
    assert_eq!(
        ok("roles.list", None, None).path_and_query(),
        "/organization/roles"
    );
    let body = r#"{"role_name":"API Group Manager","permissions":["api.groups.read","api.groups.write"],"description":"Allows managing organization groups"}"#;
    let r = ok("roles.create", None, Some(body));
    assert_eq!(
        wire(&r),
        (Method::Post, "/organization/roles".into(), Some(body))
    );
    let bare = r#"{"role_name":"API Group Manager","permissions":[]}"#;
    assert_eq!(
        ok("roles.create", None, Some(bare)).body.as_deref(),
        Some(bare)
    );
    let r = ok("roles.retrieve", Some("role_01J1F8ROLE01"), None);
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/roles/role_01J1F8ROLE01".into(),
            None
        )
    );
    let body = r#"{"permissions":["api.groups.read"]}"#;
    let r = ok("roles.update", Some("r/1"), Some(body));
    assert_eq!(
        wire(&r),
        (Method::Post, "/organization/roles/r%2F1".into(), Some(body))
    );
    let r = ok("roles.delete", Some("r 1?"), None);
    assert_eq!(
        wire(&r),
        (Method::Delete, "/organization/roles/r%201%3F".into(), None)
    );
}

#[test]
fn role_bodies_are_sent_as_given_unless_they_cannot_succeed() {
    // Nulls stay in an update, and an update that sets nothing is the server's to judge.
    for body in [
        r#"{"role_name":"Readers","permissions":null,"description":null}"#,
        r#"{"description":null}"#,
        "{}",
    ] {
        let r = ok("roles.update", Some("r"), Some(body));
        assert_eq!(r.body.as_deref(), Some(body));
    }
    // The spec sets no length on a role name or a permission.
    for body in [
        r#"{"role_name":"","permissions":["api.groups.read",""]}"#,
        r#"{"role_name":"x","permissions":["a"],"description":null}"#,
        r#"{"role_name":"x","permissions":["a"],"colour":"red"}"#,
    ] {
        assert_eq!(
            ok("roles.create", None, Some(body)).body.as_deref(),
            Some(body)
        );
    }
    let body = r#"{"role_name":""}"#;
    assert_eq!(
        ok("roles.update", Some("r"), Some(body)).body.as_deref(),
        Some(body)
    );

    assert_eq!(
        refused("roles.create", None, Some(r#"{"role_name":"x"}"#)),
        "permissions"
    );
    assert_eq!(
        refused(
            "roles.create",
            None,
            Some(r#"{"name":"x","permissions":[]}"#)
        ),
        "role_name"
    );
    assert_eq!(
        refused(
            "roles.create",
            None,
            Some(r#"{"role_name":"x","permissions":[1]}"#)
        ),
        "permissions"
    );
    assert_eq!(
        refused("roles.update", Some("r"), Some(r#"{"permissions":"all"}"#)),
        "permissions"
    );
    assert_eq!(
        refused("roles.update", Some(""), Some(r#"{"role_name":"x"}"#)),
        "role_id"
    );
}

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

#[test]
fn assignment_bodies_need_their_id_but_not_a_non_empty_one() {
    for (op, field) in [
        ("groups.users.create", "user_id"),
        ("groups.roles.create", "role_id"),
        ("users.roles.create", "role_id"),
    ] {
        assert_eq!(refused(op, Some("p"), Some("{}")), field, "{op}");
        assert_eq!(refused(op, Some("p"), None), field, "{op}");
        let wrong = format!(r#"{{"{field}":1}}"#);
        assert_eq!(refused(op, Some("p"), Some(&wrong)), field, "{op}");
        // An unknown field does not stand in for the missing one.
        assert_eq!(
            refused(op, Some("p"), Some(r#"{"role":"r"}"#)),
            field,
            "{op}"
        );
        // The spec sets no length on the id, and unknown fields are sent as given.
        for body in [
            format!(r#"{{"{field}":""}}"#),
            format!(r#"{{"{field}":"x","role":"x"}}"#),
        ] {
            assert_eq!(
                ok(op, Some("p"), Some(&body)).body.as_deref(),
                Some(&*body),
                "{op}"
            );
        }
        // The path's id is checked first.
        let scope = if op.starts_with("groups.") {
            "group_id"
        } else {
            "user_id"
        };
        assert_eq!(refused(op, Some(""), Some("{}")), scope, "{op}");
    }
}

#[test]
fn cursor_lists_keep_limit_within_0_to_1000() {
    for (op, id) in [
        ("groups.list", None),
        ("groups.users.list", Some("g")),
        ("groups.roles.list", Some("g")),
        ("roles.list", None),
        ("users.roles.list", Some("u")),
    ] {
        for limit in ["-1", "1001", "5000", r#""ten""#] {
            let params = format!(r#"{{"limit":{limit}}}"#);
            assert_eq!(refused(op, id, Some(&params)), "limit", "{op} {limit}");
        }
        for limit in ["0", "1000"] {
            let params = format!(r#"{{"limit":{limit}}}"#);
            assert!(
                ok(op, id, Some(&params))
                    .path_and_query()
                    .ends_with(&format!("?limit={limit}")),
                "{op}"
            );
        }
        // An order outside the spec, an empty cursor and unknown fields are sent as given.
        let r = ok(op, id, Some(r#"{"order":"up","after":"","colour":"red"}"#));
        assert!(
            r.path_and_query().ends_with("?order=up&after=&colour=red"),
            "{op}: {}",
            r.path_and_query()
        );
        assert_eq!(refused(op, id, Some("[]")), "params", "{op}");
    }
}
