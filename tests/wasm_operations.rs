//! All 26 exports against the mock, compiled to wasm and run in Node and in headless Chromium:
//! create, retrieve, update and delete round trips, with the returned fields checked.
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
    let client = client();
    let name = unique("wasm group");
    let created = ok(call(
        &client,
        "groups.create",
        none(),
        js(json!({ "name": name })),
    ))
    .await;
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

    let retrieved = ok(call(&client, "groups.retrieve", id.clone().into(), none())).await;
    assert_eq!(string(&retrieved, "id"), id);
    assert_eq!(string(&retrieved, "name"), name);
    assert_eq!(string(&retrieved, "group_type"), "group");

    let renamed = format!("{name} (renamed)");
    let updated = ok(call(
        &client,
        "groups.update",
        id.clone().into(),
        js(json!({ "name": renamed })),
    ))
    .await;
    assert_eq!(string(&updated, "id"), id);
    assert_eq!(string(&updated, "name"), renamed);

    let list = ok(call(
        &client,
        "groups.list",
        none(),
        js(json!({ "limit": 1000 })),
    ))
    .await;
    assert_eq!(string(&list, "page.object"), "list");
    let found: Vec<JsValue> = array(&list, "page.data")
        .into_iter()
        .filter(|g| string(g, "id") == id)
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(string(&found[0], "name"), renamed);
    assert!(get(&list, "nextAfter").is_null());

    let deleted = ok(call(&client, "groups.delete", id.clone().into(), none())).await;
    assert_eq!(string(&deleted, "id"), id);
    assert!(boolean(&deleted, "deleted"));
    assert_eq!(string(&deleted, "object"), "group.deleted");

    err(
        call(&client, "groups.retrieve", id.into(), none()),
        "NotFoundError",
    )
    .await;
}

