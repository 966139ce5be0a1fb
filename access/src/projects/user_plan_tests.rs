//! A project's `users:` (its members' own project roles): read, dumped, planned and applied in
//! memory.

use super::plan_tests::ops;
use super::tests::{model, read_model};
use crate::apply::apply;
use crate::file::{dump, read, Format};
use crate::plan::{plan, plan_role_reads, Plan, PlanId, PlanOptions};
use crate::Model;

const MEMBER_LONG: &str = "role-api-project-member__api-project__proj_a";

fn plan_of(m: &Model, text: &str) -> Plan {
    plan(
        m,
        &read(text).expect("the file reads"),
        PlanOptions::default(),
    )
}

fn blocked(p: &Plan) -> Vec<String> {
    p.blocked
        .iter()
        .map(|b| format!("{}: {}", b.subject, b.reason))
        .collect()
}

/// `text` planned against `m`, applied in memory; the same file then plans nothing, and neither
/// does the dump of the result.
fn converges(m: &Model, text: &str) -> Model {
    let p = plan_of(m, text);
    let mut after = m.clone();
    apply(&mut after, &p, None).unwrap();
    let again = plan_of(&after, text);
    assert!(again.operations.is_empty(), "{:?}", ops(&again));
    let dumped = plan_of(&after, &dump(&after, Format::Yaml));
    assert!(dumped.operations.is_empty(), "{:?}", ops(&dumped));
    after
}

#[test]
fn the_dump_writes_users_once_read_and_its_plan_is_empty() {
    let m = read_model();
    let yaml = dump(&m, Format::Yaml);
    // Only the members who have a project role of their own; not a role through a group.
    assert!(
        yaml.contains("      Finance: [Invoice Reader, Project Member]\n    users:\n      bob@example.com: [Key Manager]\n    roles:\n"),
        "{yaml}"
    );
    for format in [Format::Yaml, Format::Json] {
        let p = plan_of(&m, &dump(&m, format));
        assert!(p.operations.is_empty(), "{format:?}: {:?}", ops(&p));
        assert!(p.blocked.is_empty(), "{format:?}: {:?}", p.blocked);
    }
    // Not read (or read for some members only): no `users:`, and its plan leaves them alone.
    let mut partly = model();
    partly
        .set_project_user_roles_json("proj_a", "u1", "[]")
        .unwrap();
    for m in [model(), partly] {
        let yaml = dump(&m, Format::Yaml);
        assert!(!yaml.contains("    users:"), "{yaml}");
        assert!(plan_of(&m, &yaml).operations.is_empty());
    }
}

