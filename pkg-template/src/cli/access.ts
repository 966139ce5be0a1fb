/**
 * `openai-admin access …`: the organization's access as a file, plans, apply, `who`, and CSV.
 * Reads the key and base URL like every other command (`--admin-api-key`/`OPENAI_ADMIN_KEY`,
 * `--base-url`/`OPENAI_BASE_URL`). Exit status: 0; 1 for an error, a bad file, a failed
 * operation or a blocked change (apply); 2 for a usage error, a refused apply, or changes under
 * `plan --exit-code`.
 */
import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AdminClient } from '../access/client.js';
import type { AccessPlan } from '../access/types.js';
import { accessText, colors, groupText, holdersText, outcomeLine, planCounts, planJson, planText, type Colors } from './access-text.js';
import { applyLine, loadLine, ProgressWriter } from './access-progress.js';
import { clientOptions } from './client-options.js';
import { parseDuration } from './durations.js';
import { put, type Output } from './io.js';
import { useColor } from './output.js';
import { printPaged } from './pager.js';
import type { ExtraInvocation } from './registry.js';
import { errorLine, type RunOptions } from './run.js';

/** Files over this size are refused before they are read. */
const MAX_FILE = 10 * 1024 * 1024;

function readInput(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_FILE) throw new Error(`${path} is ${size} bytes: access files are limited to 10 MB`);
  return readFileSync(path, 'utf8');
}

/** Asks on the terminal; true for `yes`. */
async function confirm(stdin: NodeJS.ReadableStream, stderr: Output, question: string): Promise<boolean> {
  const rl = createInterface({ input: stdin, output: stderr as unknown as NodeJS.WritableStream, terminal: false });
  await put(stderr, question);
  const answer = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  return answer.trim() === 'yes';
}

/**
 * Runs an `access` command the parser checked against the registry (flags, their values, the
 * arguments); `o.stdout` and `o.stderr` already redact the key.
 */
export async function runAccess(invocation: ExtraInvocation, o: RunOptions): Promise<number> {
  const { values, args, globals } = invocation;
  const command = invocation.spec.words[1]!;
  const out = (t: string) => put(o.stdout, t);
  const err = (t: string) => put(o.stderr, t);
  const stdin = o.stdin ?? process.stdin;
  try {
    const positive = (name: string) => (values[name] === undefined ? undefined : Number(values[name]));
    const concurrency = positive('concurrency');
    const maxRequestsPerSecond = positive('max-rps');
    // Checked by the parser (a `duration` flag): a positive duration.
    const timeoutMs = values.timeout === undefined ? undefined : parseDuration(values.timeout as string) ?? undefined;
    const scale = timeScale(o.env);
    const c: Colors = colors(useColor(o.stdout, o.env));
    // What a command prints whole: through the pager on a terminal when longer than the screen.
    const show = (t: string) =>
      o.stdout.isTTY === true ? printPaged(o.stdout, o.env, `openai-admin access ${command}`, t, (w) => void err(`openai-admin: ${w}\n`)) : out(t);
    const tty = o.stderr.isTTY === true;
    const format = values.format as string | undefined;
    // The file is read before anything is read from the API.
    const fileText = command === 'plan' || command === 'apply' ? readInput(values.file as string) : command === 'import' ? readInput(values.csv as string) : undefined;
    const options = clientOptions(globals, o.fetch, (t) => void err(`${t}\n`));

    const [{ OpenAIAdmin }, access] = await Promise.all([o.load(), o.loadAccess!()]);
    const client = new OpenAIAdmin(options) as unknown as AdminClient;
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
        if (stdin.isTTY !== true || o.stdout.isTTY !== true) {
          await err('openai-admin: not applying without a terminal to confirm on; pass --yes to apply anyway.\n');
          return 2;
        }
        if (!(await confirm(stdin, o.stderr, `\nApply ${planCounts(plan)}? Only 'yes' will be accepted: `))) {
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
  if (!Number.isFinite(n) || n <= 0) throw new Error(`OPENAI_ADMIN_TIME_SCALE must be a positive number, got '${raw}'`);
  return n;
}

