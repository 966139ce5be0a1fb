//! Projects, their users, groups and roles: routes, path parameters taken out of the params
//! object, the project groups list's bounds, and what is sent as given.

use openai_admin_wasm::Method;

use super::{ok, refused, wire};

#[test]
fn projects_routes_and_bodies() {
    let r = ok(
        "projects.list",
        None,
        Some(r#"{"limit":20,"include_archived":true,"after":"proj_1"}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Get,
            "/organization/projects?limit=20&include_archived=true&after=proj_1".into(),
            None
        )
    );
    let body = r#"{"name":"Project ABC","residency":"MARS_STORAGE"}"#;
    let r = ok("projects.create", None, Some(body));
    assert_eq!(
        wire(&r),
        (Method::Post, "/organization/projects".into(), Some(body))
    );
    let r = ok("projects.archive", Some("proj/1"), None);
    assert_eq!(
        wire(&r),
        (
            Method::Post,
            "/organization/projects/proj%2F1/archive".into(),
            None
        )
    );
    let r = ok("projects.update", Some("proj_1"), Some(r#"{"name":null}"#));
    assert_eq!(r.body.as_deref(), Some(r#"{"name":null}"#));
    assert_eq!(refused("projects.create", None, Some("{}")), "name");
    assert_eq!(refused("projects.retrieve", Some(""), None), "project_id");
    // The 1 to 100 is the spec's prose only.
    let r = ok("projects.list", None, Some(r#"{"limit":500}"#));
    assert!(r.path_and_query().ends_with("?limit=500"));
}

#[test]
fn a_path_parameter_in_the_params_object_goes_into_the_path_only() {
    let r = ok(
        "projects.users.update",
        Some("user_1"),
        Some(r#"{"project_id":"proj 1","role":"owner"}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Post,
            "/organization/projects/proj%201/users/user_1".into(),
            Some(r#"{"role":"owner"}"#)
        )
    );
    // The rest of the body as given, in its order, with what the spec does not know.
    let r = ok(
        "projects.roles.update",
        Some("role_1"),
        Some(r#"{"description":null,"project_id":"p","permissions":["a"],"colour":{"x":1}}"#),
    );
    assert_eq!(r.path, "/projects/p/roles/role_1");
    assert_eq!(
        r.body.as_deref(),
        Some(r#"{"description":null,"permissions":["a"],"colour":{"x":1}}"#)
    );
    // Only the project left: an empty body, as the official SDK sends `{}`.
    let r = ok(
        "projects.users.update",
        Some("u"),
        Some(r#"{"project_id":"p"}"#),
    );
    assert_eq!(r.body.as_deref(), Some("{}"));
    // A key that needs escaping is written back escaped.
    let r = ok(
        "projects.users.roles.create",
        Some("u"),
        Some(r#"{"project_id":"p","role_id":"r","a\"b\n":1}"#),
    );
    assert_eq!(r.body.as_deref(), Some(r#"{"role_id":"r","a\"b\n":1}"#));
    // In a list's query too; the positional id's name is the caller's own query field.
    let r = ok(
        "projects.users.roles.list",
        Some("u"),
        Some(r#"{"project_id":"p","limit":1,"user_id":"x"}"#),
    );
    assert_eq!(
        r.path_and_query(),
        "/projects/p/users/u/roles?limit=1&user_id=x"
    );
    let r = ok(
        "projects.groups.retrieve",
        Some("g"),
        Some(r#"{"project_id":"p","group_type":"tenant_group"}"#),
    );
    assert_eq!(
        r.path_and_query(),
        "/organization/projects/p/groups/g?group_type=tenant_group"
    );
    // Missing or not a string: refused, naming it; the body's own fields still checked.
    assert_eq!(
        refused(
            "projects.users.roles.create",
            Some("u"),
            Some(r#"{"role_id":"r"}"#)
        ),
        "project_id"
    );
    assert_eq!(
        refused(
            "projects.users.roles.create",
            Some("u"),
            Some(r#"{"project_id":7,"role_id":"r"}"#)
        ),
        "project_id"
    );
    assert_eq!(
        refused(
            "projects.users.roles.create",
            Some("u"),
            Some(r#"{"project_id":"p"}"#)
        ),
        "role_id"
    );
    assert_eq!(
        refused(
            "projects.groups.roles.retrieve",
            Some("r"),
            Some(r#"{"project_id":"p"}"#)
        ),
        "group_id"
    );
    assert_eq!(
        refused(
            "projects.groups.roles.delete",
            Some("r"),
            Some(r#"{"project_id":"..","group_id":"g"}"#)
        ),
        "project_id"
    );
}

#[test]
fn three_path_parameters_in_url_order() {
    let r = ok(
        "projects.users.roles.delete",
        Some("role-api-project-owner"),
        Some(r#"{"project_id":"p","user_id":"u/1"}"#),
    );
    assert_eq!(
        wire(&r),
        (
            Method::Delete,
            "/projects/p/users/u%2F1/roles/role-api-project-owner".into(),
            None
        )
    );
    let r = ok(
        "projects.groups.roles.retrieve",
        Some("r"),
        Some(r#"{"group_id":"g","project_id":"p"}"#),
    );
    assert_eq!(
        wire(&r),
        (Method::Get, "/projects/p/groups/g/roles/r".into(), None)
    );
}

#[test]
fn project_group_lists_keep_limit_within_0_to_100_and_role_lists_within_1000() {
    for limit in ["-1", "101"] {
        let params = format!(r#"{{"limit":{limit}}}"#);
        assert_eq!(
            refused("projects.groups.list", Some("p"), Some(&params)),
            "limit"
        );
    }
    assert!(ok(
        "projects.groups.list",
        Some("p"),
        Some(r#"{"limit":100,"order":"sideways"}"#)
    )
    .path_and_query()
    .ends_with("?limit=100&order=sideways"));
    assert_eq!(
        refused("projects.roles.list", Some("p"), Some(r#"{"limit":1001}"#)),
        "limit"
    );
    let r = ok(
        "projects.groups.roles.list",
        Some("g"),
        Some(r#"{"project_id":"p","limit":1000}"#),
    );
    assert!(r.path_and_query().ends_with("?limit=1000"));
    assert_eq!(
        refused(
            "projects.groups.create",
            Some("p"),
            Some(r#"{"group_id":"g"}"#)
        ),
        "role"
    );
    assert_eq!(
        refused(
            "projects.users.create",
            Some("p"),
            Some(r#"{"user_id":"u"}"#)
        ),
        "role"
    );
    // Neither `user_id` nor `email` is required by the spec: the server says which it needs.
    assert!(ok(
        "projects.users.create",
        Some("p"),
        Some(r#"{"role":"member"}"#)
    )
    .body
    .is_some());
}
