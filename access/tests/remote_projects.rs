//! Projects through `remote::load`, `remote::load_project_user_roles` and
//! `remote::load_user_project_roles` against the mock (demo seed: five active projects, two
//! archived), each request counted in the mock's request log: the load reads every active
//! project's members, groups and roles and its groups' project roles and no member's own roles;
//! a lazy read reads only that project's members' roles, or that person's. A plan's project
//! changes through `remote::apply`: `remote_projects_apply.rs`.

mod common;
#[path = "../../tests/support/mock.rs"]
mod mock;

use std::sync::{Arc, Mutex};

use common::{client, control, count, forget, project_id, requests, KEY};
use futures_util::TryStreamExt;
use mock::Mock;
use openai_admin_access::file::{self, Format};
use openai_admin_access::projects::answers;
use openai_admin_access::remote::{
    load, load_project_user_roles, load_user_project_roles, Error, LoadOptions, LoadPhase,
    LoadProgress,
};
use openai_admin_access::Model;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_load_reads_every_active_project_and_no_members_own_roles() {
    let mock = Mock::start(KEY);
    let seen: Arc<Mutex<Vec<LoadProgress>>> = Arc::default();
    let record = seen.clone();
    let model = load(
        &client(&mock),
        LoadOptions {
            on_progress: Some(Arc::new(move |p: &LoadProgress| {
                record.lock().expect("progress").push(p.clone())
            })),
            ..LoadOptions::default()
        },
    )
    .await
    .expect("a load");
    let active = answers::projects(&model, false);
    assert_eq!(active.len(), 5, "{active:?}");
    assert_eq!(
        answers::projects(&model, true).len(),
        5,
        "no archived one listed"
    );
    let with_access: usize = model.projects().map(|p| p.groups().count()).sum();
    assert_eq!(with_access, 7, "the demo's groups with access");
    let log = requests(&mock);
    assert_eq!(count(&log, "GET", "/organization/projects"), 1);
    assert_eq!(count(&log, "GET", "/organization/projects/*/users"), 5);
    assert_eq!(count(&log, "GET", "/organization/projects/*/groups"), 5);
    assert_eq!(count(&log, "GET", "/projects/*/roles"), 5);
    assert_eq!(count(&log, "GET", "/projects/*/groups/*/roles"), 7);
    assert_eq!(count(&log, "GET", "/projects/*/users/*/roles"), 0);
    let read = answers::projects_read(&model);
    assert_eq!(
        (
            read.projects,
            read.members,
            read.groups,
            read.roles,
            read.member_roles
        ),
        (5, 5, 5, 5, 0),
        "every part but the members' own roles"
    );
    let billing = model.find_project("billing-bot").expect("billing-bot");
    assert_eq!(billing.members().count(), 4);
    assert!(billing.find_role("Invoice Reader").is_some());
    // Progress: per project read kind, every read counted, in the package's order.
    let last = seen
        .lock()
        .expect("progress")
        .last()
        .cloned()
        .expect("progress was reported");
    assert_eq!(last.phase, LoadPhase::Done);
    let kinds: Vec<(&str, u64, u64)> = last
        .reads
        .iter()
        .map(|r| (r.operation, r.done, r.total))
        .filter(|(op, _, _)| op.starts_with("projects."))
        .collect();
    assert_eq!(
        kinds,
        [
            ("projects.list", 1, 1),
            ("projects.users.list", 5, 5),
            ("projects.groups.list", 5, 5),
            ("projects.roles.list", 5, 5),
            ("projects.groups.roles.list", 7, 7),
            ("projects.users.roles.list", 0, 0),
        ]
    );

    // With `include_archived`, the archived ones are in the model, and none of their lists read.
    forget(&mock);
    let model = load(
        &client(&mock),
        LoadOptions {
            include_archived: true,
            ..LoadOptions::default()
        },
    )
    .await
    .expect("a load");
    let all = answers::projects(&model, true);
    let archived: Vec<&str> = all
        .iter()
        .filter(|r| r.project.archived)
        .map(|r| r.project.name.as_str())
        .collect();
    assert_eq!(archived, ["Legacy Chatbot", "Old Experiments"]);
    let log = requests(&mock);
    assert_eq!(count(&log, "GET", "/organization/projects/*/users"), 5);
    for p in all.iter().filter(|r| r.project.archived) {
        assert!(
            log.iter().all(|line| !line.contains(&p.project.id)),
            "{} was read: {log:?}",
            p.project.name
        );
    }
    assert!(!file::dump(&model, Format::Yaml).contains("Legacy Chatbot"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lazy_read_reads_only_that_projects_members_roles() {
    let mock = Mock::start(KEY);
    let client = client(&mock);
    let mut model = load(&client, LoadOptions::default()).await.expect("a load");
    let billing = project_id(&model, "billing-bot");
    let members: Vec<String> = model
        .find_project(&billing)
        .expect("billing-bot")
        .members()
        .map(|(u, _)| u.clone())
        .collect();
    assert_eq!(members.len(), 4);
    let before = model.clone();
    forget(&mock);
    let read = load_project_user_roles(&client, &mut model, "billing-bot", LoadOptions::default())
        .await
        .expect("the roles");
    assert_eq!(read, 4);
    let log = requests(&mock);
    assert_eq!(log.len(), 4, "{log:?}");
    for member in &members {
        let line = format!("GET /v1/projects/{billing}/users/{member}/roles");
        assert_eq!(log.iter().filter(|l| **l == line).count(), 1, "{log:?}");
    }
    let project = model.find_project(&billing).expect("billing-bot");
    assert!(project.user_roles_complete());
    assert!(model
        .projects()
        .filter(|p| p.project.id != billing)
        .all(|p| p.user_roles.is_empty()));
    // Frances Allen holds the custom role directly: known once her role list is read.
    let frances = model
        .users()
        .find(|u| u.name.as_deref() == Some("Frances Allen"))
        .expect("Frances Allen")
        .id
        .clone();
    let uses = |m: &Model| {
        answers::projects_of_user(m, &frances)
            .into_iter()
            .find(|p| p.project.id == billing)
            .expect("billing-bot is hers")
            .access
    };
    let held =
        |m: &Model| -> Vec<String> { uses(m).roles.iter().map(|r| r.role.name.clone()).collect() };
    assert!(!uses(&before).roles_read);
    assert!(!held(&before).contains(&"API Project Key Manager".to_owned()));
    assert!(uses(&model).roles_read);
    assert!(
        held(&model).contains(&"API Project Key Manager".to_owned()),
        "{:?}",
        held(&model)
    );
    let holders = answers::holders_of_project(&model, "billing-bot").expect("holders");
    assert_eq!(
        (holders.read.member_roles, holders.read.member_count),
        (4, 4)
    );

    // Read: nothing more to read. An unknown project: refused naming it, nothing sent.
    forget(&mock);
    let again = load_project_user_roles(&client, &mut model, &billing, LoadOptions::default())
        .await
        .expect("nothing to read");
    assert_eq!(again, 0);
    let error = load_project_user_roles(&client, &mut model, "no-such", LoadOptions::default())
        .await
        .expect_err("refused");
    match error {
        Error::InvalidArgument { param, message } => {
            assert_eq!(param, "project");
            assert!(message.contains("no-such"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(requests(&mock).is_empty());

    // A model that has listed the projects only: the project's members are read first.
    let listed: Vec<_> = client
        .admin()
        .organization()
        .projects()
        .list_all(None)
        .try_collect()
        .await
        .expect("the projects");
    let mut bare = Model::new();
    bare.add_projects_json(&serde_json::to_string(&listed).expect("JSON"))
        .expect("projects");
    forget(&mock);
    let read = load_project_user_roles(&client, &mut bare, "billing-bot", LoadOptions::default())
        .await
        .expect("the members, then their roles");
    assert_eq!(read, 4);
    let log = requests(&mock);
    assert_eq!(
        log[0],
        format!("GET /v1/organization/projects/{billing}/users")
    );
    assert_eq!(count(&log, "GET", "/projects/*/users/*/roles"), 4);
    assert_eq!(log.len(), 5, "{log:?}");
    let project = bare.find_project(&billing).expect("billing-bot");
    assert!(project.user_roles_complete());
    assert_eq!(project.members().count(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lazy_read_of_a_person_reads_only_that_persons_roles() {
    let mock = Mock::start(KEY);
    let client = client(&mock);
    let mut model = load(&client, LoadOptions::default()).await.expect("a load");
    let owner = model
        .find_user("alan.turing@example.com")
        .expect("Alan Turing")
        .id
        .clone();
    let projects: Vec<String> = model
        .projects()
        .filter(|p| p.members().any(|(u, _)| *u == owner))
        .map(|p| p.project.id.clone())
        .collect();
    assert!(!projects.is_empty());
    forget(&mock);
    let read = load_user_project_roles(
        &client,
        &mut model,
        "alan.turing@example.com",
        LoadOptions::default(),
    )
    .await
    .expect("the roles");
    assert_eq!(read, projects.len());
    let mut log = requests(&mock);
    log.sort();
    let mut want: Vec<String> = projects
        .iter()
        .map(|p| format!("GET /v1/projects/{p}/users/{owner}/roles"))
        .collect();
    want.sort();
    assert_eq!(log, want);
    for access in answers::projects_of_user(&model, &owner) {
        assert!(access.access.roles_read, "{access:?}");
    }
    let others: usize = model.projects().map(|p| p.user_roles.len()).sum();
    assert_eq!(others, projects.len(), "no one else's roles read");

    forget(&mock);
    let error = load_user_project_roles(
        &client,
        &mut model,
        "nobody@example.com",
        LoadOptions::default(),
    )
    .await
    .expect_err("refused");
    assert!(
        matches!(&error, Error::InvalidArgument { param, message } if param == "user" && message.contains("nobody@example.com")),
        "{error:?}"
    );
    assert!(requests(&mock).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_or_group_deleted_after_the_lists_were_read_is_read_as_empty() {
    let mock = Mock::start(KEY);
    let client = client(&mock);
    let whole = load(&client, LoadOptions::default()).await.expect("a load");
    let billing = project_id(&whole, "billing-bot");
    let research = whole
        .find_project("Research Sandbox")
        .expect("Research Sandbox");
    let group = research
        .groups()
        .next()
        .expect("a group with access")
        .clone();
    let faults = format!(
        r#"[{{"method": "GET", "path": "/v1/organization/projects/{billing}/users", "status": 404}},
            {{"method": "GET", "path": "/v1/organization/projects/{billing}/groups", "status": 404}},
            {{"method": "GET", "path": "/v1/projects/{billing}/roles", "status": 404}},
            {{"method": "GET", "path": "/v1/projects/{}/groups/{group}/roles", "status": 404}}]"#,
        research.project.id
    );
    control(&mock, "POST", "/__mock/faults", Some(&faults));
    let model = load(&client, LoadOptions::default())
        .await
        .expect("the load goes on");
    let gone = model.find_project(&billing).expect("still listed");
    assert_eq!(gone.members().count(), 0);
    assert_eq!(gone.groups().count(), 0);
    let research = model
        .find_project("Research Sandbox")
        .expect("Research Sandbox");
    assert!(research
        .group_roles
        .get(&group)
        .is_some_and(|r| r.is_empty()));
    let other = whole.find_project("Data Pipeline").expect("Data Pipeline");
    assert_eq!(
        model.find_project("Data Pipeline").expect("Data Pipeline"),
        other
    );
}
