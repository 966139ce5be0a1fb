/**
 * The client, shaped like the official `openai` SDK's `client.admin.organization…` for groups,
 * users and roles. Every method validates, builds, sends, retries and parses in the wasm core;
 * this file only maps the official argument order onto the core's exports and wraps the results
 * in pages and the failures in error classes.
 */
import * as wasm from '../wasm/openai_admin_wasm.js';
import type {
  AssignedRoleDetails,
  AssignedRoleList,
  ClientOptions as CoreClientOptions,
  Group,
  GroupCreateParams,
  GroupDeleteResponse,
  GroupList,
  ListParams,
  GroupRoleCreateParams,
  GroupRoleCreateResponse,
  GroupUpdateParams,
  GroupUpdateResponse,
  GroupUserCreateParams,
  GroupUserCreateResponse,
  GroupUserDeleteResponse,
  GroupUserList,
  GroupUserRetrieveResponse,
  OrganizationGroupUser,
  OrganizationUser,
  Role,
  RoleAssignmentDeleteResponse,
  RoleCreateParams,
  RoleDeleteResponse,
  RoleList,
  RoleUpdateParams,
  UserDeleteResponse,
  UserList,
  UserListParams,
  GroupScopedParams,
  UserScopedParams,
  UserRoleCreateParams,
  UserRoleCreateResponse,
  UserUpdateParams,
} from '../wasm/openai_admin_wasm.js';
import * as Errors from './errors.js';
import { CursorPage, PagePromise, type PageFetcher, type RawPage } from './pagination.js';

/** Options of the client; `fetch` replaces the global `fetch` (e.g. to add a proxy or logging). */
export interface ClientOptions extends Omit<CoreClientOptions, 'defaultHeaders'> {
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Headers added to every request; `null` removes a default one. A plain object: the options
   * reach the core as JSON, where a `Map` would arrive empty.
   */
  defaultHeaders?: Record<string, string | null | undefined>;
}

/** A result with the `x-request-id` of its response, as the official SDK's `WithRequestID`. */
export type WithRequestID<T> = T & { _request_id?: string | null };

/** Options of a single call, as in the official SDK. */
export interface RequestOptions {
  /** Aborts the call; it then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | null;
  /** Milliseconds before an attempt times out; overrides the client's `timeout`. */
  timeout?: number;
  /** Retries after a failed attempt; overrides the client's `maxRetries`. */
  maxRetries?: number;
  /** Extra headers; `null` removes a default one. */
  headers?: Record<string, string | null | undefined> | Headers;
}

/** Query of every cursor-paginated list but the organization users list. */
type GroupListParams = ListParams;

/** Loads the wasm module; set by the entry point (lazy in browsers, at import in Node). */
let loader: (() => Promise<void>) | null = null;
let loaded = false;

/** @internal Called once by each entry point. */
export function setLoader(load: () => Promise<void> | void, alreadyLoaded: boolean): void {
  loaded = alreadyLoaded;
  let pending: Promise<void> | null = null;
  loader = () =>
    (pending ??= Promise.resolve(load()).then(() => {
      loaded = true;
    }));
}

type Core = wasm.WasmClient;
type CallOptions = Omit<RequestOptions, 'signal' | 'headers'> & { headers?: Record<string, string | null> };

/** Splits the official SDK's request options into what the core reads and the signal. */
function splitOptions(options: RequestOptions | undefined): [CallOptions | undefined, AbortSignal | undefined] {
  if (options === undefined || options === null) return [undefined, undefined];
  if (typeof options !== 'object') {
    throw new Errors.InvalidArgumentError('`options` must be an object', 'options');
  }
  const { signal, headers, ...rest } = options;
  if (signal != null && !(typeof signal === 'object' && 'aborted' in signal && 'addEventListener' in signal)) {
    throw new Errors.InvalidArgumentError('`signal` must be an AbortSignal', 'signal');
  }
  const plainHeaders =
    typeof Headers !== 'undefined' && headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;
  const call: CallOptions = { ...rest };
  if (plainHeaders !== undefined) {
    call.headers = Object.fromEntries(
      Object.entries(plainHeaders).filter(([, v]) => v !== undefined),
    ) as Record<string, string | null>;
  }
  return [call, signal ?? undefined];
}

