//! Where the wasm suites find the mock API, and what they do when it is not there.
//!
//! The address is, first found:
//! 1. `MOCK_URL` in the environment of the Node process running the suite (Node only);
//! 2. `MOCK_URL` when the suite was compiled (`MOCK_URL=… wasm-pack test …` sets both);
//! 3. [`DEFAULT_MOCK_URL`], where `make mock` starts it.
//!
//! The mock is asked once whether it is there ([`require_mock`]): before the first `/__mock`
//! control, and when a request to it gets no answer (`send` in `common.rs`). If it is
//! not there, the run stops with one line saying how to start it: in Node the process exits with
//! status 1; in a browser (where nothing can end the run) the line is written once to the page's
//! test output and every test that needs the mock fails at once with a one-line error. Tests that
//! never talk to the mock run without it.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where `make mock` starts the mock and where the suites look for it unless `MOCK_URL` says
/// otherwise (`make demo` keeps 127.0.0.1:8787).
pub const DEFAULT_MOCK_URL: &str = "http://127.0.0.1:8788";

/// The mock's address, without a trailing `/`.
pub fn mock_url() -> &'static str {
    thread_local! {
        static URL: &'static str = Box::leak(resolve().into_boxed_str());
    }
    URL.with(|url| *url)
}

fn resolve() -> String {
    let url = node_env("MOCK_URL")
        .or_else(|| option_env!("MOCK_URL").map(str::to_owned))
        .filter(|url| !url.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_MOCK_URL.to_owned());
    url.trim().trim_end_matches('/').to_owned()
}

/// `globalThis[name]`, unless it is `undefined` or `null`.
fn global(name: &str) -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `process.env[name]` in Node; `None` in browsers.
fn node_env(name: &str) -> Option<String> {
    let env = Reflect::get(&global("process")?, &"env".into()).ok()?;
    Reflect::get(&env, &name.into()).ok()?.as_string()
}

fn method(this: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(this, &name.into()).ok()?.dyn_into().ok()
}

/// Result of asking the mock once: `Ok` when it answered, `Err(line)` when it did not.
#[derive(Clone)]
enum Probe {
    Unknown,
    Up,
    Down(String),
}

thread_local! {
    static PROBE: RefCell<Probe> = const { RefCell::new(Probe::Unknown) };
}

/// Returns once the mock answers at [`mock_url`]; otherwise stops the run with one line that says
/// how to start it. Asks the mock only the first time.
pub async fn require_mock() {
    let state = PROBE.with(|p| p.borrow().clone());
    let line = match state {
        Probe::Up => return,
        Probe::Down(line) => line,
        Probe::Unknown => match probe().await {
            Ok(()) => {
                PROBE.with(|p| *p.borrow_mut() = Probe::Up);
                return;
            }
            Err(why) => {
                let url = mock_url();
                let line = format!(
                    "error: no mock API at {url} ({why}). Start it with `make mock` \
                     (serves {DEFAULT_MOCK_URL}), or set MOCK_URL to the address of a running \
                     `target/debug/openai-admin-mock`."
                );
                PROBE.with(|p| *p.borrow_mut() = Probe::Down(line.clone()));
                line
            }
        },
    };
    stop(&line)
}

/// Stops the run at once if the mock was already found missing (so that later tests do not wait
/// for their own connection failures and retries).
pub fn stop_if_mock_missing() {
    if let Probe::Down(line) = PROBE.with(|p| p.borrow().clone()) {
        stop(&line)
    }
}

/// `GET /__mock/faults` with the key: the mock answers 200 with a JSON list.
async fn probe() -> Result<(), String> {
    let url = format!("{}/__mock/faults", mock_url());
    let fetch = global_function("fetch").ok_or("no global fetch")?;
    let init = JSON::parse(
        &serde_json::json!({ "headers": { "authorization": format!("Bearer {}", super::KEY) } })
            .to_string(),
    )
    .map_err(|_| "bad request init")?;
    // A host that never answers should not hang the run: give up after 5 s where possible.
    if let Some(timeout) = global("AbortSignal").and_then(|s| method(&s, "timeout")) {
        if let Ok(signal) = timeout.call1(&JsValue::UNDEFINED, &5000.into()) {
            let _ = Reflect::set(&init, &"signal".into(), &signal);
        }
    }
    let promise: Promise = fetch
        .call2(&JsValue::UNDEFINED, &url.clone().into(), &init)
        .map_err(|e| reason(&e))?
        .unchecked_into();
    let response = JsFuture::from(promise).await.map_err(|e| reason(&e))?;
    let status = Reflect::get(&response, &"status".into())
        .ok()
        .and_then(|s| s.as_f64())
        .unwrap_or(0.0);
    match status as u16 {
        200 => Ok(()),
        401 => Err(format!(
            "GET {url} answered 401: the mock wants another key than {}",
            super::KEY
        )),
        other => Err(format!("GET {url} answered {other}, not the mock's 200")),
    }
}

/// A fetch rejection in a few words: the message, plus Node's `cause.code` (`ECONNREFUSED`).
fn reason(error: &JsValue) -> String {
    let text = |v: &JsValue, key: &str| {
        Reflect::get(v, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let message = text(error, "message").unwrap_or_else(|| format!("{error:?}"));
    let code = Reflect::get(error, &"cause".into())
        .ok()
        .filter(|cause| !cause.is_undefined() && !cause.is_null())
        .and_then(|cause| text(&cause, "code"));
    match code {
        Some(code) => format!("{message}: {code}"),
        None => message,
    }
    .replace('\n', " ")
}

fn global_function(name: &str) -> Option<Function> {
    global(name)?.dyn_into().ok()
}

/// Ends the run with `line`. Node: writes it to stderr and exits with status 1. Browser (no
/// process to end): the first time, writes it to the page's test output, which the runner shows;
/// then fails the test with a one-line error (no stack trace), as every later test that needs the
/// mock does at once.
fn stop(line: &str) -> ! {
    if let Some(process) = global("process") {
        if let (Some(stderr), Some(exit)) = (
            Reflect::get(&process, &"stderr".into()).ok(),
            method(&process, "exit"),
        ) {
            if let Some(write) = method(&stderr, "write") {
                let _ = write.call1(&stderr, &format!("{line}\n").into());
            }
            let _ = exit.call1(&process, &1.into());
        }
    }
    thread_local! {
        static SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !SHOWN.with(|shown| shown.replace(true)) {
        if let Some(output) = global("document")
            .and_then(|d| Some((method(&d, "getElementById")?, d)))
            .and_then(|(by_id, d)| by_id.call1(&d, &"output".into()).ok())
            .filter(|output| !output.is_null())
        {
            let before = Reflect::get(&output, &"textContent".into())
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            let _ = Reflect::set(
                &output,
                &"textContent".into(),
                &format!("{before}{line}\n").into(),
            );
        }
    }
    let message = format!("no mock API at {}: `make mock` starts it", mock_url());
    let error = js_sys::Error::new(&message);
    // The runner prints an error's stack; this one is its first line only.
    let _ = Reflect::set(&error, &"stack".into(), &format!("Error: {message}").into());
    wasm_bindgen::throw_val(error.into())
}
