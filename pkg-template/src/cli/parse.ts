/**
 * Reads the command line with Node's `util.parseArgs`: global options anywhere, the command in the
 * official CLI's form (`admin:organization:groups list`) or spaced (`admin organization groups
 * list`), then the command's flags and the path ids given as arguments.
 */
import { parseArgs } from 'node:util';
import { validate, TransformError } from './transform.js';
import { COMMANDS, RESOURCES, ROOT, isResourcePrefix, suggest, type Command, type Flag, type Resource } from './commands.js';
import { FileArgumentError, FileReader } from './files.js';

/** A mistake on the command line: printed with a hint, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** The command whose help to point at, if known. */
    readonly helpFor?: string,
  ) {
    super(message);
  }
}

export const FORMATS = ['auto', 'explore', 'json', 'jsonl', 'pretty', 'raw', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

/** An option every command takes. */
export interface GlobalOption {
  name: string;
  short?: string;
  /** What the value stands for in help (`URL`); absent for a switch. */
  value?: string;
  multiple?: boolean;
  env?: string;
  default?: string;
  description: string;
}

export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  { name: 'admin-api-key', value: 'KEY', env: 'OPENAI_ADMIN_KEY', description: 'The admin API key. It is never printed, not even with --debug.' },
  { name: 'base-url', value: 'URL', env: 'OPENAI_BASE_URL', description: 'Override the base URL for API requests.' },
  { name: 'organization', value: 'ID', env: 'OPENAI_ORG_ID', description: 'Sent as the OpenAI-Organization header.' },
  { name: 'project', value: 'ID', env: 'OPENAI_PROJECT_ID', description: 'Sent as the OpenAI-Project header.' },
  { name: 'header', short: 'H', value: "'NAME: VALUE'", multiple: true, description: 'Add a header to every request (repeatable).' },
  { name: 'format', value: 'FORMAT', default: 'auto', description: `Output format: ${FORMATS.join(', ')}. auto is a table or readable text on a terminal, JSON otherwise; explore browses the result on a terminal (JSON otherwise). A long list on a terminal goes through $PAGER (less).` },
  { name: 'format-error', value: 'FORMAT', default: 'auto', description: "Error format: auto (one line) or json, jsonl, pretty, yaml, raw (the API's error body); explore prints json." },
  { name: 'transform', value: 'PATH', description: 'Print only what a GJSON-style path selects, e.g. email, data.#.email, role.name (on a list: of each item).' },
  { name: 'transform-error', value: 'PATH', description: 'The same for the error body (with a --format-error other than auto).' },
  { name: 'raw-output', short: 'r', description: 'Print a string result without JSON quotes.' },
  { name: 'max-retries', value: 'N', description: 'Retries after a failed attempt (default: the client\'s, 2).' },
  { name: 'debug', description: "Print each request and response on stderr, the key redacted, and where an answer differs from the API's spec." },
  { name: 'help', short: 'h', description: 'Show help for the command.' },
  { name: 'version', description: 'Print the version.' },
];

/** Values of the global options (after the environment). */
export interface Globals {
  adminApiKey?: string;
  baseURL?: string;
  organization?: string;
  project?: string;
  headers: [string, string][];
  format: Format;
  formatExplicit: boolean;
  formatError: Format;
  transform?: string;
  transformError?: string;
  rawOutput: boolean;
  maxRetries?: number;
  debug: boolean;
}

export type Parsed =
  | { kind: 'help'; topic: Command | Resource | null; globals: Globals }
  | { kind: 'version'; globals: Globals }
  | { kind: 'run'; command: Command; values: Record<string, unknown>; maxItems: number; globals: Globals };

type OptionConfig = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

