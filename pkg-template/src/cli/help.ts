/** Help texts, from the operation table's summaries and field descriptions. Offline. */
import { RESOURCES, type Command, type Flag, type Resource } from './commands.js';
import type { HelpTopic } from './parse.js';
import { EXTRA_GROUPS, GLOBAL_OPTIONS, GROUPS, type CommandSpec, type FlagSpec, type GlobalOption } from './registry.js';

export const BIN = 'openai-admin';
const WIDTH = 100;

/** Words of `text` in lines of at most `width` columns, each after `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

/** Aligned `  name  description` rows. */
function rows(entries: [string, string][]): string[] {
  const width = Math.min(32, Math.max(...entries.map(([n]) => n.length)));
  const out: string[] = [];
  for (const [name, text] of entries) {
    const indent = ' '.repeat(2 + width + 2);
    if (name.length > width) {
      out.push(`  ${name}`);
      out.push(indent + wrap(text, WIDTH - indent.length, indent).join('\n'));
    } else {
      out.push(`  ${name.padEnd(width)}  ${wrap(text, WIDTH - indent.length, indent).join('\n')}`);
    }
  }
  return out;
}

function flagUsage(f: Flag): string {
  const value = f.type === 'boolean' ? '' : f.type === 'string[]' ? ' string' : f.type === 'object[]' || f.type === 'object' ? ' json' : ` ${f.type}`;
  return `--${f.name}${value}`;
}

function flagText(f: Flag): string {
  const notes: string[] = [];
  if (f.required) notes.push('required');
  if (f.type === 'string[]') notes.push('repeatable');
  if (f.enum) notes.push(`one of: ${f.enum.join(', ')}`);
  if (f.minimum !== undefined && f.maximum !== undefined) notes.push(`${f.minimum} to ${f.maximum}`);
  else if (f.minimum !== undefined) notes.push(`at least ${f.minimum}`);
  else if (f.maximum !== undefined) notes.push(`at most ${f.maximum}`);
  if (f.nullable && f.type === 'string' && f.kind === 'body') notes.push('null clears it');
  if (f.default !== undefined) notes.push(`default: ${f.default}`);
  if (f.kind === 'cli') notes.push('default: -1');
  const description = f.description.trim() || `The ${f.field} ${f.kind === 'query' ? 'query parameter' : 'field'}.`;
  return notes.length ? `${description} (${notes.join('; ')})` : description;
}

function globalName(g: GlobalOption): string {
  return `${g.short ? `-${g.short}, ` : ''}--${g.name}${g.value ? ` ${g.value}` : ''}`;
}

function globalText(g: GlobalOption): string {
  const notes = [g.env ? `env ${g.env}` : '', g.default ? `default: ${g.default}` : ''].filter(Boolean);
  return notes.length ? `${g.description} (${notes.join('; ')})` : g.description;
}

function globalSection(options: readonly GlobalOption[] = GLOBAL_OPTIONS): string[] {
  return ['Global options:', ...rows(options.map((g) => [globalName(g), globalText(g)]))];
}

function usageLine(c: Command): string {
  const ids = c.flags.filter((f) => f.kind === 'path').map((f) => f.name.toUpperCase().replace(/-/g, '_'));
  const args = ids.reduceRight((inner, id) => ` [${id}${inner}]`, '');
  return `${BIN} ${c.full}${args} [flags]`;
}

/** `openai-admin help admin:organization:groups list` */
export function commandHelp(c: Command): string {
  const lines = [
    c.op.summary.trim(),
    '',
    `${c.op.method} ${c.op.path}${c.list ? ' (every page, as items)' : ''}`,
    '',
    'Usage:',
    `  ${usageLine(c)}`,
    `  ${BIN} ${c.resource.split(':').join(' ')} ${c.method} ...`,
    '',
    'Flags:',
    ...rows(c.flags.map((f) => [flagUsage(f), flagText(f)])),
    '',
    ...globalSection(),
  ];
  return `${lines.join('\n')}\n`;
}

