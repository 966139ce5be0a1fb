// Type-level test of the shipped declarations: every method with its precise types, pages, error
// narrowing, and calls that must not compile (`@ts-expect-error` fails the build if they do).
//
//   node_modules/.bin/tsc -p tests/types --noEmit --strict
//
// Never run; `tsc` only. `Equal` asserts exact types, so an `any` sneaking in fails too.

import OpenAIAdmin, {
  OpenAIAdmin as Named,
  APIError,
  NotFoundError,
  InvalidArgumentError,
  APIUserAbortError,
  CursorPage,
  PagePromise,
  type ClientOptions,
  type RequestOptions,
  type Group,
  type GroupDeleteResponse,
  type GroupUpdateResponse,
  type GroupUserCreateResponse,
  type GroupUserRetrieveResponse,
  type GroupUserDeleteResponse,
  type GroupRoleCreateResponse,
  type AssignedRoleDetails,
  type RoleAssignmentDeleteResponse,
  type Role,
  type RoleDeleteResponse,
  type OrganizationUser,
  type OrganizationGroupUser,
  type UserDeleteResponse,
  type UserRoleCreateResponse,
  type Order,
  type UserRole,
  type GroupList,
  type UserList,
} from 'openai-admin-wasm';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}
type IsAny<T> = 0 extends 1 & T ? true : false;
type NotAny<T> = IsAny<T> extends true ? false : true;

const options: ClientOptions = {
  adminAPIKey: 'sk-admin-demo',
  baseURL: 'http://127.0.0.1:8787/v1',
  organization: 'org_1',
  project: 'proj_1',
  maxRetries: 1,
  timeout: 10_000,
  defaultHeaders: { 'x-app': 'types', 'x-removed': null },
  dangerouslyAllowBrowser: true,
  fetch: (request: Request) => fetch(request),
};
const client = new OpenAIAdmin(options);
const same: Named = new Named();
assertType<Equal<typeof OpenAIAdmin, typeof Named>>();
assertType<Equal<typeof OpenAIAdmin.NotFoundError, typeof NotFoundError>>();
void same;

const org = client.admin.organization;
const controller = new AbortController();
const call: RequestOptions = {
  signal: controller.signal,
  timeout: 500,
  maxRetries: 0,
  headers: { 'x-trace': 'abc', 'x-drop': null },
};

async function groups(): Promise<void> {
  const g = await org.groups.retrieve('group_1', call);
  assertType<NotAny<typeof g>>();
  assertType<Equal<typeof g, Group & { _request_id?: string | null }>>();
  const plain: Group = g;
  const id: string = g.id;
  const name: string = g.name;
  const created: number = g.created_at;
  const scim: boolean = g.is_scim_managed;
  const kind: 'group' | 'tenant_group' = g.group_type;
  const rid: string | null | undefined = g._request_id;
  const made: Group = await org.groups.create({ name: 'New' });
  const updated: GroupUpdateResponse = await org.groups.update(made.id, { name: 'Renamed' });
  const deleted: GroupDeleteResponse = await org.groups.delete(made.id);
  const flag: boolean = deleted.deleted;
  void [plain, id, name, created, scim, kind, rid, updated, flag];

  const promise = org.groups.list({ limit: 10, order: 'desc', after: 'group_0' });
  assertType<Equal<typeof promise, PagePromise<CursorPage<Group, GroupList> & GroupList, Group>>>();
  const page = await promise;
  const items: Group[] = page.data;
  const more: boolean = page.has_more;
  const next: string | null | undefined = page.next;
  const pageRid: string | null = page._request_id;
  if (page.hasNextPage()) {
    const second = await page.getNextPage();
    const secondItems: Group[] = second.data;
    void secondItems;
  }
  for await (const p of page.iterPages()) {
    const each: Group[] = p.getPaginatedItems();
    void each;
  }
  for await (const group of org.groups.list()) {
    assertType<Equal<typeof group, Group>>();
  }
  void [items, more, next, pageRid];
}

async function groupLinks(): Promise<void> {
  const added: GroupUserCreateResponse = await org.groups.users.create('group_1', { user_id: 'user_1' });
  const member: GroupUserRetrieveResponse = await org.groups.users.retrieve('user_1', { group_id: 'group_1' });
  const userType: 'user' | 'tenant_user' = member.user_type;
  const removed: GroupUserDeleteResponse = await org.groups.users.delete('user_1', { group_id: 'group_1' });
  for await (const m of org.groups.users.list('group_1', { order: 'asc', limit: 2 })) {
    assertType<Equal<typeof m, OrganizationGroupUser>>();
  }
  const assigned: GroupRoleCreateResponse = await org.groups.roles.create('group_1', { role_id: 'role_1' });
  const scim: boolean = assigned.group.scim_managed;
  const role: Role = assigned.role;
  const details: AssignedRoleDetails = await org.groups.roles.retrieve('role_1', { group_id: 'group_1' });
  const perms: string[] = details.permissions;
  const unassigned: RoleAssignmentDeleteResponse = await org.groups.roles.delete('role_1', { group_id: 'group_1' });
  for await (const r of org.groups.roles.list('group_1')) {
    assertType<Equal<typeof r, AssignedRoleDetails>>();
  }
  void [added, userType, removed, scim, role, perms, unassigned];
}

