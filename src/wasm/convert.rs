//! Values crossing between Rust and JavaScript.

use js_sys::{JsString, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;

use crate::error::Error;

/// `JSON.stringify(value)`, for an argument object given by JavaScript.
pub fn stringify(name: &str, value: &JsValue) -> Result<String, Error> {
    let text = JSON::stringify(value).map_err(|_| {
        Error::invalid(
            name,
            format!("`{name}` must be a plain JSON object (no BigInt, no cycles)"),
        )
    })?;
    text.as_string()
        .ok_or_else(|| Error::invalid(name, format!("`{name}` must be an object")))
}

/// `value[key]`, or `undefined`.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    if !value.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The members of a plain object as `(key, raw JSON text)`; nothing for `undefined`, `null` or
/// anything `JSON.stringify` cannot write.
pub fn members_of(value: &JsValue) -> Vec<(String, String)> {
    if !value.is_object() {
        return Vec::new();
    }
    let Ok(text) = stringify("value", value) else {
        return Vec::new();
    };
    crate::schema::members(&text)
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k.into_owned(), v.to_owned()))
        .collect()
}

/// A string argument such as an id; anything but a string is rejected by name.
pub fn string_arg(name: &'static str, value: &JsValue) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::invalid(
            name,
            format!("`{name}` must be a string, got {}", type_of(value)),
        )
    })
}

fn type_of(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` taking a JS string, so a body read from `fetch` is never copied back.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_js_string(text: &JsString) -> Result<JsValue, JsValue>;
}

/// Parses a validated body with the engine's `JSON.parse` and attaches `_request_id`, not
/// enumerable, as the official SDK does.
pub fn body_to_js(text: &JsString, request_id: Option<&str>) -> Result<JsValue, Error> {
    let value = parse_js_string(text).map_err(|_| Error::Decode {
        message: "not valid JSON".to_owned(),
        status: 200,
        request_id: request_id.map(str::to_owned),
    })?;
    if let Some(object) = value.dyn_ref::<Object>() {
        let descriptor = Object::new();
        set(
            &descriptor,
            "value",
            &request_id.map(JsValue::from).unwrap_or(JsValue::NULL),
        );
        set(&descriptor, "enumerable", &JsValue::FALSE);
        Object::define_property(object, &"_request_id".into(), &descriptor);
    }
    Ok(value)
}

/// Describes an error for the JavaScript layer, which turns it into the class named `name`, or,
/// for an answer, the class of its `status`.
///
/// The fields are the official SDK's: `status`, `error`, `code`, `param`, `type`,
/// `requestID`. Nothing of the request goes in, so the key cannot leak through an error.
pub fn error_to_js(error: &Error) -> JsValue {
    let out = Object::new();
    if let Some(name) = error.class_name() {
        set(&out, "name", &name.into());
    }
    set(&out, "message", &error.to_string().into());
    if let Some(param) = error.param() {
        set(&out, "param", &param.into());
    }
    match error {
        Error::Api(api) => {
            set(&out, "status", &api.status.into());
            set(&out, "code", &opt(api.code.as_deref()));
            set(&out, "param", &opt(api.param.as_deref()));
            set(&out, "type", &opt(api.error_type.as_deref()));
            set(&out, "requestID", &opt(api.request_id.as_deref()));
            let body = api
                .error_json
                .as_deref()
                .and_then(|json| JSON::parse(json).ok())
                .unwrap_or(JsValue::UNDEFINED);
            set(&out, "error", &body);
        }
        Error::Decode {
            status, request_id, ..
        } => {
            set(&out, "status", &(*status).into());
            set(&out, "requestID", &opt(request_id.as_deref()));
        }
        _ => {}
    }
    out.into()
}

fn opt(value: Option<&str>) -> JsValue {
    value.map(JsValue::from).unwrap_or(JsValue::NULL)
}

pub fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = Reflect::set(object, &key.into(), value);
}
