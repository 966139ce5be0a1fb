//! The model's facts written back as the API's list items, in the shapes [`crate::model`] reads:
//! what a snapshot keeps for an entity after an apply changed it in memory, so the next command
//! sees the change without reading it again. Reading the items this writes gives the same facts.

use crate::json::{object, Value};

use crate::model::{Role, User};
use crate::Model;

/// The kinds of items: the three lists, and the per-group and per-user lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// `users.list` items; with an id, that user's item alone.
    Users,
    /// `groups.list` items; with an id, that group's item alone.
    Groups,
    /// `roles.list` items; with an id, that role's item alone.
    Roles,
    /// A group's `groups.users.list` items.
    Members,
    /// A group's `groups.roles.list` items.
    GroupRoles,
    /// A user's `users.roles.list` items, with `assignment_sources`.
    UserRoles,
}

impl ItemKind {
    /// The kind named as the package names it (`users`, `groupRoles`, …).
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "users" => Self::Users,
            "groups" => Self::Groups,
            "roles" => Self::Roles,
            "members" => Self::Members,
            "groupRoles" => Self::GroupRoles,
            "userRoles" => Self::UserRoles,
            _ => return None,
        })
    }
}

fn user_item(u: &User) -> Value {
    object([
        ("object", "organization.user".into()),
        ("id", (&u.id).into()),
        ("name", u.name.as_ref().into()),
        ("email", u.email.as_ref().into()),
        ("role", u.role.as_ref().into()),
        ("is_scim_managed", u.scim.into()),
    ])
}

fn role_item(r: &Role) -> Value {
    role_item_with(r, None)
}

/// A role's item, with `assignment_sources` when given (a user's role list).
fn role_item_with(r: &Role, sources: Option<Vec<Value>>) -> Value {
    let mut item = vec![
        ("object", "role".into()),
        ("id", (&r.id).into()),
        ("name", (&r.name).into()),
        ("description", r.description.as_ref().into()),
        (
            "permissions",
            r.permissions.iter().collect::<Vec<_>>().into(),
        ),
        ("predefined_role", r.predefined.into()),
    ];
    if let Some(sources) = sources {
        item.push(("assignment_sources", Value::Array(sources)));
    }
    let mut o = crate::json::Object::new();
    for (k, v) in item {
        o.insert(k, v);
    }
    Value::Object(o)
}

/// The items of `kind`: for a list, every item (or only `id`'s, when given); for a per-entity
/// list, `id`'s items (empty when the model has none).
pub fn items(model: &Model, kind: ItemKind, id: Option<&str>) -> Vec<Value> {
    let wanted = |x: &str| id.is_none_or(|id| id == x);
    match kind {
        ItemKind::Users => model
            .users()
            .filter(|u| wanted(&u.id))
            .map(user_item)
            .collect(),
        ItemKind::Groups => model
            .groups()
            .filter(|g| wanted(&g.id))
            .map(|g| {
                object([
                    ("object", "group".into()),
                    ("id", (&g.id).into()),
                    ("name", (&g.name).into()),
                    ("is_scim_managed", g.scim.into()),
                ])
            })
            .collect(),
        ItemKind::Roles => model
            .roles()
            .filter(|r| wanted(&r.id))
            .map(role_item)
            .collect(),
        ItemKind::Members => model
            .members_of(id.unwrap_or_default())
            .filter_map(|u| model.users.get(u))
            .map(|u| {
                object([
                    ("object", "group.user".into()),
                    ("id", (&u.id).into()),
                    ("name", u.name.as_ref().into()),
                    ("email", u.email.as_ref().into()),
                ])
            })
            .collect(),
        ItemKind::GroupRoles => model
            .roles_of_group(id.unwrap_or_default())
            .filter_map(|r| model.roles.get(r))
            .map(role_item)
            .collect(),
        ItemKind::UserRoles => {
            let user = id.unwrap_or_default();
            model
                .user_roles
                .get(user)
                .into_iter()
                .flat_map(|items| items.values())
                .filter_map(|item| {
                    let source = |kind: &str, id: &str| {
                        object([("principal_type", kind.into()), ("principal_id", id.into())])
                    };
                    let mut sources = Vec::new();
                    if item.direct {
                        sources.push(source("user", user));
                    }
                    for g in &item.via_groups {
                        sources.push(source("group", g));
                    }
                    Some(role_item_with(
                        model.roles.get(&item.role_id)?,
                        Some(sources),
                    ))
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let mut m = Model::new();
        m.add_users_json(r#"[{"id":"u1","email":"a@x","name":"A","role":"owner"},{"id":"u2","email":"b@x","role":"reader","is_scim_managed":true}]"#).unwrap();
        m.add_groups_json(r#"[{"id":"g1","name":"Eng"}]"#).unwrap();
        m.add_roles_json(
            r#"[{"id":"r1","name":"Auditor","permissions":["p"],"predefined_role":false}]"#,
        )
        .unwrap();
        m.set_group_members_json("g1", r#"[{"id":"u1","email":"a@x"}]"#)
            .unwrap();
        m.set_group_roles_json("g1", r#"[{"id":"r1","name":"Auditor"}]"#)
            .unwrap();
        m.set_user_roles_json(
            "u1",
            r#"[{"id":"r1","name":"Auditor","assignment_sources":[{"principal_type":"group","principal_id":"g1"}]}]"#,
        )
        .unwrap();
        m.set_user_roles_json(
            "u2",
            r#"[{"id":"r1","name":"Auditor","assignment_sources":null}]"#,
        )
        .unwrap();
        m
    }

    /// Reading the items written gives the same model.
    #[test]
    fn items_read_back_to_the_same_facts() {
        let m = model();
        let text = |k, id: Option<&str>| crate::json::to_string(&items(&m, k, id));
        let mut back = Model::new();
        back.add_users_json(&text(ItemKind::Users, None)).unwrap();
        back.add_groups_json(&text(ItemKind::Groups, None)).unwrap();
        back.add_roles_json(&text(ItemKind::Roles, None)).unwrap();
        back.set_group_members_json("g1", &text(ItemKind::Members, Some("g1")))
            .unwrap();
        back.set_group_roles_json("g1", &text(ItemKind::GroupRoles, Some("g1")))
            .unwrap();
        for u in ["u1", "u2"] {
            back.set_user_roles_json(u, &text(ItemKind::UserRoles, Some(u)))
                .unwrap();
        }
        assert_eq!(back, m);
    }

    #[test]
    fn one_item_by_id_and_none_for_an_unknown_one() {
        let m = model();
        assert_eq!(items(&m, ItemKind::Users, Some("u2")).len(), 1);
        assert_eq!(
            items(&m, ItemKind::Users, Some("u2"))[0].get("is_scim_managed"),
            Some(&Value::Bool(true))
        );
        assert!(items(&m, ItemKind::Groups, Some("nope")).is_empty());
        assert!(items(&m, ItemKind::Members, Some("nope")).is_empty());
        assert_eq!(ItemKind::parse("groupRoles"), Some(ItemKind::GroupRoles));
        assert_eq!(ItemKind::parse("other"), None);
    }
}
