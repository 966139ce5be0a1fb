use crate::map::Map;

use super::*;

#[test]
fn reads_and_writes_back_every_kind_of_value_keys_sorted() {
    let text = r#" {"b": [1, -2.5e3, true, false, null], "a": {"x": "y\n\u00e9\"\\"}, "c": ""} "#;
    let value = parse(text).unwrap();
    assert_eq!(
        to_string(&value),
        r#"{"a":{"x":"y\né\"\\"},"b":[1,-2.5e3,true,false,null],"c":""}"#
    );
    assert_eq!(
        value.get("b").and_then(Value::as_array).map(Vec::len),
        Some(5)
    );
    assert_eq!(parse("7").unwrap().as_index(), Some(7));
    assert_eq!(parse("\"s\"").unwrap(), Value::String("s".into()));
    // The last of two equal keys wins, as in `JSON.parse`.
    assert_eq!(to_string(&parse(r#"{"k":1,"k":2}"#).unwrap()), r#"{"k":2}"#);
}

#[test]
fn refuses_what_is_not_json() {
    for bad in [
        "",
        "{",
        "[1,]",
        "{\"a\" 1}",
        "1 2",
        "tru",
        "[1],[2]",
        "'a'",
        "01",
    ] {
        assert!(parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    let all: String = (0u8..0x80).map(char::from).chain("é€😀".chars()).collect();
    let mut ours = String::new();
    write_string(&mut ours, &all);
    assert_eq!(ours, serde_json::to_string(&all).unwrap());
    assert_eq!(parse(&ours).unwrap(), Value::String(all));
}

#[test]
fn fields_are_read_by_name_with_messages_that_name_them() {
    let o = parse(r#"{"id":"x","n":3,"list":["a"],"none":null}"#).unwrap();
    let o = Object::of(&o).unwrap();
    assert_eq!(o.req::<String>("id").unwrap(), "x");
    assert_eq!(o.req::<usize>("n").unwrap(), 3);
    assert_eq!(o.req::<Option<String>>("none").unwrap(), None);
    assert_eq!(o.req::<Option<String>>("absent").unwrap(), None);
    assert_eq!(
        o.opt::<Vec<String>>("absent").unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(o.opt::<Vec<String>>("list").unwrap(), ["a"]);
    assert_eq!(
        o.req::<String>("absent").unwrap_err(),
        "missing field `absent`"
    );
    assert_eq!(
        o.req::<String>("n").unwrap_err(),
        "n: expected a string, not a number"
    );
    assert_eq!(
        o.req::<Vec<bool>>("list").unwrap_err(),
        "list: [0]: expected a boolean, not a string"
    );
    assert_eq!(
        o.deny_unknown(&["id", "n", "list"]).unwrap_err(),
        "unknown field `none`, expected one of `id`, `n`, `list`"
    );
    assert!(o.deny_unknown(&["id", "n", "list", "none"]).is_ok());
    assert!(Object::of(&Value::Null).is_err());
    let map: Map<String, usize> = from_str(r#"{"b":2,"a":1}"#).unwrap();
    assert_eq!(to_string(&map), r#"{"a":1,"b":2}"#);
    assert!(from_str::<usize>("-1").is_err() && from_str::<usize>("1.5").is_err());
}

struct Inner {
    a: bool,
}
struct Outer {
    name: Option<String>,
    inner: Inner,
    list: Vec<usize>,
}
json_object!(Inner { "a" => a });
json_object!(Outer { "name" => name, "list" => list; ..inner });

#[test]
fn the_macro_writes_fields_in_order_and_flattens() {
    let v = Outer {
        name: None,
        inner: Inner { a: true },
        list: vec![1, 2],
    };
    assert_eq!(to_string(&v), r#"{"name":null,"list":[1,2],"a":true}"#);
    assert_eq!(to_string(&[&v.inner][..]), r#"[{"a":true}]"#);
}
