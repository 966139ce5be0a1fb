//! The TypeScript types of the exports' arguments and results, written into the bindings'
//! `.d.ts` beside the exports that name them (`unchecked_param_type`, `unchecked_return_type`):
//! the package's TypeScript imports the module as these declarations type it, with no cast.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const CONTRACT: &str = r#"
/**
 * The request `prepare` builds: the path carries the encoded query. For a list whose query holds
 * one `after`, `afterStart` and `afterEnd` say where its encoded value sits in `path`.
 */
export interface Prepared {
  method: string;
  path: string;
  body?: string;
  afterStart?: number;
  afterEnd?: number;
}

/** The request options that replace part of the request, and the client's `defaultQuery`: what `prepare` reads. */
export interface RequestOverrides {
  path?: string;
  method?: string;
  query?: unknown;
  body?: unknown;
  defaultQuery?: Record<string, unknown>;
  /** The query the `path` option carried. */
  pathQuery?: Record<string, string>;
  /** The query the base URL carried. */
  baseQuery?: Record<string, string>;
}

/** What `parseAnswer` reads from a 2xx body. */
export interface ParsedAnswer {
  data: unknown;
  /** With `check`: how the answer differs from the spec's model. */
  drift?: string[];
}

/**
 * An error as the core describes it: `apiError`'s result, and what the other exports throw. The
 * package's `toError` makes the error class `name` names from it (a request refused before it was
 * sent), or, for an answer, the class of its `status`.
 */
export interface CoreError {
  name?: string;
  message: string;
  status?: number;
  code?: string | null;
  param?: string | null;
  type?: string | null;
  requestID?: string | null;
  /** The body's `error` object, parsed. */
  error?: unknown;
}
"#;
