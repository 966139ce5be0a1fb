use super::*;
use crate::file::{dump, read, Format};
use crate::model::{Group, Role, User};

fn user(id: &str, email: &str, role: &str, scim: bool) -> User {
    User {
        id: id.into(),
        name: Some(id.into()),
        email: Some(email.into()),
        role: Some(role.into()),
        scim,
    }
}

fn role(id: &str, name: &str, predefined: bool) -> Role {
    Role {
        id: id.into(),
        name: name.into(),
        description: None,
        permissions: vec!["api.groups.read".into()],
        predefined,
    }
}

/// Ada (owner), Grace (reader), Sam (SCIM-managed owner); Engineering (Ada, Grace; Auditor),
/// Support (SCIM, Sam); roles Auditor (custom), Writer (custom, unnamed by files here), Owner
/// Tools (predefined). Grace holds Auditor directly and through Engineering.
fn org() -> Model {
    let mut m = Model::new();
    m.add_user(user("u_ada", "ada@example.com", "owner", false));
    m.add_user(user("u_grace", "grace@example.com", "reader", false));
    m.add_user(user("u_sam", "sam@example.com", "owner", true));
    m.add_group(Group {
        id: "g_eng".into(),
        name: "Engineering".into(),
        scim: false,
    });
    m.add_group(Group {
        id: "g_sup".into(),
        name: "Support".into(),
        scim: true,
    });
    m.add_role(role("r_aud", "Auditor", false));
    m.add_role(role("r_wri", "Writer", false));
    m.add_role(role("r_pre", "Owner Tools", true));
    m.set_members("g_eng", ["u_ada".to_owned(), "u_grace".to_owned()]);
    m.set_members("g_sup", ["u_sam".to_owned()]);
    m.set_group_role_ids("g_eng", ["r_aud".to_owned()]);
    m.set_direct_roles("u_grace", ["r_aud".to_owned()]);
    m
}

fn plan_of(model: &Model, text: &str, prune: bool) -> Plan {
    let file = read(text).unwrap_or_else(|e| panic!("{e}"));
    plan(model, &file, PlanOptions { prune })
}

fn ops(plan: &Plan) -> Vec<String> {
    plan.operations
        .iter()
        .map(|o| format!("{} {}", o.operation, o.summary))
        .collect()
}

fn reasons(plan: &Plan) -> Vec<String> {
    plan.blocked
        .iter()
        .map(|b| format!("{}: {}", b.subject, b.reason))
        .collect()
}

#[test]
fn the_dump_plans_nothing() {
    let m = org();
    for format in [Format::Yaml, Format::Json] {
        let p = plan_of(&m, &dump(&m, format), true);
        assert_eq!(ops(&p), Vec::<String>::new());
        assert_eq!(reasons(&p), Vec::<String>::new());
    }
}

#[test]
fn creates_come_first_and_ids_come_from_them() {
    let m = org();
    let p = plan_of(
        &m,
        "roles:\n  Deployer:\n    permissions: [api.x]\ngroups:\n  Platform:\n    members: [ada@example.com]\n    roles: [Deployer, Auditor]\n",
        false,
    );
    assert_eq!(
        ops(&p),
        [
            "roles.create create role Deployer (1 permission)",
            "groups.create create group Platform",
            "groups.users.create add ada@example.com to Platform",
            "groups.roles.create assign role Deployer to group Platform",
            "groups.roles.create assign role Auditor to group Platform",
        ]
    );
    let assign = &p.operations[3];
    assert_eq!(assign.ids["group_id"], PlanId::From { from: 1 });
    assert_eq!(
        assign
            .body
            .as_ref()
            .map(|b| crate::json::to_serde(b)["role_id"].clone()),
        Some(serde_json::json!({ "from": 0 }))
    );
    assert_eq!(assign.depends_on, [0, 1]);
    assert_eq!(
        p.operations[4]
            .body
            .as_ref()
            .map(|b| crate::json::to_serde(b)["role_id"].clone()),
        Some(serde_json::json!("r_aud"))
    );
}

