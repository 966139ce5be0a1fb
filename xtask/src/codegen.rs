//! `cargo xtask codegen`: the files generated from the operation table (`src/ops.rs`):
//! - `pkg-template/src/operations.ts`: the table for the TypeScript side (command line, server
//!   handler, page sampling), with each field's type and description;
//! - `pkg-template/src/resources.ts`: the resource classes, one line of wiring per method, with
//!   the official SDK's type names;
//! - the operation table of `README.md`.

use std::fmt::Write as _;
use std::path::Path;

use openai_admin_wasm::ops::{Input, Operation, OPERATIONS, OPERATION_DOCS};
use openai_admin_wasm::schema::{Field, Ty};

/// How the spec describes each path parameter.
fn path_param_doc(name: &str) -> &'static str {
    match name {
        "group_id" => "The ID of the group.",
        "user_id" => "The ID of the user.",
        "role_id" => "The ID of the role.",
        "project_id" => "The ID of the project.",
        other => panic!("no description for the path parameter `{other}`"),
    }
}

/// `group_id` → `groupID`, as the official SDK names positional ids.
fn id_arg(name: &str) -> String {
    let base = name
        .strip_suffix("_id")
        .expect("path parameters end in _id");
    format!("{base}ID")
}

/// The resource an operation belongs to (`groups.users`) and its verb (`list`).
fn split(op: &Operation) -> (&'static str, &'static str) {
    op.name.rsplit_once('.').expect("resource.verb")
}

/// `groups.users` → `GroupUsers`: every segment but the last in the singular.
fn class_name(resource: &str) -> String {
    let parts: Vec<&str> = resource.split('.').collect();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let word = if i + 1 < parts.len() {
            part.strip_suffix('s').unwrap_or(part)
        } else {
            part
        };
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

fn ts_type(ty: &Ty) -> &'static str {
    match ty {
        Ty::Str | Ty::Enum(_) => "string",
        Ty::Int | Ty::UInt => "integer",
        Ty::Num => "number",
        Ty::Bool => "boolean",
        Ty::Arr(inner) => match inner {
            Ty::Str | Ty::Enum(_) => "string[]",
            _ => "object[]",
        },
        Ty::Obj(_) | Ty::AnyObj | Ty::StrMap => "object",
    }
}

fn js_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn field_info(field: &Field, doc: &str) -> String {
    let mut out = format!(
        "{{ name: {}, type: '{}', required: {}, nullable: {}, description: {}",
        js_string(field.name),
        ts_type(&field.ty),
        !field.optional,
        field.nullable,
        js_string(doc.trim()),
    );
    let values = match &field.ty {
        Ty::Enum(values) => Some(*values),
        Ty::Arr(Ty::Enum(values)) => Some(*values),
        _ => None,
    };
    if let Some(values) = values {
        let list: Vec<String> = values.iter().map(|v| js_string(v)).collect();
        let _ = write!(out, ", enum: [{}]", list.join(", "));
    }
    if let Some(min) = field.min {
        let _ = write!(out, ", minimum: {min}");
    }
    if let Some(max) = field.max {
        let _ = write!(out, ", maximum: {max}");
    }
    out.push_str(" }");
    out
}

