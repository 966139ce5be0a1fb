use super::answers::{holders_of_project, projects, projects_of_user, projects_read, role_reads};
use super::*;
use crate::answers::{access_of, Source};
use crate::organization::Organization;
use crate::search::HitFacts;

const OWNER_LONG: &str = "role-api-project-owner__api-project__proj_a";
const MEMBER_LONG: &str = "role-api-project-member__api-project__proj_a";

/// Ada owns `billing-bot` (proj_a), Bob is a member there; the group Finance (Cy, Bob) has access
/// with the predefined member role and the custom role Invoice Reader; `old` (proj_z) is archived
/// and Cy is a member there.
pub(crate) fn model() -> Model {
    let mut m = Model::new();
    m.add_users_json(
        r#"[{"id":"u1","name":"Ada","email":"ada@example.com","role":"owner"},
            {"id":"u2","name":"Bob","email":"bob@example.com","role":"reader"},
            {"id":"u3","name":"Cy","email":"cy@example.com","role":"reader"},
            {"id":"u4","name":"Dee","email":"dee@example.com","role":"reader"}]"#,
    )
    .unwrap();
    m.add_groups_json(r#"[{"id":"g1","name":"Finance"}]"#)
        .unwrap();
    m.set_group_members_json("g1", r#"[{"id":"u2"},{"id":"u3"}]"#)
        .unwrap();
    m.add_projects_json(
        r#"[{"id":"proj_a","name":"billing-bot","status":"active","archived_at":null},
            {"id":"proj_z","name":"old","status":"archived","archived_at":1700000000}]"#,
    )
    .unwrap();
    m.set_project_members_json(
        "proj_a",
        r#"[{"id":"u1","email":"ada@example.com","role":"owner"},
            {"id":"u2","email":"bob@example.com","role":"member"}]"#,
    )
    .unwrap();
    m.set_project_members_json("proj_z", r#"[{"id":"u3","role":"member"}]"#)
        .unwrap();
    m.set_project_roles_json(
        "proj_a",
        &format!(
            r#"[{{"id":"{OWNER_LONG}","name":"Project Owner","predefined_role":true,"permissions":["api.project.owner"]}},
               {{"id":"{MEMBER_LONG}","name":"Project Member","predefined_role":true}},
               {{"id":"role_inv","name":"Invoice Reader","permissions":["api.billing.read"]}},
               {{"id":"role_key","name":"Key Manager","permissions":["api.keys.write"]}}]"#
        ),
    )
    .unwrap();
    m.set_project_groups_json("proj_a", r#"[{"group_id":"g1","group_name":"Finance"}]"#)
        .unwrap();
    // The group's roles as the API answers them: the predefined one by its long id.
    m.set_project_group_roles_json(
        "proj_a",
        "g1",
        &format!(
            r#"[{{"id":"{MEMBER_LONG}","name":"Project Member","predefined_role":true}},
               {{"id":"role_inv","name":"Invoice Reader"}}]"#
        ),
    )
    .unwrap();
    m
}

/// `model()` with billing-bot's members' own project roles read: Ada none, Bob Key Manager
/// directly and Invoice Reader through Finance.
pub(crate) fn read_model() -> Model {
    let mut m = model();
    m.set_project_user_roles_json("proj_a", "u1", "[]").unwrap();
    m.set_project_user_roles_json("proj_a", "u2", BOB_ROLES)
        .unwrap();
    m
}

/// Bob's role list in billing-bot: Key Manager directly, Invoice Reader through Finance.
pub(crate) const BOB_ROLES: &str = r#"[{"id":"role_key","name":"Key Manager","assignment_sources":[{"principal_type":"user","principal_id":"u2"}]},
            {"id":"role_inv","name":"Invoice Reader","assignment_sources":[{"principal_type":"group","principal_id":"g1"}]}]"#;

#[test]
fn role_ids_that_do_not_round_trip_have_one_key() {
    assert_eq!(role_key(OWNER_LONG), "role-api-project-owner");
    assert_eq!(role_key("role-api-project-owner"), "role-api-project-owner");
    assert_eq!(role_key("role_inv"), "role_inv");
    let m = model();
    let p = m.find_project("billing-bot").unwrap();
    // Either spelling, or the name, finds the same role.
    for reference in [OWNER_LONG, "role-api-project-owner", "Project Owner"] {
        assert_eq!(
            p.find_role(reference).unwrap().id,
            OWNER_LONG,
            "{reference}"
        );
    }
    assert_eq!(
        p.group_roles["g1"],
        set_of(["role-api-project-member", "role_inv"])
    );
}

