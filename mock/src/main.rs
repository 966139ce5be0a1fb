//! `openai-admin-mock`: a local, stateful mock of the OpenAI Admin API for groups, users,
//! roles and projects, with fault injection and a request log for client tests. See `mock/README.md`.

mod app;
mod config;
mod cors;
mod endpoint;
mod error;
mod faults;
mod ids;
mod render;
mod render_projects;
mod reqlog;
mod routes;
mod seed;
mod seed_projects;
mod server;
mod state;
mod statics;
mod store;
mod traffic;

use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

use config::{Config, USAGE};
use state::AppState;

#[tokio::main]
async fn main() {
    // The first argument is the program's own name.
    let config = match Config::parse(std::env::args().skip(1)) {
        Ok(Some(c)) => c,
        Ok(None) => {
            print!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let state = Arc::new(AppState::new(config.clone()));
    {
        let store = state.read();
        eprintln!(
            "seeded {} users, {} groups, {} roles in {} ms",
            store.users.len(),
            store.groups.len(),
            store.roles.len(),
            started.elapsed().as_millis()
        );
    }
    let listener = match tokio::net::TcpListener::bind((config.host.as_str(), config.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot bind {}:{}: {e}", config.host, config.port);
            std::process::exit(1);
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!("listening on http://{addr}");
    let _ = std::io::stdout().flush();
    server::serve(listener, app::router(state)).await;
}
