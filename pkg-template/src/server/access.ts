/**
 * Ready-made `authorize` functions for the server handler, and the typed denials they throw.
 *
 * The rule every one of them follows: a truthy identity allows; `null` (nobody signed in) is a
 * 401; `false`, or a thrown `forbidden(who)`, is a 403. Throwing `forbidden(who)` rather than
 * returning `false` lets the audit event say who was refused.
 */
import type { Authorize, OperationContext } from './types.js';

/** What the ready-made authorizers read of a request: its headers. A `Request` is one. */
export interface HeaderSource {
  readonly headers: { get(name: string): string | null };
}

/**
 * The authorizers of this module: they read only headers, so the Node adapter may give them a view
 * of the visitor's headers instead of building a `Request` (the costliest object of a request).
 */
const readsHeadersOnly = new WeakSet<Authorize>();
const headersOnly = <T extends Authorize>(authorize: T): T => (readsHeadersOnly.add(authorize), authorize);

/** @internal Whether `authorize` is one of this module's (or built only from them). */
export function authorizeReadsHeadersOnly(authorize: Authorize): boolean {
  return readsHeadersOnly.has(authorize);
}

/** A refusal thrown by `authorize`: 401 (nobody signed in) or 403 (this identity may not). */
export class AccessDenied extends Error {
  override name = 'AccessDenied';
  constructor(
    readonly status: 401 | 403,
    message: string,
    /** Who was refused (403), for the audit event; never sent to the visitor. */
    readonly who: unknown = null,
  ) {
    super(message);
  }
}

/** A 401: nobody (or nobody the server accepts) is signed in. */
export function unauthenticated(message = 'Sign in to use the Admin API through this server.'): AccessDenied {
  return new AccessDenied(401, message);
}

/** A 403 for `who`: signed in, but not allowed to run this operation. */
export function forbidden(who: unknown, message?: string): AccessDenied {
  return new AccessDenied(403, message ?? 'You are not allowed to run this operation.', who);
}

/** The two roles of the ready-made helpers: `viewer` reads, `admin` reads and writes. */
export type Role = 'viewer' | 'admin';

/** The identity the helpers return. */
export interface Identity {
  user: string;
  role: Role;
}

function checkRole(role: unknown, where: string): Role {
  if (role !== 'viewer' && role !== 'admin') throw new TypeError(`${where}: role must be 'viewer' or 'admin', not ${JSON.stringify(role)}`);
  return role;
}

/** Allows `identity` to run `operation` by its role: viewers read, admins do everything. */
function byRole(identity: Identity, operation: OperationContext): Identity {
  if (operation.writes && identity.role !== 'admin') {
    throw forbidden(identity, `${identity.user} (${identity.role}) may not run ${operation.name}: it writes.`);
  }
  return identity;
}

/**
 * A read-only viewer. `readOnly()` lets anyone read (as `{ user: 'anonymous', role: 'viewer' }`)
 * and refuses every write with a 403. `readOnly(inner)` asks `inner` who the visitor is (its 401s
 * and 403s stand) and refuses that identity every write.
 */
export function readOnly(inner?: Authorize): Authorize {
  if (inner !== undefined && typeof inner !== 'function') throw new TypeError('readOnly(inner): inner must be an authorize function');
  const outer: Authorize = async (request, operation) => {
    const who = inner ? await inner(request, operation) : { user: 'anonymous', role: 'viewer' };
    if (!who) return who;
    if (operation.writes) throw forbidden(who, `${operation.name} writes, and this server only reads.`);
    return who;
  };
  return inner === undefined || readsHeadersOnly.has(inner) ? headersOnly(outer) : outer;
}

/** One token of {@link bearerTokens}. */
export interface TokenEntry {
  /** The bearer token the visitor sends (`Authorization: Bearer <token>`); at least 16 characters. */
  token: string;
  /** Who it is, for `authorize`'s identity and the audit event. */
  user: string;
  role: Role;
}

const encoder = new TextEncoder();
async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** The token of an `Authorization: Bearer <token>` header, or `null`. */
export function bearerToken(request: HeaderSource): string | null {
  const header = request.headers.get('authorization');
  const m = header === null ? null : /^bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header);
  return m ? m[1]! : null;
}

/**
 * A static list of bearer tokens with roles: the visitor sends `Authorization: Bearer <token>`
 * (the handler drops that header before anything is forwarded). No or an unknown token: 401. A
 * viewer's write: 403. Tokens are compared by their SHA-256 digests, in constant time; a token
 * that matched is remembered (see below).
 */
export function bearerTokens(entries: readonly TokenEntry[]): Authorize {
  if (!Array.isArray(entries) || entries.length === 0) throw new TypeError('bearerTokens(entries): give at least one { token, user, role }');
  const list = entries.map((e, i) => {
    if (typeof e?.token !== 'string' || e.token.length < 16 || !/^[\x21-\x7e]+$/.test(e.token)) {
      throw new TypeError(`bearerTokens: entry ${i}: the token must be at least 16 printable ASCII characters`);
    }
    if (typeof e.user !== 'string' || e.user === '') throw new TypeError(`bearerTokens: entry ${i}: user is required`);
    return { digest: digest(e.token), identity: Object.freeze({ user: e.user, role: checkRole(e.role, `bearerTokens: entry ${i}`) }) };
  });
  const lookup = async (token: string): Promise<Identity | null> => {
    const given = await digest(token);
    let found: Identity | null = null;
    for (const entry of list) if (sameBytes(given, await entry.digest)) found = entry.identity;
    return found;
  };
  // Tokens of the list that matched once, so that their later requests skip the digest (an
  // asynchronous job costing more than the rest of the handler's checks). Only listed tokens get
  // in: it never holds more than the list, and an unknown token is always digested and compared
  // in constant time.
  const known = new Map<string, Identity>();
  return headersOnly((request: HeaderSource, operation: OperationContext): unknown => {
    const token = bearerToken(request);
    if (token === null) return null;
    const hit = known.get(token);
    if (hit) return byRole(hit, operation);
    return lookup(token).then((found) => {
      if (!found) return null;
      known.set(token, found);
      return byRole(found, operation);
    });
  });
}

