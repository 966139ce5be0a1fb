/**
 * `openai-admin access …`: the organization's access as a file, plans, apply, `who`, and CSV.
 * Reads the key and base URL like every other command (`--admin-api-key`/`OPENAI_ADMIN_KEY`,
 * `--base-url`/`OPENAI_BASE_URL`). Exit status: 0; 1 for an error, a bad file, a failed
 * operation or a blocked change (apply); 2 for a usage error, a refused apply, or changes under
 * `plan --exit-code`.
 */
import { setMaxListeners } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { AdminClient } from '../access/client.js';
import type { AccessPlan } from '../access/types.js';
import type * as Access from '../access/exports.js';
import { ageLine, isSavedPlan, normalizeRefresh, openSnapshot, readPlan, savePlan, snapshotParseOptions, snapshotSettings, SNAPSHOT_USAGE } from './access-snapshot.js';
import { fingerprint } from '../access/snapshot-file.js';
import { durationText } from '../access/snapshot.js';
import { accessText, bar, colors, groupText, holdersText, outcomeLine, planCounts, planJson, planText, type Colors } from './access-text.js';
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
  /** The plan on fresh facts (`access/fresh.ts`), loaded with the access module. */
  loadFresh?: () => Promise<typeof import('../access/fresh.js')>;
}

