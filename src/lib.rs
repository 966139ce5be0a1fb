//! Core of `openai-admin-wasm`: models, the operation table and its request builder, response
//! checks and error parsing, and retry decisions for the OpenAI Admin API's organization groups,
//! users and roles, and its projects with their users, groups and roles. Where the next page
//! starts is decided by the package's page classes (`pkg-template/src/pagination.ts`), as the
//! official SDK's are; the core checks a page's envelope and encodes the next `after`.
//!
//! Everything here is plain Rust with no transport: [`ops::build`] turns a row of the operation
//! table ([`ops::OPERATIONS`]) and the caller's arguments into an [`ApiRequest`] (method,
//! percent-encoded path, query, JSON body), [`schema::check_response`] compares an answer with the
//! spec's model, and [`parse_response`] turns a status, a request id and a body into a typed model
//! or a typed [`Error`]. The `wasm` module, compiled only for `wasm32`, exports these to the
//! package's TypeScript, which performs the `fetch`.
//!
//! Modules are nested like the URLs they serve: [`groups`], [`groups::users`], [`groups::roles`],
//! [`roles`], [`users`], [`users::roles`], [`projects`], [`projects::users`],
//! [`projects::users::roles`], [`projects::groups`], [`projects::groups::roles`] and
//! [`projects::roles`].

pub mod error;
pub mod groups;
pub mod ops;
// The access scheduler's rules: natively always; on wasm32 only for the Rust callers that ask
// (feature `pace`), so that the npm package's wasm carries none of it (112 B gzip otherwise).
#[cfg(any(feature = "pace", not(target_arch = "wasm32")))]
pub mod pace;
pub mod params;
pub mod projects;
pub mod request;
pub mod response;
pub mod retry;
pub mod roles;
pub mod schema;
pub mod users;

// Public (but hidden from the docs) so the `wasm-bindgen-test` suites in `tests/wasm_*.rs` can
// call the exports the way JavaScript does.
#[cfg(all(target_arch = "wasm32", feature = "wasm-exports"))]
#[doc(hidden)]
pub mod wasm;

pub use error::{ApiError, Error};
pub use request::{ApiRequest, Method};
pub use response::parse_response;

/// The Rust client's resource tree generator, for `for_each_operation!` (see [`ops::endpoints`]).
#[doc(hidden)]
pub use openai_admin_derive::client_resources as __client_resources;
