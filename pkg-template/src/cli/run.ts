/**
 * Runs one command line: reads it, calls the package's own client (so validation, retries and
 * errors are the package's), prints the result, and returns the exit status: 0, 1 for an API or
 * client error, 2 for a usage error.
 */
import { callArguments, methodOf } from '../operations.js';
import type * as Access from '../access/exports.js';
import { clientOptions } from './client-options.js';
import type { Command } from './commands.js';
import { completionCommand, type Principals } from './complete.js';
import { explore, type Keys } from './explore.js';
import { FileReader } from './files.js';
import { BIN, helpFor } from './help.js';
import { put, redactor, withRedaction, type Output } from './io.js';
import { formatValue, table, useColor, type DataFormat } from './output.js';
import { PagedOutput } from './pager.js';
import { parse, readGlobals, UsageError, type Format, type Globals } from './parse.js';
import { get, TransformError } from './transform.js';

export type { Output };

type AnyFunction = (...args: unknown[]) => unknown;
/** What the CLI needs of the package: the client class. */
export interface ClientModule {
  OpenAIAdmin: new (options: Record<string, unknown>) => { admin: { organization: unknown } };
}

export interface RunOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  version: string;
  /** Loads the package (its Node entry). Not called for help, version or usage errors. */
  load: () => Promise<ClientModule>;
  /** Loads the access module (its Node entry), for `access` commands. */
  loadAccess?: () => Promise<typeof Access>;
  /** Standard input, for `access apply`'s question. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Resolves once `console` should stop (default: the first SIGINT or SIGTERM). */
  stopped?: Promise<unknown>;
  /** The `fetch` requests go through (default: the global one). */
  fetch?: typeof fetch;
  /** Keys for `--format explore` (process.stdin; without a terminal there, /dev/tty is opened). */
  keys?: () => Keys | undefined;
  /** Standard input's content, for `@-` values (default: read from fd 0). */
  readStdin?: () => Buffer;
}

/**
 * The arguments of a table command's client method, in the official call shape (`callArguments`,
 * operations.ts): the path ids, and the fields given, the official CLI's defaults filling list queries.
 */
function commandArguments(command: Command, values: Record<string, unknown>): unknown[] {
  const ids: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const f of command.flags) {
    if (f.kind === 'path') ids[f.field] = values[f.name];
    else if (f.kind === 'query' || f.kind === 'body') {
      if (values[f.name] !== undefined) fields[f.field] = values[f.name];
      else if (f.default !== undefined) fields[f.field] = f.default;
    }
  }
  return callArguments(command.op, ids, fields);
}

/** A result without the request id the client attaches (`_request_id` is not API data). */
function plain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return JSON.parse(JSON.stringify(value, (k, v) => (k === '_request_id' ? undefined : v)));
}

/** `--transform`: what the path selects, or the value itself when it selects nothing (as the official CLI). */
function transformed(value: unknown, path: string | undefined): unknown {
  if (path === undefined) return value;
  const v = get(value, path);
  return v === undefined ? value : v;
}

/** The body the API sent with an error, or one in the same shape for an error without a response. */
function errorBody(e: unknown): unknown {
  const err = e as { error?: unknown; name?: string; message?: string; status?: number };
  if (err && typeof err === 'object' && err.error !== undefined && err.error !== null) {
    return typeof err.error === 'object' ? { error: err.error } : err.error;
  }
  return { error: { message: err?.message ?? String(e), type: err?.name ?? 'Error' } };
}

/** `NotFoundError: 404 No group 'x' (request ID: req_123)` */
export function errorLine(e: unknown): string {
  if (!(e instanceof Error)) return `Error: ${String(e)}`;
  const err = e as Error & { status?: unknown; requestID?: unknown; param?: unknown };
  const status = typeof err.status === 'number' ? String(err.status) : '';
  let message = String(err.message ?? '').replace(/\s+/g, ' ').trim();
  if (status && message.startsWith(`${status} `)) message = message.slice(status.length + 1);
  const name = err.name && err.name !== 'Error' ? err.name : (err.constructor?.name ?? 'Error');
  const parts = [`${name}:`];
  if (status) parts.push(status);
  if (message) parts.push(message);
  if (typeof err.param === 'string' && err.param !== '' && !message.includes(err.param)) parts.push(`(param: ${err.param})`);
  if (typeof err.requestID === 'string' && err.requestID !== '') parts.push(`(request ID: ${err.requestID})`);
  return parts.join(' ');
}

