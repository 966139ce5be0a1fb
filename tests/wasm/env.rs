//! Which JavaScript environment the wasm-bindgen test runner runs a suite in.
//!
//! The runner reads a suite's environment from a custom section that
//! `wasm_bindgen_test_configure!(run_in_browser)` writes, and skips the suite (exit 0, "only
//! configured to run in …, skipping") when the section does not match the environment that
//! `wasm-pack test` asked for. A suite should run wherever it is asked to, so the section is
//! decided when the suite is compiled, from the variables `wasm-pack test` sets on the whole
//! `cargo test` it runs:
//!
//! - `--chrome`, `--firefox`, `--safari` set `WASM_BINDGEN_TEST_ONLY_WEB=1`: the section says
//!   "browser" (what `wasm_bindgen_test_configure!(run_in_browser)` writes);
//! - `--node` sets `WASM_BINDGEN_TEST_ONLY_NODE=1`: no section, which the runner reads as Node.
//!
//! Plain `cargo test --target wasm32-unknown-unknown` (the runner from `.cargo/config.toml`) runs
//! in Node, or in a browser with `WASM_BINDGEN_USE_BROWSER=1` (set when compiling too). Cargo
//! rebuilds the suites when one of these variables changes (`option_env!` is tracked).
//!
//! Every `tests/wasm_*.rs` suite includes this file, through `common.rs` or directly:
//! `#[path = "wasm/env.rs"] mod env;`.

/// Whether this build of the suite is for a browser.
const IN_BROWSER: bool = option_env!("WASM_BINDGEN_TEST_ONLY_WEB").is_some()
    || option_env!("WASM_BINDGEN_USE_BROWSER").is_some();

/// The runner's configuration section: `[0x01]` (run in a browser) or nothing (run in Node).
#[unsafe(link_section = "__wasm_bindgen_test_unstable")]
#[cfg(target_family = "wasm")]
pub static WASM_BINDGEN_TEST_ENVIRONMENT: [u8; IN_BROWSER as usize] = [0x01; IN_BROWSER as usize];
