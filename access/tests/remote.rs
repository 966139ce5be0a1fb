//! `remote::load` and `remote::apply` through the Rust client against the mock (the debug
//! mock, `MOCK_BIN`, started on a free port and killed by PID), time-scaled: "N per 6 s" stands
//! for the API's "N a minute", and the scheduler's caps are scaled by 0.1 as the package's
//! `OPENAI_ADMIN_TIME_SCALE=0.1` scales them.

mod common;
#[path = "../../tests/support/mock.rs"]
mod mock;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{client, control, KEY};
use futures_util::TryStreamExt;
use mock::Mock;
use openai_admin::Client;
use openai_admin_access::apply::Status;
use openai_admin_access::file::{self, Format};
use openai_admin_access::plan::{self, MembershipEdit, PlanOptions};
use openai_admin_access::remote::{
    apply, load, ApplyOptions, Error, LoadOptions, LoadPhase, LoadProgress, Scheduler,
    SchedulerOptions,
};
use openai_admin_wasm::pace::Caps;
use serde_json::Value;

const WINDOW_S: f64 = 6.0;

/// A scheduler with the caps scaled by 0.1 (30 s for `Retry-After`, a 6 s window).
fn scaled() -> Scheduler {
    Scheduler::new(SchedulerOptions {
        caps: Caps {
            retry_after_cap_ms: 30_000.0,
            backoff_cap_ms: WINDOW_S * 1000.0,
        },
        ..SchedulerOptions::default()
    })
    .expect("valid options")
}

