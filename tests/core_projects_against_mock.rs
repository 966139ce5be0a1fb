//! Runs the 27 project request builders of the core against the real mock server over HTTP and
//! parses the answers into the models: the core and the mock agree on the project operations'
//! wire format, path parameters given in the params object included.
//!
//! The mock binary is taken from `MOCK_BIN`, else `<workspace>/target/debug/openai-admin-mock`.

use openai_admin_wasm::groups::roles::GroupRoleCreateResponse;
use openai_admin_wasm::ops::{build, find};
use openai_admin_wasm::projects::groups::{
    ProjectGroup, ProjectGroupDeleteResponse, ProjectGroupList,
};
use openai_admin_wasm::projects::users::{ProjectUser, ProjectUserDeleteResponse, ProjectUserList};
use openai_admin_wasm::projects::{Project, ProjectList};
use openai_admin_wasm::roles::{
    AssignedRoleDetails, AssignedRoleList, Role, RoleAssignmentDeleteResponse, RoleDeleteResponse,
    RoleList,
};
use openai_admin_wasm::users::roles::UserRoleCreateResponse;
use openai_admin_wasm::users::UserList;
use openai_admin_wasm::{parse_response, ApiRequest};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

const KEY: &str = "sk-admin-core-projects-test";
const OWNER: &str = "role-api-project-owner";

#[path = "support/mock.rs"]
mod mock;
use mock::Mock;

