use super::*;

fn user(id: &str, email: &str) -> User {
    User {
        id: id.into(),
        name: None,
        email: Some(email.into()),
        role: None,
        scim: false,
    }
}

#[test]
fn one_user_lookup_id_first_then_email() {
    let mut m = Model::new();
    m.add_user(user("u2", "Ada@Example.com"));
    m.add_user(user("u1", "ada@example.com"));
    m.add_user(user("u3", "u2"));
    // An id wins over an email that reads the same.
    assert_eq!(m.find_user("u2").map(|u| u.id.as_str()), Some("u2"));
    // One email, several users: the smallest id, whatever the order they came in.
    assert_eq!(
        m.find_user(" ADA@example.COM").map(|u| u.id.as_str()),
        Some("u1")
    );
    // A user's email changed: the old one finds the other holder, the new one this user.
    m.add_user(user("u1", "new@example.com"));
    assert_eq!(
        m.find_user("ada@example.com").map(|u| u.id.as_str()),
        Some("u2")
    );
    assert_eq!(
        m.find_user("NEW@example.com").map(|u| u.id.as_str()),
        Some("u1")
    );
    // A member list brings a user the user list has not: found by email too.
    m.set_group_members_json("g1", r#"[{"id":"u9","email":"nine@example.com"}]"#)
        .unwrap();
    assert_eq!(
        m.find_user("nine@example.com").map(|u| u.id.as_str()),
        Some("u9")
    );
    assert!(m.find_user("nobody@example.com").is_none());
}

#[test]
fn groups_by_name_ties_by_id() {
    let mut m = Model::new();
    for (id, name) in [("g1", "Zeta"), ("g3", "Alpha"), ("g2", "Alpha")] {
        m.add_group(Group {
            id: id.into(),
            name: name.into(),
            scim: false,
        });
    }
    let order: Vec<&str> = m.groups_by_name().iter().map(|g| g.id.as_str()).collect();
    assert_eq!(order, ["g2", "g3", "g1"]);
}
