//! The deserializers of the answer models, in place of serde's derive: a struct with a flattened
//! `extra` map and an enum with an `Other(String)` catch-all. They read what serde's derive reads,
//! from the same names, but:
//!
//! - a struct reads each known field straight into its type and only an unknown member into
//!   `extra` (serde's `flatten` buffers every member of the object first), in place: a model
//!   starts as its absent value and each member is written into its field, and a list page's
//!   items are read each in its place in the page's vector, not moved there;
//! - a field the answer leaves out takes its absent value (`crate::schema::de::Absent`) instead of
//!   failing the whole answer, and a field given twice keeps its last value, as the package's
//!   `JSON.parse` reads it: never stricter than the package;
//! - an enum matches the text against its values and keeps any other as `Other` (serde's untagged
//!   variant buffers the value first).

use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::Ident;

/// One known field: its Rust name and wire name.
pub struct WireField<'a> {
    pub ident: &'a Ident,
    pub name: String,
}

/// `Deserialize`, `Fill` and `Absent` for struct `ident` with the known `fields` and the unknown
/// members kept in field `extra`. `items` is a list page's `data` field: its items are each read
/// in their place in the vector (`crate::schema::de::Items`).
pub fn struct_deserializer(
    ident: &Ident,
    fields: &[WireField<'_>],
    extra: &Ident,
    items: Option<&Ident>,
) -> Tokens {
    let de = quote!(crate::schema::de);
    let idents: Vec<&Ident> = fields.iter().map(|f| f.ident).collect();
    let expecting = format!("struct {ident}");
    let arms = fields.iter().map(|f| {
        let (name, field) = (f.name.as_str(), f.ident);
        if items == Some(field) {
            quote!(#name => map.next_value_seed(#de::Items(&mut self.0.#field))?,)
        } else {
            quote!(#name => self.0.#field = map.next_value()?,)
        }
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let mut value = <#ident as #de::Absent>::absent();
                #de::Fill::fill(&mut value, deserializer)?;
                ::core::result::Result::Ok(value)
            }
        }
        impl #de::Fill for #ident {
            fn fill<'de, D: ::serde::Deserializer<'de>>(&mut self, deserializer: D) -> ::core::result::Result<(), D::Error> {
                struct ModelVisitor<'a>(&'a mut #ident);
                impl<'de> ::serde::de::Visitor<'de> for ModelVisitor<'_> {
                    type Value = ();
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<(), A::Error> {
                        while let ::core::option::Option::Some(key) = map.next_key::<#de::Key<'de>>()? {
                            match key.as_str() {
                                #(#arms)*
                                _ => {
                                    let value: ::serde_json::Value = map.next_value()?;
                                    self.0.#extra.insert(key.into_string(), value);
                                }
                            }
                        }
                        ::core::result::Result::Ok(())
                    }
                }
                deserializer.deserialize_map(ModelVisitor(self))
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
