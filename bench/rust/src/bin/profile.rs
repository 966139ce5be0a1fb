//! One client on one shape of the bench, alone, for a per-request profile (`valgrind
//! --tool=callgrind` or `--tool=cachegrind`, `perf stat`, `perf record`): the calls `main.rs`
//! times, from `clients.rs`. Every client is built and the 2,000 ids read first, as in the
//! bench; then, for `retrieve`, the client lists all groups once (in the bench each retrieve run
//! follows that client's list, on the same connection) and makes COUNT sequential retrieves;
//! for `list`, it lists all groups COUNT times. COUNT 0 is the baseline to subtract.
//!
//!     profile BASE_URL KEY ours|async-openai|floor retrieve|list [COUNT]    (COUNT default 2000)

#[path = "../clients.rs"]
mod clients;

use clients::{
    list_floor, list_ours, list_theirs, retrieve_floor, retrieve_ours, retrieve_theirs, Clients,
};

async fn list(c: &Clients, client: &str) -> usize {
    match client {
        "ours" => list_ours(c).await,
        "async-openai" => list_theirs(c).await,
        "floor" => list_floor(c).await,
        other => panic!("unknown client {other}"),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let base = args.next().expect("BASE_URL");
    let key = args.next().expect("KEY");
    let client = args.next().expect("ours|async-openai|floor");
    let shape = args.next().expect("retrieve|list");
    let count: usize = args.next().map_or(2000, |n| n.parse().expect("COUNT"));
    let clients = Clients::new(&base, &key);
    let ids = clients.ids().await;
    match shape.as_str() {
        "retrieve" => {
            list(&clients, &client).await;
            let ids: Vec<String> = ids.iter().cycle().take(count).cloned().collect();
            match client.as_str() {
                "ours" => retrieve_ours(&clients, &ids).await,
                "async-openai" => retrieve_theirs(&clients, &ids).await,
                _ => retrieve_floor(&clients, &ids).await,
            };
        }
        "list" => {
            for _ in 0..count {
                list(&clients, &client).await;
            }
        }
        other => panic!("unknown shape {other}"),
    }
}