async function roles(): Promise<void> {
  const made: Role = await org.roles.create({ role_name: 'Auditor', permissions: ['api.groups.read'], description: null });
  const got: Role = await org.roles.retrieve(made.id);
  const renamed: Role = await org.roles.update(made.id, { role_name: 'Auditor 2' });
  const gone: RoleDeleteResponse = await org.roles.delete(made.id);
  const predefined: boolean = got.predefined_role;
  for await (const r of org.roles.list({ limit: 100 })) {
    assertType<Equal<typeof r, Role>>();
  }
  void [renamed, gone, predefined];
}

async function users(): Promise<void> {
  const page = await org.users.list({ limit: 20, emails: ['ada@example.com'] });
  const last: string | null | undefined = page.last_id;
  assertType<Equal<typeof page.data, UserList['data']>>();
  const u: OrganizationUser = await org.users.retrieve('user_1');
  const role: UserRole = 'owner';
  const up: OrganizationUser = await org.users.update(u.id, { role, technical_level: null });
  const gone: UserDeleteResponse = await org.users.delete(u.id);
  const assigned: UserRoleCreateResponse = await org.users.roles.create(u.id, { role_id: 'role_1' });
  const details: AssignedRoleDetails = await org.users.roles.retrieve('role_1', { user_id: u.id });
  const unassigned: RoleAssignmentDeleteResponse = await org.users.roles.delete('role_1', { user_id: u.id });
  for await (const r of org.users.roles.list(u.id, { order: 'asc' })) {
    assertType<Equal<typeof r, AssignedRoleDetails>>();
  }
  const order: Order = 'desc';
  void [last, up, gone, assigned.user.id, details, unassigned, order];
}

async function errors(): Promise<void> {
  try {
    await org.groups.retrieve('missing');
  } catch (e) {
    if (e instanceof NotFoundError) {
      const status: number | undefined = e.status;
      const requestID: string | null | undefined = e.requestID;
      const headers: Headers | undefined = e.headers;
      const code: string | null | undefined = e.code;
      void [status, requestID, headers, code];
    } else if (e instanceof InvalidArgumentError) {
      const param: string | undefined = e.param;
      void param;
    } else if (e instanceof APIUserAbortError) {
      const aborted: APIError = e;
      void aborted;
    } else if (e instanceof OpenAIAdmin.APIError) {
      const status: number | undefined = e.status;
      void status;
    }
  }
}

async function rejected(): Promise<void> {
  // @ts-expect-error a body is required
  await org.groups.create();
  // @ts-expect-error `name` is required
  await org.groups.create({});
  // @ts-expect-error unknown body field
  await org.groups.create({ name: 'x', colour: 'red' });
  // @ts-expect-error `permissions` is required
  await org.roles.create({ role_name: 'x' });
  // @ts-expect-error `order` is 'asc' | 'desc'
  await org.groups.list({ order: 'up' });
  // @ts-expect-error `role` is 'owner' | 'reader'
  await org.users.update('user_1', { role: 'admin' });
  // @ts-expect-error ids are strings
  await org.groups.retrieve(42);
  // @ts-expect-error the scope object, not a bare group id (official argument order)
  await org.groups.users.retrieve('user_1', 'group_1');
  // @ts-expect-error the scope needs `group_id`
  await org.groups.roles.delete('role_1', { user_id: 'user_1' });
  // @ts-expect-error no such method
  await org.groups.archive('group_1');
  // @ts-expect-error `limit` is a number
  await org.roles.list({ limit: '10' });
  // @ts-expect-error the organization users list has no `order`
  await org.users.list({ order: 'asc' });
  // @ts-expect-error unknown client option
  new OpenAIAdmin({ adminKey: 'sk' });
  // @ts-expect-error request options: `timeout` is a number
  await org.roles.list({}, { timeout: '1s' });
  const g = await org.groups.retrieve('group_1');
  // @ts-expect-error results are typed, not any
  const n: number = g.name;
  void n;
}

void [groups, groupLinks, roles, users, errors, rejected];
