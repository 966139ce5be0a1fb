// Code written for the official SDK (`openai@7.57.0`), with only the import changed. It is
// type-checked twice by scripts/test-package.sh: against this package, and against `openai`
// itself (the import swapped back), so every line here is valid official usage.
//
// Never run; `tsc --strict` only. `@ts-expect-error` lines fail the build if they compile.

import OpenAI from 'openai-admin-wasm';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

const client = new OpenAI({
  adminAPIKey: 'sk-admin',
  apiKey: null,
  organization: 'org_1',
  project: null,
  webhookSecret: null,
  baseURL: 'https://api.example.com/v1',
  timeout: 20 * 1000,
  maxRetries: 0,
  fetchOptions: {},
  fetch: (url, init) => fetch(url, init),
  defaultHeaders: { 'X-Trace': 'on', 'OpenAI-Project': null },
  defaultQuery: { tenant: 'a' },
  dangerouslyAllowBrowser: false,
  logLevel: 'debug',
  logger: console,
});

const baseURL: string = client.baseURL;
const maxRetries: number = client.maxRetries;
const timeout: number = client.timeout;
const org: string | null = client.organization;
const project: string | null = client.project;
const adminKey: string | null = client.adminAPIKey;
const apiKey: string | null = client.apiKey;
void [baseURL, maxRetries, timeout, org, project, adminKey, apiKey];

async function groups() {
  const group = await client.admin.organization.groups.create({ name: 'x' });
  assertType<Equal<typeof group.group_type, 'group' | 'tenant_group'>>();
  const requestID: string | null | undefined = group._request_id;
  const updated: OpenAI.Admin.Organization.GroupUpdateResponse = await client.admin.organization.groups.update('group_id', { name: 'x' });
  const deleted = await client.admin.organization.groups.delete('group_id');
  assertType<Equal<typeof deleted.object, 'group.deleted'>>();
  const retrieved = await client.admin.organization.groups.retrieve('group_id', { timeout: 1000, maxRetries: 1 });
  void [requestID, updated, retrieved];

  const params: OpenAI.Admin.Organization.GroupCreateParams = { name: 'x' };
  const { data, response, request_id } = await client.admin.organization.groups.create(params).withResponse();
  assertType<Equal<typeof data, OpenAI.Admin.Organization.Group>>();
  const status: number = response.status;
  const id: string | null = request_id;
  const raw: Response = await client.admin.organization.groups.retrieve('group_id').asResponse();
  void [status, id, raw];

  const page: OpenAI.Admin.Organization.GroupsPage = await client.admin.organization.groups.list({ limit: 20, order: 'asc', after: 'g' });
  const items: OpenAI.Admin.Organization.Group[] = page.data;
  const next: string | null = page.next;
  const more: boolean = page.has_more;
  if (page.hasNextPage()) {
    const second: OpenAI.Admin.Organization.GroupsPage = await page.getNextPage();
    void second;
  }
  for await (const p of page.iterPages()) void p.data;
  for await (const g of client.admin.organization.groups.list()) {
    assertType<Equal<typeof g, OpenAI.Admin.Organization.Group>>();
  }
  // The official second overload: request options in the query position.
  await client.admin.organization.groups.list({ maxRetries: 1, headers: { 'X-A': 'b' } });
  await client.admin.organization.groups.list(null);
  const listed = await client.admin.organization.groups.list({ limit: 1 }).withResponse();
  void [items, next, more, listed.data.data];

  // @ts-expect-error name is required
  await client.admin.organization.groups.create({});
  // @ts-expect-error name is a string
  await client.admin.organization.groups.create({ name: 5 });
  // @ts-expect-error order is 'asc' | 'desc'
  await client.admin.organization.groups.list({ order: 'sideways' });
  // @ts-expect-error query and request options are separate arguments
  await client.admin.organization.groups.list({ limit: 1, maxRetries: 1 });
  // @ts-expect-error retrieve takes an id
  await client.admin.organization.groups.retrieve();
}

