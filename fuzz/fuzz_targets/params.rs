//! Arbitrary text as the JSON parameters JavaScript passes: `params::from_json` never panics;
//! when it reads a value serde reads the same value, and when it refuses, serde refuses too
//! (but for serde reading a struct from an array) and the error names a parameter.
#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::config::{CallOptions, ClientOptions};
use openai_admin_wasm::groups::roles::GroupRoleCreateParams;
use openai_admin_wasm::groups::users::GroupUserCreateParams;
use openai_admin_wasm::groups::{GroupCreateParams, GroupUpdateParams};
use openai_admin_wasm::params::{from_json, ListParams};
use openai_admin_wasm::roles::{RoleCreateParams, RoleUpdateParams};
use openai_admin_wasm::schema::{validate, FromMembers};
use openai_admin_wasm::users::roles::UserRoleCreateParams;
use openai_admin_wasm::users::{UserListParams, UserUpdateParams};
use openai_admin_wasm::Error;
use serde::de::DeserializeOwned;

#[allow(dead_code)]
#[path = "common.rs"]
mod common;

fn check<T: FromMembers + DeserializeOwned + Debug>(text: &str) {
    let read = from_json::<T>("params", text);
    let by_serde = serde_json::from_str::<T>(text);
    match (read, by_serde) {
        // Debug, not PartialEq: the options types have none; their Debug shows every field.
        (Ok(read), Ok(by_serde)) => assert_eq!(
            format!("{read:?}"),
            format!("{by_serde:?}"),
            "read differently from serde: {text:?}"
        ),
        (Ok(read), Err(err)) => panic!("read {read:?} where serde refuses ({err}): {text:?}"),
        (Err(err), by_serde) => {
            let Error::InvalidArgument { param, message } = &err else {
                panic!("not an InvalidArgument: {err:?}");
            };
            assert!(!param.is_empty() && !message.is_empty(), "{err:?}");
            if by_serde.is_ok() {
                let top_level_array = !text.trim_start().starts_with('{');
                let quirk = validate(T::SCHEMA, text)
                    .err()
                    .is_some_and(|invalid| common::array_for_object(&invalid));
                assert!(
                    top_level_array || quirk,
                    "refused ({err}) what serde reads: {text:?}"
                );
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check::<ListParams>(text);
    check::<UserListParams>(text);
    check::<GroupCreateParams>(text);
    check::<GroupUpdateParams>(text);
    check::<GroupUserCreateParams>(text);
    check::<GroupRoleCreateParams>(text);
    check::<UserRoleCreateParams>(text);
    check::<RoleCreateParams>(text);
    check::<RoleUpdateParams>(text);
    check::<UserUpdateParams>(text);
    check::<ClientOptions>(text);
    check::<CallOptions>(text);
});
