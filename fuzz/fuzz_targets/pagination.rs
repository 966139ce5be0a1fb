//! Arbitrary text as a list page: the cursor read by `validate_page` is what serde reads, and
//! following it builds a valid next request whose `after` is exactly that cursor; `next_after`
//! never continues without `has_more`, items and a non-empty cursor.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::groups::users::GroupUserList;
use openai_admin_wasm::groups::GroupList;
use openai_admin_wasm::pagination::next_after;
use openai_admin_wasm::params::ListParams;
use openai_admin_wasm::roles::{AssignedRoleList, RoleList};
use openai_admin_wasm::schema::{validate_page, Model, PageInfo};
use openai_admin_wasm::users::{self, UserList, UserListParams};
use openai_admin_wasm::{groups, roles, ApiRequest};

#[path = "common.rs"]
mod common;

/// The request for the page after `page` carries exactly its cursor as `after`.
fn follows(page: &PageInfo, next: impl Fn(String) -> ApiRequest) {
    let after = next_after(page);
    assert_eq!(
        after.is_some(),
        page.has_more && page.len > 0 && page.cursor.as_deref().is_some_and(|c| !c.is_empty())
    );
    if let Some(after) = after {
        let request = next(after.clone());
        let pairs: Vec<_> = request.query.iter().filter(|(k, _)| k == "after").collect();
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].1, after);
        let url = request.url("http://127.0.0.1:1/v1/");
        let query = url.split_once('?').map_or("", |(_, q)| q);
        assert!(!query.contains(['#', ' ', '/', '?']), "{url}");
    }
}

fn list(after: String) -> ListParams {
    ListParams {
        after: Some(after),
        limit: Some(10),
        order: None,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    common::agree_page::<GroupList>(text, "next");
    common::agree_page::<GroupUserList>(text, "next");
    common::agree_page::<RoleList>(text, "next");
    common::agree_page::<AssignedRoleList>(text, "next");
    common::agree_page::<UserList>(text, "last_id");

    if let Ok(page) = validate_page(GroupList::SCHEMA, text, "next") {
        follows(&page, |a| {
            groups::list(&list(a)).expect("a next groups request")
        });
    }
    if let Ok(page) = validate_page(GroupUserList::SCHEMA, text, "next") {
        follows(&page, |a| {
            groups::users::list("group_1", &list(a)).expect("a next members request")
        });
    }
    if let Ok(page) = validate_page(RoleList::SCHEMA, text, "next") {
        follows(&page, |a| {
            roles::list(&list(a)).expect("a next roles request")
        });
    }
    if let Ok(page) = validate_page(AssignedRoleList::SCHEMA, text, "next") {
        follows(&page, |a| {
            users::roles::list("user_1", &list(a)).expect("a next user roles request")
        });
    }
    if let Ok(page) = validate_page(UserList::SCHEMA, text, "last_id") {
        follows(&page, |a| {
            users::list(&UserListParams {
                after: Some(a),
                limit: Some(10),
                emails: None,
            })
            .expect("a next users request")
        });
    }

    // Any page shape, including ones no schema produces.
    if let [has_more, len, cursor @ ..] = data {
        let page = PageInfo {
            has_more: has_more & 1 == 1,
            len: usize::from(*len),
            cursor: (len & 1 == 1).then(|| String::from_utf8_lossy(cursor).into_owned()),
        };
        follows(&page, |a| {
            groups::list(&list(a)).expect("a next groups request")
        });
    }
});
