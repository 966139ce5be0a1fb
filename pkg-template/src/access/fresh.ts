/**
 * Plans on fresh facts: before a plan, the lists (users, groups, roles, projects) and what the file
 * names (each group it lists: members and roles; each user whose roles it sets; each project it
 * lists: members, groups with access, roles and those groups' project roles, and its members' own
 * project roles when it gives the project's `users:`) are read again, whatever
 * the snapshot holds; nothing else is read. A file that names one group costs a handful of
 * requests; a whole dump used as a file names everything, and costs a whole read.
 */
import { AccessModel } from '../../wasm/openai_admin_access.js';
import { Loader, type EntityRef, type LoadOptions } from './load.js';
import { groupRoleEntities } from './load-projects.js';
import { Organization, loadAccessModule, modelSink } from './model.js';
import { pairId, Snapshot } from './snapshot.js';
import type { AdminClient } from './client.js';

export interface FreshPlanOptions extends LoadOptions {
  prune?: boolean;
  /** The file is CSV rows (`planCsv`: `group,email[,action]` or `project,email,role[,action]`), not an access file. */
  csv?: boolean;
}

/** A model filled from the snapshot alone (the access module must be loaded). */
function fill(snapshot: Snapshot): AccessModel {
  const model = new AccessModel();
  snapshot.fill(model);
  return model;
}

/** The per-group and per-user reads a file's plan depends on: the groups and users it manages. */
function namedBy(model: AccessModel, file: string, options: FreshPlanOptions): EntityRef[] {
  const plan = options.csv ? model.planCsv(file) : model.plan(file, { prune: options.prune === true });
  const unmanaged = new Set(plan.unmanaged.map((u) => `${u.kind}:${u.id}`));
  const ids = (kind: 'groups' | 'users') => (model.items(kind) as { id: string }[]).map((i) => i.id);
  const groups = ids('groups').filter((id) => !unmanaged.has(`group:${id}`));
  const users = options.csv ? [] : ids('users').filter((id) => !unmanaged.has(`user:${id}`));
  return [
    ...groups.flatMap((id): EntityRef[] => [
      { kind: 'members', id },
      { kind: 'groupRoles', id },
    ]),
    ...users.map((id): EntityRef => ({ kind: 'userRoles', id })),
  ];
}

/**
 * The active projects a file's `projects:` section names (none without the section): their
 * members, groups with access and roles are read again, then those groups' project roles. The
 * section is looked for in the text (a top-level `projects` key, YAML or JSON); a file that only
 * seems to have one costs the projects' reads, never a wrong plan. CSV rows name projects only
 * when they are project rows (the core says: `csvHasProjectRows`); their plan then lists as
 * unmanaged the active projects the rows do not name.
 */
function projectsNamedBy(model: AccessModel, file: string, options: FreshPlanOptions): string[] {
  if (options.csv ? !AccessModel.csvHasProjectRows(file) : !/^\s*["']?projects["']?\s*:|"projects"\s*:/m.test(file)) return [];
  const plan = options.csv ? model.planCsv(file) : model.plan(file, { prune: options.prune === true });
  const unmanaged = new Set(plan.unmanaged.filter((u) => u.kind === 'project').map((u) => u.id));
  return model.projects(false).map((r) => r.project.id).filter((id) => !unmanaged.has(id));
}

/** The members' project role lists a plan of `file` depends on (`planRoleReads`, the core's). */
function memberRoleReads(model: AccessModel, file: string): EntityRef[] {
  return model.planRoleReads(file).map((r): EntityRef => ({ kind: 'projectUserRoles', id: pairId(r.projectId, r.userId) }));
}

/**
 * The organization as a plan of `file` needs it, read fresh: the lists, then what the file names
 * (throws the file's `AccessFileError` before reading anything more when the file is bad). The
 * snapshot (when given) is updated with every read.
 */
export async function loadForPlan(client: AdminClient, file: string, options: FreshPlanOptions = {}): Promise<Organization> {
  await loadAccessModule();
  const snapshot = options.snapshot ?? Snapshot.empty('', '');
  let model = new AccessModel();
  const sink = modelSink(() => model);
  // Archived projects listed too, so that a file naming one is told it is archived (their own
  // lists are never read).
  const loader = new Loader(client, sink, { ...options, snapshot, includeArchived: true });
  try {
    await loader.lists(true);
    model.free();
    model = fill(snapshot);
    // Named again once what was created since is listed: the reads of what the file names.
    const projects = projectsNamedBy(model, file, options);
    // CSV rows name a project's members only: its members are all their plan reads.
    const projectReads = projects.flatMap((id): EntityRef[] =>
      options.csv
        ? [{ kind: 'projectMembers', id }]
        : [
            { kind: 'projectMembers', id },
            { kind: 'projectGroups', id },
            { kind: 'projectRoles', id },
          ],
    );
    await loader.entities([...namedBy(model, file, options), ...projectReads], true);
    if (!options.csv && projects.length > 0) {
      await loader.entities(groupRoleEntities(snapshot, projects), true);
      // The members' own project roles of each project whose `users:` the file gives, once its
      // members are read again: those projects' only (the core names them), never all projects'.
      model.free();
      model = fill(snapshot);
      await loader.entities(memberRoleReads(model, file), true);
    }
    loader.finish();
  } finally {
    model.free();
  }
  const org = new Organization(fill(snapshot), loader.stats());
  Organization.attach(org, loader, Promise.resolve());
  return org;
}

/** The organization as the snapshot holds it, with no read (for a saved plan's apply). */
export async function organizationOf(snapshot: Snapshot): Promise<Organization> {
  await loadAccessModule();
  return new Organization(fill(snapshot));
}
