//! `#[derive(Model)]`: the schema of a serde model, read from the struct and its
//! `#[serde(...)]` attributes, for `openai-admin-wasm`'s one JSON checker (`crate::schema`).
//!
//! On a struct it generates `impl Model` (the [`Schema`]: each field's wire name, type, whether
//! it may be missing or `null`, and its bounds), `impl ModelType` (`Ty::Obj`, so other models can
//! nest it), `impl ModelDocs` (each field's doc comment) and, for a list page (a `data: Vec<T>`
//! field), `impl ListModel`. On an enum of unit variants it generates `impl ModelType` (`Ty::Enum` with the wire values).
//!
//! An answer model (a struct with a `#[serde(flatten)]` unknown-fields map, or an enum with an
//! `Other(String)` catch-all) also gets its `Deserialize` (and `schema::de::Absent`) from here,
//! not from serde's derive: see `de.rs`.
//!
//! What it reads:
//! - types: `String`, `i64` (`Int`), `u32` (`UInt`), `f64` (`Num`), `bool`, `Option<T>`,
//!   `Vec<T>`, `serde_json::Map<..>` (`AnyObj`), and any type deriving `Model` (by its
//!   `ModelType`);
//! - serde: `rename`, `rename_all`, `default`, `skip_serializing_if`, `deny_unknown_fields`;
//!   `#[serde(flatten)]` on a `serde_json::Map` field (the unknown fields, outside the schema)
//!   and `#[serde(untagged)] Other(String)` as an enum's last variant (an unknown value);
//! - its own `#[model(...)]`: `nullable`, `min = N`, `max = N`, `len = A..=B`.
//!
//! An `Option<T>` field may be missing. It may also be `null` unless it has
//! `skip_serializing_if` (a field the writer leaves out when it is `None`), and
//! `#[model(nullable)]` says so for those where the spec allows `null`.
//!
//! Anything else (another serde attribute, a type it does not know, a bound on a field of the
//! wrong type) is a compile error naming it: the schema must never say less than serde reads.
//!
//! The generated code names `crate::schema`: the derive is for `openai-admin-wasm` itself.

mod de;
mod list;
mod ops;

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{quote, ToTokens};
use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Error, Expr, ExprLit, Fields, GenericArgument, Lit, LitInt,
    LitStr, PathArguments, Result, Token, Type,
};

/// Derives `Model`, `ModelType` and `ModelDocs` for a struct, or `ModelType` for an enum of
/// unit variants. See the crate documentation for what it reads.
#[proc_macro_derive(Model, attributes(model, serde))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

