/**
 * `applyPlan`: runs a plan's operations through a client and the scheduler, each when the
 * operations it depends on have succeeded, additions and changes before removals and deletions
 * (the plan's own order), and returns each operation's outcome.
 *
 * Creates (`groups.create`, `roles.create`) are sent with the client's retries off: after an
 * ambiguous failure (a timeout, a dropped connection, a 5xx: the request may have been carried
 * out) the list is read first, and a group or role of that name that now exists is taken as the
 * result, so a retried create never makes a second one. Other operations keep the client's
 * retries (adding a member or a role twice is harmless); a removal or deletion whose target is
 * already gone (404) is done, the organization being as the plan wants it. A 429 never reaches
 * this code: the scheduler waits and sends the request again (the API did nothing), creates
 * included, so a storm of 429s neither fails an operation nor makes anything twice.
 */
import { callArguments, operation } from '../operations.js';
import { resolveOperation } from '../../wasm/openai_admin_access.js';
import { Scheduler } from './scheduler.js';
import { pool, workers } from './pool.js';
import { aborted, ambiguous, method, pacedClient, statusOf, type AdminClient } from './client.js';
import { accessModuleNow, loadAccessModule } from './model.js';
import type { AccessPlan, PlanId, PlanOperation } from './types.js';

export type Outcome =
  | { status: 'done'; result: unknown; alreadyDone?: boolean }
  | { status: 'failed'; error: unknown }
  | { status: 'skipped'; reason: string };

export interface ApplyProgress {
  done: number;
  total: number;
  phase: 'apply' | 'done';
  /** The operation that just finished, and how. */
  index?: number;
  outcome?: Outcome;
}

export interface ApplyOptions {
  concurrency?: number;
  /** Requests sent within any one second at most, all endpoints together (default: no cap). */
  maxRequestsPerSecond?: number;
  onProgress?: (progress: ApplyProgress) => void;
  signal?: AbortSignal;
  /** Start no operation after one failed (those not started are skipped). Default false. */
  stopOnError?: boolean;
  /** A scheduler shared with other calls (e.g. the `loadOrganization` before), so that what it learned of each endpoint holds. */
  scheduler?: Scheduler;
}

/** Retries of a create after an ambiguous failure, each after listing. */
const CREATE_ATTEMPTS = 4;

const CREATES: Record<string, { list: string; name: (body: Record<string, unknown>) => unknown }> = {
  'groups.create': { list: 'groups.list', name: (b) => b['name'] },
  'roles.create': { list: 'roles.list', name: (b) => b['role_name'] },
};

/** The id in a done outcome's result, if it has one. */
function resultId(o: Outcome | undefined): string | null {
  const id = o?.status === 'done' ? (o.result as { id?: unknown } | null)?.id : undefined;
  return typeof id === 'string' ? id : null;
}

/** `op` with its `{ from: i }` ids filled in from the results of the operations done (the core's one resolution). */
function resolve(op: PlanOperation, outcomes: readonly (Outcome | undefined)[]): PlanOperation {
  const resolved = resolveOperation(op, outcomes.map(resultId));
  if ('missing' in resolved) throw new Error(`operation ${resolved.missing} gave no id`);
  return resolved.operation;
}

/** The client call's arguments, in the official call shape (`callArguments`, operations.ts). */
function callArgumentsOf(op: PlanOperation, ids: Record<string, PlanId>, body: Record<string, unknown> | null): unknown[] {
  const info = operation(op.operation);
  if (!info) throw new Error(`unknown operation ${op.operation}`);
  return callArguments(info, ids, body);
}

/** Runs one create: no client retries; after an ambiguous failure, the list says whether it happened. */
async function create(client: AdminClient, op: PlanOperation, args: unknown[], signal?: AbortSignal): Promise<Outcome> {
  const how = CREATES[op.operation]!;
  const name = how.name((args[args.length - 1] ?? {}) as Record<string, unknown>);
  let last: unknown;
  for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
    if (attempt > 0 && ambiguous(last)) {
      const items = method(client, how.list)({ limit: 1000 }, signal ? { signal } : undefined) as AsyncIterable<{ name?: unknown }>;
      for await (const item of items) if (item.name === name) return { status: 'done', result: item, alreadyDone: true };
    }
    try {
      return { status: 'done', result: await method(client, op.operation)(...args, { maxRetries: 0, ...(signal ? { signal } : {}) }) };
    } catch (e) {
      if (aborted(e, signal) || !ambiguous(e)) throw e;
      last = e;
    }
  }
  throw last;
}

async function runOne(client: AdminClient, op: PlanOperation, outcomes: (Outcome | undefined)[], signal?: AbortSignal): Promise<Outcome> {
  const { ids, body } = resolve(op, outcomes);
  const args = callArgumentsOf(op, ids, body);
  if (CREATES[op.operation]) return create(client, op, args, signal);
  try {
    return { status: 'done', result: await method(client, op.operation)(...args, signal ? { signal } : undefined) };
  } catch (e) {
    if (op.change === '-' && statusOf(e) === 404) return { status: 'done', result: null, alreadyDone: true };
    throw e;
  }
}