async function groupMembers() {
  const created: OpenAI.Admin.Organization.Groups.UserCreateResponse = await client.admin.organization.groups.users.create('group_id', { user_id: 'user_id' });
  assertType<Equal<typeof created.object, 'group.user'>>();
  const member: OpenAI.Admin.Organization.Groups.Users.UserRetrieveResponse = await client.admin.organization.groups.users.retrieve('user_id', { group_id: 'group_id' });
  assertType<Equal<typeof member.email, string | null>>();
  assertType<Equal<typeof member.is_service_account, boolean | null>>();
  const removed: OpenAI.Admin.Organization.Groups.UserDeleteResponse = await client.admin.organization.groups.users.delete('user_id', { group_id: 'group_id' });
  assertType<Equal<typeof removed.object, 'group.user.deleted'>>();
  for await (const u of client.admin.organization.groups.users.list('group_id', { limit: 10 })) {
    assertType<Equal<typeof u, OpenAI.Admin.Organization.Groups.OrganizationGroupUser>>();
    const email: string | null = u.email;
    void email;
  }
  const page: OpenAI.Admin.Organization.Groups.OrganizationGroupUsersPage = await client.admin.organization.groups.users.list('group_id');
  void page;
  const p: OpenAI.Admin.Organization.Groups.UserRetrieveParams = { group_id: 'g' };
  void p;
  // @ts-expect-error group_id is required
  await client.admin.organization.groups.users.retrieve('user_id', {});
  // @ts-expect-error the params are required
  await client.admin.organization.groups.users.delete('user_id');
}

async function groupRoles() {
  const assigned: OpenAI.Admin.Organization.Groups.RoleCreateResponse = await client.admin.organization.groups.roles.create('group_id', { role_id: 'role_id' });
  assertType<Equal<typeof assigned.object, 'group.role'>>();
  const g: OpenAI.Admin.Organization.Groups.RoleCreateResponse.Group = assigned.group;
  assertType<Equal<typeof g.object, 'group'>>();
  const role: OpenAI.Admin.Organization.Role = assigned.role;
  const details: OpenAI.Admin.Organization.Groups.Roles.RoleRetrieveResponse = await client.admin.organization.groups.roles.retrieve('role_id', { group_id: 'group_id' });
  assertType<Equal<typeof details.assignment_sources, Array<OpenAI.Admin.Organization.Groups.RoleRetrieveResponse.AssignmentSource> | null>>();
  assertType<Equal<typeof details.created_at, number | null>>();
  const removed = await client.admin.organization.groups.roles.delete('role_id', { group_id: 'group_id' });
  assertType<Equal<typeof removed.object, string>>();
  for await (const r of client.admin.organization.groups.roles.list('group_id')) {
    assertType<Equal<typeof r, OpenAI.Admin.Organization.Groups.RoleListResponse>>();
  }
  void [role];
}

async function roles() {
  const role = await client.admin.organization.roles.create({ permissions: ['string'], role_name: 'role_name', description: null });
  assertType<Equal<typeof role, OpenAI.Admin.Organization.Role & { _request_id?: string | null }>>();
  assertType<Equal<typeof role.description, string | null>>();
  assertType<Equal<typeof role.object, 'role'>>();
  const updated = await client.admin.organization.roles.update('role_id', { description: null });
  await client.admin.organization.roles.update('role_id', {});
  const params: OpenAI.Admin.Organization.RoleUpdateParams = { permissions: null, role_name: null };
  const deleted: OpenAI.Admin.Organization.RoleDeleteResponse = await client.admin.organization.roles.delete('role_id');
  assertType<Equal<typeof deleted.object, 'role.deleted'>>();
  const page: OpenAI.Admin.Organization.RolesPage = await client.admin.organization.roles.list({ limit: 5 });
  const listParams: OpenAI.Admin.Organization.Roles.RoleListParams = { order: 'desc' };
  void [updated, params, page, listParams];
  // @ts-expect-error permissions is required
  await client.admin.organization.roles.create({ role_name: 'x' });
}

