//! The 27 project operations of the table against the mock, each call one attempt made as the
//! package's TypeScript makes it (see `wasm_operations.rs`), compiled to wasm and run in Node,
//! headless Chromium and headless Firefox: a project of its own with members, a custom role, a
//! group with access and role assignments, the path parameters that travel in the params object,
//! the predefined role's short id answered in its long form, and the project archived at the end.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use serde_json::json;
use wasm_bindgen_test::*;

const OWNER: &str = "role-api-project-owner";

#[wasm_bindgen_test]
async fn projects_users_and_their_roles_round_trip() {
    let name = unique("wasm project");
    let created = ok(call("projects.create", none(), js(json!({ "name": name })))).await;
    let project = string(&created, "id");
    assert!(project.starts_with("proj_"), "{project}");
    assert_eq!(string(&created, "status"), "active");
    let got = ok(call("projects.retrieve", project.clone().into(), none())).await;
    assert_eq!(string(&got, "name"), name);
    let renamed = format!("{name} 2");
    let updated = ok(call(
        "projects.update",
        project.clone().into(),
        js(json!({ "name": renamed })),
    ))
    .await;
    assert_eq!(string(&updated, "name"), renamed);
    let listed = ok(call("projects.list", none(), js(json!({ "limit": 100 })))).await;
    assert!(ids(&listed, "page.data").contains(&project));

    let users = some_users(2).await;
    let scope = || js(json!({ "project_id": project }));
    for (user, role) in users.iter().zip(["owner", "member"]) {
        let added = ok(call(
            "projects.users.create",
            project.clone().into(),
            js(json!({ "user_id": user, "role": role })),
        ))
        .await;
        assert_eq!(string(&added, "role"), role);
    }
    let members = ok(call("projects.users.list", project.clone().into(), none())).await;
    assert_eq!(ids(&members, "page.data"), users);
    let member = ok(call(
        "projects.users.retrieve",
        users[1].clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(string(&member, "object"), "organization.project.user");
    // `project_id` goes into the path; the body holds the rest.
    let promoted = ok(call(
        "projects.users.update",
        users[1].clone().into(),
        js(json!({ "project_id": project, "role": "owner" })),
    ))
    .await;
    assert_eq!(string(&promoted, "role"), "owner");

    let assigned = ok(call(
        "projects.users.roles.create",
        users[1].clone().into(),
        js(json!({ "project_id": project, "role_id": OWNER })),
    ))
    .await;
    let long = format!("{OWNER}__api-project__{project}");
    assert_eq!(string(&assigned, "role.id"), long);
    let held = ok(call(
        "projects.users.roles.list",
        users[1].clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(ids(&held, "page.data"), std::slice::from_ref(&long));
    let pair = js(json!({ "project_id": project, "user_id": users[1] }));
    let one = ok(call("projects.users.roles.retrieve", OWNER.into(), pair)).await;
    assert_eq!(string(&one, "id"), long);
    let pair = js(json!({ "project_id": project, "user_id": users[1] }));
    let gone = ok(call(
        "projects.users.roles.delete",
        long.clone().into(),
        pair,
    ))
    .await;
    assert_eq!(string(&gone, "object"), "user.role.deleted");

    let removed = ok(call(
        "projects.users.delete",
        users[0].clone().into(),
        scope(),
    ))
    .await;
    assert!(boolean(&removed, "deleted"));
    err(
        call("projects.users.retrieve", users[0].clone().into(), scope()),
        404,
    )
    .await;

    let archived = ok(call("projects.archive", project.clone().into(), none())).await;
    assert_eq!(string(&archived, "status"), "archived");
    err(call("projects.users.list", project.into(), none()), 400).await;
}

#[wasm_bindgen_test]
async fn project_roles_groups_and_group_roles_round_trip() {
    let created = ok(call(
        "projects.create",
        none(),
        js(json!({ "name": unique("wasm project groups") })),
    ))
    .await;
    let project = string(&created, "id");
    let scope = || js(json!({ "project_id": project }));

    let roles = ok(call("projects.roles.list", project.clone().into(), none())).await;
    assert_eq!(array(&roles, "page.data").len(), 3, "the predefined roles");
    let role = ok(call(
        "projects.roles.create",
        project.clone().into(),
        js(json!({ "role_name": unique("wasm project role"), "permissions": ["api.organization.projects.api_keys.read"] })),
    ))
    .await;
    let role_id = string(&role, "id");
    assert_eq!(string(&role, "resource_type"), "api.project");
    let got = ok(call(
        "projects.roles.retrieve",
        role_id.clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(string(&got, "id"), role_id);
    let changed = ok(call(
        "projects.roles.update",
        role_id.clone().into(),
        js(json!({ "project_id": project, "description": "wasm" })),
    ))
    .await;
    assert_eq!(string(&changed, "description"), "wasm");

    let group = new_group("wasm project group").await;
    let granted = ok(call(
        "projects.groups.create",
        project.clone().into(),
        js(json!({ "group_id": group, "role": "role-api-project-member" })),
    ))
    .await;
    assert_eq!(string(&granted, "object"), "project.group");
    let groups = ok(call("projects.groups.list", project.clone().into(), none())).await;
    assert_eq!(array(&groups, "page.data").len(), 1);
    let one = ok(call(
        "projects.groups.retrieve",
        group.clone().into(),
        js(json!({ "project_id": project, "group_type": "group" })),
    ))
    .await;
    assert_eq!(string(&one, "group_type"), "group");

    let assigned = ok(call(
        "projects.groups.roles.create",
        group.clone().into(),
        js(json!({ "project_id": project, "role_id": role_id })),
    ))
    .await;
    assert_eq!(string(&assigned, "object"), "group.role");
    let held = ok(call(
        "projects.groups.roles.list",
        group.clone().into(),
        js(json!({ "project_id": project, "limit": 1 })),
    ))
    .await;
    assert!(
        boolean(&held, "page.has_more"),
        "the member role and the custom one"
    );
    let pair = || js(json!({ "project_id": project, "group_id": group }));
    let one = ok(call(
        "projects.groups.roles.retrieve",
        role_id.clone().into(),
        pair(),
    ))
    .await;
    assert_eq!(string(&one, "id"), role_id);
    let gone = ok(call(
        "projects.groups.roles.delete",
        role_id.clone().into(),
        pair(),
    ))
    .await;
    assert_eq!(string(&gone, "object"), "group.role.deleted");
    let revoked = ok(call(
        "projects.groups.delete",
        group.clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(string(&revoked, "object"), "project.group.deleted");
    let deleted = ok(call(
        "projects.roles.delete",
        role_id.clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(string(&deleted, "object"), "role.deleted");
    err(
        call("projects.roles.retrieve", role_id.into(), scope()),
        404,
    )
    .await;
    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn a_missing_project_id_is_refused_before_sending_naming_it() {
    let refused = err(
        call("projects.users.retrieve", "user_x".into(), js(json!({}))),
        "InvalidArgumentError",
    )
    .await;
    assert_eq!(string(&refused, "param"), "project_id");
}
