//! The requests of each resource's operations, built by `ops::build` from the caller's JSON.
//!
//! What the per-resource builders' tests used to say about requests, under the rules that
//! replaced them: only what cannot succeed is refused before sending (a wrong JSON type, a missing
//! required field, an id that is empty or `.`/`..`, a number outside the schema's minimum/maximum,
//! a string length outside its minLength/maxLength); enum values outside the spec, unknown fields,
//! nulls, empty strings and empty bodies are sent as given, and a body is the caller's JSON byte
//! for byte. `src/ops.rs`'s own tests cover the table and the generic rules; these cover each
//! resource's routes, bodies and the spec's bounds.

// A native test: it needs no JavaScript.
#![cfg(not(target_arch = "wasm32"))]

use openai_admin_wasm::ops::{build, find};
use openai_admin_wasm::{ApiRequest, Error, Method};

mod groups;
mod projects;
mod roles;
mod users;

/// Builds `op` with the positional `id` and the params object `params`.
fn req(op: &str, id: Option<&str>, params: Option<&str>) -> Result<ApiRequest, Error> {
    build(find(op).expect("an operation of the table"), id, params)
}

/// A request that must build.
fn ok(op: &str, id: Option<&str>, params: Option<&str>) -> ApiRequest {
    req(op, id, params).unwrap_or_else(|e| panic!("{op} {id:?} {params:?}: {e}"))
}

/// The `param` of a request that must be refused before sending.
fn refused(op: &str, id: Option<&str>, params: Option<&str>) -> String {
    match req(op, id, params) {
        Ok(request) => panic!("{op} {id:?} {params:?} built {request:?}"),
        Err(err) => {
            let param = err.param().unwrap_or_default().to_owned();
            assert!(
                err.to_string().contains(&param),
                "{op}: the message names `{param}`: {err}"
            );
            param
        }
    }
}

/// Method, path with query, and body.
fn wire(request: &ApiRequest) -> (Method, String, Option<&str>) {
    (
        request.method,
        request.path_and_query(),
        request.body.as_deref(),
    )
}

#[test]
fn assignment_bodies_need_their_id_but_not_a_non_empty_one() {
    for (op, field) in [
        ("groups.users.create", "user_id"),
        ("groups.roles.create", "role_id"),
        ("users.roles.create", "role_id"),
    ] {
        assert_eq!(refused(op, Some("p"), Some("{}")), field, "{op}");
        assert_eq!(refused(op, Some("p"), None), field, "{op}");
        let wrong = format!(r#"{{"{field}":1}}"#);
        assert_eq!(refused(op, Some("p"), Some(&wrong)), field, "{op}");
        // An unknown field does not stand in for the missing one.
        assert_eq!(
            refused(op, Some("p"), Some(r#"{"role":"r"}"#)),
            field,
            "{op}"
        );
        // The spec sets no length on the id, and unknown fields are sent as given.
        for body in [
            format!(r#"{{"{field}":""}}"#),
            format!(r#"{{"{field}":"x","role":"x"}}"#),
        ] {
            assert_eq!(
                ok(op, Some("p"), Some(&body)).body.as_deref(),
                Some(&*body),
                "{op}"
            );
        }
        // The path's id is checked first.
        let scope = if op.starts_with("groups.") {
            "group_id"
        } else {
            "user_id"
        };
        assert_eq!(refused(op, Some(""), Some("{}")), scope, "{op}");
    }
}

#[test]
fn cursor_lists_keep_limit_within_0_to_1000() {
    for (op, id) in [
        ("groups.list", None),
        ("groups.users.list", Some("g")),
        ("groups.roles.list", Some("g")),
        ("roles.list", None),
        ("users.roles.list", Some("u")),
    ] {
        for limit in ["-1", "1001", "5000", r#""ten""#] {
            let params = format!(r#"{{"limit":{limit}}}"#);
            assert_eq!(refused(op, id, Some(&params)), "limit", "{op} {limit}");
        }
        for limit in ["0", "1000"] {
            let params = format!(r#"{{"limit":{limit}}}"#);
            assert!(
                ok(op, id, Some(&params))
                    .path_and_query()
                    .ends_with(&format!("?limit={limit}")),
                "{op}"
            );
        }
        // An order outside the spec, an empty cursor and unknown fields are sent as given.
        let r = ok(op, id, Some(r#"{"order":"up","after":"","colour":"red"}"#));
        assert!(
            r.path_and_query().ends_with("?order=up&after=&colour=red"),
            "{op}: {}",
            r.path_and_query()
        );
        assert_eq!(refused(op, id, Some("[]")), "params", "{op}");
    }
}
