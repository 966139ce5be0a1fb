/**
 * Shell completion, by the official OpenAI CLI's protocol: `openai-admin @completion SHELL` prints
 * a script (scripts.ts) that calls the hidden `openai-admin __complete WORDS... CURRENT` with
 * COMPLETION_STYLE set to the shell. It prints one candidate a line (zsh `name:usage` with `:`
 * escaped, fish `name<TAB>usage`, bash and pwsh the name) and exits 0, or 10 to ask for file
 * names, or 11 for nothing.
 *
 * It completes what the registry (registry.ts) describes: command names (the official
 * `admin:organization:groups` form and the spaced one, `access …`, `console`), methods, each
 * command's flags and their values, and an argument marked `principals` (`access who`'s) with the
 * organization's emails, group names and role names, fetched through the client (see `principals`).
 */
import { COMMANDS, RESOURCES, ROOT, type Command } from './commands.js';
import { EXTRA_COMMANDS, GLOBAL_OPTIONS, type CommandSpec } from './registry.js';
import { completionScript } from './scripts.js';

export const STYLES = ['bash', 'zsh', 'fish', 'pwsh'] as const;
export type Style = (typeof STYLES)[number];

export interface Candidate {
  name: string;
  usage?: string;
}

/** 0: the candidates; 10: complete file names; 11: nothing. */
export type Behavior = 0 | 10 | 11;

export interface Completions {
  candidates: Candidate[];
  behavior: Behavior;
}

/** Looks up what only the server knows; resolves to [] on any failure. */
export type Principals = (globals: Record<string, unknown>) => Promise<string[]>;

/** A flag as completion sees it. */
interface FlagInfo {
  names: string[];
  takesValue: boolean;
  values?: readonly string[];
  file?: boolean;
  usage: string;
}

const GLOBAL_FLAGS: FlagInfo[] = GLOBAL_OPTIONS.map((g) => {
  const info: FlagInfo = { names: [g.name, ...(g.short ? [g.short] : [])], takesValue: g.value !== undefined, usage: g.description };
  if (g.values) info.values = g.values;
  return info;
});

function tableFlags(c: Command): FlagInfo[] {
  return c.flags.map((f) => {
    const info: FlagInfo = { names: [f.name, ...f.aliases], takesValue: f.type !== 'boolean', usage: f.description.trim() };
    if (f.enum) info.values = f.enum;
    else if (f.type === 'boolean') info.values = ['true', 'false'];
    return info;
  });
}

/** A command's own flags, then the global options it takes (its own flag of the same name wins). */
function extraFlags(c: CommandSpec): FlagInfo[] {
  const own = c.flags.map((f) => {
    const info: FlagInfo = { names: [f.name, ...(f.short ? [f.short] : [])], takesValue: f.value !== undefined, usage: f.description };
    if (f.values) info.values = f.values;
    if (f.file) info.file = true;
    return info;
  });
  const names = new Set(c.flags.map((f) => f.name));
  return [...own, ...GLOBAL_FLAGS.filter((g) => c.globals.includes(g.names[0]!) && !names.has(g.names[0]!))];
}

function findFlag(flags: FlagInfo[], word: string): FlagInfo | undefined {
  const name = word.replace(/^-+/, '').split('=')[0]!;
  return flags.find((f) => f.names.includes(name));
}

/** `['a', ':', 'b']` → `['a:b']`: bash splits words at colons; the official CLI joins them back. */
export function joinColons(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    let current = args[i]!;
    while (i + 1 < args.length && (args[i + 1] === ':' || current.endsWith(':'))) {
      if (args[i + 1] !== ':') break;
      current += ':';
      i++;
      if (i + 1 < args.length && args[i + 1] !== ':') current += args[++i]!;
    }
    out.push(current);
  }
  return out;
}

/** Every name a command can be typed by, each with its usage: resources, their methods, extras. */
interface Target {
  /** Words in the official form: `['admin:organization:groups', 'list']`, `['access', 'who']`. */
  words: string[];
  usage: string;
  table?: Command;
  extra?: CommandSpec;
}

function targets(): Target[] {
  const out: Target[] = COMMANDS.map((c) => ({ words: [c.resource, c.method], usage: c.op.summary.trim(), table: c }));
  for (const e of EXTRA_COMMANDS) out.push({ words: [...e.words], usage: e.summary, extra: e });
  return out;
}