fn operations_ts() -> String {
    let mut out = String::from(
        "// Generated from the operation table in src/ops.rs by `cargo xtask codegen`.\n\
         // Do not edit.\n\n\
         /** A query or body field of an operation, as the spec's model describes it. */\n\
         export interface FieldInfo {\n  readonly name: string;\n  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'string[]' | 'object[]' | 'object';\n  readonly required: boolean;\n  readonly nullable: boolean;\n  readonly description: string;\n  readonly enum?: readonly string[];\n  readonly minimum?: number;\n  readonly maximum?: number;\n}\n\n\
         /** A path parameter of an operation. */\n\
         export interface PathParamInfo {\n  readonly name: string;\n  readonly description: string;\n}\n\n\
         /** One operation of the Admin API: a row of the table. */\n\
         export interface OperationInfo {\n  /** Its path below `client.admin.organization`, e.g. `groups.users.retrieve`. */\n  readonly name: string;\n  readonly method: 'GET' | 'POST' | 'DELETE';\n  /** The path template below the base URL, e.g. `/organization/groups/{group_id}`. */\n  readonly path: string;\n  /** In URL order; the last one is the first positional argument. */\n  readonly pathParams: readonly PathParamInfo[];\n  readonly input: 'query' | 'body' | null;\n  readonly fields: readonly FieldInfo[];\n  /** For lists, the page field holding the next page's cursor. */\n  readonly cursor: 'next' | 'last_id' | null;\n  readonly writes: boolean;\n  readonly summary: string;\n}\n\n\
         /** Every operation, in the order of the API reference. */\n\
         export const OPERATIONS: readonly OperationInfo[] = [\n",
    );
    for (op, docs) in OPERATIONS.iter().zip(OPERATION_DOCS) {
        let (input, schema) = match op.input {
            Input::None => ("null", None),
            Input::Query(schema) => ("'query'", Some(schema)),
            Input::Body(schema) => ("'body'", Some(schema)),
        };
        let path_params: Vec<String> = op
            .path_params()
            .map(|p| {
                format!(
                    "{{ name: {}, description: {} }}",
                    js_string(p),
                    js_string(path_param_doc(p))
                )
            })
            .collect();
        let fields: Vec<String> = schema
            .map(|schema| {
                assert_eq!(schema.fields.len(), docs.input_docs.len(), "{}", op.name);
                schema
                    .fields
                    .iter()
                    .zip(docs.input_docs)
                    .map(|(f, d)| format!("      {}", field_info(f, d)))
                    .collect()
            })
            .unwrap_or_default();
        let fields = if fields.is_empty() {
            "[]".to_owned()
        } else {
            format!("[\n{},\n    ]", fields.join(",\n"))
        };
        let _ = writeln!(
            out,
            "  {{\n    name: {},\n    method: '{}',\n    path: {},\n    pathParams: [{}],\n    input: {input},\n    fields: {fields},\n    cursor: {},\n    writes: {},\n    summary: {},\n  }},",
            js_string(op.name),
            op.method.as_str(),
            js_string(op.path),
            path_params.join(", "),
            op.cursor.map_or("null".to_owned(), js_string),
            op.writes,
            js_string(docs.summary),
        );
    }
    out.push_str(
        "];\n\n\
         const byName = new Map(OPERATIONS.map((op) => [op.name, op]));\n\n\
         /** The operation called `name`, if there is one. */\n\
         export function operation(name: string): OperationInfo | undefined {\n  return byName.get(name);\n}\n",
    );
    out.push_str(CALL_SHAPE);
    out
}

/// The official SDK's call shape, written once into `operations.ts` for every caller of the
/// client by an operation's name (the command line, `applyPlan`, the access loader) and for the
/// server handler, which rebuilds a call in that shape for the core's `prepare`.
const CALL_SHAPE: &str = r#"
/**
 * A call of an operation in the official SDK's shape: `id` is the last path parameter (the
 * method's first argument), `params` one object with the other path parameters and the query or
 * body fields, present when the operation has an input or more than one path parameter.
 */
export interface CallShape {
  readonly id: unknown;
  readonly params: Record<string, unknown> | undefined;
}

/** The call shape of `op` for these path ids and fields. */
export function callShape(op: OperationInfo, ids: Readonly<Record<string, unknown>>, fields?: Readonly<Record<string, unknown>> | null): CallShape {
  const names = op.pathParams.map((p) => p.name);
  const id = names.length > 0 ? ids[names[names.length - 1]!] : undefined;
  if (op.input === null && names.length < 2) return { id, params: undefined };
  const params: Record<string, unknown> = {};
  for (const n of names.slice(0, -1)) params[n] = ids[n];
  return { id, params: Object.assign(params, fields ?? {}) };
}

/** The client method's arguments for a call: `[id?, params?]`. */
export function callArguments(op: OperationInfo, ids: Readonly<Record<string, unknown>>, fields?: Readonly<Record<string, unknown>> | null): unknown[] {
  const { id, params } = callShape(op, ids, fields);
  return [...(op.pathParams.length > 0 ? [id] : []), ...(params ? [params] : [])];
}

/** `client.admin.organization.groups.users.list`, bound, by its name in the table (`groups.users.list`). */
export function methodOf(organization: unknown, name: string): (...args: unknown[]) => unknown {
  const path = name.split('.');
  let target = organization as Record<string, unknown> | undefined;
  for (const p of path.slice(0, -1)) target = target?.[p] as Record<string, unknown> | undefined;
  const fn = target?.[path[path.length - 1]!];
  if (typeof fn !== 'function') throw new TypeError(`the client has no admin.organization.${name}()`);
  return (fn as (...args: unknown[]) => unknown).bind(target);
}
"#;

