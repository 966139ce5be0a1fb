/**
 * `openai-admin access …`: the organization's access as a file, plans, apply, `who`, and CSV.
 * Reads the key and base URL like every other command (`--admin-api-key`/`OPENAI_ADMIN_KEY`,
 * `--base-url`/`OPENAI_BASE_URL`). Exit status: 0; 1 for an error, a bad file, a failed
 * operation or a blocked change (apply); 2 for a usage error, a refused apply, or changes under
 * `plan --exit-code`.
 */
import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { AdminClient } from '../access/client.js';
import type { AccessPlan } from '../access/types.js';
import type * as Access from '../access/exports.js';
import { accessText, colors, groupText, holdersText, outcomeLine, planCounts, planJson, planText, type Colors } from './access-text.js';
import { applyLine, loadLine, ProgressWriter } from './access-progress.js';
import { parseDuration } from './durations.js';
import { useColor } from './output.js';
import { printPaged } from './pager.js';
import { errorLine, type Output } from './run.js';

export interface AccessRunOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  loadClient: () => Promise<{ OpenAIAdmin: new (options: Record<string, unknown>) => unknown }>;
  loadAccess: () => Promise<typeof Access>;
}

const USAGE = `Usage: openai-admin access COMMAND [OPTIONS]

Commands:
  dump [--format yaml|json]                       the organization as an access file
  plan -f FILE [--prune] [--format text|json] [--exit-code]
                                                  what would change to make it match FILE
  apply -f FILE [--prune] [--yes] [--concurrency N] [--max-rps N]
                                                  show the plan, ask, then make the changes
  who EMAIL|USER_ID|GROUP|ROLE [--format json]    who has what, and why
  export --csv memberships|assignments            group,email | role,principal_type,principal,source
  import --csv FILE [--apply] [--yes]             plan (or apply) group,email[,action] rows

Options: --admin-api-key KEY (or OPENAI_ADMIN_KEY), --base-url URL (or OPENAI_BASE_URL),
  --organization ID, --project ID, -H 'NAME: VALUE', --max-retries N, --concurrency N (default 8),
  --max-rps N (no cap by default), --timeout DURATION (30s, 15m, 2h: give up waiting for the
  API's limits after it; default: wait as long as they need).
Exit status: 0; 1 on an error, a bad file, a failed operation or a blocked change (apply); 2 on
a usage error, a refused apply, or changes under --exit-code.
`;

class Usage extends Error {}

/** Files over this size are refused before they are read. */
const MAX_FILE = 10 * 1024 * 1024;

function readInput(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_FILE) throw new Error(`${path} is ${size} bytes: access files are limited to 10 MB`);
  return readFileSync(path, 'utf8');
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Usage(`--${name} must be a positive number, got '${value}'`);
  return n;
}

function write(out: Output, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  if (!out.write(text) && out.once) return new Promise((resolve) => out.once!('drain', () => resolve()));
  return Promise.resolve();
}

/** Asks on the terminal; true for `yes`. */
async function confirm(o: AccessRunOptions, question: string): Promise<boolean> {
  const rl = createInterface({ input: o.stdin, output: o.stderr as unknown as NodeJS.WritableStream, terminal: false });
  await write(o.stderr, question);
  const answer = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  return answer.trim() === 'yes';
}

