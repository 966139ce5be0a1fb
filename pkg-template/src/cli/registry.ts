/**
 * Every command of `openai-admin`, described once: the global options, the operation table's
 * commands (commands.ts, built from the generated operations.ts) and the commands outside the
 * table (`access …`, `console`). The parser (parse.ts), the help (help.ts), shell completion
 * (complete.ts) and the dispatch (run.ts) all read this; a command's own module only runs what
 * was parsed, and is loaded only when that command runs.
 *
 * Adding a flag to a command outside the table is one entry in its `flags` (or, for every
 * `access` command, in `ACCESS_SHARED_FLAGS`): the parser then accepts and checks it, help
 * lists it, completion offers it, and its runner reads it from `invocation.values`.
 */
import { COMMANDS, type Command } from './commands.js';
import type { Globals } from './parse.js';
import type { RunOptions } from './run.js';

export const FORMATS = ['auto', 'explore', 'json', 'jsonl', 'pretty', 'raw', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

/** An option every command (or every command that names it in `globals`) takes. */
export interface GlobalOption {
  name: string;
  short?: string;
  /** What the value stands for in help (`URL`); absent for a switch. */
  value?: string;
  multiple?: boolean;
  env?: string;
  default?: string;
  /** The values it accepts, completed after it. */
  values?: readonly string[];
  description: string;
}

export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  { name: 'admin-api-key', value: 'KEY', env: 'OPENAI_ADMIN_KEY', description: 'The admin API key. It is never printed, not even with --debug.' },
  { name: 'base-url', value: 'URL', env: 'OPENAI_BASE_URL', description: 'Override the base URL for API requests.' },
  { name: 'organization', value: 'ID', env: 'OPENAI_ORG_ID', description: 'Sent as the OpenAI-Organization header.' },
  { name: 'project', value: 'ID', env: 'OPENAI_PROJECT_ID', description: 'Sent as the OpenAI-Project header.' },
  { name: 'header', short: 'H', value: "'NAME: VALUE'", multiple: true, description: 'Add a header to every request (repeatable).' },
  { name: 'format', value: 'FORMAT', default: 'auto', values: FORMATS, description: `Output format: ${FORMATS.join(', ')}. auto is a table or readable text on a terminal, JSON otherwise; explore browses the result on a terminal (JSON otherwise). A long list on a terminal goes through $PAGER (less).` },
  { name: 'format-error', value: 'FORMAT', default: 'auto', values: FORMATS, description: "Error format: auto (one line) or json, jsonl, pretty, yaml, raw (the API's error body); explore prints json." },
  { name: 'transform', value: 'PATH', description: 'Print only what a GJSON-style path selects, e.g. email, data.#.email, role.name (on a list: of each item).' },
  { name: 'transform-error', value: 'PATH', description: 'The same for the error body (with a --format-error other than auto).' },
  { name: 'raw-output', short: 'r', description: 'Print a string result without JSON quotes.' },
  { name: 'max-retries', value: 'N', description: 'Retries after a failed attempt (default: the client\'s, 2).' },
  { name: 'debug', description: "Print each request and response on stderr, the key redacted, and where an answer differs from the API's spec." },
  { name: 'help', short: 'h', description: 'Show help for the command.' },
  { name: 'version', description: 'Print the version.' },
];

/** The global options that reach the client (`clientOptions`): every command that calls the API takes them. */
export const CLIENT_GLOBALS = ['admin-api-key', 'base-url', 'organization', 'project', 'header', 'max-retries', 'debug', 'help'] as const;

/** One flag of a command outside the table. */
export interface FlagSpec {
  /** Without dashes: `prune`. */
  name: string;
  /** One letter, without the dash: `f`. */
  short?: string;
  /** What the value stands for in help (`FILE`, `N`); absent for a switch. */
  value?: string;
  /** The values it accepts: checked when parsed, completed after it (`--format yaml`). */
  values?: readonly string[];
  /** The value is a number above 0 (checked when parsed). */
  positive?: boolean;
  /** The value is a port number, 0 to 65535. */
  port?: boolean;
  /** The value is a duration (`30s`, `15m`, `2h`, `0` when `zero` allows it; `cli/durations.ts`). */
  duration?: 'positive' | 'zero';
  /** Its value is a file path (completed as files). */
  file?: boolean;
  /** The command cannot run without it. */
  required?: boolean;
  description: string;
}

