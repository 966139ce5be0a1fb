//! Runs every request builder of the core against the real mock server over HTTP and parses the
//! answers into the models, so the core and the mock are shown to agree on the wire format.
//!
//! The mock binary is taken from `MOCK_BIN` (at build time or at run time), else from
//! `<workspace>/target/debug/openai-admin-mock`; build it first with
//! `cargo build -p openai-admin-mock`.

use openai_admin_wasm::groups::{
    self, Group, GroupCreateParams, GroupDeleteResponse, GroupList, GroupUpdateParams,
    GroupUpdateResponse,
};
use openai_admin_wasm::ops::{build, find};
use openai_admin_wasm::params::{ListParams, Order};
use openai_admin_wasm::roles::{
    AssignedRoleDetails, AssignedRoleList, Role, RoleAssignmentDeleteResponse, RoleCreateParams,
    RoleDeleteResponse, RoleList, RoleUpdateParams,
};
use openai_admin_wasm::users::{
    self, OrganizationUser, UserDeleteResponse, UserList, UserListParams, UserRole,
    UserUpdateParams,
};
use openai_admin_wasm::{parse_response, ApiRequest, Error};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The request of operation `name` (a row of the table) with these params, as JavaScript would
/// pass them.
fn req<T: Serialize + ?Sized>(name: &str, params: &T) -> Result<ApiRequest, Error> {
    build_with(name, None, params)
}

/// [`req`] for an operation whose last path parameter is `id`.
fn req_id<T: Serialize + ?Sized>(name: &str, id: &str, params: &T) -> Result<ApiRequest, Error> {
    build_with(name, Some(id), params)
}

fn build_with<T: Serialize + ?Sized>(
    name: &str,
    id: Option<&str>,
    params: &T,
) -> Result<ApiRequest, Error> {
    let op = find(name).unwrap_or_else(|| panic!("`{name}` is not in the table"));
    let json = serde_json::to_string(params).expect("params serialize");
    build(op, id, (json != "null").then_some(json.as_str()))
}

/// The admin key the mock is started with.
const KEY: &str = "sk-admin-core-test";

#[path = "support/mock.rs"]
mod mock;
use mock::{Mock, Reply};

impl Mock {
    /// Sends a request and parses a 2xx answer into `T`, failing with the body otherwise.
    fn call<T: DeserializeOwned>(&self, request: Result<ApiRequest, Error>) -> T {
        let request = request.expect("the builder accepts its arguments");
        let reply = self.send(&request);
        match reply.decode::<T>() {
            Ok(value) => value,
            Err(err) => panic!(
                "{} {} -> {}: {err}\n{}",
                request.method.as_str(),
                request.path_and_query(),
                reply.status,
                reply.body
            ),
        }
    }

    /// Sends a request that must fail with an API error, and returns it.
    fn fail(&self, request: &ApiRequest, key: &str) -> (openai_admin_wasm::ApiError, Reply) {
        let reply = self.send_with_key(request, key);
        match reply.decode::<serde_json::Value>() {
            Err(Error::Api(api)) => (*api, reply),
            other => panic!("expected an API error, got {other:?}: {}", reply.body),
        }
    }
}

impl Reply {
    fn decode<T: DeserializeOwned>(&self) -> Result<T, Error> {
        parse_response(self.status, self.request_id.as_deref(), &self.body)
    }
}

