//! Projects, their users, groups, roles and role assignments, over raw HTTP.

// Test code: a panic is how a failed expectation is reported.
#![allow(clippy::unwrap_used)]

mod common;

use common::Mock;
use serde_json::{json, Value};

const P: &str = "/v1/organization/projects";
const U: &str = "/v1/organization/users";
const G: &str = "/v1/organization/groups";
const OWNER: &str = "role-api-project-owner";

fn project(m: &Mock, name: &str) -> String {
    m.id_named(&format!("{P}?include_archived=true&limit=100"), name)
}

#[test]
fn projects_list_pages_by_last_id_and_archived_ones_only_when_asked() {
    let m = Mock::start(&[]);
    let page = m.get(&format!("{P}?limit=2")).json();
    assert_eq!(page["object"], "list");
    assert_eq!(page["has_more"], true);
    assert_eq!(page["first_id"], page["data"][0]["id"]);
    let last = page["last_id"].as_str().unwrap().to_owned();
    let rest = m.ids(&format!("{P}?after={last}"));
    assert_eq!(rest.len(), 3, "5 active projects");
    let all = m.get(&format!("{P}?include_archived=true")).json();
    let statuses: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == "archived").count(), 2);
    assert_eq!(statuses.len(), 7);
    m.get(&format!("{P}?include_archived=maybe")).error(400);
    m.get(&format!("{P}?limit=0")).error(400);
    let e = m.get(&format!("{P}?after=proj_nope")).error(400);
    assert_eq!(e["code"], "invalid_cursor");
}

#[test]
fn create_update_archive_and_what_an_archived_project_refuses() {
    let m = Mock::start(&[]);
    let p = m
        .post(
            P,
            json!({ "name": "New", "residency": "EU_STORAGE_PROCESSING" }),
        )
        .json();
    assert_eq!(p["object"], "organization.project");
    assert_eq!(p["status"], "active");
    assert_eq!(p["residency"], "EU_STORAGE_PROCESSING");
    let id = p["id"].as_str().unwrap();
    assert!(id.starts_with("proj_"));
    let renamed = m
        .post(
            &format!("{P}/{id}"),
            json!({ "name": "Renamed", "external_key_id": "k1" }),
        )
        .json();
    assert_eq!(
        (
            renamed["name"].as_str(),
            renamed["external_key_id"].as_str()
        ),
        (Some("Renamed"), Some("k1"))
    );
    let archived = m.post(&format!("{P}/{id}/archive"), json!({})).json();
    assert_eq!(archived["status"], "archived");
    assert!(archived["archived_at"].is_i64());
    let again = m.post(&format!("{P}/{id}/archive"), json!({})).json();
    assert_eq!(again["archived_at"], archived["archived_at"]);
    assert_eq!(
        m.post(&format!("{P}/{id}"), json!({ "name": "x" }))
            .error(400)["code"],
        "project_archived"
    );
    m.get(&format!("{P}/{id}/users")).error(400);
    m.post(
        &format!("/v1/projects/{id}/roles"),
        json!({ "role_name": "r", "permissions": [] }),
    )
    .error(400);
    assert_eq!(m.get(&format!("{P}/{id}")).json()["status"], "archived");
    let default = project(&m, "Default project");
    let e = m
        .post(&format!("{P}/{default}"), json!({ "name": "x" }))
        .error(400);
    assert_eq!(e["code"], "default_project_immutable");
    m.post(&format!("{P}/{default}/archive"), json!({}))
        .error(400);
    m.get(&format!("{P}/proj_nope")).error(404);
}