/** The segments a word stands for: `admin:organization:groups` → 3 segments; `groups` after nothing → the short form. */
function segmentsOf(words: string[]): string[] {
  return words.flatMap((w) => w.split(':').filter((p) => p !== ''));
}

const ROOT_PREFIX = `${ROOT.join(':')}:`;

/** Candidate names for the word being typed, given the command words before it. */
function commandCandidates(before: string[], current: string, style: Style): Candidate[] {
  const typed = segmentsOf(before);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (name: string, usage: string) => {
    if (!name.startsWith(current) || seen.has(name)) return;
    seen.add(name);
    out.push({ name, usage });
  };
  if (typed.length === 0) {
    // The first word: resource names (short forms too once something is typed), extras, help.
    for (const r of RESOURCES.values()) {
      add(r.name, '');
      if (current !== '') add(r.name.slice(ROOT_PREFIX.length), '');
    }
    for (const e of EXTRA_COMMANDS) add(e.words[0]!, e.words.length === 1 ? e.summary : '');
    add('help', 'Show help for a command');
  } else {
    // Later words: the next segment of a resource typed spaced, or a method.
    for (const t of targets()) {
      const full = t.extra ? [...t.words] : [...segmentsOf([t.words[0]!]), t.words[1]!];
      for (const start of t.table ? [full, full.slice(ROOT.length)] : [full]) {
        if (start.length <= typed.length || typed.some((s, i) => start[i] !== s)) continue;
        const next = start[typed.length]!;
        const rest = start.slice(typed.length);
        if (current.includes(':')) add(rest.slice(0, -1).join(':'), '');
        else add(next, rest.length === 1 ? t.usage : '');
      }
    }
  }
  // Without a colon typed, `admin:organization:groups` is offered as `admin` (as the official CLI).
  let result = out;
  if (!current.includes(':')) {
    const names = new Set<string>();
    result = [];
    for (const c of out) {
      const cut = c.name.indexOf(':');
      const name = cut < 0 ? c.name : c.name.slice(0, cut);
      if (names.has(name)) continue;
      names.add(name);
      result.push(cut < 0 ? c : { name });
    }
  } else if (style === 'bash') {
    // bash replaces only what follows the last colon of the word.
    const at = current.lastIndexOf(':') + 1;
    result = out.map((c) => ({ ...c, name: c.name.slice(at) }));
  }
  return result;
}

/** What the words before the current one resolve to. */
interface Walk {
  target?: Target;
  /** Command words typed so far (before a target is known). */
  commandWords: string[];
  /** Arguments after the target. */
  args: string[];
  flags: FlagInfo[];
  /** The flag whose value the current word is, if any. */
  valueFor?: FlagInfo;
  /** Global option values, as parseArgs gives them (for the client of `principals`). */
  globals: Record<string, unknown>;
  help: boolean;
}

function resolveTarget(words: string[]): Target | undefined {
  const typed = segmentsOf(words);
  for (const t of targets()) {
    if (t.extra) {
      if (typed.length === t.words.length && t.words.every((w, i) => typed[i] === w)) return t;
      continue;
    }
    const full = [...segmentsOf([t.words[0]!]), t.words[1]!];
    for (const form of [full, full.slice(ROOT.length)]) {
      if (form.length === typed.length && form.every((s, i) => typed[i] === s)) return t;
    }
  }
  return undefined;
}

function walk(preceding: string[]): Walk {
  const w: Walk = { commandWords: [], args: [], flags: GLOBAL_FLAGS, globals: {}, help: false };
  for (let i = 0; i < preceding.length; i++) {
    const word = preceding[i]!;
    if (word.startsWith('-') && word !== '-' && word !== '--') {
      const flag = findFlag(w.flags, word);
      if (!flag?.takesValue) {
        if (flag) w.globals[flag.names[0]!] = true;
        continue;
      }
      let value: string | undefined;
      if (word.includes('=')) value = word.slice(word.indexOf('=') + 1);
      else if (i + 1 < preceding.length) value = preceding[++i];
      else w.valueFor = flag;
      if (value !== undefined && GLOBAL_FLAGS.includes(flag)) {
        const name = flag.names[0]!;
        w.globals[name] = name === 'header' ? [...((w.globals[name] as string[] | undefined) ?? []), value] : value;
      }
      continue;
    }
    if (w.target) {
      w.args.push(word);
      continue;
    }
    if (w.commandWords.length === 0 && word === 'help' && !w.help) {
      w.help = true;
      continue;
    }
    w.commandWords.push(word);
    const target = resolveTarget(w.commandWords);
    if (target && !w.help) {
      w.target = target;
      w.flags = target.table ? [...tableFlags(target.table), ...GLOBAL_FLAGS] : extraFlags(target.extra!);
    }
  }
  return w;
}

