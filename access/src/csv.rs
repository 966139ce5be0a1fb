//! Memberships, assignments and project memberships as CSV (RFC 4180, read and written by
//! `rfc4180`), and the plan of membership rows: `group,email[,action]`, or
//! `project,email,role[,action]` (`projects.rs`) when the header starts with `project`.

mod projects;
mod rfc4180;

use crate::file::{user_key, AccessFile, FileError};
use crate::map::Map;
use crate::model::{Group, User};
use crate::plan::edit::{member_lists, GroupChange};
use crate::plan::{plan, Plan, PlanOptions};
use crate::sort::sort;
use crate::Model;

/// A file's rows with their lines, blank rows and the header left out.
type Fields = Vec<(usize, Vec<String>)>;

fn write(rows: &[Vec<&str>]) -> Result<String, String> {
    Ok(rfc4180::write(rows))
}

/// `memberships` (`group,email`), `assignments` (`role,principal_type,principal,source`, the
/// source `direct` or `group:NAME`) or `projects` (`project,email,role`) rows, with a header,
/// sorted.
pub fn export(model: &Model, kind: &str) -> Result<String, String> {
    fn user_label<'a>(model: &'a Model, id: &'a String) -> &'a str {
        model.users.get(id).map_or(id.as_str(), user_key)
    }
    let groups = model.groups_by_name();
    match kind {
        "memberships" => {
            let mut rows = vec![vec!["group", "email"]];
            for group in groups {
                let mut emails: Vec<&str> = model
                    .members_of(&group.id)
                    .map(|id| user_label(model, id))
                    .collect();
                sort(&mut emails);
                rows.extend(emails.into_iter().map(|e| vec![group.name.as_str(), e]));
            }
            write(&rows)
        }
        "assignments" => {
            let role_name =
                |id: &String| model.roles.get(id).map_or(id.clone(), |r| r.name.clone());
            // Sorted and deduplicated at the end (a `Vec`, not one more `Set` type's code).
            let mut rows: Vec<[String; 4]> = Vec::new();
            for group in groups {
                for role in model.roles_of_group(&group.id) {
                    rows.push([
                        role_name(role),
                        "group".into(),
                        group.name.clone(),
                        "direct".into(),
                    ]);
                }
            }
            for user in model.users() {
                for (role, sources) in model.roles_of_user(&user.id) {
                    for source in sources {
                        let source = match source {
                            None => "direct".to_owned(),
                            Some(g) => {
                                format!("group:{}", model.groups.get(g).map_or(g, |g| &g.name))
                            }
                        };
                        rows.push([
                            role_name(role),
                            "user".into(),
                            user_key(user).to_owned(),
                            source,
                        ]);
                    }
                }
            }
            sort(&mut rows);
            rows.dedup();
            let mut out = vec![vec!["role", "principal_type", "principal", "source"]];
            out.extend(rows.iter().map(|r| r.iter().map(String::as_str).collect()));
            write(&out)
        }
        "projects" => {
            let rows = projects::export(model);
            let mut out = vec![vec!["project", "email", "role"]];
            out.extend(rows.iter().map(|r| r.iter().map(String::as_str).collect()));
            write(&out)
        }
        other => Err(format!(
            "the CSV export is `memberships`, `assignments` or `projects`, not `{other}`"
        )),
    }
}

fn bad(line: usize, message: String) -> FileError {
    FileError {
        message,
        line,
        column: 0,
    }
}

/// The plan of `group,email[,action]` rows (action `add`, the default, or `remove`; an optional
/// header) over the groups they name, or of `project,email,role[,action]` rows (after a header
/// starting with `project`) over the projects they name. Any bad row fails the whole file, with
/// its line; the first error, see [`plan_csv_all`].
pub fn plan_csv(model: &Model, text: &str) -> Result<Plan, FileError> {
    plan_csv_all(model, text).map_err(|mut errors| errors.swap_remove(0))
}

/// [`plan_csv`], failing with every bad row, in file order (never an empty list). A file too big
/// or a quote never closed stops the reading; past that, each bad row gives its error and the
/// reading goes on with the next one.
///
/// The steps: the quoting checked (`check_quotes`), rows read with their lines
/// (`fields`, `line_at`), their group and user looked up (`look_up`), the changes
/// grouped per group (`group_changes`), and the groups' member lists planned by the planner;
/// project rows become the projects' member lists (`projects.rs`), planned the same way.
///
/// The plan's unmanaged entries are the groups the rows do not name (every group, for project
/// rows), and, for project rows only, the active projects they do not name: the file planned
/// has a `projects:` section only then, and a file without one leaves every project alone
/// unlisted. Whether the rows are project rows: [`has_project_rows`].
pub fn plan_csv_all(model: &Model, text: &str) -> Result<Plan, Vec<FileError>> {
    if text.len() > crate::file::MAX_FILE_BYTES {
        return Err(vec![bad(1, "the file is larger than 10 MB".into())]);
    }
    check_quotes(text).map_err(|e| vec![e])?;
    let (project_rows, rows) = fields(text);
    let file = if project_rows {
        AccessFile {
            groups: Some(Vec::new()),
            projects: Some(projects::member_lists(model, rows)?),
            ..AccessFile::default()
        }
    } else {
        // Each step passes the rows on in file order, a bad row as its error.
        let found = look_up(model, read_rows(rows));
        let (changes, errors) = group_changes(found);
        if !errors.is_empty() {
            return Err(errors);
        }
        AccessFile {
            groups: Some(member_lists(model, &changes)),
            ..AccessFile::default()
        }
    };
    let mut plan = plan(model, &file, PlanOptions::default());
    plan.unmanaged
        .retain(|u| u.kind == "group" || u.kind == "project");
    Ok(plan)
}

