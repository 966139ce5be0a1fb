//! An async Rust client for the OpenAI Admin API's groups, users and roles, natively (`reqwest`
//! over rustls) and in the browser, in workers and in Node (the global `fetch`, through
//! `gloo-net`).
//!
//! It is a transport over the `openai-admin-wasm` core, which builds every request, reads every
//! answer and error and decides every retry; the same core serves the npm package. Its paths
//! are the official SDKs': `client.admin().organization().groups().users("group_id").list(None)`.
//! The operations are generated from the core's operation table.
//!
//! ```no_run
//! use futures_util::TryStreamExt;
//! use openai_admin::{Client, models::{GroupCreateParams, GroupUserCreateParams}};
//!
//! # async fn run() -> Result<(), openai_admin::Error> {
//! let client = Client::new()?; // OPENAI_ADMIN_KEY
//! let org = client.admin().organization();
//! let group = org.groups().create(GroupCreateParams { name: "Support".into() }).await?;
//! org.groups().users(&group.id).create(GroupUserCreateParams { user_id: "user_abc".into() }).await?;
//! let roles: Vec<_> = org.users().roles("user_abc").list_all(None).try_collect().await?;
//! println!("{} roles", roles.len());
//! # Ok(())
//! # }
//! ```
//!
//! - Errors: one [`Error`]; [`Error::kind`] names the official class. The admin key never
//!   appears in an error or a `Debug` output.
//! - Lists: `list` answers a [`Page`]; `list_all` and [`Page::into_stream`] give every item as
//!   an [`ItemStream`].
//! - Answers are read tolerantly: unknown fields are kept in each model's `extra`, unknown enum
//!   values in `Other`; [`ClientBuilder::on_drift`] reports the differences from the spec.
//! - Retries (connection errors, timeouts, 408, 409, 429, 5xx; `retry-after` honoured) and the
//!   timeout of each attempt follow the official SDK's defaults; dropping a call's future aborts
//!   its request.
//! - Pacing: [`Client::with_pacer`] puts a [`pace::Pacer`] around every attempt (the access
//!   layer's scheduler, `openai-admin-access`'s feature `client`, is one);
//!   [`Client::call_operation`] calls an operation of the table by its name, JSON in and out.

mod call;
mod client;
mod dynamic;
mod error;
pub mod models;
pub mod pace;
mod pagination;
mod resources;
mod transport;

pub use call::CallFuture;
pub use client::{
    Admin, Client, ClientBuilder, DriftCallback, Organization, DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT,
};
pub use error::{ApiError, Error, ErrorKind, Result};
pub use pagination::{Item, ItemStream, Page};
pub use resources::*;
