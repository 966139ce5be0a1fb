/**
 * The allow-list: a request's method and path matched against the operation table, its raw target
 * checked for anything a URL parser would rewrite, and its query read into the params object the
 * client would pass to the wasm core.
 */
import { OPERATIONS, type OperationInfo } from '../operations.js';
import { invalid } from './answers.js';

/** One operation of the table, with what each request of it reads worked out once, at load. */
export interface Route {
  readonly op: OperationInfo;
  /** Literal segments as strings, parameters as `{ param }`. */
  readonly segments: readonly (string | { param: string })[];
  /** The path parameters' names, in order; the last one is the core's positional id. */
  readonly pathParams: readonly string[];
  readonly positional: string | undefined;
  /** The query or body fields by name. */
  readonly fields: ReadonlyMap<string, OperationInfo['fields'][number]>;
}

const ROUTES: Route[] = OPERATIONS.map((op) => ({
  op,
  segments: op.path
    .split('/')
    .slice(1)
    .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : s)),
  pathParams: op.pathParams.map((p) => p.name),
  positional: op.pathParams.at(-1)?.name,
  fields: new Map(op.fields.map((f) => [f.name, f])),
}));

// Control characters, DEL, and the separators that never belong in an id.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const BAD_IN_ID = /[\u0000-\u001f\u007f/\\%]/;
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;
/** A path with no dot, percent sign or backslash, only visible ASCII: nothing a parser could rewrite. */
const PLAIN_PATH = /^\/[\x21-\x24\x26-\x2d\x2f-\x5b\x5d-\x7e]*$/;

/** Decodes one percent-encoded component once; `null` when it is malformed. */
export function decodeOnce(text: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return null;
  }
}

/**
 * Refuses a raw request target (as sent, before any URL parser resolved it) that a parser would
 * rewrite: dot segments in any spelling, backslashes, anything but an origin-form path.
 */
export function rawTargetIsClean(raw: string): boolean {
  if (!raw.startsWith('/') || raw.startsWith('//')) return false;
  const end = raw.search(/[?#]/);
  const path = end < 0 ? raw : raw.slice(0, end);
  if (PLAIN_PATH.test(path)) return true;
  if (path.includes('\\') || /[^\x21-\x7e]/.test(path)) return false;
  return !path.split('/').some((s) => DOT_SEGMENT.test(s));
}

/** The operation a method and path name below `basePath`, with its path parameters decoded once; `null` for none. */
export function matchRoute(basePath: string, method: string, pathname: string): { route: Route; ids: Record<string, string> } | null {
  if (!pathname.startsWith(`${basePath}/`)) return null;
  const segments = pathname.slice(basePath.length).split('/').slice(1);
  for (const route of ROUTES) {
    if (route.op.method !== method || route.segments.length !== segments.length) continue;
    const ids: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const want = route.segments[i]!;
      const raw = segments[i]!;
      if (typeof want === 'string') {
        ok = raw === want;
        continue;
      }
      const value = raw === '' ? null : decodeOnce(raw, false);
      ok = value !== null && value !== '.' && value !== '..' && !BAD_IN_ID.test(value);
      if (ok) ids[want.param] = value!;
    }
    if (ok) return { route, ids };
  }
  return null;
}

/** Reads a query string (without `?`) into `params`, typed as the operation's schema says. */
export function readQuery(query: string, route: Route, params: Record<string, unknown>): void {
  if (query === '') return;
  const { op, fields } = route;
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    let name = decodeOnce(rawKey, true);
    const value = decodeOnce(eq < 0 ? '' : pair.slice(eq + 1), true);
    if (name === null || value === null) throw invalid('The query string is not correctly percent-encoded.');
    if (CONTROL.test(name) || CONTROL.test(value)) throw invalid('The query string holds a control character.', name);
    const array = name.endsWith('[]');
    if (array) name = name.slice(0, -2);
    if (name === '' || name === '__proto__' || route.pathParams.includes(name)) throw invalid(`\`${name}\` is not a query parameter of ${op.name}.`, name);
    const field = fields.get(name);
    if (array || field?.type === 'string[]') {
      const list = (params[name] ??= []) as unknown[];
      if (!Array.isArray(list)) throw invalid(`\`${name}\` is given both as a list and as a value.`, name);
      list.push(value);
      seen.add(name);
      continue;
    }
    if (seen.has(name)) throw invalid(`\`${name}\` is given more than once.`, name);
    seen.add(name);
    // Typed as the schema says; a value that is not of the type goes on as text, and the core refuses it.
    if (field?.type === 'integer' && /^-?\d{1,15}$/.test(value)) params[name] = Number(value);
    else if (field?.type === 'number' && /^-?\d{1,15}(\.\d{1,15})?$/.test(value)) params[name] = Number(value);
    else if (field?.type === 'boolean' && (value === 'true' || value === 'false')) params[name] = value === 'true';
    else params[name] = value;
  }
}