fn resources_ts() -> String {
    let mut resources: Vec<&str> = Vec::new();
    for op in OPERATIONS {
        let (resource, _) = split(op);
        if !resources.contains(&resource) {
            resources.push(resource);
        }
    }
    let children = |parent: &str| -> Vec<&str> {
        resources
            .iter()
            .copied()
            .filter(|r| {
                r.strip_prefix(parent)
                    .and_then(|rest| rest.strip_prefix('.'))
                    .is_some_and(|rest| !rest.contains('.'))
            })
            .collect()
    };
    let mut out = String::from(
        "// Generated from the operation table in src/ops.rs by `cargo xtask codegen`.\n\
         // Do not edit: each method is one line of wiring to the transport, typed as the official SDK types it.\n\n\
         import type { RequestOptions, QueryParams, OptionsOnly } from './options.js';\n\
         import type { Transport } from './transport.js';\n\
         import type { APIPromise } from './api-promise.js';\n\
         import { ConversationCursorPage, NextCursorPage, type PagePromise } from './pagination.js';\n\
         import type * as API from './types.js';\n",
    );
    // Children first, so every class is declared before a parent constructs it.
    let mut order = resources.clone();
    order.sort_by_key(|r| std::cmp::Reverse(r.matches('.').count()));
    for resource in order {
        let class = class_name(resource);
        let subs = children(resource);
        let _ = write!(
            out,
            "\n/** `client.admin.organization.{resource}` */\nexport class {class} {{\n"
        );
        for sub in &subs {
            let (_, leaf) = sub.rsplit_once('.').expect("child");
            let _ = writeln!(out, "  readonly {leaf}: {};", class_name(sub));
        }
        if subs.is_empty() {
            out.push_str("  constructor(private readonly t: Transport) {}\n");
        } else {
            out.push_str("  constructor(private readonly t: Transport) {\n");
            for sub in &subs {
                let (_, leaf) = sub.rsplit_once('.').expect("child");
                let _ = writeln!(out, "    this.{leaf} = new {}(t);", class_name(sub));
            }
            out.push_str("  }\n");
        }
        for (op, docs) in OPERATIONS.iter().zip(OPERATION_DOCS) {
            let (res, verb) = split(op);
            if res != resource {
                continue;
            }
            let id = op.positional().map(id_arg);
            let id_param = id
                .as_deref()
                .map(|id| format!("{id}: string, "))
                .unwrap_or_default();
            let id_value = id.as_deref().unwrap_or("undefined");
            let _ = writeln!(
                out,
                "  /** {} `{} {}` */",
                docs.summary,
                op.method.as_str(),
                op.path
            );
            if op.cursor.is_some() {
                let params = format!("API.Organization.{}", docs.ts_params);
                let page = format!(
                    "PagePromise<API.Organization.{}, API.Organization.{}>",
                    docs.ts_result, docs.ts_item
                );
                let class = if op.cursor == Some("last_id") {
                    "ConversationCursorPage"
                } else {
                    "NextCursorPage"
                };
                if op.path_params().count() > 1 {
                    // Another path parameter travels in the params object, which is then
                    // required, and the official method reads no request options from it.
                    let _ = writeln!(
                        out,
                        "  {verb}({id_param}params: {params}, options?: RequestOptions): {page} {{\n    return this.t.list('{}', {id_value}, params, options, {class}, null);\n  }}",
                        op.name
                    );
                    continue;
                }
                let _ = writeln!(
                    out,
                    "  {verb}({id_param}query?: QueryParams<{params}>, options?: RequestOptions): {page};"
                );
                let _ = writeln!(out, "  {verb}({id_param}options?: OptionsOnly): {page};");
                // The official page class is the one that reads the row's cursor field; the query's
                // keys tell the transport's request options apart from a query (as the official
                // resources' own lists do).
                let keys = match op.input {
                    Input::Query(schema) => schema
                        .fields
                        .iter()
                        .map(|f| format!("'{}'", f.name))
                        .collect::<Vec<_>>()
                        .join(", "),
                    _ => String::new(),
                };
                let _ = writeln!(
                    out,
                    "  {verb}({id_param}query?: unknown, options?: RequestOptions): {page} {{\n    return this.t.list('{}', {id_value}, query, options, {class}, [{keys}]);\n  }}",
                    op.name
                );
                continue;
            }
            let result = format!("APIPromise<API.Organization.{}>", docs.ts_result);
            let (arg, value) = match op.input {
                // The body's type holds the other path parameters too: the official SDK calls it
                // the params.
                Input::Body(_) if op.path_params().count() > 1 => (
                    format!("params: API.Organization.{}, ", docs.ts_params),
                    "params",
                ),
                Input::Body(_) => (
                    format!("body: API.Organization.{}, ", docs.ts_params),
                    "body",
                ),
                _ if !docs.ts_params.is_empty() => (
                    format!("params: API.Organization.{}, ", docs.ts_params),
                    "params",
                ),
                _ => (String::new(), "undefined"),
            };
            let _ = writeln!(
                out,
                "  {verb}({id_param}{arg}options?: RequestOptions): {result} {{\n    return this.t.request('{}', {id_value}, {value}, options);\n  }}",
                op.name
            );
        }
        out.push_str("}\n");
    }
    let top = children("");
    let top: Vec<&str> = resources
        .iter()
        .copied()
        .filter(|r| !r.contains('.'))
        .chain(top)
        .collect::<Vec<_>>();
    let mut top_unique: Vec<&str> = Vec::new();
    for r in top {
        if !top_unique.contains(&r) {
            top_unique.push(r);
        }
    }
    out.push_str("\n/** `client.admin.organization` */\nexport class Organization {\n");
    for r in &top_unique {
        let _ = writeln!(out, "  readonly {r}: {};", class_name(r));
    }
    out.push_str("  constructor(t: Transport) {\n");
    for r in &top_unique {
        let _ = writeln!(out, "    this.{r} = new {}(t);", class_name(r));
    }
    out.push_str("  }\n}\n");
    out
}