#[test]
fn every_builder_round_trips_through_the_mock() {
    let mock = Mock::start(KEY);
    let mut builders = 0;

    // users: list (both pages of a cursor walk, and the emails filter), retrieve, update.
    let first: UserList = mock.call(req(
        "users.list",
        &UserListParams {
            limit: Some(2),
            ..Default::default()
        },
    ));
    builders += 1;
    assert_eq!(first.data.len(), 2, "the demo seed has more than two users");
    assert_eq!(first.last_id.as_deref(), Some(first.data[1].id.as_str()));
    assert!(first.has_more, "a second page of users");
    let after = first.last_id.clone().expect("a cursor");
    let second: UserList = mock.call(req(
        "users.list",
        &UserListParams {
            after: Some(after),
            limit: Some(2),
            emails: None,
        },
    ));
    assert!(second
        .data
        .iter()
        .all(|u| first.data.iter().all(|f| f.id != u.id)));
    let all: UserList = mock.call(req(
        "users.list",
        &UserListParams {
            limit: Some(100),
            ..Default::default()
        },
    ));
    let with_email: Vec<&OrganizationUser> =
        all.data.iter().filter(|u| u.email.is_some()).collect();
    let emails = vec![
        with_email[0].email.clone().expect("an email"),
        with_email[1]
            .email
            .clone()
            .expect("an email")
            .to_uppercase(),
    ];
    let filtered: UserList = mock.call(req(
        "users.list",
        &UserListParams {
            emails: Some(emails),
            ..Default::default()
        },
    ));
    let mut got: Vec<&str> = filtered.data.iter().map(|u| u.id.as_str()).collect();
    let mut want = vec![with_email[0].id.as_str(), with_email[1].id.as_str()];
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want, "the emails filter selects exactly those users");

    let user = &all.data[0];
    let other = all
        .data
        .iter()
        .find(|u| u.role.as_deref() == Some("reader"))
        .expect("a reader in the demo seed");
    let fetched: OrganizationUser = mock.call(req_id("users.retrieve", &user.id, &()));
    builders += 1;
    assert_eq!(fetched.id, user.id);
    assert_eq!(fetched.object.as_deref(), Some("organization.user"));
    let updated: OrganizationUser = mock.call(req_id(
        "users.update",
        &other.id,
        &UserUpdateParams {
            role: Some(UserRole::Reader),
            technical_level: Some("expert".into()),
            ..Default::default()
        },
    ));
    builders += 1;
    assert_eq!(updated.role.as_deref(), Some("reader"));
    assert_eq!(updated.technical_level.as_deref(), Some("expert"));

    // roles: list, create, retrieve, update.
    let role_list: RoleList = mock.call(req(
        "roles.list",
        &ListParams {
            limit: Some(1000),
            ..Default::default()
        },
    ));
    builders += 1;
    assert!(role_list.data.iter().any(|r| r.predefined_role));
    let role: Role = mock.call(req(
        "roles.create",
        &RoleCreateParams {
            role_name: "Core Test Role".into(),
            permissions: vec!["api.groups.read".into()],
            description: Some("Made by the core test".into()),
        },
    ));
    builders += 1;
    assert_eq!(
        (role.name.as_str(), role.predefined_role),
        ("Core Test Role", false)
    );
    let again: Role = mock.call(req_id("roles.retrieve", &role.id, &()));
    builders += 1;
    assert_eq!(again, role);
    let renamed: Role = mock.call(req_id(
        "roles.update",
        &role.id,
        &RoleUpdateParams {
            role_name: Some("Core Test Role 2".into()),
            permissions: Some(vec!["api.groups.read".into(), "api.groups.write".into()]),
            description: Some("Updated by the core test".into()),
        },
    ));
    builders += 1;
    assert_eq!(renamed.name, "Core Test Role 2");
    assert_eq!(renamed.permissions.len(), 2);
    assert_eq!(
        renamed.description.as_deref(),
        Some("Updated by the core test")
    );

    // groups: create, list, retrieve, update.
    let group: Group = mock.call(req(
        "groups.create",
        &GroupCreateParams {
            name: "Core Test Group".into(),
        },
    ));
    builders += 1;
    let group_list: GroupList = mock.call(req(
        "groups.list",
        &ListParams {
            limit: Some(1000),
            order: Some(Order::Desc),
            after: None,
        },
    ));
    builders += 1;
    assert!(group_list.data.iter().any(|g| g.id == group.id));
    let fetched: Group = mock.call(req_id("groups.retrieve", &group.id, &()));
    builders += 1;
    assert_eq!(fetched, group);
    let updated: GroupUpdateResponse = mock.call(req_id(
        "groups.update",
        &group.id,
        &GroupUpdateParams {
            name: "Core Test Group 2".into(),
        },
    ));
    builders += 1;
    assert_eq!(updated.name, "Core Test Group 2");

    // group members: create, list, retrieve, delete.
    let added: groups::users::GroupUserCreateResponse = mock.call(req_id(
        "groups.users.create",
        &group.id,
        &groups::users::GroupUserCreateParams {
            user_id: user.id.clone(),
        },
    ));
    builders += 1;
    assert_eq!(
        (added.group_id.as_str(), added.user_id.as_str()),
        (group.id.as_str(), user.id.as_str())
    );
    let members: groups::users::GroupUserList = mock.call(req_id(
        "groups.users.list",
        &group.id,
        &ListParams::default(),
    ));
    builders += 1;
    assert_eq!(members.data.len(), 1);
    assert_eq!(members.data[0].id, user.id);
    assert!(!members.has_more);
    let member: groups::users::GroupUserRetrieveResponse = mock.call(req_id(
        "groups.users.retrieve",
        &user.id,
        &serde_json::json!({ "group_id": &group.id }),
    ));
    builders += 1;
    assert_eq!(member.id, user.id);
    let removed: groups::users::GroupUserDeleteResponse = mock.call(req_id(
        "groups.users.delete",
        &user.id,
        &serde_json::json!({ "group_id": &group.id }),
    ));
    builders += 1;
    assert!(removed.deleted);

    // group roles: create, list, retrieve, delete.
    let assigned: groups::roles::GroupRoleCreateResponse = mock.call(req_id(
        "groups.roles.create",
        &group.id,
        &groups::roles::GroupRoleCreateParams {
            role_id: role.id.clone(),
        },
    ));
    builders += 1;
    assert_eq!(
        (assigned.group.id.as_str(), assigned.role.id.as_str()),
        (group.id.as_str(), role.id.as_str())
    );
    let group_roles: AssignedRoleList = mock.call(req_id(
        "groups.roles.list",
        &group.id,
        &ListParams::default(),
    ));
    builders += 1;
    assert!(group_roles.data.iter().any(|r| r.id == role.id));
    let detail: AssignedRoleDetails = mock.call(req_id(
        "groups.roles.retrieve",
        &role.id,
        &serde_json::json!({ "group_id": &group.id }),
    ));
    builders += 1;
    assert_eq!(detail.name, "Core Test Role 2");
    let unassigned: RoleAssignmentDeleteResponse = mock.call(req_id(
        "groups.roles.delete",
        &role.id,
        &serde_json::json!({ "group_id": &group.id }),
    ));
    builders += 1;
    assert_eq!(
        (unassigned.object.as_str(), unassigned.deleted),
        ("group.role.deleted", true)
    );

    // user roles: create, list, retrieve, delete.
    let assigned: users::roles::UserRoleCreateResponse = mock.call(req_id(
        "users.roles.create",
        &user.id,
        &users::roles::UserRoleCreateParams {
            role_id: role.id.clone(),
        },
    ));
    builders += 1;
    assert_eq!(
        (assigned.user.id.as_str(), assigned.role.id.as_str()),
        (user.id.as_str(), role.id.as_str())
    );
    let user_roles: AssignedRoleList = mock.call(req_id(
        "users.roles.list",
        &user.id,
        &ListParams {
            limit: Some(1000),
            ..Default::default()
        },
    ));
    builders += 1;
    assert!(user_roles.data.iter().any(|r| r.id == role.id));
    let detail: AssignedRoleDetails = mock.call(req_id(
        "users.roles.retrieve",
        &role.id,
        &serde_json::json!({ "user_id": &user.id }),
    ));
    builders += 1;
    assert_eq!(detail.id, role.id);
    let unassigned: RoleAssignmentDeleteResponse = mock.call(req_id(
        "users.roles.delete",
        &role.id,
        &serde_json::json!({ "user_id": &user.id }),
    ));
    builders += 1;
    assert_eq!(
        (unassigned.object.as_str(), unassigned.deleted),
        ("user.role.deleted", true)
    );

    // deletes, each followed by a 404.
    let deleted: RoleDeleteResponse = mock.call(req_id("roles.delete", &role.id, &()));
    builders += 1;
    assert_eq!(
        (deleted.id.as_str(), deleted.deleted),
        (role.id.as_str(), true)
    );
    let deleted: GroupDeleteResponse = mock.call(req_id("groups.delete", &group.id, &()));
    builders += 1;
    assert_eq!(
        (deleted.id.as_str(), deleted.deleted),
        (group.id.as_str(), true)
    );
    let deleted: UserDeleteResponse = mock.call(req_id("users.delete", &other.id, &()));
    builders += 1;
    assert_eq!(
        (deleted.id.as_str(), deleted.deleted),
        (other.id.as_str(), true)
    );
    for request in [
        req_id("roles.retrieve", &role.id, &()),
        req_id("groups.retrieve", &group.id, &()),
        req_id("users.retrieve", &other.id, &()),
    ] {
        let (err, _) = mock.fail(&request.expect("a request"), KEY);
        assert_eq!(err.status, 404, "{}", err.message);
    }

    assert_eq!(builders, 26, "every builder of the core was exercised");
}

