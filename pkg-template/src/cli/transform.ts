/**
 * `--transform PATH`: a subset of the GJSON path syntax the official CLI takes.
 *
 *   name                 a field                       role.permissions.0   an array index
 *   data.#               an array's length             data.#.email         that field of every element
 *   data.#(role=="owner").email        the first element that matches a query
 *   data.#(role=="owner")#.email       every element that matches
 *   {id,email}  [id,email]             several paths, as an object or an array
 *   data.#.email|0       `|` applies what follows to the whole result so far
 *   na*  n?me            wildcards in a field name      a\.b   a field whose name has a dot
 *   @this @keys @values @reverse       modifiers
 *
 * Query operators: == != < <= > >= and % / !% (a pattern with * and ?). A path that selects
 * nothing gives `undefined`.
 */

type Json = unknown;

/** Splits at top-level `sep` characters (outside quotes, brackets and escapes). */
function splitTop(path: string, seps: string): { part: string; sep: string }[] {
  const out: { part: string; sep: string }[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  let sep = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (ch === '"') quote = false;
      continue;
    }
    if (ch === '"') quote = true;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (depth === 0 && seps.includes(ch)) {
      out.push({ part: path.slice(start, i), sep });
      sep = ch;
      start = i + 1;
    }
  }
  out.push({ part: path.slice(start), sep });
  return out;
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** `*` and `?` patterns (escaped ones are literal). */
function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

const hasWildcard = (key: string) => /(^|[^\\])[*?]/.test(key);

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function literal(text: string): Json {
  const t = text.trim();
  if (t.startsWith('"')) {
    try {
      return JSON.parse(t);
    } catch {
      return t.slice(1, -1);
    }
  }
  if (t === 'true' || t === 'false' || t === 'null') return JSON.parse(t);
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  return t;
}

/** `role=="owner"` → a test on an element. */
function query(body: string): (element: Json) => boolean {
  const m = /^(.*?)(==|!=|<=|>=|!%|<|>|%)(.*)$/s.exec(body);
  const read = (path: string, el: Json) => (path.trim() === '' ? el : get(el, path.trim()));
  if (!m) return (el) => {
    const v = read(body, el);
    return v !== undefined && v !== null && v !== false;
  };
  const [, left, op, right] = m as unknown as [string, string, string, string];
  const want = literal(right);
  return (el) => {
    const v = read(left, el);
    if (v === undefined) return false;
    switch (op) {
      case '==':
        return v === want;
      case '!=':
        return v !== want;
      case '<':
        return typeof v === typeof want && (v as number) < (want as number);
      case '<=':
        return typeof v === typeof want && (v as number) <= (want as number);
      case '>':
        return typeof v === typeof want && (v as number) > (want as number);
      case '>=':
        return typeof v === typeof want && (v as number) >= (want as number);
      case '%':
        return typeof v === 'string' && globToRegExp(String(want)).test(v);
      default:
        return typeof v === 'string' && !globToRegExp(String(want)).test(v);
    }
  };
}

const MODIFIERS = new Set(['this', 'ugly', 'pretty', 'keys', 'values', 'reverse']);

function modifier(value: Json, name: string): Json {
  switch (name) {
    case 'this':
    case 'ugly':
    case 'pretty':
      return value;
    case 'keys':
      return isObject(value) ? Object.keys(value) : undefined;
    case 'values':
      return isObject(value) ? Object.values(value) : undefined;
    case 'reverse':
      return Array.isArray(value) ? [...value].reverse() : isObject(value) ? Object.fromEntries(Object.entries(value).reverse()) : value;
    default:
      throw new TransformError(`unknown modifier @${name}`);
  }
}

/** A path that cannot be read. */
export class TransformError extends Error {
  override name = 'TransformError';
}

/** `{id,email}` / `[id,email]` */
function multipath(value: Json, body: string, asObject: boolean): Json {
  const paths = splitTop(body, ',').map((p) => p.part.trim()).filter((p) => p !== '');
  if (asObject) {
    const out: Record<string, Json> = {};
    for (const p of paths) {
      const v = get(value, p);
      if (v === undefined) continue;
      const parts = splitTop(p, '.|');
      const key = unescape(parts[parts.length - 1]!.part).replace(/^"(.*)"$/, '$1');
      out[key] = v;
    }
    return out;
  }
  return paths.map((p) => get(value, p)).filter((v) => v !== undefined);
}

function step(value: Json, parts: string[], i: number): Json {
  if (i === parts.length) return value;
  const part = parts[i]!;
  if (part === '#') {
    if (!Array.isArray(value)) return undefined;
    if (i === parts.length - 1) return value.length;
    return value.map((el) => step(el, parts, i + 1)).filter((v) => v !== undefined);
  }
  const q = /^#\((.*)\)(#?)$/s.exec(part);
  if (q) {
    if (!Array.isArray(value)) return undefined;
    const test = query(q[1]!);
    if (q[2] === '#') return value.filter(test).map((el) => step(el, parts, i + 1)).filter((v) => v !== undefined);
    const found = value.find(test);
    return found === undefined ? undefined : step(found, parts, i + 1);
  }
  if (part.startsWith('@')) return step(modifier(value, part.slice(1)), parts, i + 1);
  if ((part.startsWith('{') && part.endsWith('}')) || (part.startsWith('[') && part.endsWith(']'))) {
    return step(multipath(value, part.slice(1, -1), part.startsWith('{')), parts, i + 1);
  }
  if (Array.isArray(value)) {
    if (!/^\d+$/.test(part)) return undefined;
    return step(value[Number(part)], parts, i + 1);
  }
  if (!isObject(value)) return undefined;
  if (hasWildcard(part)) {
    const re = globToRegExp(part);
    const key = Object.keys(value).find((k) => re.test(k));
    return key === undefined ? undefined : step(value[key], parts, i + 1);
  }
  const key = unescape(part);
  return Object.prototype.hasOwnProperty.call(value, key) ? step(value[key], parts, i + 1) : undefined;
}

/** What `path` selects in `value`, or `undefined`. */
export function get(value: Json, path: string): Json {
  let current = value;
  for (const { part } of splitTop(path, '|')) {
    if (current === undefined) return undefined;
    const parts = splitTop(part, '.').map((p) => p.part);
    if (parts.some((p) => p === '')) throw new TransformError(`empty step in path ${JSON.stringify(path)}`);
    current = step(current, parts, 0);
  }
  return current;
}

/** Throws {@link TransformError} for a path that cannot be read (checked before any request). */
export function validate(path: string): void {
  for (const { part } of splitTop(path, '|')) {
    for (const { part: p } of splitTop(part, '.')) {
      if (p === '') throw new TransformError(`empty step in path ${JSON.stringify(path)}`);
      if (p.startsWith('@') && !MODIFIERS.has(p.slice(1))) throw new TransformError(`unknown modifier ${p} in path ${JSON.stringify(path)}`);
      if (p.startsWith('#(') && !/^#\(.*\)#?$/s.test(p)) throw new TransformError(`unclosed query in path ${JSON.stringify(path)}`);
      if ((p.startsWith('{') && !p.endsWith('}')) || (p.startsWith('[') && !p.endsWith(']'))) {
        throw new TransformError(`unclosed ${p[0]} in path ${JSON.stringify(path)}`);
      }
      if ((p.startsWith('{') || p.startsWith('[')) && p.length > 2) {
        for (const inner of splitTop(p.slice(1, -1), ',')) if (inner.part.trim() !== '') validate(inner.part.trim());
      }
    }
  }
}
