use super::*;
use crate::plan::{Change, Refusal};

fn org() -> Model {
    let mut m = Model::new();
    m.add_users_json(
        r#"[{"id":"u1","email":"ada@example.com","role":"owner"},
            {"id":"u2","email":"bob@example.com","role":"reader"},
            {"id":"u3","email":"cy@example.com","role":"reader","is_scim_managed":true}]"#,
    )
    .unwrap();
    m.add_groups_json(
        r#"[{"id":"g1","name":"Ops"},{"id":"g2","name":"Idp","is_scim_managed":true}]"#,
    )
    .unwrap();
    m.add_roles_json(r#"[{"id":"r1","name":"Auditor"},{"id":"r2","name":"Writer"}]"#)
        .unwrap();
    m.set_group_members_json("g1", r#"[{"id":"u1"}]"#).unwrap();
    m.set_group_members_json("g2", r#"[{"id":"u2"}]"#).unwrap();
    m.set_group_roles_json("g1", r#"[{"id":"r2","name":"Writer"}]"#)
        .unwrap();
    m.set_direct_roles("u1", ["r1".to_owned()]);
    m
}

fn summaries(plan: &Plan) -> Vec<String> {
    plan.operations
        .iter()
        .map(|o| format!("{} {}", o.change.sign(), o.summary))
        .collect()
}

fn membership(group: &str, add: &[&str], remove: &[&str]) -> MembershipEdit {
    MembershipEdit {
        group: group.into(),
        add: add.iter().map(|s| s.to_string()).collect(),
        remove: remove.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn a_membership_edit_is_planned_by_the_planner() {
    let m = org();
    let p = plan_membership(&m, &membership("Ops", &["BOB@example.com", "u3"], &["u1"])).unwrap();
    assert_eq!(
        summaries(&p),
        [
            "+ add bob@example.com to Ops",
            "+ add cy@example.com to Ops",
            "- remove ada@example.com from Ops"
        ]
    );
    assert_eq!(p.operations[0].operation, "groups.users.create");
    assert_eq!(p.operations[2].change, Change::Remove);
    assert!(p.blocked.is_empty() && p.unmanaged.is_empty() && p.refused.is_none());
    // Adding a member already there, or removing one who is not, plans nothing.
    let p = plan_membership(&m, &membership("g1", &["u1"], &["u2"])).unwrap();
    assert!(p.operations.is_empty(), "{p:?}");
}

#[test]
fn a_scim_group_is_blocked_and_a_scim_user_may_join_another_group() {
    let m = org();
    let p = plan_membership(&m, &membership("Idp", &["ada@example.com"], &[])).unwrap();
    assert!(p.operations.is_empty());
    assert_eq!(p.blocked[0].subject, "group Idp");
    assert!(
        p.blocked[0].reason.starts_with("SCIM-managed"),
        "{:?}",
        p.blocked
    );
    // The one rule for "Add to group" and a SCIM-managed user: the identity provider owns the
    // user's organization role and its own groups, not the membership of a group made here.
    let p = plan_person(
        &m,
        &PersonEdit {
            user: "cy@example.com".into(),
            add_groups: vec!["Ops".into()],
            ..PersonEdit::default()
        },
    )
    .unwrap();
    assert_eq!(summaries(&p), ["+ add cy@example.com to Ops"]);
}

#[test]
fn bad_references_are_errors_naming_the_argument() {
    let m = org();
    let err = |e: &MembershipEdit| plan_membership(&m, e).unwrap_err().to_string();
    assert_eq!(
        err(&membership("Nope", &[], &[])),
        "group: no group `Nope` in the organization"
    );
    assert_eq!(
        err(&membership("Ops", &["u2", "eve@example.com"], &[])),
        "add[1]: no user `eve@example.com` in the organization"
    );
    assert_eq!(
        err(&membership("Ops", &["u2"], &["bob@example.com"])),
        "remove[0]: `bob@example.com` is also in `add`"
    );
    let person = |edit: PersonEdit| plan_person(&m, &edit).unwrap_err().to_string();
    assert!(person(PersonEdit {
        user: "x".into(),
        ..PersonEdit::default()
    })
    .starts_with("user:"));
    assert!(person(PersonEdit {
        user: "u2".into(),
        add_roles: vec!["Nope".into()],
        ..PersonEdit::default()
    })
    .starts_with("addRoles[0]:"));
    assert!(person(PersonEdit {
        user: "u2".into(),
        add_groups: vec!["Ops".into()],
        remove_groups: vec!["g1".into()],
        ..PersonEdit::default()
    })
    .starts_with("removeGroups[0]:"));
}

#[test]
fn a_person_change_keeps_the_last_owner_and_scim_rules() {
    let m = org();
    // The only owner made a reader: refused as a whole.
    let p = plan_person(
        &m,
        &PersonEdit {
            user: "u1".into(),
            organization_role: Some("reader".into()),
            add_roles: vec!["Writer".into()],
            ..PersonEdit::default()
        },
    )
    .unwrap();
    assert!(p.operations.is_empty());
    assert_eq!(p.refused, Some(Refusal::NoOwnerLeft));
    assert_eq!(p.blocked[0].subject, "organization");
    // Another owner first, in the same change of another person: not refused.
    let p = plan_person(
        &m,
        &PersonEdit {
            user: "bob@example.com".into(),
            organization_role: Some("owner".into()),
            ..PersonEdit::default()
        },
    )
    .unwrap();
    assert_eq!(
        summaries(&p),
        ["~ change the organization role of bob@example.com from reader to owner"]
    );
    // A SCIM-managed user's organization role is blocked.
    let p = plan_person(
        &m,
        &PersonEdit {
            user: "u3".into(),
            organization_role: Some("owner".into()),
            ..PersonEdit::default()
        },
    )
    .unwrap();
    assert!(p.operations.is_empty());
    assert!(
        p.blocked[0].reason.starts_with("SCIM-managed user"),
        "{:?}",
        p.blocked
    );
}

#[test]
fn a_person_change_of_groups_and_direct_roles() {
    let m = org();
    let p = plan_person(
        &m,
        &PersonEdit {
            user: "ada@example.com".into(),
            add_groups: vec![],
            remove_groups: vec!["Ops".into()],
            add_roles: vec!["r2".into()],
            remove_roles: vec!["Auditor".into()],
            ..PersonEdit::default()
        },
    )
    .unwrap();
    assert_eq!(
        summaries(&p),
        [
            "+ assign role Writer to ada@example.com",
            "- remove ada@example.com from Ops",
            "- unassign role Auditor from ada@example.com"
        ]
    );
    // A role held only through a group is not unassigned: blocked, naming the group.
    let p = plan_person(
        &m,
        &PersonEdit {
            user: "u1".into(),
            remove_roles: vec!["Writer".into()],
            ..PersonEdit::default()
        },
    )
    .unwrap();
    assert!(p.operations.is_empty());
    assert_eq!(p.blocked[0].subject, "role Writer of user ada@example.com");
    assert_eq!(
        p.blocked[0].reason,
        "not assigned directly: held through group Ops (change it in the group)"
    );
}
