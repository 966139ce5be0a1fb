//! The thin JavaScript shell: a `WasmClient` class and one exported function per operation.
//!
//! Everything here converts values and calls the core; request building, validation, parsing,
//! pagination and retry decisions live in the plain-Rust modules. The hand-written package
//! entry point (`pkg-template/src/index.ts`) wraps these exports in the official SDK's shape.

mod convert;
mod ops;
mod transport;

pub use ops::*;

use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;

use crate::config::{ClientConfig, ClientOptions};
use crate::params::from_json;
use convert::error_to_js;

/// A configured client: the resolved options and the `fetch` to call.
#[wasm_bindgen]
pub struct WasmClient {
    inner: Rc<Inner>,
}

struct Inner {
    config: ClientConfig,
    fetch: Option<Function>,
}

#[wasm_bindgen]
impl WasmClient {
    /// Resolves the options (`ClientOptions` but `fetch`) against the environment. Throws an
    /// error description (see `convert::error_to_js`) when they are invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "ClientOptions | undefined")] options: JsValue,
        fetch: Option<Function>,
    ) -> Result<WasmClient, JsValue> {
        let options: ClientOptions = if options.is_undefined() || options.is_null() {
            ClientOptions::default()
        } else {
            from_json(
                "options",
                &convert::stringify("options", &options).map_err(|e| error_to_js(&e, None))?,
            )
            .map_err(|e| error_to_js(&e, None))?
        };
        let config = ClientConfig::resolve(options, env_var, in_browser())
            .map_err(|e| error_to_js(&e, None))?;
        Ok(WasmClient {
            inner: Rc::new(Inner { config, fetch }),
        })
    }

    /// The resolved base URL.
    #[wasm_bindgen(getter, js_name = baseURL)]
    pub fn base_url(&self) -> String {
        self.inner.config.base_url.clone()
    }

    /// The resolved default number of retries.
    #[wasm_bindgen(getter, js_name = maxRetries)]
    pub fn max_retries(&self) -> u32 {
        self.inner.config.max_retries
    }

    /// The resolved default timeout in milliseconds.
    #[wasm_bindgen(getter)]
    pub fn timeout(&self) -> f64 {
        self.inner.config.timeout_ms as f64
    }
}

/// `process.env[name]` in Node; `None` elsewhere.
fn env_var(name: &str) -> Option<String> {
    let global = js_sys::global();
    let process = Reflect::get(&global, &"process".into()).ok()?;
    let env = Reflect::get(&process, &"env".into()).ok()?;
    if env.is_undefined() || env.is_null() {
        return None;
    }
    Reflect::get(&env, &name.into()).ok()?.as_string()
}

/// Whether this runs where a page's visitors could read a key: a window with a document and a
/// navigator, or a web worker — the official SDK's test.
fn in_browser() -> bool {
    let global = js_sys::global();
    let has = |obj: &JsValue, name: &str| {
        Reflect::get(obj, &name.into())
            .map(|v| !v.is_undefined())
            .unwrap_or(false)
    };
    let window_like =
        has(&global, "window") && has(&global, "document") && has(&global, "navigator");
    let worker_like = has(&global, "importScripts") && has(&global, "navigator");
    window_like || worker_like
}