fn readme_table() -> String {
    let mut out = String::from("| method | route | writes |\n| --- | --- | --- |\n");
    for (op, docs) in OPERATIONS.iter().zip(OPERATION_DOCS) {
        let mut args: Vec<String> = op.positional().map(id_arg).into_iter().collect();
        let others: Vec<&str> = op
            .path_params()
            .filter(|p| Some(*p) != op.positional())
            .collect();
        let others = others.join(", ");
        match op.input {
            Input::Query(_) if others.is_empty() => args.push("query?".into()),
            Input::Query(_) => args.push(format!("{{ {others}, ...query }}")),
            Input::Body(_) if others.is_empty() => args.push("body".into()),
            Input::Body(_) => args.push(format!("{{ {others}, ...body }}")),
            Input::None if !docs.ts_params.is_empty() => args.push(format!("{{ {others} }}")),
            Input::None => {}
        }
        let _ = writeln!(
            out,
            "| `{}({})` | `{} {}` | {} |",
            op.name,
            args.join(", "),
            op.method.as_str(),
            op.path,
            if op.writes { "yes" } else { "" }
        );
    }
    out
}

const START: &str = "<!-- operations:start (generated from src/ops.rs: cargo xtask codegen) -->\n";
const END: &str = "<!-- operations:end -->";

/// `current` (the README) with the generated table between its markers.
fn readme(current: &str) -> Result<String, String> {
    let (Some(start), Some(end)) = (current.find("<!-- operations:start"), current.find(END))
    else {
        return Err(
            "README.md has lost its `<!-- operations:start` or `<!-- operations:end -->` marker"
                .to_owned(),
        );
    };
    Ok(format!(
        "{}{START}{}{}",
        &current[..start],
        readme_table(),
        &current[end..]
    ))
}

/// Writes every generated file under `root`, or with `check` only compares them: the error
/// names each stale file.
pub fn run(root: &Path, check: bool) -> Result<(), String> {
    let readme_path = root.join("README.md");
    let current_readme = std::fs::read_to_string(&readme_path)
        .map_err(|e| format!("{}: {e}", readme_path.display()))?;
    let files = [
        ("pkg-template/src/operations.ts", operations_ts()),
        ("pkg-template/src/resources.ts", resources_ts()),
        ("README.md", readme(&current_readme)?),
    ];
    let mut stale = Vec::new();
    for (path, expected) in &files {
        let full = root.join(path);
        let current = std::fs::read_to_string(&full).unwrap_or_default();
        if current == *expected {
            continue;
        }
        if check {
            stale.push(*path);
        } else {
            std::fs::write(&full, expected).map_err(|e| format!("{}: {e}", full.display()))?;
            println!("wrote {path}");
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "stale generated files (run `cargo xtask codegen`): {}",
            stale.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_class_has_its_methods() {
        let ts = resources_ts();
        for op in OPERATIONS {
            let (resource, verb) = split(op);
            let class = class_name(resource);
            let start = ts.find(&format!("export class {class} ")).expect("class");
            let body = &ts[start..];
            let body = &body[..body.find("\n}\n").expect("end of class")];
            assert!(body.contains(&format!("\n  {verb}(")), "{}", op.name);
            assert!(body.contains(&format!("'{}'", op.name)), "{}", op.name);
        }
    }

    #[test]
    fn the_readme_table_replaces_only_what_lies_between_the_markers() {
        let before =
            "# Title\n\n<!-- operations:start old -->\n| old |\n<!-- operations:end -->\n\nafter\n";
        let out = readme(before).expect("markers");
        assert!(
            out.starts_with("# Title\n\n<!-- operations:start (generated"),
            "{out}"
        );
        assert!(out.ends_with("<!-- operations:end -->\n\nafter\n"), "{out}");
        assert!(!out.contains("| old |"), "{out}");
        assert!(
            out.contains("| `groups.list(query?)` | `GET /organization/groups` |"),
            "{out}"
        );
        assert!(readme("no markers").is_err());
    }
}
