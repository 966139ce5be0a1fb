//! `assignmentOf`: whether a user or a group holds a role by a direct assignment, and through
//! which groups. The one answer to "is this assignment direct?": a view asks it before offering
//! to unassign, and the planner removes only what it calls direct ([`crate::Model::direct_roles`],
//! which reads the same role-list items).

use crate::map::Set;

use crate::answers::NamedRef;
use crate::json::{json_object, FromJson, JsonFields, Object, ObjectWriter, ToJson, Value};
use crate::sort::sort;
use crate::Model;

/// Whose assignment: a user (id or email) or a group (id or name), exactly one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// A user's id or email.
    pub user: Option<String>,
    /// A group's id or name.
    pub group: Option<String>,
}

/// A group an assignment comes through (`{ kind: 'group', id, name }` on the wire).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// A group the user belongs to, which holds the role.
    Group(NamedRef),
}

/// The answer of `assignmentOf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentOf {
    /// Whether the subject holds the role by a direct assignment (one a plan may unassign).
    pub direct: bool,
    /// The groups it comes through, by name (always empty for a group).
    pub via: Vec<Via>,
}

impl FromJson for Subject {
    fn from_json(value: &Value) -> Result<Self, String> {
        let o = Object::of(value)?;
        o.deny_unknown(&["user", "group"])?;
        Ok(Subject {
            user: o.opt("user")?,
            group: o.opt("group")?,
        })
    }
}

impl ToJson for Via {
    fn write_json(&self, out: &mut String) {
        let Via::Group(group) = self;
        let mut o = ObjectWriter::new(out);
        o.field("kind", &"group");
        group.write_fields(&mut o);
        o.end();
    }
}

json_object!(AssignmentOf { "direct" => direct, "via" => via });

/// The assignment of `role` (id or name) to `subject`; an error names the bad argument
/// (`subject`, `subject.user`, `subject.group`, `roleId`).
pub fn assignment_of(model: &Model, subject: &Subject, role: &str) -> Result<AssignmentOf, String> {
    let role = model
        .find_role(role)
        .ok_or_else(|| format!("roleId: no role `{role}` in the organization"))?;
    match (&subject.user, &subject.group) {
        (Some(user), None) => {
            let user = model
                .find_user(user)
                .ok_or_else(|| format!("subject.user: no user `{user}` in the organization"))?;
            let item = model.user_roles.get(&user.id).and_then(|i| i.get(&role.id));
            let mut groups: Set<&String> =
                item.into_iter().flat_map(|i| i.via_groups.iter()).collect();
            groups.extend(
                model
                    .groups_of(&user.id)
                    .into_iter()
                    .filter(|g| model.roles_of_group(g).any(|r| *r == role.id)),
            );
            let mut via: Vec<NamedRef> = groups
                .into_iter()
                .map(|id| {
                    model.groups.get(id).map_or_else(
                        || NamedRef {
                            id: id.clone(),
                            name: id.clone(),
                        },
                        NamedRef::from,
                    )
                })
                .collect();
            sort(&mut via);
            Ok(AssignmentOf {
                direct: item.is_some_and(|i| i.direct),
                via: via.into_iter().map(Via::Group).collect(),
            })
        }
        (None, Some(group)) => {
            let group = model
                .find_group(group)
                .ok_or_else(|| format!("subject.group: no group `{group}` in the organization"))?;
            Ok(AssignmentOf {
                direct: model.roles_of_group(&group.id).any(|r| *r == role.id),
                via: Vec::new(),
            })
        }
        _ => Err("subject: give `user` or `group`, exactly one".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let mut m = Model::new();
        m.add_users_json(
            r#"[{"id":"u1","email":"Ada@example.com"},{"id":"u2","email":"bob@example.com"}]"#,
        )
        .unwrap();
        m.add_groups_json(r#"[{"id":"g2","name":"Alpha"},{"id":"g1","name":"Zeta"}]"#)
            .unwrap();
        m.add_roles_json(r#"[{"id":"r1","name":"Auditor"}]"#)
            .unwrap();
        m.set_group_members_json("g1", r#"[{"id":"u1"}]"#).unwrap();
        m.set_group_roles_json("g1", r#"[{"id":"r1","name":"Auditor"}]"#)
            .unwrap();
        m
    }

    fn answer(m: &Model, user: &str) -> (bool, Vec<String>) {
        let subject = Subject {
            user: Some(user.into()),
            group: None,
        };
        let a = assignment_of(m, &subject, "r1").unwrap();
        let via = a.via.into_iter().map(|Via::Group(g)| g.name).collect();
        (a.direct, via)
    }

    #[test]
    fn direct_and_through_groups_in_the_group_order() {
        let mut m = model();
        assert_eq!(answer(&m, "ada@EXAMPLE.com"), (false, vec!["Zeta".into()]));
        // The API names the user itself and another group as sources: direct, and both groups.
        m.set_user_roles_json(
            "u1",
            r#"[{"id":"r1","name":"Auditor","assignment_sources":[
                {"principal_type":"user","principal_id":"u1"},
                {"principal_type":"group","principal_id":"g2"}]}]"#,
        )
        .unwrap();
        assert_eq!(
            answer(&m, "u1"),
            (true, vec!["Alpha".into(), "Zeta".into()])
        );
        assert_eq!(answer(&m, "u2"), (false, vec![]));
    }

    #[test]
    fn a_source_neither_user_nor_group_is_not_direct() {
        let mut m = model();
        m.set_user_roles_json(
            "u2",
            r#"[{"id":"r1","name":"Auditor","assignment_sources":[
                {"principal_type":"service_account","principal_id":"sa1"}]}]"#,
        )
        .unwrap();
        assert_eq!(answer(&m, "u2"), (false, vec![]));
        assert_eq!(m.direct_roles("u2").count(), 0, "the planner agrees");
        // No sources at all (null or an empty list) is a direct assignment.
        m.set_user_roles_json(
            "u2",
            r#"[{"id":"r1","name":"Auditor","assignment_sources":[]}]"#,
        )
        .unwrap();
        assert_eq!(answer(&m, "u2"), (true, vec![]));
    }

    #[test]
    fn groups_and_bad_arguments() {
        let m = model();
        let group = |g: &str| Subject {
            user: None,
            group: Some(g.into()),
        };
        assert!(assignment_of(&m, &group("Zeta"), "Auditor").unwrap().direct);
        assert!(!assignment_of(&m, &group("g2"), "r1").unwrap().direct);
        let err = |s: &Subject, r: &str| assignment_of(&m, s, r).unwrap_err();
        assert!(err(&group("nope"), "r1").starts_with("subject.group:"));
        assert!(err(&group("g1"), "nope").starts_with("roleId:"));
        assert!(err(&Subject::default(), "r1").starts_with("subject:"));
        let both = Subject {
            user: Some("u1".into()),
            group: Some("g1".into()),
        };
        assert!(err(&both, "r1").starts_with("subject:"));
    }
}
