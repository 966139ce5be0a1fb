use super::*;

fn error(text: &str) -> FileError {
    match read(text) {
        Ok(file) => panic!("read {text:?} as {file:?}"),
        Err(e) => e,
    }
}

fn at(text: &str, line: usize, column: usize, needle: &str) {
    let e = error(text);
    assert_eq!((e.line, e.column), (line, column), "{e}");
    assert!(e.message.contains(needle), "{e} lacks {needle:?}");
}

const FILE: &str = "\
roles:
  Auditor:
    id: role_abc
    description: Reads groups and users
    permissions: [api.groups.read, api.users.read]
groups:
  Engineering:
    id: group_abc
    members: [ada.lovelace@example.com, grace.hopper@example.com]
    roles: [Auditor]
users:
  ada.lovelace@example.com:
    role: owner
    roles: [Auditor]
";

#[test]
fn reads_the_documented_shape() {
    let file = read(FILE).expect("reads");
    let roles = file.roles.expect("roles");
    assert_eq!(roles[0].name.value, "Auditor");
    assert_eq!(roles[0].name.pos, Pos { line: 2, column: 3 });
    assert_eq!(roles[0].permissions.as_ref().map(Vec::len), Some(2));
    let groups = file.groups.expect("groups");
    let members = groups[0].members.as_ref().expect("members");
    assert_eq!(members[1].value, "grace.hopper@example.com");
    assert_eq!(
        members[1].pos,
        Pos {
            line: 9,
            column: 41
        }
    );
    let users = file.users.expect("users");
    assert_eq!(
        users[0].role.as_ref().map(|r| r.value.as_str()),
        Some("owner")
    );
}

