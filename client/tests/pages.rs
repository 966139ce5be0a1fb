//! Lists: the first page and its next pages, the stream of every item over 2,500 users, and
//! where a list ends, against the mock; the same pages whichever way the list is walked.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{client, faults, take_requests, KEY};
use futures_util::{Stream, StreamExt, TryStreamExt};
use openai_admin::models::{ListParams, UserListParams};
use openai_admin::{ErrorKind, Page};

fn many_users() -> common::Mock {
    common::Mock::start_with(
        KEY,
        &["--seed", "empty", "--users", "2500", "--groups", "3"],
    )
}

#[tokio::test]
async fn the_stream_walks_2500_users_in_order_with_the_pages_next_page_gives() {
    let mock = many_users();
    let client = client(&mock);
    let users = client.admin().organization().users();

    let all: Vec<_> = users
        .list_all(UserListParams {
            limit: Some(100),
            ..Default::default()
        })
        .try_collect()
        .await
        .expect("every user");
    assert_eq!(all.len(), 2500);
    assert!(
        all.windows(2).all(|w| w[0].id < w[1].id),
        "ids in order, none twice"
    );
    assert_eq!(all[0].name.as_deref(), Some("Bench User 000001"));
    let streamed = take_requests(&mock);
    assert_eq!(streamed.len(), 25, "{streamed:#?}");

    // The same pages by hand: `list`, then `next_page` until there is none.
    let mut page = users
        .list(UserListParams {
            limit: Some(100),
            ..Default::default()
        })
        .await
        .expect("first page");
    let mut by_hand = Vec::new();
    loop {
        by_hand.extend(page.data().iter().map(|u| u.id.clone()));
        let Some(next) = page.next_page().await.expect("next page") else {
            break;
        };
        page = next;
    }
    assert!(!page.has_more());
    assert_eq!(
        by_hand,
        all.iter().map(|u| u.id.clone()).collect::<Vec<_>>()
    );
    assert_eq!(
        take_requests(&mock),
        streamed,
        "the same requests both ways"
    );
    // Each next page is the previous request with the page's `last_id` as `after`.
    assert_eq!(streamed[0], "GET /v1/organization/users?limit=100");
    assert_eq!(
        streamed[1],
        format!("GET /v1/organization/users?limit=100&after={}", all[99].id)
    );
}

#[tokio::test]
async fn into_stream_goes_on_from_a_page_and_next_cursor_lists_end_on_has_more() {
    let mock = many_users();
    let client = client(&mock);
    let groups = client.admin().organization().groups();
    let first = groups
        .list(ListParams {
            limit: Some(2),
            ..Default::default()
        })
        .await
        .expect("first page");
    assert_eq!(first.data().len(), 2);
    assert_eq!(first.next_after(), Some(first.data()[1].id.as_str()));
    let names: Vec<String> = first
        .into_stream()
        .map_ok(|g| g.name)
        .try_collect()
        .await
        .expect("every group");
    assert_eq!(
        names,
        [
            "Bench Group 000001",
            "Bench Group 000002",
            "Bench Group 000003"
        ]
    );
    // The last page says `has_more: false`: two requests, no third.
    assert_eq!(take_requests(&mock).len(), 2);
}

