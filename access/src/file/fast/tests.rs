//! The fast reader against the general YAML reader's events (`yaml/`, itself held to
//! `saphyr-parser`'s in `yaml/tests.rs`): whenever it reads a text, the tree is the
//! same, values and positions; texts out of its subset are left to the events.

use proptest::prelude::*;

use super::super::tree::{parse_events, Node};
use super::parse;

/// The fast reader's tree, checked against the events' (`None`: left to them).
fn same(text: &str) -> Option<Node> {
    let fast = parse(text);
    if let Some(fast) = &fast {
        match parse_events(text) {
            Ok(Some(slow)) => {
                if fast != &slow {
                    panic!("{text:?}:\nfast   {fast:?}\nevents {slow:?}");
                }
            }
            other => panic!("{text:?}: read fast as {fast:?}, by the events {other:?}"),
        }
    }
    fast
}

const DOCUMENTED: &str = "\
# The access file
roles:
  Auditor:
    id: role_abc        # optional for a new role
    description: Reads groups and users
    permissions: [api.groups.read, api.users.read]
groups:
  Engineering:
    id: group_abc
    members: [ada@example.com, \"grace@example.com\", 'o''brien@example.com']

    roles: [Auditor]
  \"R&D, Europe\": {}
  Ops:
users:
  ada@example.com:
    role: owner
    roles: []
  é@exemple.fr: {role: reader, roles: [Auditor, \"x\\u00e9\\n\"]}
";

const JSON: &str = r#"{
  "groups": {
    "Eng": {
      "id": "group_1",
      "members": [
        "a@x.com",
        "b@x.com"
      ],
      "roles": []
    }
  },
  "roles": {},
  "users": {"a@x.com": {"role": "owner", "roles": ["R \"1\"", "\/\\"]}, "n": null}
}
"#;

const SEQUENCES: &str = "\
groups:
  Eng:
    members:
      - a@x.com
      - \"b@x.com\"   # a comment
    roles:
    - R1
    - [R2]
  Ops:
    members:
";

#[test]
fn reads_the_usual_files_as_the_events_do() {
    for text in [DOCUMENTED, JSON, SEQUENCES] {
        assert!(same(text).is_some(), "not read fast: {text}");
        // Saved on Windows.
        let crlf = text.replace('\n', "\r\n");
        assert!(same(&crlf).is_some(), "not read fast: {crlf:?}");
    }
    // Compact JSON, as `JSON.stringify` writes it.
    assert!(same(r#"{"groups":{"Eng":{"members":["a@x.com"],"roles":[]}},"users":{}}"#).is_some());
    assert!(same("groups: {a: [b, c ], d: {} }\nusers: { }\n").is_some());
}

#[test]
fn leaves_the_rest_of_yaml_to_the_events() {
    for text in [
        "",
        "# only a comment\n",
        "~\n",
        "---\ngroups: {}\n",
        "groups: {}\n...\n",
        "- a\n",
        "groups:\n  A:\n    members: &m [a]\n  B:\n    members: *m\n",
        "groups: !!map {}\n",
        "roles:\n  R:\n    description: |\n      text\n",
        "roles:\n  R:\n    description: one\n      two\n",
        "roles:\n  R:\n    description: \"one\n      two\"\n",
        "groups:\n\tA: {}\n",
        "groups: {}\rusers: {}\r",
        "groups: {a: b}\r\nusers: {}\r\r\n",
        "? groups\n: {}\n",
        "groups:\n  a:b: {}\n",
        "groups:\n  C#: {}\n",
        "groups: [a,]\n",
        "groups: [a: b]\n",
        "groups: {a}\n",
        "\u{feff}groups: {}\n",
        "groups: \"\\x41\"\n",
        "groups: \"\\ud83d\\ude00\"\n",
    ] {
        assert!(same(text).is_none(), "read fast: {text:?}");
    }
}

#[test]
fn deep_nesting_is_left_to_the_events() {
    let nested = |levels: usize| {
        (0..levels)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect::<String>()
    };
    assert!(same(&nested(30)).is_some());
    assert!(same(&nested(40)).is_none());
    // Deep enough to overflow a recursive reader's stack without the limit.
    assert!(parse(&nested(3_000)).is_none());
    let flow = |levels: usize| format!("a: {}{}\n", "[".repeat(levels), "]".repeat(levels));
    assert!(same(&flow(30)).is_some());
    assert!(parse(&flow(100_000)).is_none());
}

#[test]
fn positions_count_characters() {
    let root = same("users:\n  \"é\": {role: ñ}\n").expect("read fast");
    let text = format!("{root:?}");
    assert!(
        text.contains(r#"Text("ñ"), pos: Pos { line: 2, column: 15 }"#),
        "{text}"
    );
}

/// Texts near the subset's edges: the bases the mutations start from.
const BASES: &[&str] = &[
    DOCUMENTED,
    JSON,
    SEQUENCES,
    "a: b\nc:\n  d: e\n  f:\n  - g\n  - h\ni: [j, {k: l}]\n",
    "a:\n  b:\n    c: [d,\n      e]\n  f: 'g'\n",
    "{\"a\": [1, -2, true, null, ~], \"b\": {\"c\": \"d\"}}\n",
    "a: b\r\nc:\r\n  - \"d\"\r\n  - [e, f]  # g\r\nh: {i: j}\r\n",
];

/// Characters that matter to YAML.
const EDITS: &[&str] = &[
    " ", "\n", ":", ": ", "-", "- ", "#", " #", ",", "[", "]", "{", "}", "\"", "'", "\\", "&", "*",
    "!", "|", ">", "?", "%", "@", "~", "null", "é", "  ", "\n  ", "\n- ", "---", "x", "1", "\r\n",
    "\r",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// A few edits anywhere in a base text: whatever the fast reader reads, it reads as the
    /// events do.
    #[test]
    fn edited_texts_read_the_same(
        base in 0..BASES.len(),
        edits in proptest::collection::vec((0usize..10_000, 0..EDITS.len(), 0u8..3), 1..4),
    ) {
        let mut text = BASES[base].to_owned();
        for (at, edit, kind) in edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            match kind {
                0 => text.insert_str(at, EDITS[edit]),
                1 => text.replace_range(at..end, EDITS[edit]),
                _ => text.replace_range(at..end, ""),
            }
        }
        same(&text);
    }
}
