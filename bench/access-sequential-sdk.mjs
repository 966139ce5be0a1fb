// The straightforward script a dashboard writes with the official SDK to learn who has what: every
// user, group and role, then each group's members and roles, then each user's roles, one request
// after another. The baseline of bench/access.mjs.
import OpenAI from 'openai';

/** Reads the organization with `client` (an official `OpenAI` client); resolves to the counts. */
export async function loadSequentially(client) {
  const org = client.admin.organization;
  const users = [];
  for await (const u of org.users.list({ limit: 100 })) users.push(u);
  const groups = [];
  for await (const g of org.groups.list()) groups.push(g);
  const roles = [];
  for await (const r of org.roles.list()) roles.push(r);
  const members = new Map();
  const groupRoles = new Map();
  for (const g of groups) {
    const m = [];
    for await (const u of org.groups.users.list(g.id)) m.push(u);
    members.set(g.id, m);
    const r = [];
    for await (const x of org.groups.roles.list(g.id)) r.push(x);
    groupRoles.set(g.id, r);
  }
  const userRoles = new Map();
  for (const u of users) {
    const r = [];
    for await (const x of org.users.roles.list(u.id)) r.push(x);
    userRoles.set(u.id, r);
  }
  let memberships = 0;
  for (const m of members.values()) memberships += m.length;
  return { users: users.length, groups: groups.length, roles: roles.length, memberships, userRoles: userRoles.size };
}

export function officialClient(baseURL, adminAPIKey) {
  return new OpenAI({ adminAPIKey, apiKey: 'unused', baseURL });
}
