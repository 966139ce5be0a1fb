//! Path parameters, whatever they hold, stay one path segment each and reach the server as they
//! were given.
//!
//! For every builder with a path parameter, on arbitrary ids (with `/`, `..`, `?`, `#`, `%`,
//! spaces, controls and non-ASCII text): the path has the route's number of segments, each id
//! segment holds only RFC 3986 unreserved characters and `%XX`, and it percent-decodes back to
//! exactly the id. The ids no encoding can carry (empty, `.` and `..`, which URL parsers collapse)
//! are rejected naming the parameter. Then ids go to the real mock over HTTP/1.1, whose 404
//! message must quote exactly the id it looked up.
//!
//! The mock binary is `MOCK_BIN` (at build or run time), else `target/debug/openai-admin-mock`;
//! build it first with `cargo build -p openai-admin-mock`.

// A native test: proptest and the mock process are not for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use openai_admin_wasm::ops::{build, find, Input, Operation, OPERATIONS};
use openai_admin_wasm::response::api_error;
use openai_admin_wasm::schema::Ty;
use openai_admin_wasm::{ApiRequest, Error};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Cases per property over the builders.
const CASES: u32 = 1000;
/// Ids sent to the mock.
const MOCK_CASES: u32 = 200;

/// Ids made of the characters that could break a path, mixed with ordinary and any characters.
fn id() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        4 => prop::sample::select(vec![
            '/', '.', '?', '#', '%', ' ', '+', '&', '=', ';', ':', '@', '\\', '"', '\'', '<', '>',
            '[', ']', '{', '}', '|', '^', '`', '~', '-', '_', '\n', '\r', '\t', '\0', '\u{7f}',
            'é', 'ß', '€', '中', '😀', '\u{200b}', '\u{feff}',
        ]),
        3 => prop::char::range('a', 'z'),
        1 => prop::char::range('0', '9'),
        2 => any::<char>(),
    ];
    prop_oneof![
        8 => prop::collection::vec(tricky, 1..24).prop_map(|c| c.into_iter().collect()),
        1 => prop::sample::select(vec!["..x", "x..", "...", "./.", "%2e", "%2E%2E", ". ", " ..", "%", "%zz", "a%2Fb"])
            .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
    .prop_filter("empty, `.` and `..` are rejected, tested apart", |s| {
        !matches!(s.as_str(), "" | "." | "..")
    })
}

type OneParamBuilder = Box<dyn Fn(&str) -> Result<ApiRequest, Error>>;
type TwoParamBuilder = Box<dyn Fn(&str, &str) -> Result<ApiRequest, Error>>;

/// The smallest params an operation accepts besides its path parameters: its body's required
/// fields, with values of their types.
fn minimal_params(op: &Operation) -> String {
    let mut members = Vec::new();
    if let Input::Body(schema) = op.input {
        for field in schema.fields.iter().filter(|f| !f.optional) {
            let value = match field.ty {
                Ty::Arr(_) => "[\"x\"]",
                _ => "\"x\"",
            };
            members.push(format!("\"{}\":{value}", field.name));
        }
    }
    format!("{{{}}}", members.join(","))
}

/// The operation's route with `{}` where each path parameter goes.
fn route(op: &Operation) -> String {
    let mut route = op.path.to_owned();
    for name in op.path_params() {
        route = route.replace(&format!("{{{name}}}"), "{}");
    }
    route
}

/// Every operation of the table with one path parameter: its name, its route (`{}` for the id)
/// and its request built from an id.
fn one_param_builders() -> Vec<(&'static str, String, OneParamBuilder)> {
    OPERATIONS
        .iter()
        .filter(|op| op.path_params().count() == 1)
        .map(|op| {
            let param = op.positional().expect("one path parameter");
            let build: OneParamBuilder =
                Box::new(move |id| build(op, Some(id), Some(&minimal_params(op))));
            (param, route(op), build)
        })
        .collect()
}

/// Every operation with two path parameters: their names, the route, the request built from
/// both ids (the first travels in the params object, as `{ group_id }` does in JavaScript, with
/// the body's required fields when there is a body).
fn two_param_builders() -> Vec<(&'static str, &'static str, String, TwoParamBuilder)> {
    OPERATIONS
        .iter()
        .filter(|op| op.path_params().count() == 2)
        .map(|op| {
            let first = op.path_params().next().expect("two path parameters");
            let second = op.positional().expect("two path parameters");
            let rest = minimal_params(op);
            let build: TwoParamBuilder = Box::new(move |a, b| {
                // `{ project_id, ...body }`: the first id and the body's required fields.
                let rest = rest.strip_prefix('{').unwrap_or("}");
                let comma = if rest == "}" { "" } else { "," };
                let params = format!("{{\"{first}\":{}{comma}{rest}", json_string(a));
                build(op, Some(b), Some(&params))
            });
            (first, second, route(op), build)
        })
        .collect()
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::new();
    openai_admin_wasm::request::push_json_string(&mut out, text);
    out
}