/// Used by `operations!` (`src/ops.rs`): one type per row in `ops::endpoints`, naming the
/// row's params and answer models, and the `for_each_operation!` macro that hands the rows to
/// a Rust client's generator. Not for direct use.
#[doc(hidden)]
#[proc_macro]
pub fn operation_endpoints(input: TokenStream) -> TokenStream {
    ops::endpoints(input.into())
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

/// The `openai-admin` crate's resource tree (`client.admin().organization().groups()…`), one
/// method per row of the operation table, as `for_each_operation!` hands the rows over. Not for
/// direct use.
#[doc(hidden)]
#[proc_macro]
pub fn client_resources(input: TokenStream) -> TokenStream {
    ops::resources(input.into())
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

fn expand(input: &DeriveInput) -> Result<Tokens> {
    if !input.generics.params.is_empty() {
        return Err(Error::new_spanned(
            &input.generics,
            "#[derive(Model)] does not support generic models",
        ));
    }
    let container = Container::read(&input.attrs)?;
    match &input.data {
        Data::Struct(data) => expand_struct(input, &container, &data.fields),
        Data::Enum(data) => expand_enum(input, &container, data),
        Data::Union(_) => Err(Error::new_spanned(
            &input.ident,
            "#[derive(Model)] supports structs and enums of unit variants, not unions",
        )),
    }
}

/// What the container's `#[serde(...)]` says.
#[derive(Default)]
struct Container {
    rename: Option<String>,
    rename_all: Option<(String, proc_macro2::Span)>,
    default: bool,
}

impl Container {
    fn read(attrs: &[Attribute]) -> Result<Self> {
        let mut out = Container::default();
        for attr in attrs {
            if attr.path().is_ident("model") {
                return Err(Error::new_spanned(
                    attr,
                    "#[model(...)] goes on fields, not on the model",
                ));
            }
            if !attr.path().is_ident("serde") {
                continue;
            }
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    out.rename = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("rename_all") {
                    let lit = meta.value()?.parse::<LitStr>()?;
                    if convert_case("x", &lit.value()).is_none() {
                        return Err(Error::new_spanned(
                            &lit,
                            format!(
                                "#[derive(Model)]: unknown rename_all rule {:?}",
                                lit.value()
                            ),
                        ));
                    }
                    out.rename_all = Some((lit.value(), lit.span()));
                } else if meta.path.is_ident("deny_unknown_fields") {
                    // Requests are checked without it: unknown fields are sent as given.
                } else if meta.path.is_ident("default") {
                    if meta.input.peek(Token![=]) {
                        meta.value()?.parse::<LitStr>()?;
                    }
                    out.default = true;
                } else {
                    return Err(meta.error(format!(
                        "#[derive(Model)] does not understand #[serde({})] on a model",
                        meta.path.to_token_stream()
                    )));
                }
                Ok(())
            })?;
        }
        Ok(out)
    }

    /// The wire name of a field or variant called `ident` in Rust.
    fn wire_name(&self, ident: &str, rename: Option<String>) -> String {
        let ident = ident.strip_prefix("r#").unwrap_or(ident);
        rename.unwrap_or_else(|| match &self.rename_all {
            Some((rule, _)) => convert_case(ident, rule).unwrap_or_else(|| ident.to_owned()),
            None => ident.to_owned(),
        })
    }
}

