//! The boundary's JSON: one dynamic value ([`Value`]), one reader ([`parse`], over the core's JSON
//! lexer: `openai_admin_wasm::schema::json`), one writer ([`ToJson`], with [`json_object!`] for
//! structs) and one way to read a struct from a value ([`FromJson`] with [`Object::req`] and
//! [`Object::opt`]).
//!
//! Hand-written rather than `serde`/`serde_json`: their code is generated per type (a visitor
//! and a serializer per struct, a `deserialize_seq` per element type), which was about 60 KB of
//! the access module (ARCHITECTURE.md, "access"). Here each type's code is a list of field
//! names, and the loops are written once (`&dyn ToJson`).
//!
//! To add a boundary type: `json_object!(Type { "wireName" => field, ... })` for output, and a
//! `FromJson` impl with `Object::req`/`Object::opt` (and `Object::deny_unknown` where serde had
//! `deny_unknown_fields`) for input.

mod read;
mod write;

pub use read::{from_str, parse, FromJson};
pub use write::{to_string, write_string, JsonFields, ObjectWriter, ToJson};

/// A JSON value. Numbers keep their text (the boundary only reads indices and copies the rest),
/// objects their members sorted by key (as `serde_json::Map` wrote them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Object),
}

/// An object's members, sorted by key, each key once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    /// An empty object.
    pub fn new() -> Self {
        Object(Vec::new())
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The member named `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.position(key).ok().map(|i| &self.0[i].1)
    }

    /// Sets the member `key` (the last one wins, as in `JSON.parse`).
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        match self.position(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// The members, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// How many members.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Value {
    /// The string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object, if it is one.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The array, if it is one.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The number, if it is a non-negative integer that fits.
    pub fn as_index(&self) -> Option<usize> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// The member `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// What kind of value it is, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Value::String(s.clone())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Number(n.to_string())
    }
}

impl From<Object> for Value {
    fn from(o: Object) -> Self {
        Value::Object(o)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Self {
        Value::Array(v.into_iter().map(Into::into).collect())
    }
}

/// An object from `(key, value)` pairs.
pub fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    let mut o = Object::new();
    for (k, v) in members {
        o.insert(k, v);
    }
    Value::Object(o)
}

/// Writes a struct's fields as a JSON object: `json_object!(Type { "wireName" => field, ... })`;
/// `..field` first or after a `;` at the end writes that field's own fields into the same
/// object (serde's `flatten`).
#[macro_export]
#[doc(hidden)]
macro_rules! json_object {
    ($ty:ty { $(..$pre:ident,)? $($name:literal => $field:ident),* $(,)? $(; ..$post:ident)? }) => {
        impl $crate::json::JsonFields for $ty {
            fn write_fields(&self, o: &mut $crate::json::ObjectWriter<'_>) {
                $( $crate::json::JsonFields::write_fields(&self.$pre, o); )?
                $( o.field($name, &self.$field); )*
                $( $crate::json::JsonFields::write_fields(&self.$post, o); )?
            }
        }
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                $crate::json::ObjectWriter::write(out, self);
            }
        }
    };
}
pub use json_object;

/// `T` read from a `serde_json` value (tests write their inputs with `serde_json::json!`).
#[cfg(test)]
pub(crate) fn from_serde<T: FromJson>(value: serde_json::Value) -> T {
    from_str(&value.to_string()).expect("reads")
}

/// What the writer writes, read back by `serde_json`.
#[cfg(test)]
pub(crate) fn to_serde(value: &(impl ToJson + ?Sized)) -> serde_json::Value {
    serde_json::from_str(&to_string(value)).expect("the writer writes JSON")
}

#[cfg(test)]
mod tests;
