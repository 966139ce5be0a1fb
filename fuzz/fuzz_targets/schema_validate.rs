//! Arbitrary text against every response and parameters schema: `validate` (the serde-reading
//! mode, compiled only for tests and fuzzing) never panics, and accepts exactly what the model's
//! serde derive accepts (but for serde reading a struct from an array).
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::groups::roles::{
    GroupRoleCreateParams, GroupRoleCreateResponse, GroupSummary,
};
use openai_admin_wasm::groups::users::{
    GroupUserCreateParams, GroupUserCreateResponse, GroupUserDeleteResponse, GroupUserList,
    GroupUserRetrieveResponse, OrganizationGroupUser,
};
use openai_admin_wasm::groups::{
    Group, GroupCreateParams, GroupDeleteResponse, GroupList, GroupUpdateParams,
    GroupUpdateResponse,
};
use openai_admin_wasm::params::ListParams;
use openai_admin_wasm::roles::{
    AssignedRoleDetails, AssignedRoleList, Role, RoleAssignmentDeleteResponse, RoleCreateParams,
    RoleDeleteResponse, RoleList, RoleUpdateParams,
};
use openai_admin_wasm::users::roles::{UserRoleCreateParams, UserRoleCreateResponse};
use openai_admin_wasm::users::{
    OrganizationUser, UserDeleteResponse, UserList, UserListParams, UserUpdateParams,
};

#[path = "common.rs"]
mod common;
use common::agree;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    agree::<GroupList>(text);
    agree::<GroupUserList>(text);
    agree::<RoleList>(text);
    agree::<AssignedRoleList>(text);
    agree::<UserList>(text);

    agree::<Group>(text);
    agree::<GroupUpdateResponse>(text);
    agree::<GroupDeleteResponse>(text);
    agree::<OrganizationGroupUser>(text);
    agree::<GroupUserCreateResponse>(text);
    agree::<GroupUserRetrieveResponse>(text);
    agree::<GroupUserDeleteResponse>(text);
    agree::<GroupSummary>(text);
    agree::<GroupRoleCreateResponse>(text);
    agree::<Role>(text);
    agree::<RoleDeleteResponse>(text);
    agree::<AssignedRoleDetails>(text);
    agree::<RoleAssignmentDeleteResponse>(text);
    agree::<OrganizationUser>(text);
    agree::<UserDeleteResponse>(text);
    agree::<UserRoleCreateResponse>(text);

    agree::<ListParams>(text);
    agree::<UserListParams>(text);
    agree::<GroupCreateParams>(text);
    agree::<GroupUpdateParams>(text);
    agree::<GroupUserCreateParams>(text);
    agree::<GroupRoleCreateParams>(text);
    agree::<UserRoleCreateParams>(text);
    agree::<RoleCreateParams>(text);
    agree::<RoleUpdateParams>(text);
    agree::<UserUpdateParams>(text);
});
