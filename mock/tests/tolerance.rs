//! Where the spec says more than the schemas: the example answer shapes (`--shapes examples`),
//! roles inherited through groups, `null` clearing a nullable field, unknown `after` cursors,
//! `limit` outside the stated range, and requests a careful client sends as the caller gave them
//! (enum values outside the spec, empty update bodies, unknown fields).

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use common::Mock;
use serde_json::{json, Value};

const G: &str = "/v1/organization/groups";
const U: &str = "/v1/organization/users";
const R: &str = "/v1/organization/roles";

/// The sorted keys of a JSON object.
fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

fn strs(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn example_shapes_leave_out_what_the_examples_leave_out() {
    let m = Mock::start(&["--shapes", "examples"]);
    let group_fields = ["id", "name", "created_at", "is_scim_managed"];
    let page = m.get(&format!("{G}?limit=2")).json();
    assert_eq!(page["object"], "list");
    let listed = &page["data"][0];
    assert_eq!(
        keys(listed),
        strs(&[&group_fields[..], &["object"]].concat())
    );
    assert!(listed.get("group_type").is_none());

    let created = m.post(G, json!({ "name": "Shapes" })).json();
    assert_eq!(
        keys(&created),
        strs(&[&group_fields[..], &["object"]].concat())
    );
    let id = created["id"].as_str().unwrap();
    let got = m.get(&format!("{G}/{id}")).json();
    assert_eq!(
        keys(&got),
        strs(&[&group_fields[..], &["group_type"]].concat())
    );
    assert_eq!(got["group_type"], "group");
    let updated = m
        .post(&format!("{G}/{id}"), json!({ "name": "Shapes 2" }))
        .json();
    assert_eq!(keys(&updated), strs(&group_fields));
    assert_eq!(updated["name"], "Shapes 2");

    let user_fields = strs(&["object", "id", "name", "email", "role", "added_at"]);
    let users = m.get(&format!("{U}?limit=3")).json();
    assert_eq!(keys(&users["data"][0]), user_fields);
    assert!(users["first_id"].is_string() && users["last_id"].is_string());
    let uid = users["data"][2]["id"].as_str().unwrap().to_owned();
    assert_eq!(keys(&m.get(&format!("{U}/{uid}")).json()), user_fields);
    let modified = m.post(&format!("{U}/{uid}"), json!({ "role": "reader" }));
    assert_eq!(keys(&modified.json()), user_fields);

    // Group role lists leave out a null `assignment_sources`, as the list example does; the
    // retrieve example has it.
    let engineering = m.id_named(&format!("{G}?limit=100"), "Engineering");
    let roles = m.get(&format!("{G}/{engineering}/roles")).json();
    let first = &roles["data"][0];
    assert!(first.get("assignment_sources").is_none(), "{first}");
    let rid = first["id"].as_str().unwrap();
    let one = m.get(&format!("{G}/{engineering}/roles/{rid}")).json();
    assert_eq!(one["assignment_sources"], Value::Null);

    let custom = m.id_named(R, "Billing Viewer");
    let assigned = m
        .post(&format!("{U}/{uid}/roles"), json!({ "role_id": custom }))
        .json();
    assert_eq!(keys(&assigned["user"]), user_fields);
}

#[test]
fn full_shapes_stay_the_default() {
    let m = Mock::start(&[]);
    let g = &m.get(&format!("{G}?limit=1")).json()["data"][0];
    assert_eq!(g["group_type"], "group");
    assert_eq!(g["object"], "group");
    let u = &m.get(&format!("{U}?limit=1")).json()["data"][0];
    assert!(u.get("is_service_account").is_some());
}

#[test]
fn roles_inherited_through_groups_carry_assignment_sources() {
    // The empty seed plus two synthetic users (with no group of their own: `--groups 0`).
    let m = Mock::start(&["--seed", "empty", "--users", "2"]);
    let uid = m.ids(&format!("{U}?limit=1"))[0].clone();
    let create = |path: &str, body: Value| {
        let r = m.post(path, body);
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        r.json()["id"].as_str().unwrap().to_owned()
    };
    let g1 = create(G, json!({ "name": "One" }));
    let g2 = create(G, json!({ "name": "Two" }));
    let role = |name: &str| create(R, json!({ "role_name": name, "permissions": [] }));
    let (shared, direct, via_group) = (role("Shared"), role("Direct"), role("Via group"));
    for g in [&g1, &g2] {
        assert_eq!(
            m.post(&format!("{G}/{g}/users"), json!({ "user_id": uid }))
                .status,
            200
        );
    }
    for (g, r) in [(&g1, &shared), (&g2, &shared), (&g2, &via_group)] {
        assert_eq!(
            m.post(&format!("{G}/{g}/roles"), json!({ "role_id": r }))
                .status,
            200
        );
    }
    for r in [&shared, &direct] {
        assert_eq!(
            m.post(&format!("{U}/{uid}/roles"), json!({ "role_id": r }))
                .status,
            200
        );
    }

    let list = m.get(&format!("{U}/{uid}/roles")).json();
    let data = list["data"].as_array().unwrap();
    let by_id = |id: &str| data.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(data.len(), 3, "each role once: {list}");
    assert_eq!(by_id(&direct)["assignment_sources"], Value::Null);
    assert_eq!(
        by_id(&shared)["assignment_sources"],
        json!([
            { "principal_id": uid, "principal_type": "user" },
            { "principal_id": g1, "principal_type": "group" },
            { "principal_id": g2, "principal_type": "group" },
        ])
    );
    assert_eq!(
        by_id(&via_group)["assignment_sources"],
        json!([{ "principal_id": g2, "principal_type": "group" }])
    );

    // Pages over the union, in role id order.
    let first = m.get(&format!("{U}/{uid}/roles?limit=2")).json();
    assert_eq!(first["has_more"], true);
    let next = first["next"].as_str().unwrap();
    let rest = m.ids(&format!("{U}/{uid}/roles?after={next}"));
    assert_eq!(rest.len(), 1);

    // Retrieve finds an inherited role; delete removes direct assignments only.
    let got = m.get(&format!("{U}/{uid}/roles/{via_group}")).json();
    assert_eq!(got["assignment_sources"][0]["principal_id"], g2.as_str());
    let refused = m.delete(&format!("{U}/{uid}/roles/{via_group}")).error(404);
    assert!(
        refused["message"].as_str().unwrap().contains(&g2),
        "{refused}"
    );
    assert_eq!(m.delete(&format!("{U}/{uid}/roles/{shared}")).status, 200);
    let still = m.get(&format!("{U}/{uid}/roles/{shared}")).json();
    assert_eq!(
        still["assignment_sources"],
        json!([
            { "principal_id": g1, "principal_type": "group" },
            { "principal_id": g2, "principal_type": "group" },
        ])
    );

    // Leaving a group drops what it gave.
    assert_eq!(m.delete(&format!("{G}/{g2}/users/{uid}")).status, 200);
    let ids = m.ids(&format!("{U}/{uid}/roles"));
    assert!(!ids.contains(&via_group));
    assert!(ids.contains(&shared) && ids.contains(&direct));
    m.get(&format!("{U}/{uid}/roles/{via_group}")).error(404);
}

#[test]
fn null_clears_a_role_description_and_empty_bodies_change_nothing() {
    let m = Mock::start(&[]);
    let r = m
        .post(
            R,
            json!({ "role_name": "Nullable", "permissions": ["a.b"], "description": "text" }),
        )
        .json();
    let id = r["id"].as_str().unwrap();
    let same = m.post(&format!("{R}/{id}"), json!({})).json();
    assert_eq!(same["description"], "text");
    assert_eq!(same["name"], "Nullable");
    let cleared = m
        .post(&format!("{R}/{id}"), json!({ "description": null }))
        .json();
    assert_eq!(cleared["description"], Value::Null);
    assert_eq!(
        m.get(&format!("{R}/{id}")).json()["description"],
        Value::Null
    );
    // `role_name` and `permissions` cannot be null in a role: null leaves them as they are.
    let kept = m
        .post(
            &format!("{R}/{id}"),
            json!({ "role_name": null, "permissions": null, "color": "red" }),
        )
        .json();
    assert_eq!(kept["name"], "Nullable");
    assert_eq!(kept["permissions"], json!(["a.b"]));
    assert!(kept.get("color").is_none());

    let uid = m.ids(&format!("{U}?limit=20"))[12].clone();
    let before = m.get(&format!("{U}/{uid}")).json();
    let same = m.post(&format!("{U}/{uid}"), json!({}));
    assert_eq!(same.status, 200, "{}", same.text());
    assert_eq!(same.json(), before);
    let set = m
        .post(
            &format!("{U}/{uid}"),
            json!({ "technical_level": "expert", "unknown_field": 1 }),
        )
        .json();
    assert_eq!(set["technical_level"], "expert");
    let cleared = m
        .post(&format!("{U}/{uid}"), json!({ "technical_level": null }))
        .json();
    assert_eq!(cleared["technical_level"], Value::Null);
}

#[test]
fn users_update_reads_member_as_reader_and_refuses_other_roles() {
    let m = Mock::start(&[]);
    let uid = m.ids(&format!("{U}?limit=20"))[0].clone();
    assert_eq!(m.get(&format!("{U}/{uid}")).json()["role"], "owner");
    let up = m
        .post(&format!("{U}/{uid}"), json!({ "role": "member" }))
        .json();
    assert_eq!(up["role"], "reader");
    let e = m
        .post(&format!("{U}/{uid}"), json!({ "role": "admin" }))
        .error(400);
    assert_eq!(e["param"], "role");
    assert_eq!(
        m.post(&format!("{U}/{uid}"), json!({ "role": 1 }))
            .error(400)["param"],
        "role"
    );
}

#[test]
fn unknown_body_and_query_fields_are_ignored() {
    let m = Mock::start(&[]);
    let g = m
        .post(
            G,
            json!({ "name": "Extra", "description": "not in the spec", "tags": ["x"] }),
        )
        .json();
    assert_eq!(g["name"], "Extra");
    assert!(g.get("description").is_none());
    let page = m.get(&format!("{G}?limit=1&color=red&include[]=x")).json();
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    let users = m.get(&format!("{U}?limit=2&flavour=mint")).json();
    assert_eq!(users["data"].as_array().unwrap().len(), 2);
}

#[test]
fn unknown_after_cursors_are_a_400_naming_after() {
    let m = Mock::start(&[]);
    let gid = m.ids(&format!("{G}?limit=1"))[0].clone();
    let uid = m.ids(&format!("{U}?limit=1"))[0].clone();
    for path in [
        format!("{G}?after=group_nope"),
        format!("{G}?after=group_nope&order=desc"),
        format!("{G}/{gid}/users?after=user_nope"),
        format!("{G}/{gid}/roles?after=role_nope"),
        format!("{R}?after=role_nope"),
        format!("{U}?after=user_nope"),
        format!("{U}?after=user_nope&emails=ada.lovelace@example.com"),
        format!("{U}/{uid}/roles?after=role_nope"),
        // An id of another kind names nothing in this list either.
        format!("{G}?after={uid}"),
    ] {
        let e = m.get(&path).error(400);
        assert_eq!(e["param"], "after", "{path}");
        assert_eq!(e["code"], "invalid_cursor", "{path}");
        assert!(
            e["message"]
                .as_str()
                .unwrap()
                .starts_with("Invalid 'after'"),
            "{path}: {e}"
        );
    }
    // A deleted group's id is unknown too.
    let doomed = m.post(G, json!({ "name": "Doomed" })).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(m.get(&format!("{G}?after={doomed}")).status, 200);
    assert_eq!(m.delete(&format!("{G}/{doomed}")).status, 200);
    m.get(&format!("{G}?after={doomed}")).error(400);
    // A known user that is not a member of the group is a place in the member list.
    let other = m.ids(&format!("{U}?limit=100"))[44].clone();
    assert_eq!(m.get(&format!("{G}/{gid}/users?after={other}")).status, 200);
    // An empty `after` is no cursor.
    assert_eq!(m.get(&format!("{G}?after=")).status, 200);
}

#[test]
fn limits_outside_the_range_are_refused_as_the_api_words_it() {
    let m = Mock::start(&[]);
    for (path, code) in [
        (format!("{U}?limit=0"), "integer_below_min_value"),
        (format!("{U}?limit=500"), "integer_above_max_value"),
        (format!("{U}?limit=101"), "integer_above_max_value"),
        (format!("{G}?limit=1001"), "integer_above_max_value"),
        (format!("{G}?limit=-1"), "integer_below_min_value"),
        (format!("{R}?limit=2000"), "integer_above_max_value"),
        (format!("{G}?limit=ten"), "invalid_type"),
    ] {
        let e = m.get(&path).error(400);
        assert_eq!(e["param"], "limit", "{path}");
        assert_eq!(e["code"], code, "{path}");
    }
    let e = m.get(&format!("{U}?limit=500")).error(400);
    assert_eq!(
        e["message"],
        "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 500 instead."
    );
    assert_eq!(m.ids(&format!("{U}?limit=100")).len(), 45);
    assert_eq!(m.ids(&format!("{U}?limit=1")).len(), 1);
    assert!(m.ids(&format!("{G}?limit=0")).is_empty());
}
