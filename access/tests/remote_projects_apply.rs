//! A plan's project changes carried out from Rust (`remote::apply`) against the mock (demo
//! seed): a member added, a custom project role created and given to a group through the id its
//! create answered, each request in the mock's log, what the mock then lists, and pruning back to
//! the first dump.

mod common;
#[path = "../../tests/support/mock.rs"]
mod mock;

use common::{client, forget, project_id, requests, KEY};
use futures_util::TryStreamExt;
use mock::Mock;
use openai_admin_access::apply::Status;
use openai_admin_access::file::{self, Format};
use openai_admin_access::plan::{self, PlanOptions};
use openai_admin_access::remote::{apply, load, ApplyOptions, LoadOptions};

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