async function users() {
  const user: OpenAI.Admin.Organization.OrganizationUser = await client.admin.organization.users.retrieve('user_id');
  assertType<Equal<typeof user.object, 'organization.user'>>();
  assertType<Equal<typeof user.email, string | null | undefined>>();
  const projects: OpenAI.Admin.Organization.OrganizationUser.Projects | null | undefined = user.projects;
  const nested: OpenAI.Admin.Organization.Users.OrganizationUser.User | undefined = user.user;
  const updated = await client.admin.organization.users.update('user_id', { role: 'member', developer_persona: null });
  await client.admin.organization.users.update('user_id', {});
  const deleted: OpenAI.Admin.Organization.UserDeleteResponse = await client.admin.organization.users.delete('user_id');
  assertType<Equal<typeof deleted.object, 'organization.user.deleted'>>();
  const page: OpenAI.Admin.Organization.OrganizationUsersPage = await client.admin.organization.users.list({ emails: ['a@example.com'], limit: 100 });
  const lastID: string = page.last_id;
  for await (const u of client.admin.organization.users.list()) {
    assertType<Equal<typeof u, OpenAI.Admin.Organization.OrganizationUser>>();
  }
  const params: OpenAI.Admin.Organization.Users.UserListParams = { after: 'user_1' };
  void [projects, nested, updated, lastID, params];
  // @ts-expect-error emails is an array
  await client.admin.organization.users.list({ emails: 'a@example.com' });
}

async function userRoles() {
  const assigned: OpenAI.Admin.Organization.Users.RoleCreateResponse = await client.admin.organization.users.roles.create('user_id', { role_id: 'role_id' });
  assertType<Equal<typeof assigned.object, 'user.role'>>();
  const user: OpenAI.Admin.Organization.OrganizationUser = assigned.user;
  const details: OpenAI.Admin.Organization.Users.Roles.RoleRetrieveResponse = await client.admin.organization.users.roles.retrieve('role_id', { user_id: 'user_id' });
  const removed: OpenAI.Admin.Organization.Users.RoleDeleteResponse = await client.admin.organization.users.roles.delete('role_id', { user_id: 'user_id' });
  const page: OpenAI.Admin.Organization.Users.RoleListResponsesPage = await client.admin.organization.users.roles.list('user_id', { limit: 2 });
  const item: OpenAI.Admin.Organization.Users.RoleListResponse | undefined = page.data[0];
  void [user, details, removed, item];
  // @ts-expect-error user_id is required
  await client.admin.organization.users.roles.retrieve('role_id', { group_id: 'g' });
}

async function errors() {
  try {
    await client.admin.organization.groups.retrieve('group_id', { signal: new AbortController().signal, headers: { 'X-A': null } });
  } catch (err) {
    if (err instanceof OpenAI.NotFoundError) {
      const status: 404 = err.status;
      const headers: Headers = err.headers;
      const rid: string | null | undefined = err.requestID;
      void [status, headers, rid];
    } else if (err instanceof OpenAI.BadRequestError) {
      const param: string | null | undefined = err.param;
      void param;
    } else if (err instanceof OpenAI.APIConnectionTimeoutError || err instanceof OpenAI.APIUserAbortError) {
      const s: undefined = err.status;
      void s;
    } else if (err instanceof OpenAI.APIError) {
      const s: number | undefined = err.status;
      void s;
    } else if (err instanceof OpenAI.OpenAIError) {
      void err.message;
    }
  }
  const e: InstanceType<typeof OpenAI.APIError> = new OpenAI.NotFoundError(404, { message: 'x' }, undefined, new Headers());
  void e;
}

