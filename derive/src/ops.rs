//! The operation table's rows, read for Rust transports: `operation_endpoints!` (invoked by
//! `operations!` in the core's `src/ops.rs`) writes one type per row naming its Rust params and
//! answer, and the `for_each_operation!` macro; `client_resources!` (invoked by the
//! `openai-admin` crate through `for_each_operation!`) writes the resource tree and its methods.
//! A row added to the table appears in both with no other code.

use std::collections::BTreeMap;

use proc_macro2::{Span, TokenStream as Tokens, TokenTree};
use quote::{format_ident, quote};
use syn::parse::{ParseStream, Parser};
use syn::{Error, Expr, Ident, LitBool, LitStr, Result, Token, Type};

/// One row of `operations!`, as far as Rust transports need it.
struct Row {
    name: LitStr,
    path: LitStr,
    input: Ident,
    model: Option<Type>,
    result: Type,
    list: bool,
    summary: LitStr,
}

/// `"name" => Method "path", input [Model], Result, cursor, writes, "summary", ts(...);`
fn parse_rows(input: ParseStream<'_>) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    while !input.is_empty() {
        let name: LitStr = input.parse()?;
        input.parse::<Token![=>]>()?;
        let _method: Ident = input.parse()?;
        let path: LitStr = input.parse()?;
        input.parse::<Token![,]>()?;
        let kind: Ident = input.parse()?;
        let model = if kind == "none" {
            None
        } else {
            Some(input.parse::<Type>()?)
        };
        input.parse::<Token![,]>()?;
        let result: Type = input.parse()?;
        input.parse::<Token![,]>()?;
        let cursor: Expr = input.parse()?;
        input.parse::<Token![,]>()?;
        let _writes: LitBool = input.parse()?;
        input.parse::<Token![,]>()?;
        let summary: LitStr = input.parse()?;
        input.parse::<Token![,]>()?;
        let _ts: Ident = input.parse()?;
        let _ts_args: proc_macro2::Group = input.parse()?;
        input.parse::<Token![;]>()?;
        let list = !matches!(&cursor, Expr::Path(p) if p.path.is_ident("None"));
        rows.push(Row {
            name,
            path,
            input: kind,
            model,
            result,
            list,
            summary,
        });
    }
    Ok(rows)
}

/// `groups.users.list` → `GroupsUsersList`.
fn pascal(pieces: &[&str]) -> String {
    let mut out = String::new();
    for piece in pieces {
        for word in piece.split('_') {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.extend(chars);
            }
        }
    }
    out
}

