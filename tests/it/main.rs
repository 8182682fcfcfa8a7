//! Integration tests: the real binary on fixture files.

mod analyse;
mod bad_input;
mod evaluate_cmd;
mod fuzz_readers;
mod ingest_fixtures;
mod memory;
mod privacy;
mod redact_cmd;
mod reports;
mod spreadsheet;
mod taxonomy_cmd;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A path under `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

/// The `leefwereld` binary.
pub fn leefwereld() -> Command {
    Command::cargo_bin("leefwereld").expect("binary built")
}

/// Runs the binary and returns (success, stdout, stderr).
pub fn run(args: &[&str]) -> (bool, String, String) {
    let out = leefwereld().args(args).output().expect("runs");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}
