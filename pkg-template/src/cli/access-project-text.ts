/**
 * How `openai-admin access who` prints projects: a person's projects (role and sources) and a
 * project's holders, members, groups and custom roles.
 */
import type { AccessProjectAccess, AccessProjectUse, AccessSource, ProjectHoldersAnswer } from '../access/types.js';
import type { Colors } from './access-text.js';
import { sanitize } from './io.js';

const safe = (s: string) => sanitize(s, true);

function source(s: AccessSource): string {
  return s.kind === 'direct' ? 'direct' : `via group ${safe(s.group.name)}`;
}

/** `member`, `owner; via groups Finance, Support Team`: how someone can use a project. */
function how(a: AccessProjectUse): string {
  const ways = [
    ...(a.membership !== null ? [a.membership] : []),
    ...(a.groups.length ? [`via group${a.groups.length === 1 ? '' : 's'} ${a.groups.map((g) => safe(g.name)).join(', ')}`] : []),
  ];
  return ways.join('; ');
}

/** One line per project role: `Invoice Reader: direct, via group Finance`; and a note while a member's own are not read. */
function roleLines(a: AccessProjectUse, indent: string, c: Colors): string[] {
  const lines = a.roles.map((r) => `${indent}${safe(r.role.name)}: ${r.sources.map(source).join(', ')}`);
  if (!a.rolesRead) lines.push(c.dim(`${indent}(their own project roles are not read yet)`));
  return lines;
}

/** The lines of a person's projects, under `who EMAIL`. */
export function projectLines(projects: readonly AccessProjectAccess[], c: Colors): string[] {
  const lines = [`  projects:${projects.length ? '' : ' none'}`];
  for (const p of projects) {
    lines.push(`    ${safe(p.project.name)}${p.project.archived ? ' (archived)' : ''}: ${how(p.access)}`);
    lines.push(...roleLines(p.access, '      ', c));
  }
  return lines;
}

/** `who PROJECT`: who can use it and how, its groups with access and custom roles. */
export function projectText(h: ProjectHoldersAnswer, c: Colors): string {
  const p = h.project;
  const lines = [c.bold(`project ${safe(p.name)}`) + c.dim(` (${p.id}${p.archived ? ', archived' : ''})`)];
  lines.push(`  groups: ${h.groups.length ? h.groups.map((g) => `${safe(g.group.name)} (${g.memberCount} members; ${g.roles.map((r) => safe(r.name)).join(', ') || 'no roles'})`).join(', ') : 'none'}`);
  lines.push(`  custom roles: ${h.roles.length ? h.roles.map((r) => `${safe(r.name)} (${r.permissions.join(', ') || 'no permissions'})`).join(', ') : 'none'}`);
  lines.push(`  holders (${h.holders.length}):`);
  for (const x of h.holders) {
    lines.push(`    ${safe(x.user.email ?? x.user.name ?? x.user.id)}: ${how(x.access)}`);
    lines.push(...roleLines(x.access, '      ', c));
  }
  if (h.read.memberRoles < h.read.memberCount) {
    lines.push(c.dim(`  members' own project roles read for ${h.read.memberRoles} of ${h.read.memberCount}`));
  }
  return `${lines.join('\n')}\n`;
}
