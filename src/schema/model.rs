//! What the spec says of each model: its fields, their types, bounds and nullability, as
//! `#[derive(Model)]` (the `openai-admin-derive` crate) writes them from the serde struct.

use std::cmp::Ordering;

/// The type a field must have.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A string.
    Str,
    /// An integer in the `i64` range (no fraction, no exponent).
    Int,
    /// Any JSON number.
    Num,
    /// An integer in the `u32` range.
    UInt,
    /// `true` or `false`.
    Bool,
    /// One of these strings (in requests, any string: the server decides).
    Enum(&'static [&'static str]),
    /// An array of this type.
    Arr(&'static Ty),
    /// An object following this schema.
    Obj(&'static Schema),
    /// An object with any fields.
    AnyObj,
    /// An object whose values are strings or `null` (header maps).
    StrMap,
}

impl Ty {
    /// The spec's name for the type, as drift reports say it.
    pub fn spec_name(&self) -> &'static str {
        match self {
            Ty::Str | Ty::Enum(_) => "string",
            Ty::Int | Ty::UInt => "integer",
            Ty::Num => "number",
            Ty::Bool => "boolean",
            Ty::Arr(_) => "array",
            Ty::Obj(_) | Ty::AnyObj | Ty::StrMap => "object",
        }
    }
}

/// One field of an object.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The field's name on the wire.
    pub name: &'static str,
    /// Its type.
    pub ty: Ty,
    /// It may be missing. Otherwise the spec requires it.
    pub optional: bool,
    /// It may be `null`.
    pub nullable: bool,
    /// The schema's `minimum` (numbers).
    pub min: Option<i64>,
    /// The schema's `maximum` (numbers).
    pub max: Option<i64>,
    /// The schema's `minLength`, in characters (strings).
    pub min_len: Option<u32>,
    /// The schema's `maxLength`, in characters (strings).
    pub max_len: Option<u32>,
}

impl Field {
    /// A required, non-null field without bounds.
    pub const fn new(name: &'static str, ty: Ty) -> Self {
        Field {
            name,
            ty,
            optional: false,
            nullable: false,
            min: None,
            max: None,
            min_len: None,
            max_len: None,
        }
    }

    /// A field that may be missing (but not `null`: see [`Field::nullable`]).
    pub const fn opt(name: &'static str, ty: Ty) -> Self {
        Field {
            optional: true,
            ..Field::new(name, ty)
        }
    }

    /// The same field, allowed to be `null`.
    pub const fn nullable(self) -> Self {
        Field {
            nullable: true,
            ..self
        }
    }

    /// The same field, with the schema's `minimum` and `maximum`.
    pub const fn range(self, min: Option<i64>, max: Option<i64>) -> Self {
        Field { min, max, ..self }
    }

    /// The same field, with the schema's `minLength` and `maxLength`.
    pub const fn len(self, min_len: Option<u32>, max_len: Option<u32>) -> Self {
        Field {
            min_len,
            max_len,
            ..self
        }
    }
}

/// The fields of an object model.
#[derive(Debug)]
pub struct Schema {
    /// The model's name, for messages.
    pub name: &'static str,
    /// Its fields (at most 64).
    pub fields: &'static [Field],
    /// Whether its deserializer (generated, see [`super::de`]) gives a missing field its absent
    /// value and keeps the last of a field given twice, where serde's derive refuses both. Only
    /// the test and fuzzing oracle (`validate`) reads it.
    #[cfg(any(test, fuzzing))]
    pub tolerant: bool,
}

impl Schema {
    /// Whether this is a list page: a schema with a `data` array.
    pub(crate) fn is_list(&self) -> bool {
        self.fields
            .iter()
            .any(|f| f.name == "data" && matches!(f.ty, Ty::Arr(_)))
    }
}

/// `#[derive(Model)]`: the schema, nesting type and field docs of a serde model.
pub use openai_admin_derive::Model;

/// A model with a schema (`#[derive(Model)]`).
pub trait Model {
    /// What the spec says of the model.
    const SCHEMA: &'static Schema;
}

/// How a model is nested in another (`Ty::Obj` of its schema) or, for a string enum, its values
/// (`Ty::Enum`). `#[derive(Model)]` implements it.
pub trait ModelType {
    /// The type of a field holding this model.
    const TY: Ty;
}

/// A list page (`#[derive(Model)]` on a struct with a `data: Vec<T>` field): its items and
/// envelope, as Rust transports read them. Which page comes next is [`crate::ops::next_after`]'s
/// decision.
pub trait ListModel {
    /// The model of an item.
    type Item;
    /// The items of this page.
    fn items(&self) -> &[Self::Item];
    /// The items of this page, taken.
    fn into_items(self) -> Vec<Self::Item>;
    /// `has_more` (`false` when the page has none).
    fn has_more(&self) -> bool;
    /// The string field called `field` (the operation table's cursor field), if set.
    fn cursor(&self, field: &str) -> Option<&str>;
}

/// Field descriptions (the doc comments), in the order of [`Model::SCHEMA`]'s fields.
pub trait ModelDocs {
    /// One description per field.
    const DOCS: &'static [&'static str];
}

/// Compares the text of a JSON number with an integer bound, exactly and without floats (a float
/// parser costs kilobytes of wasm): `1e3` is 1000, `2.5` is above 2, `-0.5` below 0.
pub(super) fn cmp_bound(raw: &str, bound: i64) -> Ordering {
    let (negative, rest) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (mantissa, exponent_text) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].trim_start_matches('+')),
        None => (rest, "0"),
    };
    let exponent = exponent_text.parse::<i64>();
    let huge = if negative {
        Ordering::Less
    } else {
        Ordering::Greater
    };
    let Ok(exponent) = exponent else {
        // An exponent past i64: the number is 0 or beyond any bound.
        return if exponent_text.starts_with('-') {
            0.cmp(&bound)
        } else {
            huge
        };
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // Digits before the decimal point once the exponent is applied.
    let point = int.len() as i64 + exponent;
    // The magnitude of the whole part: past u64 it is past any bound (|i64::MIN| is 2^63).
    let mut whole: u64 = 0;
    let mut fraction = false;
    for (i, digit) in int.bytes().chain(frac.bytes()).enumerate() {
        if (i as i64) < point {
            whole = match whole
                .checked_mul(10)
                .and_then(|w| w.checked_add(u64::from(digit - b'0')))
            {
                Some(w) => w,
                None => return huge,
            };
        } else if digit != b'0' {
            fraction = true;
        }
    }
    let digits = (int.len() + frac.len()) as i64;
    // Zeros the exponent adds (none to add to a zero, however many).
    for _ in digits.max(0)..point {
        if whole == 0 {
            break;
        }
        whole = match whole.checked_mul(10) {
            Some(w) => w,
            None => return huge,
        };
    }
    const MIN_MAGNITUDE: u64 = i64::MIN.unsigned_abs();
    if negative {
        if whole > MIN_MAGNITUDE {
            return Ordering::Less;
        }
        // `whole` is at most 2^63: its negation is an i64 (2^63 wraps to i64::MIN).
        match (whole as i64).wrapping_neg().cmp(&bound) {
            Ordering::Equal if fraction => Ordering::Less,
            other => other,
        }
    } else {
        match i64::try_from(whole) {
            Ok(whole) => match whole.cmp(&bound) {
                Ordering::Equal if fraction => Ordering::Greater,
                other => other,
            },
            Err(_) => Ordering::Greater,
        }
    }
}
