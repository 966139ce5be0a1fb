//! Lists the organization's groups, adds a user to a group, and shows a user's roles.
//!
//! ```sh
//! OPENAI_ADMIN_KEY=sk-admin-... cargo run -p openai-admin --example admin -- [GROUP_ID USER_ID]
//! ```
//!
//! With `OPENAI_BASE_URL=http://127.0.0.1:8787/v1` it talks to the mock (`make mock`, key
//! `sk-admin-demo`). Without arguments it picks the first group and the first user.

use futures_util::TryStreamExt;
use openai_admin::models::GroupUserCreateParams;
use openai_admin::Client;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), openai_admin::Error> {
    let client = Client::new()?;
    let org = client.admin().organization();

    let groups: Vec<_> = org.groups().list_all(None).try_collect().await?;
    println!("{} groups", groups.len());
    for group in &groups {
        println!("  {}  {}", group.id, group.name);
    }

    let mut args = std::env::args().skip(1);
    let group_id = match args.next() {
        Some(id) => id,
        None => match groups.first() {
            Some(group) => group.id.clone(),
            None => return Ok(()),
        },
    };
    let user_id = match args.next() {
        Some(id) => id,
        None => match org.users().list(None).await?.data().first() {
            Some(user) => user.id.clone(),
            None => return Ok(()),
        },
    };

    let added = org
        .groups()
        .users(&group_id)
        .create(GroupUserCreateParams {
            user_id: user_id.clone(),
        })
        .await?;
    println!("added {} to {}", added.user_id, added.group_id);

    println!("roles of {user_id}:");
    let mut roles = org.users().roles(&user_id).list_all(None);
    while let Some(role) = roles.try_next().await? {
        let through = role
            .assignment_sources
            .iter()
            .flatten()
            .map(|source| source.principal_id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        if through.is_empty() {
            println!("  {}", role.name);
        } else {
            println!("  {} (through {through})", role.name);
        }
    }
    Ok(())
}
