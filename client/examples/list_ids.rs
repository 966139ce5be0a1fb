//! Walks a whole list with `list_all` and prints each item's id, one a line: every page, as the
//! client's next-page rule finds them.
//!
//! ```sh
//! OPENAI_ADMIN_KEY=sk-admin-... cargo run -p openai-admin --example list_ids -- users 100
//! ```
//!
//! `LIST` is `users`, `groups` or `roles`; `LIMIT` the page size (the API's default when left
//! out). An error is printed on stderr with its class, and the program exits with 1.
//! `tests/package/pagination-rust.test.mjs` runs it beside the npm package's `for await` on the
//! same mock and compares the ids and the requests.

use futures_util::TryStreamExt;
use openai_admin::models::{ListParams, UserListParams};
use openai_admin::Client;

fn shown(error: openai_admin::Error) -> String {
    format!("{:?}: {error}", error.kind())
}

async fn ids(client: &Client, list: &str, limit: Option<u32>) -> Result<Vec<String>, String> {
    let org = client.admin().organization();
    let params = ListParams {
        limit,
        ..Default::default()
    };
    let ids = match list {
        "users" => {
            let params = UserListParams {
                limit: limit.map(i64::from),
                ..Default::default()
            };
            let users: Vec<_> = org
                .users()
                .list_all(params)
                .try_collect()
                .await
                .map_err(shown)?;
            users.into_iter().map(|u| u.id).collect()
        }
        "groups" => {
            let groups: Vec<_> = org
                .groups()
                .list_all(params)
                .try_collect()
                .await
                .map_err(shown)?;
            groups.into_iter().map(|g| g.id).collect()
        }
        "roles" => {
            let roles: Vec<_> = org
                .roles()
                .list_all(params)
                .try_collect()
                .await
                .map_err(shown)?;
            roles.into_iter().map(|r| r.id).collect()
        }
        other => {
            return Err(format!(
                "LIST must be users, groups or roles, not `{other}`"
            ))
        }
    };
    Ok(ids)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let list = args.next().unwrap_or_default();
    let limit = match args.next().map(|n| n.parse::<u32>()) {
        None => None,
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => {
            eprintln!("LIMIT must be a whole number");
            std::process::exit(2);
        }
    };
    let client = match Client::new() {
        Ok(client) => client,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    match ids(&client, &list, limit).await {
        Ok(ids) => {
            for id in ids {
                println!("{id}");
            }
        }
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(1);
        }
    }
}