/// serde's `rename_all` rules, applied to a snake_case field or a PascalCase variant.
fn convert_case(ident: &str, rule: &str) -> Option<String> {
    // The words of the identifier, lower case.
    let mut words: Vec<String> = Vec::new();
    for part in ident.split('_').filter(|p| !p.is_empty()) {
        let mut word = String::new();
        for c in part.chars() {
            if c.is_uppercase() && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.extend(c.to_lowercase());
        }
        words.push(word);
    }
    let capitalized = |w: &String| {
        let mut chars = w.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    Some(match rule {
        "lowercase" => words.concat(),
        "UPPERCASE" => words.concat().to_uppercase(),
        "PascalCase" => words.iter().map(capitalized).collect(),
        "camelCase" => {
            // The first word stays lower-case; every later one is capitalized.
            let mut out = words.first().cloned().unwrap_or_default();
            out.extend(words.iter().skip(1).map(capitalized));
            out
        }
        "snake_case" => words.join("_"),
        "SCREAMING_SNAKE_CASE" => words.join("_").to_uppercase(),
        "kebab-case" => words.join("-"),
        "SCREAMING-KEBAB-CASE" => words.join("-").to_uppercase(),
        _ => return None,
    })
}

/// What a field's `#[serde(...)]` and `#[model(...)]` say.
#[derive(Default)]
struct FieldAttrs {
    rename: Option<String>,
    default: bool,
    skip_serializing_if: bool,
    nullable: bool,
    min: Option<i64>,
    max: Option<i64>,
    len: Option<(u32, u32)>,
    docs: Vec<String>,
}

impl FieldAttrs {
    fn read(attrs: &[Attribute]) -> Result<Self> {
        let mut out = FieldAttrs::default();
        for attr in attrs {
            if attr.path().is_ident("doc") {
                if let syn::Meta::NameValue(nv) = &attr.meta {
                    if let Expr::Lit(ExprLit {
                        lit: Lit::Str(s), ..
                    }) = &nv.value
                    {
                        out.docs.push(s.value());
                    }
                }
            } else if attr.path().is_ident("serde") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("rename") {
                        out.rename = Some(meta.value()?.parse::<LitStr>()?.value());
                    } else if meta.path.is_ident("default") {
                        if meta.input.peek(Token![=]) {
                            meta.value()?.parse::<LitStr>()?;
                        }
                        out.default = true;
                    } else if meta.path.is_ident("skip_serializing_if") {
                        meta.value()?.parse::<LitStr>()?;
                        out.skip_serializing_if = true;
                    } else {
                        return Err(meta.error(format!(
                            "#[derive(Model)] does not understand #[serde({})] on a field",
                            meta.path.to_token_stream()
                        )));
                    }
                    Ok(())
                })?;
            } else if attr.path().is_ident("model") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("nullable") {
                        out.nullable = true;
                    } else if meta.path.is_ident("min") {
                        out.min = Some(signed(meta.value()?)?);
                    } else if meta.path.is_ident("max") {
                        out.max = Some(signed(meta.value()?)?);
                    } else if meta.path.is_ident("len") {
                        let input = meta.value()?;
                        let lo: LitInt = input.parse()?;
                        input.parse::<Token![..=]>()?;
                        let hi: LitInt = input.parse()?;
                        out.len = Some((lo.base10_parse()?, hi.base10_parse()?));
                    } else {
                        return Err(meta.error(format!(
                            "#[derive(Model)]: unknown #[model({})]; expected nullable, \
                             min = N, max = N or len = A..=B",
                            meta.path.to_token_stream()
                        )));
                    }
                    Ok(())
                })?;
            }
        }
        Ok(out)
    }

    /// The doc comment as one text: lines joined, the space after `///` dropped.
    fn doc(&self) -> String {
        let lines: Vec<&str> = self
            .docs
            .iter()
            .flat_map(|d| d.lines())
            .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end())
            .collect();
        lines.join("\n").trim().to_owned()
    }
}

/// An integer literal, perhaps negative.
fn signed(input: syn::parse::ParseStream<'_>) -> Result<i64> {
    let negative = input.parse::<Option<Token![-]>>()?.is_some();
    let lit: LitInt = input.parse()?;
    let value: i64 = lit.base10_parse()?;
    Ok(if negative { -value } else { value })
}

/// The last segment of a type path and its one type argument, if it has one.
fn segment(ty: &Type) -> Option<(String, Option<&Type>)> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    let arg = match &last.arguments {
        PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
            GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    };
    Some((last.ident.to_string(), arg))
}

/// What kind of value a Rust type holds, for the bounds it may carry.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Str,
    Number,
    Other,
}

