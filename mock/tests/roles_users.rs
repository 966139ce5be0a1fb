//! Roles, organization users and user role assignments.

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use common::Mock;
use serde_json::{json, Value};

const G: &str = "/v1/organization/groups";
const U: &str = "/v1/organization/users";
const R: &str = "/v1/organization/roles";

#[test]
fn roles_crud_and_rules() {
    let m = Mock::start(&[]);
    let list = m.get(R).json();
    assert_eq!(list["object"], "list");
    let names: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(names.starts_with(&["Owner", "Reader"]), "{names:?}");
    let owner = &list["data"][0];
    assert_eq!(owner["predefined_role"], true);
    assert_eq!(owner["resource_type"], "api.organization");
    assert_eq!(owner["object"], "role");

    let body = json!({ "role_name": "Group Editor", "permissions": ["api.groups.read", "api.groups.write"], "description": "Edits groups" });
    let r = m.post(R, body.clone()).json();
    assert_eq!(r["object"], "role");
    assert_eq!(
        r["name"], "Group Editor",
        "responses say name, bodies say role_name"
    );
    assert_eq!(
        r["permissions"],
        json!(["api.groups.read", "api.groups.write"])
    );
    assert_eq!(r["predefined_role"], false);
    let id = r["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("role_"));
    assert_eq!(
        m.post(R, body).error(400)["param"],
        "role_name",
        "names are unique"
    );

    assert_eq!(
        m.get(&format!("{R}/{id}")).json()["description"],
        "Edits groups"
    );
    let up = m
        .post(
            &format!("{R}/{id}"),
            json!({ "role_name": "Group Admin", "permissions": ["api.groups.write"] }),
        )
        .json();
    assert_eq!(up["name"], "Group Admin");
    assert_eq!(up["permissions"], json!(["api.groups.write"]));
    assert_eq!(up["description"], "Edits groups", "absent fields stay");
    assert_eq!(
        m.post(&format!("{R}/{id}"), json!({})).json()["name"],
        "Group Admin"
    );
    assert_eq!(
        m.post(&format!("{R}/{id}"), json!({ "role_name": "Owner" }))
            .error(400)["param"],
        "role_name"
    );

    let page = m.get(&format!("{R}?limit=2")).json();
    assert_eq!(page["has_more"], true);
    let desc = m.ids(&format!("{R}?order=desc&limit=1"));
    assert_eq!(desc, vec![id.clone()]);

    let e = m
        .post(
            &format!("{R}/{}", owner["id"].as_str().unwrap()),
            json!({ "description": "x" }),
        )
        .error(400);
    assert!(e["message"].as_str().unwrap().contains("predefined"));
    m.delete(&format!("{R}/{}", owner["id"].as_str().unwrap()))
        .error(400);

    assert_eq!(
        m.delete(&format!("{R}/{id}")).json(),
        json!({ "object": "role.deleted", "id": id, "deleted": true })
    );
    m.get(&format!("{R}/{id}")).error(404);
    m.delete(&format!("{R}/{id}")).error(404);
    m.post(&format!("{R}/{id}"), json!({ "role_name": "x" }))
        .error(404);
}

#[test]
fn role_validation() {
    let m = Mock::start(&[]);
    assert_eq!(
        m.post(R, json!({ "permissions": [] })).error(400)["param"],
        "role_name"
    );
    assert_eq!(
        m.post(R, json!({ "role_name": "x" })).error(400)["param"],
        "permissions"
    );
    assert_eq!(
        m.post(
            R,
            json!({ "role_name": "x", "permissions": "api.groups.read" })
        )
        .error(400)["param"],
        "permissions"
    );
    assert_eq!(
        m.post(R, json!({ "role_name": "", "permissions": [] }))
            .error(400)["param"],
        "role_name"
    );
    assert_eq!(
        m.post(
            R,
            json!({ "role_name": "x", "permissions": [], "description": 3 })
        )
        .error(400)["param"],
        "description"
    );
    assert_eq!(
        m.get(&format!("{R}?limit=1001")).error(400)["param"],
        "limit"
    );
    assert_eq!(
        m.get(&format!("{R}?order=random")).error(400)["param"],
        "order"
    );
}

#[test]
fn deleting_a_custom_role_unassigns_it_everywhere() {
    let m = Mock::start(&[]);
    let role = m
        .post(
            R,
            json!({ "role_name": "Temp", "permissions": ["api.users.read"] }),
        )
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let g = m.ids(G)[0].clone();
    let u = m.ids(U)[0].clone();
    m.post(&format!("{G}/{g}/roles"), json!({ "role_id": role }));
    m.post(&format!("{U}/{u}/roles"), json!({ "role_id": role }));
    assert_eq!(m.get(&format!("{G}/{g}/roles/{role}")).status, 200);
    m.delete(&format!("{R}/{role}"));
    let in_group = m.ids(&format!("{G}/{g}/roles"));
    assert!(!in_group.contains(&role));
    let on_user = m.ids(&format!("{U}/{u}/roles"));
    assert!(!on_user.contains(&role));
    m.get(&format!("{U}/{u}/roles/{role}")).error(404);
}

#[test]
fn users_list_shape_pagination_and_emails_filter() {
    let m = Mock::start(&[]);
    let page = m.get(U).json();
    assert_eq!(page["object"], "list");
    let data = page["data"].as_array().unwrap();
    assert_eq!(data.len(), 20, "default limit is 20");
    assert!(page.get("next").is_none());
    assert_eq!(page["first_id"], data[0]["id"]);
    assert_eq!(page["last_id"], data[19]["id"]);
    assert_eq!(page["has_more"], true);
    let u = &data[0];
    assert_eq!(u["object"], "organization.user");
    assert_eq!(u["role"], "owner");
    assert!(u["added_at"].is_i64());

    let mut all = Vec::new();
    let mut after = String::new();
    loop {
        let p = m.get(&format!("{U}?limit=7{after}")).json();
        all.extend(
            p["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["id"].as_str().unwrap().to_owned()),
        );
        if p["has_more"] == false {
            break;
        }
        after = format!("&after={}", p["last_id"].as_str().unwrap());
    }
    assert!(all.len() >= 40);
    let mut sorted = all.clone();
    sorted.dedup();
    assert_eq!(sorted.len(), all.len());
    let everyone = m.get(&format!("{U}?limit=100")).json();
    let bots: Vec<&Value> = everyone["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["is_service_account"] == true)
        .collect();
    assert_eq!(bots.len(), 1);
    assert!(everyone["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["role"] == "reader"));

    let a = "ada.lovelace@example.com";
    let b = "grace.hopper@example.com";
    for q in [
        format!("emails[]={a}&emails[]={b}"),
        format!("emails={a}&emails={b}"),
        format!("emails%5B%5D={a}&emails%5B%5D={b}"),
    ] {
        let r = m.get(&format!("{U}?{q}")).json();
        let emails: Vec<&str> = r["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["email"].as_str().unwrap())
            .collect();
        assert_eq!(emails, vec![a, b], "{q}");
    }
    let none = m.get(&format!("{U}?emails=nobody@example.com")).json();
    assert_eq!(none["data"], json!([]));
    assert_eq!(none["first_id"], Value::Null);
    assert_eq!(none["has_more"], false);

    assert_eq!(m.get(&format!("{U}?limit=0")).error(400)["param"], "limit");
    assert_eq!(
        m.get(&format!("{U}?limit=101")).error(400)["param"],
        "limit"
    );
}

#[test]
fn users_retrieve_modify_delete() {
    let m = Mock::start(&[]);
    let ids = m.ids(&format!("{U}?limit=100"));
    let u = ids[10].clone();
    let got = m.get(&format!("{U}/{u}")).json();
    assert_eq!(got["id"], u.as_str());
    assert_eq!(got["role"], "reader");

    let up = m
        .post(&format!("{U}/{u}"), json!({ "role": "owner" }))
        .json();
    assert_eq!(up["role"], "owner");
    assert_eq!(m.get(&format!("{U}/{u}")).json()["role"], "owner");
    let up = m
        .post(
            &format!("{U}/{u}"),
            json!({ "technical_level": "expert", "developer_persona": "builder" }),
        )
        .json();
    assert_eq!(up["technical_level"], "expert");
    assert_eq!(up["role"], "owner");
    let reader = m.id_named("/v1/organization/roles", "Reader");
    assert_eq!(
        m.post(&format!("{U}/{u}"), json!({ "role_id": reader }))
            .json()["role"],
        "reader"
    );
    // `member` (the operation's text) reads as `reader`; see tolerance.rs.
    assert_eq!(
        m.post(&format!("{U}/{u}"), json!({ "role": "admin" }))
            .error(400)["param"],
        "role"
    );
    assert_eq!(
        m.post(&format!("{U}/{u}"), json!({ "role": 1 })).error(400)["param"],
        "role"
    );
    assert_eq!(m.post(&format!("{U}/{u}"), json!({})).status, 200);
    m.post(&format!("{U}/{u}"), json!({ "role_id": "role_nope" }))
        .error(404);
    m.post(&format!("{U}/user_nope"), json!({ "role": "owner" }))
        .error(404);

    // Deleting a user drops their memberships and role assignments.
    let groups: Vec<String> = m.ids(&format!("{G}?limit=100"));
    let g = groups[0].clone();
    m.post(&format!("{G}/{g}/users"), json!({ "user_id": u }));
    let role = m.id_named("/v1/organization/roles", "User Auditor");
    m.post(&format!("{U}/{u}/roles"), json!({ "role_id": role }));
    let del = m.delete(&format!("{U}/{u}")).json();
    assert_eq!(
        del,
        json!({ "object": "organization.user.deleted", "id": u, "deleted": true })
    );
    m.get(&format!("{U}/{u}")).error(404);
    m.delete(&format!("{U}/{u}")).error(404);
    assert!(!m.ids(&format!("{G}/{g}/users?limit=1000")).contains(&u));
    m.get(&format!("{G}/{g}/users/{u}")).error(404);
    m.post(&format!("{G}/{g}/users"), json!({ "user_id": u }))
        .error(404);
    assert!(!m.ids(&format!("{U}?limit=100")).contains(&u));
}

#[test]
fn user_roles_assign_list_retrieve_unassign() {
    let m = Mock::start(&[]);
    let u = m.ids(&format!("{U}?limit=100"))[20].clone();
    assert!(m.ids(&format!("{U}/{u}/roles")).is_empty());
    let roles: Vec<String> = m.ids(R);
    for r in &roles[..3] {
        let a = m
            .post(&format!("{U}/{u}/roles"), json!({ "role_id": r }))
            .json();
        assert_eq!(a["object"], "user.role");
        assert_eq!(a["user"]["object"], "organization.user");
        assert_eq!(a["user"]["id"], u.as_str());
        assert_eq!(a["role"]["id"], r.as_str());
    }
    assert_eq!(
        m.post(&format!("{U}/{u}/roles"), json!({ "role_id": roles[0] }))
            .status,
        200
    );
    assert_eq!(m.ids(&format!("{U}/{u}/roles")), roles[..3]);
    let p = m.get(&format!("{U}/{u}/roles?limit=2&order=desc")).json();
    assert_eq!(p["has_more"], true);
    assert_eq!(p["next"], roles[1].as_str());
    assert_eq!(
        m.ids(&format!("{U}/{u}/roles?order=desc&after={}", roles[1])),
        vec![roles[0].clone()]
    );

    let d = m.get(&format!("{U}/{u}/roles/{}", roles[2])).json();
    assert_eq!(d["id"], roles[2].as_str());
    assert!(d.get("assignment_sources").is_some() && d.get("metadata").is_some());
    let del = m.delete(&format!("{U}/{u}/roles/{}", roles[2])).json();
    assert_eq!(
        del,
        json!({ "object": "user.role.deleted", "deleted": true })
    );
    m.get(&format!("{U}/{u}/roles/{}", roles[2])).error(404);
    m.delete(&format!("{U}/{u}/roles/{}", roles[2])).error(404);

    m.post(&format!("{U}/{u}/roles"), json!({ "role_id": "role_nope" }))
        .error(404);
    m.post(
        &format!("{U}/user_nope/roles"),
        json!({ "role_id": roles[0] }),
    )
    .error(404);
    m.get(&format!("{U}/user_nope/roles")).error(404);
    assert_eq!(
        m.post(&format!("{U}/{u}/roles"), json!({})).error(400)["param"],
        "role_id"
    );
    assert_eq!(
        m.get(&format!("{U}/{u}/roles?limit=x")).error(400)["param"],
        "limit"
    );
}