/** The plumbing every resource shares: one core client, created once the wasm is loaded. */
class Transport {
  readonly #options: ClientOptions;
  #core: Core | null = null;

  constructor(options: ClientOptions) {
    this.#options = options;
    // Where the wasm is already there (Node), bad options throw here, as in the official SDK.
    if (loaded) this.#core = this.#create();
  }

  #create(): Core {
    const { fetch, ...core } = this.#options;
    if (fetch !== undefined && typeof fetch !== 'function') {
      throw new Errors.InvalidArgumentError('`fetch` must be a function', 'fetch');
    }
    try {
      // `defaultHeaders` is a plain object here; the core reads the options as JSON.
      return new wasm.WasmClient(core as CoreClientOptions, fetch);
    } catch (reason) {
      throw Errors.toError(reason);
    }
  }

  async #ready(): Promise<Core> {
    if (this.#core) return this.#core;
    if (!loaded) {
      if (!loader) throw new Errors.OpenAIError('openai-admin-wasm: no entry point loaded the wasm module');
      await loader();
    }
    return (this.#core ??= this.#create());
  }

  /** Runs one core call with the request options split for it; failures become error classes. */
  async call<T>(
    run: (core: Core, options: CallOptions | undefined, signal: AbortSignal | undefined) => Promise<T>,
    options: RequestOptions | undefined,
  ): Promise<T> {
    try {
      const core = await this.#ready();
      const [call, signal] = splitOptions(options);
      return await run(core, call, signal);
    } catch (reason) {
      throw Errors.toError(reason);
    }
  }

  /** Runs a list call: a promise of the first page, iterable over every item. */
  list<Item, Body extends { data: Item[]; has_more: boolean }, Params extends object>(
    run: (core: Core, params: Params | undefined, options: CallOptions | undefined, signal: AbortSignal | undefined) => Promise<RawPage<Body>>,
    params: Params | undefined,
    options: RequestOptions | undefined,
  ): PagePromise<CursorPage<Item, Body> & Body, Item> {
    const fetch: PageFetcher<Body> = (after) =>
      this.call((core, o, s) => run(core, after === null ? params : ({ ...params, after } as Params), o, s), options);
    const first = fetch(null).then((raw) => new CursorPage<Item, Body>(raw, fetch) as CursorPage<Item, Body> & Body);
    return new PagePromise(first);
  }
}

/** `client.admin.organization.groups.users` */
export class GroupUsers {
  constructor(private readonly t: Transport) {}
  /** `GET /organization/groups/{group_id}/users` */
  list(groupID: string, query?: GroupListParams, options?: RequestOptions) {
    return this.t.list<OrganizationGroupUser, GroupUserList, GroupListParams>(
      (c, p, o, s) => wasm.call(c, 'groupUsersList', groupID, p, o, s),
      query,
      options,
    );
  }
  /** `POST /organization/groups/{group_id}/users` */
  create(groupID: string, body: GroupUserCreateParams, options?: RequestOptions): Promise<WithRequestID<GroupUserCreateResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupUsersCreate', groupID, body, o, s), options);
  }
  /** `GET /organization/groups/{group_id}/users/{user_id}` */
  retrieve(userID: string, params: GroupScopedParams, options?: RequestOptions): Promise<WithRequestID<GroupUserRetrieveResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupUsersRetrieve', params, userID, o, s), options);
  }
  /** `DELETE /organization/groups/{group_id}/users/{user_id}` */
  delete(userID: string, params: GroupScopedParams, options?: RequestOptions): Promise<WithRequestID<GroupUserDeleteResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupUsersDelete', params, userID, o, s), options);
  }
}

