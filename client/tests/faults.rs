//! Errors by status, retries, the timeout, a dropped call, answers the client cannot use,
//! answers the spec does not describe, refused arguments and the key, against the mock.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{assert_no_key, builder, client, demo, faults, take_request_count, KEY};
use openai_admin::models::{DriftKind, GroupType, ListParams};
use openai_admin::{Client, Error, ErrorKind};

#[tokio::test]
async fn each_status_is_its_official_class_with_the_answers_fields() {
    let mock = demo();
    let client = builder(&mock).max_retries(0).build().expect("client");
    let groups = client.admin().organization().groups();

    let error = groups.retrieve("group_missing").await.expect_err("404");
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(error.status(), Some(404));
    assert!(error.request_id().is_some_and(|id| id.starts_with("req_")));
    assert!(error.to_string().contains("No group found"), "{error}");

    let error = groups
        .list(ListParams {
            after: Some("group_nothing".into()),
            ..Default::default()
        })
        .await
        .expect_err("400");
    assert_eq!(error.kind(), ErrorKind::BadRequest);
    assert_eq!(
        (error.param(), error.code(), error.error_type()),
        (
            Some("after"),
            Some("invalid_cursor"),
            Some("invalid_request_error")
        )
    );

    for (status, kind) in [
        (403, ErrorKind::PermissionDenied),
        (409, ErrorKind::Conflict),
        (422, ErrorKind::UnprocessableEntity),
        (429, ErrorKind::RateLimit),
        (500, ErrorKind::InternalServer),
        (418, ErrorKind::Api),
    ] {
        faults(
            &mock,
            &format!(r#"[{{"path":"/v1/organization/groups","status":{status}}}]"#),
        );
        let error = groups.list(None).await.expect_err("fault");
        assert_eq!(
            (error.status(), error.kind()),
            (Some(status), kind),
            "{error}"
        );
    }

    let wrong_key = Client::builder()
        .api_key("sk-admin-wrong-canary-7f3e9c")
        .base_url(format!("http://{}/v1", mock.host))
        .build()
        .expect("client");
    let error = wrong_key
        .admin()
        .organization()
        .groups()
        .list(None)
        .await
        .expect_err("401");
    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_no_key(&error);
}

#[tokio::test]
async fn retries_429_and_503_as_the_core_decides() {
    let mock = demo();
    let client = client(&mock);
    let groups = client.admin().organization().groups();
    take_request_count(&mock);

    // A 429 with Retry-After: 0 s asked for, tried again at once.
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups","status":429,"retry_after":"0"}]"#,
    );
    let started = Instant::now();
    groups.list(None).await.expect("the retry succeeds");
    assert!(
        started.elapsed() < Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(take_request_count(&mock), 2);

    // A 429 without any header: the backoff, 0.375 to 0.5 s before the first retry.
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups","status":429}]"#,
    );
    let started = Instant::now();
    groups.list(None).await.expect("the retry succeeds");
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(370), "{waited:?}");
    assert_eq!(take_request_count(&mock), 2);

    // 503 twice, `retry-after-ms` short: the third attempt answers.
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups","status":503,"count":2,"retry_after_ms":"20"}]"#,
    );
    groups.list(None).await.expect("the third attempt succeeds");
    assert_eq!(take_request_count(&mock), 3);

    // Out of retries: the last answer's error. `x-should-retry: false` stops at once.
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups","status":503,"count":5,"retry_after_ms":"1"}]"#,
    );
    let error = groups.list(None).await.expect_err("503");
    assert_eq!(error.kind(), ErrorKind::InternalServer);
    assert_eq!(take_request_count(&mock), 3);
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups","status":503,"should_retry":"false"}]"#,
    );
    groups.list(None).await.expect_err("not retried");
    assert_eq!(take_request_count(&mock), 1);
}