#[test]
fn pages_walk_to_the_end_with_next() {
    let mock = Mock::start(KEY);
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page: GroupList = mock.call(req(
            "groups.list",
            &ListParams {
                after: after.take(),
                limit: Some(1),
                order: None,
            },
        ));
        seen.extend(page.data.iter().map(|g| g.id.clone()));
        // The mock's pages are regular: `has_more` with a cursor until the last one.
        if !page.has_more {
            break;
        }
        after = Some(page.next.clone().expect("a cursor when has_more"));
        assert!(seen.len() < 1000, "the cursor walk never ends");
    }
    let everything: GroupList = mock.call(req("groups.list", &ListParams::default()));
    let all: Vec<String> = everything.data.iter().map(|g| g.id.clone()).collect();
    assert_eq!(seen, all);
    assert!(seen.len() > 1, "the demo seed has several groups");
}

#[test]
fn errors_come_back_typed() {
    let mock = Mock::start(KEY);

    // 404, with the request id of the response.
    let request = req_id("groups.retrieve", "group_does_not_exist", &()).expect("a request");
    let (err, reply) = mock.fail(&request, KEY);
    assert_eq!(err.status, 404);
    assert!(err.message.starts_with("404 "), "{}", err.message);
    assert!(
        err.message.contains("group_does_not_exist"),
        "{}",
        err.message
    );
    assert!(err.request_id.is_some(), "the mock sends x-request-id");
    assert_eq!(err.request_id, reply.request_id);
    assert_eq!(err.error_type.as_deref(), Some("invalid_request_error"));

    // An id that needs encoding reaches the server as one segment and comes back decoded.
    let request = req_id("groups.retrieve", "a/b c?", &()).expect("a request");
    let (err, _) = mock.fail(&request, KEY);
    assert_eq!(err.status, 404);
    assert!(err.message.contains("'a/b c?'"), "{}", err.message);

    // 400 naming the parameter: a role name already taken.
    let body = RoleCreateParams {
        role_name: "Dup Role".into(),
        permissions: vec![],
        description: None,
    };
    let _: Role = mock.call(req("roles.create", &body));
    let (err, _) = mock.fail(&req("roles.create", &body).expect("a request"), KEY);
    assert_eq!(err.status, 400);
    assert_eq!(err.param.as_deref(), Some("role_name"));
    assert!(err.error_json.is_some());

    // 400 from the server's own range check, for a query the builders would refuse.
    let mut request = req("groups.list", &ListParams::default()).expect("a request");
    request.query.push(("limit".into(), "5000".into()));
    let (err, _) = mock.fail(&request, KEY);
    assert_eq!(err.status, 400);
    assert_eq!(err.param.as_deref(), Some("limit"));

    // 401 for a wrong key.
    let request = req("users.list", &UserListParams::default()).expect("a request");
    let (err, reply) = mock.fail(&request, "sk-admin-wrong");
    assert_eq!(err.status, 401);
    assert!(reply.request_id.is_some());
    assert!(!err.message.contains("sk-admin-wrong"), "{}", err.message);
}