/// `listRateLimits` → `list_rate_limits`.
fn snake(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if c.is_uppercase() {
            if !out.is_empty() {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The marker type's name of a row.
fn marker(name: &str) -> String {
    pascal(&name.split('.').collect::<Vec<_>>())
}

pub fn endpoints(input: Tokens) -> Result<Tokens> {
    let rows = parse_rows.parse2(input)?;
    let mut items = Vec::new();
    let mut export = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let name = row.name.value();
        let ident = Ident::new(&marker(&name), row.name.span());
        let params = match &row.model {
            Some(model) => quote!(#model),
            None => quote!(()),
        };
        let result = &row.result;
        let doc = format!("`{name}`: {}", row.summary.value());
        items.push(quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Copy)]
            pub enum #ident {}
            impl super::Endpoint for #ident {
                const INDEX: usize = #index;
                type Params = #params;
                type Output = #result;
                fn operation() -> &'static super::Operation {
                    // This row alone: a program that calls one operation links no other row.
                    const ROW: super::Operation = super::ROWS[#index];
                    &ROW
                }
            }
        });
        let (path, kind, list, summary) = (&row.path, &row.input, row.list, &row.summary);
        export.push(quote!(#name #ident #path #kind #list #summary;));
    }
    Ok(quote! {
        /// The Rust types of each operation: one uninhabited type per row of [`OPERATIONS`],
        /// named after the row (`groups.users.list` is `GroupsUsersList`), whose [`Endpoint`]
        /// implementation names its params and answer models. Rust transports (the
        /// `openai-admin` crate) are generated from these.
        pub mod endpoints {
            #[allow(unused_imports)]
            use super::*;
            #(#items)*
        }

        /// Hands every row of the operation table to the macro named in its argument:
        /// `"name" Marker "path" input is_list "summary";` per row, after `$crate;`.
        #[doc(hidden)]
        #[macro_export]
        macro_rules! for_each_operation {
            ($($cb:tt)*) => { $($cb)* ! { $crate; #(#export)* } };
        }
    })
}

/// A row as `for_each_operation!` hands it over.
struct Exported {
    name: String,
    marker: Ident,
    path: String,
    input: String,
    list: bool,
    summary: String,
}

/// A node of the resource tree: `groups`, `groups.users`, …
#[derive(Default)]
struct Node {
    /// The path parameters it holds, in URL order (`groups.users` holds `group_id`).
    ids: Option<Vec<String>>,
    ops: Vec<(Exported, Vec<String>)>,
}

fn parse_exported(input: ParseStream<'_>) -> Result<(Tokens, Vec<Exported>)> {
    let mut krate = Tokens::new();
    while !input.peek(Token![;]) {
        krate.extend([input.parse::<TokenTree>()?]);
    }
    input.parse::<Token![;]>()?;
    let mut rows = Vec::new();
    while !input.is_empty() {
        let name: LitStr = input.parse()?;
        let marker: Ident = input.parse()?;
        let path: LitStr = input.parse()?;
        let kind: Ident = input.parse()?;
        let list: LitBool = input.parse()?;
        let summary: LitStr = input.parse()?;
        input.parse::<Token![;]>()?;
        rows.push(Exported {
            name: name.value(),
            marker,
            path: path.value(),
            input: kind.to_string(),
            list: list.value,
            summary: summary.value(),
        });
    }
    Ok((krate, rows))
}

/// The path parameters of a template, in URL order.
fn path_params(path: &str) -> Vec<String> {
    path.split('/')
        .filter_map(|segment| segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(str::to_owned)
        .collect()
}

pub fn resources(input: Tokens) -> Result<Tokens> {
    let (krate, rows) = parse_exported.parse2(input)?;
    let mut nodes: BTreeMap<Vec<String>, Node> = BTreeMap::new();
    for row in rows {
        let pieces: Vec<String> = row.name.split('.').map(str::to_owned).collect();
        let Some((_verb, resource)) = pieces.split_last() else {
            continue;
        };
        // Each nested resource holds its parent's id (`groups().users(group_id)`); the method
        // takes the rest (`projects().archive(project_id)`, `groups().users(g).delete(user_id)`).
        let params = path_params(&row.path);
        let held_count = (resource.len() - 1).min(params.len());
        let held = params[..held_count].to_vec();
        let taken = params[held_count..].to_vec();
        for depth in 1..resource.len() {
            nodes.entry(resource[..depth].to_vec()).or_default();
        }
        let node = nodes.entry(resource.to_vec()).or_default();
        match &node.ids {
            Some(ids) if *ids != held => {
                return Err(Error::new(
                    Span::call_site(),
                    format!(
                        "`{}` takes path parameters {held:?} from its resource, whose other \
                         operations take {ids:?}",
                        row.name
                    ),
                ))
            }
            _ => node.ids = Some(held),
        }
        node.ops.push((row, taken));
    }

    let mut out = Vec::new();
    let keys: Vec<Vec<String>> = nodes.keys().cloned().collect();
    for key in &keys {
        let ids = nodes
            .get(key)
            .and_then(|n| n.ids.clone())
            .unwrap_or_default();
        let struct_name = format_ident!(
            "{}",
            pascal(&key.iter().map(String::as_str).collect::<Vec<_>>())
        );
        let count = ids.len();
        let chain = chain(key, &nodes);
        let doc = format!("`{chain}`: the operations below `{}`.", key.join("."));
        out.push(quote! {
            #[doc = #doc]
            #[derive(Debug, Clone)]
            pub struct #struct_name {
                client: crate::Client,
                ids: [::std::string::String; #count],
            }
        });
        // The accessor on the parent (the organization for a top-level resource).
        let (parent_ty, parent_ids) = match key.split_last() {
            Some((_, parent)) if !parent.is_empty() => (
                format_ident!(
                    "{}",
                    pascal(&parent.iter().map(String::as_str).collect::<Vec<_>>())
                ),
                nodes
                    .get(parent)
                    .and_then(|n| n.ids.clone())
                    .unwrap_or_default(),
            ),
            _ => (format_ident!("Organization"), Vec::new()),
        };
        let accessor = format_ident!("{}", snake(key.last().map_or("", String::as_str)));
        let new_ids: Vec<&String> = ids.iter().skip(parent_ids.len()).collect();
        let args: Vec<Ident> = new_ids.iter().map(|id| format_ident!("{}", id)).collect();
        let kept = (0..parent_ids.len().min(count)).map(|i| quote!(self.ids[#i].clone()));
        let added = args.iter().map(|a| quote!(#a.into()));
        let accessor_doc = format!("`{chain}`");
        out.push(quote! {
            impl #parent_ty {
                #[doc = #accessor_doc]
                pub fn #accessor(&self, #(#args: impl ::std::convert::Into<::std::string::String>),*) -> #struct_name {
                    #struct_name {
                        client: self.client.clone(),
                        ids: [#(#kept,)* #(#added,)*],
                    }
                }
            }
        });
        let mut methods = Vec::new();
        for (row, taken) in nodes.get(key).map(|n| n.ops.as_slice()).unwrap_or_default() {
            methods.push(method(&krate, &chain, count, row, taken));
        }
        out.push(quote!(impl #struct_name { #(#methods)* }));
    }
    Ok(quote!(#(#out)*))
}

/// `client.admin().organization().groups().users("group_id")`.
fn chain(key: &[String], nodes: &BTreeMap<Vec<String>, Node>) -> String {
    let mut text = "client.admin().organization()".to_owned();
    let mut before = 0;
    for depth in 1..=key.len() {
        let ids = nodes
            .get(&key[..depth])
            .and_then(|n| n.ids.clone())
            .unwrap_or_default();
        let args: Vec<String> = ids
            .iter()
            .skip(before)
            .map(|id| format!("\"{id}\""))
            .collect();
        before = before.max(ids.len());
        text.push_str(&format!(".{}({})", snake(&key[depth - 1]), args.join(", ")));
    }
    text
}

fn method(krate: &Tokens, chain: &str, held: usize, row: &Exported, taken: &[String]) -> Tokens {
    let verb = snake(row.name.rsplit('.').next().unwrap_or_default());
    let verb_ident = format_ident!("{}", verb);
    let marker = &row.marker;
    let endpoint = quote!(#krate::ops::endpoints::#marker);
    let id_args: Vec<Ident> = taken.iter().map(|id| format_ident!("{}", id)).collect();
    let held_ids = (0..held).map(|i| quote!(self.ids[#i].as_str()));
    let ids = quote!(&[#(#held_ids,)* #(#id_args,)*]);
    let (param_arg, param_value, example_arg) = match row.input.as_str() {
        "query" => (
            quote!(params: impl ::std::convert::Into<::std::option::Option<<#endpoint as #krate::ops::Endpoint>::Params>>,),
            quote!(params.into()),
            "None",
        ),
        "body" => (
            quote!(body: <#endpoint as #krate::ops::Endpoint>::Params,),
            quote!(::std::option::Option::Some(body)),
            "body",
        ),
        _ => (quote!(), quote!(::std::option::Option::None), ""),
    };
    let mut example_args: Vec<String> = taken.iter().map(|id| format!("\"{id}\"")).collect();
    if !example_arg.is_empty() {
        example_args.push(example_arg.to_owned());
    }
    let call = format!("{chain}.{verb}({})", example_args.join(", "));
    // The body's fields differ per operation: the example shows the call, and takes the body as
    // a hidden argument of its type (the example is `no_run`: compiled, never run).
    let body_arg = if row.input == "body" {
        format!(", body: <openai_admin_wasm::ops::endpoints::{marker} as openai_admin_wasm::ops::Endpoint>::Params")
    } else {
        String::new()
    };
    let route = format!("`{}`", row.path);
    let name = &row.name;
    let example = |call: &str, tail: &str| {
        format!(
            "```no_run\n# async fn run(client: openai_admin::Client{body_arg}) -> Result<(), openai_admin::Error> {{\nlet answer = {call}{tail};\n# let _ = answer;\n# Ok(())\n# }}\n```"
        )
    };
    let args_tokens = quote!(#(#id_args: &str,)* #param_arg);
    if row.list {
        let all = format_ident!("{}_all", verb);
        let doc = format!(
            "{}\n\n`{name}`: {route}. Answers the first page; [`Page::next_page`](crate::Page::next_page) and [`Page::into_stream`](crate::Page::into_stream) go on from it.\n\n{}",
            row.summary,
            example(&call, ".await?")
        );
        let all_call = format!("{chain}.{verb}_all({})", example_args.join(", "));
        let all_doc = format!(
            "Every item of `{name}`, page after page, as a stream (the first page is requested when the stream is first polled).\n\n```no_run\n# async fn run(client: openai_admin::Client) -> Result<(), openai_admin::Error> {{\nuse futures_util::TryStreamExt;\nlet items: Vec<_> = {all_call}.try_collect().await?;\n# Ok(())\n# }}\n```"
        );
        quote! {
            #[doc = #doc]
            pub fn #verb_ident(&self, #args_tokens) -> crate::CallFuture<crate::Page<#endpoint>> {
                crate::call::first_page::<#endpoint>(&self.client, #ids, #param_value)
            }
            #[doc = #all_doc]
            pub fn #all(&self, #args_tokens) -> crate::ItemStream<#endpoint> {
                crate::call::stream::<#endpoint>(self.client.clone(), #ids, #param_value)
            }
        }
    } else {
        let doc = format!(
            "{}\n\n`{name}`: {route}.\n\n{}",
            row.summary,
            example(&call, ".await?")
        );
        quote! {
            #[doc = #doc]
            pub fn #verb_ident(&self, #args_tokens) -> crate::CallFuture<<#endpoint as #krate::ops::Endpoint>::Output> {
                crate::call::call::<#endpoint>(&self.client, #ids, #param_value)
            }
        }
    }
}