/// The `Ty` expression of a (non-`Option`) field type.
fn ty_of(ty: &Type) -> Result<(Tokens, Kind)> {
    let unsupported = || {
        Error::new_spanned(
            ty,
            "#[derive(Model)] does not support this type; it knows String, i64, u32, f64, bool, \
             Option<T>, Vec<T>, serde_json::Map and types that derive Model",
        )
    };
    let (name, arg) = segment(ty).ok_or_else(unsupported)?;
    let schema = quote!(crate::schema);
    Ok(match (name.as_str(), arg) {
        ("String", None) => (quote!(#schema::Ty::Str), Kind::Str),
        ("i64", None) => (quote!(#schema::Ty::Int), Kind::Number),
        ("u32", None) => (quote!(#schema::Ty::UInt), Kind::Number),
        ("f64", None) => (quote!(#schema::Ty::Num), Kind::Number),
        ("bool", None) => (quote!(#schema::Ty::Bool), Kind::Other),
        ("Vec", Some(item)) => {
            if segment(item).is_some_and(|(n, _)| n == "Option") {
                return Err(Error::new_spanned(
                    item,
                    "#[derive(Model)]: array items cannot be null in the schema; Vec<Option<T>> is not supported",
                ));
            }
            let (item, _) = ty_of(item)?;
            (quote!(#schema::Ty::Arr(&#item)), Kind::Other)
        }
        ("Map", Some(_)) => (quote!(#schema::Ty::AnyObj), Kind::Other),
        ("Option", Some(_)) => {
            return Err(Error::new_spanned(
                ty,
                "#[derive(Model)]: Option<Option<T>> is not supported",
            ))
        }
        (
            "i8" | "i16" | "i32" | "i128" | "isize" | "u8" | "u16" | "u64" | "u128" | "usize"
            | "f32" | "char" | "str" | "Box" | "HashMap" | "BTreeMap" | "Value",
            _,
        ) => return Err(unsupported()),
        (_, None) => (quote!(<#ty as #schema::ModelType>::TY), Kind::Other),
        (_, Some(_)) => return Err(unsupported()),
    })
}

fn expand_struct(input: &DeriveInput, container: &Container, fields: &Fields) -> Result<Tokens> {
    let Fields::Named(named) = fields else {
        return Err(Error::new_spanned(
            &input.ident,
            "#[derive(Model)] supports structs with named fields",
        ));
    };
    if named.named.len() > 64 {
        return Err(Error::new_spanned(
            &input.ident,
            "#[derive(Model)]: a model has at most 64 fields (the checker's bit set)",
        ));
    }
    let schema = quote!(crate::schema);
    let mut rows = Vec::new();
    let mut docs = Vec::new();
    let mut wire = Vec::new();
    let mut extra = None;
    for field in &named.named {
        if list::is_flattened_extra(field)? {
            // `#[serde(flatten)] extra: Map<..>`: the fields the model does not name, kept.
            extra = field.ident.as_ref();
            continue;
        }
        let attrs = FieldAttrs::read(&field.attrs)?;
        let ident = field
            .ident
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let name = container.wire_name(&ident, attrs.rename.clone());
        if let Some(field_ident) = &field.ident {
            wire.push(de::WireField {
                ident: field_ident,
                name: name.clone(),
            });
        }
        let option = match segment(&field.ty) {
            Some((n, Some(inner))) if n == "Option" => Some(inner),
            _ => None,
        };
        let (ty, kind) = ty_of(option.unwrap_or(&field.ty))?;
        let optional = option.is_some() || attrs.default || container.default;
        let nullable = attrs.nullable || (option.is_some() && !attrs.skip_serializing_if);
        if attrs.nullable && option.is_none() {
            return Err(Error::new_spanned(
                &field.ty,
                "#[model(nullable)] needs an Option<T> field: serde reads null only into an Option",
            ));
        }
        if (attrs.min.is_some() || attrs.max.is_some()) && kind != Kind::Number {
            return Err(Error::new_spanned(
                &field.ty,
                "#[model(min/max)] applies to number fields only",
            ));
        }
        if attrs.len.is_some() && kind != Kind::Str {
            return Err(Error::new_spanned(
                &field.ty,
                "#[model(len)] applies to string fields only",
            ));
        }
        let opt = |v: Option<Tokens>| v.map_or(quote!(None), |v| quote!(Some(#v)));
        let min = opt(attrs.min.map(|v| quote!(#v)));
        let max = opt(attrs.max.map(|v| quote!(#v)));
        let min_len = opt(attrs.len.map(|(lo, _)| quote!(#lo)));
        let max_len = opt(attrs.len.map(|(_, hi)| quote!(#hi)));
        rows.push(quote! {
            #schema::Field {
                name: #name,
                ty: #ty,
                optional: #optional,
                nullable: #nullable,
                min: #min,
                max: #max,
                min_len: #min_len,
                max_len: #max_len,
            }
        });
        docs.push(attrs.doc());
    }
    let ident = &input.ident;
    let name = container
        .rename
        .clone()
        .unwrap_or_else(|| ident.to_string());
    let list = list::list_model(ident, named);
    // An answer model (one that keeps unknown fields) gets the tolerant deserializer.
    let tolerant = extra.is_some();
    // A list page's items are filled in their place in its vector.
    let items = list::items_field(named);
    let deserializer = extra.map(|extra| de::struct_deserializer(ident, &wire, extra, items));
    Ok(quote! {
        #list
        #deserializer
        impl #schema::Model for #ident {
            const SCHEMA: &'static #schema::Schema = &#schema::Schema {
                name: #name,
                fields: &[#(#rows),*],
                #[cfg(any(test, fuzzing))]
                tolerant: #tolerant,
            };
        }
        impl #schema::ModelType for #ident {
            const TY: #schema::Ty = #schema::Ty::Obj(<Self as #schema::Model>::SCHEMA);
        }
        impl #schema::ModelDocs for #ident {
            const DOCS: &'static [&'static str] = &[#(#docs),*];
        }
    })
}

fn expand_enum(input: &DeriveInput, container: &Container, data: &syn::DataEnum) -> Result<Tokens> {
    if container.default {
        return Err(Error::new_spanned(
            &input.ident,
            "#[derive(Model)] does not understand #[serde(default)] on an enum",
        ));
    }
    let mut values = Vec::new();
    let mut variants = Vec::new();
    let mut catch_all = None;
    for variant in &data.variants {
        if list::is_catch_all(variant)? {
            // `#[serde(untagged)] Other(String)`: any other value, kept as it came.
            catch_all = Some(&variant.ident);
            continue;
        }
        if !matches!(variant.fields, Fields::Unit) {
            return Err(Error::new_spanned(
                variant,
                "#[derive(Model)] supports enums of unit variants only (string values)",
            ));
        }
        let mut rename = None;
        for attr in &variant.attrs {
            if attr.path().is_ident("model") {
                return Err(Error::new_spanned(
                    attr,
                    "#[model(...)] goes on struct fields, not on variants",
                ));
            }
            if !attr.path().is_ident("serde") {
                continue;
            }
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    rename = Some(meta.value()?.parse::<LitStr>()?.value());
                    Ok(())
                } else {
                    Err(meta.error(format!(
                        "#[derive(Model)] does not understand #[serde({})] on a variant",
                        meta.path.to_token_stream()
                    )))
                }
            })?;
        }
        let value = container.wire_name(&variant.ident.to_string(), rename);
        variants.push((&variant.ident, value.clone()));
        values.push(value);
    }
    let ident = &input.ident;
    let schema = quote!(crate::schema);
    let span = input.span();
    // An enum that keeps unknown values gets the deserializer that matches the text first.
    let deserializer = catch_all.map(|other| de::enum_deserializer(ident, &variants, other));
    Ok(quote::quote_spanned! {span=>
        #deserializer
        impl #schema::ModelType for #ident {
            const TY: #schema::Ty = #schema::Ty::Enum(&[#(#values),*]);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::convert_case;

    #[test]
    fn rename_all_follows_serde() {
        let cases = [
            ("TenantGroup", "snake_case", "tenant_group"),
            ("Asc", "lowercase", "asc"),
            ("max_retries", "camelCase", "maxRetries"),
            ("max_retries", "PascalCase", "MaxRetries"),
            ("TenantGroup", "SCREAMING_SNAKE_CASE", "TENANT_GROUP"),
            ("TenantGroup", "kebab-case", "tenant-group"),
            ("base_url", "SCREAMING-KEBAB-CASE", "BASE-URL"),
            ("Owner", "UPPERCASE", "OWNER"),
        ];
        for (ident, rule, wire) in cases {
            assert_eq!(
                convert_case(ident, rule).as_deref(),
                Some(wire),
                "{ident} {rule}"
            );
        }
        assert_eq!(convert_case("x", "Title Case"), None);
    }
}
