//! The 26 organization operations of the table against the mock (the 27 project ones are in
//! `wasm_projects.rs`), each call one attempt made as the package's
//! TypeScript makes it (`prepare`, the engine's `fetch`, `checkPage` or `parseAnswer`, or `apiError`), compiled to wasm
//! and run in Node, headless Chromium and headless Firefox: create, retrieve, update and delete
//! round trips with the returned fields checked, and the request options `prepare` applies.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use js_sys::Object;
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn groups_create_retrieve_update_list_delete() {
    let name = unique("wasm group");
    let created = ok(call("groups.create", none(), js(json!({ "name": name })))).await;
    let id = string(&created, "id");
    assert!(id.starts_with("group_"), "{id}");
    assert_eq!(string(&created, "name"), name);
    assert!(!boolean(&created, "is_scim_managed"));
    assert!(number(&created, "created_at") > 1.7e9);

    // `_request_id` is there, as in the official SDK, but not enumerable.
    let request_id = string(&created, "_request_id");
    assert!(request_id.starts_with("req_"), "{request_id}");
    let keys: Vec<String> = Object::keys(created.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    assert!(!keys.contains(&"_request_id".to_owned()), "{keys:?}");

    let retrieved = ok(call("groups.retrieve", id.clone().into(), none())).await;
    assert_eq!(string(&retrieved, "id"), id);
    assert_eq!(string(&retrieved, "name"), name);
    assert_eq!(string(&retrieved, "group_type"), "group");

    let renamed = format!("{name} (renamed)");
    let updated = ok(call(
        "groups.update",
        id.clone().into(),
        js(json!({ "name": renamed })),
    ))
    .await;
    assert_eq!(string(&updated, "id"), id);
    assert_eq!(string(&updated, "name"), renamed);

    let list = ok(call("groups.list", none(), js(json!({ "limit": 1000 })))).await;
    assert_eq!(string(&list, "page.object"), "list");
    let found: Vec<JsValue> = array(&list, "page.data")
        .into_iter()
        .filter(|g| string(g, "id") == id)
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(string(&found[0], "name"), renamed);
    assert!(!boolean(&list, "page.has_more"));

    let deleted = ok(call("groups.delete", id.clone().into(), none())).await;
    assert_eq!(string(&deleted, "id"), id);
    assert!(boolean(&deleted, "deleted"));
    assert_eq!(string(&deleted, "object"), "group.deleted");

    err(call("groups.retrieve", id.into(), none()), 404).await;
}

#[wasm_bindgen_test]
async fn group_users_add_retrieve_list_remove() {
    let group = new_group("wasm members").await;
    let users = some_users(3).await;
    let scope = || js(json!({ "group_id": group }));

    for user in &users {
        let added = ok(call(
            "groups.users.create",
            group.clone().into(),
            js(json!({ "user_id": user })),
        ))
        .await;
        assert_eq!(string(&added, "object"), "group.user");
        assert_eq!(string(&added, "user_id"), *user);
        assert_eq!(string(&added, "group_id"), group);
    }

    let member = ok(call(
        "groups.users.retrieve",
        users[0].clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(string(&member, "id"), users[0]);
    assert!(!string(&member, "name").is_empty());
    assert_eq!(string(&member, "user_type"), "user");

    // Member lists are newest first unless asked otherwise.
    let list = ok(call("groups.users.list", group.clone().into(), none())).await;
    let mut newest_first = users.clone();
    newest_first.reverse();
    assert_eq!(ids(&list, "page.data"), newest_first);
    let ascending = ok(call(
        "groups.users.list",
        group.clone().into(),
        js(json!({ "order": "asc" })),
    ))
    .await;
    assert_eq!(ids(&ascending, "page.data"), users);

    let removed = ok(call(
        "groups.users.delete",
        users[1].clone().into(),
        scope(),
    ))
    .await;
    assert!(boolean(&removed, "deleted"));
    assert_eq!(string(&removed, "object"), "group.user.deleted");

    let list = ok(call(
        "groups.users.list",
        group.clone().into(),
        js(json!({ "order": "asc" })),
    ))
    .await;
    assert_eq!(
        ids(&list, "page.data"),
        vec![users[0].clone(), users[2].clone()]
    );
    err(
        call("groups.users.retrieve", users[1].clone().into(), scope()),
        404,
    )
    .await;

    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn group_roles_assign_retrieve_list_unassign() {
    let group = new_group("wasm group roles").await;
    let role = new_role("wasm group role").await;
    let scope = || js(json!({ "group_id": group }));

    let assigned = ok(call(
        "groups.roles.create",
        group.clone().into(),
        js(json!({ "role_id": role })),
    ))
    .await;
    assert_eq!(string(&assigned, "object"), "group.role");
    assert_eq!(string(&assigned, "group.id"), group);
    assert!(!boolean(&assigned, "group.scim_managed"));
    assert_eq!(string(&assigned, "role.id"), role);
    assert!(!boolean(&assigned, "role.predefined_role"));

    let details = ok(call("groups.roles.retrieve", role.clone().into(), scope())).await;
    assert_eq!(string(&details, "id"), role);
    assert_eq!(string(&details, "resource_type"), "api.organization");
    let permissions: Vec<String> = array(&details, "permissions")
        .iter()
        .filter_map(JsValue::as_string)
        .collect();
    assert_eq!(permissions, vec!["api.groups.read".to_owned()]);

    let list = ok(call("groups.roles.list", group.clone().into(), none())).await;
    assert_eq!(ids(&list, "page.data"), vec![role.clone()]);
    assert!(!boolean(&list, "page.has_more"));

    let unassigned = ok(call("groups.roles.delete", role.clone().into(), scope())).await;
    assert!(boolean(&unassigned, "deleted"));
    assert_eq!(string(&unassigned, "object"), "group.role.deleted");

    let list = ok(call("groups.roles.list", group.clone().into(), none())).await;
    assert!(array(&list, "page.data").is_empty());

    ok(call("roles.delete", role.into(), none())).await;
    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn roles_create_retrieve_update_list_delete() {
    let name = unique("wasm role");
    let created = ok(call(
        "roles.create",
        none(),
        js(json!({
            "role_name": name,
            "permissions": ["api.groups.read", "api.groups.write"],
            "description": "made by the wasm tests",
        })),
    ))
    .await;
    let id = string(&created, "id");
    assert!(id.starts_with("role_"), "{id}");
    assert_eq!(string(&created, "object"), "role");
    assert_eq!(string(&created, "name"), name);
    assert_eq!(string(&created, "description"), "made by the wasm tests");
    assert_eq!(array(&created, "permissions").len(), 2);
    assert!(!boolean(&created, "predefined_role"));

    let retrieved = ok(call("roles.retrieve", id.clone().into(), none())).await;
    assert_eq!(string(&retrieved, "name"), name);

    let renamed = format!("{name} (renamed)");
    let updated = ok(call(
        "roles.update",
        id.clone().into(),
        js(json!({ "role_name": renamed, "permissions": ["api.users.read"] })),
    ))
    .await;
    assert_eq!(string(&updated, "id"), id);
    assert_eq!(string(&updated, "name"), renamed);
    assert_eq!(
        array(&updated, "permissions")
            .iter()
            .filter_map(JsValue::as_string)
            .collect::<Vec<_>>(),
        vec!["api.users.read".to_owned()]
    );
    // Fields left out stay as they were.
    assert_eq!(string(&updated, "description"), "made by the wasm tests");

    let list = ok(call("roles.list", none(), none())).await;
    let names: Vec<String> = array(&list, "page.data")
        .iter()
        .map(|r| string(r, "name"))
        .collect();
    assert!(names.contains(&"Owner".to_owned()), "{names:?}");
    assert!(names.contains(&"Reader".to_owned()), "{names:?}");
    assert!(names.contains(&renamed), "{names:?}");

    let deleted = ok(call("roles.delete", id.clone().into(), none())).await;
    assert_eq!(string(&deleted, "id"), id);
    assert!(boolean(&deleted, "deleted"));
    assert_eq!(string(&deleted, "object"), "role.deleted");
    err(call("roles.retrieve", id.into(), none()), 404).await;
}

#[wasm_bindgen_test]
async fn users_retrieve_and_update() {
    // A reader: the seed has 4 owners, then readers.
    let list = ok(call("users.list", none(), js(json!({ "limit": 20 })))).await;
    let reader = array(&list, "page.data")
        .into_iter()
        .find(|u| get(u, "role").as_string().as_deref() == Some("reader"))
        .expect("the seed has readers");
    let id = string(&reader, "id");

    let user = ok(call("users.retrieve", id.clone().into(), none())).await;
    assert_eq!(string(&user, "object"), "organization.user");
    assert_eq!(string(&user, "id"), id);
    assert_eq!(string(&user, "role"), "reader");
    assert_eq!(string(&user, "email"), string(&reader, "email"));
    assert!(number(&user, "added_at") > 1.7e9);

    let promoted = ok(call(
        "users.update",
        id.clone().into(),
        js(json!({ "role": "owner", "technical_level": "expert" })),
    ))
    .await;
    assert_eq!(string(&promoted, "id"), id);
    assert_eq!(string(&promoted, "role"), "owner");
    assert_eq!(string(&promoted, "technical_level"), "expert");

    let restored = ok(call(
        "users.update",
        id.clone().into(),
        js(json!({ "role": "reader" })),
    ))
    .await;
    assert_eq!(string(&restored, "role"), "reader");
    // Fields left out stay as they were.
    assert_eq!(string(&restored, "technical_level"), "expert");
}

#[wasm_bindgen_test]
async fn user_roles_assign_retrieve_list_unassign() {
    let user = some_users(1).await.remove(0);
    let role = new_role("wasm user role").await;
    let scope = || js(json!({ "user_id": user }));

    let assigned = ok(call(
        "users.roles.create",
        user.clone().into(),
        js(json!({ "role_id": role })),
    ))
    .await;
    assert_eq!(string(&assigned, "object"), "user.role");
    assert_eq!(string(&assigned, "user.id"), user);
    assert_eq!(string(&assigned, "role.id"), role);

    let details = ok(call("users.roles.retrieve", role.clone().into(), scope())).await;
    assert_eq!(string(&details, "id"), role);
    assert!(!boolean(&details, "predefined_role"));

    let list = ok(call(
        "users.roles.list",
        user.clone().into(),
        js(json!({ "limit": 1000 })),
    ))
    .await;
    assert!(ids(&list, "page.data").contains(&role));

    let unassigned = ok(call("users.roles.delete", role.clone().into(), scope())).await;
    assert!(boolean(&unassigned, "deleted"));
    assert_eq!(string(&unassigned, "object"), "user.role.deleted");

    let list = ok(call(
        "users.roles.list",
        user.clone().into(),
        js(json!({ "limit": 1000 })),
    ))
    .await;
    assert!(!ids(&list, "page.data").contains(&role));
    err(
        call("users.roles.retrieve", role.clone().into(), scope()),
        404,
    )
    .await;

    ok(call("roles.delete", role.into(), none())).await;
}

#[wasm_bindgen_test]
async fn users_delete_removes_the_user_and_their_memberships() {
    // The last user in id order: the other suites take theirs from the front.
    let all = ok(call("users.list", none(), js(json!({ "limit": 100 })))).await;
    let user = ids(&all, "page.data").pop().expect("the seed has users");
    let group = new_group("wasm deleted member").await;
    ok(call(
        "groups.users.create",
        group.clone().into(),
        js(json!({ "user_id": user })),
    ))
    .await;

    let deleted = ok(call("users.delete", user.clone().into(), none())).await;
    assert_eq!(string(&deleted, "id"), user);
    assert!(boolean(&deleted, "deleted"));
    assert_eq!(string(&deleted, "object"), "organization.user.deleted");

    err(call("users.retrieve", user.into(), none()), 404).await;
    let members = ok(call("groups.users.list", group.clone().into(), none())).await;
    assert!(array(&members, "page.data").is_empty());

    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn request_options_and_the_default_query_decide_what_reaches_the_server() {
    let group = new_group("wasm options").await;
    let path = format!("/v1/organization/groups/{group}");
    clear_log().await;

    // The client's `defaultQuery` goes under the call's own query, which wins a name both give.
    let defaults = json!({ "defaultQuery": { "api-version": "1", "limit": "5" } });
    let list = ok(call_with(
        "groups.list",
        none(),
        js(json!({ "limit": 2 })),
        With::options(defaults),
    ))
    .await;
    assert_eq!(array(&list, "page.data").len(), 2);
    // `query` replaces the params' query.
    let list = ok(call_with(
        "groups.list",
        none(),
        js(json!({ "limit": 2 })),
        With::options(json!({ "query": { "limit": 3, "order": "desc" } })),
    ))
    .await;
    assert_eq!(array(&list, "page.data").len(), 3);
    // `path` (here without its leading `/`) replaces the operation's.
    let retrieved = ok(call_with(
        "groups.retrieve",
        "group_not_this_one".into(),
        none(),
        With::options(json!({ "path": &path["/v1/".len()..] })),
    ))
    .await;
    assert_eq!(string(&retrieved, "id"), group);
    // `body` replaces the body.
    let renamed = unique("wasm options renamed");
    let updated = ok(call_with(
        "groups.update",
        group.clone().into(),
        js(json!({ "name": "not this name" })),
        With::options(json!({ "body": { "name": renamed } })),
    ))
    .await;
    assert_eq!(string(&updated, "name"), renamed);
    // `method` replaces the method: a retrieve sent as a DELETE deletes.
    let deleted = ok(call_with(
        "groups.retrieve",
        group.clone().into(),
        none(),
        With::options(json!({ "method": "delete" })),
    ))
    .await;
    assert!(boolean(&deleted, "deleted"));

    let log = logged().await;
    let seen: Vec<(String, String, String)> = log
        .iter()
        .map(|e| {
            (
                string(e, "method"),
                string(e, "path"),
                get(e, "query").as_string().unwrap_or_default(),
            )
        })
        .collect();
    let expected = |method: &str, path: &str, query: &str| {
        (method.to_owned(), path.to_owned(), query.to_owned())
    };
    assert_eq!(
        seen,
        vec![
            expected("GET", "/v1/organization/groups", "api-version=1&limit=2"),
            expected("GET", "/v1/organization/groups", "limit=3&order=desc"),
            expected("GET", &path, ""),
            expected("POST", &path, ""),
            expected("DELETE", &path, ""),
        ]
    );
    assert_eq!(
        string(&log[3], "body"),
        json!({ "name": renamed }).to_string()
    );
    assert_eq!(string(&log[0], "headers.authorization"), "Bearer ***");

    // An unsupported method is refused before sending.
    let error = err(
        call_with(
            "groups.retrieve",
            group.into(),
            none(),
            With::options(json!({ "method": "patch" })),
        ),
        "InvalidArgumentError",
    )
    .await;
    assert_eq!(string(&error, "param"), "method");
}

/// Every operation of the table has its round trip in this suite or in `wasm_projects.rs`.
#[wasm_bindgen_test]
fn every_operation_of_the_table_is_called_here() {
    let source = [
        include_str!("wasm_operations.rs"),
        include_str!("wasm_projects.rs"),
    ]
    .concat();
    let missing: Vec<&str> = openai_admin_wasm::ops::OPERATIONS
        .iter()
        .map(|op| op.name)
        .filter(|name| !source.contains(&format!("\"{name}\",")))
        .collect();
    assert!(missing.is_empty(), "not called here: {missing:?}");
    assert_eq!(openai_admin_wasm::ops::OPERATIONS.len(), 53);
}