/// The request of `name` with the positional `id` and the params object `params`.
fn req(name: &str, id: Option<&str>, params: Value) -> ApiRequest {
    let op = find(name).unwrap_or_else(|| panic!("`{name}` is not in the table"));
    let text = (!params.is_null()).then(|| params.to_string());
    build(op, id, text.as_deref()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Sends it and parses a 2xx answer into `T`.
fn call<T: DeserializeOwned>(mock: &Mock, request: ApiRequest) -> T {
    let reply = mock.send(&request);
    parse_response(reply.status, None, &reply.body).unwrap_or_else(|e| {
        panic!(
            "{} {} -> {}: {e}\n{}",
            request.method.as_str(),
            request.path_and_query(),
            reply.status,
            reply.body
        )
    })
}

#[test]
fn every_project_builder_against_the_mock() {
    let mock = Mock::start(KEY);
    let mut builders = 0;
    let mut run = |name: &str| {
        builders += 1;
        name.to_owned()
    };

    let list: ProjectList = call(
        &mock,
        req(
            &run("projects.list"),
            None,
            json!({ "limit": 2, "include_archived": true }),
        ),
    );
    assert_eq!((list.data.len(), list.has_more), (2, true));
    assert_eq!(list.last_id.as_deref(), Some(list.data[1].id.as_str()));
    let project: Project = call(
        &mock,
        req(&run("projects.create"), None, json!({ "name": "Core" })),
    );
    let pid = project.id.clone();
    let got: Project = call(
        &mock,
        req(&run("projects.retrieve"), Some(&pid), Value::Null),
    );
    assert_eq!(got.name.as_deref(), Some("Core"));
    let renamed: Project = call(
        &mock,
        req(
            &run("projects.update"),
            Some(&pid),
            json!({ "name": "Core 2" }),
        ),
    );
    assert_eq!(renamed.name.as_deref(), Some("Core 2"));

    let users: UserList = call(&mock, req("users.list", None, json!({ "limit": 3 })));
    let (a, b) = (users.data[0].id.clone(), users.data[1].id.clone());
    let scope = json!({ "project_id": pid });
    let added: ProjectUser = call(
        &mock,
        req(
            &run("projects.users.create"),
            Some(&pid),
            json!({ "user_id": a, "role": "owner" }),
        ),
    );
    assert_eq!(added.role, "owner");
    let _: ProjectUser = call(
        &mock,
        req(
            "projects.users.create",
            Some(&pid),
            json!({ "user_id": b, "role": "member" }),
        ),
    );
    let members: ProjectUserList = call(
        &mock,
        req(
            &run("projects.users.list"),
            Some(&pid),
            json!({ "limit": 1 }),
        ),
    );
    assert_eq!(
        (members.has_more, members.last_id.as_deref()),
        (true, Some(a.as_str()))
    );
    let member: ProjectUser = call(
        &mock,
        req(&run("projects.users.retrieve"), Some(&b), scope.clone()),
    );
    assert_eq!(member.role, "member");
    let update = req(
        &run("projects.users.update"),
        Some(&b),
        json!({ "project_id": pid, "role": "owner" }),
    );
    assert_eq!(
        update.body.as_deref(),
        Some(r#"{"role":"owner"}"#),
        "the path parameter left the body"
    );
    let promoted: ProjectUser = call(&mock, update);
    assert_eq!(promoted.role, "owner");

    let roles: RoleList = call(
        &mock,
        req(&run("projects.roles.list"), Some(&pid), Value::Null),
    );
    assert_eq!(roles.data.len(), 3);
    let role: Role = call(
        &mock,
        req(
            &run("projects.roles.create"),
            Some(&pid),
            json!({ "role_name": "Core Role", "permissions": [] }),
        ),
    );
    assert_eq!(role.resource_type, "api.project");
    let _: Role = call(
        &mock,
        req(
            &run("projects.roles.retrieve"),
            Some(&role.id),
            scope.clone(),
        ),
    );
    let changed: Role = call(
        &mock,
        req(
            &run("projects.roles.update"),
            Some(&role.id),
            json!({ "project_id": pid, "description": "core" }),
        ),
    );
    assert_eq!(changed.description.as_deref(), Some("core"));

    let long = format!("{OWNER}__api-project__{pid}");
    let assigned: UserRoleCreateResponse = call(
        &mock,
        req(
            &run("projects.users.roles.create"),
            Some(&b),
            json!({ "project_id": pid, "role_id": OWNER }),
        ),
    );
    assert_eq!(assigned.role.id, long);
    let held: AssignedRoleList = call(
        &mock,
        req(&run("projects.users.roles.list"), Some(&b), scope.clone()),
    );
    assert_eq!(held.data[0].id, long);
    let pair = json!({ "project_id": pid, "user_id": b });
    let one: AssignedRoleDetails = call(
        &mock,
        req(
            &run("projects.users.roles.retrieve"),
            Some(OWNER),
            pair.clone(),
        ),
    );
    assert_eq!(one.id, long);
    let gone: RoleAssignmentDeleteResponse = call(
        &mock,
        req(&run("projects.users.roles.delete"), Some(&long), pair),
    );
    assert_eq!(gone.object, "user.role.deleted");

    let groups: Value = call(&mock, req("groups.list", None, json!({ "limit": 1 })));
    let gid = groups["data"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let granted: ProjectGroup = call(
        &mock,
        req(
            &run("projects.groups.create"),
            Some(&pid),
            json!({ "group_id": gid, "role": "role-api-project-member" }),
        ),
    );
    assert_eq!(granted.project_id, pid);
    let access: ProjectGroupList = call(
        &mock,
        req(&run("projects.groups.list"), Some(&pid), Value::Null),
    );
    assert_eq!(access.data.len(), 1);
    let _: ProjectGroup = call(
        &mock,
        req(
            &run("projects.groups.retrieve"),
            Some(&gid),
            json!({ "project_id": pid, "group_type": "group" }),
        ),
    );
    let _: GroupRoleCreateResponse = call(
        &mock,
        req(
            &run("projects.groups.roles.create"),
            Some(&gid),
            json!({ "project_id": pid, "role_id": role.id }),
        ),
    );
    let group_roles: AssignedRoleList = call(
        &mock,
        req(
            &run("projects.groups.roles.list"),
            Some(&gid),
            scope.clone(),
        ),
    );
    assert_eq!(group_roles.data.len(), 2);
    let pair = json!({ "project_id": pid, "group_id": gid });
    let _: AssignedRoleDetails = call(
        &mock,
        req(
            &run("projects.groups.roles.retrieve"),
            Some(&role.id),
            pair.clone(),
        ),
    );
    let _: RoleAssignmentDeleteResponse = call(
        &mock,
        req(&run("projects.groups.roles.delete"), Some(&role.id), pair),
    );
    let _: ProjectGroupDeleteResponse = call(
        &mock,
        req(&run("projects.groups.delete"), Some(&gid), scope.clone()),
    );
    let removed: ProjectUserDeleteResponse = call(
        &mock,
        req(&run("projects.users.delete"), Some(&a), scope.clone()),
    );
    assert!(removed.deleted);
    let deleted: RoleDeleteResponse = call(
        &mock,
        req(&run("projects.roles.delete"), Some(&role.id), scope),
    );
    assert!(deleted.deleted);
    let archived: Project = call(
        &mock,
        req(&run("projects.archive"), Some(&pid), Value::Null),
    );
    assert_eq!(archived.status.as_deref(), Some("archived"));

    assert_eq!(
        builders, 27,
        "every project builder of the core was exercised"
    );
}