#[test]
fn members_by_id_or_email_with_owner_or_member_roles() {
    let m = Mock::start(&[]);
    let id = m.post(P, json!({ "name": "Crew" })).json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let users = m.get(&format!("{U}?limit=3")).json();
    let a = users["data"][0]["id"].as_str().unwrap().to_owned();
    let b_email = users["data"][1]["email"].as_str().unwrap().to_uppercase();
    let added = m
        .post(
            &format!("{P}/{id}/users"),
            json!({ "user_id": a, "role": "owner" }),
        )
        .json();
    assert_eq!(added["object"], "organization.project.user");
    assert_eq!(added["role"], "owner");
    let by_email = m
        .post(
            &format!("{P}/{id}/users"),
            json!({ "email": b_email, "role": "member" }),
        )
        .json();
    assert_eq!(by_email["id"], users["data"][1]["id"]);
    let e = m
        .post(
            &format!("{P}/{id}/users"),
            json!({ "user_id": a, "role": "admin" }),
        )
        .error(400);
    assert_eq!(e["param"], "role");
    m.post(
        &format!("{P}/{id}/users"),
        json!({ "user_id": "user_nope", "role": "member" }),
    )
    .error(404);
    let page = m.get(&format!("{P}/{id}/users?limit=1")).json();
    assert_eq!(
        (page["has_more"].as_bool(), page["last_id"].as_str()),
        (Some(true), Some(a.as_str()))
    );
    let updated = m
        .post(&format!("{P}/{id}/users/{a}"), json!({ "role": "member" }))
        .json();
    assert_eq!(updated["role"], "member");
    let deleted = m.delete(&format!("{P}/{id}/users/{a}")).json();
    assert_eq!(
        deleted,
        json!({ "object": "organization.project.user.deleted", "id": a, "deleted": true })
    );
    m.get(&format!("{P}/{id}/users/{a}")).error(404);
}

#[test]
fn the_short_predefined_role_id_goes_in_and_the_long_one_comes_out() {
    let m = Mock::start(&[]);
    let id = project(&m, "billing-bot");
    let long = format!("{OWNER}__api-project__{id}");
    let member = m.ids(&format!("{P}/{id}/users"))[1].clone();
    let assigned = m
        .post(
            &format!("/v1/projects/{id}/users/{member}/roles"),
            json!({ "role_id": OWNER }),
        )
        .json();
    assert_eq!(assigned["object"], "user.role");
    assert_eq!(assigned["role"]["id"], long.as_str());
    assert_eq!(assigned["role"]["resource_type"], "api.project");
    let listed = m.ids(&format!("/v1/projects/{id}/users/{member}/roles"));
    assert!(listed.contains(&long) && !listed.iter().any(|r| r == OWNER));
    for path in [OWNER, long.as_str()] {
        let got = m
            .get(&format!("/v1/projects/{id}/users/{member}/roles/{path}"))
            .json();
        assert_eq!(got["id"], long.as_str());
        assert_eq!(
            m.get(&format!("/v1/projects/{id}/roles/{path}")).json()["id"],
            long.as_str()
        );
    }
    let e = m
        .delete(&format!("/v1/projects/{id}/roles/{OWNER}"))
        .error(400);
    assert_eq!(e["code"], "predefined_role_immutable");
    let gone = m
        .delete(&format!("/v1/projects/{id}/users/{member}/roles/{OWNER}"))
        .json();
    assert_eq!(
        gone,
        json!({ "object": "user.role.deleted", "deleted": true })
    );
    let other = project(&m, "Data Pipeline");
    m.get(&format!(
        "/v1/projects/{id}/roles/{OWNER}__api-project__{other}"
    ))
    .error(404);
    // A group's access takes the short id too.
    let group = m.id_named(&format!("{G}?limit=100"), "Legal");
    let granted = m
        .post(
            &format!("{P}/{id}/groups"),
            json!({ "group_id": group, "role": "role-api-project-member" }),
        )
        .json();
    assert_eq!(granted["object"], "project.group");
    assert_eq!(granted["group_name"], "Legal");
    let held = m.ids(&format!("/v1/projects/{id}/groups/{group}/roles"));
    assert_eq!(
        held,
        [format!("role-api-project-member__api-project__{id}")]
    );
}

