//! The deserializers of the answer models, in place of serde's derive: a struct with a flattened
//! `extra` map and an enum with an `Other(String)` catch-all. They read what serde's derive reads,
//! from the same names, but:
//!
//! - a struct reads each known field straight into its type and only an unknown member into
//!   `extra` (serde's `flatten` buffers every member of the object first);
//! - a field the answer leaves out takes its absent value (`crate::schema::de::Absent`) instead of
//!   failing the whole answer, and a field given twice keeps its last value, as the package's
//!   `JSON.parse` reads it: never stricter than the package;
//! - an enum matches the text against its values and keeps any other as `Other` (serde's untagged
//!   variant buffers the value first).

use proc_macro2::TokenStream as Tokens;
use quote::{format_ident, quote};
use syn::{Ident, Type};

/// One known field: its Rust name, wire name and type.
pub struct WireField<'a> {
    pub ident: &'a Ident,
    pub name: String,
    pub ty: &'a Type,
}

/// `Deserialize` and `Absent` for struct `ident` with the known `fields` and the unknown members
/// kept in field `extra`.
pub fn struct_deserializer(ident: &Ident, fields: &[WireField<'_>], extra: &Ident) -> Tokens {
    let de = quote!(crate::schema::de);
    let slots: Vec<Ident> = (0..fields.len()).map(|i| format_ident!("f{i}")).collect();
    let idents: Vec<&Ident> = fields.iter().map(|f| f.ident).collect();
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let types: Vec<&Type> = fields.iter().map(|f| f.ty).collect();
    let expecting = format!("struct {ident}");
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct ModelVisitor;
                impl<'de> ::serde::de::Visitor<'de> for ModelVisitor {
                    type Value = #ident;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<#ident, A::Error> {
                        #(let mut #slots: ::core::option::Option<#types> = ::core::option::Option::None;)*
                        let mut #extra = ::serde_json::Map::new();
                        while let ::core::option::Option::Some(key) = map.next_key::<#de::Key<'de>>()? {
                            match key.as_str() {
                                #(#names => #slots = ::core::option::Option::Some(map.next_value()?),)*
                                _ => {
                                    let value: ::serde_json::Value = map.next_value()?;
                                    #extra.insert(key.into_string(), value);
                                }
                            }
                        }
                        ::core::result::Result::Ok(#ident {
                            #(#idents: #slots.unwrap_or_else(#de::Absent::absent),)*
                            #extra,
                        })
                    }
                }
                deserializer.deserialize_map(ModelVisitor)
            }
        }
        impl #de::Absent for #ident {
            fn absent() -> Self {
                #ident {
                    #(#idents: #de::Absent::absent(),)*
                    #extra: ::serde_json::Map::new(),
                }
            }
        }
    }
}

/// `Deserialize` and `Absent` for enum `ident`: each of `variants` from its wire value, any other
/// text into `other` (whose absent value is empty text).
pub fn enum_deserializer(ident: &Ident, variants: &[(&Ident, String)], other: &Ident) -> Tokens {
    let de = quote!(crate::schema::de);
    let values: Vec<&str> = variants.iter().map(|(_, v)| v.as_str()).collect();
    let idents: Vec<&Ident> = variants.iter().map(|(i, _)| *i).collect();
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct ValueVisitor;
                impl<'de> ::serde::de::Visitor<'de> for ValueVisitor {
                    type Value = #ident;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_str<E: ::serde::de::Error>(self, value: &str) -> ::core::result::Result<#ident, E> {
                        ::core::result::Result::Ok(match value {
                            #(#values => #ident::#idents,)*
                            other => #ident::#other(other.to_owned()),
                        })
                    }
                }
                deserializer.deserialize_str(ValueVisitor)
            }
        }
        impl #de::Absent for #ident {
            fn absent() -> Self {
                #ident::#other(::std::string::String::new())
            }
        }
    }
}
