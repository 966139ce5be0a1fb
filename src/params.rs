//! Parameters shared by several operations: the cursor query of every list but the
//! organization users list.

use serde::{Deserialize, Serialize};

use crate::schema::Model;

/// Sort order of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Model)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// Oldest first.
    Asc,
    /// Newest first.
    Desc,
    /// A value the spec does not list (yet), kept as the API sent it.
    #[serde(untagged)]
    Other(String),
}

/// Cursor parameters of every list but the organization users list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Model)]
pub struct ListParams {
    /// A cursor: the `next` value of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub after: Option<String>,
    /// How many items a page holds (0 to 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable, min = 0, max = 1000)]
    pub limit: Option<u32>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[model(nullable)]
    pub order: Option<Order>,
}