/** `client.admin.organization.groups.roles` */
export class GroupRoles {
  constructor(private readonly t: Transport) {}
  /** `GET /organization/groups/{group_id}/roles` */
  list(groupID: string, query?: GroupListParams, options?: RequestOptions) {
    return this.t.list<AssignedRoleDetails, AssignedRoleList, GroupListParams>(
      (c, p, o, s) => wasm.call(c, 'groupRolesList', groupID, p, o, s),
      query,
      options,
    );
  }
  /** `POST /organization/groups/{group_id}/roles` */
  create(groupID: string, body: GroupRoleCreateParams, options?: RequestOptions): Promise<WithRequestID<GroupRoleCreateResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupRolesCreate', groupID, body, o, s), options);
  }
  /** `GET /organization/groups/{group_id}/roles/{role_id}` */
  retrieve(roleID: string, params: GroupScopedParams, options?: RequestOptions): Promise<WithRequestID<AssignedRoleDetails>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupRolesRetrieve', params, roleID, o, s), options);
  }
  /** `DELETE /organization/groups/{group_id}/roles/{role_id}` */
  delete(roleID: string, params: GroupScopedParams, options?: RequestOptions): Promise<WithRequestID<RoleAssignmentDeleteResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupRolesDelete', params, roleID, o, s), options);
  }
}

/** `client.admin.organization.groups` */
export class Groups {
  readonly users: GroupUsers;
  readonly roles: GroupRoles;
  constructor(private readonly t: Transport) {
    this.users = new GroupUsers(t);
    this.roles = new GroupRoles(t);
  }
  /** `GET /organization/groups` */
  list(query?: GroupListParams, options?: RequestOptions) {
    return this.t.list<Group, GroupList, GroupListParams>((c, p, o, s) => wasm.call(c, 'groupsList', p, undefined, o, s), query, options);
  }
  /** `POST /organization/groups` */
  create(body: GroupCreateParams, options?: RequestOptions): Promise<WithRequestID<Group>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupsCreate', body, undefined, o, s), options);
  }
  /** `GET /organization/groups/{group_id}` */
  retrieve(groupID: string, options?: RequestOptions): Promise<WithRequestID<Group>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupsRetrieve', groupID, undefined, o, s), options);
  }
  /** `POST /organization/groups/{group_id}` */
  update(groupID: string, body: GroupUpdateParams, options?: RequestOptions): Promise<WithRequestID<GroupUpdateResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupsUpdate', groupID, body, o, s), options);
  }
  /** `DELETE /organization/groups/{group_id}` */
  delete(groupID: string, options?: RequestOptions): Promise<WithRequestID<GroupDeleteResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'groupsDelete', groupID, undefined, o, s), options);
  }
}

/** `client.admin.organization.roles` */
export class Roles {
  constructor(private readonly t: Transport) {}
  /** `GET /organization/roles` */
  list(query?: GroupListParams, options?: RequestOptions) {
    return this.t.list<Role, RoleList, GroupListParams>((c, p, o, s) => wasm.call(c, 'rolesList', p, undefined, o, s), query, options);
  }
  /** `POST /organization/roles` */
  create(body: RoleCreateParams, options?: RequestOptions): Promise<WithRequestID<Role>> {
    return this.t.call((c, o, s) => wasm.call(c, 'rolesCreate', body, undefined, o, s), options);
  }
  /** `GET /organization/roles/{role_id}` */
  retrieve(roleID: string, options?: RequestOptions): Promise<WithRequestID<Role>> {
    return this.t.call((c, o, s) => wasm.call(c, 'rolesRetrieve', roleID, undefined, o, s), options);
  }
  /** `POST /organization/roles/{role_id}` */
  update(roleID: string, body: RoleUpdateParams, options?: RequestOptions): Promise<WithRequestID<Role>> {
    return this.t.call((c, o, s) => wasm.call(c, 'rolesUpdate', roleID, body, o, s), options);
  }
  /** `DELETE /organization/roles/{role_id}` */
  delete(roleID: string, options?: RequestOptions): Promise<WithRequestID<RoleDeleteResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'rolesDelete', roleID, undefined, o, s), options);
  }
}

