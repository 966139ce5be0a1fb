//! Memberships and assignments as CSV (RFC 4180, through the `csv` crate), and the plan of
//! membership rows `group,email[,action]`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::file::{user_key, AccessFile, FileError, FileGroup, Pos, Spanned};
use crate::plan::{plan, Plan, PlanOptions};
use crate::sort::{set_of, sort, sort_by};
use crate::Model;

fn write(rows: &[Vec<&str>]) -> Result<String, String> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// `memberships` (`group,email`) or `assignments` (`role,principal_type,principal,source`, the
/// source `direct` or `group:NAME`) rows, with a header, sorted.
pub fn export(model: &Model, kind: &str) -> Result<String, String> {
    fn user_label<'a>(model: &'a Model, id: &'a String) -> &'a str {
        model.users.get(id).map_or(id.as_str(), user_key)
    }
    let mut groups: Vec<_> = model.groups().collect();
    sort_by(&mut groups, |a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
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
            let mut rows: BTreeSet<[String; 4]> = BTreeSet::new();
            for group in groups {
                for role in model.roles_of_group(&group.id) {
                    rows.insert([
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
                        rows.insert([
                            role_name(role),
                            "user".into(),
                            user_key(user).to_owned(),
                            source,
                        ]);
                    }
                }
            }
            let mut out = vec![vec!["role", "principal_type", "principal", "source"]];
            out.extend(rows.iter().map(|r| r.iter().map(String::as_str).collect()));
            write(&out)
        }
        other => Err(format!(
            "the CSV export is `memberships` or `assignments`, not `{other}`"
        )),
    }
}

/// A group's name, the line of its first row, and user id → (added?, line).
type GroupRows = (String, u64, BTreeMap<String, (bool, u64)>);

fn bad(line: u64, message: String) -> FileError {
    FileError {
        message,
        line: line as usize,
        column: 0,
    }
}

/// The plan of `group,email[,action]` rows (action `add`, the default, or `remove`; an optional
/// header) over the groups they name. Any bad row fails the whole file, with its line; the first
/// error, see [`plan_csv_all`].
pub fn plan_csv(model: &Model, text: &str) -> Result<Plan, FileError> {
    plan_csv_all(model, text).map_err(|mut errors| errors.swap_remove(0))
}

/// [`plan_csv`], failing with every bad row, in file order (never an empty list). A file too big
/// or a quote never closed stops the reading; past that, each bad row gives its error and the
/// reading goes on with the next one.
pub fn plan_csv_all(model: &Model, text: &str) -> Result<Plan, Vec<FileError>> {
    if text.len() > crate::file::MAX_FILE_BYTES {
        return Err(vec![bad(1, "the file is larger than 10 MB".into())]);
    }
    // The reader takes an unterminated quote as running to the end of the file: refuse it.
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
        return Err(vec![bad(
            opened,
            "CSV: a quoted field is never closed".into(),
        )]);
    }
    let mut errors = Vec::new();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    // group id → (name, line of first row, user id → (add?, line)).
    let mut changes: BTreeMap<String, GroupRows> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut emails: HashMap<String, &str> = HashMap::new();
    for user in model.users() {
        if let Some(email) = &user.email {
            emails.insert(crate::model::email_key(email), &user.id);
        }
    }
    for (index, record) in reader.records().enumerate() {
        // The line from the byte offset: the reader's own line count skips blank lines.
        let line_at = |byte: u64| {
            let mut end = (byte as usize).min(text.len());
            // A record's position may be the blank lines before it.
            while matches!(text.as_bytes().get(end), Some(b'\r' | b'\n')) {
                end += 1;
            }
            1 + text.as_bytes()[..end]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64
        };
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(1, |p| line_at(p.byte()));
                errors.push(bad(line, format!("CSV: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| line_at(p.byte()));
        let fields: Vec<&str> = record.iter().collect();
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        if index == 0
            && fields
                .first()
                .is_some_and(|f| f.eq_ignore_ascii_case("group"))
        {
            continue; // the header
        }
        let (group, email, action) = match fields.as_slice() {
            [g, e] => (*g, *e, "add"),
            [g, e, a] => (*g, *e, if a.is_empty() { "add" } else { *a }),
            _ => {
                errors.push(bad(
                    line,
                    format!(
                        "expected group,email[,action], found {} fields",
                        fields.len()
                    ),
                ));
                continue;
            }
        };
        if group.is_empty() || email.is_empty() {
            {
                errors.push(bad(line, "the group and the email are required".into()));
                continue;
            };
        }
        let add = match action.to_ascii_lowercase().as_str() {
            "add" => true,
            "remove" => false,
            _ => {
                errors.push(bad(
                    line,
                    format!("the action is `add` or `remove`, not `{action}`"),
                ));
                continue;
            }
        };
        let Some(g) = model.find_group(group) else {
            {
                errors.push(bad(
                    line,
                    format!("no group named `{group}` in the organization"),
                ));
                continue;
            };
        };
        let user = emails
            .get(&crate::model::email_key(email))
            .copied()
            .or_else(|| model.users.get(email).map(|u| u.id.as_str()));
        let Some(user) = user else {
            {
                errors.push(bad(
                    line,
                    format!("{email} is not a member of the organization"),
                ));
                continue;
            };
        };
        let entry = changes.entry(g.id.clone()).or_insert_with(|| {
            order.push(g.id.clone());
            (g.name.clone(), line, BTreeMap::new())
        });
        if let Some((was, first)) = entry.2.insert(user.to_owned(), (add, line)) {
            if was != add {
                {
                    errors.push(bad(
                        line,
                        format!("{email} is both added to and removed from {group} (line {first})"),
                    ));
                    continue;
                };
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut groups = Vec::new();
    for id in order {
        let (name, line, rows) = &changes[&id];
        let mut members: BTreeSet<&String> = set_of(model.members_of(&id));
        for (user, (add, _)) in rows {
            if *add {
                members.insert(user);
            } else {
                members.remove(user);
            }
        }
        let pos = Pos {
            line: *line as usize,
            column: 1,
        };
        let spanned = |value: String| Spanned { value, pos };
        groups.push(FileGroup {
            name: spanned(name.clone()),
            id: Some(spanned(id.clone())),
            members: Some(
                members
                    .into_iter()
                    .map(|u| spanned(model.users.get(u).map_or(u.as_str(), user_key).to_owned()))
                    .collect(),
            ),
            roles: None,
        });
    }
    let file = AccessFile {
        roles: None,
        groups: Some(groups),
        users: None,
    };
    let mut plan = plan(model, &file, PlanOptions { prune: false });
    plan.unmanaged.retain(|u| u.kind == "group");
    Ok(plan)
}

#[cfg(test)]
mod tests;
