//! The thin JavaScript shell: a `WasmClient` class, the one `call` export that runs any operation
//! of the table, and `prepare`, which checks and builds a request without sending it.
//!
//! Everything here converts values and calls the core; request building, validation, response
//! checks, pagination and retry decisions live in the plain-Rust modules. The package's
//! TypeScript entry resolves the client options and wraps these exports in the official SDK's
//! shape.

mod convert;
mod ops;
mod transport;

pub use ops::*;

use std::rc::Rc;

use js_sys::{Function, Object};
use wasm_bindgen::prelude::*;

use crate::config::ClientConfig;
use crate::error::Error;
use crate::ops::push_query;
use convert::{error_to_js, get, header_list, members_of, string_field};

/// A configured client: the resolved options, the `fetch` to call and where log lines go.
#[wasm_bindgen]
pub struct WasmClient {
    inner: Rc<Inner>,
}

struct Inner {
    config: ClientConfig,
    fetch: Option<Function>,
    fetch_options: Option<Object>,
    log: Option<Function>,
}

impl Inner {
    /// Sends a line to the client's logger (`log(level, message)`), if it has one.
    fn log(&self, level: &str, message: &str) {
        if let Some(log) = &self.log {
            let _ = log.call2(&JsValue::UNDEFINED, &level.into(), &message.into());
        }
    }
}

#[wasm_bindgen]
impl WasmClient {
    /// `config` is what the package's entry resolved: `{ baseURL, maxRetries, timeout, headers,
    /// defaultQuery? }`. `fetch` is called as `fetch(url, init)`; `fetchOptions` is merged into
    /// every `init`; `log(level, message)` receives the core's log lines.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(
            unchecked_param_type = "{ baseURL: string; maxRetries: number; timeout: number; headers: Record<string, string>; defaultQuery?: Record<string, unknown> | null }"
        )]
        config: JsValue,
        fetch: Option<Function>,
        #[wasm_bindgen(unchecked_param_type = "object | null | undefined")] fetch_options: JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "((level: string, message: string) => void) | null | undefined"
        )]
        log: JsValue,
    ) -> Result<WasmClient, JsValue> {
        let number = |name: &str| get(&config, name).as_f64().filter(|n| *n >= 0.0);
        let base_url = string_field(&config, "baseURL").ok_or_else(|| {
            error_to_js(&Error::invalid("baseURL", "`baseURL` is required"), None)
        })?;
        let mut default_query = Vec::new();
        for (key, raw) in members_of(&get(&config, "defaultQuery")) {
            push_query(&mut default_query, &key, &raw);
        }
        let config = ClientConfig {
            base_url: base_url.trim_end_matches('/').to_owned(),
            max_retries: number("maxRetries")
                .map_or(crate::retry::DEFAULT_MAX_RETRIES, |n| n as u32),
            timeout_ms: number("timeout").map_or(crate::retry::DEFAULT_TIMEOUT_MS, |n| n as u64),
            headers: header_list(&get(&config, "headers")),
            default_query,
        };
        Ok(WasmClient {
            inner: Rc::new(Inner {
                config,
                fetch,
                fetch_options: fetch_options.dyn_into::<Object>().ok(),
                log: log.dyn_into::<Function>().ok(),
            }),
        })
    }
}
