//! The project's own commands, run as `cargo xtask <command>` (the alias is in
//! `.cargo/config.toml`):
//!
//! - `cargo xtask codegen` writes the files generated from the operation table (`src/ops.rs`):
//!   `pkg-template/src/operations.ts`, `pkg-template/src/resources.ts` and the operation table of
//!   `README.md`;
//! - `cargo xtask codegen --check` writes nothing and fails, naming the file, when one of them is
//!   not what the table generates (`make lint` runs it).

mod codegen;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask codegen [--check]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let check = match args.as_slice() {
        ["codegen"] => false,
        ["codegen", "--check"] => true,
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match codegen::run(&root(), check) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository's root: this crate's parent directory.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}
