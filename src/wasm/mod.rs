//! The exports the package's TypeScript calls around its `fetch`: `prepare` checks and builds an
//! operation's request, `parseAnswer` reads a 2xx body (`checkPage` checks a list page the engine has
//! already parsed), `apiError` reads any other answer, and `retryDelay` decides whether and when a
//! failed attempt is tried again.
//!
//! Everything here converts values and calls the core; request building, validation, response
//! checks, pagination and retry decisions live in the plain-Rust modules. The TypeScript side
//! (`pkg-template/src/options.ts`, `headers.ts`, `transport.ts`) resolves the client options, merges
//! the headers, and runs the attempts with their timeout and abort signal, as the official SDK's client does.

mod contract;
mod convert;
mod exports;

pub use exports::*;

/// The heap of the wasm module: `talc` instead of Rust's default `dlmalloc`, 2.6 KB gzip smaller
/// and no slower (ARCHITECTURE.md, "Decisions"). The module is single-threaded.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