#[test]
fn json_is_read_as_yaml() {
    let file =
        read(r#"{"groups": {"Eng": {"members": ["a@x.com"]}}, "users": {}}"#).expect("reads");
    assert_eq!(file.groups.expect("groups")[0].name.value, "Eng");
    assert_eq!(file.users, Some(Vec::new()));
    assert_eq!(file.roles, None);
    at(
        r#"{"groups": {"Eng": {"member": []}}}"#,
        1,
        21,
        "did you mean `members`",
    );
}

#[test]
fn empty_files_manage_nothing() {
    for text in ["", "# nothing\n", "~\n", "---\n"] {
        assert_eq!(
            read(text).expect("reads"),
            AccessFile::default(),
            "{text:?}"
        );
    }
    // A name with nothing under it manages nothing of that group.
    let file = read("groups:\n  Eng:\n").expect("reads");
    let group = &file.groups.expect("groups")[0];
    assert_eq!(
        (group.members.is_none(), group.roles.is_none()),
        (true, true)
    );
}

#[test]
fn syntax_errors_have_positions() {
    at("groups:\n  Eng: [a\n", 3, 1, "YAML syntax");
    at("groups: {\n", 2, 1, "YAML syntax");
    at("a: b\n- c\n", 2, 3, "YAML syntax");
    at(
        "groups: {}\n---\nusers: {}\n",
        2,
        1,
        "more than one YAML document",
    );
}

#[test]
fn deep_nesting_is_refused_before_it_exhausts_the_stack() {
    // 50,000 nested lists: refused at the 257th, where it starts.
    at(
        &("- ".repeat(50_000) + "a\n"),
        1,
        513,
        "nested deeper than 256",
    );
    // Flow collections stop at the scanner's limit first.
    at(&"[".repeat(300), 1, 256, "recursion limit exceeded");
    // Aliases nesting an anchor in 50 more lists each time: refused at the alias too deep.
    let (open, close) = ("[".repeat(50), "]".repeat(50));
    let mut text = format!("- &a0 {}x{}\n", "[".repeat(200), "]".repeat(200));
    for i in 1..4 {
        text.push_str(&format!("- &a{i} {open}*a{}{close}\n", i - 1));
    }
    at(&text, 3, 57, "nested deeper than 256");
    // Deep but within the limit: the file's own shape error.
    at(&("- ".repeat(200) + "a\n"), 1, 1, "must be a mapping");
}

#[test]
fn unknown_keys_suggest() {
    at("group:\n  Eng: {}\n", 1, 1, "did you mean `groups`");
    at(
        "groups:\n  Eng:\n    membres: []\n",
        3,
        5,
        "did you mean `members`",
    );
    at(
        "roles:\n  R:\n    permission: []\n",
        3,
        5,
        "did you mean `permissions`",
    );
    at(
        "users:\n  a@x.com:\n    rolez: []\n",
        3,
        5,
        "did you mean `role`",
    );
    at(
        "users:\n  a@x.com:\n    colour: red\n",
        3,
        5,
        "expected one of: role, roles",
    );
    at(
        "users:\n  a@x.com:\n    role: ownr\n",
        3,
        11,
        "did you mean `owner`",
    );
    at(
        "users:\n  a@x.com:\n    role: admin\n",
        3,
        11,
        "`owner` or `reader`",
    );
}

#[test]
fn wrong_types_have_positions() {
    at("groups: []\n", 1, 9, "`groups` must be a mapping");
    at(
        "groups:\n  Eng:\n    members: a@x.com\n",
        3,
        14,
        "must be a list",
    );
    at(
        "groups:\n  Eng:\n    members:\n",
        3,
        12,
        "must be a list (write [] for none), not null",
    );
    at(
        "groups:\n  Eng:\n    members: [[a]]\n",
        3,
        15,
        "must be text, not a list",
    );
    at(
        "groups:\n  Eng: [a]\n",
        2,
        8,
        "must be a mapping, not a list",
    );
    at("roles:\n  R:\n    id: {a: 1}\n", 3, 9, "must be text");
    at("- a\n", 1, 1, "the file must be a mapping");
    at(
        "users:\n  a@x.com:\n    role: ~\n",
        3,
        11,
        "must be text, not null",
    );
}

#[test]
fn duplicates_have_positions() {
    at(
        "groups:\n  Eng: {}\n  Eng: {}\n",
        3,
        3,
        "`Eng` is twice in `groups` (first at line 2)",
    );
    at("groups: {}\ngroups: {}\n", 2, 1, "duplicate key `groups`");
    at(
        "users:\n  a@x.com: {}\n  A@X.com: {}\n",
        3,
        3,
        "twice in `users`",
    );
    at(
        "groups:\n  Eng:\n    members: [a@x.com, b@x.com, A@x.com]\n",
        3,
        33,
        "twice",
    );
    at(
        "groups:\n  Eng:\n    roles: [R, R]\n",
        3,
        16,
        "`R` is twice",
    );
    at(
        "groups:\n  Eng:\n    id: a\n    id: b\n",
        4,
        5,
        "duplicate key `id`",
    );
}

#[test]
fn big_files_and_alias_bombs_are_refused() {
    let mut big = String::from("groups:\n");
    while big.len() <= MAX_FILE_BYTES {
        big.push_str("  # padding padding padding padding padding padding padding padding\n");
    }
    let e = error(&big);
    assert!(e.message.contains("larger than 10 MB"), "{e}");
    assert!(e.line > 1);
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..8 {
        let prev = if i == 0 {
            "a".to_owned()
        } else {
            format!("b{}", i - 1)
        };
        bomb.push_str(&format!("b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let e = error(&bomb);
    assert!(
        e.message.contains("too many") || e.message.contains("unknown key"),
        "{e}"
    );
}

#[test]
fn aliases_are_copies() {
    let file =
        read("groups:\n  A:\n    members: &m [a@x.com]\n  B:\n    members: *m\n").expect("reads");
    let groups = file.groups.expect("groups");
    assert_eq!(
        groups[1].members.as_ref().expect("members")[0].value,
        "a@x.com"
    );
}

#[test]
fn scalars_that_look_like_other_things_are_quoted() {
    for s in [
        "true", "2024", "a: b", "x #y", "[a]", " a", "a ", "-", "null", "é,è", "\"q\"",
    ] {
        let text = format!(
            "groups:\n  {}:\n    members: [{}]\n",
            dump::scalar(s),
            dump::scalar(s)
        );
        let file = read(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let group = &file.groups.expect("groups")[0];
        assert_eq!(group.name.value, s, "{text}");
        assert_eq!(
            group.members.as_ref().expect("members")[0].value,
            s,
            "{text}"
        );
    }
    assert_eq!(dump::scalar("Ada Lovelace"), "Ada Lovelace");
    assert_eq!(
        dump::scalar("ada.lovelace@example.com"),
        "ada.lovelace@example.com"
    );
}

#[test]
fn read_all_gives_every_bad_entry_in_file_order() {
    let text = "\
roles:
  R1:
    permissions: oops
  R2:
    permissions: []
groups:
  Eng:
    members: [a@x.com]
    colour: red
  Eng: {}
users:
  a@x.com:
    role: superuser
  b@x.com:
    role: reader
";
    let errors = read_all(text).expect_err("four errors");
    let at: Vec<(usize, &str)> = errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert_eq!(at[0].0, 3);
    assert!(at[0]
        .1
        .contains("the permissions of role `R1` must be a list"));
    assert_eq!(at[1].0, 9);
    assert!(at[1].1.contains("unknown key `colour`"));
    assert_eq!(at[2].0, 10);
    assert!(at[2].1.contains("`Eng` is twice in `groups`"));
    assert_eq!(at[3].0, 13);
    assert!(at[3].1.contains("superuser"));
    // `read` gives the first of them; a good file reads the same both ways.
    assert_eq!(error(text), errors[0]);
    assert_eq!(read_all(FILE).expect("reads"), read(FILE).expect("reads"));
    // A syntax error stops the reading: one error.
    assert_eq!(read_all("groups: [\n").expect_err("syntax").len(), 1);
}

#[test]
fn dump_writes_json_as_serde_json_does_and_yaml_with_the_same_content() {
    use crate::model::{Group, Role, User};
    let mut model = crate::Model::new();
    let user = |id: &str, email: Option<&str>, role: Option<&str>| User {
        id: id.into(),
        name: None,
        email: email.map(Into::into),
        role: role.map(Into::into),
        scim: false,
    };
    model.add_user(user("u1", Some("ada@example.com"), Some("owner")));
    model.add_user(user("u2", None, None));
    for (id, name, description) in [
        ("r1", "é \"q\" \\ a: b", Some("tab\there")),
        ("r2", "true", None),
    ] {
        model.add_role(Role {
            id: id.into(),
            name: name.into(),
            description: description.map(Into::into),
            permissions: vec!["api.groups.read".into()],
            predefined: false,
        });
    }
    model.add_group(Group {
        id: "g1".into(),
        name: "R&D, Europe".into(),
        scim: false,
    });
    model.add_group(Group {
        id: "g2".into(),
        name: "Empty".into(),
        scim: false,
    });
    model.set_members("g1", ["u1".to_owned(), "u2".to_owned()]);
    model.set_group_role_ids("g1", ["r1".to_owned(), "r2".to_owned()]);
    let json = dump(&model, Format::Json);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let pretty = serde_json::to_string_pretty(&value).expect("pretty") + "\n";
    assert_eq!(json, pretty);
    // The YAML says the same: every name and list, read back.
    let names = |file: AccessFile| {
        let groups = file.groups.expect("groups");
        let roles = file.roles.expect("roles");
        let users = file.users.expect("users");
        (
            groups
                .iter()
                .map(|g| {
                    (
                        g.name.value.clone(),
                        g.members
                            .clone()
                            .map(|m| m.into_iter().map(|s| s.value).collect::<Vec<_>>()),
                    )
                })
                .collect::<Vec<_>>(),
            roles
                .iter()
                .map(|r| {
                    (
                        r.name.value.clone(),
                        r.description.as_ref().map(|d| d.value.clone()),
                    )
                })
                .collect::<Vec<_>>(),
            users
                .iter()
                .map(|u| {
                    (
                        u.email.value.clone(),
                        u.role.as_ref().map(|r| r.value.clone()),
                    )
                })
                .collect::<Vec<_>>(),
        )
    };
    let yaml = read(&dump(&model, Format::Yaml)).expect("YAML reads");
    assert_eq!(names(yaml), names(read(&json).expect("JSON reads")));
}
