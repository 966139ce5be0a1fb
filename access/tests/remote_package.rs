//! `remote::load` builds the model the npm package builds: against the same mock (demo seed),
//! the dump of the Rust load equals `openai-admin access dump` of the built package (`pkg/`,
//! `scripts/build-pkg.sh`), run with Node, its `projects:` section included (each active
//! project's id, members, groups with their project roles and custom roles), and it sends the
//! same requests (method, path and query, as the mock logged them). Run by `make test-access`,
//! which builds `pkg/` first.

#[path = "../../tests/support/mock.rs"]
mod mock;

use std::path::Path;
use std::process::Command;

use mock::Mock;
use openai_admin_access::file::{self, Format};
use openai_admin_access::remote::{load, LoadOptions};

const KEY: &str = "sk-admin-canary-0b7e";

/// The `/v1` requests the mock logged since the last call, as `METHOD path?query`, sorted (the
/// log is emptied).
fn requests(mock: &Mock) -> Vec<String> {
    let reply = mock.control("GET", "/__mock/requests", None);
    let log: serde_json::Value = serde_json::from_str(&reply.body).expect("the request log");
    assert_eq!(mock.control("DELETE", "/__mock/requests", None).status, 200);
    let mut lines: Vec<String> = log["data"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            let query = e["query"]
                .as_str()
                .map_or(String::new(), |q| format!("?{q}"));
            format!(
                "{} {}{query}",
                e["method"].as_str().unwrap_or("?"),
                e["path"].as_str().unwrap_or("?")
            )
        })
        .collect();
    lines.sort();
    lines
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rust_load_dumps_what_the_package_dumps() {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("../pkg/dist/cli.js");
    assert!(
        cli.is_file(),
        "{} is missing: build the package with scripts/build-pkg.sh",
        cli.display()
    );
    let mock = Mock::start(KEY);
    let base = format!("http://{}/v1", mock.host);
    let package = Command::new("node")
        .arg(&cli)
        .args(["access", "dump", "--no-cache"])
        .env("OPENAI_ADMIN_KEY", KEY)
        .env("OPENAI_BASE_URL", &base)
        .env_remove("OPENAI_ADMIN_CACHE_DIR")
        .output()
        .expect("node runs the package's command line");
    assert!(
        package.status.success(),
        "access dump: {}",
        String::from_utf8_lossy(&package.stderr)
    );
    let expected = String::from_utf8(package.stdout).expect("UTF-8");
    let sent_by_package = requests(&mock);
    let client = openai_admin::Client::builder()
        .api_key(KEY)
        .base_url(base)
        .build()
        .expect("a client");
    let model = load(&client, LoadOptions::default()).await.expect("a load");
    let dumped = file::dump(&model, Format::Yaml);
    let sent_by_rust = requests(&mock);
    assert!(sent_by_rust.len() > 90, "{sent_by_rust:?}");
    assert_eq!(sent_by_rust, sent_by_package);
    assert!(expected.matches('@').count() >= 45, "{expected}");
    let projects = expected
        .split_once("\nprojects:\n")
        .map(|(_, projects)| projects)
        .expect("the package's dump has a projects section");
    assert!(projects.contains("billing-bot:"), "{projects}");
    assert!(!projects.contains("Legacy Chatbot"), "archived: {projects}");
    assert_eq!(dumped, expected);
    // The JSON form too, through the same core.
    let json: serde_json::Value =
        serde_json::from_str(&file::dump(&model, Format::Json)).expect("JSON");
    let len = |key: &str| json[key].as_object().map(|o| o.len());
    assert_eq!(len("groups"), Some(model.groups().count()));
    assert_eq!(len("projects"), Some(5), "the demo's active projects");
}
