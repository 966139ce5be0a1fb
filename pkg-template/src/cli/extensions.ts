/**
 * Commands of `openai-admin` beyond the operation table (such as `access who`): their words and
 * flags, described here as data so that shell completion (complete.ts) knows them without
 * loading their code. A command's own module parses and runs it; this list only names it.
 */

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
export const EXTRA_COMMANDS: ExtraCommand[] = [];
