//! Who has what and why in an OpenAI organization, the organization as a text file, and the
//! plan that makes the organization match that file.
//!
//! Plain Rust, tested natively; the `wasm` module (compiled only for `wasm32`) is the thin shell
//! that the package's `openai-admin-wasm/access` entry loads as its own wasm module, so the
//! client's module does not grow.
//!
//! - [`model`]: the organization in memory, filled from the API's list items;
//! - [`answers`]: `accessOf`, `holdersOf`, `group`, `stats`; [`search`]: ranked search;
//! - [`file`]: the access file (YAML or JSON) read with positions, and written by `dump`;
//! - [`plan`]: the operations (rows of the core's operation table) that make the organization
//!   match a file, what is blocked and why, and what is left unmanaged; [`apply`] applies a plan
//!   to the model in memory, and [`items`] writes its facts back as the API's items (what a
//!   snapshot keeps after an apply);
//! - [`csv`]: memberships and assignments as CSV, and a plan from `group,email[,action]` rows.

pub mod answers;
pub mod apply;
pub mod csv;
pub mod file;
pub mod items;
pub mod model;
pub mod plan;
pub mod search;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use model::Model;