/** Every option name any command knows, for parseArgs (flags are checked per command afterwards). */
function allOptions(): Record<string, OptionConfig> {
  const options: Record<string, OptionConfig> = {};
  for (const g of GLOBAL_OPTIONS) {
    options[g.name] = { type: g.value ? 'string' : 'boolean', ...(g.multiple ? { multiple: true } : {}), ...(g.short ? { short: g.short } : {}) };
  }
  for (const c of COMMANDS) {
    for (const f of c.flags) {
      for (const name of [f.name, ...f.aliases]) {
        if (options[name] && GLOBAL_OPTIONS.some((g) => g.name === name)) continue;
        const type = f.type === 'boolean' ? 'boolean' : 'string';
        const multiple = f.type === 'string[]' || options[name]?.multiple === true;
        options[name] = { type, ...(multiple ? { multiple: true } : {}) };
      }
    }
  }
  return options;
}

const OPTIONS = allOptions();
const SHORT = new Map(Object.entries(OPTIONS).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));

/**
 * Joins each value-taking option with the word after it (`--limit -1` → `--limit=-1`), so a
 * value may start with a dash, as with most command lines.
 */
function joinValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    let name: string | undefined;
    if (/^--[^=]+$/.test(arg)) name = arg.slice(2);
    else if (/^-[^-]$/.test(arg)) name = SHORT.get(arg.slice(1));
    if (name !== undefined && OPTIONS[name]?.type === 'string' && i + 1 < argv.length) {
      out.push(`--${name}=${argv[++i]}`);
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** `'Name: Value'` → `['Name', 'Value']` */
function parseHeader(h: string): [string, string] {
  const colon = h.indexOf(':');
  const name = colon < 0 ? '' : h.slice(0, colon).trim();
  if (colon < 0 || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
    throw new UsageError(`invalid header ${JSON.stringify(h)}: expected 'Name: Value'`);
  }
  return [name, h.slice(colon + 1).trim()];
}

function parseFormat(flag: string, value: unknown): Format {
  const v = String(value).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(v)) {
    const hint = suggest(v, FORMATS);
    throw new UsageError(`--${flag} must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(String(value))}${hint ? `. Did you mean ${hint}?` : ''}`);
  }
  return v as Format;
}

function parseInteger(flag: string, value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--${flag} wants an integer, not ${JSON.stringify(value)}`);
  return Number(value.trim());
}

function last(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? (v[v.length - 1] as string) : (v as string);
}

export function readGlobals(values: Record<string, unknown>, env: Record<string, string | undefined>): Globals {
  const nonEmpty = (s: string | undefined) => (s === undefined || s === '' ? undefined : s);
  const baseURL = nonEmpty(last(values['base-url'])) ?? nonEmpty(env.OPENAI_BASE_URL);
  if (baseURL !== undefined && !/^https?:\/\//i.test(baseURL)) {
    throw new UsageError(`base URL ${JSON.stringify(baseURL)} is missing a scheme (expected http:// or https://)`);
  }
  const globals: Globals = {
    headers: ((values.header as string[] | undefined) ?? []).map(parseHeader),
    format: values.format === undefined ? 'auto' : parseFormat('format', last(values.format)),
    formatExplicit: values.format !== undefined,
    formatError: values['format-error'] === undefined ? 'auto' : parseFormat('format-error', last(values['format-error'])),
    rawOutput: values['raw-output'] === true,
    debug: values.debug === true,
  };
  const set = <K extends keyof Globals>(k: K, v: Globals[K] | undefined) => {
    if (v !== undefined) globals[k] = v;
  };
  set('adminApiKey', nonEmpty(last(values['admin-api-key'])) ?? nonEmpty(env.OPENAI_ADMIN_KEY));
  set('baseURL', baseURL);
  set('organization', nonEmpty(last(values.organization)) ?? nonEmpty(env.OPENAI_ORG_ID));
  set('project', nonEmpty(last(values.project)) ?? nonEmpty(env.OPENAI_PROJECT_ID));
  set('transform', nonEmpty(last(values.transform)));
  set('transformError', nonEmpty(last(values['transform-error'])));
  for (const [flag, path] of [['transform', globals.transform], ['transform-error', globals.transformError]] as const) {
    if (path === undefined) continue;
    try {
      validate(path);
    } catch (e) {
      throw new UsageError(`--${flag}: ${e instanceof TransformError ? e.message : String(e)}`);
    }
  }
  const retries = last(values['max-retries']);
  if (retries !== undefined) {
    const n = parseInteger('max-retries', retries);
    if (n < 0) throw new UsageError('--max-retries must be 0 or more');
    globals.maxRetries = n;
  }
  return globals;
}

