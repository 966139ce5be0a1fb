//! The access file's shape, checked over the tree: every error names its line and column.

mod projects;

use super::tree::{parse, Node, Pos, Value};
use super::{AccessFile, FileError, FileGroup, FileRole, FileUser, Spanned, MAX_FILE_BYTES};
use crate::map::Map;
use crate::model::email_key;
use crate::sort::sort_by;

/// Reads an access file (YAML, or JSON, which is YAML); the first error, see [`read_all`].
pub fn read(text: &str) -> Result<AccessFile, FileError> {
    read_all(text).map_err(|mut errors| errors.swap_remove(0))
}

/// Reads an access file; on failure, every error found, in file order (never an empty list).
/// A syntax error, a file too big or a bad top level stops the reading; past that, each bad entry
/// of `roles`, `groups`, `users` and `projects` gives its error and the reading goes on with the next one.
pub fn read_all(text: &str) -> Result<AccessFile, Vec<FileError>> {
    if text.len() > MAX_FILE_BYTES {
        let line = 1 + text.as_bytes()[..MAX_FILE_BYTES]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        return Err(vec![FileError {
            message: format!(
                "the file is larger than {} MB ({} bytes)",
                MAX_FILE_BYTES / (1024 * 1024),
                text.len()
            ),
            line,
            column: 1,
        }]);
    }
    let Some(root) = parse(text).map_err(|e| vec![e])? else {
        return Ok(AccessFile::default());
    };
    let mut file = AccessFile::default();
    if root.value == Value::Null {
        return Ok(file);
    }
    let mut errors = Vec::new();
    for (key, value) in entries(&root, "the file", &["roles", "groups", "users", "projects"])
        .map_err(|e| vec![e])?
    {
        match key.value.as_str() {
            "roles" => file.roles = Some(section(value, "roles", role, &mut errors)),
            "groups" => file.groups = Some(section(value, "groups", group, &mut errors)),
            "projects" => {
                file.projects = Some(section(value, "projects", projects::project, &mut errors))
            }
            _ => file.users = Some(section(value, "users", user, &mut errors)),
        }
    }
    if errors.is_empty() {
        Ok(file)
    } else {
        sort_by(&mut errors, |a, b| {
            (a.line, a.column).cmp(&(b.line, b.column))
        });
        Err(errors)
    }
}

/// The entries of a mapping whose keys must be among `allowed`, each key once.
fn entries<'a>(
    node: &'a Node,
    what: &str,
    allowed: &[&str],
) -> Result<Vec<(Spanned<String>, &'a Node)>, FileError> {
    let Value::Map(map) = &node.value else {
        return Err(node
            .pos
            .error(format!("{what} must be a mapping, not {}", node.kind())));
    };
    let mut seen: Map<String, Pos> = Map::new();
    let mut out = Vec::with_capacity(map.len());
    for (key, value) in map {
        let key = text(key, &format!("a key of {what}"))?;
        if !allowed.contains(&key.value.as_str()) {
            return Err(key.pos.error(format!(
                "unknown key `{}` in {what}{}",
                key.value,
                suggest(&key.value, allowed)
            )));
        }
        if let Some(first) = seen.insert(key.value.clone(), key.pos) {
            return Err(key.pos.error(format!(
                "duplicate key `{}` in {what} (first at line {})",
                key.value, first.line
            )));
        }
        out.push((key, value));
    }
    Ok(out)
}

/// `(did you mean `x`?)`, or the keys allowed.
fn suggest(word: &str, allowed: &[&str]) -> String {
    let best = allowed
        .iter()
        .map(|a| (distance(&crate::case::lowercase(word), a), *a))
        .min();
    match best {
        Some((d, a)) if d <= 2.max(word.len() / 3) => format!(" (did you mean `{a}`?)"),
        _ => format!(" (expected one of: {})", allowed.join(", ")),
    }
}

/// Levenshtein distance, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn text(node: &Node, what: &str) -> Result<Spanned<String>, FileError> {
    match &node.value {
        Value::Text(t) => Ok(Spanned {
            value: t.clone(),
            pos: node.pos,
        }),
        _ => Err(node
            .pos
            .error(format!("{what} must be text, not {}", node.kind()))),
    }
}

/// A list of distinct texts (compared by `key`).
fn list(
    node: &Node,
    what: &str,
    key: fn(&str) -> String,
) -> Result<Vec<Spanned<String>>, FileError> {
    let Value::List(items) = &node.value else {
        return Err(node.pos.error(format!(
            "{what} must be a list (write [] for none), not {}",
            node.kind()
        )));
    };
    let mut seen: Map<String, Pos> = Map::new();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let item = text(item, &format!("an item of {what}"))?;
        if let Some(first) = seen.insert(key(&item.value), item.pos) {
            return Err(item.pos.error(format!(
                "`{}` is twice in {what} (first at line {})",
                item.value, first.line
            )));
        }
        out.push(item);
    }
    Ok(out)
}

