//! Who has what and why in an OpenAI organization, the organization as a text file, and the
//! plan that makes the organization match that file.
//!
//! Plain Rust, tested natively; the `wasm` module (compiled only for `wasm32`) is the thin shell
//! that the package's `openai-admin-wasm/access` entry loads as its own wasm module, so the
//! client's module does not grow.
//!
//! - [`model`]: the organization in memory, filled from the API's list items;
//! - [`answers`]: `accessOf`, `holdersOf`, `group`, `stats`; [`assignment`]: `assignmentOf`;
//!   [`search`]: ranked search and the one name folding ([`search::fold`]);
//! - [`organization`]: the model with its search keys, and when they go stale;
//! - [`file`](mod@file): the access file (YAML or JSON) read with positions, and written by `dump`;
//! - [`plan`]: the operations (rows of the core's operation table) that make the organization
//!   match a file, what is blocked and why, and what is left unmanaged; [`apply`] applies a plan
//!   to the model in memory, and [`items`] writes its facts back as the API's items (what a
//!   snapshot keeps after an apply);
//! - [`csv`]: memberships, assignments and project memberships as CSV, and a plan from
//!   `group,email[,action]` or `project,email,role[,action]` rows;
//! - `remote` (feature `client`): `load` and `apply` through the async Rust client
//!   `openai-admin`, paced per endpoint by a scheduler that learns the API's limits.

pub mod answers;
pub mod apply;
pub mod assignment;
pub mod case;
pub mod csv;
pub mod file;
pub mod items;
pub mod json;
pub mod map;
pub mod model;
pub mod organization;
pub mod plan;
pub mod projects;
#[cfg(feature = "client")]
pub mod remote;
pub mod search;
mod sort;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use model::Model;

/// The heap of the wasm module: `talc`, as the client's, instead of Rust's default `dlmalloc`:
/// 2.7 KB gzip smaller, and `plan` of the benchmark's file as fast (36.9 against 34.6 ms CPU
/// median in `bench/access-plan.mjs`, the same loaded machine). It took twice as long when the
/// file went through the general YAML scanner's many small strings.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
