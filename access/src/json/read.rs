//! The one JSON reader: text to [`Value`] with the core's lexer (`members`, `elements`,
//! `raw_to_text`: one owner of JSON's syntax for both modules), and [`FromJson`], a type read
//! from a value with messages that name the field.

use crate::map::Map;

use openai_admin_wasm::schema::json::{elements, members, raw_to_text};

use super::{Object, Value};

/// The value of the JSON text `text`.
pub fn parse(text: &str) -> Result<Value, String> {
    // The lexer reads arrays and objects; a lone value is checked as an array's one element.
    let wrapped = format!("[{text}]");
    match elements(&wrapped).as_deref() {
        Some([one]) => Ok(valid(one)),
        _ => Err("not JSON".to_owned()),
    }
}

/// A value from raw JSON text the lexer has already checked.
fn valid(raw: &str) -> Value {
    match raw.as_bytes().first() {
        Some(b'{') => {
            let mut o = Object::new();
            for (key, value) in members(raw).unwrap_or_default() {
                o.insert(key.into_owned(), valid(value));
            }
            Value::Object(o)
        }
        Some(b'[') => Value::Array(
            elements(raw)
                .unwrap_or_default()
                .into_iter()
                .map(valid)
                .collect(),
        ),
        Some(b'"') => Value::String(raw_to_text(raw).unwrap_or_default()),
        Some(b't') => Value::Bool(true),
        Some(b'f') => Value::Bool(false),
        Some(b'n') | None => Value::Null,
        Some(_) => Value::Number(raw.to_owned()),
    }
}

/// A type the boundary reads from JSON.
pub trait FromJson: Sized {
    /// Reads `value`, or says what is wrong with it.
    fn from_json(value: &Value) -> Result<Self, String>;
}

/// `T` read from the JSON text `text`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, String> {
    T::from_json(&parse(text)?)
}

/// `name: error`, the error of a member: one function, not a `format!` in each member type's
/// `req`, `opt` and map reader.
#[inline(never)]
fn in_member(name: &str, error: String) -> String {
    format!("{name}: {error}")
}

#[inline(never)]
fn missing(name: &str) -> String {
    format!("missing field `{name}`")
}

fn expected(what: &str, value: &Value) -> String {
    format!("expected {what}, not {}", value.kind())
}

impl Object {
    /// The object `value` is.
    pub fn of(value: &Value) -> Result<&Object, String> {
        value
            .as_object()
            .ok_or_else(|| expected("an object", value))
    }

    /// The member `name`, read as `T`; an error if it is absent (`null` is an `Option`'s `None`).
    pub fn req<T: FromJson>(&self, name: &str) -> Result<T, String> {
        match self.get(name) {
            Some(v) => T::from_json(v).map_err(|e| in_member(name, e)),
            None => T::from_json(&Value::Null).map_err(|_| missing(name)),
        }
    }

    /// The member `name`, read as `T`, or `T`'s default when it is absent.
    pub fn opt<T: FromJson + Default>(&self, name: &str) -> Result<T, String> {
        match self.get(name) {
            Some(v) => T::from_json(v).map_err(|e| in_member(name, e)),
            None => Ok(T::default()),
        }
    }

    /// An error naming the first member not in `known`.
    pub fn deny_unknown(&self, known: &[&str]) -> Result<(), String> {
        match self.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            Some((k, _)) => Err(format!(
                "unknown field `{k}`, expected one of `{}`",
                known.join("`, `")
            )),
            None => Ok(()),
        }
    }
}

impl FromJson for Value {
    fn from_json(value: &Value) -> Result<Self, String> {
        Ok(value.clone())
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| expected("a string", value))
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, String> {
        match value {
            Value::Bool(b) => Ok(*b),
            _ => Err(expected("a boolean", value)),
        }
    }
}

impl FromJson for usize {
    fn from_json(value: &Value) -> Result<Self, String> {
        value
            .as_index()
            .ok_or_else(|| expected("a non-negative integer", value))
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        let mut out = Vec::new();
        each_element(value, &mut |len, v| {
            out.reserve(len);
            out.push(T::from_json(v)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// The walk of an array for [`Vec`]'s `from_json`, compiled once (a `dyn` element reader, not a
/// copy of the walk and its error texts per element type); `read` gets the array's length left.
fn each_element(
    value: &Value,
    read: &mut dyn FnMut(usize, &Value) -> Result<(), String>,
) -> Result<(), String> {
    let items = value
        .as_array()
        .ok_or_else(|| expected("an array", value))?;
    for (i, v) in items.iter().enumerate() {
        read(items.len() - i, v).map_err(|e| format!("[{i}]: {e}"))?;
    }
    Ok(())
}

impl<T: FromJson> FromJson for Map<String, T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        let mut out = Map::new();
        for (k, v) in Object::of(value)?.iter() {
            out.insert(k.clone(), T::from_json(v).map_err(|e| in_member(k, e))?);
        }
        Ok(out)
    }
}