/** What the words name: a command, a resource, or nothing known (with the words that follow). */
interface Resolved {
  command?: Command;
  resource?: Resource;
  /** Words after the command (path ids). */
  rest: string[];
  error?: UsageError;
}

/** The official CLI's names, plus the same without `admin organization` in front. */
function fullSegments(segments: string[]): string[] {
  return segments[0] === ROOT[0] ? segments : [...ROOT, ...segments];
}

function resolve(words: readonly string[]): Resolved {
  const segments: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const parts = words[i]!.split(':').filter((p) => p !== '');
    if (segments.length > 0 && parts.length === 1) {
      const resource = RESOURCES.get(fullSegments(segments).join(':'));
      const command = resource?.methods.get(parts[0]!);
      if (command) return { command, rest: words.slice(i + 1) };
    }
    const before = segments.length > 0 ? RESOURCES.get(fullSegments(segments).join(':')) : undefined;
    segments.push(...parts);
    if (!isResourcePrefix(fullSegments(segments))) {
      const typed = words.slice(0, i + 1).join(' ');
      let hint: string | undefined;
      if (before && parts.length === 1) {
        const method = suggest(parts[0]!, before.methods.keys());
        if (method) hint = `${before.name} ${method}`;
      }
      if (!hint) {
        const resource = suggest(fullSegments(segments).join(':'), RESOURCES.keys());
        const next = words[i + 1];
        if (resource) hint = next !== undefined && RESOURCES.get(resource)!.methods.has(next) ? `${resource} ${next}` : resource;
      }
      return {
        rest: [],
        error: new UsageError(`unknown command ${JSON.stringify(typed)}${hint ? `. Did you mean ${JSON.stringify(hint)}?` : ''}`),
      };
    }
  }
  const resource = segments.length > 0 ? RESOURCES.get(fullSegments(segments).join(':')) : undefined;
  return resource ? { resource, rest: [] } : { rest: [] };
}

function flagOf(command: Command, name: string): Flag | undefined {
  return command.flags.find((f) => f.name === name || f.aliases.includes(name));
}

const GLOBAL_NAMES = new Set(GLOBAL_OPTIONS.map((g) => g.name));

/**
 * Reads the command line. Throws {@link UsageError}. Query and body values given as `@file` are
 * read through `files` (see files.ts).
 */
