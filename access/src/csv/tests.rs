use super::*;
use crate::model::{Group, Role, User};

fn org() -> Model {
    let mut m = Model::new();
    for (id, email) in [("u1", "ada@example.com"), ("u2", "grace@example.com")] {
        m.add_user(User {
            id: id.into(),
            name: None,
            email: Some(email.into()),
            role: Some("owner".into()),
            scim: false,
        });
    }
    m.add_group(Group {
        id: "g1".into(),
        name: "R&D, \"core\"".into(),
        scim: false,
    });
    m.add_group(Group {
        id: "g2".into(),
        name: "Support".into(),
        scim: true,
    });
    m.add_role(Role {
        id: "r1".into(),
        name: "Auditor".into(),
        description: None,
        permissions: vec![],
        predefined: false,
    });
    m.set_members("g1", ["u1".to_owned()]);
    m.set_members("g2", ["u2".to_owned()]);
    m.set_group_role_ids("g1", ["r1".to_owned()]);
    m.set_direct_roles("u1", ["r1".to_owned()]);
    m
}

#[test]
fn exports_quoted_rows() {
    let m = org();
    assert_eq!(
        export(&m, "memberships").expect("exports"),
        "group,email\r\n\"R&D, \"\"core\"\"\",ada@example.com\r\nSupport,grace@example.com\r\n"
    );
    assert_eq!(
        export(&m, "assignments").expect("exports"),
        "role,principal_type,principal,source\r\n\
         Auditor,group,\"R&D, \"\"core\"\"\",direct\r\n\
         Auditor,user,ada@example.com,direct\r\n\
         Auditor,user,ada@example.com,\"group:R&D, \"\"core\"\"\"\r\n"
    );
    assert!(export(&m, "members").is_err());
}

#[test]
fn rows_become_a_plan_over_the_groups_they_name() {
    let m = org();
    let p = plan_csv(&m, "group,email,action\n\"R&D, \"\"core\"\"\",GRACE@example.com\n\"R&D, \"\"core\"\"\",ada@example.com,remove\n").expect("plans");
    let ops: Vec<&str> = p.operations.iter().map(|o| o.summary.as_str()).collect();
    assert_eq!(
        ops,
        [
            "add grace@example.com to R&D, \"core\"",
            "remove ada@example.com from R&D, \"core\""
        ]
    );
    assert_eq!(p.unmanaged.len(), 1);
    // Rows that change nothing plan nothing.
    assert!(plan_csv(&m, "g1,ada@example.com\n")
        .expect("plans")
        .operations
        .is_empty());
    // SCIM-managed groups are blocked.
    let p = plan_csv(&m, "Support,ada@example.com,add\n").expect("plans");
    assert!(p.operations.is_empty());
    assert!(p.blocked[0].reason.contains("SCIM"), "{:?}", p.blocked);
}

#[test]
fn a_bad_row_fails_the_file_with_its_line() {
    let m = org();
    let cases = [
        ("group,email\nSupport\n", 2, "expected group,email[,action]"),
        (
            "Support,ada@example.com\n\nSupport,ada@example.com,delete\n",
            3,
            "`add` or `remove`",
        ),
        (
            "Support,ada@example.com\nNope,ada@example.com\n",
            2,
            "no group named `Nope`",
        ),
        (
            "Support,eve@example.com\n",
            1,
            "eve@example.com is not a member",
        ),
        ("Support,,add\n", 1, "required"),
        (
            "Support,ada@example.com\nSupport,ADA@example.com,remove\n",
            2,
            "both added to and removed from Support (line 1)",
        ),
        ("Support,\"ada@example.com\n", 1, "never closed"),
    ];
    for (text, line, needle) in cases {
        let e = plan_csv(&m, text).expect_err(text);
        assert_eq!(e.line, line, "{text:?}: {e}");
        assert!(e.message.contains(needle), "{text:?}: {e}");
    }
}

#[test]
fn every_bad_row_is_reported_in_file_order() {
    let m = org();
    let text = "group,email\nSupport,ada@example.com\nNowhere,ada@example.com\n\nSupport,nobody@example.com,add\nSupport,grace@example.com,maybe\n";
    let errors = plan_csv_all(&m, text).expect_err("three bad rows");
    let found: Vec<(usize, &str)> = errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "no group named `Nowhere` in the organization"),
            (5, "nobody@example.com is not a member of the organization"),
            (6, "the action is `add` or `remove`, not `maybe`"),
        ]
    );
    // The first of them is what plan_csv gives; a good file still plans.
    assert_eq!(plan_csv(&m, text).expect_err("bad").line, 3);
    assert!(plan_csv_all(&m, "Support,ada@example.com\n").is_ok());
}
