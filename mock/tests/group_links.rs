//! Group members and group role assignments, and what deletes do to them.

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use common::Mock;
use serde_json::{json, Value};

const G: &str = "/v1/organization/groups";
const U: &str = "/v1/organization/users";
const R: &str = "/v1/organization/roles";

fn new_group(m: &Mock, name: &str) -> String {
    m.post(G, json!({ "name": name })).json()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn members_add_list_retrieve_remove() {
    let m = Mock::start(&[]);
    let g = new_group(&m, "Crew");
    let users = m.ids(&format!("{U}?limit=5"));
    for u in &users {
        let r = m.post(&format!("{G}/{g}/users"), json!({ "user_id": u }));
        assert_eq!(
            r.json(),
            json!({ "object": "group.user", "user_id": u, "group_id": g })
        );
    }
    // Adding twice is accepted and does not duplicate.
    assert_eq!(
        m.post(&format!("{G}/{g}/users"), json!({ "user_id": users[0] }))
            .status,
        200
    );

    // Default order is desc.
    let listed = m.ids(&format!("{G}/{g}/users"));
    let mut expect = users.clone();
    expect.reverse();
    assert_eq!(listed, expect);
    let page = m.get(&format!("{G}/{g}/users?limit=2&order=asc")).json();
    assert_eq!(page["has_more"], true);
    assert_eq!(page["next"], users[1].as_str());
    let item = &page["data"][0];
    assert_eq!(item["id"], users[0].as_str());
    assert!(item["name"].is_string() && item.get("email").is_some());
    let rest = m.ids(&format!("{G}/{g}/users?order=asc&after={}", users[1]));
    assert_eq!(rest, users[2..]);
    let desc = m.ids(&format!("{G}/{g}/users?limit=2&after={}", users[3]));
    assert_eq!(desc, vec![users[2].clone(), users[1].clone()]);

    let one = m.get(&format!("{G}/{g}/users/{}", users[2])).json();
    assert_eq!(one["id"], users[2].as_str());
    assert_eq!(one["user_type"], "user");
    assert_eq!(one["picture"], Value::Null);
    assert_eq!(one["is_service_account"], false);

    let del = m.delete(&format!("{G}/{g}/users/{}", users[2])).json();
    assert_eq!(
        del,
        json!({ "object": "group.user.deleted", "deleted": true })
    );
    m.get(&format!("{G}/{g}/users/{}", users[2])).error(404);
    m.delete(&format!("{G}/{g}/users/{}", users[2])).error(404);
    assert_eq!(m.ids(&format!("{G}/{g}/users")).len(), 4);
}

#[test]
fn member_errors() {
    let m = Mock::start(&[]);
    let g = new_group(&m, "Crew");
    let e = m
        .post(&format!("{G}/{g}/users"), json!({ "user_id": "user_nope" }))
        .error(404);
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains("No user found with id 'user_nope'"));
    assert_eq!(
        m.post(&format!("{G}/{g}/users"), json!({})).error(400)["param"],
        "user_id"
    );
    m.post(&format!("{G}/group_nope/users"), json!({ "user_id": "x" }))
        .error(404);
    m.get(&format!("{G}/group_nope/users")).error(404);
    assert_eq!(
        m.get(&format!("{G}/{g}/users?limit=5000")).error(400)["param"],
        "limit"
    );
    assert_eq!(
        m.get(&format!("{G}/{g}/users?order=sideways")).error(400)["param"],
        "order"
    );
    let u = m.ids(&format!("{U}?limit=1"))[0].clone();
    let e = m.get(&format!("{G}/{g}/users/{u}")).error(404);
    assert!(e["message"].as_str().unwrap().contains("not a member"));
}

#[test]
fn group_roles_assign_list_retrieve_unassign() {
    let m = Mock::start(&[]);
    let g = new_group(&m, "Crew");
    let role = m.id_named(R, "User Auditor");
    let a = m
        .post(&format!("{G}/{g}/roles"), json!({ "role_id": role }))
        .json();
    assert_eq!(a["object"], "group.role");
    assert_eq!(a["group"]["object"], "group");
    assert_eq!(a["group"]["id"], g.as_str());
    assert_eq!(
        a["group"]["scim_managed"], false,
        "the Group summary says scim_managed"
    );
    assert!(a["group"].get("is_scim_managed").is_none());
    assert_eq!(a["role"]["object"], "role");
    assert_eq!(a["role"]["name"], "User Auditor");
    assert_eq!(
        m.post(&format!("{G}/{g}/roles"), json!({ "role_id": role }))
            .status,
        200
    );

    let owner = m.id_named(R, "Owner");
    m.post(&format!("{G}/{g}/roles"), json!({ "role_id": owner }));
    let list = m.get(&format!("{G}/{g}/roles")).json();
    assert_eq!(list["object"], "list");
    assert_eq!(list["data"].as_array().unwrap().len(), 2);
    let page = m.get(&format!("{G}/{g}/roles?limit=1")).json();
    assert_eq!(page["has_more"], true);
    let next = page["next"].as_str().unwrap();
    let page2 = m.get(&format!("{G}/{g}/roles?limit=1&after={next}")).json();
    assert_eq!(page2["has_more"], false);
    assert_ne!(page2["data"][0]["id"], page["data"][0]["id"]);

    let d = m.get(&format!("{G}/{g}/roles/{role}")).json();
    for key in [
        "id",
        "name",
        "permissions",
        "resource_type",
        "predefined_role",
        "description",
        "created_at",
        "updated_at",
        "created_by",
        "created_by_user_obj",
        "metadata",
        "assignment_sources",
    ] {
        assert!(d.get(key).is_some(), "AssignedRoleDetails lacks {key}: {d}");
    }
    assert_eq!(d["created_by_user_obj"]["name"], "Ada Lovelace");

    let del = m.delete(&format!("{G}/{g}/roles/{role}")).json();
    assert_eq!(
        del,
        json!({ "object": "group.role.deleted", "deleted": true })
    );
    m.get(&format!("{G}/{g}/roles/{role}")).error(404);
    m.delete(&format!("{G}/{g}/roles/{role}")).error(404);
    let e = m
        .post(&format!("{G}/{g}/roles"), json!({ "role_id": "role_nope" }))
        .error(404);
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains("No role found with id 'role_nope'"));
    assert_eq!(
        m.post(&format!("{G}/{g}/roles"), json!({ "role": "x" }))
            .error(400)["param"],
        "role_id"
    );
    assert_eq!(
        m.get(&format!("{G}/{g}/roles?order=x")).error(400)["param"],
        "order"
    );
}

#[test]
fn deleting_a_group_drops_its_links() {
    let m = Mock::start(&[]);
    let g = new_group(&m, "Doomed");
    let u = m.ids(&format!("{U}?limit=1"))[0].clone();
    let role = m.id_named(R, "Billing Viewer");
    m.post(&format!("{G}/{g}/users"), json!({ "user_id": u }));
    m.post(&format!("{G}/{g}/roles"), json!({ "role_id": role }));
    m.delete(&format!("{G}/{g}"));
    m.get(&format!("{G}/{g}/users")).error(404);
    m.get(&format!("{G}/{g}/roles")).error(404);
    // A role that was assigned to the deleted group can be deleted cleanly, and the user remains.
    assert_eq!(m.get(&format!("{U}/{u}")).status, 200);
    assert_eq!(m.delete(&format!("{R}/{role}")).status, 200);
}
