//! The resource tree below `client.admin().organization()`: one type per resource, one method
//! per operation, generated from the core's operation table (`src/ops.rs`) by
//! `openai_admin_derive::client_resources!`. An operation added to the table appears here with no
//! other code. The path parameters of a resource are given where the path names them:
//! `groups().users("group_id").retrieve("user_id")`.

use crate::client::Organization;

openai_admin_wasm::for_each_operation!(openai_admin_wasm::__client_resources);