/** Options of {@link trustedHeader}. */
export interface TrustedHeaderOptions {
  /** Must be `true`: trusting a header is only safe behind a proxy that sets it and strips the visitor's. */
  enabled: boolean;
  /** The header the SSO proxy sets (default `x-forwarded-email`, as oauth2-proxy's). */
  header?: string;
  /** Users (as the header gives them, compared case-insensitively) with the admin role. */
  admins?: readonly string[];
  /** Users with the viewer role; `'*'` for every signed-in user not an admin (default: none). */
  viewers?: readonly string[] | '*';
}

/**
 * Trusts the identity an SSO proxy in front (oauth2-proxy, a load balancer's OIDC) puts in a
 * header. Off by default: it throws unless `enabled: true`, because anyone who can reach the
 * server directly can set that header. No header: 401. A user in neither list: 403.
 */
export function trustedHeader(options: TrustedHeaderOptions): Authorize {
  if (!options || options.enabled !== true) {
    throw new TypeError('trustedHeader: off by default; pass { enabled: true } only behind a proxy that sets the header and strips the visitor\'s');
  }
  const header = (options.header ?? 'x-forwarded-email').toLowerCase();
  const admins = new Set((options.admins ?? []).map((u) => u.toLowerCase()));
  const viewers = options.viewers === '*' ? '*' : new Set((options.viewers ?? []).map((u) => u.toLowerCase()));
  return headersOnly((request: HeaderSource, operation: OperationContext) => {
    const user = request.headers.get(header)?.trim();
    if (!user) return null;
    const lower = user.toLowerCase();
    const role: Role | null = admins.has(lower) ? 'admin' : viewers === '*' || viewers.has(lower) ? 'viewer' : null;
    if (role === null) throw forbidden({ user }, `${user} has no role on this server.`);
    return byRole({ user, role }, operation);
  });
}

/** Options of {@link projectScope}. */
export interface ProjectScopeOptions {
  /**
   * The projects an identity may use: their ids, or `'*'` for every project and the whole
   * organization (not scoped). Called with what `inner` returned; may be async.
   */
  projects: (who: unknown) => readonly string[] | '*' | Promise<readonly string[] | '*'>;
  /**
   * Operations without a project (`projects.list`, `users.list`, `groups.retrieve`, …) that a
   * scoped identity may still run. Default: none (an organization-wide read would show other
   * projects' people and names).
   */
  organization?: readonly string[];
}

/**
 * Scopes identities to projects: `inner` says who the visitor is and what their role allows (its
 * 401s and 403s stand, e.g. a viewer's write), then an operation on a project (one whose path
 * names a `project_id`) runs only for an identity whose `projects` include it, and any other
 * operation only if `organization` lists it or the identity's `projects` are `'*'`. Creating a
 * project is never in a scope. A refusal is a 403 naming the identity.
 */
export function projectScope(inner: Authorize, options: ProjectScopeOptions): Authorize {
  if (typeof inner !== 'function') throw new TypeError('projectScope(inner, options): inner must be an authorize function');
  if (typeof options?.projects !== 'function') throw new TypeError('projectScope: options.projects must be a function');
  const organization = new Set(options.organization ?? []);
  const scoped: Authorize = async (request, operation) => {
    const who = await inner(request, operation);
    if (!who) return who;
    const projects = await options.projects(who);
    if (projects === '*') return who;
    const project = operation.ids.project_id;
    if (project !== undefined) {
      if (projects.includes(project)) return who;
      throw forbidden(who, `${describeWho(who)} may not use project ${project}.`);
    }
    if (organization.has(operation.name)) return who;
    throw forbidden(who, `${describeWho(who)} is scoped to projects and may not run ${operation.name}.`);
  };
  return readsHeadersOnly.has(inner) ? headersOnly(scoped) : scoped;
}

function describeWho(who: unknown): string {
  const user = (who as { user?: unknown } | null)?.user;
  return typeof user === 'string' ? user : 'This identity';
}

/**
 * Tries each `authorize` in turn: the first identity wins. If none allows, a 403 (one of them knew
 * the visitor but refused) stands over a 401.
 */
export function anyOf(...authorizers: Authorize[]): Authorize {
  if (authorizers.length === 0 || authorizers.some((a) => typeof a !== 'function')) throw new TypeError('anyOf: give authorize functions');
  const any: Authorize = async (request, operation) => {
    let refusal: AccessDenied | false | null = null;
    for (const authorize of authorizers) {
      try {
        const who = await authorize(request, operation);
        if (who) return who;
        if (who === false && !(refusal instanceof AccessDenied && refusal.status === 403)) refusal = false;
      } catch (reason) {
        if (!(reason instanceof AccessDenied)) throw reason;
        if (reason.status === 403 || refusal === null) refusal = reason;
      }
    }
    if (refusal instanceof AccessDenied && refusal.status === 403) throw refusal;
    return refusal === false ? false : null;
  };
  return authorizers.every((a) => readsHeadersOnly.has(a)) ? headersOnly(any) : any;
}
