//! An operation of the table called by its name, with JSON in and out: for callers that hold
//! operations as data (a plan of the access layer, a command line), where the typed methods of
//! [`crate::Organization`] need the name at compile time. The request is the core's `build`, the
//! answer the core's reading, the retries the core's rule, exactly as for the typed methods.

use openai_admin_wasm::ops::find;

use crate::call::{execute, prepare, CallFuture};
use crate::client::Client;
use crate::error::Error;

impl Client {
    /// Calls the operation named `name` (`groups.users.create`): `ids` are its path parameters
    /// in URL order (`[group_id]`; `[group_id, user_id]` for `groups.users.delete`), `params`
    /// its query or body. Answers the API's JSON as it came. An unknown name, a wrong count of
    /// ids or an argument the core refuses is [`Error::InvalidArgument`], with nothing sent.
    ///
    /// ```no_run
    /// # async fn run(client: openai_admin::Client) -> Result<(), openai_admin::Error> {
    /// let added = client
    ///     .call_operation("groups.users.create", &["group_abc"], Some(serde_json::json!({ "user_id": "user_abc" })))
    ///     .await?;
    /// println!("{}", added["user_id"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn call_operation(
        &self,
        name: &str,
        ids: &[&str],
        params: Option<serde_json::Value>,
    ) -> CallFuture<serde_json::Value> {
        let client = self.clone();
        let request = match find(name) {
            None => Err(Error::InvalidArgument {
                param: "operation".into(),
                message: format!("`operation`: no operation is named `{name}`"),
            }),
            Some(op) if op.path_params().count() != ids.len() => Err(Error::InvalidArgument {
                param: "ids".into(),
                message: format!(
                    "`ids`: `{name}` takes {} path parameters ({}), got {}",
                    op.path_params().count(),
                    op.path_params().collect::<Vec<_>>().join(", "),
                    ids.len()
                ),
            }),
            Some(op) => prepare(op, ids, params.as_ref()).map(|r| (op, r)),
        };
        Box::pin(async move {
            let (op, request) = request?;
            execute::<serde_json::Value>(&client, op, &request).await
        })
    }
}