#[tokio::test]
async fn a_slow_answer_times_out_and_a_dropped_call_stops_waiting() {
    let mock = demo();
    let client = builder(&mock)
        .timeout(Duration::from_millis(300))
        .max_retries(0)
        .build()
        .expect("client");
    let groups = client.admin().organization().groups();
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups","delay_ms":3000}]"#,
    );
    let started = Instant::now();
    let error = groups.list(None).await.expect_err("timeout");
    assert_eq!(error, Error::Timeout);
    assert!(
        started.elapsed() < Duration::from_millis(2000),
        "{:?}",
        started.elapsed()
    );

    // With the caller's HTTP client (which has no timeout of its own), and in a copy of the
    // client: each attempt sets the client's timeout itself.
    let theirs = builder(&mock)
        .http_client(reqwest::Client::new())
        .timeout(Duration::from_millis(300))
        .build()
        .expect("client");
    for client in [theirs.with_max_retries(0), client.with_max_retries(0)] {
        faults(
            &mock,
            r#"[{"path":"/v1/organization/groups","delay_ms":3000}]"#,
        );
        let started = Instant::now();
        let error = client
            .admin()
            .organization()
            .groups()
            .list(None)
            .await
            .expect_err("timeout");
        assert_eq!(error, Error::Timeout);
        assert!(
            started.elapsed() < Duration::from_millis(2000),
            "{:?}",
            started.elapsed()
        );
    }

    // A call dropped before its answer: the caller is free at once, the client goes on.
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups","delay_ms":3000}]"#,
    );
    let patient = builder(&mock).build().expect("client");
    let started = Instant::now();
    let dropped = tokio::time::timeout(
        Duration::from_millis(200),
        patient.admin().organization().groups().list(None),
    )
    .await;
    assert!(dropped.is_err(), "the call was still waiting");
    assert!(started.elapsed() < Duration::from_millis(1000));
    let page = patient
        .admin()
        .organization()
        .groups()
        .list(None)
        .await
        .expect("next call");
    assert_eq!(page.data().len(), 12);
}

