//! What `#[derive(Model)]` refuses, with the message it gives (`tests/ui/*.stderr`).
//! `TRYBUILD=overwrite cargo test -p openai-admin-derive` rewrites the snapshots.

#[test]
fn refused_attributes_and_types() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