#[test]
fn roles_only_for_members_and_groups_with_access_and_inherited_ones_name_their_group() {
    let m = Mock::start(&[]);
    let id = project(&m, "Data Pipeline");
    let roles = m.get(&format!("/v1/projects/{id}/roles")).json();
    let custom = roles["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["predefined_role"] == false)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let members = m.ids(&format!("{P}/{id}/users"));
    let outsider = m
        .ids(&format!("{U}?limit=100"))
        .into_iter()
        .find(|u| !members.contains(u))
        .unwrap();
    let e = m
        .post(
            &format!("/v1/projects/{id}/users/{outsider}/roles"),
            json!({ "role_id": custom }),
        )
        .error(404);
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("not a member of project"),
        "{e}"
    );
    let legal = m.id_named(&format!("{G}?limit=100"), "Legal");
    m.post(
        &format!("/v1/projects/{id}/groups/{legal}/roles"),
        json!({ "role_id": custom }),
    )
    .error(404);
    // Platform has access and holds the custom role: a project member in Platform inherits it.
    let platform = m.id_named(&format!("{G}?limit=100"), "Platform");
    let in_platform = m.ids(&format!("{G}/{platform}/users?limit=100"));
    let member = members
        .iter()
        .find(|u| in_platform.contains(u))
        .cloned()
        .unwrap_or_else(|| {
            let u = in_platform[0].clone();
            m.post(
                &format!("{P}/{id}/users"),
                json!({ "user_id": u, "role": "member" }),
            );
            u
        });
    let got = m
        .get(&format!("/v1/projects/{id}/users/{member}/roles/{custom}"))
        .json();
    assert_eq!(
        got["assignment_sources"],
        json!([{ "principal_id": platform, "principal_type": "group" }])
    );
    // Only the direct assignment can be deleted.
    m.delete(&format!("/v1/projects/{id}/users/{member}/roles/{custom}"))
        .error(404);
    // Revoking the group's access drops what it gave.
    m.delete(&format!("{P}/{id}/groups/{platform}"));
    m.get(&format!("/v1/projects/{id}/users/{member}/roles/{custom}"))
        .error(404);
}

#[test]
fn deleting_an_organization_user_or_group_removes_it_from_projects() {
    let m = Mock::start(&[]);
    let id = project(&m, "billing-bot");
    let member = m.ids(&format!("{P}/{id}/users"))[1].clone();
    m.delete(&format!("{U}/{member}"));
    m.get(&format!("{P}/{id}/users/{member}")).error(404);
    let groups: Vec<Value> = m.get(&format!("{P}/{id}/groups")).json()["data"]
        .as_array()
        .unwrap()
        .clone();
    let g = groups[0]["group_id"].as_str().unwrap();
    m.delete(&format!("{G}/{g}"));
    let left = m.get(&format!("{P}/{id}/groups")).json();
    assert_eq!(left["data"].as_array().unwrap().len(), groups.len() - 1);
}

#[test]
fn forty_synthetic_projects() {
    let m = Mock::start(&[
        "--seed",
        "empty",
        "--users",
        "50",
        "--groups",
        "5",
        "--projects",
        "40",
    ]);
    let page = m.get(&format!("{P}?limit=100")).json();
    let data = page["data"].as_array().unwrap();
    assert_eq!(data.len(), 40);
    assert_eq!(data[39]["name"], "Bench Project 040");
    let id = data[0]["id"].as_str().unwrap();
    assert_eq!(m.ids(&format!("{P}/{id}/users?limit=100")).len(), 10);
    assert_eq!(
        m.get(&format!("{P}/{id}/groups")).json()["data"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn example_shapes_leave_out_what_the_examples_do() {
    let m = Mock::start(&["--shapes", "examples"]);
    let id = project(&m, "billing-bot");
    let listed = m.get(&format!("{P}?limit=1")).json();
    assert!(listed["data"][0].get("external_key_id").is_none());
    let groups = m.get(&format!("{P}/{id}/groups")).json();
    assert!(groups["data"][0].get("group_type").is_none());
    let g = groups["data"][0]["group_id"].as_str().unwrap();
    assert_eq!(
        m.get(&format!("{P}/{id}/groups/{g}")).json()["group_type"],
        "group"
    );
}
