//! The native example (`examples/admin.rs`), which `cargo test` builds, run against the mock:
//! it lists the groups, adds a member and shows that user's roles.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use std::process::Command;

fn example() -> PathBuf {
    // target/debug/deps/example-…  →  target/debug/examples/admin
    let exe = std::env::current_exe().expect("the test's path");
    let debug = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/debug");
    debug
        .join("examples")
        .join(format!("admin{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn the_example_lists_groups_adds_a_member_and_shows_roles() {
    let bin = example();
    assert!(
        bin.is_file(),
        "{} is missing: `cargo test` builds it",
        bin.display()
    );
    let mock = common::demo();
    let output = Command::new(&bin)
        .env("OPENAI_ADMIN_KEY", common::KEY)
        .env("OPENAI_BASE_URL", format!("http://{}/v1", mock.host))
        .output()
        .expect("the example runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("12 groups\n"), "{stdout}");
    assert!(stdout.contains("\nadded user_"), "{stdout}");
    assert!(stdout.contains("\nroles of user_"), "{stdout}");

    // Without a key: one clear line naming it, and a failure status.
    let output = Command::new(&bin)
        .env_remove("OPENAI_ADMIN_KEY")
        .env("OPENAI_BASE_URL", format!("http://{}/v1", mock.host))
        .output()
        .expect("the example runs");
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("OPENAI_ADMIN_KEY"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
