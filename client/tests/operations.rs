//! Every operation of the table through the client against the mock (demo seed), each answer
//! read into its model, and each request built by the core as the package builds it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{client, demo, take_requests};
use openai_admin::models::{
    GroupCreateParams, GroupUpdateParams, GroupUserCreateParams, ListParams, Order,
    RoleAssignmentParams, RoleCreateParams, RoleUpdateParams, UserListParams, UserRole,
    UserUpdateParams,
};

#[tokio::test]
async fn every_operation_reaches_the_mock_and_reads_its_answer() {
    let mock = demo();
    let client = client(&mock);
    let org = client.admin().organization();

    // groups
    let page = org.groups().list(None).await.expect("groups.list");
    assert_eq!(page.data().len(), 12);
    let group = org
        .groups()
        .create(GroupCreateParams {
            name: "Rust team".into(),
        })
        .await
        .expect("groups.create");
    assert_eq!(group.name, "Rust team");
    let same = org
        .groups()
        .retrieve(&group.id)
        .await
        .expect("groups.retrieve");
    assert_eq!(same.id, group.id);
    let renamed = org
        .groups()
        .update(
            &group.id,
            GroupUpdateParams {
                name: "Rustaceans".into(),
            },
        )
        .await
        .expect("groups.update");
    assert_eq!(renamed.name, "Rustaceans");

    // users
    let users = org
        .users()
        .list(UserListParams {
            limit: Some(5),
            ..Default::default()
        })
        .await
        .expect("users.list");
    assert_eq!(users.data().len(), 5);
    assert!(users.has_more());
    let user = users.data()[1].clone();
    let fetched = org
        .users()
        .retrieve(&user.id)
        .await
        .expect("users.retrieve");
    assert_eq!(fetched.email, user.email);
    let promoted = org
        .users()
        .update(
            &user.id,
            UserUpdateParams {
                role: Some(UserRole::Owner),
                ..Default::default()
            },
        )
        .await
        .expect("users.update");
    assert_eq!(promoted.role.as_deref(), Some("owner"));

    // group members
    let members = org.groups().users(&group.id);
    let added = members
        .create(GroupUserCreateParams {
            user_id: user.id.clone(),
        })
        .await
        .expect("groups.users.create");
    assert_eq!(added.user_id, user.id);
    let listed = members
        .list(ListParams {
            order: Some(Order::Asc),
            ..Default::default()
        })
        .await
        .expect("groups.users.list");
    assert_eq!(listed.data().len(), 1);
    let member = members
        .retrieve(&user.id)
        .await
        .expect("groups.users.retrieve");
    assert_eq!(member.id, user.id);

    // roles
    let roles = org.roles().list(None).await.expect("roles.list");
    assert!(roles.data().iter().any(|r| r.name == "Owner"));
    let role = org
        .roles()
        .create(RoleCreateParams {
            role_name: "Auditor".into(),
            permissions: vec!["api.groups.read".into()],
            description: None,
        })
        .await
        .expect("roles.create");
    assert_eq!(role.name, "Auditor");
    let role = org
        .roles()
        .retrieve(&role.id)
        .await
        .expect("roles.retrieve");
    let role = org
        .roles()
        .update(
            &role.id,
            RoleUpdateParams {
                description: Some("Reads groups".into()),
                ..Default::default()
            },
        )
        .await
        .expect("roles.update");
    assert_eq!(role.description.as_deref(), Some("Reads groups"));

    // group roles
    let group_roles = org.groups().roles(&group.id);
    let assigned = group_roles
        .create(RoleAssignmentParams {
            role_id: role.id.clone(),
        })
        .await
        .expect("groups.roles.create");
    assert_eq!(assigned.role.id, role.id);
    let listed = group_roles.list(None).await.expect("groups.roles.list");
    assert_eq!(listed.data().len(), 1);
    let details = group_roles
        .retrieve(&role.id)
        .await
        .expect("groups.roles.retrieve");
    assert_eq!(details.id, role.id);

    // user roles
    let user_roles = org.users().roles(&user.id);
    user_roles
        .create(RoleAssignmentParams {
            role_id: role.id.clone(),
        })
        .await
        .expect("users.roles.create");
    let listed = user_roles.list(None).await.expect("users.roles.list");
    assert!(listed.data().iter().any(|r| r.id == role.id));
    let details = user_roles
        .retrieve(&role.id)
        .await
        .expect("users.roles.retrieve");
    assert_eq!(details.id, role.id);

    // removals
    assert!(
        user_roles
            .delete(&role.id)
            .await
            .expect("users.roles.delete")
            .deleted
    );
    assert!(
        group_roles
            .delete(&role.id)
            .await
            .expect("groups.roles.delete")
            .deleted
    );
    assert!(
        members
            .delete(&user.id)
            .await
            .expect("groups.users.delete")
            .deleted
    );
    assert!(
        org.roles()
            .delete(&role.id)
            .await
            .expect("roles.delete")
            .deleted
    );
    assert!(
        org.groups()
            .delete(&group.id)
            .await
            .expect("groups.delete")
            .deleted
    );
    assert!(
        org.users()
            .delete(&user.id)
            .await
            .expect("users.delete")
            .deleted
    );

    // What was sent: the core's paths, with every path parameter where the URL names it.
    let sent = take_requests(&mock);
    let expected = [
        "GET /v1/organization/groups".to_owned(),
        format!("GET /v1/organization/users/{}/roles/{}", user.id, role.id),
        format!(
            "DELETE /v1/organization/groups/{}/users/{}",
            group.id, user.id
        ),
        format!("GET /v1/organization/groups/{}/users?order=asc", group.id),
        "GET /v1/organization/users?limit=5".to_owned(),
    ];
    for line in expected {
        assert!(sent.contains(&line), "{line} not in {sent:#?}");
    }
    assert_eq!(sent.len(), 26, "{sent:#?}");
}
