//! Projects through `remote::load`, `remote::load_project_user_roles` and `remote::apply`
//! against the mock (demo seed: five active projects, two archived), each request counted in
//! the mock's request log: the load reads every active project's members, groups and roles and
//! its groups' project roles and no member's own roles; the lazy read reads only that project's
//! members' roles; a plan's project changes reach the mock.

#[path = "../../tests/support/mock.rs"]
mod mock;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::TryStreamExt;
use mock::Mock;
use openai_admin::Client;
use openai_admin_access::apply::Status;
use openai_admin_access::file::{self, Format};
use openai_admin_access::plan::{self, PlanOptions};
use openai_admin_access::projects::answers;
use openai_admin_access::remote::{
    apply, load, load_project_user_roles, load_user_project_roles, ApplyOptions, Error,
    LoadOptions, LoadPhase, LoadProgress,
};
use openai_admin_access::Model;
use serde_json::Value;

const KEY: &str = "sk-admin-canary-7c3e";

fn client(mock: &Mock) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(format!("http://{}/v1", mock.host))
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a client")
}

fn control(mock: &Mock, method: &str, path: &str, body: Option<&str>) -> Value {
    let reply = mock.control(method, path, body);
    assert!(reply.status < 300, "{method} {path}: {}", reply.body);
    serde_json::from_str(&reply.body).unwrap_or(Value::Null)
}

/// The `/v1` requests the mock logged since the last `forget`, as `METHOD path`.
fn requests(mock: &Mock) -> Vec<String> {
    control(mock, "GET", "/__mock/requests", None)["data"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["method"].as_str().unwrap_or("?"),
                e["path"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

fn forget(mock: &Mock) {
    control(mock, "DELETE", "/__mock/requests", None);
}

/// The requests of `log` whose path matches `/v1` + `pattern` (`*` one path segment).
fn count(log: &[String], method: &str, pattern: &str) -> usize {
    let want: Vec<&str> = pattern.split('/').collect();
    log.iter()
        .filter(|line| {
            let Some((m, path)) = line.split_once(' ') else {
                return false;
            };
            let Some(path) = path.strip_prefix("/v1") else {
                return false;
            };
            let got: Vec<&str> = path.split('/').collect();
            m == method
                && got.len() == want.len()
                && got.iter().zip(&want).all(|(g, w)| *w == "*" || g == w)
        })
        .count()
}

fn project_id(model: &Model, name: &str) -> String {
    model
        .find_project(name)
        .unwrap_or_else(|| panic!("project {name}"))
        .project
        .id
        .clone()
}

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

/// `text` with `line` inserted after the first `after` line that follows `project`'s heading.
fn insert_in(text: &str, project: &str, after: &str, line: &str) -> String {
    let at = text
        .find(&format!("\n  {project}:\n"))
        .unwrap_or_else(|| panic!("{project} in the dump"));
    let at = at + text[at..].find(after).unwrap_or_else(|| panic!("{after}")) + after.len();
    format!("{}{line}{}", &text[..at], &text[at..])
}

/// The operations of a plan, by name.
fn names(plan: &plan::Plan) -> Vec<&str> {
    let mut ops: Vec<&str> = plan
        .operations
        .iter()
        .map(|o| o.operation.as_str())
        .collect();
    ops.sort_unstable();
    ops
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_with_project_changes_applied_from_rust_reaches_the_mock() {
    let mock = Mock::start(KEY);
    let client = client(&mock);
    let model = load(&client, LoadOptions::default()).await.expect("a load");
    let billing = project_id(&model, "billing-bot");
    let project = model.find_project(&billing).expect("billing-bot");
    let newcomer = model
        .users()
        .find(|u| !project.members().any(|(m, _)| *m == u.id) && !u.scim)
        .expect("a user outside billing-bot");
    let email = newcomer.email.clone().expect("an email");
    let finance = model.find_group("Finance").expect("Finance").id.clone();
    let dump = file::dump(&model, Format::Yaml);
    // A new member; a new custom role, given to Finance (its id comes from the create).
    let text = insert_in(
        &dump,
        "billing-bot",
        "    members:\n",
        &format!("      {email}: member\n"),
    );
    let text = insert_in(
        &text,
        "billing-bot",
        "    roles:\n",
        "      Key Auditor:\n        permissions: [api.organization.projects.api_keys.read]\n",
    );
    let text = text.replacen(
        "      Finance: [Invoice Reader, Project Member]\n",
        "      Finance: [Invoice Reader, Key Auditor, Project Member]\n",
        1,
    );
    let wanted = file::read(&text).expect("a file");
    let plan = plan::plan(&model, &wanted, PlanOptions::default());
    assert_eq!(
        names(&plan),
        [
            "projects.groups.roles.create",
            "projects.roles.create",
            "projects.users.create"
        ],
        "{plan:?}"
    );
    forget(&mock);
    let outcomes = apply(&client, &plan, ApplyOptions::default())
        .await
        .expect("an apply");
    assert!(
        outcomes.iter().all(|o| o.status == Status::Done),
        "{outcomes:?}"
    );
    let mut posts = requests(&mock);
    posts.sort();
    let role = outcomes
        .iter()
        .zip(&plan.operations)
        .find(|(_, op)| op.operation == "projects.roles.create")
        .and_then(|(o, _)| o.result.as_ref()?["id"].as_str().map(str::to_owned))
        .expect("the new role's id");
    assert_eq!(
        posts,
        [
            format!("POST /v1/organization/projects/{billing}/users"),
            format!("POST /v1/projects/{billing}/groups/{finance}/roles"),
            format!("POST /v1/projects/{billing}/roles"),
        ]
    );
    let projects = client.admin().organization().projects();
    let listed: Vec<_> = projects
        .users(&billing)
        .list_all(None)
        .try_collect()
        .await
        .expect("the members");
    let added = listed
        .iter()
        .find(|m| m.id == newcomer.id)
        .expect("the newcomer is a member");
    assert_eq!(serde_json::to_value(&added.role).expect("JSON"), "member");
    let held: Vec<_> = projects
        .groups(&billing)
        .roles(&finance)
        .list_all(None)
        .try_collect()
        .await
        .expect("Finance's project roles");
    assert!(held.iter().any(|r| r.id == role), "{held:?}");
    let after = load(&client, LoadOptions::default()).await.expect("a load");
    assert!(plan::plan(&after, &wanted, PlanOptions::default())
        .operations
        .is_empty());

    // Back to the dump, pruning: the member removed, the role taken from Finance and deleted.
    let prune = PlanOptions { prune: true };
    let plan = plan::plan(&after, &file::read(&dump).expect("a file"), prune);
    assert_eq!(
        names(&plan),
        [
            "projects.groups.roles.delete",
            "projects.roles.delete",
            "projects.users.delete"
        ],
        "{plan:?}"
    );
    let outcomes = apply(&client, &plan, ApplyOptions::default())
        .await
        .expect("an apply");
    assert!(
        outcomes.iter().all(|o| o.status == Status::Done),
        "{outcomes:?}"
    );
    let last = load(&client, LoadOptions::default()).await.expect("a load");
    assert_eq!(file::dump(&last, Format::Yaml), dump);
}