/// Whether the rows are project rows (`project,email,role[,action]`): the header's first field
/// is `project`. A caller reads what the rows name by it (the projects' members, or the groups').
pub fn has_project_rows(text: &str) -> bool {
    fields(text).0
}

/// The reader takes an unterminated quote as running to the end of the file: refused, with the
/// line where it opens.
fn check_quotes(text: &str) -> Result<(), FileError> {
    let (mut quoted, mut line, mut opened) = (false, 1, 1);
    for b in text.bytes() {
        match b {
            b'"' => {
                quoted = !quoted;
                if quoted {
                    opened = line;
                }
            }
            b'\n' => line += 1,
            _ => {}
        }
    }
    if quoted {
        return Err(bad(opened, "CSV: a quoted field is never closed".into()));
    }
    Ok(())
}

/// The line (from 1) of a record starting at `byte`: from the byte offset, since the reader's
/// own line count skips blank lines (and a record's position may be the blank lines before it).
fn line_at(text: &str, byte: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = byte.min(bytes.len());
    while matches!(bytes.get(end), Some(b'\r' | b'\n')) {
        end += 1;
    }
    1 + bytes[..end].iter().filter(|b| **b == b'\n').count()
}

/// One row, as written.
struct Row {
    line: usize,
    group: String,
    email: String,
    add: bool,
}

/// The rows of the file with their lines (blank rows and a header skipped), and whether they
/// are project rows: the header's first field is `project` (`group`, or no header, for group
/// rows).
fn fields(text: &str) -> (bool, Fields) {
    let mut rows = Vec::new();
    let mut project_rows = false;
    for (index, record) in rfc4180::records(text).into_iter().enumerate() {
        let line = line_at(text, record.start);
        if record.fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        let first = record.fields.first().map_or("", String::as_str);
        if index == 0 && first.eq_ignore_ascii_case("project") {
            project_rows = true;
            continue;
        }
        if index == 0 && first.eq_ignore_ascii_case("group") {
            continue;
        }
        rows.push((line, record.fields));
    }
    (project_rows, rows)
}

/// The group rows, a bad one as its error.
fn read_rows(rows: Fields) -> Vec<Result<Row, FileError>> {
    let mut out = Vec::new();
    for (line, fields) in rows {
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        out.push(match row(&fields) {
            Ok((group, email, add)) => Ok(Row {
                line,
                group: group.to_owned(),
                email: email.to_owned(),
                add,
            }),
            Err(message) => Err(bad(line, message)),
        });
    }
    out
}

/// A row's group, email and whether it adds.
fn row<'a>(fields: &[&'a str]) -> Result<(&'a str, &'a str, bool), String> {
    let (group, email, action) = match fields {
        [g, e] => (*g, *e, "add"),
        [g, e, a] => (*g, *e, if a.is_empty() { "add" } else { *a }),
        _ => {
            return Err(format!(
                "expected group,email[,action], found {} fields",
                fields.len()
            ))
        }
    };
    if group.is_empty() || email.is_empty() {
        return Err("the group and the email are required".into());
    }
    match action.to_ascii_lowercase().as_str() {
        "add" => Ok((group, email, true)),
        "remove" => Ok((group, email, false)),
        _ => Err(format!("the action is `add` or `remove`, not `{action}`")),
    }
}

/// A row with its group and user found.
struct Found<'a> {
    row: Row,
    group: &'a Group,
    user: &'a User,
}

/// Each row's group (id or name) and user (the one lookup, [`Model::find_user`]); an error for
/// a row naming either that the organization does not have.
fn look_up(model: &Model, rows: Vec<Result<Row, FileError>>) -> Vec<Result<Found<'_>, FileError>> {
    rows.into_iter()
        .map(|row| {
            let row = row?;
            let Some(group) = model.find_group(&row.group) else {
                let message = format!("no group named `{}` in the organization", row.group);
                return Err(bad(row.line, message));
            };
            let Some(user) = model.find_user(&row.email) else {
                let message = format!("{} is not a member of the organization", row.email);
                return Err(bad(row.line, message));
            };
            Ok(Found { row, group, user })
        })
        .collect()
}

/// The rows grouped per group, in the order the groups first appear (a group at the line of its
/// first row); an error for a user both added to and removed from one group.
fn group_changes(
    found: Vec<Result<Found<'_>, FileError>>,
) -> (Vec<GroupChange<'_>>, Vec<FileError>) {
    let mut changes: Vec<GroupChange> = Vec::new();
    let mut errors = Vec::new();
    // (group id, user id) → (added?, line).
    let mut seen: Map<(&str, &str), (bool, usize)> = Map::new();
    for found in found {
        let Found { row, group, user } = match found {
            Ok(found) => found,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let key = (group.id.as_str(), user.id.as_str());
        if let Some((was, first)) = seen.get(&key) {
            if *was != row.add {
                let message = format!(
                    "{} is both added to and removed from {} (line {first})",
                    row.email, row.group
                );
                errors.push(bad(row.line, message));
            }
            continue;
        }
        seen.insert(key, (row.add, row.line));
        let index = match changes.iter().position(|c| c.group.id == group.id) {
            Some(i) => i,
            None => {
                changes.push(GroupChange {
                    group,
                    line: row.line,
                    add: Vec::new(),
                    remove: Vec::new(),
                });
                changes.len() - 1
            }
        };
        let change = &mut changes[index];
        if row.add {
            change.add.push(user);
        } else {
            change.remove.push(user);
        }
    }
    (changes, errors)
}

#[cfg(test)]
mod project_tests;
#[cfg(test)]
mod tests;
