//! Checks shared by the fuzz targets.

use openai_admin_wasm::schema::{kept_enum_value, validate, Invalid, Model};
use serde::de::DeserializeOwned;

/// serde also reads a struct from a JSON array (its fields in order), which no API sends and
/// the schema rejects on purpose (see `schema::check_agreement`). A rejection for that reason is
/// the one accepted disagreement.
pub fn array_for_object(invalid: &Invalid) -> bool {
    invalid.message.starts_with("expected an object (") && invalid.message.ends_with("got an array")
}

/// `validate` accepts `text` for `T` exactly when serde does (but for the array quirk).
/// Returns serde's value when both accept.
pub fn agree<T: DeserializeOwned + Model>(text: &str) -> Option<T> {
    let by_schema = validate(T::SCHEMA, text);
    let by_serde = serde_json::from_str::<T>(text);
    match (by_schema, by_serde) {
        (Ok(()), Ok(value)) => Some(value),
        (Ok(()), Err(err)) => panic!(
            "{}: the schema accepts what serde rejects ({err}): {text:?}",
            T::SCHEMA.name
        ),
        (Err(invalid), Ok(_)) if array_for_object(&invalid) => None,
        // A value outside an enum: the model keeps it (`Other`), the strict oracle refuses it.
        (Err(invalid), Ok(_)) if kept_enum_value(&invalid) => None,
        (Err(invalid), Ok(_)) => panic!(
            "{}: the schema rejects what serde accepts ({invalid}): {text:?}",
            T::SCHEMA.name
        ),
        (Err(invalid), Err(_)) => {
            // A message is always there to show.
            assert!(!invalid.message.is_empty());
            let _ = invalid.field();
            let _ = invalid.to_string();
            None
        }
    }
}
