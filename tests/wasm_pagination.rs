//! Walking lists to the end as the package pages them: the first page from `prepare`, the
//! second from `prepare` with its `after`, every later one from that request with the next cursor
//! swapped in by `encodeQueryValue` (the package's page cache), each page read through
//! `checkPage`. `next` for groups, group members and roles, `last_id` for organization users.
//! Where a list ends on odd pages is the page classes' decision (`pkg-template/src/pagination.ts`,
//! compared with the official SDK by the tolerance and reliability suites); here the core passes
//! those pages through unchanged.
#![cfg(target_arch = "wasm32")]

#[path = "wasm/common.rs"]
mod common;

use common::*;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

/// Walks list `op` (of parent `id`) with `query` and `limit`, following the page's own cursor
/// field while `has_more`; returns the ids in order and the number of pages. Checks each cursor
/// against the page it came from, and each swapped request against the one `prepare` builds.
async fn walk(
    op: &str,
    id: JsValue,
    query: Value,
    limit: u32,
    cursor_field: &str,
) -> (Vec<String>, usize) {
    let params = |after: Option<&str>| {
        let mut params = query.clone();
        params["limit"] = json!(limit);
        if let Some(after) = after {
            params["after"] = json!(after);
        }
        js(params)
    };
    let mut all = Vec::new();
    let mut pages = 0;
    let mut request = api::prepare(op, id.clone(), params(None), none()).expect("prepared");
    // The second page's request, which marked where its `after` sits.
    let mut chain: Option<JsValue> = None;
    loop {
        let result = ok(call_prepared(op, request.clone())).await;
        pages += 1;
        let page_ids = ids(&result, "page.data");
        assert!(page_ids.len() <= limit as usize);
        all.extend(page_ids.iter().cloned());
        if !boolean(&result, "page.has_more") {
            return (all, pages);
        }
        assert_eq!(page_ids.len(), limit as usize);
        let next = string(&result, &format!("page.{cursor_field}"));
        assert_eq!(Some(&next), page_ids.last());
        let built = api::prepare(op, id.clone(), params(Some(&next)), none()).expect("prepared");
        request = match &chain {
            None => {
                chain = Some(built.clone());
                built
            }
            Some(marked) => {
                let swapped = swap_after(marked, &next);
                assert_eq!(string(&swapped, "path"), string(&built, "path"));
                assert_eq!(number(&swapped, "afterEnd"), number(&built, "afterEnd"));
                swapped
            }
        };
        assert!(pages < 1000, "the walk does not end");
    }
}

#[wasm_bindgen_test]
async fn groups_walk_with_next_gives_the_whole_list() {
    let whole = ok(call("groups.list", none(), js(json!({ "limit": 1000 })))).await;
    let expected = ids(&whole, "page.data");
    assert!(expected.len() >= 12, "the seed has 12 groups");

    let (walked, pages) = walk("groups.list", none(), json!({}), 5, "next").await;
    assert_eq!(walked, expected);
    assert_eq!(pages, expected.len().div_ceil(5));
}

#[wasm_bindgen_test]
async fn groups_walk_newest_first() {
    let whole = ok(call("groups.list", none(), js(json!({ "limit": 1000 })))).await;
    let mut expected = ids(&whole, "page.data");
    expected.reverse();
    let (walked, _) = walk("groups.list", none(), json!({ "order": "desc" }), 4, "next").await;
    assert_eq!(walked, expected);
}

#[wasm_bindgen_test]
async fn users_walk_with_last_id_gives_the_whole_list() {
    let whole = ok(call("users.list", none(), js(json!({ "limit": 100 })))).await;
    let expected = ids(&whole, "page.data");
    assert!(expected.len() > 20, "the seed has 45 users");
    assert!(!boolean(&whole, "page.has_more"));

    let (walked, pages) = walk("users.list", none(), json!({}), 7, "last_id").await;
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

    let (newest_first, pages) = walk(
        "groups.users.list",
        group.clone().into(),
        json!({}),
        2,
        "next",
    )
    .await;
    let mut expected = users.clone();
    expected.reverse();
    assert_eq!(newest_first, expected);
    assert_eq!(pages, 3);

    let (oldest_first, _) = walk(
        "groups.users.list",
        group.clone().into(),
        json!({ "order": "asc" }),
        2,
        "next",
    )
    .await;
    assert_eq!(oldest_first, users);

    ok(call("groups.delete", group.into(), none())).await;
}

#[wasm_bindgen_test]
async fn roles_walk_with_next_gives_the_whole_list() {
    let whole = ok(call("roles.list", none(), none())).await;
    let expected = ids(&whole, "page.data");
    assert!(expected.len() >= 2);
    let (walked, _) = walk("roles.list", none(), json!({}), 2, "next").await;
    assert_eq!(walked, expected);
}

#[wasm_bindgen_test]
async fn limit_zero_gives_no_data_and_no_cursor() {
    let result = ok(call("groups.list", none(), js(json!({ "limit": 0 })))).await;
    assert!(array(&result, "page.data").is_empty());
    assert!(boolean(&result, "page.has_more"));
    assert!(get(&result, "page.next")
        .as_string()
        .unwrap_or_default()
        .is_empty());
}

#[wasm_bindgen_test]
async fn odd_pages_reach_the_page_classes_as_sent() {
    let group = new_group("wasm odd pages").await;
    let members = format!("/v1/organization/groups/{group}/users");
    let users = "/v1/organization/users";
    let page = |path: &str, body: Value| json!({ "method": "GET", "path": path, "count": 1, "status": 200, "body": body });
    let user = json!({ "object": "organization.user", "id": "user_x", "name": "X",
                       "email": "x@example.com", "role": "reader", "added_at": 1_700_000_000 });
    let rules = json!([
        // `NextCursorPage` goes on after an empty page that says there is more...
        page(
            &members,
            json!({ "object": "list", "data": [], "has_more": true, "next": "u1" })
        ),
        // ...but not without `has_more`, nor with an empty or a null cursor...
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
        // ...and `ConversationCursorPage` (users, `last_id`) ends on an empty page. The core
        // refuses none of them: each reaches the page classes as the API sent it.
        page(
            users,
            json!({ "object": "list", "data": [], "has_more": true, "last_id": "u1" })
        ),
        page(
            users,
            json!({ "object": "list", "data": [user], "has_more": true, "last_id": "u2" })
        ),
    ]);
    let mut sent: Vec<Value> = rules
        .as_array()
        .expect("an array of rules")
        .iter()
        .map(|rule| rule["body"].clone())
        .collect();
    set_faults(rules).await;

    for op in ["groups.users.list"; 4]
        .into_iter()
        .chain(["users.list"; 2])
    {
        let parent = if op == "users.list" {
            none()
        } else {
            group.clone().into()
        };
        let result = ok(call(op, parent, none())).await;
        let page: Value = serde_json::from_str(&describe(&get(&result, "page"))).expect("JSON");
        assert_eq!(page, sent.remove(0), "{op}");
    }

    clear_faults().await;
    ok(call("groups.delete", group.into(), none())).await;
}
