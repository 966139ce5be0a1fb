//! The async client compiled to wasm32, against the mock (`make mock`, or `scripts/test-wasm.sh`,
//! which starts one and passes `MOCK_URL`), in Node and in headless browsers: every `fetch` goes
//! through `web-sys` (the suite's own calls to the mock's controls through `gloo-net`), every
//! wait through `setTimeout`.
#![cfg(target_arch = "wasm32")]

// The suites' shared support: the runner's environment section (`env.rs`, read by the runner,
// so never used here) and where the mock is (`mock.rs`).
#[allow(dead_code)]
#[path = "../../tests/wasm/env.rs"]
mod env;
#[allow(dead_code)]
#[path = "../../tests/wasm/mock.rs"]
mod mock;

use std::time::Duration;

use futures_util::future::{select, Either};
use futures_util::{StreamExt, TryStreamExt};
use gloo_net::http::Request;
use mock::{mock_url, require_mock};
use openai_admin::models::{
    DriftKind, GroupCreateParams, GroupType, GroupUserCreateParams, ListParams,
    RoleAssignmentParams, UserListParams,
};
use openai_admin::{Client, ErrorKind};
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// The key `make mock` and `scripts/test-wasm.sh` start the mock with.
pub const KEY: &str = "sk-admin-demo";

fn client() -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/v1", mock_url()))
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a client")
}

async fn control(method: &str, path: &str, body: Option<&str>) -> Value {
    require_mock().await;
    let url = format!("{}{path}", mock_url());
    let builder = match method {
        "POST" => Request::post(&url),
        "DELETE" => Request::delete(&url),
        _ => Request::get(&url),
    }
    .header("authorization", &format!("Bearer {KEY}"));
    let request = match body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(body.to_owned())
            .expect("a request"),
        None => builder.build().expect("a request"),
    };
    let response = request.send().await.expect("the mock answers");
    let text = response.text().await.expect("a body");
    assert_eq!(response.status(), 200, "{method} {path}: {text}");
    serde_json::from_str(&text).expect("JSON")
}

async fn faults(rules: &str) {
    control("POST", "/__mock/faults", Some(rules)).await;
}

/// The `/v1` requests logged since the last call (CORS preflights left out), then cleared.
async fn take_requests() -> Vec<String> {
    let log = control("GET", "/__mock/requests", None).await;
    control("DELETE", "/__mock/requests", None).await;
    log["data"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["method"] != "OPTIONS")
        .map(|r| {
            let query = r["query"]
                .as_str()
                .map(|q| format!("?{q}"))
                .unwrap_or_default();
            format!(
                "{} {}{query}",
                r["method"].as_str().unwrap_or(""),
                r["path"].as_str().unwrap_or("")
            )
        })
        .collect()
}

fn sleep(ms: u32) -> impl std::future::Future<Output = ()> {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let global = js_sys::global();
        let set_timeout = js_sys::Reflect::get(&global, &"setTimeout".into())
            .expect("setTimeout")
            .unchecked_into::<js_sys::Function>();
        let _ = set_timeout.call2(&global, &resolve, &ms.into());
    });
    async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
async fn lists_and_changes_groups_users_and_roles() {
    require_mock().await;
    let client = client();
    let org = client.admin().organization();
    let group = org
        .groups()
        .create(GroupCreateParams {
            name: "wasm client".into(),
        })
        .await
        .expect("groups.create");
    let groups: Vec<_> = org
        .groups()
        .list_all(None)
        .try_collect()
        .await
        .expect("groups");
    assert!(groups.iter().any(|g| g.id == group.id));
    let user = org
        .users()
        .list(UserListParams {
            limit: Some(1),
            ..Default::default()
        })
        .await
        .expect("users.list")
        .into_data()
        .remove(0);
    let members = org.groups().users(&group.id);
    members
        .create(GroupUserCreateParams {
            user_id: user.id.clone(),
        })
        .await
        .expect("groups.users.create");
    let role = org.roles().list(None).await.expect("roles.list").data()[0].clone();
    org.groups()
        .roles(&group.id)
        .create(RoleAssignmentParams {
            role_id: role.id.clone(),
        })
        .await
        .expect("groups.roles.create");
    // The user holds the role through the group.
    let roles: Vec<_> = org
        .users()
        .roles(&user.id)
        .list_all(None)
        .try_collect()
        .await
        .expect("users.roles.list");
    assert!(roles.iter().any(|r| r.id == role.id));
    assert!(members.delete(&user.id).await.expect("removed").deleted);
    assert!(
        org.groups()
            .delete(&group.id)
            .await
            .expect("deleted")
            .deleted
    );
}

#[wasm_bindgen_test]
async fn the_stream_walks_every_user_page_by_page() {
    require_mock().await;
    let client = client();
    let users = client.admin().organization().users();
    take_requests().await;
    let all: Vec<_> = users
        .list_all(UserListParams {
            limit: Some(10),
            ..Default::default()
        })
        .try_collect()
        .await
        .expect("every user");
    assert!(all.len() >= 40, "{}", all.len());
    assert!(all.windows(2).all(|w| w[0].id < w[1].id));
    let sent = take_requests().await;
    assert_eq!(sent.len(), all.len().div_ceil(10), "{sent:#?}");
    assert_eq!(
        sent[1],
        format!("GET /v1/organization/users?limit=10&after={}", all[9].id)
    );
    let first = users
        .list(UserListParams {
            limit: Some(10),
            ..Default::default()
        })
        .await
        .expect("first page");
    assert!(first.has_next_page());
    let again: Vec<_> = first
        .into_stream()
        .map_ok(|u| u.id)
        .try_collect()
        .await
        .expect("all");
    assert_eq!(again, all.iter().map(|u| u.id.clone()).collect::<Vec<_>>());
}