/**
 * Runs `plan.operations` and resolves to one outcome per operation, in the plan's order. Never
 * rejects for a failed operation (its outcome says `failed`); rejects only for a bad argument.
 * An abort stops starting operations; those not started are `skipped`.
 */
export async function applyPlan(client: AdminClient, plan: AccessPlan, options: ApplyOptions = {}): Promise<Outcome[]> {
  const ops = plan?.operations;
  if (!Array.isArray(ops)) throw new TypeError('expected a plan: { operations: [...] }');
  await loadAccessModule();
  const concurrency = workers(options.concurrency, 'concurrency');
  const scheduler = options.scheduler ?? new Scheduler({ maxRequestsPerSecond: options.maxRequestsPerSecond, ...(options.signal ? { signal: options.signal } : {}) });
  const paced = pacedClient(client, scheduler);
  const signal = options.signal;
  const outcomes: (Outcome | undefined)[] = new Array(ops.length).fill(undefined);
  let failed = false;
  let done = 0;
  const finish = (i: number, outcome: Outcome) => {
    outcomes[i] = outcome;
    done++;
    if (outcome.status === 'failed') failed = true;
    options.onProgress?.({ done, total: ops.length, phase: 'apply', index: i, outcome });
  };
  options.onProgress?.({ done, total: ops.length, phase: 'apply' });
  // Additions and changes, then removals and deletions; within each, dependencies first.
  const stages = [ops.map((_, i) => i).filter((i) => ops[i]!.change !== '-'), ops.map((_, i) => i).filter((i) => ops[i]!.change === '-')];
  for (const stage of stages) {
    const pending = new Set(stage);
    while (pending.size > 0) {
      const ready = [...pending].filter((i) => (ops[i]!.dependsOn ?? []).every((d) => !pending.has(d)));
      if (ready.length === 0) throw new Error('the plan has a dependency cycle');
      for (const i of ready) pending.delete(i);
      await pool(
        ready.length,
        concurrency,
        async (k) => {
          const i = ready[k]!;
          const dep = (ops[i]!.dependsOn ?? []).find((d) => outcomes[d]?.status !== 'done');
          if (dep !== undefined) return finish(i, { status: 'skipped', reason: `operation ${dep} (${ops[dep]?.summary ?? '?'}) did not succeed` });
          if (signal?.aborted) return finish(i, { status: 'skipped', reason: 'aborted' });
          if (failed && options.stopOnError) return finish(i, { status: 'skipped', reason: 'stopped after a failure' });
          try {
            finish(i, await runOne(paced, ops[i]!, outcomes, signal));
          } catch (error) {
            if (aborted(error, signal)) finish(i, { status: 'skipped', reason: 'aborted' });
            else finish(i, { status: 'failed', error });
          }
        },
      );
    }
  }
  options.onProgress?.({ done, total: ops.length, phase: 'done' });
  return outcomes as Outcome[];
}

/**
 * The plan of some operations of `plan` alone, to send them again after an apply that gave
 * `outcomes` (one per operation, as `applyPlan` resolved): the ids they take from operations done
 * then (`{ from: i }`) are filled in from those results, and their dependencies among themselves
 * are kept, renumbered. Applying it sends only these operations, never one that succeeded.
 * Throws a `RangeError` for an index outside the plan or an operation already done, and an
 * `Error` naming the operation when one needs an operation that neither succeeded nor is chosen.
 */
export function retryPlan(plan: AccessPlan, outcomes: readonly Outcome[], indices: readonly number[]): AccessPlan {
  const ops = plan?.operations;
  if (!Array.isArray(ops)) throw new TypeError('expected a plan: { operations: [...] }');
  const chosen = [...new Set(indices)].sort((a, b) => a - b);
  const renumber = new Map(chosen.map((old, i) => [old, i]));
  for (const i of chosen) {
    if (!Number.isInteger(i) || i < 0 || i >= ops.length) throw new RangeError(`operation ${i} is not in the plan (0 to ${ops.length - 1})`);
    if (outcomes[i]?.status === 'done') throw new RangeError(`operation ${i} (${ops[i]!.summary}) is done: it is not sent again`);
  }
  const need = (i: number, from: number): Error | undefined => {
    if (renumber.has(from) || outcomes[from]?.status === 'done') return undefined;
    return new Error(`operation ${i} (${ops[i]!.summary}) needs operation ${from} (${ops[from]?.summary ?? '?'}), which did not succeed`);
  };
  accessModuleNow('retryPlan');
  // What `{ from: j }` becomes: j's new index when it is sent again, else the id it gave.
  const targets = ops.map((_, j) => renumber.get(j) ?? resultId(outcomes[j]));
  const operations = chosen.map((i) => {
    const op = ops[i]!;
    for (const d of op.dependsOn ?? []) {
      const missing = need(i, d);
      if (missing) throw missing;
    }
    const resolved = resolveOperation(op, targets);
    if ('missing' in resolved) throw need(i, resolved.missing) ?? new Error(`operation ${resolved.missing} gave no id`);
    return { ...resolved.operation, dependsOn: (op.dependsOn ?? []).filter((d) => renumber.has(d)).map((d) => renumber.get(d)!) };
  });
  return { operations, blocked: [], unmanaged: [], refused: null };
}
