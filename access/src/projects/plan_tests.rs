//! The `projects:` section: read, dumped, planned and applied in memory.

use super::tests::model;
use crate::apply::apply;
use crate::file::{dump, read, Format};
use crate::plan::{plan, Plan, PlanOptions, Refusal};
use crate::Model;

fn plan_of(m: &Model, text: &str) -> Plan {
    plan(
        m,
        &read(text).expect("the file reads"),
        PlanOptions::default(),
    )
}

/// Each operation of `p`: its name and its summary.
pub(crate) fn ops(p: &Plan) -> Vec<(&str, &str)> {
    p.operations
        .iter()
        .map(|o| (o.operation.as_str(), o.summary.as_str()))
        .collect()
}

#[test]
fn the_dump_writes_projects_and_its_plan_is_empty() {
    let m = model();
    for format in [Format::Yaml, Format::Json] {
        let text = dump(&m, format);
        let p = plan_of(&m, &text);
        assert!(p.operations.is_empty(), "{format:?}: {:?}", ops(&p));
        assert!(p.blocked.is_empty(), "{:?}", p.blocked);
    }
    let yaml = dump(&m, Format::Yaml);
    assert!(
        yaml.contains(
            "projects:\n  billing-bot:\n    id: proj_a\n    members:\n      ada@example.com: owner\n      bob@example.com: member\n    groups:\n      Finance: [Invoice Reader, Project Member]\n"
        ),
        "{yaml}"
    );
    // The archived project is never written (never planned).
    assert!(!yaml.contains("old"), "{yaml}");
}

#[test]
fn only_a_role_ids_spelling_changes_nothing() {
    let m = model();
    let p = plan_of(
        &m,
        "projects:\n  billing-bot:\n    groups:\n      Finance: [role-api-project-member, role_inv]\n",
    );
    assert!(p.operations.is_empty(), "{:?}", ops(&p));
    let p = plan_of(
        &m,
        "projects:\n  billing-bot:\n    groups:\n      Finance: [role-api-project-member__api-project__proj_a, Invoice Reader]\n",
    );
    assert!(p.operations.is_empty(), "{:?}", ops(&p));
}

#[test]
fn members_and_groups_are_made_exactly_the_lists_and_apply_matches() {
    let m = model();
    let text = "projects:\n  billing-bot:\n    members:\n      ada@example.com: owner\n      cy@example.com: owner\n      dee@example.com: member\n    groups:\n      Finance: [Key Manager]\n";
    let p = plan_of(&m, text);
    assert_eq!(
        ops(&p),
        vec![
            (
                "projects.users.create",
                "add cy@example.com to project billing-bot as owner"
            ),
            (
                "projects.users.create",
                "add dee@example.com to project billing-bot as member"
            ),
            (
                "projects.groups.roles.create",
                "assign project role Key Manager to group Finance in project billing-bot"
            ),
            (
                "projects.users.delete",
                "remove bob@example.com from project billing-bot"
            ),
            (
                "projects.groups.roles.delete",
                "unassign project role Project Member from group Finance in project billing-bot"
            ),
            (
                "projects.groups.roles.delete",
                "unassign project role Invoice Reader from group Finance in project billing-bot"
            ),
        ]
    );
    // The predefined role is unassigned by the id the API listed.
    assert_eq!(
        format!("{:?}", p.operations[4].ids.get("role_id").unwrap()),
        "Known(\"role-api-project-member__api-project__proj_a\")"
    );
    let mut after = m.clone();
    apply(&mut after, &p, None).unwrap();
    let again = plan_of(&after, text);
    assert!(again.operations.is_empty(), "{:?}", ops(&again));
    let p = after.find_project("billing-bot").unwrap();
    assert_eq!(p.members().count(), 3);
}

#[test]
fn a_group_given_access_comes_with_its_first_role_and_the_rest_wait_for_it() {
    let mut m = model();
    m.add_groups_json(
        r#"[{"id":"g2","name":"Support"},{"id":"g3","name":"Idp","is_scim_managed":true}]"#,
    )
    .unwrap();
    let text = "projects:\n  billing-bot:\n    groups:\n      Finance: [Project Member, Invoice Reader]\n      Support: [Project Member, Key Manager]\n";
    let p = plan_of(&m, text);
    assert_eq!(p.operations.len(), 2, "{:?}", ops(&p));
    assert_eq!(p.operations[0].operation, "projects.groups.create");
    let body = p.operations[0].body.as_ref().unwrap();
    assert_eq!(body.get("group_id").and_then(|v| v.as_str()), Some("g2"));
    assert_eq!(
        body.get("role").and_then(|v| v.as_str()),
        Some("role-api-project-member__api-project__proj_a")
    );
    assert_eq!(p.operations[1].operation, "projects.groups.roles.create");
    assert_eq!(p.operations[1].depends_on, vec![0]);
    let mut after = m.clone();
    apply(&mut after, &p, None).unwrap();
    assert!(plan_of(&after, text).operations.is_empty());
    // Removing a group's access; a SCIM-managed group is blocked.
    let p = plan_of(&after, "projects:\n  billing-bot:\n    groups:\n      Support: [Project Member, Key Manager]\n      Idp: [Project Member]\n");
    assert_eq!(
        ops(&p),
        vec![(
            "projects.groups.delete",
            "remove group Finance's access to project billing-bot"
        )]
    );
    assert_eq!(p.blocked.len(), 1);
    assert!(p.blocked[0].reason.contains("SCIM"), "{:?}", p.blocked);
}

