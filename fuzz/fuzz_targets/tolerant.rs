//! Arbitrary bytes as an answer's body through the tolerant reader, `schema::check_response`:
//! it never panics and never changes the body; it fails only on a body that is not a JSON
//! object or on a list page's envelope (`data`, `has_more`, the cursor) of the wrong type, with
//! a typed `Invalid`; and whatever the model's serde derive reads, it reads too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::groups::roles::GroupRoleCreateResponse;
use openai_admin_wasm::groups::users::{GroupUserList, GroupUserRetrieveResponse};
use openai_admin_wasm::groups::{Group, GroupList};
use openai_admin_wasm::roles::{AssignedRoleDetails, AssignedRoleList, Role, RoleList};
use openai_admin_wasm::schema::{check_response, Model};
use openai_admin_wasm::users::roles::UserRoleCreateResponse;
use openai_admin_wasm::users::{OrganizationUser, UserList};
use serde::de::{DeserializeOwned, IgnoredAny};

/// Deepest nesting the checker follows (serde_json goes to 128).
const SHALLOW: usize = 60;

fn check<T: Model + DeserializeOwned>(body: &str, cursor: Option<&str>) {
    let schema = T::SCHEMA;
    let before = body.to_owned();
    let mut drift = Vec::new();
    let result = check_response(schema, body, cursor, &mut drift);
    assert_eq!(body, before, "the body changed");
    let is_json = serde_json::from_str::<IgnoredAny>(body).is_ok();
    let object = body.trim_start().starts_with('{');
    let shallow = body.bytes().filter(|b| matches!(b, b'[' | b'{')).count() < SHALLOW;
    match &result {
        Ok(()) => assert!(
            is_json && object,
            "{}: read a non-object {body:?}",
            schema.name
        ),
        Err(invalid) => {
            assert!(!invalid.message.is_empty());
            let envelope = ["data", "has_more"].contains(&invalid.path.as_str())
                || Some(invalid.path.as_str()) == cursor;
            assert!(
                invalid.path.is_empty() || envelope,
                "{}: failed on {} ({invalid}): {body:?}",
                schema.name,
                invalid.path
            );
            if is_json && object && shallow {
                assert!(
                    envelope,
                    "{}: refused a JSON object ({invalid}): {body:?}",
                    schema.name
                );
            }
        }
    }
    for d in &drift {
        let _ = d.to_string();
    }
    if shallow && serde_json::from_str::<T>(body).is_ok() {
        assert!(
            result.is_ok(),
            "{}: serde reads what the reader refuses: {body:?}",
            schema.name
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    check::<GroupList>(body, Some("next"));
    check::<UserList>(body, Some("last_id"));
    check::<RoleList>(body, Some("next"));
    check::<AssignedRoleList>(body, Some("next"));
    check::<GroupUserList>(body, Some("next"));
    check::<Group>(body, None);
    check::<Role>(body, None);
    check::<AssignedRoleDetails>(body, None);
    check::<OrganizationUser>(body, None);
    check::<GroupUserRetrieveResponse>(body, None);
    check::<GroupRoleCreateResponse>(body, None);
    check::<UserRoleCreateResponse>(body, None);
});