#[test]
fn renames_by_id_and_removals_after_adds() {
    let m = org();
    let p = plan_of(
        &m,
        "groups:\n  Eng:\n    id: g_eng\n    members: [ada@example.com, SAM@example.com]\n",
        false,
    );
    assert_eq!(
        ops(&p),
        [
            "groups.update rename group Engineering to Eng",
            "groups.users.create add SAM@example.com to Eng",
            "groups.users.delete remove grace@example.com from Eng",
        ]
    );
    assert_eq!(
        p.operations[2].ids["user_id"],
        PlanId::Known("u_grace".into())
    );
}

#[test]
fn scim_groups_and_scim_org_roles_are_blocked() {
    let m = org();
    let p = plan_of(
        &m,
        "groups:\n  Support:\n    members: []\nusers:\n  sam@example.com:\n    role: reader\n",
        false,
    );
    assert_eq!(ops(&p), Vec::<String>::new());
    let r = reasons(&p);
    assert!(r[0].starts_with("group Support: SCIM-managed"), "{r:?}");
    assert!(
        r[1].starts_with("organization role of sam@example.com: SCIM-managed user"),
        "{r:?}"
    );
    // Naming a SCIM group without changing it is not blocked.
    let p = plan_of(
        &m,
        "groups:\n  Support:\n    members: [sam@example.com]\n",
        true,
    );
    assert!(
        reasons(&p).iter().all(|r| !r.contains("Support")),
        "{:?}",
        reasons(&p)
    );
    // Pruning never deletes a SCIM group.
    assert!(ops(&p)
        .iter()
        .any(|o| o == "groups.delete delete group Engineering"));
    let p = plan_of(&m, "groups: {}\n", true);
    assert!(reasons(&p)
        .iter()
        .any(|r| r.starts_with("group Support: not deleted: SCIM")));
}

#[test]
fn predefined_roles_unknown_references_and_strangers_are_blocked() {
    let m = org();
    let p = plan_of(
        &m,
        "roles:\n  Owner Tools:\n    permissions: []\ngroups:\n  Engineering:\n    members: [ada@example.com, eve@example.com, grace@example.com]\n    roles: [Auditor, Nope, Owner Tools]\nusers:\n  eve@example.com:\n    role: owner\n",
        false,
    );
    assert_eq!(ops(&p), Vec::<String>::new());
    let r = reasons(&p);
    assert!(
        r.iter()
            .any(|r| r.starts_with("role Owner Tools: a predefined role")),
        "{r:?}"
    );
    assert!(
        r.iter()
            .any(|r| r.starts_with("member eve@example.com of group Engineering: not a member")),
        "{r:?}"
    );
    assert!(
        r.iter()
            .any(|r| r.starts_with("role Nope of group Engineering: the role neither exists")),
        "{r:?}"
    );
    assert!(
        r.iter()
            .any(|r| r.starts_with("user eve@example.com: not a member")),
        "{r:?}"
    );
    // A predefined role named in `roles:` is blocked as a definition, but may still be assigned.
    assert!(
        r.iter()
            .any(|r| r
                .starts_with("role Owner Tools of group Engineering: role Owner Tools is blocked")),
        "{r:?}"
    );
}

#[test]
fn no_owner_left_refuses_the_whole_plan() {
    let mut m = org();
    if let Some(sam) = m.users.get_mut("u_sam") {
        sam.role = Some("reader".into());
    }
    let p = plan_of(
        &m,
        "users:\n  ada@example.com:\n    role: reader\n  grace@example.com:\n    roles: []\n",
        false,
    );
    assert_eq!(ops(&p), Vec::<String>::new());
    assert_eq!(p.blocked[0].subject, "organization");
    assert!(p.blocked[0].reason.contains("no owner"));
    // Handing over ownership is fine: the new owner is added before the old one is removed.
    let p = plan_of(
        &m,
        "users:\n  ada@example.com:\n    role: reader\n  grace@example.com:\n    role: owner\n",
        false,
    );
    assert_eq!(p.operations.len(), 2);
    assert!(p.operations[0]
        .summary
        .contains("grace@example.com from reader to owner"));
}

