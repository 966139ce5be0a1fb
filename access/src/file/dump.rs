//! `dump`: the model as an access file, every list written, so that planning the dump against
//! the same organization changes nothing.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{json, Map, Value};

use super::Format;
use crate::model::User;
use crate::sort::{map_of, sort};
use crate::Model;

/// How a user is named in the file: the email, or the id when the API gave no email.
pub fn user_key(user: &User) -> &str {
    user.email.as_deref().unwrap_or(&user.id)
}

/// The file as one JSON value (keys sorted; lists in a stable order).
fn document(model: &Model) -> Value {
    let role_name = |id: &String| model.roles.get(id).map_or(id.clone(), |r| r.name.clone());
    let mut roles = Map::new();
    for role in model.roles.values().filter(|r| !r.predefined) {
        let mut entry = Map::new();
        entry.insert("id".into(), json!(role.id));
        if let Some(description) = &role.description {
            entry.insert("description".into(), json!(description));
        }
        entry.insert("permissions".into(), json!(role.permissions));
        roles.insert(role.name.clone(), Value::Object(entry));
    }
    let mut groups = Map::new();
    for group in model.groups.values() {
        let mut members: Vec<&str> = model
            .members_of(&group.id)
            .map(|id| model.users.get(id).map_or(id.as_str(), user_key))
            .collect();
        sort(&mut members);
        let mut assigned: Vec<String> = model.roles_of_group(&group.id).map(role_name).collect();
        sort(&mut assigned);
        groups.insert(
            group.name.clone(),
            json!({ "id": group.id, "members": members, "roles": assigned }),
        );
    }
    let mut users = Map::new();
    for user in model.users.values() {
        let mut assigned: Vec<String> = model.direct_roles(&user.id).map(role_name).collect();
        sort(&mut assigned);
        let mut entry = Map::new();
        if let Some(role) = &user.role {
            entry.insert("role".into(), json!(role));
        }
        entry.insert("roles".into(), json!(assigned));
        users.insert(user_key(user).to_owned(), Value::Object(entry));
    }
    json!({ "roles": roles, "groups": groups, "users": users })
}

/// Writes the model as an access file.
pub fn dump(model: &Model, format: Format) -> String {
    let document = document(model);
    match format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Yaml => {
            let mut out = String::new();
            // The sections in the order people read them, whatever the JSON map's order.
            for section in ["roles", "groups", "users"] {
                let Some(Value::Object(entries)) = document.get(section) else {
                    continue;
                };
                if entries.is_empty() {
                    let _ = writeln!(out, "{section}: {{}}");
                    continue;
                }
                let _ = writeln!(out, "{section}:");
                let sorted: BTreeMap<&String, &Value> = map_of(entries);
                for (name, entry) in sorted {
                    let _ = writeln!(out, "  {}:", scalar(name));
                    let Value::Object(fields) = entry else {
                        continue;
                    };
                    for key in [
                        "id",
                        "role",
                        "description",
                        "members",
                        "permissions",
                        "roles",
                    ] {
                        if let Some(value) = fields.get(key) {
                            let _ = writeln!(out, "    {key}: {}", inline(value));
                        }
                    }
                }
            }
            out
        }
    }
}

/// A value on one line: a scalar or a flow list.
fn inline(value: &Value) -> String {
    match value {
        Value::String(s) => scalar(s),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
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
        serde_json::to_string(s).unwrap_or_default()
    }
}
