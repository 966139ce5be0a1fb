//! Groups, their users and their roles: routes, bodies and the group name's bounds.

use openai_admin_wasm::Method;

use super::{ok, refused, wire};

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
