// The 26 operations run once each through an SDK shaped as the official one (ours or `openai`'s).
// Plain ES, no Node modules: the browser test loads it into a page.

/** The operations, one call each, in an order that works on the mock's demo seed. */
export const EVERY_OPERATION = [
  'groups.list', 'groups.create', 'groups.retrieve', 'groups.update',
  'groups.users.list', 'groups.users.create', 'groups.users.retrieve', 'groups.users.delete',
  'roles.list', 'roles.create', 'roles.retrieve', 'roles.update',
  'groups.roles.list', 'groups.roles.create', 'groups.roles.retrieve', 'groups.roles.delete',
  'users.list', 'users.retrieve', 'users.update',
  'users.roles.list', 'users.roles.create', 'users.roles.retrieve', 'users.roles.delete',
  'roles.delete', 'groups.delete', 'users.delete',
];

/**
 * Runs all 26 operations with `client` (an SDK shaped as the official one: ours or `openai`'s)
 * and resolves to the names it ran, in order. Plain ES: it also runs inside a page.
 */
export async function runEveryOperation(org) {
  const ran = [];
  const step = async (name, fn) => {
    const out = await fn();
    ran.push(name);
    return out;
  };
  const firstPage = async (p) => {
    const page = await p;
    return page.data ?? page.getPaginatedItems?.() ?? [];
  };
  await step('groups.list', () => firstPage(org.groups.list({ limit: 5 })));
  const group = await step('groups.create', () => org.groups.create({ name: 'Handler Group' }));
  await step('groups.retrieve', () => org.groups.retrieve(group.id));
  await step('groups.update', () => org.groups.update(group.id, { name: 'Handler Group 2' }));
  const users = await step('groups.users.list', () => firstPage(org.groups.users.list(group.id, { limit: 5 })));
  const everyone = await firstPage(org.users.list({ limit: 10 }));
  const member = everyone.find((u) => u.role !== 'owner') ?? everyone[0];
  const spare = everyone.filter((u) => u.id !== member.id && u.role !== 'owner').at(-1);
  void users;
  await step('groups.users.create', () => org.groups.users.create(group.id, { user_id: member.id }));
  await step('groups.users.retrieve', () => org.groups.users.retrieve(member.id, { group_id: group.id }));
  await step('groups.users.delete', () => org.groups.users.delete(member.id, { group_id: group.id }));
  await step('roles.list', () => firstPage(org.roles.list({ limit: 5 })));
  const role = await step('roles.create', () =>
    org.roles.create({ role_name: `Handler Role ${Date.now()}`, permissions: ['api.groups.read'] }),
  );
  await step('roles.retrieve', () => org.roles.retrieve(role.id));
  await step('roles.update', () => org.roles.update(role.id, { description: 'through the handler' }));
  await step('groups.roles.list', () => firstPage(org.groups.roles.list(group.id)));
  await step('groups.roles.create', () => org.groups.roles.create(group.id, { role_id: role.id }));
  await step('groups.roles.retrieve', () => org.groups.roles.retrieve(role.id, { group_id: group.id }));
  await step('groups.roles.delete', () => org.groups.roles.delete(role.id, { group_id: group.id }));
  ran.push('users.list'); // listed above
  await step('users.retrieve', () => org.users.retrieve(member.id));
  await step('users.update', () => org.users.update(member.id, { role: member.role }));
  await step('users.roles.list', () => firstPage(org.users.roles.list(member.id)));
  await step('users.roles.create', () => org.users.roles.create(member.id, { role_id: role.id }));
  await step('users.roles.retrieve', () => org.users.roles.retrieve(role.id, { user_id: member.id }));
  await step('users.roles.delete', () => org.users.roles.delete(role.id, { user_id: member.id }));
  await step('roles.delete', () => org.roles.delete(role.id));
  await step('groups.delete', () => org.groups.delete(group.id));
  await step('users.delete', () => org.users.delete(spare.id));
  return ran;
}
