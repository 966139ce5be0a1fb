//! Arbitrary text as a list page: the cursor read by `validate_page` is what serde reads, and
//! following it builds a valid next request (through the operation table) whose `after` is
//! exactly that cursor; `next_after` never continues without `has_more` and a non-empty cursor,
//! nor past an empty page of a list that ends on one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openai_admin_wasm::groups::users::GroupUserList;
use openai_admin_wasm::groups::GroupList;
use openai_admin_wasm::ops::{build, Operation, OPERATIONS};
use openai_admin_wasm::pagination::next_after;
use openai_admin_wasm::request::push_json_string;
use openai_admin_wasm::roles::{AssignedRoleList, RoleList};
use openai_admin_wasm::schema::{validate_page, PageInfo};
use openai_admin_wasm::users::UserList;
use openai_admin_wasm::ApiRequest;

#[path = "common.rs"]
mod common;

/// The request for the page after `page` carries exactly its cursor as `after`.
fn follows(page: &PageInfo, next: impl Fn(String) -> ApiRequest) {
    let after = next_after(page);
    assert_eq!(
        after.is_some(),
        page.has_more
            && !(page.ends_on_empty_page && page.len == 0)
            && page.cursor.as_deref().is_some_and(|c| !c.is_empty())
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

/// The request of list `op` for the page after cursor `after`.
fn next_request(op: &Operation, after: String) -> ApiRequest {
    let mut params = String::from("{\"limit\":10,\"after\":");
    push_json_string(&mut params, &after);
    params.push('}');
    build(op, op.positional().map(|_| "parent_1"), Some(&params)).expect("a next page request")
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

    for op in OPERATIONS {
        let Some(cursor) = op.cursor else { continue };
        if let Ok(page) = validate_page(op.result, text, cursor) {
            follows(&page, |a| next_request(op, a));
        }
    }

    // Any page shape, including ones no schema produces.
    if let [has_more, len, cursor @ ..] = data {
        let page = PageInfo {
            has_more: has_more & 1 == 1,
            len: usize::from(*len),
            cursor: (len & 1 == 1).then(|| String::from_utf8_lossy(cursor).into_owned()),
            ends_on_empty_page: has_more & 2 == 2,
        };
        let groups = OPERATIONS.iter().find(|op| op.name == "groups.list").expect("groups.list");
        follows(&page, |a| next_request(groups, a));
    }
});
