//! Project rows: `project,email,role[,action]` (the role `owner` or `member`, as the access
//! file's project `members`; the action `add`, the default, or `remove`), written by the
//! `projects` export and read when the file's header starts with `project`.
//!
//! A row adds the user to the project with the role, or changes their role to it; `remove`
//! takes them out (its role may be left empty). The rows become the `members:` lists of the
//! projects they name, planned by [`crate::plan::plan`] like a file's `projects:` section (the
//! owner floor, the wording and what is blocked are the planner's).

use super::{bad, Fields};
use crate::file::{FileError, FileProject, FileProjectMember};
use crate::map::Map;
use crate::model::{Model, User};
use crate::plan::edit::{member_ref, spanned};
use crate::projects::ProjectFacts;
use crate::sort::sort;

/// The project roles a member can have.
const ROLES: [&str; 2] = ["owner", "member"];

/// The `projects` export: `project,email,role` for each active project whose members were read,
/// by project name, then email. A project is named by its id when another active project has
/// its name, so that the rows find it again.
pub(super) fn export(model: &Model) -> Vec<[String; 3]> {
    let active = || model.projects().filter(|p| !p.project.archived);
    // [name, id, email, role], sorted as the assignments' rows are (one sort for both).
    let mut rows: Vec<[String; 4]> = Vec::new();
    for p in active() {
        for (id, role) in p.members() {
            let email = model
                .users
                .get(id)
                .map_or(id.as_str(), crate::file::user_key);
            rows.push([
                p.project.name.clone(),
                p.project.id.clone(),
                email.to_owned(),
                role.clone(),
            ]);
        }
    }
    sort(&mut rows);
    rows.into_iter()
        .map(|[name, id, email, role]| {
            let shared = active().filter(|o| o.project.name == name).count() > 1;
            [if shared { id } else { name }, email, role]
        })
        .collect()
}

/// One row, as written and checked.
struct Row<'a> {
    line: usize,
    project: &'a ProjectFacts,
    user: &'a User,
    email: String,
    /// The role to give, or `None` to remove.
    role: Option<String>,
}

/// The project rows' `members:` lists, one per project in the order the projects first appear;
/// every bad row as its error, in file order.
pub(super) fn member_lists(
    model: &Model,
    rows: Fields,
) -> Result<Vec<FileProject>, Vec<FileError>> {
    let mut errors = Vec::new();
    let mut found: Vec<Row> = Vec::new();
    // (project id, user id) → its first row, an index in `found` (the map type the group rows
    // use: no second one compiled).
    let mut seen: Map<(&str, &str), (bool, usize)> = Map::new();
    for (line, fields) in rows {
        let row = match check(model, line, &fields) {
            Ok(row) => row,
            Err(message) => {
                errors.push(bad(line, message));
                continue;
            }
        };
        let key = (row.project.project.id.as_str(), row.user.id.as_str());
        if let Some((_, first)) = seen.get(&key) {
            let first = &found[*first];
            if first.role != row.role {
                let message = format!(
                    "{} has another row for project {} (line {})",
                    row.email, row.project.project.name, first.line
                );
                errors.push(bad(line, message));
            }
            continue;
        }
        seen.insert(key, (true, found.len()));
        found.push(row);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut projects: Vec<&ProjectFacts> = Vec::new();
    for row in &found {
        if !projects
            .iter()
            .any(|p| p.project.id == row.project.project.id)
        {
            projects.push(row.project);
        }
    }
    Ok(projects
        .into_iter()
        .map(|p| project_entry(model, p, &found))
        .collect())
}

/// The project's `members:` after its rows: the members kept (by id) with their role or the
/// one a row gives, then those the rows add. Of a project whose members were not read, the
/// rows' additions (the planner blocks it, saying so).
fn project_entry(model: &Model, p: &ProjectFacts, rows: &[Row]) -> FileProject {
    let rows: Vec<&Row> = rows
        .iter()
        .filter(|r| r.project.project.id == p.project.id)
        .collect();
    let first = rows.first().map_or(1, |r| r.line);
    let row_of = |user_id: &str| rows.iter().find(|r| r.user.id == user_id);
    let mut members: Vec<FileProjectMember> = Vec::new();
    for (id, role) in p.members() {
        match row_of(id) {
            None => members.push((spanned(id.clone(), first), spanned(role.clone(), first))),
            Some(row) => {
                if let Some(role) = &row.role {
                    let name = spanned(member_ref(model, row.user), row.line);
                    members.push((name, spanned(role.clone(), row.line)));
                }
            }
        }
    }
    let current = p.members.as_ref();
    for row in &rows {
        let member = current.is_some_and(|m| m.contains_key(&row.user.id));
        if let (Some(role), false) = (&row.role, member) {
            let name = spanned(member_ref(model, row.user), row.line);
            members.push((name, spanned(role.clone(), row.line)));
        }
    }
    FileProject {
        name: spanned(p.project.name.clone(), first),
        id: Some(spanned(p.project.id.clone(), first)),
        members: Some(members),
        groups: None,
        users: None,
        roles: None,
    }
}

/// A row's fields checked, its project and user found.
fn check<'a>(model: &'a Model, line: usize, fields: &[String]) -> Result<Row<'a>, String> {
    let (project, email, role, action) = match fields {
        [p, e, r] => (p, e, r, "add"),
        [p, e, r, a] => (p, e, r, if a.is_empty() { "add" } else { a.as_str() }),
        _ => {
            return Err(format!(
                "expected project,email,role[,action], found {} fields",
                fields.len()
            ))
        }
    };
    if project.is_empty() || email.is_empty() {
        return Err("the project and the email are required".into());
    }
    let add = match action.to_ascii_lowercase().as_str() {
        "add" => true,
        "remove" => false,
        _ => return Err(format!("the action is `add` or `remove`, not `{action}`")),
    };
    if (add || !role.is_empty()) && !ROLES.contains(&role.as_str()) {
        return Err(format!(
            "the project role is `owner` or `member`, not `{role}`"
        ));
    }
    let project = project_named(model, project)?;
    let Some(user) = model.find_user(email) else {
        return Err(format!("{email} is not a member of the organization"));
    };
    Ok(Row {
        line,
        project,
        user,
        email: email.clone(),
        role: add.then(|| role.clone()),
    })
}

/// The project a row names: by id, else by name among the active projects; an archived one,
/// an unknown one or a name several active projects share is an error.
fn project_named<'a>(model: &'a Model, reference: &str) -> Result<&'a ProjectFacts, String> {
    let archived =
        || format!("project `{reference}` is archived: archived projects are never planned");
    if let Some(p) = model.projects.get(reference) {
        return if p.project.archived {
            Err(archived())
        } else {
            Ok(p)
        };
    }
    let named: Vec<&ProjectFacts> = model
        .projects()
        .filter(|p| p.project.name == reference)
        .collect();
    let active: Vec<&&ProjectFacts> = named.iter().filter(|p| !p.project.archived).collect();
    match active.as_slice() {
        [p] => Ok(p),
        [] if named.is_empty() => Err(format!(
            "no project named `{reference}` in the organization"
        )),
        [] => Err(archived()),
        several => {
            let ids: Vec<&str> = several.iter().map(|p| p.project.id.as_str()).collect();
            Err(format!(
                "{} projects are named `{reference}` ({}): write its id",
                ids.len(),
                ids.join(", ")
            ))
        }
    }
}
