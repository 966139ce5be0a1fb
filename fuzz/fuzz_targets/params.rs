//! Arbitrary text as the JSON parameters JavaScript passes: `schema::check_request` never
//! panics, accepts only a JSON object, names a field when it refuses one, and is never stricter
//! than the model's serde derive but for the spec's own bounds (and serde reading a struct from
//! an array, which no caller sends).
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::groups::roles::GroupRoleCreateParams;
use openai_admin_wasm::groups::users::GroupUserCreateParams;
use openai_admin_wasm::groups::{GroupCreateParams, GroupUpdateParams};
use openai_admin_wasm::params::ListParams;
use openai_admin_wasm::projects::groups::{
    ProjectGroupCreateParams, ProjectGroupListParams, ProjectGroupRetrieveParams,
};
use openai_admin_wasm::projects::users::{
    ProjectUserCreateParams, ProjectUserListParams, ProjectUserUpdateParams,
};
use openai_admin_wasm::projects::{ProjectCreateParams, ProjectListParams, ProjectUpdateParams};
use openai_admin_wasm::roles::{RoleCreateParams, RoleUpdateParams};
use openai_admin_wasm::schema::{check_request, Model};
use openai_admin_wasm::users::roles::UserRoleCreateParams;
use openai_admin_wasm::users::{UserListParams, UserUpdateParams};
use serde::de::{DeserializeOwned, IgnoredAny};

fn check<T: Model + DeserializeOwned>(text: &str) {
    let schema = T::SCHEMA;
    let checked = check_request(schema, text);
    match &checked {
        Ok(()) => assert!(
            text.trim_start().starts_with('{') && serde_json::from_str::<IgnoredAny>(text).is_ok(),
            "{}: accepted what is no JSON object: {text:?}",
            schema.name
        ),
        Err(invalid) => {
            assert!(!invalid.message.is_empty());
            let _ = invalid.to_string();
        }
    }
    if serde_json::from_str::<T>(text).is_ok() {
        if let Err(invalid) = checked {
            let bounded = invalid
                .field()
                .and_then(|name| schema.fields.iter().find(|f| f.name == name))
                .is_some_and(|f| {
                    f.min.is_some() || f.max.is_some() || f.min_len.is_some() || f.max_len.is_some()
                });
            let array = text.trim_start().starts_with('[');
            assert!(
                bounded || array,
                "{}: refused ({invalid}) what serde reads: {text:?}",
                schema.name
            );
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
    check::<ProjectListParams>(text);
    check::<ProjectCreateParams>(text);
    check::<ProjectUpdateParams>(text);
    check::<ProjectUserListParams>(text);
    check::<ProjectUserCreateParams>(text);
    check::<ProjectUserUpdateParams>(text);
    check::<ProjectGroupListParams>(text);
    check::<ProjectGroupCreateParams>(text);
    check::<ProjectGroupRetrieveParams>(text);
});