async function projects() {
  const org = client.admin.organization;
  const project: OpenAI.Admin.Organization.Project = await org.projects.create({ name: 'x', residency: 'EU_STORAGE_PROCESSING' });
  assertType<Equal<typeof project.object, 'organization.project'>>();
  const archived = await org.projects.archive(project.id);
  const status: string | null | undefined = archived.status;
  await org.projects.update(project.id, { name: null, external_key_id: 'k' });
  const page: OpenAI.Admin.Organization.ProjectsPage = await org.projects.list({ include_archived: true, limit: 5 });
  const last: string | null | undefined = page.last_id;
  for await (const p of org.projects.list()) assertType<Equal<typeof p, OpenAI.Admin.Organization.Projects.Project>>();
  await org.projects.list({ maxRetries: 1 });
  void [status, last];

  const member: OpenAI.Admin.Organization.Projects.ProjectUser = await org.projects.users.create('proj', { user_id: 'u', role: 'member' });
  await org.projects.users.update(member.id, { project_id: 'proj', role: 'owner' });
  const removed = await org.projects.users.delete(member.id, { project_id: 'proj' });
  assertType<Equal<typeof removed.object, 'organization.project.user.deleted'>>();
  for await (const u of org.projects.users.list('proj', { limit: 10 })) assertType<Equal<typeof u.role, string>>();

  const assigned: OpenAI.Admin.Organization.Projects.Users.RoleCreateResponse = await org.projects.users.roles.create('u', { project_id: 'proj', role_id: 'role-api-project-owner' });
  assertType<Equal<typeof assigned.object, 'user.role'>>();
  for await (const r of org.projects.users.roles.list('u', { project_id: 'proj', order: 'desc' })) void r.assignment_sources;
  await org.projects.users.roles.retrieve('r', { project_id: 'proj', user_id: 'u' });
  await org.projects.users.roles.delete('r', { project_id: 'proj', user_id: 'u' });

  const access: OpenAI.Admin.Organization.Projects.ProjectGroup = await org.projects.groups.create('proj', { group_id: 'g', role: 'r' });
  assertType<Equal<typeof access.group_type, 'group' | 'tenant_group'>>();
  await org.projects.groups.retrieve('g', { project_id: 'proj', group_type: 'tenant_group' });
  const revoked = await org.projects.groups.delete('g', { project_id: 'proj' });
  assertType<Equal<typeof revoked.object, 'project.group.deleted'>>();
  const groupsPage: OpenAI.Admin.Organization.Projects.ProjectGroupsPage = await org.projects.groups.list('proj', { order: 'asc' });
  await org.projects.groups.roles.create('g', { project_id: 'proj', role_id: 'r' });
  for await (const r of org.projects.groups.roles.list('g', { project_id: 'proj' })) void r.id;
  await org.projects.groups.roles.retrieve('r', { project_id: 'proj', group_id: 'g' });
  await org.projects.groups.roles.delete('r', { project_id: 'proj', group_id: 'g' });

  const role: OpenAI.Admin.Organization.Role = await org.projects.roles.create('proj', { role_name: 'x', permissions: [] });
  await org.projects.roles.update(role.id, { project_id: 'proj', description: null });
  await org.projects.roles.retrieve(role.id, { project_id: 'proj' });
  const deleted = await org.projects.roles.delete(role.id, { project_id: 'proj' });
  assertType<Equal<typeof deleted.object, 'role.deleted'>>();
  for await (const r of org.projects.roles.list('proj')) assertType<Equal<typeof r, OpenAI.Admin.Organization.Role>>();
  void groupsPage;

  // @ts-expect-error project_id is required
  await org.projects.users.roles.list('u', {});
  // @ts-expect-error the params are required
  await org.projects.groups.roles.list('g');
  // @ts-expect-error the role is required
  await org.projects.users.create('proj', { user_id: 'u' });
}

type Admin = OpenAI.Admin;
const organization: OpenAI.Admin.Organization = client.admin.organization;
const groupsResource: OpenAI.Admin.Organization.Groups = organization.groups;
const membersResource: OpenAI.Admin.Organization.Groups.Users = groupsResource.users;
const projectsResource: OpenAI.Admin.Organization.Projects = organization.projects;
void [organization, groupsResource, membersResource, projectsResource, groups, groupMembers, groupRoles, roles, users, userRoles, errors, projects];
export type { Admin };