/** `openai-admin help admin:organization:groups` */
export function resourceHelp(r: Resource): string {
  const lines = [
    `${BIN} ${r.name}`,
    '',
    'Usage:',
    `  ${BIN} ${r.name} <method> [flags]`,
    '',
    'Methods:',
    ...rows([...r.methods.values()].map((c) => [c.method, c.op.summary.trim()])),
    '',
    `Run '${BIN} help ${r.name} <method>' for a method's flags.`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `openai-admin --help` */
export function rootHelp(): string {
  const lines = [
    `${BIN}: the OpenAI Admin API's organization groups, users and roles, from the command line.`,
    'The commands of the official OpenAI CLI, run by openai-admin-wasm.',
    '',
    'Usage:',
    `  ${BIN} [global options] <resource> <method> [ID] [flags]`,
    `  ${BIN} help <resource> [<method>]`,
    '',
    'Examples:',
    `  ${BIN} admin:organization:groups list`,
    `  ${BIN} admin organization groups users create group_abc --user-id user_123`,
    `  ${BIN} admin:organization:users list --format jsonl --transform email`,
    `  ${BIN} admin:organization:roles create --role-name Auditor --permission @perm.txt --description @desc.md`,
    '',
    'Files: a value @FILE is the file\'s content (as text, or base64 if it is binary); @file://FILE is',
    'always text, @data://FILE always base64, @- standard input; \\@ starts a value with a literal @.',
    '',
    'Shell completion (bash, zsh, fish, pwsh):',
    `  source <(${BIN} @completion bash)`,
    `  ${BIN} @completion pwsh | Out-String | Invoke-Expression`,
    '',
    'Commands (<resource> <method>):',
    ...rows([...RESOURCES.values()].map((r) => [r.name, [...r.methods.keys()].join(', ')])),
    '',
    'Other commands:',
    ...rows([...EXTRA_GROUPS.keys()].map((name) => [name, `${GROUPS[name]?.summary ?? ''} ('${BIN} ${name} --help')`])),
    '',
    ...globalSection(),
    '',
    `Resources without 'admin:organization:' in front work too (groups list). Run '${BIN} help <command>' for its flags.`,
  ];
  return `${lines.join('\n')}\n`;
}

function extraFlagName(f: FlagSpec): string {
  return `${f.short ? `-${f.short}, ` : ''}--${f.name}${f.value ? ` ${f.value}` : ''}`;
}

function extraFlagText(f: FlagSpec): string {
  const notes = [f.required ? 'required' : '', f.values ? `one of: ${f.values.join(', ')}` : ''].filter(Boolean);
  return notes.length ? `${f.description} (${notes.join('; ')})` : f.description;
}

/** `openai-admin access plan --help`, `openai-admin console --help` */
export function extraHelp(spec: CommandSpec): string {
  const required = spec.flags.filter((f) => f.required).map((f) => (f.values ? `${f.short ? `-${f.short}` : `--${f.name}`} ${f.values.join('|')}` : `${f.short ? `-${f.short}` : `--${f.name}`} ${f.value}`));
  const own = new Set(spec.flags.map((f) => f.name));
  const about = spec.words.length === 1 ? GROUPS[spec.words[0]!]?.about : undefined;
  const lines = [
    `Usage: ${[BIN, ...spec.words, ...required, ...(spec.args ? [spec.args.optional ? `[${spec.args.name}]` : spec.args.name] : []), '[OPTIONS]'].join(' ')}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows(spec.flags.map((f) => [extraFlagName(f), extraFlagText(f)])),
    '',
    ...globalSection(GLOBAL_OPTIONS.filter((g) => spec.globals.includes(g.name) && !own.has(g.name))),
    ...(about ? ['', about] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** `openai-admin access --help` */
export function groupHelp(name: string): string {
  const specs = EXTRA_GROUPS.get(name) ?? [];
  const about = GROUPS[name]?.about;
  const lines = [
    `Usage: ${BIN} ${name} COMMAND [OPTIONS]`,
    '',
    'Commands:',
    ...rows(specs.map((s) => [s.words.slice(1).join(' '), s.summary])),
    '',
    `Run '${BIN} ${name} COMMAND --help' for a command's options.`,
    ...(about ? ['', about] : []),
  ];
  return `${lines.join('\n')}\n`;
}

export function helpFor(topic: HelpTopic): string {
  if (topic === null) return rootHelp();
  if ('spec' in topic) return extraHelp(topic.spec);
  if ('group' in topic) return groupHelp(topic.group);
  return 'full' in topic ? commandHelp(topic) : resourceHelp(topic);
}

