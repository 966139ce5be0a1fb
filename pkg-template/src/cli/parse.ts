/**
 * Reads the command line with Node's `util.parseArgs`, for every command the registry
 * (registry.ts) describes: global options anywhere, the command in the official CLI's form
 * (`admin:organization:groups list`) or spaced (`admin organization groups list`), then the
 * command's flags and the path ids given as arguments; or a command outside the table (`access
 * plan -f FILE`, `console`) with its own flags and the global options it takes. `readGlobals` is
 * the one path from the global options to `Globals`, whatever the command.
 */
import { parseDuration } from './durations.js';
import { parseArgs } from 'node:util';
import { validate, TransformError } from './transform.js';
import { COMMANDS, RESOURCES, ROOT, isResourcePrefix, suggest, type Command, type Flag, type Resource } from './commands.js';
import { FileArgumentError, FileReader } from './files.js';
import { allOptions, EXTRA_GROUPS, FORMATS, GLOBAL_OPTIONS, type CommandSpec, type ExtraInvocation, type Format } from './registry.js';

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

export { FORMATS, GLOBAL_OPTIONS, type Format, type GlobalOption } from './registry.js';

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

/** What help is asked for: a table command, a resource, a command outside the table, a group of them, or everything. */
export type HelpTopic = Command | Resource | { spec: CommandSpec } | { group: string } | null;

export type Parsed =
  | { kind: 'help'; topic: HelpTopic; globals: Globals }
  | { kind: 'extra'; invocation: ExtraInvocation; globals: Globals }
  | { kind: 'version'; globals: Globals }
  | { kind: 'run'; command: Command; values: Record<string, unknown>; maxItems: number; globals: Globals };

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
    throw new UsageError(`-H/--header: invalid header ${JSON.stringify(h)}: expected 'Name: Value'`);
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

/**
 * The global options' values (as parseArgs gives them) and their environment variables → `Globals`,
 * for every command: a bad `-H`, `--max-retries`, `--format`, `--transform` or base URL is a
 * {@link UsageError} naming the flag.
 */
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

/** How a parsed option is checked: known, given a value when it takes one, and none when it does not. */
function checkToken(t: OptionToken, allowed: ReadonlySet<string> | null, context: string | undefined, candidates: () => string[]): void {
  const config = OPTIONS[t.name];
  const shown = t.rawName.startsWith('--') ? `--${t.name}` : t.rawName;
  if (!config || (allowed !== null && !allowed.has(t.name))) {
    const hint = suggest(t.name, candidates());
    throw new UsageError(`unknown flag ${shown}${allowed !== null && context ? ` for ${context}` : ''}${hint ? `. Did you mean --${hint}?` : ''}`, context);
  }
  if (config.type === 'string' && t.value === undefined) throw new UsageError(`flag ${shown} needs a value`, context);
  if (config.type === 'boolean' && t.value !== undefined) throw new UsageError(`flag ${shown} takes no value`);
}

type OptionToken = { kind: 'option'; name: string; rawName: string; value: string | undefined };

/**
 * A command outside the table (`access plan -f FILE`, `console --port 8080`): its flags and the
 * global options it names in the registry, checked as the registry describes them.
 */
