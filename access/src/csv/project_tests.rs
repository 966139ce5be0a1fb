//! Project rows `project,email,role[,action]`: exported, read back, planned by the planner.

use super::*;
use crate::apply::apply;
use crate::plan::Refusal;
use crate::projects::plan_tests::ops;
use crate::projects::tests::model;

#[test]
fn exports_the_active_projects_members_with_their_role() {
    let m = model();
    // The archived project `old` is never written.
    assert_eq!(
        export(&m, "projects").expect("exports"),
        "project,email,role\r\nbilling-bot,ada@example.com,owner\r\nbilling-bot,bob@example.com,member\r\n"
    );
    // Two active projects with one name are written by id, which finds each again.
    let mut m = model();
    m.add_projects_json(r#"[{"id":"proj_b","name":"billing-bot","status":"active"}]"#)
        .unwrap();
    m.set_project_members_json("proj_b", r#"[{"id":"u3","role":"owner"}]"#)
        .unwrap();
    let text = export(&m, "projects").expect("exports");
    assert_eq!(
        text,
        "project,email,role\r\nproj_a,ada@example.com,owner\r\nproj_a,bob@example.com,member\r\nproj_b,cy@example.com,owner\r\n"
    );
    assert!(plan_csv(&m, &text).expect("plans").operations.is_empty());
    let e = plan_csv(
        &m,
        "project,email,role\nbilling-bot,cy@example.com,member\n",
    )
    .expect_err("two");
    assert_eq!(e.line, 2);
    assert!(
        e.message
            .contains("2 projects are named `billing-bot` (proj_a, proj_b)"),
        "{e}"
    );
}

#[test]
fn an_export_read_back_plans_nothing_and_a_changed_role_one_update() {
    let m = model();
    let text = export(&m, "projects").expect("exports");
    let p = plan_csv(&m, &text).expect("plans");
    assert!(p.operations.is_empty(), "{:?}", ops(&p));
    assert!(p.blocked.is_empty(), "{:?}", p.blocked);
    // What the rows do not name is listed: the groups, and no project (the one active is named).
    let unmanaged: Vec<(&str, &str)> = p
        .unmanaged
        .iter()
        .map(|u| (u.kind.as_str(), u.name.as_str()))
        .collect();
    assert_eq!(unmanaged, [("group", "Finance")]);
    let changed = text.replace("bob@example.com,member", "BOB@example.com,owner");
    let p = plan_csv(&m, &changed).expect("plans");
    assert_eq!(
        ops(&p),
        [(
            "projects.users.update",
            "change the project role of bob@example.com in project billing-bot from member to owner"
        )]
    );
    let mut after = m.clone();
    apply(&mut after, &p, None).unwrap();
    assert!(plan_csv(&after, &changed)
        .expect("plans")
        .operations
        .is_empty());
    // Group rows leave the projects alone and do not list them (the file has no `projects:`).
    let text = "group,email\nFinance,cy@example.com\n";
    assert!(!has_project_rows(text) && has_project_rows("project,email,role\n"));
    let p = plan_csv(&m, text).expect("plans");
    assert!(
        p.unmanaged.iter().all(|u| u.kind == "group"),
        "{:?}",
        p.unmanaged
    );
    let p = plan_csv(&m, "group,email\nGhost,cy@example.com\n");
    assert!(p.is_err(), "a group row still names its group");
    // Project rows list the active projects they do not name, and the groups (none named).
    let mut two = m.clone();
    two.add_projects_json(r#"[{"id":"proj_b","name":"helpdesk","status":"active"}]"#)
        .unwrap();
    let p = plan_csv(
        &two,
        "project,email,role\nbilling-bot,ada@example.com,owner\n",
    )
    .unwrap();
    let unmanaged: Vec<(&str, &str)> = p
        .unmanaged
        .iter()
        .map(|u| (u.kind.as_str(), u.name.as_str()))
        .collect();
    assert_eq!(unmanaged, [("group", "Finance"), ("project", "helpdesk")]);
}

#[test]
fn rows_add_change_and_remove_and_leave_the_other_members_alone() {
    let m = model();
    let text = "Project,Email,Role,Action\nproj_a,cy@example.com,member\nbilling-bot,dee@example.com,owner,add\nbilling-bot,bob@example.com,,remove\n";
    let p = plan_csv(&m, text).expect("plans");
    assert_eq!(
        ops(&p),
        [
            (
                "projects.users.create",
                "add cy@example.com to project billing-bot as member"
            ),
            (
                "projects.users.create",
                "add dee@example.com to project billing-bot as owner"
            ),
            (
                "projects.users.delete",
                "remove bob@example.com from project billing-bot"
            ),
        ]
    );
    let mut after = m.clone();
    apply(&mut after, &p, None).unwrap();
    let members: Vec<(&str, &str)> = after
        .find_project("billing-bot")
        .unwrap()
        .members()
        .map(|(u, r)| (u.as_str(), r.as_str()))
        .collect();
    assert_eq!(
        members,
        [("u1", "owner"), ("u3", "member"), ("u4", "owner")]
    );
    assert!(plan_csv(&after, text).expect("plans").operations.is_empty());
    // The same row twice counts once; removing someone who is not a member plans nothing.
    let p = plan_csv(&m, "project,email,role\nbilling-bot,bob@example.com,member\nbilling-bot,bob@example.com,member\nbilling-bot,dee@example.com,member,remove\n").expect("plans");
    assert!(p.operations.is_empty(), "{:?}", ops(&p));
}

#[test]
fn rows_leaving_a_project_without_an_owner_are_refused() {
    let m = model();
    let p = plan_csv(
        &m,
        "project,email,role\nbilling-bot,ada@example.com,member\n",
    )
    .expect("plans");
    assert_eq!(p.refused, Some(Refusal::NoProjectOwnerLeft));
    assert!(p.operations.is_empty());
    assert_eq!(p.blocked[0].subject, "project billing-bot");
}

#[test]
fn each_bad_project_row_names_its_line() {
    let m = model();
    let cases = [
        ("project,email,role\nbilling-bot,bob@example.com,admin\n", 2, "the project role is `owner` or `member`, not `admin`"),
        ("project,email,role\nbilling-bot,bob@example.com,\n", 2, "not ``"),
        ("project,email,role\n\nnope,bob@example.com,member\n", 3, "no project named `nope` in the organization"),
        ("project,email,role\nold,cy@example.com,member\n", 2, "project `old` is archived"),
        ("project,email,role\nproj_z,cy@example.com,member\n", 2, "project `proj_z` is archived"),
        ("project,email,role\nbilling-bot,eve@example.com,member\n", 2, "eve@example.com is not a member of the organization"),
        ("project,email,role\nbilling-bot,bob@example.com\n", 2, "expected project,email,role[,action], found 2 fields"),
        ("project,email,role\n,bob@example.com,member\n", 2, "required"),
        ("project,email,role\nbilling-bot,bob@example.com,member,keep\n", 2, "`add` or `remove`, not `keep`"),
        ("project,email,role\nbilling-bot,bob@example.com,owner\nbilling-bot,BOB@example.com,member\n", 3, "BOB@example.com has another row for project billing-bot (line 2)"),
    ];
    for (text, line, needle) in cases {
        let e = plan_csv(&m, text).expect_err(text);
        assert_eq!(e.line, line, "{text:?}: {e}");
        assert!(e.message.contains(needle), "{text:?}: {e}");
    }
    // Every bad row, in file order; none of the good ones is planned.
    let text = "project,email,role\nbilling-bot,cy@example.com,member\nbilling-bot,bob@example.com,admin\nold,cy@example.com,owner\nghost,ada@example.com,owner\nbilling-bot,nobody@example.com,member\n";
    let errors = plan_csv_all(&m, text).expect_err("four bad rows");
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 5, 6]);
}
