// The 27 project operations run once each through an SDK shaped as the official one (ours or
// `openai`'s), on the mock's demo seed. Plain ES, no Node modules, so that a page can load it too.

/** The operations, in the order the program runs them. */
export const EVERY_PROJECT_OPERATION = [
  'projects.list', 'projects.create', 'projects.retrieve', 'projects.update',
  'projects.users.create', 'projects.users.list', 'projects.users.retrieve', 'projects.users.update',
  'projects.roles.list', 'projects.roles.create', 'projects.roles.retrieve', 'projects.roles.update',
  'projects.users.roles.create', 'projects.users.roles.list', 'projects.users.roles.retrieve', 'projects.users.roles.delete',
  'projects.groups.create', 'projects.groups.list', 'projects.groups.retrieve',
  'projects.groups.roles.create', 'projects.groups.roles.list', 'projects.groups.roles.retrieve', 'projects.groups.roles.delete',
  'projects.groups.delete', 'projects.users.delete', 'projects.roles.delete', 'projects.archive',
];

/** The short id of the predefined project owner role, which the API answers in its long form. */
export const OWNER_ROLE = 'role-api-project-owner';

/**
 * Runs all 27 operations with `org` (`client.admin.organization` of either SDK) and resolves to
 * `{ ran, results }`: the names run, in order, and each call's result as plain JSON (lists read
 * whole with `for await`), for comparing two SDKs on the same seed.
 */
export async function runEveryProjectOperation(org) {
  const ran = [];
  const results = {};
  const plain = (value) => JSON.parse(JSON.stringify(value));
  const collect = async (pages) => {
    const items = [];
    for await (const item of pages) items.push(item);
    return items;
  };
  const step = async (name, fn) => {
    const out = await fn();
    ran.push(name);
    results[name] = plain(out);
    return out;
  };
  await step('projects.list', () => collect(org.projects.list({ limit: 2 })));
  const project = await step('projects.create', () => org.projects.create({ name: 'Ops Project' }));
  const project_id = project.id;
  await step('projects.retrieve', () => org.projects.retrieve(project_id));
  await step('projects.update', () => org.projects.update(project_id, { name: 'Ops Project 2' }));

  const everyone = (await org.users.list({ limit: 10 })).data;
  const [member, second] = everyone.filter((u) => u.email);
  await step('projects.users.create', () => org.projects.users.create(project_id, { user_id: member.id, role: 'owner' }));
  await org.projects.users.create(project_id, { email: second.email, role: 'member' });
  await step('projects.users.list', () => collect(org.projects.users.list(project_id, { limit: 1 })));
  await step('projects.users.retrieve', () => org.projects.users.retrieve(member.id, { project_id }));
  await step('projects.users.update', () => org.projects.users.update(second.id, { project_id, role: 'owner' }));

  await step('projects.roles.list', () => collect(org.projects.roles.list(project_id, { limit: 2 })));
  const role = await step('projects.roles.create', () =>
    org.projects.roles.create(project_id, { role_name: 'Ops Role', permissions: ['api.organization.projects.api_keys.read'] }),
  );
  await step('projects.roles.retrieve', () => org.projects.roles.retrieve(role.id, { project_id }));
  await step('projects.roles.update', () => org.projects.roles.update(role.id, { project_id, description: 'Ops keys' }));

  // The short id goes in; the long one comes back.
  await step('projects.users.roles.create', () => org.projects.users.roles.create(member.id, { project_id, role_id: OWNER_ROLE }));
  await org.projects.users.roles.create(member.id, { project_id, role_id: role.id });
  await step('projects.users.roles.list', () => collect(org.projects.users.roles.list(member.id, { project_id, limit: 1 })));
  await step('projects.users.roles.retrieve', () => org.projects.users.roles.retrieve(role.id, { project_id, user_id: member.id }));
  await step('projects.users.roles.delete', () => org.projects.users.roles.delete(role.id, { project_id, user_id: member.id }));

  const group = (await org.groups.list({ limit: 1 })).data[0];
  await step('projects.groups.create', () => org.projects.groups.create(project_id, { group_id: group.id, role: 'role-api-project-member' }));
  await step('projects.groups.list', () => collect(org.projects.groups.list(project_id)));
  await step('projects.groups.retrieve', () => org.projects.groups.retrieve(group.id, { project_id, group_type: 'group' }));
  await step('projects.groups.roles.create', () => org.projects.groups.roles.create(group.id, { project_id, role_id: role.id }));
  await step('projects.groups.roles.list', () => collect(org.projects.groups.roles.list(group.id, { project_id })));
  await step('projects.groups.roles.retrieve', () => org.projects.groups.roles.retrieve(role.id, { project_id, group_id: group.id }));
  await step('projects.groups.roles.delete', () => org.projects.groups.roles.delete(role.id, { project_id, group_id: group.id }));
  await step('projects.groups.delete', () => org.projects.groups.delete(group.id, { project_id }));
  await step('projects.users.delete', () => org.projects.users.delete(second.id, { project_id }));
  await step('projects.roles.delete', () => org.projects.roles.delete(role.id, { project_id }));
  await step('projects.archive', () => org.projects.archive(project_id));
  return { ran, results, project_id, member: member.id };
}

/** `value` with the wall-clock times of records made during a run replaced, for comparing runs. */
export function withoutTimes(value) {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (['created_at', 'updated_at', 'added_at', 'archived_at'].includes(key) && typeof v === 'number' && v > 1_750_000_000 ? 'now' : v)),
  );
}
