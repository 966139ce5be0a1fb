//! `plan_project_membership`: one project's members and members' own project roles edited.

use super::{plan_project_membership, ProjectMembershipEdit, UserRole};
use crate::apply::apply;
use crate::json::{from_serde, FromJson};
use crate::plan::{Plan, Refusal};
use crate::projects::plan_tests::ops;
use crate::projects::tests::{model, read_model};
use crate::Model;

fn edit(json: serde_json::Value) -> ProjectMembershipEdit {
    ProjectMembershipEdit::from_json(&from_serde(json)).expect("the edit reads")
}

fn planned(m: &Model, json: serde_json::Value) -> Plan {
    plan_project_membership(m, &edit(json)).expect("plans")
}

fn error(m: &Model, json: serde_json::Value) -> String {
    plan_project_membership(m, &edit(json))
        .expect_err("an error")
        .to_string()
}

#[test]
fn members_are_added_re_roled_and_removed_and_apply_converges() {
    let m = model();
    let change = serde_json::json!({
        "project": "billing-bot",
        "add": [{ "user": "cy@example.com", "role": "member" }, { "user": "u2", "role": "owner" }],
        "remove": ["ADA@example.com"],
    });
    let p = planned(&m, change.clone());
    assert_eq!(
        ops(&p),
        vec![
            ("projects.users.update", "change the project role of bob@example.com in project billing-bot from member to owner"),
            ("projects.users.create", "add cy@example.com to project billing-bot as member"),
            ("projects.users.delete", "remove ada@example.com from project billing-bot"),
        ]
    );
    assert!(p.blocked.is_empty() && p.unmanaged.is_empty(), "{p:?}");
    let mut after = m.clone();
    apply(&mut after, &p, None).unwrap();
    assert!(planned(&after, change).operations.is_empty());
    // Already so: nothing; the project by id.
    let same = serde_json::json!({ "project": "proj_a", "add": [{ "user": "bob@example.com", "role": "member" }] });
    assert!(planned(&m, same).operations.is_empty());
}

#[test]
fn the_planners_rules_hold_the_owner_floor_and_an_archived_project() {
    let m = model();
    let p = planned(
        &m,
        serde_json::json!({ "project": "billing-bot", "remove": ["u1"] }),
    );
    assert_eq!(p.refused, Some(Refusal::NoProjectOwnerLeft));
    assert!(p.operations.is_empty());
    let p = planned(
        &m,
        serde_json::json!({ "project": "old", "add": [{ "user": "u1", "role": "member" }] }),
    );
    assert!(p.operations.is_empty());
    assert!(p.blocked[0].reason.contains("archived"), "{:?}", p.blocked);
}

#[test]
fn bad_arguments_are_errors_naming_them() {
    let m = model();
    let cases = [
        (
            serde_json::json!({ "project": "nope" }),
            "project: no project `nope` in the organization",
        ),
        (
            serde_json::json!({ "project": "proj_a", "add": [{ "user": "zed@example.com", "role": "member" }] }),
            "add[0].user: no user `zed@example.com` in the organization",
        ),
        (
            serde_json::json!({ "project": "proj_a", "add": [{ "user": "u3", "role": "admin" }] }),
            "add[0].role: expected `owner` or `member`, not `admin`",
        ),
        (
            serde_json::json!({ "project": "proj_a", "add": [{ "user": "u3", "role": "member" }], "remove": ["u4", "cy@example.com"] }),
            "remove[1]: `cy@example.com` is also in `add`",
        ),
        (
            serde_json::json!({ "project": "proj_a", "addRoles": [{ "user": "u2", "role": "Nope" }] }),
            "addRoles[0].role: no role `Nope` in project billing-bot",
        ),
        (
            serde_json::json!({ "project": "proj_a", "removeRoles": [{ "user": "nobody", "role": "Key Manager" }] }),
            "removeRoles[0].user: no user `nobody` in the organization",
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(error(&m, json), expected);
    }
    let unknown = ProjectMembershipEdit::from_json(&from_serde(
        serde_json::json!({ "project": "p", "members": [] }),
    ));
    assert!(unknown.unwrap_err().contains("members"));
    let missing = UserRole::from_json(&from_serde(serde_json::json!({ "user": "u1" })));
    assert!(missing.unwrap_err().contains("role"));
}

#[test]
fn a_members_own_project_roles_are_given_and_taken_back_and_the_others_kept() {
    let m = read_model();
    let change = serde_json::json!({
        "project": "billing-bot",
        "addRoles": [{ "user": "ada@example.com", "role": "Invoice Reader" }],
        "removeRoles": [{ "user": "bob@example.com", "role": "role_key" }],
    });
    let p = planned(&m, change.clone());
    assert!(p.blocked.is_empty(), "{:?}", p.blocked);
    assert_eq!(
        ops(&p),
        vec![
            (
                "projects.users.roles.create",
                "assign project role Invoice Reader to ada@example.com in project billing-bot"
            ),
            (
                "projects.users.roles.delete",
                "unassign project role Key Manager from bob@example.com in project billing-bot"
            ),
        ]
    );
    let mut after = m.clone();
    apply(&mut after, &p, None).unwrap();
    assert!(planned(&after, change).operations.is_empty());
    // A role held only through a group is not taken back; one for a non-member is blocked.
    let p = planned(
        &m,
        serde_json::json!({ "project": "billing-bot", "removeRoles": [{ "user": "u2", "role": "Invoice Reader" }] }),
    );
    assert!(p.operations.is_empty(), "{:?}", ops(&p));
    assert_eq!(p.blocked[0].reason, "not given to the member directly");
    let p = planned(
        &m,
        serde_json::json!({ "project": "billing-bot", "addRoles": [{ "user": "u4", "role": "Key Manager" }] }),
    );
    assert!(p.operations.is_empty(), "{:?}", ops(&p));
    assert!(
        p.blocked[0]
            .reason
            .contains("not a member of project billing-bot"),
        "{:?}",
        p.blocked
    );
    // A member added in the same edit gets the role after the membership.
    let p = planned(
        &m,
        serde_json::json!({ "project": "billing-bot", "add": [{ "user": "u4", "role": "member" }], "addRoles": [{ "user": "u4", "role": "Key Manager" }] }),
    );
    assert_eq!(p.operations.len(), 2, "{:?}", ops(&p));
    assert_eq!(p.operations[1].depends_on, vec![0]);
}