const USAGE = `Usage: openai-admin access COMMAND [OPTIONS]

Commands:
  dump [--format yaml|json]                       the organization as an access file
  plan -f FILE [--prune] [--format text|json] [--exit-code]
                                                  what would change to make it match FILE
  apply -f FILE [--prune] [--yes] [--concurrency N] [--max-rps N]
                                                  show the plan, ask, then make the changes
  apply PLAN [--yes]                              apply a plan saved by plan --out PLAN, as it is
  who EMAIL|USER_ID|GROUP|ROLE [--format json]    who has what, and why
  export --csv memberships|assignments            group,email | role,principal_type,principal,source
  import --csv FILE [--apply] [--yes]             plan (or apply) group,email[,action] rows

Options: --admin-api-key KEY (or OPENAI_ADMIN_KEY), --base-url URL (or OPENAI_BASE_URL),
  --organization ID, --project ID, -H 'NAME: VALUE', --max-retries N, --concurrency N (default 8),
  --max-rps N (no cap by default).

The snapshot (the organization as last read, kept between commands; never the key):
${SNAPSHOT_USAGE}
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
      args: normalizeRefresh(o.argv),
      allowPositionals: true,
      options: {
        ...snapshotParseOptions,
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
    const paceOptions = { concurrency: positive(values.concurrency, 'concurrency'), maxRequestsPerSecond: positive(values['max-rps'], 'max-rps') };
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
    const settings = snapshotSettings(values, o.env);
    if (typeof settings === 'string') throw new Usage(settings);
    let fileText: string | undefined;
    let savedPlanPath: string | undefined;
    switch (command) {
      case 'dump':
        expectArgs(0);
        checkFormat(['yaml', 'json']);
        break;
      case 'plan':
      case 'apply':
        checkFormat(command === 'plan' ? ['text', 'json'] : ['text']);
        if (command === 'apply' && values.file === undefined && args.length === 1) {
          savedPlanPath = args[0]!;
          break;
        }
        expectArgs(0);
        if (values.file === undefined) throw new Usage(`access ${command} needs -f FILE${command === 'apply' ? ' (or a plan saved by plan --out)' : ''}`);
        fileText = readInput(values.file);
        if (command === 'apply' && isSavedPlan(fileText)) savedPlanPath = values.file;
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
    if (settings.out !== undefined && command !== 'plan') throw new Usage('--out is for access plan');

    const [{ OpenAIAdmin }, access, fresh] = await Promise.all([o.loadClient(), o.loadAccess(), (o.loadFresh ?? (() => import('../access/fresh.js')))()]);
    const client = new OpenAIAdmin(clientOptions) as AdminClient & { baseURL?: string; adminAPIKey?: string | null };
    const baseURL = String(client.baseURL ?? '').replace(/\/+$/, '');
    const keyUsed = client.adminAPIKey ?? key ?? '';
    const snap = openSnapshot(settings, baseURL, keyUsed, (l) => void err(`openai-admin: ${l}\n`));
    const saver = snap.autosave();
    // Ctrl-C: what was read is saved, so the next run continues from it.
    const interrupted = () => {
      saver.stop();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    // A signal only where one can fire (`who` stops the rest of the load once answered; --timeout):
    // a request without one is cheaper in Node, and each request listens on it.
    const stop = new AbortController();
    const timeout = settings.timeout === undefined ? undefined : AbortSignal.timeout(settings.timeout);
    const signal = command === 'who' ? (timeout ? AbortSignal.any([stop.signal, timeout]) : stop.signal) : timeout;
    if (signal) setMaxListeners(0, signal);
    // One pacer for the reads and the writes, so the cap holds across the two.
    const pace = { pacer: new access.Pacer(paceOptions) };
    const eta = (p: Access.Progress) => {
      const left = Math.max(0, ...p.lanes.map((l) => l.etaMs ?? 0));
      return left > 1000 ? ` · about ${durationText(left)} left` : '';
    };
    const onProgress = tty ? (p: Access.Progress) => void err(`\r\x1b[KReading the organization ${bar(p.done, p.total)}${eta(p)}`) : undefined;
    const startedAt = Date.now();
    const loadOptions = { ...pace, snapshot: snap.snapshot, maxAge: settings.maxAge, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) };
    let org: Access.Organization | undefined;
    try {
      if (savedPlanPath !== undefined) {
        const saved = readPlan(savedPlanPath, { baseURL, fingerprint: fingerprint(keyUsed), maxAge: settings.maxAge });
        if (typeof saved === 'string') {
          await err(`openai-admin: not applying: ${saved}. Nothing was sent.\n`);
          return 2;
        }
        org = await fresh.organizationOf(snap.snapshot);
        await err(`Applying the plan saved in ${savedPlanPath}, made on the organization ${access.asOfText(saved.asOf ?? saved.createdAt)}, without reading it again.\n`);
        return await applying(saved.plan, org);
      }
      if (command === 'plan' || command === 'apply' || command === 'import') {
        const csv = command === 'import';
        try {
          org = settings.refresh
            ? await fresh.loadForPlan(client, fileText!, { ...loadOptions, prune: values.prune === true, csv })
            : await access.loadOrganization(client, { ...loadOptions, maxAge: Infinity });
        } catch (e) {
          // A bad file is found before anything but the lists is read.
          if ((e as { name?: unknown }).name !== 'AccessFileError') throw e;
          return await badFile(e);
        }
      } else if (command === 'who') {
        const loading = await access.startLoadingOrganization(client, loadOptions);
        loading.done.catch(() => {});
        org = loading.organization;
        await Promise.race([org.listed(), loading.done]);
        const ref = args[0]!;
        const kind = org.accessOf(ref) ? 'user' : org.group(ref) ? 'group' : org.holdersOf(ref) ? 'role' : null;
        if (kind === 'role' && !org.complete) {
          const p = loading.progress;
          const left = p.lanes.reduce((n, l) => n + l.pending, 0);
          const ms = p.lanes.find((l) => l.endpoint.includes('users/{user_id}/roles'))?.etaMs ?? null;
          if (left > 0) await err(`Who holds role '${ref}' needs every user's roles: ${left} reads to go${ms !== null ? `, about ${durationText(ms)}` : ''}.\n`);
        }
        if (kind === 'user' || kind === 'group') await Promise.race([org.prioritize({ [kind]: ref }), loading.done]);
        else await loading.done;
        // The answer is in: what else was loading stops here (what was read is saved).
        stop.abort(new Error('answered'));
        await loading.done.catch(() => {});
      } else {
        org = await access.loadOrganization(client, loadOptions);
      }
      if (tty) await err('\n');
      await err(ageLine(org.asOf, startedAt));
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
        return await badFile(e);
      }
      if (settings.out !== undefined) {
        savePlan(settings.out, { createdAt: Date.now(), asOf: org.asOf, baseURL, fingerprint: fingerprint(keyUsed), plan });
        await err(`Plan saved to ${settings.out}: 'openai-admin access apply ${settings.out}' applies it as it is (within --max-age).\n`);
      }
      if (!(command === 'apply' || (command === 'import' && values.apply === true))) {
        await show(format === 'json' ? planJson(plan) : planText(plan, c));
        return values['exit-code'] && plan.operations.length > 0 ? 2 : 0;
      }
      return await applying(plan, org);
    } catch (e) {
      if (timeout?.aborted !== true) throw e;
      await err(`openai-admin: gave up after --timeout ${String(values.timeout)}; what was read is saved, and a run again continues from it.\n`);
      return 1;
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      saver.stop();
      org?.free();
    }

    /** An access file's plan reports every bad entry, a CSV every bad row (`errors`), one line each. */
    async function badFile(e: unknown): Promise<number> {
      type Found = { line?: number; column?: number; message?: string };
      const f = e as Found & { errors?: Found[] };
      const name = command === 'import' ? values.csv : values.file;
      const line = (x: Found) => `openai-admin: ${name}${x.line ? `:${x.line}${x.column ? `:${x.column}` : ''}` : ''}: ${x.message ?? String(e)}\n`;
      await err(`${(Array.isArray(f.errors) && f.errors.length ? f.errors : [f]).map(line).join('')}Nothing was sent.\n`);
      return 1;
    }

    /** Shows the plan, asks, applies, and writes what changed into the snapshot. */
    async function applying(plan: AccessPlan, org: Access.Organization): Promise<number> {
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
      const outcomes = await access.applyPlan(client, plan, {
        ...pace,
        onProgress: (p) => {
          if (tty) void err(`\r${bar(p.done, p.total)}`);
          else if (p.index !== undefined && p.outcome) void err(`${outcomeLine(p.index, total, plan.operations[p.index]!.summary, p.outcome, errorLine)}\n`);
        },
      });
      org.applyOutcomes(plan, outcomes);
      access.recordApplied(snap.snapshot, org.model, plan.operations, outcomes);
      if (tty) await err('\n');
      const failed = outcomes.filter((x) => x.status === 'failed');
      const skipped = outcomes.filter((x) => x.status === 'skipped').length;
      if (tty) {
        for (const [i, x] of outcomes.entries()) if (x.status !== 'done') await err(`${outcomeLine(i, total, plan.operations[i]!.summary, x, errorLine)}\n`);
      }
      await err(`Apply ${failed.length ? 'finished with errors' : 'complete'}: ${total - failed.length - skipped} done, ${failed.length} failed, ${skipped} skipped.\n`);
      if (plan.blocked.length > 0) await blocked();
      return failed.length > 0 || skipped > 0 || plan.blocked.length > 0 ? 1 : 0;
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
