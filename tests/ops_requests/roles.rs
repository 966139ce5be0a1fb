//! Organization roles: routes, and bodies sent as given unless they cannot succeed.

use openai_admin_wasm::Method;

use super::{ok, refused, wire};

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