async function loadYaml(): Promise<{ stringify(value: unknown): string }> {
  const mod = (await import('yaml')) as unknown as { default?: { stringify(v: unknown): string }; stringify?: (v: unknown) => string };
  const y = mod.stringify ? (mod as { stringify(v: unknown): string }) : mod.default!;
  return { stringify: (v) => y.stringify(v) };
}

/**
 * `access who`'s completions: the organization's emails, group names and role names, read through
 * the client with the key from the environment or the command line. Whatever arrives within two
 * seconds; nothing (and no message) on any failure.
 */
export function principalsFor(o: RunOptions): Principals {
  return async (values) => {
    try {
      const g = readGlobals(values, o.env);
      if (g.adminApiKey === undefined) return [];
      const mod = await o.load();
      const options = clientOptions({ ...g, maxRetries: 0, debug: false }, o.fetch, () => {});
      options.timeout = 2000;
      const org = new mod.OpenAIAdmin(options).admin.organization as Record<string, Record<string, AnyFunction>>;
      const found = new Set<string>();
      const read = async (list: unknown, field: string) => {
        for await (const item of list as AsyncIterable<Record<string, unknown>>) {
          if (typeof item[field] === 'string' && item[field] !== '') found.add(item[field] as string);
        }
      };
      const all = Promise.allSettled([
        read(org.users!.list!({ limit: 100 }), 'email'),
        read(org.groups!.list!({ limit: 1000 }), 'name'),
        read(org.roles!.list!({ limit: 1000 }), 'name'),
      ]);
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      return [...found].sort((a, b) => a.localeCompare(b));
    } catch {
      return [];
    }
  };
}

const EXPLORE_WARNING = "Warning: Output format 'explore' not supported for non-terminal output; falling back to 'json'\n";

/** What goes between two items of a list: YAML documents are separated, readable text spaced. */
const SEPARATOR: Record<DataFormat, string> = { json: '', jsonl: '', raw: '', yaml: '---\n', pretty: '\n' };