#[test]
fn the_project_owner_floor_refuses_the_plan() {
    let m = model();
    let p = plan_of(
        &m,
        "groups:\n  New:\n    members: []\nprojects:\n  billing-bot:\n    members:\n      ada@example.com: member\n      bob@example.com: member\n",
    );
    assert_eq!(p.refused, Some(Refusal::NoProjectOwnerLeft));
    assert!(p.operations.is_empty());
    assert_eq!(p.blocked[0].subject, "project billing-bot");
    // Handing ownership over is fine: the new owner is added before the old one steps down.
    let p = plan_of(
        &m,
        "projects:\n  billing-bot:\n    members:\n      ada@example.com: member\n      bob@example.com: owner\n",
    );
    assert_eq!(p.refused, None);
    assert_eq!(
        ops(&p),
        vec![
            (
                "projects.users.update",
                "change the project role of bob@example.com in project billing-bot from member to owner"
            ),
            (
                "projects.users.update",
                "change the project role of ada@example.com in project billing-bot from owner to member"
            ),
        ]
    );
}

#[test]
fn bad_entries_are_blocked_with_their_line_and_bad_files_name_it() {
    let m = model();
    let p = plan_of(
        &m,
        "projects:\n  billing-bott:\n    members: {}\n  old:\n    members: {}\n  renamed:\n    id: proj_a\n  other:\n    id: proj_nope\n  billing-bot:\n    members:\n      ada@example.com: owner\n      bob@example.com: member\n      zed@example.com: member\n    groups:\n      Finance: [Project Member, Invoice Reader, Nope]\n      Ghosts: [Project Member]\n",
    );
    assert!(p.operations.is_empty(), "{:?}", ops(&p));
    let blocked: Vec<String> = p
        .blocked
        .iter()
        .map(|b| format!("{}: {}", b.subject, b.reason))
        .collect();
    let expect = [
        "project billing-bott (line 2): no project of the organization is named billing-bott: a plan never creates one",
        "project old (line 4): the project is archived: archived projects are never planned",
        "project renamed (line 6): its id proj_a (line 7) is project billing-bot, not renamed: a plan never renames a project",
        "project other (line 8): its id proj_nope (line 9) is not a project of the organization",
        "user zed@example.com (line 14): not a member of the organization (invitations are outside these resources)",
        "group Finance in project billing-bot (line 16): Nope (line 16) is not a role of project billing-bot",
        "group Ghosts (line 17): no group of the organization has this name or id",
    ];
    assert_eq!(blocked, expect);
    // Unnamed projects are reported; archived ones are not.
    let p = plan_of(&m, "projects: {}\n");
    let unmanaged: Vec<(&str, &str)> = p
        .unmanaged
        .iter()
        .filter(|u| u.kind == "project")
        .map(|u| (u.name.as_str(), u.id.as_str()))
        .collect();
    assert_eq!(unmanaged, vec![("billing-bot", "proj_a")]);
    assert!(p.operations.is_empty());
    // A member role other than owner or member is an error of the file, with its line.
    let e = read("projects:\n  billing-bot:\n    members:\n      ada@example.com: admin\n")
        .unwrap_err();
    assert_eq!((e.line, e.column), (4, 24));
    assert!(
        e.message
            .contains("the project role of ada@example.com in project `billing-bot` must be `owner` or `member`, not `admin`"),
        "{}",
        e.message
    );
    let e = read("projects:\n  billing-bot:\n    members: [ada@example.com]\n").unwrap_err();
    assert_eq!(e.line, 3);
    let e = read("projects:\n  billing-bot:\n    owners: {}\n").unwrap_err();
    assert!(e.message.contains("unknown key `owners`"), "{}", e.message);
}

