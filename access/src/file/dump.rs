//! `dump`: the model as an access file, every list written, so that planning the dump against
//! the same organization changes nothing. Written straight as text, not through
//! `serde_json::Value`: the module is smaller without a `Value` document per dump
//! (ARCHITECTURE.md, "access").

use std::fmt::Write;

use super::Format;
use crate::model::User;
use crate::sort::{sort, sort_by};
use crate::Model;

/// How a user is named in the file: the email, or the id when the API gave no email.
pub fn user_key(user: &User) -> &str {
    user.email.as_deref().unwrap_or(&user.id)
}

/// A field's value: a text, a list of texts, or a mapping of names to values (a project's
/// members and groups).
enum Field {
    Text(String),
    List(Vec<String>),
    Map(Vec<(String, Field)>),
}

/// An entry's fields, in the order the YAML writes them (JSON sorts them by name).
type Fields = Vec<(&'static str, Field)>;

/// A section's entries by name.
type Entries = Vec<(String, Fields)>;

/// `entries` sorted by name, one per name: the last one listed wins. A sorted `Vec` rather than
/// a `Map`, whose code would be one more copy for this key and value type.
fn by_name(mut entries: Entries) -> Entries {
    entries.reverse();
    sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
    entries.dedup_by(|later, first| later.0 == first.0);
    entries
}

/// The sections, each by name (one entry per name: the last one listed wins); `projects` only
/// when the model holds an active project.
fn sections(model: &Model) -> Vec<(&'static str, Entries)> {
    let role_name = |id: &String| model.roles.get(id).map_or(id.clone(), |r| r.name.clone());
    let names = |ids: &mut dyn Iterator<Item = &String>| {
        let mut names: Vec<String> = ids.map(role_name).collect();
        sort(&mut names);
        names
    };
    let mut roles = Vec::new();
    for role in model.roles.values().filter(|r| !r.predefined) {
        let mut fields = vec![("id", Field::Text(role.id.clone()))];
        if let Some(description) = &role.description {
            fields.push(("description", Field::Text(description.clone())));
        }
        fields.push(("permissions", Field::List(role.permissions.clone())));
        roles.push((role.name.clone(), fields));
    }
    let mut groups = Vec::new();
    for group in model.groups.values() {
        let mut members: Vec<String> = model
            .members_of(&group.id)
            .map(|id| model.users.get(id).map_or(id.as_str(), user_key).to_owned())
            .collect();
        sort(&mut members);
        let fields = vec![
            ("id", Field::Text(group.id.clone())),
            ("members", Field::List(members)),
            (
                "roles",
                Field::List(names(&mut model.roles_of_group(&group.id))),
            ),
        ];
        groups.push((group.name.clone(), fields));
    }
    let mut users = Vec::new();
    for user in model.users.values() {
        let mut fields = Vec::new();
        if let Some(role) = &user.role {
            fields.push(("role", Field::Text(role.clone())));
        }
        fields.push((
            "roles",
            Field::List(names(&mut model.direct_roles(&user.id))),
        ));
        users.push((user_key(user).to_owned(), fields));
    }
    let mut out = vec![
        ("roles", by_name(roles)),
        ("groups", by_name(groups)),
        ("users", by_name(users)),
    ];
    if model.projects().any(|p| !p.project.archived) {
        out.push(("projects", by_name(projects(model))));
    }
    out
}

/// The active projects: `id`, and `members`, `groups` and custom `roles` where they were read,
/// and `users` (each member's own project roles, those who have some) once every member's own
/// list was read: left out before, so that a plan of the dump leaves them alone. A group is
/// written by name, or by id when another group has its name.
fn projects(model: &Model) -> Entries {
    let mut entries = Vec::new();
    for p in model.projects().filter(|p| !p.project.archived) {
        let mut fields = vec![("id", Field::Text(p.project.id.clone()))];
        if let Some(members) = &p.members {
            let mut list: Vec<(String, Field)> = members
                .iter()
                .map(|(id, role)| {
                    let key = model.users.get(id).map_or(id.as_str(), user_key);
                    (key.to_owned(), Field::Text(role.clone()))
                })
                .collect();
            sort_by(&mut list, |a, b| a.0.cmp(&b.0));
            fields.push(("members", Field::Map(list)));
        }
        if let Some(groups) = &p.groups {
            let mut list: Vec<(String, Field)> = groups
                .iter()
                .map(|id| {
                    let key = match model.groups.get(id) {
                        Some(g)
                            if model.groups.values().filter(|o| o.name == g.name).count() == 1 =>
                        {
                            g.name.clone()
                        }
                        _ => id.clone(),
                    };
                    let mut roles: Vec<String> = p
                        .group_roles
                        .get(id)
                        .into_iter()
                        .flatten()
                        .map(|k| p.roles.get(k).map_or(k.clone(), |r| r.name.clone()))
                        .collect();
                    sort(&mut roles);
                    (key, Field::List(roles))
                })
                .collect();
            sort_by(&mut list, |a, b| a.0.cmp(&b.0));
            fields.push(("groups", Field::Map(list)));
        }
        if p.user_roles_complete() {
            // Only once every member's own list was read: `users:` is the whole list, and a
            // member it leaves out has no project role of their own.
            let mut list: Vec<(String, Field)> = Vec::new();
            for (id, items) in p.user_roles.iter() {
                let mut roles: Vec<String> = items
                    .values()
                    .filter(|i| i.direct)
                    .map(|i| {
                        p.roles
                            .get(&i.role_id)
                            .map_or(i.role_id.clone(), |r| r.name.clone())
                    })
                    .collect();
                if roles.is_empty() || !p.members.as_ref().is_some_and(|m| m.contains_key(id)) {
                    continue;
                }
                sort(&mut roles);
                let key = model.users.get(id).map_or(id.as_str(), user_key);
                list.push((key.to_owned(), Field::List(roles)));
            }
            sort_by(&mut list, |a, b| a.0.cmp(&b.0));
            fields.push(("users", Field::Map(list)));
        }
        if p.roles_read {
            // Each custom role's fields in name order, as JSON sorts them.
            let mut list: Vec<(String, Field)> = Vec::new();
            for r in p.roles.values().filter(|r| !r.predefined) {
                let mut role = Vec::new();
                if let Some(d) = &r.description {
                    role.push(("description".to_owned(), Field::Text(d.clone())));
                }
                role.push(("id".to_owned(), Field::Text(r.id.clone())));
                role.push(("permissions".to_owned(), Field::List(r.permissions.clone())));
                list.push((r.name.clone(), Field::Map(role)));
            }
            sort_by(&mut list, |a, b| a.0.cmp(&b.0));
            fields.push(("roles", Field::Map(list)));
        }
        entries.push((p.project.name.clone(), fields));
    }
    entries
}

/// Writes the model as an access file.
pub fn dump(model: &Model, format: Format) -> String {
    let sections = sections(model);
    let mut out = String::new();
    match format {
        Format::Json => {
            // As `serde_json::to_string_pretty` writes it: keys sorted, two spaces an indent.
            let mut sorted: Vec<_> = sections.iter().collect();
            sort_by(&mut sorted, |a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (section, entries)) in sorted.into_iter().enumerate() {
                let _ = write!(out, "{}\n  {}: ", comma(i), quoted(section));
                if entries.is_empty() {
                    out.push_str("{}");
                    continue;
                }
                out.push('{');
                for (j, (name, fields)) in entries.iter().enumerate() {
                    let _ = write!(out, "{}\n    {}: {{", comma(j), quoted(name));
                    let mut fields: Vec<_> = fields.iter().collect();
                    sort_by(&mut fields, |a, b| a.0.cmp(b.0));
                    for (k, (key, value)) in fields.into_iter().enumerate() {
                        let _ = write!(out, "{}\n      {}: ", comma(k), quoted(key));
                        json_value(&mut out, value, 6);
                    }
                    out.push_str("\n    }");
                }
                out.push_str("\n  }");
            }
            out.push_str("\n}\n");
        }
        Format::Yaml => {
            // The sections in the order people read them.
            for (section, entries) in &sections {
                if entries.is_empty() {
                    let _ = writeln!(out, "{section}: {{}}");
                    continue;
                }
                let _ = writeln!(out, "{section}:");
                for (name, fields) in entries {
                    let _ = writeln!(out, "  {}:", scalar(name));
                    for (key, value) in fields {
                        yaml_field(&mut out, key, value, 4);
                    }
                }
            }
        }
    }
    out
}

/// A field's value as JSON, its closing bracket at `indent`.
fn json_value(out: &mut String, value: &Field, indent: usize) {
    match value {
        Field::Text(text) => out.push_str(&quoted(text)),
        Field::List(items) if items.is_empty() => out.push_str("[]"),
        Field::List(items) => {
            out.push('[');
            for (l, item) in items.iter().enumerate() {
                let _ = write!(
                    out,
                    "{}\n{:w$}{}",
                    comma(l),
                    "",
                    quoted(item),
                    w = indent + 2
                );
            }
            let _ = write!(out, "\n{:indent$}]", "");
        }
        Field::Map(entries) if entries.is_empty() => out.push_str("{}"),
        Field::Map(entries) => {
            out.push('{');
            for (l, (key, value)) in entries.iter().enumerate() {
                let _ = write!(
                    out,
                    "{}\n{:w$}{}: ",
                    comma(l),
                    "",
                    quoted(key),
                    w = indent + 2
                );
                json_value(out, value, indent + 2);
            }
            let _ = write!(out, "\n{:indent$}}}", "");
        }
    }
}

/// `key: value` as YAML at `indent`; a mapping's entries below it.
fn yaml_field(out: &mut String, key: &str, value: &Field, indent: usize) {
    let value = match value {
        Field::Text(text) => scalar(text),
        Field::List(items) => {
            let items: Vec<String> = items.iter().map(|i| scalar(i)).collect();
            format!("[{}]", items.join(", "))
        }
        Field::Map(entries) if entries.is_empty() => "{}".to_owned(),
        Field::Map(entries) => {
            let _ = writeln!(out, "{:indent$}{}:", "", scalar(key));
            for (k, v) in entries {
                yaml_field(out, k, v, indent + 2);
            }
            return;
        }
    };
    let _ = writeln!(out, "{:indent$}{}: {value}", "", scalar(key));
}

/// `,` before every item but the first.
fn comma(i: usize) -> &'static str {
    if i == 0 {
        ""
    } else {
        ","
    }
}

/// A JSON string literal, escaped as `serde_json` escapes.
fn quoted(s: &str) -> String {
    let mut out = String::new();
    crate::json::write_string(&mut out, s);
    out
}

/// A string, plain when every YAML reader reads it back as the same text (also inside a flow
/// list), else double-quoted (a JSON string is a valid YAML double-quoted scalar).
pub(crate) fn scalar(s: &str) -> String {
    let plain = s
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && !s.ends_with(' ')
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '.' | '@' | '+' | '-' | '/'))
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        s.to_owned()
    } else {
        quoted(s)
    }
}