#[tokio::test]
async fn answers_the_client_cannot_use_are_typed_errors_with_status_and_request_id() {
    let mock = demo();
    let client = builder(&mock).max_retries(0).build().expect("client");
    let groups = client.admin().organization().groups();
    for (rule, status) in [
        (r#"{"body_kind":"malformed"}"#, 200),
        (r#"{"body_kind":"truncated"}"#, 200),
        (r#"{"body_kind":"empty"}"#, 200),
        (r#"{"status":200,"body":[1,2]}"#, 200),
        (r#"{"status":200,"body":{"data":"x","has_more":true}}"#, 200),
        (r#"{"status":200,"body":{"data":[],"has_more":"yes"}}"#, 200),
        (
            r#"{"status":200,"body":{"data":[{"id":1}],"has_more":false}}"#,
            200,
        ),
    ] {
        faults(
            &mock,
            &format!(
                r#"[{{"path":"/v1/organization/groups", {}}}]"#,
                &rule[1..rule.len() - 1]
            ),
        );
        let error = groups.list(None).await.expect_err(rule);
        assert_eq!(error.kind(), ErrorKind::Decode, "{rule}: {error}");
        assert_eq!(error.status(), Some(status), "{rule}");
        assert!(error.request_id().is_some(), "{rule}: {error:?}");
    }
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups","body_kind":"html"}]"#,
    );
    let error = groups.list(None).await.expect_err("html");
    assert_eq!(
        (error.kind(), error.status()),
        (ErrorKind::InternalServer, Some(502))
    );
}

#[tokio::test]
async fn unknown_fields_and_enum_values_reach_the_caller_and_drift_is_reported_when_asked() {
    let mock = demo();
    let reports: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let seen = reports.clone();
    let watched = builder(&mock)
        .on_drift(move |op, drift| {
            let mut seen = seen.lock().expect("lock");
            for item in drift {
                let kind = match &item.kind {
                    DriftKind::Unknown => "unknown".to_owned(),
                    DriftKind::Enum(value, _) => format!("enum {value}"),
                    other => format!("{other:?}"),
                };
                seen.push((op.to_owned(), format!("{} {kind}", item.path)));
            }
        })
        .build()
        .expect("client");
    let plain = client(&mock);
    let body = r#"{"object":"group","id":"group_x","name":"New","created_at":1,"is_scim_managed":false,"group_type":"guild","color":"red","labels":{"a":1}}"#;
    for client in [&plain, &watched] {
        faults(
            &mock,
            &format!(
                r#"[{{"path":"/v1/organization/groups/group_x","status":200,"body":{body}}}]"#
            ),
        );
        let group = client
            .admin()
            .organization()
            .groups()
            .retrieve("group_x")
            .await
            .expect("a tolerated answer");
        assert_eq!(group.group_type, GroupType::Other("guild".into()));
        assert_eq!(group.extra["color"], "red");
        assert_eq!(group.extra["labels"]["a"], 1);
        assert_eq!(group.extra.len(), 2);
    }
    let mut reports = reports.lock().expect("lock").clone();
    reports.sort();
    assert_eq!(
        reports,
        [
            ("groups.retrieve".to_owned(), "color unknown".to_owned()),
            (
                "groups.retrieve".to_owned(),
                "group_type enum guild".to_owned()
            ),
            ("groups.retrieve".to_owned(), "labels unknown".to_owned()),
        ],
        "one report per difference, and only from the client that asked"
    );
}

#[tokio::test]
async fn an_answer_missing_required_fields_reaches_the_caller_as_the_package_passes_it_on() {
    // The package hands such an answer to its caller as the API sent it (with a drift report
    // when asked); the official SDK never checks. Here each missing field takes its absent
    // value (empty text, zero, `Other("")`) and the drift report names it.
    let mock = demo();
    let reports: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = reports.clone();
    let watched = builder(&mock)
        .max_retries(0)
        .on_drift(move |op, drift| {
            let mut seen = seen.lock().expect("lock");
            seen.extend(
                drift
                    .iter()
                    .map(|d| format!("{op} {} {:?}", d.path, d.kind)),
            );
        })
        .build()
        .expect("client");
    let plain = builder(&mock).max_retries(0).build().expect("client");
    let page = r#"{"object":"list","data":[{"id":"group_a","created_at":1,"is_scim_managed":false},{"id":"group_b","name":"B","created_at":2,"is_scim_managed":true,"group_type":"group"}],"has_more":false}"#;
    for client in [&plain, &watched] {
        faults(
            &mock,
            &format!(r#"[{{"path":"/v1/organization/groups","status":200,"body":{page}}}]"#),
        );
        let page = client
            .admin()
            .organization()
            .groups()
            .list(None)
            .await
            .expect("the page, as the package passes it on");
        let [a, b] = page.data() else {
            panic!("two groups: {page:?}")
        };
        assert_eq!((a.id.as_str(), a.name.as_str()), ("group_a", ""));
        assert_eq!(a.group_type, GroupType::Other(String::new()));
        assert_eq!((b.name.as_str(), &b.group_type), ("B", &GroupType::Group));
        assert!(!page.has_next_page());
    }
    // A retrieve without `created_at` and `is_scim_managed`.
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups/group_a","status":200,"body":{"id":"group_a","name":"A","group_type":"group"}}]"#,
    );
    let group = watched
        .admin()
        .organization()
        .groups()
        .retrieve("group_a")
        .await
        .expect("the group");
    assert_eq!((group.created_at, group.is_scim_managed), (0, false));
    let mut reports = reports.lock().expect("lock").clone();
    reports.sort();
    assert_eq!(
        reports,
        [
            "groups.list data[].group_type Missing",
            "groups.list data[].name Missing",
            "groups.retrieve created_at Missing",
            "groups.retrieve is_scim_managed Missing",
        ],
        "each missing field reported, once per path"
    );
    // A wrong JSON type cannot be held by the model: still a `Decode` error naming the field.
    faults(
        &mock,
        r#"[{"path":"/v1/organization/groups/group_a","status":200,"body":{"id":"group_a","name":"A","created_at":"yesterday","is_scim_managed":false,"group_type":"group"}}]"#,
    );
    let error = plain
        .admin()
        .organization()
        .groups()
        .retrieve("group_a")
        .await
        .expect_err("a string for created_at");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(error.to_string().contains("created_at"), "{error}");
}

#[tokio::test]
async fn refused_arguments_name_themselves_and_send_nothing() {
    let mock = demo();
    let client = client(&mock);
    let org = client.admin().organization();
    take_request_count(&mock);
    let error = org.groups().retrieve("").await.expect_err("empty id");
    assert_eq!(
        (error.kind(), error.param()),
        (ErrorKind::InvalidArgument, Some("group_id"))
    );
    let error = org
        .groups()
        .users("")
        .list(None)
        .await
        .expect_err("empty group id");
    assert_eq!(error.param(), Some("group_id"));
    let error = org
        .groups()
        .users("g")
        .retrieve("")
        .await
        .expect_err("empty user id");
    assert_eq!(error.param(), Some("user_id"));
    let error = org
        .groups()
        .list(ListParams {
            limit: Some(5000),
            ..Default::default()
        })
        .await
        .expect_err("out of bounds");
    assert_eq!(error.param(), Some("limit"));
    assert!(error.to_string().contains("not sent"), "{error}");
    let error = org
        .groups()
        .create(openai_admin::models::GroupCreateParams {
            name: String::new(),
        })
        .await
        .expect_err("empty name");
    assert_eq!(error.param(), Some("name"));
    assert_eq!(take_request_count(&mock), 0, "nothing was sent");
}

#[tokio::test]
async fn the_key_shows_in_no_error_and_no_debug_output() {
    let mock = demo();
    let client = builder(&mock).max_retries(0).build().expect("client");
    assert!(!format!("{client:?}").contains(KEY));
    assert!(!format!("{:?}", builder(&mock)).contains(KEY));
    // An answer that quotes the key has it removed.
    faults(
        &mock,
        &format!(
            r#"[{{"path":"/v1/organization/groups","status":400,"body":{{"error":{{"message":"Bad key {KEY}","type":"invalid_request_error","param":null,"code":"{KEY}"}}}}}}]"#
        ),
    );
    let error = client
        .admin()
        .organization()
        .groups()
        .list(None)
        .await
        .expect_err("400");
    assert_no_key(&error);
    assert!(error.to_string().contains("Bad key [redacted]"), "{error}");
    // No answer at all.
    let nowhere = Client::builder()
        .api_key(KEY)
        .base_url("http://127.0.0.1:9/v1")
        .max_retries(0)
        .build()
        .expect("client");
    let error = nowhere
        .admin()
        .organization()
        .roles()
        .list(None)
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Connection);
    assert_no_key(&error);
}

#[test]
fn the_builder_refuses_a_missing_or_empty_key_and_a_bad_base_url() {
    let error = Client::builder().api_key("  ").build().expect_err("empty");
    assert_eq!(error.param(), Some("api_key"));
    let error = Client::builder()
        .api_key("sk-admin-x\n")
        .build()
        .expect_err("newline");
    assert_eq!(error.param(), Some("api_key"));
    assert!(!error.to_string().contains("sk-admin-x"));
    for url in ["api.openai.com/v1", "http://", "not a url"] {
        let error = Client::builder()
            .api_key("k")
            .base_url(url)
            .build()
            .expect_err(url);
        assert_eq!(error.param(), Some("base_url"), "{url}");
    }
    let error = Client::builder()
        .api_key("k")
        .default_header("bad header", "x")
        .build()
        .expect_err("header");
    assert_eq!(error.param(), Some("default_headers"));
}