fn same(s: &str) -> String {
    s.to_owned()
}

/// A section (`roles`, `groups`, `users`): a mapping of names to entries, each name once. A bad
/// entry adds its error to `errors` and is left out; the next ones are still read.
fn section<T>(
    node: &Node,
    what: &str,
    entry: fn(Spanned<String>, &Node) -> Result<T, FileError>,
    errors: &mut Vec<FileError>,
) -> Vec<T> {
    let mut out = Vec::new();
    each_entry(node, what, errors, &mut |name, value| {
        out.push(entry(name, value)?);
        Ok(())
    });
    out
}

/// Reads one entry of a section (its name, its node) for [`each_entry`].
type ReadEntry<'a> = dyn FnMut(Spanned<String>, &Node) -> Result<(), FileError> + 'a;

/// [`section`]'s walk, compiled once for the four sections (a `dyn` entry reader, not one copy
/// of the walk per entry type).
fn each_entry(node: &Node, what: &str, errors: &mut Vec<FileError>, entry: &mut ReadEntry<'_>) {
    let Value::Map(map) = &node.value else {
        errors.push(node.pos.error(format!(
            "`{what}` must be a mapping of names (write {{}} for none), not {}",
            node.kind()
        )));
        return;
    };
    let fold: fn(&str) -> String = if what == "users" { email_key } else { same };
    let mut seen: Map<String, Pos> = Map::new();
    for (key, value) in map {
        let mut read_entry = || -> Result<(), FileError> {
            let name = text(key, &format!("a name in `{what}`"))?;
            if name.value.trim().is_empty() {
                return Err(name.pos.error(format!("an empty name in `{what}`")));
            }
            if let Some(first) = seen.get(&fold(&name.value)) {
                return Err(name.pos.error(format!(
                    "`{}` is twice in `{what}` (first at line {})",
                    name.value, first.line
                )));
            }
            seen.insert(fold(&name.value), name.pos);
            entry(name, value)
        };
        if let Err(e) = read_entry() {
            errors.push(e);
        }
    }
}

/// An entry's mapping; null (a name with nothing under it) is an empty one.
fn fields<'a>(
    node: &'a Node,
    what: &str,
    allowed: &[&str],
) -> Result<Vec<(Spanned<String>, &'a Node)>, FileError> {
    if node.value == Value::Null {
        return Ok(Vec::new());
    }
    entries(node, what, allowed)
}

fn optional_text(node: &Node, what: &str) -> Result<Option<Spanned<String>>, FileError> {
    if node.value == Value::Null {
        return Ok(None);
    }
    text(node, what).map(Some)
}

fn role(name: Spanned<String>, node: &Node) -> Result<FileRole, FileError> {
    let what = format!("role `{}`", name.value);
    let mut role = FileRole {
        name,
        id: None,
        description: None,
        permissions: None,
    };
    for (key, value) in fields(node, &what, &["id", "description", "permissions"])? {
        match key.value.as_str() {
            "id" => role.id = optional_text(value, &format!("the id of {what}"))?,
            "description" => {
                role.description = optional_text(value, &format!("the description of {what}"))?
            }
            _ => role.permissions = Some(list(value, &format!("the permissions of {what}"), same)?),
        }
    }
    Ok(role)
}

fn group(name: Spanned<String>, node: &Node) -> Result<FileGroup, FileError> {
    let what = format!("group `{}`", name.value);
    let mut group = FileGroup {
        name,
        id: None,
        members: None,
        roles: None,
    };
    for (key, value) in fields(node, &what, &["id", "members", "roles"])? {
        match key.value.as_str() {
            "id" => group.id = optional_text(value, &format!("the id of {what}"))?,
            "members" => {
                group.members = Some(list(value, &format!("the members of {what}"), email_key)?)
            }
            _ => group.roles = Some(list(value, &format!("the roles of {what}"), same)?),
        }
    }
    Ok(group)
}

fn user(email: Spanned<String>, node: &Node) -> Result<FileUser, FileError> {
    let what = format!("user `{}`", email.value);
    let mut user = FileUser {
        email,
        role: None,
        roles: None,
    };
    for (key, value) in fields(node, &what, &["role", "roles"])? {
        match key.value.as_str() {
            "role" => {
                let role = text(value, &format!("the organization role of {what}"))?;
                if !matches!(role.value.as_str(), "owner" | "reader") {
                    return Err(role.pos.error(format!(
                        "the organization role of {what} must be `owner` or `reader`, not `{}`{}",
                        role.value,
                        suggest(&role.value, &["owner", "reader"])
                            .replace(" (expected one of: owner, reader)", "")
                    )));
                }
                user.role = Some(role);
            }
            _ => user.roles = Some(list(value, &format!("the roles of {what}"), same)?),
        }
    }
    Ok(user)
}