#[test]
fn inherited_roles_are_never_removed_as_direct() {
    let mut m = org();
    // Ada holds Auditor only through Engineering.
    m.set_user_roles_json(
        "u_ada",
        r#"[{"id":"r_aud","name":"Auditor","permissions":[],"predefined_role":false,"assignment_sources":[{"principal_type":"group","principal_id":"g_eng"}]}]"#,
    )
    .expect("reads");
    let p = plan_of(
        &m,
        "users:\n  ada@example.com:\n    roles: []\n  grace@example.com:\n    roles: []\n",
        false,
    );
    assert_eq!(
        ops(&p),
        ["users.roles.delete unassign role Auditor from grace@example.com"]
    );
}

#[test]
fn prune_deletes_only_groups_and_custom_roles_the_file_does_not_name() {
    let m = org();
    let p = plan_of(
        &m,
        "roles:\n  Auditor: {}\ngroups:\n  Engineering: {}\n",
        true,
    );
    assert_eq!(ops(&p), ["roles.delete delete role Writer"]);
    let p = plan_of(
        &m,
        "roles: {}\ngroups:\n  Engineering:\n    roles: [Writer, Auditor]\n",
        true,
    );
    assert_eq!(
        ops(&p),
        ["groups.roles.create assign role Writer to group Engineering"],
        "a role the file assigns is not pruned"
    );
    let unmanaged: Vec<&str> = p.unmanaged.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        unmanaged,
        [
            "Auditor",
            "Writer",
            "ada@example.com",
            "grace@example.com",
            "sam@example.com"
        ]
    );
}

#[test]
fn role_changes_and_name_swaps() {
    let m = org();
    let p = plan_of(
        &m,
        "roles:\n  Writer:\n    id: r_aud\n    permissions: [api.groups.read]\n  Auditor:\n    id: r_wri\n",
        false,
    );
    let r = reasons(&p);
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(r.iter().all(|r| r.contains("cycle")), "{r:?}");
    assert_eq!(ops(&p), Vec::<String>::new());
    let p = plan_of(&m, "roles:\n  Auditors:\n    id: r_aud\n    description: Reads\n    permissions: [b, a]\n  Auditor: {permissions: []}\n", false);
    assert_eq!(
        ops(&p),
        [
            "roles.update change role Auditors: rename Auditor to Auditors; description; permissions +a +b -api.groups.read",
            "roles.create create role Auditor (0 permissions)",
        ]
    );
    assert_eq!(p.operations[1].depends_on, [0]);
}

#[test]
fn plans_are_deterministic() {
    let m = org();
    let text = "roles:\n  X: {permissions: []}\ngroups:\n  A:\n    members: [grace@example.com, ada@example.com]\n    roles: [X, Auditor]\n  Engineering:\n    members: []\n";
    let first = plan_of(&m, text, true);
    for _ in 0..5 {
        assert_eq!(plan_of(&m.clone(), text, true), first);
    }
}

#[test]
fn every_operation_is_a_row_of_the_table_with_its_path_parameters() {
    let m = org();
    let text = "roles:\n  New: {permissions: []}\n  Auditors:\n    id: r_aud\n    permissions: []\ngroups:\n  Eng:\n    id: g_eng\n    members: [sam@example.com]\n    roles: [New]\n  Fresh:\n    members: [ada@example.com]\n    roles: [Writer]\nusers:\n  grace@example.com:\n    role: owner\n    roles: [New]\n  ada@example.com:\n    role: reader\n    roles: []\n";
    let mut p = plan_of(&m, text, true);
    let mut csv = crate::csv::plan_csv(
        &m,
        "Engineering,sam@example.com\nEngineering,ada@example.com,remove\n",
    )
    .expect("plans");
    p.operations.append(&mut csv.operations);
    p.operations
        .append(&mut plan_of(&m, "roles: {}\ngroups: {}\n", true).operations);
    let mut seen = crate::map::Set::new();
    for op in &p.operations {
        let row = openai_admin_wasm::ops::find(&op.operation)
            .unwrap_or_else(|| panic!("{} is no row", op.operation));
        assert!(row.writes, "{}", op.operation);
        let params: Vec<&str> = row.path_params().collect();
        let ids: Vec<&str> = op.ids.keys().map(String::as_str).collect();
        let mut want = params.clone();
        want.sort_unstable();
        assert_eq!(ids, want, "{}", op.operation);
        seen.insert(op.operation.as_str());
    }
    // Every kind of write a plan makes appears above (users are never created nor deleted).
    assert_eq!(seen.len(), 13, "{seen:?}");
}
