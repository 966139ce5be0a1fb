/**
 * How `openai-admin access` prints: a plan like a terraform plan (`+` add, `-` remove, `~` change,
 * then what is blocked and what is left alone), apply progress, and the `who` answers.
 */
import type { AccessOfAnswer, AccessPlan, AccessSource, GroupAnswer, HoldersOfAnswer } from '../access/types.js';
import type { Outcome } from '../access/apply.js';
import { sanitize } from './io.js';
import { projectLines } from './access-project-text.js';

/** Text from the organization, shown with its control characters escaped. */
const safe = (s: string) => sanitize(s, true);

type Paint = (s: string) => string;
export interface Colors {
  add: Paint;
  remove: Paint;
  change: Paint;
  warn: Paint;
  dim: Paint;
  bold: Paint;
}

const code = (c: string): Paint => (s) => `\x1b[${c}m${s}\x1b[0m`;
const none: Paint = (s) => s;
export function colors(on: boolean): Colors {
  return on
    ? { add: code('32'), remove: code('31'), change: code('33'), warn: code('31;1'), dim: code('2'), bold: code('1') }
    : { add: none, remove: none, change: none, warn: none, dim: none, bold: none };
}

/** Counts by kind of change: `3 to add, 1 to change, 2 to remove`. */
export function planCounts(plan: AccessPlan): string {
  const n = (c: string) => plan.operations.filter((o) => o.change === c).length;
  return `${n('+')} to add, ${n('~')} to change, ${n('-')} to remove`;
}

/** Unmanaged names shown per kind in the text plan. */
const UNMANAGED_SHOWN = 5;

/** The plan as text. */
export function planText(plan: AccessPlan, c: Colors): string {
  const lines: string[] = [];
  const paint: Record<string, Paint> = { '+': c.add, '-': c.remove, '~': c.change };
  if (plan.operations.length === 0) {
    lines.push(plan.blocked.length > 0 ? 'No changes can be made.' : 'No changes. The organization matches the file.');
  } else {
    lines.push(c.bold(`Plan: ${planCounts(plan)}.`), '');
    for (const op of plan.operations) lines.push(`  ${paint[op.change]!(`${op.change} ${safe(op.summary)}`)}`);
  }
  if (plan.blocked.length > 0) {
    lines.push('', c.warn(`Blocked (${plan.blocked.length}, never sent):`));
    for (const b of plan.blocked) lines.push(`  ${c.warn('!')} ${safe(b.subject)}: ${safe(b.reason)}`);
  }
  if (plan.unmanaged.length > 0) {
    lines.push('', c.dim(`Unmanaged (${plan.unmanaged.length}, left alone; --format json lists them all):`));
    for (const kind of ['role', 'group', 'user', 'project'] as const) {
      const names = plan.unmanaged.filter((u) => u.kind === kind).map((u) => safe(u.name));
      if (names.length === 0) continue;
      const shown = names.slice(0, UNMANAGED_SHOWN).join(', ');
      const more = names.length > UNMANAGED_SHOWN ? `, and ${names.length - UNMANAGED_SHOWN} more` : '';
      lines.push(c.dim(`  ${kind}s (${names.length}): ${shown}${more}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The plan as JSON: operations (operation, ids, body, summary), blocked, unmanaged. */
export function planJson(plan: AccessPlan): string {
  const operations = plan.operations.map((o) => ({ operation: o.operation, ids: o.ids, body: o.body, summary: o.summary, change: o.change, dependsOn: o.dependsOn }));
  return `${JSON.stringify({ operations, blocked: plan.blocked, unmanaged: plan.unmanaged }, null, 2)}\n`;
}

/** One line for an operation's outcome (apply without a terminal). */
export function outcomeLine(index: number, total: number, summary: string, outcome: Outcome, errorLine: (e: unknown) => string): string {
  const at = `[${index + 1}/${total}]`;
  if (outcome.status === 'done') return `${at} done: ${safe(summary)}${outcome.alreadyDone ? ' (already so)' : ''}`;
  if (outcome.status === 'failed') return `${at} failed: ${safe(summary)}: ${errorLine(outcome.error)}`;
  return `${at} skipped: ${safe(summary)}: ${outcome.reason}`;
}

/** `[#########.........] 12/40` */
export function bar(done: number, total: number, width = 30): string {
  const full = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${done}/${total}`;
}

function source(s: AccessSource): string {
  return s.kind === 'direct' ? 'direct' : `via group ${safe(s.group.name)}`;
}

export function accessText(a: AccessOfAnswer, c: Colors): string {
  const who = a.user.email ?? a.user.name ?? a.user.id;
  const lines = [c.bold(`${safe(who)}`) + c.dim(` (${a.user.id}${a.user.name && a.user.email ? `, ${safe(a.user.name)}` : ''})`)];
  lines.push(`  organization role: ${a.organizationRole ?? 'none'}${a.scim ? ' (SCIM-managed)' : ''}`);
  lines.push(`  groups: ${a.groups.length ? a.groups.map((g) => safe(g.name)).join(', ') : 'none'}`);
  lines.push(`  roles:${a.roles.length ? '' : ' none'}`);
  for (const r of a.roles) lines.push(`    ${safe(r.role.name)}: ${r.sources.map(source).join(', ')}`);
  lines.push(`  permissions: ${a.permissions.length ? a.permissions.join(', ') : 'none'}`);
  lines.push(...projectLines(a.projects, c));
  return `${lines.join('\n')}\n`;
}

export function holdersText(h: HoldersOfAnswer, c: Colors): string {
  const lines = [c.bold(`role ${safe(h.role.name)}`) + c.dim(` (${h.role.id}${h.role.predefined ? ', predefined' : ''})`)];
  lines.push(`  permissions: ${h.role.permissions.join(', ') || 'none'}`);
  lines.push(`  groups: ${h.groups.length ? h.groups.map((g) => `${safe(g.group.name)} (${g.memberCount} members)`).join(', ') : 'none'}`);
  lines.push(`  holders (${h.holders.length}):`);
  for (const x of h.holders) lines.push(`    ${safe(x.user.email ?? x.user.name ?? x.user.id)}: ${x.sources.map(source).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function groupText(g: GroupAnswer, c: Colors): string {
  const lines = [c.bold(`group ${safe(g.group.name)}`) + c.dim(` (${g.group.id}${g.scim ? ', SCIM-managed' : ''})`)];
  lines.push(`  roles: ${g.roles.length ? g.roles.map((r) => safe(r.name)).join(', ') : 'none'}`);
  lines.push(`  members (${g.members.length}):`);
  for (const m of g.members) lines.push(`    ${safe(m.email ?? m.name ?? m.id)}`);
  return `${lines.join('\n')}\n`;
}
