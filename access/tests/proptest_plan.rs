//! Properties of `plan` over random organizations and random access files:
//! - the plan of `dump(model)` against the same model is empty;
//! - applying `plan(model, file)` to the model gives a model that matches the file in everything
//!   the file manages, and leaves everything else as it was (planning again gives nothing);
//! - plans are deterministic.
//!
//! The organizations have projects (members with their project role and their own project
//! roles, groups with access and their project roles, an archived project), and the targets
//! change them, with a project's owner kept when it had one.

use openai_admin_access::apply::apply;
use openai_admin_access::file::{dump, read, Format};
use openai_admin_access::model::{Group, Role, User};
use openai_admin_access::plan::{plan, Plan, PlanOptions};
use openai_admin_access::Model;
use proptest::prelude::*;

/// A small deterministic generator (the seed comes from proptest).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn email(i: usize) -> String {
    format!("user{i}@example.com")
}

fn random_org(rng: &mut Rng) -> Model {
    let mut m = Model::new();
    let users = 1 + rng.below(8);
    for i in 0..users {
        let role = if i == 0 || rng.chance(20) {
            "owner"
        } else {
            "reader"
        };
        m.add_user(User {
            id: format!("u{i}"),
            name: Some(format!("User {i}")),
            email: Some(email(i)),
            role: Some(role.into()),
            scim: false,
        });
    }
    m.add_role(Role {
        id: "r_pre".into(),
        name: "Predefined".into(),
        description: None,
        permissions: vec!["api.all".into()],
        predefined: true,
    });
    for i in 0..rng.below(4) {
        m.add_role(Role {
            id: format!("r{i}"),
            name: format!("Role {i}"),
            description: rng.chance(50).then(|| format!("Role number {i}")),
            permissions: (0..rng.below(3)).map(|p| format!("api.p{p}")).collect(),
            predefined: false,
        });
    }
    let roles: Vec<String> = m.roles().map(|r| r.id.clone()).collect();
    for g in 0..rng.below(5) {
        let id = format!("g{g}");
        m.add_group(Group {
            id: id.clone(),
            name: format!("Group {g}"),
            scim: false,
        });
        let members: Vec<String> = (0..users)
            .filter(|_| rng.chance(40))
            .map(|u| format!("u{u}"))
            .collect();
        m.set_members(&id, members);
        let assigned: Vec<String> = roles.iter().filter(|_| rng.chance(30)).cloned().collect();
        m.set_group_role_ids(&id, assigned);
    }
    for u in 0..users {
        let direct: Vec<String> = roles.iter().filter(|_| rng.chance(25)).cloned().collect();
        m.set_direct_roles(&format!("u{u}"), direct);
        if rng.chance(30) {
            // A role list that carries sources: direct items and inherited ones, as the API
            // answers when it gives `assignment_sources`.
            let mut items = Vec::new();
            for role in m.roles() {
                let direct = m.direct_roles(&format!("u{u}")).any(|r| r == &role.id);
                let groups: Vec<String> = m
                    .groups_of(&format!("u{u}"))
                    .into_iter()
                    .filter(|g| m.roles_of_group(g).any(|r| r == &role.id))
                    .cloned()
                    .collect();
                let mut sources: Vec<String> = groups
                    .iter()
                    .map(|g| format!(r#"{{"principal_type":"group","principal_id":"{g}"}}"#))
                    .collect();
                if direct {
                    sources.push(format!(
                        r#"{{"principal_type":"user","principal_id":"u{u}"}}"#
                    ));
                }
                if !sources.is_empty() {
                    items.push(format!(
                        r#"{{"id":"{}","name":"{}","permissions":[],"predefined_role":{},"assignment_sources":[{}]}}"#,
                        role.id, role.name, role.predefined, sources.join(",")
                    ));
                }
            }
            let json = format!("[{}]", items.join(","));
            m.set_user_roles_json(&format!("u{u}"), &json)
                .expect("items read");
        }
    }
    add_projects(&mut m, rng);
    m
}

const PROJECT_ROLES: [&str; 3] = [
    "role-api-project-owner",
    "role-api-project-member",
    "role_keys",
];

/// A project role's id as the API lists it: the predefined ones by their long id.
fn long_id(role: &str, project: &str) -> String {
    if role.starts_with("role-api-") {
        format!("{role}__api-project__{project}")
    } else {
        role.to_owned()
    }
}

fn add_projects(m: &mut Model, rng: &mut Rng) {
    let projects: Vec<String> = (0..rng.below(4))
        .map(|i| format!(r#"{{"id":"p{i}","name":"Project {i}","status":"active"}}"#))
        .chain([r#"{"id":"p_old","name":"Old","status":"archived"}"#.to_owned()])
        .collect();
    m.add_projects_json(&format!("[{}]", projects.join(",")))
        .expect("projects read");
    let ids: Vec<String> = m
        .projects()
        .filter(|p| !p.project.archived)
        .map(|p| p.project.id.clone())
        .collect();
    for p in &ids {
        let roles: Vec<String> = PROJECT_ROLES
            .iter()
            .map(|r| {
                format!(
                    r#"{{"id":"{}","name":"{}","predefined_role":{}}}"#,
                    long_id(r, p),
                    r.trim_start_matches("role-api-").replace('-', " "),
                    r.starts_with("role-api-")
                )
            })
            .collect();
        m.set_project_roles_json(p, &format!("[{}]", roles.join(",")))
            .expect("roles read");
        set_project(m, rng, p, false);
    }
}

/// Random members and groups with access for project `p`; with `keep_owner`, an owner stays
/// when the project had one.
fn set_project(m: &mut Model, rng: &mut Rng, p: &str, keep_owner: bool) {
    let had_owner = m
        .projects()
        .find(|x| x.project.id == p)
        .is_some_and(|x| x.members().any(|(_, r)| r == "owner"));
    let users: Vec<String> = m.users().map(|u| u.id.clone()).collect();
    let mut members: Vec<(String, &str)> = Vec::new();
    for u in &users {
        if rng.chance(40) {
            members.push((u.clone(), if rng.chance(30) { "owner" } else { "member" }));
        }
    }
    if keep_owner && had_owner && !members.iter().any(|(_, r)| *r == "owner") {
        members.retain(|(u, _)| u != &users[0]);
        members.push((users[0].clone(), "owner"));
    }
    let items: Vec<String> = members
        .iter()
        .map(|(u, r)| format!(r#"{{"id":"{u}","role":"{r}"}}"#))
        .collect();
    m.set_project_members_json(p, &format!("[{}]", items.join(",")))
        .expect("members read");
    // Each member's own project roles, read: some given directly (either spelling of a
    // predefined role's id), one sometimes through a group only (never planned).
    for (u, _) in &members {
        let mut roles: Vec<String> = Vec::new();
        for r in PROJECT_ROLES {
            let id = if rng.chance(50) {
                long_id(r, p)
            } else {
                r.to_owned()
            };
            let source = if rng.chance(25) {
                r#"{"principal_type":"user","principal_id":"me"}"#
            } else if rng.chance(10) {
                r#"{"principal_type":"group","principal_id":"g_other"}"#
            } else {
                continue;
            };
            roles.push(format!(
                r#"{{"id":"{id}","name":"n","assignment_sources":[{source}]}}"#
            ));
        }
        m.set_project_user_roles_json(p, u, &format!("[{}]", roles.join(",")))
            .expect("member roles read");
    }
    let groups: Vec<(String, String)> = m
        .groups()
        .filter(|g| !g.id.starts_with("new_"))
        .map(|g| (g.id.clone(), g.name.clone()))
        .collect();
    let chosen: Vec<&(String, String)> = groups.iter().filter(|_| rng.chance(40)).collect();
    let items: Vec<String> = chosen
        .iter()
        .map(|(id, name)| format!(r#"{{"group_id":"{id}","group_name":"{name}"}}"#))
        .collect();
    m.set_project_groups_json(p, &format!("[{}]", items.join(",")))
        .expect("groups read");
    for (g, _) in chosen {
        let mut roles: Vec<String> = Vec::new();
        for r in PROJECT_ROLES {
            if rng.chance(40) {
                // Either spelling of a predefined role's id.
                let id = if rng.chance(50) {
                    long_id(r, p)
                } else {
                    r.to_owned()
                };
                roles.push(format!(r#"{{"id":"{id}","name":"n"}}"#));
            }
        }
        if roles.is_empty() {
            roles.push(format!(
                r#"{{"id":"{}","name":"n"}}"#,
                long_id(PROJECT_ROLES[1], p)
            ));
        }
        m.set_project_group_roles_json(p, g, &format!("[{}]", roles.join(",")))
            .expect("group roles read");
    }
}

/// The organization the file describes: `model` changed at random (renames, new groups and
/// roles, members, assignments, organization roles), always with an owner.
fn random_target(model: &Model, rng: &mut Rng) -> Model {
    let mut t = model.clone();
    let users: Vec<String> = model.users().map(|u| u.id.clone()).collect();
    if rng.chance(40) {
        t.add_role(Role {
            id: "new_role".into(),
            name: "Fresh Role".into(),
            description: None,
            permissions: vec!["api.fresh".into()],
            predefined: false,
        });
    }
    let customs: Vec<Role> = t.roles().filter(|r| !r.predefined).cloned().collect();
    for mut role in customs {
        if rng.chance(30) {
            role.name = format!("{} renamed", role.name);
        }
        if rng.chance(30) {
            role.permissions = vec![format!("api.changed{}", rng.below(3))];
        }
        t.add_role(role);
    }
    let roles: Vec<String> = t.roles().map(|r| r.id.clone()).collect();
    if rng.chance(40) {
        t.add_group(Group {
            id: "new_group".into(),
            name: "Fresh Group".into(),
            scim: false,
        });
    }
    let groups: Vec<Group> = t.groups().cloned().collect();
    for mut group in groups {
        if rng.chance(25) {
            group.name = format!("{} renamed", group.name);
        }
        if rng.chance(50) || group.id.starts_with("new_") {
            t.set_members(&group.id, users.iter().filter(|_| rng.chance(40)).cloned());
        }
        if rng.chance(50) || group.id.starts_with("new_") {
            t.set_group_role_ids(&group.id, roles.iter().filter(|_| rng.chance(30)).cloned());
        }
        t.add_group(group);
    }
    for (i, id) in users.iter().enumerate() {
        if rng.chance(30) {
            let mut user = t.users().find(|u| &u.id == id).cloned().expect("user");
            user.role = Some(
                if i == 0 || rng.chance(30) {
                    "owner"
                } else {
                    "reader"
                }
                .into(),
            );
            t.add_user(user);
        }
        if rng.chance(40) {
            t.set_direct_roles(id, roles.iter().filter(|_| rng.chance(25)).cloned());
        }
    }
    let projects: Vec<String> = t
        .projects()
        .filter(|p| !p.project.archived)
        .map(|p| p.project.id.clone())
        .collect();
    for p in projects {
        if rng.chance(60) {
            set_project(&mut t, rng, &p, true);
        }
    }
    t
}

/// The access file of `target`, without the ids of what does not exist yet.
fn file_of(target: &Model) -> String {
    dump(target, Format::Yaml)
        .lines()
        .filter(|l| !l.trim_start().starts_with("id: new_"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The dump without ids (created things get other ids than the target's).
fn shape(model: &Model) -> String {
    dump(model, Format::Yaml)
        .lines()
        .filter(|l| !l.trim_start().starts_with("id: "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn plan_text(model: &Model, text: &str) -> Plan {
    let file = read(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    plan(model, &file, PlanOptions { prune: false })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_plan_of_the_dump_is_empty(seed in 1u64..) {
        let model = random_org(&mut Rng(seed));
        for format in [Format::Yaml, Format::Json] {
            let file = read(&dump(&model, format)).expect("a dump reads back");
            for prune in [false, true] {
                let p = plan(&model, &file, PlanOptions { prune });
                prop_assert!(p.operations.is_empty(), "{:#?}", p.operations);
                prop_assert!(p.blocked.is_empty(), "{:#?}", p.blocked);
            }
        }
    }

    #[test]
    fn applying_the_plan_makes_the_model_match_the_file(seed in 1u64..) {
        let mut rng = Rng(seed);
        let model = random_org(&mut rng);
        let target = random_target(&model, &mut rng);
        let text = file_of(&target);
        let p = plan_text(&model, &text);
        prop_assert!(p.blocked.is_empty(), "{:#?}\n{text}", p.blocked);
        prop_assert_eq!(&p, &plan_text(&model.clone(), &text), "deterministic");
        let mut after = model.clone();
        apply(&mut after, &p, None).expect("applies");
        prop_assert_eq!(shape(&after), shape(&target), "\n{}\n{:#?}", text, p.operations);
        let again = plan_text(&after, &text);
        prop_assert!(again.operations.is_empty(), "{:#?}", again.operations);
    }

    #[test]
    fn what_the_file_leaves_out_is_left_alone(seed in 1u64..) {
        let mut rng = Rng(seed);
        let model = random_org(&mut rng);
        let target = random_target(&model, &mut rng);
        // The file manages the groups only: roles and users are not in it.
        let text = file_of(&target);
        let groups_only: String = text
            .split_inclusive('\n')
            .skip_while(|l| !l.starts_with("groups:"))
            .take_while(|l| !l.starts_with("users:"))
            .collect();
        let p = plan_text(&model, &groups_only);
        let mut after = model.clone();
        apply(&mut after, &p, None).expect("applies");
        for user in model.users() {
            let before: Vec<&String> = model.direct_roles(&user.id).collect();
            let now: Vec<&String> = after.direct_roles(&user.id).collect();
            prop_assert_eq!(before, now);
        }
        let roles_before: Vec<&Role> = model.roles().collect();
        let roles_after: Vec<&Role> = after.roles().collect();
        prop_assert_eq!(roles_before, roles_after);
        let users_before: Vec<&User> = model.users().collect();
        let users_after: Vec<&User> = after.users().collect();
        prop_assert_eq!(users_before, users_after);
    }
}

/// The generator exercises projects: most random targets plan project rows of every kind.
#[test]
fn the_targets_change_projects() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 1..200u64 {
        let mut rng = Rng(seed);
        let model = random_org(&mut rng);
        let target = random_target(&model, &mut rng);
        let text = file_of(&target);
        assert!(text.contains("\nprojects:") || model.projects().all(|p| p.project.archived));
        for op in plan_text(&model, &text).operations {
            if op.operation.starts_with("projects.") {
                seen.insert(op.operation);
            }
        }
    }
    let expected = [
        "projects.groups.create",
        "projects.groups.delete",
        "projects.groups.roles.create",
        "projects.groups.roles.delete",
        "projects.users.create",
        "projects.users.delete",
        "projects.users.roles.create",
        "projects.users.roles.delete",
        "projects.users.update",
    ];
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), expected);
}