#[test]
fn custom_project_roles_are_created_changed_and_pruned_and_a_new_one_can_be_assigned() {
    let m = model();
    let text = "projects:\n  billing-bot:\n    roles:\n      Invoice Reader:\n        id: role_inv\n        permissions: [api.billing.read, api.usage.read]\n      Auditor:\n        description: Reads the project\n        permissions: [api.project.read]\n    groups:\n      Finance: [Project Member, Invoice Reader, Auditor]\n";
    let p = plan_of(&m, text);
    assert_eq!(
        ops(&p),
        vec![
            (
                "projects.roles.update",
                "change role Invoice Reader of project billing-bot: permissions"
            ),
            (
                "projects.roles.create",
                "create role Auditor of project billing-bot (1 permission)"
            ),
            (
                "projects.groups.roles.create",
                "assign project role Auditor to group Finance in project billing-bot"
            ),
        ]
    );
    // The assignment takes the new role's id from its create.
    assert_eq!(p.operations[2].depends_on, vec![1]);
    assert_eq!(
        p.operations[2].body.as_ref().and_then(|b| b.get("role_id")),
        Some(&crate::json::object([("from", 1usize.into())]))
    );
    let mut after = m.clone();
    apply(&mut after, &p, None).unwrap();
    assert!(plan_of(&after, text).operations.is_empty());
    assert!(plan_of(&after, &dump(&after, Format::Yaml))
        .operations
        .is_empty());
    // Key Manager is not named: left alone, deleted only with prune.
    let pruned = plan(&after, &read(text).unwrap(), PlanOptions { prune: true });
    assert_eq!(
        ops(&pruned),
        vec![(
            "projects.roles.delete",
            "delete role Key Manager of project billing-bot"
        )]
    );
    // A rename by id; a predefined role is never edited.
    let p = plan_of(
        &m,
        "projects:\n  billing-bot:\n    roles:\n      Invoices:\n        id: role_inv\n      Project Owner:\n        permissions: []\n",
    );
    assert_eq!(
        ops(&p),
        vec![(
            "projects.roles.update",
            "change role Invoices of project billing-bot: rename from Invoice Reader"
        )]
    );
    assert_eq!(
        p.blocked[0].reason, "a predefined project role is never edited",
        "{:?}",
        p.blocked
    );
}

#[test]
fn a_group_the_plan_creates_is_given_access_and_roles_in_the_same_plan() {
    let m = model();
    let text = "groups:\n  Ops:\n    members: [cy@example.com]\nprojects:\n  billing-bot:\n    roles:\n      Auditor:\n        permissions: [api.project.read]\n    groups:\n      Finance: [Project Member, Invoice Reader]\n      Ops: [Project Member, Auditor]\n";
    let p = plan_of(&m, text);
    assert!(p.blocked.is_empty(), "{:?}", p.blocked);
    assert_eq!(
        ops(&p),
        vec![
            (
                "projects.roles.create",
                "create role Auditor of project billing-bot (1 permission)"
            ),
            ("groups.create", "create group Ops"),
            ("groups.users.create", "add cy@example.com to Ops"),
            (
                "projects.groups.create",
                "give group Ops access to project billing-bot as Project Member"
            ),
            (
                "projects.groups.roles.create",
                "assign project role Auditor to group Ops in project billing-bot"
            ),
        ]
    );
    let from = |i: usize| crate::json::object([("from", i.into())]);
    // The access takes the new group's id from its create, in the body.
    let grant = &p.operations[3];
    assert_eq!(grant.depends_on, vec![1]);
    assert_eq!(grant.body.as_ref().unwrap().get("group_id"), Some(&from(1)));
    // The role waits for the role's create, the group's create and the access.
    let role = &p.operations[4];
    assert_eq!(role.depends_on, vec![0, 1, 3]);
    assert_eq!(
        format!("{:?}", role.ids.get("group_id").unwrap()),
        "From { from: 1 }"
    );
    assert_eq!(role.body.as_ref().unwrap().get("role_id"), Some(&from(0)));
    // Applied with the ids the API gave, the organization matches the file.
    let outcome = |id: Option<&str>| crate::apply::Outcome {
        status: crate::apply::Status::Done,
        result: id.map(|id| crate::json::object([("id", id.into())])),
    };
    let outcomes = [
        outcome(Some("role_aud")),
        outcome(Some("g9")),
        outcome(None),
        outcome(None),
        outcome(None),
    ];
    let mut after = m.clone();
    apply(&mut after, &p, Some(&outcomes)).unwrap();
    let billing = after.find_project("billing-bot").unwrap();
    assert!(billing.groups.as_ref().unwrap().contains("g9"));
    let roles: Vec<&String> = billing.group_roles.get("g9").unwrap().iter().collect();
    assert_eq!(roles, vec!["role-api-project-member", "role_aud"]);
    let again = plan_of(&after, text);
    assert!(again.operations.is_empty(), "{:?}", ops(&again));
    assert!(again.blocked.is_empty(), "{:?}", again.blocked);
    // A group the file names but cannot create is still blocked in the project, with its line.
    let p = plan_of(
        &m,
        "groups:\n  Ops:\n    id: g_gone\nprojects:\n  billing-bot:\n    groups:\n      Finance: [Project Member, Invoice Reader]\n      Ops: [Project Member]\n",
    );
    assert!(ops(&p).is_empty(), "{:?}", ops(&p));
    let blocked: Vec<String> = p.blocked.iter().map(|b| b.subject.clone()).collect();
    assert_eq!(blocked, vec!["group Ops", "group Ops (line 8)"]);
}