/** `client.admin.organization.users.roles` */
export class UserRoles {
  constructor(private readonly t: Transport) {}
  /** `GET /organization/users/{user_id}/roles` */
  list(userID: string, query?: GroupListParams, options?: RequestOptions) {
    return this.t.list<AssignedRoleDetails, AssignedRoleList, GroupListParams>(
      (c, p, o, s) => wasm.call(c, 'userRolesList', userID, p, o, s),
      query,
      options,
    );
  }
  /** `POST /organization/users/{user_id}/roles` */
  create(userID: string, body: UserRoleCreateParams, options?: RequestOptions): Promise<WithRequestID<UserRoleCreateResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'userRolesCreate', userID, body, o, s), options);
  }
  /** `GET /organization/users/{user_id}/roles/{role_id}` */
  retrieve(roleID: string, params: UserScopedParams, options?: RequestOptions): Promise<WithRequestID<AssignedRoleDetails>> {
    return this.t.call((c, o, s) => wasm.call(c, 'userRolesRetrieve', params, roleID, o, s), options);
  }
  /** `DELETE /organization/users/{user_id}/roles/{role_id}` */
  delete(roleID: string, params: UserScopedParams, options?: RequestOptions): Promise<WithRequestID<RoleAssignmentDeleteResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'userRolesDelete', params, roleID, o, s), options);
  }
}

/** `client.admin.organization.users` */
export class Users {
  readonly roles: UserRoles;
  constructor(private readonly t: Transport) {
    this.roles = new UserRoles(t);
  }
  /** `GET /organization/users` (paginated by `last_id`) */
  list(query?: UserListParams, options?: RequestOptions) {
    return this.t.list<OrganizationUser, UserList, UserListParams>((c, p, o, s) => wasm.call(c, 'usersList', p, undefined, o, s), query, options);
  }
  /** `GET /organization/users/{user_id}` */
  retrieve(userID: string, options?: RequestOptions): Promise<WithRequestID<OrganizationUser>> {
    return this.t.call((c, o, s) => wasm.call(c, 'usersRetrieve', userID, undefined, o, s), options);
  }
  /** `POST /organization/users/{user_id}` */
  update(userID: string, body: UserUpdateParams, options?: RequestOptions): Promise<WithRequestID<OrganizationUser>> {
    return this.t.call((c, o, s) => wasm.call(c, 'usersUpdate', userID, body, o, s), options);
  }
  /** `DELETE /organization/users/{user_id}` */
  delete(userID: string, options?: RequestOptions): Promise<WithRequestID<UserDeleteResponse>> {
    return this.t.call((c, o, s) => wasm.call(c, 'usersDelete', userID, undefined, o, s), options);
  }
}

/** `client.admin.organization` */
export class Organization {
  readonly groups: Groups;
  readonly roles: Roles;
  readonly users: Users;
  constructor(t: Transport) {
    this.groups = new Groups(t);
    this.roles = new Roles(t);
    this.users = new Users(t);
  }
}

/**
 * The Admin API client.
 *
 * @example
 * ```js
 * import OpenAIAdmin from 'openai-admin-wasm';
 * const client = new OpenAIAdmin(); // reads OPENAI_ADMIN_KEY in Node
 * for await (const group of client.admin.organization.groups.list({ limit: 100 })) {
 *   console.log(group.id, group.name);
 * }
 * ```
 */
export class OpenAIAdmin {
  /** `client.admin.organization.{groups, roles, users}` */
  readonly admin: { readonly organization: Organization };

  constructor(options: ClientOptions = {}) {
    const transport = new Transport(options);
    this.admin = { organization: new Organization(transport) };
  }

  static OpenAIAdmin = this;
  static OpenAIError = Errors.OpenAIError;
  static InvalidArgumentError = Errors.InvalidArgumentError;
  static APIError = Errors.APIError;
  static APIConnectionError = Errors.APIConnectionError;
  static APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static APIUserAbortError = Errors.APIUserAbortError;
  static BadRequestError = Errors.BadRequestError;
  static AuthenticationError = Errors.AuthenticationError;
  static PermissionDeniedError = Errors.PermissionDeniedError;
  static NotFoundError = Errors.NotFoundError;
  static ConflictError = Errors.ConflictError;
  static UnprocessableEntityError = Errors.UnprocessableEntityError;
  static RateLimitError = Errors.RateLimitError;
  static InternalServerError = Errors.InternalServerError;
}