/** Completions for `current`, the word being typed after `preceding`. */
export async function complete(args: readonly string[], style: Style, principals?: Principals): Promise<Completions> {
  const words = joinColons(args);
  const current = words.length > 0 ? words[words.length - 1]! : '';
  const w = walk(words.slice(0, -1));
  const match = (names: readonly string[], usage = '', prefix = '') =>
    names.filter((n) => (prefix + n).startsWith(current)).map((n) => ({ name: prefix + n, usage }));

  if (w.valueFor) {
    if (w.valueFor.file) return { candidates: [], behavior: 10 };
    if (w.valueFor.values) return { candidates: match(w.valueFor.values), behavior: 0 };
    return { candidates: [], behavior: 11 };
  }
  if (current.startsWith('-')) {
    const eq = current.indexOf('=');
    if (eq > 0) {
      // `--format=js`: the values, with the flag in front.
      const flag = findFlag(w.flags, current);
      if (flag?.file) return { candidates: [], behavior: 10 };
      return { candidates: flag?.values ? match(flag.values, '', current.slice(0, eq + 1)) : [], behavior: flag?.values ? 0 : 11 };
    }
    const candidates: Candidate[] = [];
    for (const f of w.flags) {
      for (const n of f.names) candidates.push(...match([n.length === 1 ? `-${n}` : `--${n}`], f.usage));
    }
    return { candidates, behavior: 0 };
  }
  if (!w.target) return { candidates: commandCandidates(w.commandWords, current, style), behavior: 0 };
  if (w.target.extra?.args?.complete === 'principals' && w.args.length < w.target.extra.args.count && principals) {
    const names = await principals(w.globals);
    return { candidates: names.filter((n) => n.toLowerCase().startsWith(current.toLowerCase())).map((name) => ({ name })), behavior: 0 };
  }
  return { candidates: [], behavior: 0 };
}

/** The lines `__complete` prints for a shell. */
export function render(result: Completions, style: Style): string {
  const lines = result.candidates.map(({ name, usage }) => {
    const text = usage?.split('\n')[0]?.trim() ?? '';
    if (style === 'zsh') {
      const escaped = name.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
      return text ? `${escaped}:${text}` : escaped;
    }
    if (style === 'fish' && text) return `${name}\t${text}`;
    return name;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * `@completion SHELL` and `__complete WORDS...` (the first word of `argv`): writes the script or
 * the candidates and resolves to the exit status (the official messages and statuses).
 */
export async function completionCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  bin: string,
  write: (text: string) => void,
  fail: (text: string) => void,
  principals?: Principals,
): Promise<number> {
  const shells = `[${STYLES.join(' ')}]`;
  if (argv[0] === '@completion') {
    const shell = argv[1];
    if (shell === undefined) {
      fail(`no shell provided for completion command. available shells are ${shells}\n`);
      return 1;
    }
    if (!(STYLES as readonly string[]).includes(shell)) {
      fail(`unknown shell ${shell}, available shells are ${shells}\n`);
      return 1;
    }
    write(completionScript(shell as Style, bin));
    return 0;
  }
  const style = env.COMPLETION_STYLE;
  if (!(STYLES as readonly string[]).includes(style ?? '')) {
    fail("COMPLETION_STYLE must be set to 'bash', 'zsh', 'pwsh', or 'fish'\n");
    return 1;
  }
  const words = argv.slice(1);
  if (words[0] === '--') words.shift();
  const result = await complete(words, style as Style, principals);
  write(render(result, style as Style));
  return result.behavior;
}
