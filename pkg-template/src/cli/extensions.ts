/**
 * Commands of `openai-admin` beyond the operation table (such as `access who`): their words and
 * flags, described here as data so that shell completion (complete.ts) knows them without
 * loading their code. A command's own module parses and runs it; this list only names it.
 */

import { SNAPSHOT_FLAGS } from './access-flags.js';

/** One flag of such a command. */
export interface ExtraFlag {
  /** Without dashes: `prune`. */
  name: string;
  /** One letter, without the dash: `f`. */
  short?: string;
  /** Whether it takes a value (`--concurrency 8`); a switch (`--yes`) does not. */
  takesValue: boolean;
  /** The values it accepts, completed after it (`--format yaml`). */
  values?: readonly string[];
  /** Whether its value is a file path (completed as files). */
  file?: boolean;
  description: string;
}

/** One command. */
export interface ExtraCommand {
  /** Its words: `['access', 'who']`. */
  words: readonly string[];
  summary: string;
  flags: readonly ExtraFlag[];
}

/**
 * The commands, in the order help and completion list them. `access who`'s argument is completed
 * with the organization's emails, group names and role names (complete.ts, `principals`).
 */
const file: ExtraFlag = { name: 'file', short: 'f', takesValue: true, file: true, description: 'The access file (YAML or JSON).' };
const prune: ExtraFlag = { name: 'prune', takesValue: false, description: 'Delete the groups and custom roles the file does not name.' };
const yes: ExtraFlag = { name: 'yes', short: 'y', takesValue: false, description: 'Apply without asking.' };
const pace: ExtraFlag[] = [
  { name: 'concurrency', takesValue: true, description: 'Requests in flight at most (default 8).' },
  { name: 'max-rps', takesValue: true, description: 'Requests per second at most (default: no cap).' },
];

/** The snapshot's flags a command takes (`access-flags.ts`). */
const snapshot = (command: string): ExtraFlag[] =>
  SNAPSHOT_FLAGS.filter((f) => f.commands === 'all' || f.commands.split(' ').includes(command)).map((f) => ({
    name: f.name,
    takesValue: f.type === 'string',
    ...(f.name === 'refresh' ? { values: ['true', 'false'] } : {}),
    ...(f.file ? { file: true } : {}),
    description: `${f.help[0]!.toUpperCase()}${f.help.slice(1)}.`,
  }));

export const EXTRA_COMMANDS: ExtraCommand[] = [
  { words: ['access', 'dump'], summary: 'The organization as an access file.', flags: [{ name: 'format', takesValue: true, values: ['yaml', 'json'], description: 'yaml (default) or json.' }, ...pace, ...snapshot('dump')] },
  {
    words: ['access', 'plan'],
    summary: 'What would change to make the organization match a file.',
    flags: [file, prune, { name: 'format', takesValue: true, values: ['text', 'json'], description: 'text (default) or json.' }, { name: 'exit-code', takesValue: false, description: 'Exit 2 when there are changes.' }, ...pace, ...snapshot('plan')],
  },
  { words: ['access', 'apply'], summary: 'Show the plan, ask, then make the changes.', flags: [file, prune, yes, ...pace, ...snapshot('apply')] },
  { words: ['access', 'who'], summary: 'Who has what, and why: a user, group or role.', flags: [{ name: 'format', takesValue: true, values: ['text', 'json'], description: 'text (default) or json.' }, ...pace, ...snapshot('who')] },
  { words: ['access', 'export'], summary: 'Memberships or role assignments as CSV.', flags: [{ name: 'csv', takesValue: true, values: ['memberships', 'assignments'], description: 'Which rows.' }, ...pace, ...snapshot('export')] },
  {
    words: ['access', 'import'],
    summary: 'Plan (or apply) group,email[,action] rows.',
    flags: [{ name: 'csv', takesValue: true, file: true, description: 'The CSV file.' }, { name: 'apply', takesValue: false, description: 'Apply the plan.' }, yes, ...pace, ...snapshot('import')],
  },
];
