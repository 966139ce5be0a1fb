/**
 * The commands of `openai-admin`, built from the operation table: one command per operation, named
 * as the official OpenAI CLI names it (`admin:organization:groups:users list`), with one flag per
 * path parameter and per query or body field, in kebab case.
 */
import { OPERATIONS, type FieldInfo, type OperationInfo } from '../operations.js';

/** Where every resource of this package lives in the official CLI's grammar. */
export const ROOT = ['admin', 'organization'] as const;

/** The field types of the table (a superset, so that an older table type-checks too). */
export type FlagType = 'string' | 'integer' | 'number' | 'boolean' | 'string[]' | 'object[]' | 'object';

/** One flag of a command. */
export interface Flag {
  /** Kebab-case name without dashes: `group-id`, `permission`. */
  name: string;
  /** Other accepted spellings (the API's plural for a repeatable flag: `permissions`). */
  aliases: string[];
  /** The API's name (`group_id`, `permissions`), or the CLI's own for `max-items`. */
  field: string;
  /** Where the value goes: a path segment, the query, the body, or the CLI itself. */
  kind: 'path' | 'query' | 'body' | 'cli';
  type: FlagType;
  required: boolean;
  nullable: boolean;
  description: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  /** Sent when the flag is not given, as the official CLI does. */
  default?: string | number;
}

/** One command: an operation of the table under its CLI name. */
export interface Command {
  op: OperationInfo;
  /** `admin:organization:groups:users` */
  resource: string;
  /** `list` */
  method: string;
  /** `admin:organization:groups:users list` */
  full: string;
  flags: Flag[];
  /** Whether it pages through a list (and takes `--max-items`). */
  list: boolean;
}

/** A resource: the commands that share a name before the method. */
export interface Resource {
  name: string;
  segments: string[];
  methods: Map<string, Command>;
}

/**
 * Defaults the official CLI sends when a flag is not given (they differ from the API's own for
 * group users, whose CLI order is `desc`). Only list queries have any.
 */
const CLI_DEFAULTS: Record<string, Record<string, string | number>> = {
  'groups.list': { limit: 100, order: 'asc' },
  'groups.users.list': { limit: 100, order: 'desc' },
  'roles.list': { limit: 1000, order: 'asc' },
  'users.list': { limit: 20 },
};

export const MAX_ITEMS_DESCRIPTION = 'The maximum number of items to return (use -1 for unlimited).';

/** `group_id` → `group-id` */
export function kebab(name: string): string {
  return name.replace(/_/g, '-');
}

/** The flag name of a field: kebab case, and singular for a list of strings (`emails` → `email`). */
function flagName(field: FieldInfo): string {
  const name = kebab(field.name);
  return (field.type as FlagType) === 'string[]' && name.endsWith('s') ? name.slice(0, -1) : name;
}

/** A path parameter of the table: `{ name, description }` (or, in an older table, its name). */
function pathParam(p: unknown): { name: string; description: string } {
  if (typeof p === 'string') return { name: p, description: `The ID of the ${p.replace(/_id$/, '').replace(/_/g, ' ')}.` };
  return p as { name: string; description: string };
}

/** The names of an operation's path parameters, in URL order. */
export function pathParamNames(op: OperationInfo): string[] {
  return (op.pathParams as readonly unknown[]).map((p) => pathParam(p).name);
}

function buildCommand(op: OperationInfo): Command {
  const parts = op.name.split('.');
  const method = parts[parts.length - 1]!;
  const segments = [...ROOT, ...parts.slice(0, -1)];
  const resource = segments.join(':');
  const list = op.cursor !== null;
  const defaults = CLI_DEFAULTS[op.name] ?? {};
  const flags: Flag[] = (op.pathParams as readonly unknown[]).map(pathParam).map((p, i) => ({
    name: kebab(p.name),
    aliases: [],
    field: p.name,
    kind: 'path',
    type: 'string',
    required: true,
    nullable: false,
    description: `${p.description.trim()} Also accepted as the ${['first', 'second', 'third'][i] ?? `${i + 1}th`} argument.`,
  }));
  for (const f of op.fields) {
    const name = flagName(f);
    const flag: Flag = {
      name,
      aliases: name === kebab(f.name) ? [] : [kebab(f.name)],
      field: f.name,
      kind: op.input === 'body' ? 'body' : 'query',
      type: f.type as FlagType,
      required: f.required,
      nullable: f.nullable,
      description: f.description,
    };
    if (f.enum) flag.enum = f.enum;
    if (f.minimum !== undefined) flag.minimum = f.minimum;
    if (f.maximum !== undefined) flag.maximum = f.maximum;
    if (defaults[f.name] !== undefined) flag.default = defaults[f.name];
    flags.push(flag);
  }
  if (list) {
    flags.push({
      name: 'max-items',
      aliases: [],
      field: 'max-items',
      kind: 'cli',
      type: 'integer',
      required: false,
      nullable: false,
      description: MAX_ITEMS_DESCRIPTION,
    });
  }
  return { op, resource, method, full: `${resource} ${method}`, flags, list };
}

/** Every command, in the table's order. */
export const COMMANDS: readonly Command[] = OPERATIONS.map(buildCommand);

/** Resources by name (`admin:organization:groups`), in the table's order. */
export const RESOURCES: ReadonlyMap<string, Resource> = (() => {
  const map = new Map<string, Resource>();
  for (const c of COMMANDS) {
    let r = map.get(c.resource);
    if (!r) map.set(c.resource, (r = { name: c.resource, segments: c.resource.split(':'), methods: new Map() }));
    r.methods.set(c.method, c);
  }
  return map;
})();

/** Whether `segments` start some resource's name (`admin`, `admin:organization`, ...). */
export function isResourcePrefix(segments: readonly string[]): boolean {
  const joined = segments.join(':');
  for (const name of RESOURCES.keys()) if (name === joined || name.startsWith(`${joined}:`)) return true;
  return false;
}

/** Edit distance (insertions, deletions, substitutions and swaps of two neighbours). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate to `word`, if it is close enough to be what was meant. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const dist = distance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
