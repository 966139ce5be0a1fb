//! The flags an access tool is tested and measured with: the large-organization seed
//! (`--members-per-group`, `--roles`, `--scim-groups`, `--owners`), `--assignment-sources`,
//! `--latency-ms`, `--rate-limit` with `GET /__mock/stats`, and fault rules on these paths.

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::Mock;
use serde_json::{json, Value};

const G: &str = "/v1/organization/groups";
const U: &str = "/v1/organization/users";
const R: &str = "/v1/organization/roles";

const LARGE: &[&str] = &[
    "--seed",
    "empty",
    "--users",
    "200",
    "--groups",
    "20",
    "--members-per-group",
    "50",
    "--roles",
    "4",
    "--scim-groups",
    "2",
    "--owners",
    "1",
];

fn data(v: &Value) -> Vec<Value> {
    v["data"].as_array().unwrap().clone()
}

/// Every item of a `{data, has_more, next}` list, page by page.
fn all(m: &Mock, path: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut after = String::new();
    loop {
        let sep = if path.contains('?') { '&' } else { '?' };
        let page = m.get(&format!("{path}{sep}limit=100{after}")).json();
        out.extend(data(&page));
        if page["has_more"] != true {
            return out;
        }
        let next = page["next"].as_str().or(page["last_id"].as_str()).unwrap();
        after = format!("&after={next}");
    }
}

#[test]
fn large_org_seed_has_members_scim_groups_roles_and_assignments() {
    let m = Mock::start(LARGE);
    let users = all(&m, U);
    assert_eq!(users.len(), 200);
    assert_eq!(users.iter().filter(|u| u["role"] == "owner").count(), 1);
    let groups = all(&m, G);
    assert_eq!(groups.len(), 20);
    assert_eq!(
        groups
            .iter()
            .filter(|g| g["is_scim_managed"] == true)
            .count(),
        2
    );
    let mut memberships = 0;
    let mut with_roles = 0;
    for g in &groups {
        let id = g["id"].as_str().unwrap();
        let members = all(&m, &format!("{G}/{id}/users"));
        assert_eq!(members.len(), 50, "{}", g["name"]);
        memberships += members.len();
        with_roles += usize::from(!all(&m, &format!("{G}/{id}/roles")).is_empty());
    }
    assert_eq!(memberships, 1000);
    assert_eq!(with_roles, 10, "every other group holds a role");
    let roles = data(&m.get(R).json());
    let custom: Vec<&Value> = roles
        .iter()
        .filter(|r| r["predefined_role"] == false)
        .collect();
    assert_eq!(custom.len(), 4);
    assert_eq!(custom[0]["name"], "Bench Role 001");
    // The first user holds a role directly (every tenth does).
    let first = users[0]["id"].as_str().unwrap();
    let held = data(&m.get(&format!("{U}/{first}/roles")).json());
    assert!(held.iter().any(|r| r["name"] == "Bench Role 001"));
}

/// A user who is in a group holding a role and also holds one directly, and that user's roles.
fn user_with_both(m: &Mock) -> (String, Vec<Value>) {
    for u in all(m, U) {
        let id = u["id"].as_str().unwrap().to_owned();
        let held = data(&m.get(&format!("{U}/{id}/roles")).json());
        if held.len() >= 2 {
            return (id, held);
        }
    }
    panic!("no user holds two roles");
}

#[test]
fn assignment_sources_groups_lists_inherited_roles_with_their_groups() {
    let m = Mock::start(LARGE);
    let (user, held) = user_with_both(&m);
    let inherited: Vec<&Value> = held
        .iter()
        .filter(|r| r["assignment_sources"].is_array())
        .collect();
    assert!(!inherited.is_empty(), "{held:?}");
    for r in &inherited {
        for s in r["assignment_sources"].as_array().unwrap() {
            if s["principal_type"] == "group" {
                let gid = s["principal_id"].as_str().unwrap();
                let members = all(&m, &format!("{G}/{gid}/users"));
                assert!(members.iter().any(|u| u["id"] == user.as_str()));
            } else {
                assert_eq!(s["principal_id"], user.as_str());
            }
        }
    }
}

