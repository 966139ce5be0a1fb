// Every write of the page that changes who has what: planned by the access core (the
// Organization's `planMembership`, `planPerson` and `planProjectMembership`; a group's roles
// through org-api.js),
// refused as a whole when the core says so, shown in the preview (plan.js) where nothing is sent
// before Apply, applied, then given to the model in memory and to the store (store.js), which
// tells every section. The sections hold no access rule of their own: the last owner, SCIM, an
// unknown person and what is already so are the core's answers. Pure: the preview, the apply
// and the client are injected (tests run it in Node with fakes).
import { planGroupRoles } from './org-api.js';
import { touchedBy } from './store.js';

/** An access file rather than a CSV: by its name, else by its first meaningful line. */
export function isAccessFile(name, text) {
  if (/\.(ya?ml|json)$/i.test(name)) return true;
  if (/\.csv$/i.test(name)) return false;
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  return /^\s*(\{|(roles|groups|users|projects)\s*:)/.test(first);
}

/** Splits pasted text (lines, commas, semicolons, spaces) into distinct entries. */
export function entries(text) {
  return [...new Set(String(text).split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
}

/**
 * `createActions({ store, applyPlan, preview })`:
 * - `applyPlan(client, plan, options)`: the access module's, resolving to one outcome per operation;
 * - `preview({ plan, title, opener, notFound, notes, apply })`: shows the plan and resolves to
 *   whether Apply ran; its Apply (and each Retry) calls `apply(plan, options)`.
 *
 * Each action resolves to `{ status: 'applied' | 'cancelled' }`, or `{ status: 'refused', reason }`
 * when the core refuses the whole change (no preview is shown then).
 */
export function createActions({ store, applyPlan, preview }) {
  /** The core's refusal of the whole plan (`refused`), in the words of its first blocked entry. */
  const refusal = (plan) => (plan.refused ? plan.blocked[0] ?? { reason: plan.refused } : null);

  /** Applies `plan` and records it in `org` (when it is still the store's) and the store. */
  async function applyTo(org, plan, options) {
    const outcomes = await applyPlan(store.state.client, plan, options);
    if (org && org === store.state.org) {
      org.applyOutcomes(plan, outcomes);
      store.changed(touchedBy(plan, outcomes));
    }
    return outcomes;
  }

  /** Previews `plan` (unless the core refused it), applying it on Apply. */
  async function propose(org, plan, { title, opener, notFound = [], notes = [] }) {
    const refused = refusal(plan);
    if (refused) return { status: 'refused', reason: refused.reason };
    const applied = await preview({ plan, title, opener, notFound, notes, apply: (p, options) => applyTo(org, p, options) });
    return { status: applied ? 'applied' : 'cancelled' };
  }

  /** People (ids or emails) as the organization knows them, and those it does not. */
  function resolve(org, people) {
    const found = [];
    const notFound = [];
    for (const p of people) {
      const u = org.user(p);
      if (u) found.push(u.email ?? u.id);
      else notFound.push(p);
    }
    return { found: [...new Set(found)], notFound };
  }

  const groupName = (org, group) => org.group(group)?.group.name ?? group;
  const projectName = (org, project) => org.holdersOfProject(project)?.project.name ?? project;

  return {
    applyTo,
    /**
     * A write of a group's or a role's own fields (create, rename, edit, delete), sent directly by
     * `send()` (no access rule is involved) and then recorded like a plan's operation, so that the
     * model in memory and every section follow it. `operation` is the table's name
     * (`groups.update`, …), `ids` its path parameters. Resolves to `send()`'s result.
     */
    async direct({ operation, ids = {}, body = null, send }) {
      const result = await send();
      const org = store.state.org;
      const change = operation.endsWith('.create') ? '+' : operation.endsWith('.delete') ? '-' : '~';
      const plan = { operations: [{ operation, ids, body, summary: operation, change, dependsOn: [] }], blocked: [], unmanaged: [] };
      const outcomes = [{ status: 'done', result }];
      try {
        org?.applyOutcomes(plan, outcomes);
        store.changed(touchedBy(plan, outcomes));
      } catch {
        // The model could not follow (e.g. it had not read that group yet): read it again.
        store.invalidate();
      }
      return result;
    },
    /** Adds people (ids or emails) to a group; those the organization lacks are listed, left out. */
    async addMembers({ group, people, opener }) {
      const org = await store.organization();
      const { found, notFound } = resolve(org, people);
      const plan = org.planMembership({ group, add: found });
      return propose(org, plan, { title: `Add to ${groupName(org, group)}`, opener, notFound });
    },
    /** Removes people (ids or emails) from a group. */
    async removeMembers({ group, people, opener }) {
      const org = await store.organization();
      const plan = org.planMembership({ group, remove: people });
      return propose(org, plan, { title: `Remove from ${groupName(org, group)}`, opener });
    },
    /** One person's change (the core's `planPerson`): the organization role, groups, direct roles. */
    async changePerson({ user, opener, title, ...change }) {
      const org = await store.organization();
      const plan = org.planPerson({ user, ...change });
      const who = org.user(user);
      return propose(org, plan, { title: title ?? `Change ${who?.name || who?.email || user}`, opener });
    },
    /**
     * Adds people (ids or emails) to a project with a project role (`owner` or `member`); those
     * the organization lacks are listed, left out.
     */
    async addProjectMembers({ project, people, role, opener }) {
      const org = await store.organization();
      const { found, notFound } = resolve(org, people);
      const plan = org.planProjectMembership({ project, add: found.map((user) => ({ user, role })) });
      return propose(org, plan, { title: `Add to project ${projectName(org, project)} as ${role}`, opener, notFound });
    },
    /** Removes people (ids or emails) from a project. */
    async removeProjectMembers({ project, people, opener }) {
      const org = await store.organization();
      const plan = org.planProjectMembership({ project, remove: people });
      return propose(org, plan, { title: `Remove from project ${projectName(org, project)}`, opener });
    },
    /**
     * Gives a project member (id or email) project roles of their own and takes others back
     * (roles by id or name), through the core's `planProjectMembership`.
     */
    async changeProjectMemberRoles({ project, user, addRoles = [], removeRoles = [], opener }) {
      const org = await store.organization();
      const pair = (role) => ({ user, role });
      const plan = org.planProjectMembership({ project, addRoles: addRoles.map(pair), removeRoles: removeRoles.map(pair) });
      const who = org.user(user);
      return propose(org, plan, { title: `Change the project roles of ${who?.name || who?.email || user} in ${projectName(org, project)}`, opener });
    },
    /** Assigns and unassigns roles of a group. */
    async changeGroupRoles({ group, addRoles, removeRoles, opener }) {
      const org = await store.organization();
      const plan = planGroupRoles(org, { group, addRoles, removeRoles });
      return propose(org, plan, { title: `Change ${groupName(org, group)}`, opener });
    },
    /**
     * An imported memberships CSV or access file. Throws the core's `AccessFileError` (every bad
     * row or entry in `errors`, each with its line) for a file it cannot read.
     */
    async importFile({ name, text, opener }) {
      const org = await store.organization();
      const yaml = isAccessFile(name, text);
      const plan = yaml ? org.plan(text) : org.planCsv(text);
      const notes = yaml && plan.unmanaged.length ? [`Not in the file, left alone: ${plan.unmanaged.length}.`] : [];
      return propose(org, plan, { title: `Import ${name}`, opener, notes });
    },
    /**
     * Deletes a user once `confirm()` resolves true; refused first when the organization would be
     * left without an owner (the core's rule: the user's plan to stop being an owner is refused).
     */
    async deleteUser({ user, confirm }) {
      const org = await store.organization();
      const refused = refusal(org.planPerson({ user, organizationRole: 'reader' }));
      if (refused) return { status: 'refused', reason: refused.reason };
      if (!(await confirm())) return { status: 'cancelled' };
      const id = org.user(user)?.id ?? user;
      await store.state.client.admin.organization.users.delete(id);
      // The model has no user removal: the organization is read again.
      store.invalidate();
      return { status: 'applied' };
    },
  };
}