#[test]
fn only_a_role_ids_spelling_changes_nothing() {
    let mut m = read_model();
    m.set_project_user_roles_json(
        "proj_a",
        "u1",
        &format!(r#"[{{"id":"{MEMBER_LONG}","name":"Project Member"}}]"#),
    )
    .unwrap();
    for ada in ["role-api-project-member", MEMBER_LONG, "Project Member"] {
        for bob in ["role_key", "Key Manager"] {
            let text = format!("projects:\n  billing-bot:\n    users:\n      ada@example.com: [{ada}]\n      Bob@Example.com: [{bob}]\n");
            let p = plan_of(&m, &text);
            assert!(p.operations.is_empty(), "{text}: {:?}", ops(&p));
            assert!(p.blocked.is_empty(), "{:?}", p.blocked);
        }
    }
}

#[test]
fn listed_members_get_exactly_their_list_and_the_others_none() {
    let m = read_model();
    let text = "projects:\n  billing-bot:\n    users:\n      ada@example.com: [Invoice Reader, role-api-project-member, role_inv]\n";
    let p = plan_of(&m, text);
    assert_eq!(
        ops(&p),
        vec![
            (
                "projects.users.roles.create",
                "assign project role Invoice Reader to ada@example.com in project billing-bot"
            ),
            (
                "projects.users.roles.create",
                "assign project role Project Member to ada@example.com in project billing-bot"
            ),
            (
                "projects.users.roles.delete",
                "unassign project role Key Manager from bob@example.com in project billing-bot"
            ),
        ]
    );
    // The predefined role by the id the project lists; the ids are the table row's.
    let body = p.operations[1].body.as_ref().unwrap();
    assert_eq!(
        body.get("role_id").and_then(|v| v.as_str()),
        Some(MEMBER_LONG)
    );
    let ids: Vec<&str> = p.operations[2].ids.keys().map(String::as_str).collect();
    assert_eq!(ids, ["project_id", "role_id", "user_id"]);
    assert_eq!(
        p.operations[2].ids["role_id"],
        PlanId::Known("role_key".into())
    );
    let after = converges(&m, text);
    // Bob keeps Invoice Reader through Finance: only the direct assignment went.
    let bob = &after.projects["proj_a"].user_roles["u2"];
    assert!(!bob.contains_key("role_key"));
    assert!(bob["role_inv"].via_groups == ["g1"] && !bob["role_inv"].direct);
    // An empty list takes every own role back; the `groups:` and `members:` are left alone.
    let p = plan_of(
        &m,
        "projects:\n  billing-bot:\n    users:\n      bob@example.com: []\n",
    );
    assert_eq!(
        ops(&p),
        vec![(
            "projects.users.roles.delete",
            "unassign project role Key Manager from bob@example.com in project billing-bot"
        )]
    );
}

#[test]
fn a_role_for_a_member_added_in_the_same_plan_comes_after_the_membership() {
    let m = read_model();
    let text = "projects:\n  billing-bot:\n    members:\n      ada@example.com: owner\n      bob@example.com: member\n      dee@example.com: member\n    users:\n      bob@example.com: [Key Manager]\n      dee@example.com: [Key Manager, Invoice Reader]\n";
    let p = plan_of(&m, text);
    assert_eq!(
        ops(&p),
        vec![
            (
                "projects.users.create",
                "add dee@example.com to project billing-bot as member"
            ),
            (
                "projects.users.roles.create",
                "assign project role Key Manager to dee@example.com in project billing-bot"
            ),
            (
                "projects.users.roles.create",
                "assign project role Invoice Reader to dee@example.com in project billing-bot"
            ),
        ]
    );
    assert_eq!(p.operations[1].depends_on, vec![0]);
    assert_eq!(p.operations[2].depends_on, vec![0]);
    assert!(p.blocked.is_empty(), "{:?}", p.blocked);
    let after = converges(&m, text);
    assert!(after.projects["proj_a"].user_roles_complete());
    // A member the same plan removes takes their roles along: no unassign is planned.
    let p = plan_of(
        &m,
        "projects:\n  billing-bot:\n    members:\n      ada@example.com: owner\n    users: {}\n",
    );
    assert_eq!(
        ops(&p),
        vec![(
            "projects.users.delete",
            "remove bob@example.com from project billing-bot"
        )]
    );
}

#[test]
fn a_role_for_a_non_member_an_unknown_user_or_role_is_blocked_with_its_line() {
    let m = read_model();
    let text = "projects:\n  billing-bot:\n    members:\n      ada@example.com: owner\n    roles:\n      Project Owner: {}\n    users:\n      cy@example.com: [Key Manager]\n      bob@example.com: [Key Manager]\n      zed@example.com: [Key Manager]\n      ada@example.com: [Nope, Project Owner]\n";
    let p = plan_of(&m, text);
    assert_eq!(
        blocked(&p),
        [
            "role Project Owner of project billing-bot (line 6): a predefined project role is never edited",
            "user cy@example.com in project billing-bot (line 8): not a member of project billing-bot after this plan: a project role is given only to a member (list them in the project's `members:`)",
            "user bob@example.com in project billing-bot (line 9): not a member of project billing-bot after this plan: a project role is given only to a member (list them in the project's `members:`)",
            "user zed@example.com (line 10): not a member of the organization (invitations are outside these resources)",
            "user ada@example.com in project billing-bot (line 11): Nope (line 11) is not a role of project billing-bot",
            "user ada@example.com in project billing-bot (line 11): role Project Owner (line 11) is blocked: a predefined project role is never edited",
        ]
    );
    // Bob leaves the project (and takes his role along); nothing else is planned.
    assert_eq!(
        ops(&p),
        vec![(
            "projects.users.delete",
            "remove bob@example.com from project billing-bot"
        )]
    );
    // Bad shapes are errors of the file, with their line.
    for (text, line, what) in [
        ("projects:\n  billing-bot:\n    users:\n      bob@example.com: []\n      BOB@example.com: []\n", 5, "`BOB@example.com` is twice in the users of project `billing-bot` (first at line 4)"),
        ("projects:\n  billing-bot:\n    users:\n      bob@example.com: Key Manager\n", 4, "the project roles of user bob@example.com in project `billing-bot` must be a list"),
        ("projects:\n  billing-bot:\n    users: [bob@example.com]\n", 3, "the users of project `billing-bot` must be a mapping"),
    ] {
        let e = read(text).unwrap_err();
        assert_eq!(e.line, line, "{}", e.message);
        assert!(e.message.contains(what), "{}", e.message);
    }
}

#[test]
fn member_roles_not_read_are_blocked_and_a_plan_says_which_to_read() {
    let mut m = model();
    m.add_projects_json(r#"[{"id":"proj_b","name":"other","status":"active"}]"#)
        .unwrap();
    m.set_project_members_json("proj_b", r#"[{"id":"u3","role":"owner"}]"#)
        .unwrap();
    m.set_project_user_roles_json("proj_a", "u1", "[]").unwrap();
    let text = "projects:\n  billing-bot:\n    users:\n      bob@example.com: [Key Manager]\n  other:\n    members:\n      cy@example.com: owner\n";
    let p = plan_of(&m, text);
    assert!(p.operations.is_empty(), "{:?}", ops(&p));
    assert_eq!(
        blocked(&p),
        ["user bob@example.com in project billing-bot (line 4): the member's own project roles were not read (projects.users.roles.list): a plan never guesses them"]
    );
    // Ada's list is read (she has none), Bob's is not: Bob's is blocked as unlisted, too.
    let p = plan_of(&m, "projects:\n  billing-bot:\n    users: {}\n");
    assert_eq!(
        blocked(&p),
        ["user bob@example.com in project billing-bot: the member's own project roles were not read (projects.users.roles.list): a plan never guesses them"]
    );
    // What a plan of the file needs: every member of the project whose `users:` it gives, and
    // no other project's.
    let reads: Vec<(String, String)> = plan_role_reads(&m, &read(text).unwrap())
        .into_iter()
        .map(|r| (r.project_id, r.user_id))
        .collect();
    assert_eq!(
        reads,
        [
            ("proj_a".to_owned(), "u1".to_owned()),
            ("proj_a".to_owned(), "u2".to_owned())
        ]
    );
    let none = read("projects:\n  billing-bot:\n    members:\n      ada@example.com: owner\n  old:\n    users: {}\n").unwrap();
    assert!(plan_role_reads(&m, &none).is_empty());
}

#[test]
fn a_new_custom_role_can_be_given_to_a_member_in_the_same_plan() {
    let m = read_model();
    let text = "projects:\n  billing-bot:\n    roles:\n      Auditor:\n        permissions: [api.project.read]\n    users:\n      bob@example.com: [Key Manager, Auditor]\n";
    let p = plan_of(&m, text);
    assert_eq!(
        ops(&p),
        vec![
            (
                "projects.roles.create",
                "create role Auditor of project billing-bot (1 permission)"
            ),
            (
                "projects.users.roles.create",
                "assign project role Auditor to bob@example.com in project billing-bot"
            ),
        ]
    );
    assert_eq!(p.operations[1].depends_on, vec![0]);
    assert_eq!(
        p.operations[1].body.as_ref().and_then(|b| b.get("role_id")),
        Some(&crate::json::object([("from", 0usize.into())]))
    );
    converges(&m, text);
}

#[test]
fn the_users_rows_are_rows_of_the_table_with_their_path_parameters() {
    let m = read_model();
    let text = "projects:\n  billing-bot:\n    members:\n      ada@example.com: owner\n      bob@example.com: member\n      dee@example.com: member\n    users:\n      dee@example.com: [Invoice Reader]\n      ada@example.com: [Key Manager]\n";
    let p = plan_of(&m, text);
    let mut seen = Vec::new();
    for op in &p.operations {
        let row = openai_admin_wasm::ops::find(&op.operation)
            .unwrap_or_else(|| panic!("{} is no row", op.operation));
        assert!(row.writes, "{}", op.operation);
        let mut want: Vec<&str> = row.path_params().collect();
        want.sort_unstable();
        let ids: Vec<&str> = op.ids.keys().map(String::as_str).collect();
        assert_eq!(ids, want, "{}", op.operation);
        seen.push(op.operation.as_str());
    }
    seen.dedup();
    assert_eq!(
        seen,
        [
            "projects.users.create",
            "projects.users.roles.create",
            "projects.users.roles.delete"
        ]
    );
}