/** A command outside the operation table. */
export interface CommandSpec {
  /** Its words: `['access', 'who']`, `['console']`. */
  words: readonly string[];
  summary: string;
  /** Its arguments, for help and completion (`access who EMAIL|USER_ID|GROUP|ROLE`); `optional`: none may be given instead. */
  args?: { name: string; count: number; optional?: boolean; complete?: 'principals' };
  flags: readonly FlagSpec[];
  /** The global options it takes (a flag of its own with the same name wins). */
  globals: readonly string[];
  /** The module that runs it (loaded only then). */
  load: () => Promise<ExtraRunner>;
}

/** A command outside the table, as the parser hands it over. */
export interface ExtraInvocation {
  spec: CommandSpec;
  /** Its own flags' values, checked against `FlagSpec` (strings for values, true for switches). */
  values: Record<string, string | boolean | undefined>;
  args: string[];
  /** The global options, read by the one path every command shares (`readGlobals`). */
  globals: Globals;
}

/** What runs such a command: its module's one export, given the invocation and the run's context. */
export type ExtraRunner = (invocation: ExtraInvocation, context: RunOptions) => Promise<number>;

const file: FlagSpec = { name: 'file', short: 'f', value: 'FILE', file: true, required: true, description: 'The access file (YAML or JSON).' };
/** The snapshot's folder and its switch: the `access` commands' and the console's. */
const CACHE_FLAGS: readonly FlagSpec[] = [
  { name: 'cache-dir', value: 'DIR', file: true, description: 'Keep the snapshot in DIR (default: OPENAI_ADMIN_CACHE_DIR, else $XDG_CACHE_HOME/openai-admin, else ~/.cache/openai-admin).' },
  { name: 'no-cache', description: 'No snapshot: read everything, keep nothing.' },
];
/** Whether a plan reads again what its file names (`--refresh=false`: plan on the snapshot as it is). */
const refresh: FlagSpec = { name: 'refresh', value: 'BOOL', values: ['true', 'false'], description: 'Read again what the file names before planning (default true); false plans on the snapshot as it is.' };
const prune: FlagSpec = { name: 'prune', description: 'Delete the groups and custom roles the file does not name.' };
const yes: FlagSpec = { name: 'yes', short: 'y', description: 'Apply without asking.' };
const exitCode: FlagSpec = { name: 'exit-code', description: 'Exit 2 when there are changes.' };
const textOrJson: FlagSpec = { name: 'format', value: 'FORMAT', values: ['text', 'json'], description: 'How to print it (default text).' };
/** The flags every `access` command takes (the pacing; a flag all of them gain goes here). */
const ACCESS_SHARED_FLAGS: readonly FlagSpec[] = [
  { name: 'concurrency', value: 'N', positive: true, description: 'Requests in flight at most (default 8).' },
  { name: 'max-rps', value: 'N', positive: true, description: 'Requests per second at most (default: no cap).' },
  { name: 'timeout', value: 'DURATION', duration: 'positive', description: "Give up waiting for the API's limits after DURATION (30s, 15m, 2h; default: never); what was read is kept." },
  ...CACHE_FLAGS,
  { name: 'max-age', value: 'DURATION', duration: 'zero', description: "Reuse the snapshot's reads younger than DURATION (30s, 15m, 2h; 0 reads everything again; default 15m)." },
];

const access = () => import('./access.js').then((m) => m.runAccess);
const accessCommand = (words: [string], summary: string, flags: readonly FlagSpec[], args?: CommandSpec['args']): CommandSpec => ({
  words: ['access', ...words],
  summary,
  ...(args ? { args } : {}),
  flags: [...flags, ...ACCESS_SHARED_FLAGS],
  globals: CLIENT_GLOBALS,
  load: access,
});

