//! Groups: list (pagination both ways), create, retrieve, update, delete, validation.

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use common::Mock;
use serde_json::json;

const G: &str = "/v1/organization/groups";

#[test]
fn list_pages_ascending_and_descending_with_after() {
    let m = Mock::start(&[]);
    let all = m.ids(&format!("{G}?limit=1000"));
    assert_eq!(all.len(), 12);
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(all, sorted, "asc is id order");

    let first = m.get(&format!("{G}?limit=5")).json();
    assert_eq!(first["object"], "list");
    assert_eq!(first["has_more"], true);
    assert_eq!(first["next"], all[4]);
    let second = m.get(&format!("{G}?limit=5&after={}", all[4])).json();
    let ids: Vec<_> = second["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].clone())
        .collect();
    assert_eq!(ids, all[5..10]);
    let last = m.get(&format!("{G}?limit=5&after={}", all[9])).json();
    assert_eq!(last["data"].as_array().unwrap().len(), 2);
    assert_eq!(last["has_more"], false);
    assert_eq!(last["next"], serde_json::Value::Null);

    let desc = m.ids(&format!("{G}?order=desc&limit=3"));
    assert_eq!(desc, vec![all[11].clone(), all[10].clone(), all[9].clone()]);
    let desc2 = m.ids(&format!("{G}?order=desc&limit=3&after={}", all[9]));
    assert_eq!(desc2, vec![all[8].clone(), all[7].clone(), all[6].clone()]);
    assert!(m.ids(&format!("{G}?limit=0")).is_empty());
}

#[test]
fn group_objects_have_the_spec_shape() {
    let m = Mock::start(&[]);
    let g = &m.get(&format!("{G}?limit=1")).json()["data"][0];
    assert_eq!(g["object"], "group");
    assert!(g["id"].as_str().unwrap().starts_with("group_01J"));
    assert!(g["name"].is_string());
    assert!(g["created_at"].is_i64());
    assert!(g["is_scim_managed"].is_boolean());
    assert_eq!(g["group_type"], "group");
}

#[test]
fn create_retrieve_update_delete() {
    let m = Mock::start(&[]);
    let created = m.post(G, json!({ "name": "Escalations" }));
    assert_eq!(created.status, 200, "{}", created.text());
    let g = created.json();
    assert_eq!(g["name"], "Escalations");
    assert_eq!(g["is_scim_managed"], false);
    let id = g["id"].as_str().unwrap().to_owned();
    let all = m.ids(&format!("{G}?limit=1000"));
    assert_eq!(all.last(), Some(&id), "new ids sort last");

    assert_eq!(m.get(&format!("{G}/{id}")).json()["name"], "Escalations");
    let up = m.post(&format!("{G}/{id}"), json!({ "name": "Tier 2" }));
    assert_eq!(up.status, 200);
    assert_eq!(up.json()["name"], "Tier 2");
    assert_eq!(up.json()["id"], id.as_str());
    assert_eq!(m.get(&format!("{G}/{id}")).json()["name"], "Tier 2");

    let del = m.delete(&format!("{G}/{id}")).json();
    assert_eq!(
        del,
        json!({ "object": "group.deleted", "id": id, "deleted": true })
    );
    let e = m.get(&format!("{G}/{id}")).error(404);
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains(&format!("No group found with id '{id}'")));
    m.delete(&format!("{G}/{id}")).error(404);
    m.post(&format!("{G}/{id}"), json!({ "name": "x" }))
        .error(404);
}

#[test]
fn validation_errors_name_the_field() {
    let m = Mock::start(&[]);
    let e = m.post(G, json!({})).error(400);
    assert_eq!(e["param"], "name");
    assert_eq!(e["type"], "invalid_request_error");
    assert_eq!(m.post(G, json!({ "name": "" })).error(400)["param"], "name");
    assert_eq!(
        m.post(G, json!({ "name": "x".repeat(256) })).error(400)["param"],
        "name"
    );
    assert_eq!(m.post(G, json!({ "name": 5 })).error(400)["param"], "name");
    assert_eq!(m.post(G, json!({ "name": "x".repeat(255) })).status, 200);
    let bad_json = m.call("POST", G, Some("{\"name\": ")).error(400);
    assert!(bad_json["message"].as_str().unwrap().contains("JSON"));
    m.call("POST", G, Some("[1]")).error(400);

    assert_eq!(
        m.get(&format!("{G}?limit=1001")).error(400)["param"],
        "limit"
    );
    assert_eq!(m.get(&format!("{G}?limit=-1")).error(400)["param"], "limit");
    assert_eq!(
        m.get(&format!("{G}?limit=ten")).error(400)["param"],
        "limit"
    );
    assert_eq!(m.get(&format!("{G}?order=up")).error(400)["param"], "order");
    let id = m.ids(G)[0].clone();
    assert_eq!(
        m.post(&format!("{G}/{id}"), json!({ "name": "" }))
            .error(400)["param"],
        "name"
    );
}