function parseExtra(
  group: readonly CommandSpec[],
  words: readonly string[],
  helpWord: boolean,
  vals: Record<string, unknown>,
  tokens: readonly { kind: string }[],
  env: Record<string, string | undefined>,
): Parsed {
  const name = words[0]!;
  let spec: CommandSpec | undefined;
  let rest: string[];
  let error: UsageError | undefined;
  if (group.length === 1 && group[0]!.words.length === 1) {
    spec = group[0]!;
    rest = words.slice(1);
  } else {
    // `access help plan` asks for help as `help access plan` does.
    const asksHelp = words[1] === 'help';
    helpWord ||= asksHelp;
    const sub = words[asksHelp ? 2 : 1];
    rest = words.slice(asksHelp ? 3 : 2);
    spec = sub === undefined ? undefined : group.find((s) => s.words[1] === sub);
    if (sub !== undefined && !spec) {
      const hint = suggest(sub, group.map((s) => s.words[1]!));
      error = new UsageError(`unknown ${name} command ${JSON.stringify(sub)}${hint ? `. Did you mean "${name} ${hint}"?` : ''}`, name);
    }
  }
  const context = spec ? spec.words.join(' ') : name;
  const own = new Set(spec?.flags.map((f) => f.name) ?? []);
  const allowed = new Set([...own, ...(spec ? spec.globals : group.flatMap((s) => s.globals))]);
  for (const t of tokens) if (t.kind === 'option') checkToken(t as OptionToken, allowed, context, () => [...allowed]);

  // A flag of the command's own (access's --format) is not the global option of the same name.
  let globals: Globals;
  try {
    globals = readGlobals(Object.fromEntries(Object.entries(vals).filter(([k]) => !own.has(k))), env);
  } catch (e) {
    throw e instanceof UsageError && e.helpFor === undefined ? new UsageError(e.message, context) : e;
  }
  if (helpWord || vals.help === true) {
    if (error) throw error;
    return { kind: 'help', topic: spec ? { spec } : { group: name }, globals };
  }
  if (error) throw error;
  if (!spec) throw new UsageError(`${name} needs a command: ${group.map((s) => s.words[1]).join(', ')}`, name);

  const values: Record<string, string | boolean | undefined> = {};
  for (const f of spec.flags) {
    const given = vals[f.name];
    const flag = f.short ? `-${f.short}` : `--${f.name}`;
    if (given === undefined) {
      if (f.required) {
        const wanted = f.values ? f.values.map((v) => `${flag} ${v}`).join(' or ') : `${flag} ${f.value ?? ''}`.trim();
        throw new UsageError(`${context} needs ${wanted}`, context);
      }
      continue;
    }
    if (f.value === undefined) {
      values[f.name] = true;
      continue;
    }
    const v = last(given)!;
    if (f.values && !f.values.includes(v)) throw new UsageError(`--${f.name} must be ${f.values.join(' or ')} for ${context}, not ${JSON.stringify(v)}`, context);
    if (f.positive && !(Number.isFinite(Number(v)) && Number(v) > 0 && v.trim() !== '')) throw new UsageError(`--${f.name} must be a positive number, got '${v}'`, context);
    if (f.port && !(/^\d+$/.test(v) && Number(v) <= 65535)) throw new UsageError(`--${f.name} must be a port number, got '${v}'`, context);
    if (f.duration) {
      const ms = parseDuration(v);
      if (ms === null || (f.duration === 'positive' && !(ms > 0))) throw new UsageError(`--${f.name} must be a duration such as 30s, 15m or 2h${f.duration === 'zero' ? ' (or 0)' : ''}, got '${v}'`, context);
    }
    values[f.name] = v;
  }
  const count = spec.args?.count ?? 0;
  if (rest.length !== count && !(spec.args?.optional && rest.length === 0)) {
    throw new UsageError(
      count === 0 ? `unexpected argument${rest.length > 1 ? 's' : ''} ${rest.map((r) => JSON.stringify(r)).join(' ')} for ${context}` : `${context} takes ${count} argument${count > 1 ? 's' : ''} (${spec.args!.name})`,
      context,
    );
  }
  return { kind: 'extra', invocation: { spec, values, args: rest, globals }, globals };
}

function flagOf(command: Command, name: string): Flag | undefined {
  return command.flags.find((f) => f.name === name || f.aliases.includes(name));
}

const GLOBAL_NAMES = new Set(GLOBAL_OPTIONS.map((g) => g.name));
/** Every flag name of the table's commands. */
const TABLE_FLAGS = new Set(COMMANDS.flatMap((c) => c.flags.flatMap((f) => [f.name, ...f.aliases])));

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
  const group = words[0] === undefined ? undefined : EXTRA_GROUPS.get(words[0]);
  if (group) return parseExtra(group, words, helpWord, vals, tokens, env);
  const resolved = resolve(words);
  const context = resolved.command ?? resolved.resource;

  // Options: unknown ones, value-less ones, and switches given a value.
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    // A flag of a command outside the table is unknown here.
    const table = (OPTIONS[t.name] && (GLOBAL_NAMES.has(t.name) || TABLE_FLAGS.has(t.name))) ? null : new Set<string>();
    const names = () => [...GLOBAL_NAMES, ...(resolved.command?.flags.map((f) => f.name) ?? [])];
    try {
      checkToken(t, table, undefined, names);
    } catch (e) {
      // Which help to point at: the command's, else the resource's (as before).
      if (e instanceof UsageError && e.helpFor === undefined) {
        const command = context && 'full' in context ? context.full : undefined;
        const at = e.message.startsWith('unknown flag') ? (resolved.command?.full ?? resolved.resource?.name) : e.message.endsWith('needs a value') ? command : undefined;
        throw new UsageError(e.message, at);
      }
      throw e;
    }
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
