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
import type { AdminClient } from '../access/client.js';
import type { AccessPlan } from '../access/types.js';
import type * as Access from '../access/exports.js';
import { fingerprint } from '../access/snapshot-file.js';
import { accessText, colors, groupText, holdersText, outcomeLine, planCounts, planJson, planText, type Colors } from './access-text.js';
import { projectText } from './access-project-text.js';
import { applyLine, loadLine, ProgressWriter } from './access-progress.js';
import { ageLine, isSavedPlan, openSnapshot, readPlan, savePlan, snapshotSettings } from './access-snapshot.js';
import { clientOptions } from './client-options.js';
import { formatDuration, parseDuration, timeScaleOf } from './durations.js';
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
    const timeScale = timeScaleOf(o.env.OPENAI_ADMIN_TIME_SCALE);
    const c: Colors = colors(useColor(o.stdout, o.env));
    // What a command prints whole: through the pager on a terminal when longer than the screen.
    const show = (t: string) =>
      o.stdout.isTTY === true ? printPaged(o.stdout, o.env, `openai-admin access ${command}`, t, (w) => void err(`openai-admin: ${w}\n`)) : out(t);
    const tty = o.stderr.isTTY === true;
    const format = values.format as string | undefined;

    // Check what can be checked before anything is read from the API.
    const settings = snapshotSettings(values, o.env);
    if (typeof settings === 'string') {
      await err(`openai-admin: ${settings}\n`);
      return 2;
    }
    let fileText: string | undefined;
    let savedPlanPath: string | undefined;
    if (command === 'apply' && values.file === undefined) {
      if (args.length !== 1) {
        await err('openai-admin: access apply needs -f FILE (or a plan saved by access plan --out PLAN)\n');
        return 2;
      }
      savedPlanPath = args[0]!;
    } else if (args.length > 0 && command !== 'who') {
      await err(`openai-admin: unexpected argument ${JSON.stringify(args[0])} for access ${command}\n`);
      return 2;
    }
    // The file is read before anything is read from the API.
    if (savedPlanPath === undefined && (command === 'plan' || command === 'apply')) {
      fileText = readInput(values.file as string);
      if (command === 'apply' && isSavedPlan(fileText)) savedPlanPath = values.file as string;
    } else if (command === 'import') fileText = readInput(values.csv as string);
    const options = clientOptions(globals, o.fetch, (t) => void err(`${t}\n`));

    const [{ OpenAIAdmin }, access, fresh] = await Promise.all([o.load(), o.loadAccess!(), import('../access/fresh.js')]);
    const client = new OpenAIAdmin(options) as unknown as AdminClient & { baseURL?: string; adminAPIKey?: string | null };
    const baseURL = String(client.baseURL ?? '').replace(/\/+$/, '');
    const keyUsed = client.adminAPIKey ?? '';
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
    const deadline = timeoutMs === undefined ? undefined : new AbortController();
    const timer = deadline && setTimeout(() => deadline.abort(new Error(`gave up after --timeout ${String(values.timeout)}: the API's limits needed longer`)), timeoutMs);
    (timer as { unref?: () => void } | undefined)?.unref?.();
    const stop = new AbortController();
    const signal = command === 'who' ? (deadline ? AbortSignal.any([stop.signal, deadline.signal]) : stop.signal) : deadline?.signal;
    if (signal) setMaxListeners(0, signal);
    const writer = new ProgressWriter((t) => void err(t), tty, () => o.stderr.columns);
    // One scheduler for the reads and the writes: what it learns of each endpoint holds across the
    // two, and it starts at the rates the snapshot kept from the last run.
    const scheduler = new access.Scheduler({
      learned: snap.snapshot.learned,
      ...(maxRequestsPerSecond ? { maxRequestsPerSecond } : {}),
      ...(deadline ? { signal: deadline.signal } : {}),
      timeScale,
    });
    const pace = { scheduler, ...(concurrency ? { concurrency } : {}), ...(signal ? { signal } : {}) };
    let lastLoad: Access.Progress | undefined;
    // On a terminal the line is redrawn every second too, so that a wait counts down.
    const ticker = tty ? setInterval(() => lastLoad && writer.draw(loadLine({ ...lastLoad, endpoints: lastLoad.endpoints.map((e) => ({ ...e, ...scheduler.progress().find((s) => s.endpoint === e.endpoint) })) })), 1000) : undefined;
    const onProgress = (p: Access.Progress) => {
      lastLoad = p;
      writer.draw(loadLine(p), p.phase === 'done');
      writer.plain(p.endpoints);
    };
    const startedAt = Date.now();
    const loadOptions = { ...pace, snapshot: snap.snapshot, maxAge: settings.maxAge, onProgress };
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
          // From the snapshot: the members' own project roles a `users:` needs, read if missing.
          if (!settings.refresh && !csv) {
            const projects = new Set(org.model.planRoleReads(fileText!).map((r) => r.projectId));
            await Promise.all([...projects].map((project) => org!.prioritize({ project })));
          }
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
        const kind = org.accessOf(ref) ? 'user' : org.group(ref) ? 'group' : org.holdersOf(ref) ? 'role' : org.holdersOfProject(ref) ? 'project' : null;
        if (kind === 'role' && !org.complete) {
          const roles = loading.progress.endpoints.find((e) => e.label === "users' roles");
          const left = roles?.total != null ? roles.total - roles.done : 0;
          const ms = roles?.etaMs ?? null;
          if (left > 0) await err(`Who holds role '${ref}' needs every user's roles: ${left} reads to go${ms !== null ? `, about ${formatDuration(ms)}` : ''}.\n`);
        }
        // A person's and a project's answers read their members' project roles, only theirs.
        if (kind === 'user' || kind === 'group' || kind === 'project') await Promise.race([org.prioritize({ [kind]: ref }), loading.done]);
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
        const project = user || group || role ? null : org.holdersOfProject(ref);
        const found = user ?? group ?? role ?? project;
        if (!found) {
          const hits = org.search(ref, 5).map((h) => `${h.kind} ${h.label}`);
          await err(`openai-admin: no user, group, role or project '${ref}'${hits.length ? `; did you mean: ${hits.join(', ')}?` : ''}\n`);
          return 1;
        }
        const kind = user ? 'user' : group ? 'group' : role ? 'role' : 'project';
        if (format === 'json') await show(`${JSON.stringify({ kind, ...found }, null, 2)}\n`);
        else await show(user ? accessText(user, c) : group ? groupText(group, c) : role ? holdersText(role, c) : projectText(project!, c));
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
      if (deadline?.signal.aborted !== true) throw e;
      await err(`openai-admin: ${String((deadline.signal.reason as Error)?.message ?? deadline.signal.reason)}; what was read is saved, and a run again continues from it.\n`);
      return 1;
    } finally {
      if (ticker) clearInterval(ticker);
      if (timer) clearTimeout(timer);
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
      org.applyOutcomes(plan, outcomes);
      access.recordApplied(snap.snapshot, org.model, plan.operations, outcomes);
      const learned = scheduler.learned();
      if (learned.length > 0) snap.snapshot.learned = learned;
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
    await err(`${errorLine(e)}\n`);
    return 1;
  }
}


