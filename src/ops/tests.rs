//! The table's own tests: each operation once, and the generic rules of `build` and the query.

use super::*;

fn op(name: &str) -> &'static Operation {
    find(name).expect("operation in the table")
}

#[test]
fn the_table_has_the_53_operations_once_each() {
    assert_eq!(OPERATIONS.len(), 53);
    for (i, a) in OPERATIONS.iter().enumerate() {
        assert!(
            OPERATIONS[i + 1..].iter().all(|b| b.name != a.name),
            "{}",
            a.name
        );
        assert!(
            OPERATIONS[i + 1..]
                .iter()
                .all(|b| (b.method, b.path) != (a.method, a.path)),
            "{} {}",
            a.method.as_str(),
            a.path
        );
        assert_eq!(a.writes, a.method != Method::Get, "{}", a.name);
        assert_eq!(a.cursor.is_some(), a.name.ends_with(".list"), "{}", a.name);
    }
}

/// `segments` gives the pieces `split('/')` gives, for every template and a few other texts.
#[test]
fn segments_are_the_pieces_split_gives() {
    let others = ["", "/", "//", "a", "/a/", "a//b/", "/{x}/é/{y}"];
    for path in OPERATIONS.iter().map(|op| op.path).chain(others) {
        assert_eq!(
            segments(path).collect::<Vec<_>>(),
            path.split('/').collect::<Vec<_>>(),
            "{path}"
        );
    }
}

/// Each endpoint's own row (the one a Rust program links when it calls that operation alone) is
/// the table's row at its index.
#[test]
fn each_endpoint_takes_its_own_row_of_the_table() {
    macro_rules! check_rows {
        ($krate:tt; $($name:literal $marker:ident $path:literal $input:ident $list:literal $summary:literal;)*) => {{
            let mut seen = 0;
            $(
                let own = <endpoints::$marker as Endpoint>::operation();
                let row = &OPERATIONS[<endpoints::$marker as Endpoint>::INDEX];
                assert_eq!((own.name, own.path, own.method), ($name, $path, row.method), "{}", $name);
                assert_eq!((row.name, row.path), ($name, $path));
                assert_eq!((own.cursor, own.writes), (row.cursor, row.writes), "{}", $name);
                assert_eq!(format!("{:?}", own.result), format!("{:?}", row.result), "{}", $name);
                assert_eq!(format!("{:?}", own.input), format!("{:?}", row.input), "{}", $name);
                assert_eq!(own.cursor.is_some(), $list, "{}", $name);
                seen += 1;
            )*
            assert_eq!(seen, OPERATIONS.len());
        }};
    }
    for_each_operation!(check_rows);
}

#[test]
fn path_parameters_come_from_the_id_and_the_params() {
    let req = build(
        op("groups.users.retrieve"),
        Some("user/1"),
        Some(r#"{"group_id":"g 1"}"#),
    )
    .unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.path, "/organization/groups/g%201/users/user%2F1");
    assert!(req.query.is_empty() && req.body.is_none());

    let err = build(op("groups.users.retrieve"), Some("u"), Some("{}")).unwrap_err();
    assert_eq!(err.param(), Some("group_id"));
    let err = build(
        op("groups.users.retrieve"),
        Some("u"),
        Some(r#"{"group_id":7}"#),
    )
    .unwrap_err();
    assert_eq!(err.param(), Some("group_id"));
    let err = build(op("groups.retrieve"), None, None).unwrap_err();
    assert_eq!(err.param(), Some("group_id"));
    let err = build(op("groups.retrieve"), Some(".."), None).unwrap_err();
    assert_eq!(err.param(), Some("group_id"));
}

#[test]
fn queries_are_written_as_the_official_sdk_writes_them() {
    let req = build(
        op("users.list"),
        None,
        Some(r#"{"limit":500,"emails":["a+b@example.com","c@x"],"after":null,"extra":true}"#),
    )
    .unwrap();
    assert_eq!(
        req.path_and_query(),
        "/organization/users?limit=500&emails%5B%5D=a%2Bb%40example.com&emails%5B%5D=c%40x&after=&extra=true"
    );
    let req = build(
        op("groups.list"),
        None,
        Some(r#"{"order":"sideways","limit":0}"#),
    )
    .unwrap();
    assert_eq!(
        req.path_and_query(),
        "/organization/groups?order=sideways&limit=0"
    );
}

#[test]
fn bodies_are_sent_as_given_once_checked() {
    let text = r#"{"name":"Support","description":"x"}"#;
    let req = build(op("groups.create"), None, Some(text)).unwrap();
    assert_eq!(req.body.as_deref(), Some(text));
    let req = build(op("users.update"), Some("user_1"), Some("{}")).unwrap();
    assert_eq!(req.body.as_deref(), Some("{}"));
    let req = build(op("users.update"), Some("user_1"), None).unwrap();
    assert_eq!(req.body, None);
    let req = build(
        op("users.update"),
        Some("user_1"),
        Some(r#"{"role":"member"}"#),
    )
    .unwrap();
    assert_eq!(req.body.as_deref(), Some(r#"{"role":"member"}"#));
    let req = build(
        op("roles.update"),
        Some("role_1"),
        Some(r#"{"description":null}"#),
    )
    .unwrap();
    assert_eq!(req.body.as_deref(), Some(r#"{"description":null}"#));
}

#[test]
fn only_what_cannot_succeed_is_refused() {
    let err = build(op("groups.create"), None, Some(r#"{"name":42}"#)).unwrap_err();
    assert_eq!(err.param(), Some("name"));
    let err = build(op("groups.create"), None, None).unwrap_err();
    assert_eq!(err.param(), Some("name"));
    let err = build(op("groups.create"), None, Some("[1]")).unwrap_err();
    assert_eq!(err.param(), Some("body"));
    let err = build(op("groups.list"), None, Some(r#"{"limit":1001}"#)).unwrap_err();
    assert_eq!(err.param(), Some("limit"));
    let err = build(op("groups.list"), None, Some(r#"{"limit":"ten"}"#)).unwrap_err();
    assert_eq!(err.param(), Some("limit"));
}

#[test]
fn every_operation_builds_its_own_route() {
    for op in OPERATIONS {
        let mut params = String::from("{");
        for (i, name) in op
            .path_params()
            .filter(|p| Some(*p) != op.positional())
            .enumerate()
        {
            if i > 0 {
                params.push(',');
            }
            params.push_str(&format!("\"{name}\":\"{name}_1\""));
        }
        if let Input::Body(schema) = op.input {
            for field in schema.fields.iter().filter(|f| !f.optional) {
                if params.len() > 1 {
                    params.push(',');
                }
                let value = match field.ty {
                    crate::schema::Ty::Arr(_) => "[\"x\"]",
                    _ => "\"x\"",
                };
                params.push_str(&format!("\"{}\":{value}", field.name));
            }
        }
        params.push('}');
        let id = op.positional().map(|p| format!("{p}_0"));
        let req =
            build(op, id.as_deref(), Some(&params)).unwrap_or_else(|e| panic!("{}: {e}", op.name));
        assert_eq!(req.method, op.method, "{}", op.name);
        let mut expected = op.path.to_owned();
        for name in op.path_params() {
            let value = if Some(name) == op.positional() {
                "_0"
            } else {
                "_1"
            };
            expected = expected.replace(&format!("{{{name}}}"), &format!("{name}{value}"));
        }
        assert_eq!(req.path, expected, "{}", op.name);
        assert_eq!(
            req.body.is_some(),
            matches!(op.input, Input::Body(_)),
            "{}",
            op.name
        );
    }
}