/// The `/v1` requests the mock logged (the last 1,000), oldest first.
fn requests(mock: &Mock) -> Vec<Value> {
    control(mock, "GET", "/__mock/requests", None)["data"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The share of requests answered 429 after the first window, and how many there were.
fn later_429s(log: &[Value]) -> (f64, usize) {
    let at = |e: &Value| e["at_ms"].as_f64().expect("at_ms");
    let first = log.iter().map(at).fold(f64::INFINITY, f64::min);
    let later: Vec<&Value> = log
        .iter()
        .filter(|e| at(e) >= first + WINDOW_S * 1000.0)
        .collect();
    let limited = later
        .iter()
        .filter(|e| e["fault"] == "rate_limited")
        .count();
    (limited as f64 / later.len().max(1) as f64, later.len())
}

async fn dump_of(mock: &Mock) -> String {
    let model = load(&client(mock), LoadOptions::default())
        .await
        .expect("a load");
    file::dump(&model, Format::Yaml)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_load_under_the_route_limit_is_complete_paced_and_reported() {
    let free = Mock::start(KEY);
    let expected = dump_of(&free).await;
    assert!(expected.contains("groups:") && expected.matches('@').count() >= 45);
    drop(free);

    let mock = Mock::start_with(KEY, &["--seed", "demo", "--route-limit", "10/6"]);
    let seen: Arc<Mutex<Vec<LoadProgress>>> = Arc::default();
    let record = seen.clone();
    let scheduler = scaled();
    let started = Instant::now();
    let model = load(
        &client(&mock),
        LoadOptions {
            scheduler: Some(scheduler.clone()),
            on_progress: Some(Arc::new(move |p: &LoadProgress| {
                record.lock().expect("progress").push(p.clone())
            })),
            ..LoadOptions::default()
        },
    )
    .await
    .expect("a load never fails on 429s");
    let took = started.elapsed().as_secs_f64();
    assert_eq!(
        file::dump(&model, Format::Yaml),
        expected,
        "the same organization as without limits"
    );

    // 45 users' roles at 10 per 6 s: the busiest endpoint bounds the load to (ceil(45/10) - 1) windows.
    let stats = control(&mock, "GET", "/__mock/stats", None);
    let busiest = stats["endpoints"]
        .as_object()
        .expect("per endpoint")
        .values()
        .map(|e| e["ok"].as_u64().unwrap_or(0))
        .max()
        .unwrap_or(0);
    assert_eq!(busiest, 45);
    let bound = ((busiest as f64 / 10.0).ceil() - 1.0) * WINDOW_S;
    assert!(
        took <= 1.5 * bound + WINDOW_S,
        "took {took:.1} s; limit-bound {bound} s"
    );
    let (share, later) = later_429s(&requests(&mock));
    assert!(later > 20, "{later} requests after the first window");
    eprintln!(
        "load under 10/6: {took:.1} s (limit-bound {bound} s); {:.1}% of the {later} requests after the first window answered 429; {} 429s in all",
        share * 100.0,
        stats["rate_limited"]
    );
    assert!(
        share <= 0.1,
        "{:.1}% of the requests after the first window answered 429",
        share * 100.0
    );
    assert!(
        stats["rate_limited"].as_u64().unwrap_or(0) > 0,
        "the limit was reached: {stats}"
    );

    // Progress: every read counted, the users' roles endpoint's learned rate (under 10 per 6 s),
    // an ETA while it read.
    let seen = seen.lock().expect("progress");
    let last = seen.last().expect("progress was reported");
    assert_eq!(last.phase, LoadPhase::Done);
    let roles = last
        .reads
        .iter()
        .find(|r| r.operation == "users.roles.list")
        .expect("users' roles");
    assert_eq!((roles.done, roles.total), (45, 45));
    assert_eq!(
        roles.endpoint.endpoint,
        "GET /organization/users/{user_id}/roles"
    );
    let per_minute = roles.endpoint.per_minute.expect("a learned rate");
    assert!(per_minute > 10.0 && per_minute < 100.0, "{per_minute}/min");
    assert!(seen
        .iter()
        .any(|p| p.reads.iter().any(|r| r.operation == "users.roles.list"
            && r.done < r.total
            && r.eta_ms.is_some_and(|ms| ms > 0.0))));
    let learned = scheduler.learned();
    assert!(learned
        .iter()
        .any(|l| l.endpoint == "GET /organization/users/{user_id}/roles"));
}

/// The members' emails of the demo seed not in `group` yet, `n` of them.
fn outsiders(model: &openai_admin_access::Model, group: &str, n: usize) -> Vec<String> {
    let members: Vec<&String> = model.members_of(group).collect();
    model
        .users()
        .filter(|u| !members.contains(&&u.id))
        .filter_map(|u| u.email.clone())
        .take(n)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twelve_additions_under_the_route_limit_are_each_made_once() {
    let mock = Mock::start_with(KEY, &["--seed", "demo", "--route-limit", "10/6"]);
    let client = client(&mock);
    let scheduler = scaled();
    let options = || LoadOptions {
        scheduler: Some(scheduler.clone()),
        ..LoadOptions::default()
    };
    let model = load(&client, options()).await.expect("a load");
    let group = model
        .find_group("Engineering")
        .expect("Engineering")
        .id
        .clone();
    let add = outsiders(&model, &group, 12);
    assert_eq!(add.len(), 12);
    let edit = MembershipEdit {
        group: group.clone(),
        add,
        remove: Vec::new(),
    };
    let plan = plan::plan_membership(&model, &edit).expect("a plan");
    assert_eq!(plan.operations.len(), 12);
    control(&mock, "DELETE", "/__mock/requests", None);
    let outcomes = apply(
        &client,
        &plan,
        ApplyOptions {
            scheduler: Some(scheduler.clone()),
            ..ApplyOptions::default()
        },
    )
    .await
    .expect("an apply");
    assert!(
        outcomes.iter().all(|o| o.status == Status::Done),
        "{outcomes:?}"
    );
    let posts: Vec<Value> = requests(&mock)
        .into_iter()
        .filter(|e| e["method"] == "POST")
        .collect();
    let made = posts.iter().filter(|e| e["fault"].is_null()).count();
    let limited = posts
        .iter()
        .filter(|e| e["fault"] == "rate_limited")
        .count();
    assert_eq!(made, 12, "each addition made once: {posts:?}");
    assert!(
        limited > 0,
        "the 11th and 12th were answered 429 and sent again"
    );

    // The group's members as the API now lists them (one paced read): the same edit plans nothing.
    let members: Vec<_> = client
        .with_pacer(scheduler.pacer())
        .admin()
        .organization()
        .groups()
        .users(&group)
        .list_all(None)
        .try_collect()
        .await
        .expect("the members");
    assert_eq!(members.len(), model.members_of(&group).count() + 12);
    let mut after = model.clone();
    after
        .set_group_members_json(&group, &serde_json::to_string(&members).expect("JSON"))
        .expect("members");
    let again = plan::plan_membership(&after, &edit).expect("a plan");
    assert!(again.operations.is_empty(), "{again:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_whose_answer_was_lost_is_found_by_listing_not_made_twice() {
    let mock = Mock::start(KEY);
    let client = client(&mock);
    let model = load(&client, LoadOptions::default()).await.expect("a load");
    let text = file::dump(&model, Format::Yaml).replacen(
        "groups:\n",
        "groups:\n  Platform Reliability:\n    members: [ada.lovelace@example.com]\n    roles: []\n",
        1,
    );
    let wanted = file::read(&text).expect("a file");
    let plan = plan::plan(&model, &wanted, PlanOptions::default());
    assert_eq!(plan.operations.len(), 2, "{plan:?}");
    // The create is carried out, then its answer cut mid-body: it may or may not have happened.
    control(
        &mock,
        "POST",
        "/__mock/faults",
        Some(
            r#"[{"method": "POST", "path": "/v1/organization/groups", "count": 1, "drop_mid_body": true}]"#,
        ),
    );
    let outcomes = apply(&client, &plan, ApplyOptions::default())
        .await
        .expect("an apply");
    assert_eq!(outcomes[0].status, Status::Done, "{outcomes:?}");
    assert!(outcomes[0].already_done, "found by listing: {outcomes:?}");
    assert_eq!(
        outcomes[1].status,
        Status::Done,
        "the member added to it: {outcomes:?}"
    );
    let after = load(&client, LoadOptions::default()).await.expect("a load");
    assert_eq!(
        after
            .groups()
            .filter(|g| g.name == "Platform Reliability")
            .count(),
        1
    );
    assert!(plan::plan(&after, &wanted, PlanOptions::default())
        .operations
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_deleted_after_the_lists_were_read_is_read_as_empty() {
    let mock = Mock::start(KEY);
    let client = client(&mock);
    let whole = load(&client, LoadOptions::default()).await.expect("a load");
    let gone = whole.groups().next().expect("a group").id.clone();
    let faults = format!(
        r#"[{{"method": "GET", "path": "/v1/organization/groups/{gone}/users", "status": 404}},
            {{"method": "GET", "path": "/v1/organization/groups/{gone}/roles", "status": 404}}]"#
    );
    control(&mock, "POST", "/__mock/faults", Some(&faults));
    let model = load(&client, LoadOptions::default())
        .await
        .expect("the load goes on");
    let members = |m: &openai_admin_access::Model, id: &str| m.members_of(id).count();
    assert!(members(&whole, &gone) > 0, "the group had members");
    assert_eq!(members(&model, &gone), 0);
    for group in whole.groups().filter(|g| g.id != gone) {
        assert_eq!(
            members(&model, &group.id),
            members(&whole, &group.id),
            "{}",
            group.name
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_a_load_stops_its_requests_and_a_deadline_ends_it() {
    let mock = Mock::start_with(KEY, &["--seed", "demo", "--route-limit", "5/6"]);
    let client = client(&mock);
    let options = LoadOptions {
        scheduler: Some(scaled()),
        ..LoadOptions::default()
    };
    let cut = tokio::time::timeout(Duration::from_secs(2), load(&client, options)).await;
    assert!(cut.is_err(), "still loading after 2 s under 5 per 6 s");
    let count = || {
        control(&mock, "GET", "/__mock/stats", None)["requests"]
            .as_u64()
            .unwrap_or(0)
    };
    let at_drop = count();
    tokio::time::sleep(Duration::from_secs(WINDOW_S as u64 + 1)).await;
    assert_eq!(count(), at_drop, "no request after the load was dropped");

    let deadline = openai_admin::pace::now_ms() + 1500.0;
    let started = Instant::now();
    let scheduler = Scheduler::new(SchedulerOptions {
        caps: Caps {
            retry_after_cap_ms: 30_000.0,
            backoff_cap_ms: WINDOW_S * 1000.0,
        },
        deadline: Some(deadline),
        ..SchedulerOptions::default()
    })
    .expect("valid options");
    let error = load(
        &client,
        LoadOptions {
            scheduler: Some(scheduler),
            deadline: Some(deadline),
            ..LoadOptions::default()
        },
    )
    .await
    .expect_err("past the deadline");
    assert!(matches!(error, Error::Deadline(_)), "{error:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(!format!("{error} {error:?}").contains(KEY));
}

#[tokio::test]
async fn bad_options_are_refused_naming_them_before_anything_is_sent() {
    // Nothing listens on the discard port: a request would fail as a connection error.
    let client = Client::builder()
        .api_key(KEY)
        .base_url("http://127.0.0.1:9/v1")
        .build()
        .expect("a client");
    let param = |e: Error| match e {
        Error::InvalidArgument { param, message } => {
            assert!(message.contains(&param), "{message}");
            param
        }
        other => panic!("{other:?}"),
    };
    let zero = LoadOptions {
        concurrency: 0,
        ..LoadOptions::default()
    };
    assert_eq!(
        param(load(&client, zero).await.expect_err("refused")),
        "concurrency"
    );
    let zero = ApplyOptions {
        concurrency: 0,
        ..ApplyOptions::default()
    };
    let plan = plan::Plan::default();
    assert_eq!(
        param(apply(&client, &plan, zero).await.expect_err("refused")),
        "concurrency"
    );
    let caps = Caps {
        retry_after_cap_ms: f64::NAN,
        backoff_cap_ms: 6000.0,
    };
    let error = Scheduler::new(SchedulerOptions {
        caps,
        ..SchedulerOptions::default()
    })
    .expect_err("refused");
    assert_eq!(param(error), "caps.retry_after_cap_ms");
    let error = Scheduler::new(SchedulerOptions {
        deadline: Some(f64::INFINITY),
        ..SchedulerOptions::default()
    })
    .expect_err("refused");
    assert_eq!(param(error), "deadline");
}