#[test]
fn assignment_sources_null_lists_direct_roles_only() {
    let grouped = Mock::start(LARGE);
    let m = Mock::start(&[LARGE, &["--assignment-sources", "null"]].concat());
    let (user, held_grouped) = user_with_both(&grouped);
    let held = data(&m.get(&format!("{U}/{user}/roles")).json());
    let direct: Vec<&Value> = held_grouped
        .iter()
        .filter(|r| {
            r["assignment_sources"].is_null()
                || r["assignment_sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["principal_type"] == "user")
        })
        .collect();
    assert!(
        direct.len() < held_grouped.len(),
        "the user inherits a role"
    );
    assert_eq!(held.len(), direct.len());
    assert!(held.iter().all(|r| r["assignment_sources"].is_null()));
    // A role held only through a group is not found under the user in this mode.
    let only_inherited = held_grouped.iter().find(|r| !direct.contains(r)).unwrap();
    let rid = only_inherited["id"].as_str().unwrap();
    m.get(&format!("{U}/{user}/roles/{rid}")).error(404);
}

#[test]
fn latency_delays_every_api_answer_but_not_the_controls() {
    let m = Mock::start(&["--latency-ms", "150"]);
    let t = Instant::now();
    assert_eq!(m.get(&format!("{G}?limit=1")).status, 200);
    assert!(
        t.elapsed() >= Duration::from_millis(150),
        "{:?}",
        t.elapsed()
    );
    let t = Instant::now();
    m.get(&format!("{G}/group_nope")).error(404);
    assert!(t.elapsed() >= Duration::from_millis(150), "errors too");
    let t = Instant::now();
    assert_eq!(m.get("/__mock/stats").status, 200);
    assert!(
        t.elapsed() < Duration::from_millis(150),
        "{:?}",
        t.elapsed()
    );
}

#[test]
fn rate_limit_answers_429_with_retry_after_past_n_per_second_per_key() {
    let m = Mock::start(&["--rate-limit", "5"]);
    let t = Instant::now();
    let statuses: Vec<u16> = (0..8)
        .map(|_| m.get(&format!("{R}?limit=1")).status)
        .collect();
    assert!(
        t.elapsed() < Duration::from_millis(900),
        "the burst fits one window"
    );
    assert_eq!(statuses, vec![200, 200, 200, 200, 200, 429, 429, 429]);
    let r = m.get(R);
    let e = r.error(429);
    assert_eq!(e["type"], "requests");
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=1).contains(&wait), "{wait}");
    // Another key has its own window (and is refused by auth, not by the limiter).
    let other = m
        .raw("GET", R, &[("Authorization", "Bearer sk-other")], None)
        .unwrap();
    assert_eq!(other.status, 401);
    std::thread::sleep(Duration::from_millis(1050));
    assert_eq!(m.get(R).status, 200, "the window moved on");
    let stats = m.get("/__mock/stats").json();
    assert_eq!(stats["requests"], 11);
    assert_eq!(stats["rate_limited"], 4);
    assert_eq!(stats["max_requests_in_one_second"], 10);
    let log = data(&m.get("/__mock/requests").json());
    let limited = log.iter().filter(|e| e["fault"] == "rate_limited").count();
    assert_eq!(limited, 4, "refusals are in the request log");
    m.delete("/__mock/stats");
    assert_eq!(m.get("/__mock/stats").json()["requests"], 0);
}

#[test]
fn stats_count_the_busiest_second_without_a_limit() {
    let m = Mock::start(&[]);
    for _ in 0..6 {
        m.get(&format!("{G}?limit=1"));
    }
    let stats = m.get("/__mock/stats").json();
    assert_eq!(stats["requests"], 6);
    assert_eq!(stats["rate_limited"], 0);
    assert_eq!(stats["max_requests_in_one_second"], 6);
    m.post("/__mock/reset", json!({}));
    assert_eq!(
        m.get("/__mock/stats").json()["requests"],
        0,
        "reset clears them"
    );
}

#[test]
fn faults_apply_on_member_and_role_paths_of_the_large_org() {
    let m = Mock::start(LARGE);
    let gid = all(&m, G)[0]["id"].as_str().unwrap().to_owned();
    let uid = all(&m, U)[0]["id"].as_str().unwrap().to_owned();
    let rules = json!([
        {"method": "GET", "path": format!("{G}/{gid}/users"), "status": 503, "retry_after": "0"},
        {"method": "GET", "path": format!("{U}/{uid}/roles"), "drop": true},
        {"method": "POST", "path": G, "drop_mid_body": true}
    ]);
    assert_eq!(m.post("/__mock/faults", rules).status, 200);
    m.get(&format!("{G}/{gid}/users")).error(503);
    assert_eq!(m.get(&format!("{G}/{gid}/users")).status, 200, "count 1");
    assert!(m
        .raw(
            "GET",
            &format!("{U}/{uid}/roles"),
            &[("Authorization", &format!("Bearer {}", common::KEY))],
            None
        )
        .is_err());
    // A create whose answer breaks mid-body still happened: the ambiguous case.
    let before = all(&m, G).len();
    let r = m.post(G, json!({ "name": "Ambiguous" }));
    let declared: usize = r.header("content-length").unwrap().parse().unwrap();
    assert!(r.body.len() < declared, "the answer was cut");
    let after = all(&m, G);
    assert_eq!(after.len(), before + 1);
    assert!(after.iter().any(|g| g["name"] == "Ambiguous"));
}

#[test]
fn rate_limit_and_faults_together_fault_first() {
    let m = Mock::start(&["--rate-limit", "2"]);
    m.post(
        "/__mock/faults",
        json!({"path": R, "count": 3, "status": 500}),
    );
    for _ in 0..3 {
        m.get(R).error(500);
    }
    // The faulted requests did not use up the window.
    assert_eq!(m.get(R).status, 200);
    assert_eq!(m.get(R).status, 200);
    m.get(R).error(429);
}