fn set_of<const N: usize>(items: [&str; N]) -> Set<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_users_projects_with_role_and_sources() {
    let mut m = model();
    let bob = access_of(&m, "bob@example.com").unwrap();
    let names: Vec<&str> = bob
        .projects
        .iter()
        .map(|p| p.project.name.as_str())
        .collect();
    assert_eq!(names, ["billing-bot"]);
    let a = &bob.projects[0].access;
    assert_eq!(a.membership.as_deref(), Some("member"));
    assert_eq!(
        a.groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Finance"]
    );
    // Bob's own role list is not read yet: only the roles through Finance are known.
    assert!(!a.roles_read);
    let roles: Vec<(&str, &Vec<Source>)> = a
        .roles
        .iter()
        .map(|r| (r.role.name.as_str(), &r.sources))
        .collect();
    assert_eq!(roles.len(), 2);
    assert_eq!(roles[0].0, "Invoice Reader");
    assert!(matches!(roles[0].1.as_slice(), [Source::Group { group }] if group.name == "Finance"));

    // Bob's role list, read: Key Manager directly, Invoice Reader also through Finance.
    m.set_project_user_roles_json("proj_a", "u2", BOB_ROLES)
        .unwrap();
    let bob = projects_of_user(&m, "u2");
    let a = &bob[0].access;
    assert!(a.roles_read);
    let key = a
        .roles
        .iter()
        .find(|r| r.role.name == "Key Manager")
        .unwrap();
    assert_eq!(key.sources, vec![Source::Direct]);
    assert_eq!(key.role.permissions, vec!["api.keys.write".to_string()]);

    // Cy: through Finance only (not a member of billing-bot, so nothing to read), and the
    // archived project as a member, marked.
    let cy = projects_of_user(&m, "u3");
    assert_eq!(cy.len(), 2);
    assert_eq!(cy[0].project.name, "billing-bot");
    assert_eq!(cy[0].access.membership, None);
    assert!(cy[0].access.roles_read);
    assert!(cy[1].project.archived && cy[1].access.membership.as_deref() == Some("member"));
    // Dee can use nothing.
    assert!(projects_of_user(&m, "u4").is_empty());
}

#[test]
fn a_projects_holders_members_groups_and_custom_roles() {
    let m = model();
    for reference in ["billing-bot", "proj_a"] {
        let h = holders_of_project(&m, reference).unwrap();
        assert_eq!(h.project.id, "proj_a");
        let holders: Vec<&str> = h
            .holders
            .iter()
            .filter_map(|h| h.user.email.as_deref())
            .collect();
        assert_eq!(
            holders,
            ["ada@example.com", "bob@example.com", "cy@example.com"]
        );
        let ada = &h.holders[0].access;
        assert_eq!(ada.membership.as_deref(), Some("owner"));
        assert!(ada.groups.is_empty());
        let members: Vec<(&str, &str)> = h
            .members
            .iter()
            .map(|m| (m.user.id.as_str(), m.role.as_str()))
            .collect();
        assert_eq!(members, [("u1", "owner"), ("u2", "member")]);
        assert_eq!(h.groups.len(), 1);
        assert_eq!(h.groups[0].member_count, 2);
        let group_roles: Vec<&str> = h.groups[0].roles.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(group_roles, ["Invoice Reader", "Project Member"]);
        // Custom roles only.
        let roles: Vec<&str> = h.roles.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(roles, ["Invoice Reader", "Key Manager"]);
        assert_eq!((h.read.member_roles, h.read.member_count), (0, 2));
        assert!(h.read.members && h.read.groups && h.read.roles);
    }
    assert!(holders_of_project(&m, "nope").is_none());
}

#[test]
fn archived_projects_are_listed_only_when_asked() {
    let m = model();
    let active: Vec<String> = projects(&m, false)
        .into_iter()
        .map(|r| r.project.name)
        .collect();
    assert_eq!(active, ["billing-bot"]);
    let all: Vec<(String, bool)> = projects(&m, true)
        .into_iter()
        .map(|r| (r.project.name, r.project.archived))
        .collect();
    assert_eq!(all, [("billing-bot".into(), false), ("old".into(), true)]);
}

#[test]
fn custom_role_reads_are_asked_per_person_or_project() {
    let mut m = model();
    let pairs = |reads: Vec<answers::RoleRead>| -> Vec<(String, String)> {
        reads
            .into_iter()
            .map(|r| (r.project_id, r.user_id))
            .collect()
    };
    // One person: only that person's projects (as a member).
    assert_eq!(
        pairs(role_reads(&m, Some("cy@example.com"), None)),
        [("proj_z".into(), "u3".into())]
    );
    // One project: its members.
    assert_eq!(
        pairs(role_reads(&m, None, Some("billing-bot"))),
        [
            ("proj_a".into(), "u1".into()),
            ("proj_a".into(), "u2".into())
        ]
    );
    assert!(role_reads(&m, Some("nobody@example.com"), None).is_empty());
    assert_eq!(projects_read(&m).member_roles, 0);
    m.set_project_user_roles_json("proj_a", "u1", "[]").unwrap();
    m.set_project_user_roles_json("proj_a", "u2", "[]").unwrap();
    assert!(role_reads(&m, None, Some("proj_a")).is_empty());
    let read = projects_read(&m);
    assert_eq!(
        (read.projects, read.members, read.roles, read.member_roles),
        (2, 2, 1, 1)
    );
    // A member who left takes the role list along; the project is complete without them.
    m.set_project_members_json("proj_a", r#"[{"id":"u1","role":"owner"}]"#)
        .unwrap();
    assert!(!m.projects["proj_a"].user_roles.contains_key("u2"));
    assert!(m.projects["proj_a"].user_roles_complete());
}

#[test]
fn search_finds_projects() {
    let mut org = Organization::new();
    org.change(|o| *o = model());
    let hits = org.search("billing", 5);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "proj_a");
    assert_eq!(
        hits[0].facts,
        HitFacts::Project {
            archived: false,
            member_count: 2,
            group_count: 1
        }
    );
    assert!(matches!(
        org.search("old", 5)[0].facts,
        HitFacts::Project { archived: true, .. }
    ));
}