export async function runAccess(o: AccessRunOptions): Promise<number> {
  let key: string | undefined;
  const redact = (t: string) => (key && key.length >= 4 && t.includes(key) ? t.split(key).join('[redacted]') : t);
  const out = (t: string) => write(o.stdout, redact(t));
  const err = (t: string) => write(o.stderr, redact(t));
  try {
    const { values, positionals } = parseArgs({
      args: [...o.argv],
      allowPositionals: true,
      options: {
        'admin-api-key': { type: 'string' },
        'base-url': { type: 'string' },
        organization: { type: 'string' },
        project: { type: 'string' },
        header: { type: 'string', short: 'H', multiple: true },
        'max-retries': { type: 'string' },
        format: { type: 'string' },
        file: { type: 'string', short: 'f' },
        prune: { type: 'boolean' },
        'exit-code': { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        concurrency: { type: 'string' },
        'max-rps': { type: 'string' },
        timeout: { type: 'string' },
        csv: { type: 'string' },
        apply: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    key = values['admin-api-key'] ?? o.env.OPENAI_ADMIN_KEY;
    const [, command, ...args] = positionals;
    if (values.help || command === undefined || command === 'help') {
      await out(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    const concurrency = positive(values.concurrency, 'concurrency');
    const maxRequestsPerSecond = positive(values['max-rps'], 'max-rps');
    const timeoutMs = values.timeout === undefined ? undefined : parseDuration(values.timeout);
    if (timeoutMs === null || (timeoutMs !== undefined && !(timeoutMs > 0))) {
      throw new Usage(`--timeout must be a duration such as 30s, 15m or 2h, got '${values.timeout}'`);
    }
    const scale = timeScale(o.env);
    const c: Colors = colors(useColor(o.stdout, o.env));
    // What a command prints whole: through the pager on a terminal when longer than the screen.
    const show = (t: string) =>
      o.stdout.isTTY === true ? printPaged(o.stdout, o.env, `openai-admin access ${command}`, redact(t), (w) => void err(`openai-admin: ${w}\n`)) : out(t);
    const tty = o.stderr.isTTY === true;
    const format = values.format;
    const checkFormat = (allowed: string[]) => {
      if (format !== undefined && !allowed.includes(format)) throw new Usage(`--format must be ${allowed.join(' or ')} for access ${command}`);
    };
    const expectArgs = (n: number) => {
      if (args.length !== n) throw new Usage(n === 0 ? `unexpected argument '${args[0]}'` : `access ${command} takes ${n} argument`);
    };

    const clientOptions: Record<string, unknown> = {};
    if (values['admin-api-key'] !== undefined) clientOptions.adminAPIKey = values['admin-api-key'];
    if (values['base-url'] !== undefined) clientOptions.baseURL = values['base-url'];
    if (values.organization !== undefined) clientOptions.organization = values.organization;
    if (values.project !== undefined) clientOptions.project = values.project;
    if (values['max-retries'] !== undefined) clientOptions.maxRetries = Number(values['max-retries']);
    if (values.header?.length) {
      clientOptions.defaultHeaders = Object.fromEntries(values.header.map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]));
    }
    const line = (...a: unknown[]) => void err(`${a.map(String).join(' ')}\n`);
    clientOptions.logger = { error: line, warn: line, info: line, debug: line };

    // Check what can be checked before anything is read from the API.
    let fileText: string | undefined;
    switch (command) {
      case 'dump':
        expectArgs(0);
        checkFormat(['yaml', 'json']);
        break;
      case 'plan':
      case 'apply':
        expectArgs(0);
        checkFormat(command === 'plan' ? ['text', 'json'] : ['text']);
        if (values.file === undefined) throw new Usage(`access ${command} needs -f FILE`);
        fileText = readInput(values.file);
        break;
      case 'who':
        expectArgs(1);
        checkFormat(['text', 'json']);
        break;
      case 'export':
        expectArgs(0);
        if (values.csv !== 'memberships' && values.csv !== 'assignments') throw new Usage('access export needs --csv memberships or --csv assignments');
        break;
      case 'import':
        expectArgs(0);
        checkFormat(['text', 'json']);
        if (values.csv === undefined) throw new Usage('access import needs --csv FILE');
        fileText = readInput(values.csv);
        break;
      default:
        throw new Usage(`unknown access command '${command}'`);
    }

    const [{ OpenAIAdmin }, access] = await Promise.all([o.loadClient(), o.loadAccess()]);
    const client = new OpenAIAdmin(clientOptions) as AdminClient;
    // One scheduler for the reads and the writes: what it learns of each endpoint holds across the two.
    const deadline = timeoutMs === undefined ? undefined : new AbortController();
    const timer = deadline && setTimeout(() => deadline.abort(new Error(`gave up after --timeout ${values.timeout}: the API's limits needed longer`)), timeoutMs);
    (timer as { unref?: () => void } | undefined)?.unref?.();
    const writer = new ProgressWriter((t) => void err(t), tty, () => o.stderr.columns);
    const scheduler = new access.Scheduler({
      ...(maxRequestsPerSecond ? { maxRequestsPerSecond } : {}),
      ...(deadline ? { signal: deadline.signal } : {}),
      backoffCapMs: 60_000 * scale,
      retryAfterCapMs: 300_000 * scale,
    });
    const pace = { scheduler, ...(concurrency ? { concurrency } : {}), ...(deadline ? { signal: deadline.signal } : {}) };
    let lastLoad: Parameters<typeof loadLine>[0] | undefined;
    // On a terminal the line is redrawn every second too, so that a wait counts down.
    const ticker = tty ? setInterval(() => lastLoad && writer.draw(loadLine({ ...lastLoad, endpoints: lastLoad.endpoints.map((e) => ({ ...e, ...scheduler.progress().find((s) => s.endpoint === e.endpoint) })) })), 1000) : undefined;
    let org: Awaited<ReturnType<typeof access.loadOrganization>>;
    try {
      org = await access.loadOrganization(client, {
        ...pace,
        onProgress: (p) => {
          lastLoad = p;
          writer.draw(loadLine(p), p.phase === 'done');
          writer.plain(p.endpoints);
        },
      });
    } catch (e) {
      throw deadline?.signal.aborted ? deadline.signal.reason : e;
    } finally {
      if (ticker) clearInterval(ticker);
    }
    if (tty) await err('\n');
    try {
      if (command === 'dump') {
        await show(org.dump(format === 'json' ? 'json' : 'yaml'));
        return 0;
      }
      if (command === 'export') {
        await show(org.exportCsv(values.csv as 'memberships' | 'assignments'));
        return 0;
      }
      if (command === 'who') {
        const ref = args[0]!;
        const user = org.accessOf(ref);
        const group = user ? null : org.group(ref);
        const role = user || group ? null : org.holdersOf(ref);
        const found = user ?? group ?? role;
        if (!found) {
          const hits = org.search(ref, 5).map((h) => `${h.kind} ${h.label}`);
          await err(`openai-admin: no user, group or role '${ref}'${hits.length ? `; did you mean: ${hits.join(', ')}?` : ''}\n`);
          return 1;
        }
        if (format === 'json') await show(`${JSON.stringify({ kind: user ? 'user' : group ? 'group' : 'role', ...found }, null, 2)}\n`);
        else await show(user ? accessText(user, c) : group ? groupText(group, c) : holdersText(role!, c));
        return 0;
      }
      // plan, apply, import
      let plan: AccessPlan;
      try {
        plan = command === 'import' ? org.planCsv(fileText!) : org.plan(fileText!, { prune: values.prune === true });
      } catch (e) {
        // An access file's plan reports every bad entry, a CSV every bad row (`errors`), one line each.
        type Found = { line?: number; column?: number; message?: string };
        const f = e as Found & { errors?: Found[] };
        const name = command === 'import' ? values.csv : values.file;
        const line = (x: Found) => `openai-admin: ${name}${x.line ? `:${x.line}${x.column ? `:${x.column}` : ''}` : ''}: ${x.message ?? String(e)}\n`;
        await err(`${(Array.isArray(f.errors) && f.errors.length ? f.errors : [f]).map(line).join('')}Nothing was sent.\n`);
        return 1;
      }
      const applying = command === 'apply' || (command === 'import' && values.apply === true);
      if (!applying) {
        await show(format === 'json' ? planJson(plan) : planText(plan, c));
        return values['exit-code'] && plan.operations.length > 0 ? 2 : 0;
      }
      await out(planText(plan, c));
      const blocked = () => err(`${plan.blocked.length} blocked change(s) were not made (see above).\n`);
      if (plan.operations.length === 0) {
        if (plan.blocked.length === 0) return 0;
        await blocked();
        return 1;
      }
      if (!values.yes) {
        if (o.stdin.isTTY !== true || o.stdout.isTTY !== true) {
          await err('openai-admin: not applying without a terminal to confirm on; pass --yes to apply anyway.\n');
          return 2;
        }
        if (!(await confirm(o, `\nApply ${planCounts(plan)}? Only 'yes' will be accepted: `))) {
          await err('Apply cancelled. Nothing was sent.\n');
          return 1;
        }
      }
      const total = plan.operations.length;
      let applied = 0;
      const applyTicker = tty ? setInterval(() => writer.draw(applyLine(applied, total, scheduler.progress())), 1000) : undefined;
      const stopWatching = scheduler.watch(() => writer.plain(scheduler.progress()));
      const outcomes = await access
        .applyPlan(client, plan, {
          ...pace,
          onProgress: (p) => {
            applied = p.done;
            writer.draw(applyLine(p.done, p.total, scheduler.progress()), true);
            if (!tty && p.index !== undefined && p.outcome) void err(`${outcomeLine(p.index, total, plan.operations[p.index]!.summary, p.outcome, errorLine)}\n`);
          },
        })
        .finally(() => {
          if (applyTicker) clearInterval(applyTicker);
          stopWatching();
        });
      if (tty) await err('\n');
      const failed = outcomes.filter((x) => x.status === 'failed');
      const skipped = outcomes.filter((x) => x.status === 'skipped').length;
      if (tty) {
        for (const [i, x] of outcomes.entries()) if (x.status !== 'done') await err(`${outcomeLine(i, total, plan.operations[i]!.summary, x, errorLine)}\n`);
      }
      await err(`Apply ${failed.length ? 'finished with errors' : 'complete'}: ${total - failed.length - skipped} done, ${failed.length} failed, ${skipped} skipped.\n`);
      if (plan.blocked.length > 0) await blocked();
      return failed.length > 0 || skipped > 0 || plan.blocked.length > 0 ? 1 : 0;
    } finally {
      org.free();
      if (timer) clearTimeout(timer);
    }
  } catch (e) {
    if (e instanceof Usage || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      await err(`openai-admin: ${(e as Error).message}\nRun 'openai-admin access --help' for usage.\n`);
      return 2;
    }
    await err(`${errorLine(e)}\n`);
    return 1;
  }
}

/**
 * `OPENAI_ADMIN_TIME_SCALE`: the scheduler's caps (60 s after a 429 without `Retry-After`, 5
 * minutes of a `Retry-After`) times this factor, for tests that treat "N per 6 s" as "N a minute"
 * (0.1). Default 1.
 */
function timeScale(env: Record<string, string | undefined>): number {
  const raw = env.OPENAI_ADMIN_TIME_SCALE;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Usage(`OPENAI_ADMIN_TIME_SCALE must be a positive number, got '${raw}'`);
  return n;
}

/** Whether a command line is an `access` command: its first word that is not an option is `access`. */
export function isAccessCommand(argv: readonly string[], valueOptions: ReadonlySet<string>): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return argv[i + 1] === 'access';
    if (a.startsWith('-')) {
      if (!a.includes('=') && valueOptions.has(a)) i++;
      continue;
    }
    return a === 'access';
  }
  return false;
}