/** The commands outside the table, in the order help and completion list them. */
export const EXTRA_COMMANDS: readonly CommandSpec[] = [
  accessCommand(['dump'], 'The organization as an access file.', [{ name: 'format', value: 'FORMAT', values: ['yaml', 'json'], description: 'The file\'s format (default yaml).' }]),
  accessCommand(['plan'], 'What would change to make the organization match a file.', [
    file,
    prune,
    textOrJson,
    exitCode,
    refresh,
    { name: 'out', value: 'PLAN', file: true, description: 'Save the plan to PLAN, for `access apply PLAN` (applied as it is, within --max-age).' },
  ]),
  accessCommand(
    ['apply'],
    'Show the plan, ask, then make the changes (or apply a plan saved by plan --out).',
    [{ ...file, required: false }, prune, yes, refresh, { name: 'format', value: 'FORMAT', values: ['text'], description: 'How to print the plan.' }],
    { name: 'PLAN', count: 1, optional: true },
  ),
  accessCommand(['who'], 'Who has what, and why: a user (with their projects), group, role or project.', [textOrJson], { name: 'EMAIL|USER_ID|GROUP|ROLE|PROJECT', count: 1, complete: 'principals' }),
  accessCommand(['export'], 'Memberships, role assignments or project memberships as CSV.', [{ name: 'csv', value: 'ROWS', values: ['memberships', 'assignments', 'projects'], required: true, description: 'Which rows: group,email, role,principal_type,principal,source or project,email,role.' }]),
  accessCommand(['import'], 'Plan (or apply) CSV rows: group,email[,action] or, after a project header, project,email,role[,action].', [
    { name: 'csv', value: 'FILE', file: true, required: true, description: 'The CSV file.' },
    { name: 'apply', description: 'Apply the plan.' },
    yes,
    textOrJson,
    exitCode,
    refresh,
  ]),
  {
    words: ['console'],
    summary: 'The access console, a web page on 127.0.0.1.',
    flags: [
      { name: 'port', value: 'N', port: true, description: 'The port on 127.0.0.1 (default: a free one).' },
      { name: 'allow-writes', description: 'Let the page change access (default: read-only, every write gets 403).' },
      { name: 'audit', value: 'FILE', file: true, description: "Append the handler's audit events to FILE as JSON lines." },
      { name: 'open', description: 'Open the URL in the browser ($BROWSER, else the system\'s opener).' },
      ...CACHE_FLAGS,
    ],
    globals: ['admin-api-key', 'base-url', 'help'],
    load: () => import('./console.js').then((m) => m.runConsole),
  },
];

/** The groups of commands outside the table (`access`, `console`): the first word of each. */
export const EXTRA_GROUPS: ReadonlyMap<string, readonly CommandSpec[]> = (() => {
  const groups = new Map<string, CommandSpec[]>();
  for (const c of EXTRA_COMMANDS) {
    const list = groups.get(c.words[0]!) ?? [];
    list.push(c);
    groups.set(c.words[0]!, list);
  }
  return groups;
})();

/** What each group is: its line in the root help, and what its own help adds at the end. */
export const GROUPS: Readonly<Record<string, { summary: string; about?: string }>> = {
  access: {
    summary: 'who holds what, as a file: dump, plan, apply, who, CSV',
    about:
      'Exit status: 0; 1 on an error, a bad file, a failed operation or a blocked change (apply); 2 on\n' +
      'a usage error, a refused apply, or changes under --exit-code.',
  },
  console: {
    summary: 'the access console, a web page on 127.0.0.1',
    about:
      'Serves the access console (a web page) on 127.0.0.1 through the server handler. The admin key\n' +
      'stays in this process; the browser gets a session cookie from the one-time URL printed at start.\n' +
      'Ctrl-C stops it.',
  },
};

export { COMMANDS, type Command };

/** The option types every command's flags give parseArgs, from one name to one type. */
export type OptionConfig = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

/**
 * Every option name any command knows, for `util.parseArgs` (which flags a command takes is
 * checked per command afterwards). A name means the same kind of option (switch or value) in
 * every command; the registry test holds that.
 */
export function allOptions(): Record<string, OptionConfig> {
  const options: Record<string, OptionConfig> = {};
  const add = (name: string, config: OptionConfig) => {
    const had = options[name];
    if (had && had.type !== config.type) throw new Error(`--${name} is a switch in one command and takes a value in another`);
    options[name] = { ...had, ...config, ...(had?.multiple || config.multiple ? { multiple: true } : {}), ...(had?.short ? { short: had.short } : {}) };
  };
  for (const g of GLOBAL_OPTIONS) add(g.name, { type: g.value ? 'string' : 'boolean', ...(g.multiple ? { multiple: true } : {}), ...(g.short ? { short: g.short } : {}) });
  for (const c of COMMANDS) {
    for (const f of c.flags) {
      for (const name of [f.name, ...f.aliases]) {
        if (GLOBAL_OPTIONS.some((g) => g.name === name)) continue;
        add(name, { type: f.type === 'boolean' ? 'boolean' : 'string', ...(f.type === 'string[]' ? { multiple: true } : {}) });
      }
    }
  }
  for (const c of EXTRA_COMMANDS) {
    for (const f of c.flags) add(f.name, { type: f.value ? 'string' : 'boolean', ...(f.short ? { short: f.short } : {}) });
  }
  return options;
}
