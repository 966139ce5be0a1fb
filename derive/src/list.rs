//! What keeps a model tolerant of answers the spec does not describe yet, and what makes a list
//! page walkable by a Rust client: the catch-all enum variant, the flattened unknown fields, and
//! `impl ListModel` for a page.

use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{Error, Field, Fields, FieldsNamed, Ident, Result, Variant};

use crate::segment;

/// Whether `variant` is `#[serde(untagged)] Other(String)`: an enum value the spec does not list,
/// kept as it came. Any other use of `untagged` is an error.
pub fn is_catch_all(variant: &Variant) -> Result<bool> {
    let mut untagged = false;
    for attr in &variant.attrs {
        if attr.path().is_ident("serde") {
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("untagged") {
                    untagged = true;
                }
                Ok(())
            });
        }
    }
    if !untagged {
        return Ok(false);
    }
    let one_string = match &variant.fields {
        Fields::Unnamed(fields) => {
            fields.unnamed.len() == 1
                && fields
                    .unnamed
                    .first()
                    .and_then(|f| segment(&f.ty))
                    .is_some_and(|(name, arg)| name == "String" && arg.is_none())
        }
        _ => false,
    };
    if !one_string {
        return Err(Error::new_spanned(
            variant,
            "#[derive(Model)]: an untagged variant must hold one String (`Other(String)`)",
        ));
    }
    Ok(true)
}

/// Whether `field` is `#[serde(flatten)]` over a `Map`: the answer's fields the model does not
/// name. It is not a wire field, so the schema leaves it out.
pub fn is_flattened_extra(field: &Field) -> Result<bool> {
    let mut flatten = false;
    for attr in &field.attrs {
        if attr.path().is_ident("serde") {
            let _ = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("flatten") {
                    flatten = true;
                }
                if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                }
                Ok(())
            });
        }
    }
    if !flatten {
        return Ok(false);
    }
    if segment(&field.ty).is_none_or(|(name, _)| name != "Map") {
        return Err(Error::new_spanned(
            &field.ty,
            "#[derive(Model)]: #[serde(flatten)] is supported on a serde_json::Map only",
        ));
    }
    Ok(true)
}

/// A page model's `data: Vec<T>` field, the list's items.
pub fn items_field(fields: &FieldsNamed) -> Option<&Ident> {
    fields.named.iter().find_map(|f| {
        let ident = f.ident.as_ref()?;
        let is_vec = matches!(segment(&f.ty), Some((name, Some(_))) if name == "Vec");
        (ident == "data" && is_vec).then_some(ident)
    })
}

/// `impl ListModel` for a page model (one with a `data: Vec<T>` field), or nothing.
pub fn list_model(ident: &Ident, fields: &FieldsNamed) -> Tokens {
    let named = |name: &str| {
        fields
            .named
            .iter()
            .find(|f| f.ident.as_ref().is_some_and(|i| i == name))
    };
    let Some(data) = named("data") else {
        return quote!();
    };
    let Some(("Vec", Some(item))) = segment(&data.ty)
        .as_ref()
        .map(|(name, arg)| (name.as_str(), *arg))
    else {
        return quote!();
    };
    let has_more = match named("has_more").and_then(|f| segment(&f.ty)) {
        Some((name, None)) if name == "bool" => quote!(self.has_more),
        Some((name, Some(_))) if name == "Option" => quote!(self.has_more.unwrap_or(false)),
        _ => quote!(false),
    };
    // Every string field may be a cursor: the operation table names which one is.
    let mut arms = Vec::new();
    for field in &fields.named {
        let Some(field_ident) = &field.ident else {
            continue;
        };
        let wire = field_ident.to_string();
        match segment(&field.ty) {
            Some((name, None)) if name == "String" => {
                arms.push(quote!(#wire => Some(self.#field_ident.as_str()),));
            }
            Some((name, Some(inner)))
                if name == "Option"
                    && segment(inner).is_some_and(|(n, a)| n == "String" && a.is_none()) =>
            {
                arms.push(quote!(#wire => self.#field_ident.as_deref(),));
            }
            _ => {}
        }
    }
    let schema = quote!(crate::schema);
    quote! {
        impl #schema::ListModel for #ident {
            type Item = #item;
            fn items(&self) -> &[#item] {
                &self.data
            }
            fn into_items(self) -> ::std::vec::Vec<#item> {
                self.data
            }
            fn has_more(&self) -> bool {
                #has_more
            }
            fn cursor(&self, field: &str) -> Option<&str> {
                match field {
                    #(#arms)*
                    _ => None,
                }
            }
        }
    }
}