/// Pages the mock answers as given, for the rule of where a list ends.
fn page_rule(path: &str, body: &str) -> String {
    format!(r#"[{{"method":"GET","path":"{path}","status":200,"body":{body}}}]"#)
}

#[tokio::test]
async fn where_lists_end_follows_the_package_page_classes() {
    let mock = many_users();
    let client = client(&mock);
    let org = client.admin().organization();

    // `users.list` (ConversationCursorPage): an empty page ends it, even with has_more.
    faults(
        &mock,
        &page_rule(
            "/v1/organization/users",
            r#"{"object":"list","data":[],"has_more":true,"first_id":null,"last_id":"user_x"}"#,
        ),
    );
    let page = org.users().list(None).await.expect("empty page");
    assert!(page.has_more() && !page.has_next_page());
    assert!(page.next_page().await.expect("no request").is_none());

    // The other lists (NextCursorPage): an empty page with has_more and a `next` goes on.
    let groups = org.groups().list(None).await.expect("groups");
    let last = groups.data()[2].id.clone();
    let first = groups.data()[0].id.clone();
    faults(
        &mock,
        &page_rule(
            "/v1/organization/groups",
            &format!(r#"{{"object":"list","data":[],"has_more":true,"next":"{first}"}}"#),
        ),
    );
    let page: Page<_> = org.groups().list(None).await.expect("empty page");
    assert!(page.data().is_empty());
    assert_eq!(page.next_after(), Some(first.as_str()));
    let rest = page.next_page().await.expect("next").expect("a next page");
    assert_eq!(rest.data().len(), 2);
    assert_eq!(rest.data()[1].id, last);

    // `has_more: false` ends a list whatever its `next`; so does an empty `next`, as
    // `next || null` reads it.
    for body in [
        format!(r#"{{"data":[],"has_more":false,"next":"{first}"}}"#),
        r#"{"data":[],"has_more":true,"next":""}"#.to_owned(),
        r#"{"data":[],"has_more":true,"next":null}"#.to_owned(),
    ] {
        faults(&mock, &page_rule("/v1/organization/groups", &body));
        let page = org.groups().list(None).await.expect("page");
        assert!(!page.has_next_page(), "{body}");
    }
}

#[tokio::test]
async fn a_connection_reset_mid_stream_is_yielded_once_then_the_stream_ends() {
    let mock = many_users();
    let client = common::builder(&mock)
        .max_retries(1)
        .build()
        .expect("client");
    let users = client.admin().organization().users();
    let first = users
        .list(UserListParams {
            limit: Some(100),
            ..Default::default()
        })
        .await
        .expect("first page");
    assert!(first.has_next_page());
    // Every attempt at the second page (rules match the path, not the query) is cut in the
    // middle of its body.
    faults(
        &mock,
        r#"[{"method":"GET","path":"/v1/organization/users","count":5,"drop_mid_body":true}]"#,
    );
    let results: Vec<_> = first.into_stream().collect().await;
    assert_eq!(results.len(), 101, "100 items, one error, then the end");
    assert!(results[..100].iter().all(Result::is_ok));
    let error = results[100].as_ref().expect_err("the reset");
    assert!(
        matches!(error.kind(), ErrorKind::Connection | ErrorKind::Decode),
        "{error:?}"
    );
    common::assert_no_key(error);
    // One attempt and one retry of the second page.
    assert_eq!(take_requests(&mock).len(), 1 + 2);
}

#[tokio::test]
async fn a_refused_argument_is_the_streams_one_item_and_its_size_hint_counts_the_page() {
    let mock = many_users();
    let client = client(&mock);
    take_requests(&mock);
    let refused = client
        .admin()
        .organization()
        .users()
        .roles("")
        .list_all(None);
    assert_eq!(refused.size_hint(), (1, Some(1)));
    let results: Vec<_> = refused.collect().await;
    assert_eq!(results.len(), 1);
    let error = results[0].as_ref().expect_err("the refusal");
    assert_eq!(error.kind(), ErrorKind::InvalidArgument, "{error:?}");
    assert!(take_requests(&mock).is_empty(), "nothing sent");

    // Before the first page nothing is known; within a page, at least its items left.
    let users = client.admin().organization().users();
    let mut stream = users.list_all(UserListParams {
        limit: Some(100),
        ..Default::default()
    });
    assert_eq!(stream.size_hint(), (0, None));
    stream.next().await.expect("an item").expect("a user");
    assert_eq!(stream.size_hint(), (99, None));
    // The last page's items are all that is left.
    let all: Vec<_> = users.list_all(None).try_collect().await.expect("users");
    assert_eq!(all.len(), 2500);
    let last = users
        .list(UserListParams {
            limit: Some(100),
            after: Some(all[2399].id.clone()),
            ..Default::default()
        })
        .await
        .expect("last page");
    assert!(!last.has_next_page());
    let mut rest = last.into_stream();
    assert_eq!(rest.size_hint(), (100, Some(100)));
    while rest.next().await.is_some() {}
    assert_eq!(rest.size_hint(), (0, Some(0)));
}