#[wasm_bindgen_test]
async fn group_users_add_retrieve_list_remove() {
    let client = client();
    let group = new_group(&client, "wasm members").await;
    let users = some_users(&client, 3).await;
    let scope = || js(json!({ "group_id": group }));

    for user in &users {
        let added = ok(call(
            &client,
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
        &client,
        "groups.users.retrieve",
        users[0].clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(string(&member, "id"), users[0]);
    assert!(!string(&member, "name").is_empty());
    assert_eq!(string(&member, "user_type"), "user");

    // Member lists are newest first unless asked otherwise.
    let list = ok(call(
        &client,
        "groups.users.list",
        group.clone().into(),
        none(),
    ))
    .await;
    let mut newest_first = users.clone();
    newest_first.reverse();
    assert_eq!(ids(&list, "page.data"), newest_first);
    let ascending = ok(call(
        &client,
        "groups.users.list",
        group.clone().into(),
        js(json!({ "order": "asc" })),
    ))
    .await;
    assert_eq!(ids(&ascending, "page.data"), users);

    let removed = ok(call(
        &client,
        "groups.users.delete",
        users[1].clone().into(),
        scope(),
    ))
    .await;
    assert!(boolean(&removed, "deleted"));
    assert_eq!(string(&removed, "object"), "group.user.deleted");

    let list = ok(call(
        &client,
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
        call(
            &client,
            "groups.users.retrieve",
            users[1].clone().into(),
            scope(),
        ),
        "NotFoundError",
    )
    .await;

    ok(call(&client, "groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn group_roles_assign_retrieve_list_unassign() {
    let client = client();
    let group = new_group(&client, "wasm group roles").await;
    let role = new_role(&client, "wasm group role").await;
    let scope = || js(json!({ "group_id": group }));

    let assigned = ok(call(
        &client,
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

    let details = ok(call(
        &client,
        "groups.roles.retrieve",
        role.clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(string(&details, "id"), role);
    assert_eq!(string(&details, "resource_type"), "api.organization");
    let permissions: Vec<String> = array(&details, "permissions")
        .iter()
        .filter_map(JsValue::as_string)
        .collect();
    assert_eq!(permissions, vec!["api.groups.read".to_owned()]);

    let list = ok(call(
        &client,
        "groups.roles.list",
        group.clone().into(),
        none(),
    ))
    .await;
    assert_eq!(ids(&list, "page.data"), vec![role.clone()]);
    assert!(!boolean(&list, "page.has_more"));

    let unassigned = ok(call(
        &client,
        "groups.roles.delete",
        role.clone().into(),
        scope(),
    ))
    .await;
    assert!(boolean(&unassigned, "deleted"));
    assert_eq!(string(&unassigned, "object"), "group.role.deleted");

    let list = ok(call(
        &client,
        "groups.roles.list",
        group.clone().into(),
        none(),
    ))
    .await;
    assert!(array(&list, "page.data").is_empty());

    ok(call(&client, "roles.delete", role.into(), none())).await;
    ok(call(&client, "groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn roles_create_retrieve_update_list_delete() {
    let client = client();
    let name = unique("wasm role");
    let created = ok(call(
        &client,
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

    let retrieved = ok(call(&client, "roles.retrieve", id.clone().into(), none())).await;
    assert_eq!(string(&retrieved, "name"), name);

    let renamed = format!("{name} (renamed)");
    let updated = ok(call(
        &client,
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

    let list = ok(call(&client, "roles.list", none(), none())).await;
    let names: Vec<String> = array(&list, "page.data")
        .iter()
        .map(|r| string(r, "name"))
        .collect();
    assert!(names.contains(&"Owner".to_owned()), "{names:?}");
    assert!(names.contains(&"Reader".to_owned()), "{names:?}");
    assert!(names.contains(&renamed), "{names:?}");

    let deleted = ok(call(&client, "roles.delete", id.clone().into(), none())).await;
    assert_eq!(string(&deleted, "id"), id);
    assert!(boolean(&deleted, "deleted"));
    assert_eq!(string(&deleted, "object"), "role.deleted");
    err(
        call(&client, "roles.retrieve", id.into(), none()),
        "NotFoundError",
    )
    .await;
}

#[wasm_bindgen_test]
async fn users_retrieve_and_update() {
    let client = client();
    // A reader: the seed has 4 owners, then readers.
    let list = ok(call(
        &client,
        "users.list",
        none(),
        js(json!({ "limit": 20 })),
    ))
    .await;
    let reader = array(&list, "page.data")
        .into_iter()
        .find(|u| get(u, "role").as_string().as_deref() == Some("reader"))
        .expect("the seed has readers");
    let id = string(&reader, "id");

    let user = ok(call(&client, "users.retrieve", id.clone().into(), none())).await;
    assert_eq!(string(&user, "object"), "organization.user");
    assert_eq!(string(&user, "id"), id);
    assert_eq!(string(&user, "role"), "reader");
    assert_eq!(string(&user, "email"), string(&reader, "email"));
    assert!(number(&user, "added_at") > 1.7e9);

    let promoted = ok(call(
        &client,
        "users.update",
        id.clone().into(),
        js(json!({ "role": "owner", "technical_level": "expert" })),
    ))
    .await;
    assert_eq!(string(&promoted, "id"), id);
    assert_eq!(string(&promoted, "role"), "owner");
    assert_eq!(string(&promoted, "technical_level"), "expert");

    let restored = ok(call(
        &client,
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
    let client = client();
    let user = some_users(&client, 1).await.remove(0);
    let role = new_role(&client, "wasm user role").await;
    let scope = || js(json!({ "user_id": user }));

    let assigned = ok(call(
        &client,
        "users.roles.create",
        user.clone().into(),
        js(json!({ "role_id": role })),
    ))
    .await;
    assert_eq!(string(&assigned, "object"), "user.role");
    assert_eq!(string(&assigned, "user.id"), user);
    assert_eq!(string(&assigned, "role.id"), role);

    let details = ok(call(
        &client,
        "users.roles.retrieve",
        role.clone().into(),
        scope(),
    ))
    .await;
    assert_eq!(string(&details, "id"), role);
    assert!(!boolean(&details, "predefined_role"));

    let list = ok(call(
        &client,
        "users.roles.list",
        user.clone().into(),
        js(json!({ "limit": 1000 })),
    ))
    .await;
    assert!(ids(&list, "page.data").contains(&role));

    let unassigned = ok(call(
        &client,
        "users.roles.delete",
        role.clone().into(),
        scope(),
    ))
    .await;
    assert!(boolean(&unassigned, "deleted"));
    assert_eq!(string(&unassigned, "object"), "user.role.deleted");

    let list = ok(call(
        &client,
        "users.roles.list",
        user.clone().into(),
        js(json!({ "limit": 1000 })),
    ))
    .await;
    assert!(!ids(&list, "page.data").contains(&role));
    err(
        call(
            &client,
            "users.roles.retrieve",
            role.clone().into(),
            scope(),
        ),
        "NotFoundError",
    )
    .await;

    ok(call(&client, "roles.delete", role.into(), none())).await;
}

#[wasm_bindgen_test]
async fn users_delete_removes_the_user_and_their_memberships() {
    let client = client();
    // The last user in id order: the other suites take theirs from the front.
    let all = ok(call(
        &client,
        "users.list",
        none(),
        js(json!({ "limit": 100 })),
    ))
    .await;
    let user = ids(&all, "page.data").pop().expect("the seed has users");
    let group = new_group(&client, "wasm deleted member").await;
    ok(call(
        &client,
        "groups.users.create",
        group.clone().into(),
        js(json!({ "user_id": user })),
    ))
    .await;

    let deleted = ok(call(&client, "users.delete", user.clone().into(), none())).await;
    assert_eq!(string(&deleted, "id"), user);
    assert!(boolean(&deleted, "deleted"));
    assert_eq!(string(&deleted, "object"), "organization.user.deleted");

    err(
        call(&client, "users.retrieve", user.into(), none()),
        "NotFoundError",
    )
    .await;
    let members = ok(call(
        &client,
        "groups.users.list",
        group.clone().into(),
        none(),
    ))
    .await;
    assert!(array(&members, "page.data").is_empty());

    ok(call(&client, "groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn a_base_url_with_a_trailing_slash_and_call_headers_reach_the_server() {
    let client = client_with(
        json!({ "baseURL": format!("{}/v1/", mock_url()), "maxRetries": 5, "timeout": 1234 }),
    );
    // The per-call headers option reaches the server.
    let group = new_group(&client, "wasm headers").await;
    clear_log().await;
    ok(api::call_op(
        &client,
        "groups.retrieve",
        group.clone().into(),
        none(),
        js(json!({ "headers": { "X-Wasm-Test": "yes" } })),
        None,
    ))
    .await;
    let log = logged().await;
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(string(&log[0], "headers.x-wasm-test"), "yes");
    assert_eq!(string(&log[0], "headers.authorization"), "Bearer ***");
    ok(call(&client, "groups.delete", group.into(), none())).await;
}