/// Decodes `%XX` escapes strictly: `None` for a bare `%`, a bad escape, or a byte outside
/// RFC 3986 "unreserved" (`A-Z a-z 0-9 - . _ ~`) left unencoded.
fn strict_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = segment.get(i + 1..i + 3)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') => {
                out.push(b);
                i += 1;
            }
            _ => return None,
        }
    }
    String::from_utf8(out).ok()
}

/// Checks `path` against `route` (`{}` for each id) and that its id segments decode to `ids`.
fn check_path(path: &str, route: &str, ids: &[&str]) -> Result<(), TestCaseError> {
    let want: Vec<&str> = route.split('/').collect();
    let got: Vec<&str> = path.split('/').collect();
    prop_assert_eq!(
        got.len(),
        want.len(),
        "segments of {:?} for ids {:?}",
        path,
        ids
    );
    let mut ids = ids.iter();
    for (got, want) in got.iter().zip(&want) {
        if *want == "{}" {
            let id = ids.next().expect("as many ids as placeholders");
            let decoded = strict_decode(got);
            prop_assert_eq!(
                decoded.as_deref(),
                Some(*id),
                "segment {:?} of {:?} does not decode to the id",
                got,
                path
            );
        } else {
            prop_assert_eq!(got, want, "fixed segment of {:?}", path);
        }
    }
    Ok(())
}

fn expect_rejected(result: Result<ApiRequest, Error>, param: &str, value: &str) {
    match result {
        Err(err @ Error::InvalidArgument { .. }) => {
            assert_eq!(err.param(), Some(param), "{value:?}: {err}");
            assert!(err.to_string().contains(param), "{value:?}: {err}");
        }
        other => panic!("{param} = {value:?} was not rejected: {other:?}"),
    }
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn one_id_is_one_segment_that_decodes_to_the_id() {
    let mut runner = runner(CASES);
    runner
        .run(&id(), |id| {
            for (param, route, build) in one_param_builders() {
                let request = build(&id)
                    .map_err(|e| TestCaseError::fail(format!("{param} = {id:?} rejected: {e}")))?;
                check_path(&request.path, &route, &[&id])?;
            }
            Ok(())
        })
        .expect("every one-id builder keeps the id in one segment");
}

#[test]
fn two_ids_are_two_segments_that_decode_to_the_ids() {
    let mut runner = runner(CASES);
    runner
        .run(&(id(), id()), |(first, second)| {
            for (a, b, route, build) in two_param_builders() {
                let request = build(&first, &second).map_err(|e| {
                    TestCaseError::fail(format!("{a} = {first:?}, {b} = {second:?}: {e}"))
                })?;
                check_path(&request.path, &route, &[&first, &second])?;
            }
            Ok(())
        })
        .expect("every two-id builder keeps each id in its own segment");
}

#[test]
fn ids_no_encoding_can_carry_are_rejected_by_name() {
    let mut runner = runner(CASES / 4);
    runner
        .run(&id(), |valid| {
            for bad in ["", ".", ".."] {
                for (param, _, build) in one_param_builders() {
                    expect_rejected(build(bad), param, bad);
                }
                for (a, b, _, build) in two_param_builders() {
                    expect_rejected(build(bad, &valid), a, bad);
                    expect_rejected(build(&valid, bad), b, bad);
                }
            }
            Ok(())
        })
        .expect("empty, `.` and `..` are rejected");
}

#[path = "support/mock.rs"]
mod mock;
use mock::Mock;

/// The admin key the mock is started with.
const KEY: &str = "sk-admin-proptest";

#[test]
fn the_mock_looks_up_exactly_the_id_given() {
    let mock = Mock::start(KEY);
    let mut runner = runner(MOCK_CASES);
    let sent = std::cell::Cell::new(0usize);
    runner
        .run(&(id(), 0..3usize), |(id, kind)| {
            let (request, noun) = match kind {
                0 => (retrieve("groups.retrieve", &id), "group"),
                1 => (retrieve("users.retrieve", &id), "user"),
                _ => (retrieve("roles.retrieve", &id), "role"),
            };
            let request = request.expect("a non-empty id other than `.` and `..` is accepted");
            let reply = mock.send(&request);
            let (status, body) = (reply.status, reply.body);
            sent.set(sent.get() + 1);
            prop_assert_eq!(status, 404, "{} {:?}: {}", noun, id, body);
            let err = api_error(status, None, &body);
            prop_assert_eq!(
                err.message,
                format!("404 No {noun} found with id '{id}'."),
                "body {}",
                body
            );
            Ok(())
        })
        .expect("the mock's 404 quotes exactly the id");
    let sent = sent.get();
    assert!(sent >= MOCK_CASES as usize, "only {sent} ids were sent");
}

/// The request of a one-id retrieve operation.
fn retrieve(name: &str, id: &str) -> Result<ApiRequest, Error> {
    build(find(name).expect("in the table"), Some(id), None)
}