export function parse(argv: readonly string[], env: Record<string, string | undefined>, files: FileReader = new FileReader()): Parsed {
  const { values, positionals, tokens } = parseArgs({
    args: joinValues(argv),
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const vals = values as Record<string, unknown>;
  const helpWord = positionals[0] === 'help';
  const words = helpWord ? positionals.slice(1) : positionals;
  const resolved = resolve(words);
  const context = resolved.command ?? resolved.resource;

  // Options: unknown ones, value-less ones, and switches given a value.
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const config = OPTIONS[t.name];
    const shown = t.rawName.startsWith('--') ? `--${t.name}` : t.rawName;
    if (!config) {
      const names = [...GLOBAL_NAMES, ...(resolved.command?.flags.map((f) => f.name) ?? [])];
      const hint = suggest(t.name, names);
      throw new UsageError(`unknown flag ${shown}${hint ? `. Did you mean --${hint}?` : ''}`, resolved.command?.full ?? resolved.resource?.name);
    }
    if (config.type === 'string' && t.value === undefined) throw new UsageError(`flag ${shown} needs a value`, context && 'full' in context ? context.full : undefined);
    if (config.type === 'boolean' && t.value !== undefined) throw new UsageError(`flag ${shown} takes no value`);
  }

  const globals = readGlobals(vals, env);
  if (vals.version === true) return { kind: 'version', globals };
  if (helpWord || vals.help === true) {
    if (resolved.error) throw resolved.error;
    return { kind: 'help', topic: resolved.command ?? resolved.resource ?? null, globals };
  }
  if (resolved.error) throw resolved.error;
  if (!resolved.command) {
    if (resolved.resource) {
      throw new UsageError(
        `${resolved.resource.name} needs a method: ${[...resolved.resource.methods.keys()].join(', ')}`,
        resolved.resource.name,
      );
    }
    if (words.length === 0) return { kind: 'help', topic: null, globals };
    throw new UsageError(`${JSON.stringify(words.join(' '))} needs a resource and a method, e.g. admin:organization:groups list`);
  }
  const command = resolved.command;

  // Flags of this command; a flag of another command is unknown here.
  const out: Record<string, unknown> = {};
  for (const t of tokens) {
    if (t.kind !== 'option' || GLOBAL_NAMES.has(t.name)) continue;
    const flag = flagOf(command, t.name);
    if (!flag) {
      const hint = suggest(t.name, [...command.flags.map((f) => f.name), ...GLOBAL_NAMES]);
      throw new UsageError(`unknown flag --${t.name} for ${command.full}${hint ? `. Did you mean --${hint}?` : ''}`, command.full);
    }
  }
  for (const flag of command.flags) {
    const given = [flag.name, ...flag.aliases].map((n) => vals[n]).filter((v) => v !== undefined);
    if (given.length === 0) continue;
    const all = given.flatMap((v) => (Array.isArray(v) ? v : [v])) as (string | boolean)[];
    const value = convert(flag, all);
    try {
      out[flag.name] = flag.kind === 'body' || flag.kind === 'query' ? files.embedAll(value) : value;
    } catch (e) {
      if (e instanceof FileArgumentError) throw new UsageError(`--${flag.name}: ${e.message}`, command.full);
      throw e;
    }
  }

  // Path ids as arguments, in the path's order, for those not given as flags.
  const rest = [...resolved.rest];
  for (const flag of command.flags) {
    if (flag.kind === 'path' && out[flag.name] === undefined && rest.length > 0) out[flag.name] = rest.shift();
  }
  if (rest.length > 0) {
    throw new UsageError(`unexpected argument${rest.length > 1 ? 's' : ''} ${rest.map((r) => JSON.stringify(r)).join(' ')} for ${command.full}`, command.full);
  }
  for (const flag of command.flags) {
    if (flag.required && out[flag.name] === undefined) {
      const paths = command.flags.filter((f) => f.kind === 'path');
      const at = paths.indexOf(flag);
      const hint = at < 0 ? '' : ` (or give it as the ${['first', 'second', 'third'][at] ?? `${at + 1}th`} argument)`;
      throw new UsageError(`missing required flag --${flag.name}${hint} for ${command.full}`, command.full);
    }
  }

  const maxItems = out['max-items'] === undefined ? -1 : (out['max-items'] as number);
  delete out['max-items'];
  if (maxItems < -1) throw new UsageError('--max-items must be -1 (all) or more', command.full);
  return { kind: 'run', command, values: out, maxItems, globals };
}

/** A flag's words → the value sent (types are the API's; ranges and enums are the package's to check). */
function convert(flag: Flag, given: (string | boolean)[]): unknown {
  const one = (): string => String(given[given.length - 1]);
  switch (flag.type) {
    case 'string[]':
      return given.map(String);
    case 'integer':
      return parseInteger(flag.name, one());
    case 'number': {
      const v = one().trim();
      if (v === '' || !Number.isFinite(Number(v))) throw new UsageError(`--${flag.name} wants a number, not ${JSON.stringify(one())}`);
      return Number(v);
    }
    case 'object[]': {
      let v: unknown;
      try {
        v = JSON.parse(one());
      } catch {
        v = undefined;
      }
      if (!Array.isArray(v)) throw new UsageError(`--${flag.name} wants a JSON array`);
      return v;
    }
    case 'boolean': {
      const v = given[given.length - 1];
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      throw new UsageError(`--${flag.name} wants true or false, not ${JSON.stringify(v)}`);
    }
    case 'object':
      try {
        return JSON.parse(one());
      } catch {
        throw new UsageError(`--${flag.name} wants a JSON object`);
      }
    default:
      return flag.kind === 'body' && flag.nullable && one() === 'null' ? null : one();
  }
}