/** Runs one command line and resolves to its exit status. */
export async function run(o: RunOptions): Promise<number> {
  let globals: Globals | undefined;
  let stdout = o.stdout;
  let stderr = o.stderr;
  if (o.argv[0] === '@completion' || o.argv[0] === '__complete') {
    const write = (out: Output) => (t: string) => void out.write(t);
    return completionCommand(o.argv, o.env, BIN, write(o.stdout), write(o.stderr), principalsFor(o));
  }
  try {
    const parsed = parse(o.argv, o.env, new FileReader(o.readStdin));
    globals = parsed.globals;
    const redact = redactor(globals.adminApiKey);
    stdout = withRedaction(o.stdout, redact);
    stderr = withRedaction(o.stderr, redact);
    if (parsed.kind === 'version') {
      await put(stdout, `${BIN} ${o.version}\n`);
      return 0;
    }
    if (parsed.kind === 'help') {
      await put(stdout, helpFor(parsed.topic));
      return 0;
    }
    if (parsed.kind === 'extra') {
      const runner = await parsed.invocation.spec.load();
      return await runner(parsed.invocation, { ...o, stdout, stderr });
    }
    const { command, values, maxItems } = parsed;
    const g = parsed.globals;
    const tty = stdout.isTTY === true;
    const color = useColor(stdout, o.env);
    let fmt: Format = g.format;
    // explore: on a terminal with keys; anywhere else json, with the official warning.
    const keys = fmt === 'explore' && tty ? o.keys?.() : undefined;
    if (fmt === 'explore' && !keys) {
      await put(stderr, EXPLORE_WARNING);
      fmt = 'json';
    }
    const title = `${BIN} ${command.full}`;
    const yaml = fmt === 'yaml' ? await loadYaml() : undefined;
    const dataFormat: DataFormat = fmt === 'auto' ? (tty ? 'pretty' : 'json') : fmt === 'explore' ? 'json' : fmt;
    const show = (v: unknown, format: DataFormat = dataFormat) =>
      formatValue(transformed(v, g.transform), format, { color, rawOutput: g.rawOutput, yaml });

    const mod = await o.load();
    const log = (t: string) => void stderr.write(`${t}\n`);
    const client = new mod.OpenAIAdmin(clientOptions(g, o.fetch, log));
    const method = methodOf(client.admin.organization, command.op.name);
    const args = commandArguments(command, values);

    if (command.list && fmt !== 'raw') {
      if (maxItems === 0) return 0;
      const pages = method(...args) as AsyncIterable<unknown>;
      if (keys) {
        // The explorer reads a screenful, then more as its cursor reaches the end.
        const it = pages[Symbol.asyncIterator]();
        let count = 0;
        const next = async (n: number) => {
          const items: unknown[] = [];
          while (items.length < n && count !== maxItems) {
            const r = await it.next();
            if (r.done) break;
            items.push(transformed(plain(r.value), g.transform));
            count++;
          }
          return items;
        };
        const size = Math.max(20, stdout.rows ?? 20);
        const first = await next(size);
        const printed = await explore(title, first, stdout, keys, first.length === size ? () => next(size) : undefined);
        if (printed !== undefined) await put(stdout, `\n${printed}\n`);
        return 0;
      }
      const asTable = fmt === 'auto' && tty;
      // On a terminal, a list longer than the screen goes through the pager.
      const pager = tty ? new PagedOutput(o.stdout, o.env, title, (t) => void stderr.write(`${BIN}: ${t}\n`)) : undefined;
      const emit = async (text: string) => (pager ? pager.write(redact(text)) : (await put(stdout, text), true));
      const items: unknown[] = [];
      let count = 0;
      for await (const item of pages) {
        if (asTable) items.push(transformed(plain(item), g.transform));
        else if (!(await emit((count > 0 ? SEPARATOR[dataFormat] : '') + show(plain(item))))) break;
        if (++count === maxItems) break;
      }
      if (asTable) await emit(table(items, stdout.columns ?? 100, color));
      await pager?.end();
      return 0;
    }

    if (fmt === 'raw') {
      // The body as the API sent it (one page for a list), when the client can give the response.
      const pending = method(...args) as PromiseLike<unknown> & { asResponse?: () => Promise<Response> };
      let value: unknown;
      if (typeof pending.asResponse === 'function') {
        const text = await (await pending.asResponse()).text();
        if (g.transform === undefined && !g.rawOutput) {
          await put(stdout, text.endsWith('\n') ? text : `${text}\n`);
          return 0;
        }
        value = text.trim() === '' ? null : JSON.parse(text);
      } else {
        value = plain(await pending);
      }
      await put(stdout, show(value, 'raw'));
      return 0;
    }
    const result = await (method(...args) as Promise<unknown>);
    if (keys) {
      const printed = await explore(title, transformed(plain(result), g.transform), stdout, keys);
      if (printed !== undefined) await put(stdout, `\n${printed}\n`);
      return 0;
    }
    await put(stdout, show(plain(result)));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof TransformError) {
      const help = e instanceof UsageError && e.helpFor ? `help ${e.helpFor}` : '--help';
      await put(stderr, `${BIN}: ${e.message}\nRun '${BIN} ${help}' for usage.\n`);
      return 2;
    }
    const g = globals;
    if (g && g.formatError !== 'auto') {
      const yaml = g.formatError === 'yaml' ? await loadYaml() : undefined;
      const body = transformed(errorBody(e), g.transformError);
      const format = g.formatError === 'explore' ? 'json' : g.formatError;
      await put(stderr, formatValue(body, format, { color: useColor(stderr, o.env), rawOutput: g.rawOutput, yaml }));
    } else {
      await put(stderr, `${errorLine(e)}\n`);
    }
    return 1;
  }
}
