//! Walking lists to the end with the `nextAfter` cursor `answer` gives a list's page: `next` for
//! groups, group members and roles, `last_id` for organization users; and where it stops on pages
//! the mock's fault rules make odd, as the official page classes stop.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use js_sys::Promise;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// Calls `list` with `limit` and the previous page's `nextAfter` until it is `null`; returns the
/// ids in order and the number of pages. Checks each cursor against the page it came from.
async fn walk(
    limit: u32,
    cursor_field: &str,
    mut list: impl FnMut(JsValue) -> Promise,
) -> (Vec<String>, usize) {
    let mut all = Vec::new();
    let mut pages = 0;
    let mut after: Option<String> = None;
    loop {
        let mut params = json!({ "limit": limit });
        if let Some(after) = &after {
            params["after"] = Value::String(after.clone());
        }
        let result = ok(list(js(params))).await;
        pages += 1;
        let page_ids = ids(&result, "page.data");
        assert!(page_ids.len() <= limit as usize);
        let next = get(&result, "nextAfter");
        if boolean(&result, "page.has_more") {
            assert_eq!(page_ids.len(), limit as usize);
            let next = next.as_string().expect("a cursor when has_more");
            assert_eq!(next, string(&result, &format!("page.{cursor_field}")));
            assert_eq!(Some(&next), page_ids.last());
            after = Some(next);
        } else {
            assert!(
                next.is_null(),
                "no cursor on the last page: {}",
                describe(&result)
            );
            after = None;
        }
        all.extend(page_ids);
        if after.is_none() {
            return (all, pages);
        }
        assert!(pages < 1000, "the walk does not end");
    }
}

#[wasm_bindgen_test]
async fn groups_walk_with_next_gives_the_whole_list() {
    let whole = ok(call("groups.list", none(), js(json!({ "limit": 1000 })))).await;
    let expected = ids(&whole, "page.data");
    assert!(expected.len() >= 12, "the seed has 12 groups");

    let (walked, pages) = walk(5, "next", |params| call("groups.list", none(), params)).await;
    assert_eq!(walked, expected);
    assert_eq!(pages, expected.len().div_ceil(5));
}

#[wasm_bindgen_test]
async fn groups_walk_newest_first() {
    let whole = ok(call("groups.list", none(), js(json!({ "limit": 1000 })))).await;
    let mut expected = ids(&whole, "page.data");
    expected.reverse();
    let (walked, _) = walk(4, "next", |params| {
        let _ = js_sys::Reflect::set(&params, &"order".into(), &"desc".into());
        call("groups.list", none(), params)
    })
    .await;
    assert_eq!(walked, expected);
}

#[wasm_bindgen_test]
async fn users_walk_with_last_id_gives_the_whole_list() {
    let whole = ok(call("users.list", none(), js(json!({ "limit": 100 })))).await;
    let expected = ids(&whole, "page.data");
    assert!(expected.len() > 20, "the seed has 45 users");
    assert!(get(&whole, "nextAfter").is_null());

    let (walked, pages) = walk(7, "last_id", |params| call("users.list", none(), params)).await;
    assert_eq!(walked, expected);
    assert_eq!(pages, expected.len().div_ceil(7));
}

#[wasm_bindgen_test]
async fn users_filtered_by_email() {
    let first = ok(call("users.list", none(), js(json!({ "limit": 3 })))).await;
    let users = array(&first, "page.data");
    let emails: Vec<String> = users[1..].iter().map(|u| string(u, "email")).collect();
    let filtered = ok(call(
        "users.list",
        none(),
        js(json!({ "emails": [emails[1].to_uppercase(), emails[0], "nobody@example.invalid"] })),
    ))
    .await;
    let expected: Vec<String> = users[1..].iter().map(|u| string(u, "id")).collect();
    assert_eq!(ids(&filtered, "page.data"), expected);
}

#[wasm_bindgen_test]
async fn group_members_walk_in_both_orders() {
    let group = new_group("wasm paged members").await;
    let users = some_users(5).await;
    for user in &users {
        ok(call(
            "groups.users.create",
            group.clone().into(),
            js(json!({ "user_id": user })),
        ))
        .await;
    }

    let (newest_first, pages) = walk(2, "next", |params| {
        call("groups.users.list", group.clone().into(), params)
    })
    .await;
    let mut expected = users.clone();
    expected.reverse();
    assert_eq!(newest_first, expected);
    assert_eq!(pages, 3);

    let (oldest_first, _) = walk(2, "next", |params| {
        let _ = js_sys::Reflect::set(&params, &"order".into(), &"asc".into());
        call("groups.users.list", group.clone().into(), params)
    })
    .await;
    assert_eq!(oldest_first, users);

    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn roles_walk_with_next_gives_the_whole_list() {
    let whole = ok(call("roles.list", none(), none())).await;
    let expected = ids(&whole, "page.data");
    assert!(expected.len() >= 2);
    let (walked, _) = walk(2, "next", |params| call("roles.list", none(), params)).await;
    assert_eq!(walked, expected);
}

#[wasm_bindgen_test]
async fn limit_zero_gives_no_data_and_no_cursor() {
    let result = ok(call("groups.list", none(), js(json!({ "limit": 0 })))).await;
    assert!(array(&result, "page.data").is_empty());
    assert!(boolean(&result, "page.has_more"));
    assert!(get(&result, "nextAfter").is_null());
}

#[wasm_bindgen_test]
async fn the_cursor_stops_where_the_official_page_classes_stop() {
    let group = new_group("wasm odd pages").await;
    let members = format!("/v1/organization/groups/{group}/users");
    let users = "/v1/organization/users";
    let page = |path: &str, body: Value| json!({ "method": "GET", "path": path, "count": 1, "status": 200, "body": body });
    let user = json!({ "object": "organization.user", "id": "user_x", "name": "X",
                       "email": "x@example.com", "role": "reader", "added_at": 1_700_000_000 });
    set_faults(json!([
        // `NextCursorPage`: an empty page that says there is more goes on...
        page(
            &members,
            json!({ "object": "list", "data": [], "has_more": true, "next": "u1" })
        ),
        // ...but not without `has_more`, nor with an empty or a null cursor.
        page(
            &members,
            json!({ "object": "list", "data": [], "next": "u1" })
        ),
        page(
            &members,
            json!({ "object": "list", "data": [], "has_more": true, "next": "" })
        ),
        page(
            &members,
            json!({ "object": "list", "data": [], "has_more": true, "next": null })
        ),
        // `ConversationCursorPage` (users, `last_id`): an empty page ends the list.
        page(
            users,
            json!({ "object": "list", "data": [], "has_more": true, "last_id": "u1" })
        ),
        page(
            users,
            json!({ "object": "list", "data": [user], "has_more": true, "last_id": "u2" })
        ),
    ]))
    .await;

    let mut cursors = Vec::new();
    for _ in 0..4 {
        let result = ok(call("groups.users.list", group.clone().into(), none())).await;
        cursors.push(get(&result, "nextAfter").as_string());
    }
    for _ in 0..2 {
        let result = ok(call("users.list", none(), none())).await;
        cursors.push(get(&result, "nextAfter").as_string());
    }
    let expected = |c: Option<&str>| c.map(str::to_owned);
    assert_eq!(
        cursors,
        vec![
            expected(Some("u1")),
            None,
            None,
            None,
            None,
            expected(Some("u2")),
        ]
    );

    clear_faults().await;
    ok(call("groups.delete", group.into(), none())).await;
}
