//! What the suites of the Rust access layer against the mock share (`remote.rs`, `remote_projects.rs`,
//! `remote_projects_apply.rs`): a client of the mock, its control calls, and its request log.
#![allow(dead_code)]

use std::time::Duration;

use openai_admin::Client;
use openai_admin_access::Model;
use serde_json::Value;

use super::mock::Mock;

pub const KEY: &str = "sk-admin-canary-7c3e";

pub fn client(mock: &Mock) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("http://{}/v1", mock.host))
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a client")
}

pub fn control(mock: &Mock, method: &str, path: &str, body: Option<&str>) -> Value {
    let reply = mock.control(method, path, body);
    assert!(reply.status < 300, "{method} {path}: {}", reply.body);
    serde_json::from_str(&reply.body).unwrap_or(Value::Null)
}

/// The `/v1` requests the mock logged since the last `forget`, as `METHOD path`.
pub fn requests(mock: &Mock) -> Vec<String> {
    control(mock, "GET", "/__mock/requests", None)["data"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["method"].as_str().unwrap_or("?"),
                e["path"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

pub fn forget(mock: &Mock) {
    control(mock, "DELETE", "/__mock/requests", None);
}

/// The requests of `log` whose path matches `/v1` + `pattern` (`*` one path segment).
pub fn count(log: &[String], method: &str, pattern: &str) -> usize {
    let want: Vec<&str> = pattern.split('/').collect();
    log.iter()
        .filter(|line| {
            let Some((m, path)) = line.split_once(' ') else {
                return false;
            };
            let Some(path) = path.strip_prefix("/v1") else {
                return false;
            };
            let got: Vec<&str> = path.split('/').collect();
            m == method
                && got.len() == want.len()
                && got.iter().zip(&want).all(|(g, w)| *w == "*" || g == w)
        })
        .count()
}

pub fn project_id(model: &Model, name: &str) -> String {
    model
        .find_project(name)
        .unwrap_or_else(|| panic!("project {name}"))
        .project
        .id
        .clone()
}