#[wasm_bindgen_test]
async fn errors_by_status_retries_and_the_key() {
    require_mock().await;
    let client = client();
    let groups = client.admin().organization().groups();
    let error = groups.retrieve("group_missing").await.expect_err("404");
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert!(error.request_id().is_some(), "{error:?}");

    take_requests().await;
    faults(r#"[{"path":"/v1/organization/groups","status":429,"retry_after_ms":"10"},{"path":"/v1/organization/groups","status":503,"retry_after":"0"}]"#).await;
    groups.list(None).await.expect("the third attempt answers");
    assert_eq!(take_requests().await.len(), 3);
    faults(r#"[{"path":"/v1/organization/groups","status":403}]"#).await;
    let error = groups.list(None).await.expect_err("403");
    assert_eq!(error.kind(), ErrorKind::PermissionDenied);

    let wrong = Client::builder()
        .api_key("sk-admin-wasm-canary")
        .base_url(format!("{}/v1", mock_url()))
        .build()
        .expect("client");
    let error = wrong
        .admin()
        .organization()
        .roles()
        .list(None)
        .await
        .expect_err("401");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert!(!format!("{error} {error:?} {wrong:?}").contains("wasm-canary"));

    // Refused before sending, naming the argument.
    take_requests().await;
    let error = groups
        .list(ListParams {
            limit: Some(2000),
            ..Default::default()
        })
        .await
        .expect_err("limit");
    assert_eq!(
        (error.kind(), error.param()),
        (ErrorKind::InvalidArgument, Some("limit"))
    );
    assert_eq!(take_requests().await, Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn the_timeout_aborts_and_a_dropped_call_is_aborted() {
    require_mock().await;
    let quick = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/v1", mock_url()))
        .timeout(Duration::from_millis(300))
        .max_retries(0)
        .build()
        .expect("client");
    faults(r#"[{"path":"/v1/organization/groups","delay_ms":3000}]"#).await;
    let started = now();
    let error = quick
        .admin()
        .organization()
        .groups()
        .list(None)
        .await
        .expect_err("timeout");
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(now() - started < 2000.0, "{}", now() - started);

    faults(r#"[{"path":"/v1/organization/groups","delay_ms":3000}]"#).await;
    let client = client();
    let started = now();
    let call = Box::pin(client.admin().organization().groups().list(None));
    match select(call, Box::pin(sleep(150))).await {
        Either::Left(_) => panic!("the delayed call answered first"),
        // The call's future is dropped here: its AbortController aborts the fetch.
        Either::Right(((), call)) => drop(call),
    }
    assert!(now() - started < 1000.0);
    let page = client
        .admin()
        .organization()
        .groups()
        .list(None)
        .await
        .expect("next call");
    assert!(!page.data().is_empty());
}

#[wasm_bindgen_test]
async fn unknown_fields_values_and_unusable_answers() {
    require_mock().await;
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let sink = seen.clone();
    let client = Client::builder()
        .api_key(KEY)
        .base_url(format!("{}/v1", mock_url()))
        .max_retries(0)
        .on_drift(move |_, items| {
            if let Ok(mut seen) = sink.lock() {
                seen.extend(items.iter().map(|d| match &d.kind {
                    DriftKind::Enum(value, _) => format!("{} {value}", d.path),
                    _ => d.path.clone(),
                }));
            }
        })
        .build()
        .expect("client");
    faults(r#"[{"path":"/v1/organization/groups/group_x","status":200,"body":{"id":"group_x","name":"n","created_at":1,"is_scim_managed":false,"group_type":"guild","color":"red"}}]"#).await;
    let group = client
        .admin()
        .organization()
        .groups()
        .retrieve("group_x")
        .await
        .expect("kept");
    assert_eq!(group.group_type, GroupType::Other("guild".into()));
    assert_eq!(group.extra["color"], "red");
    let mut seen = seen.lock().map(|s| s.clone()).unwrap_or_default();
    seen.sort();
    assert_eq!(seen, ["color", "group_type guild"]);

    for rule in [
        r#"[{"path":"/v1/organization/groups","body_kind":"truncated"}]"#,
        r#"[{"path":"/v1/organization/groups","body_kind":"malformed"}]"#,
        r#"[{"path":"/v1/organization/groups","status":200,"body":{"data":{},"has_more":false}}]"#,
    ] {
        faults(rule).await;
        let error = client
            .admin()
            .organization()
            .groups()
            .list(None)
            .await
            .expect_err(rule);
        assert_eq!(
            (error.kind(), error.status()),
            (ErrorKind::Decode, Some(200)),
            "{rule}"
        );
        assert!(error.request_id().is_some(), "{rule}");
    }
    // A stream yields an error once, then ends.
    faults(r#"[{"path":"/v1/organization/groups","body_kind":"truncated"}]"#).await;
    let items: Vec<_> = client
        .admin()
        .organization()
        .groups()
        .list_all(None)
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert!(items[0].is_err());
}
