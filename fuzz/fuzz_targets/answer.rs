//! Arbitrary answers through the Rust client's answer path, `response::read_answer`, for every
//! operation of the table (`for_each_operation!`, as the client is generated): the first byte
//! picks the operation, the second the status, the rest is the body. It never panics; an error
//! status is always `Error::Api` with that status; a 2xx answer is the model or `Error::Decode`
//! with the status and the request id; asking for drift never changes the outcome.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::ops::{Endpoint, OPERATIONS};
use openai_admin_wasm::response::read_answer;
use openai_admin_wasm::Error;

const STATUSES: [u16; 8] = [200, 201, 204, 400, 404, 429, 500, 503];

fn check<E: Endpoint>(status: u16, body: &str) {
    let op = E::operation();
    let plain = read_answer::<E::Output>(op, status, Some("req_fuzz"), body, None);
    let mut drift = Vec::new();
    let watched = read_answer::<E::Output>(op, status, Some("req_fuzz"), body, Some(&mut drift));
    assert_eq!(plain.is_ok(), watched.is_ok(), "{}: drift changed the outcome", op.name);
    match plain {
        Ok(_) => assert!((200..300).contains(&status)),
        Err(Error::Api(api)) => {
            assert!(!(200..300).contains(&status));
            assert_eq!(api.status, status);
            assert_eq!(api.request_id.as_deref(), Some("req_fuzz"));
        }
        Err(Error::Decode {
            status: got,
            request_id,
            message,
        }) => {
            assert!((200..300).contains(&status));
            assert_eq!(got, status);
            assert_eq!(request_id.as_deref(), Some("req_fuzz"));
            assert!(!message.is_empty());
        }
        Err(other) => panic!("{}: {other:?}", op.name),
    }
}

macro_rules! checks {
    ($krate:tt; $($name:literal $marker:ident $path:literal $kind:ident $list:literal $summary:literal;)*) => {
        [$(check::<openai_admin_wasm::ops::endpoints::$marker> as fn(u16, &str)),*]
    };
}

fuzz_target!(|data: &[u8]| {
    let [op, status, body @ ..] = data else {
        return;
    };
    let Ok(body) = std::str::from_utf8(body) else {
        return;
    };
    let checks = openai_admin_wasm::for_each_operation!(checks);
    assert_eq!(checks.len(), OPERATIONS.len());
    let check = checks[usize::from(*op) % checks.len()];
    check(STATUSES[usize::from(*status) % STATUSES.len()], body);
});
