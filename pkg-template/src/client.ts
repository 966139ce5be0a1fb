/**
 * The client, shaped like the official `openai` SDK's for `client.admin.organization…` groups,
 * users and roles: the official options, properties, promises, pages, errors and type paths.
 */
import { resolveOptions, DEFAULT_TIMEOUT, type ClientOptions, type Logger, type LogLevel, type MergedRequestInit } from './options.js';
import { Transport } from './transport.js';
import * as Errors from './errors.js';
import { Organization as OrganizationResource } from './resources.js';
import * as Types from './types.js';

/** Where the keys live: out of the instance, so `JSON.stringify` and `util.inspect` never show them. */
const keys = new WeakMap<OpenAIAdmin, { apiKey: string | null; adminAPIKey: string | null }>();

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
  readonly admin: OpenAIAdmin.Admin;

  baseURL: string;
  maxRetries: number;
  timeout: number;
  organization: string | null;
  project: string | null;
  webhookSecret: string | null;
  logger: Logger;
  logLevel: LogLevel | undefined;
  fetchOptions: MergedRequestInit | undefined;

  /**
   * @param options the official SDK's `ClientOptions` (plus `responseDrift`). Throws, as the
   * official constructor does, on missing credentials and on a key in a browser without
   * `dangerouslyAllowBrowser`; also on option values no request could use (`timeout: -1`).
   */
  constructor(options: ClientOptions = {}) {
    const resolved = resolveOptions(options);
    keys.set(this, { apiKey: resolved.apiKey, adminAPIKey: resolved.adminAPIKey });
    this.baseURL = resolved.baseURL;
    this.maxRetries = resolved.maxRetries;
    this.timeout = resolved.timeout;
    this.organization = resolved.organization;
    this.project = resolved.project;
    this.webhookSecret = resolved.webhookSecret;
    this.logger = resolved.logger;
    this.logLevel = resolved.logLevel;
    this.fetchOptions = resolved.fetchOptions;
    const { apiKey: _a, adminAPIKey: _b, warnings, ...rest } = resolved;
    const transport = new Transport(this, rest);
    Object.defineProperty(this, '_transport', { value: transport, enumerable: false });
    for (const line of warnings) transport.log('warn', line);
    this.admin = { organization: new OrganizationResource(transport) };
  }

  /** The admin key (never enumerable: not in `JSON.stringify(client)` or `util.inspect(client)`). */
  get adminAPIKey(): string | null {
    return keys.get(this)?.adminAPIKey ?? null;
  }
  set adminAPIKey(value: string | null) {
    keys.get(this)!.adminAPIKey = value;
  }

  /** The `apiKey` option (a string), kept as in the official SDK; these endpoints send `adminAPIKey`. */
  get apiKey(): string | null {
    return keys.get(this)?.apiKey ?? null;
  }
  set apiKey(value: string | null) {
    keys.get(this)!.apiKey = value;
  }

  /** A new client with these options over this client's. */
  withOptions(options: Partial<ClientOptions>): this {
    const ctor = this.constructor as new (options: ClientOptions) => this;
    return new ctor({
      apiKey: this.apiKey,
      adminAPIKey: this.adminAPIKey,
      organization: this.organization,
      project: this.project,
      webhookSecret: this.webhookSecret,
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      logger: this.logger,
      logLevel: this.logLevel,
      fetchOptions: this.fetchOptions,
      ...(this as any)._transport.optionsForCopy(),
      ...options,
    });
  }

  static OpenAIAdmin = this;
  static DEFAULT_TIMEOUT = DEFAULT_TIMEOUT;
  static OpenAIError = Errors.OpenAIError;
  static APIError = Errors.APIError;
  static APIConnectionError = Errors.APIConnectionError;
  static APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static APIUserAbortError = Errors.APIUserAbortError;
  static NotFoundError = Errors.NotFoundError;
  static ConflictError = Errors.ConflictError;
  static RateLimitError = Errors.RateLimitError;
  static BadRequestError = Errors.BadRequestError;
  static AuthenticationError = Errors.AuthenticationError;
  static InternalServerError = Errors.InternalServerError;
  static PermissionDeniedError = Errors.PermissionDeniedError;
  static UnprocessableEntityError = Errors.UnprocessableEntityError;
  static InvalidArgumentError = Errors.InvalidArgumentError;
  static ResponseDriftError = Errors.ResponseDriftError;
}

// Hidden from `util.inspect` too: the client shows its public fields and resources only.
Object.defineProperty(OpenAIAdmin.prototype, 'toJSON', {
  value: function toJSON(this: OpenAIAdmin) {
    return {
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      organization: this.organization,
      project: this.project,
    };
  },
  enumerable: false,
  writable: true,
  configurable: true,
});

/** The official type paths: `OpenAIAdmin.Admin.Organization.Group`, `…Groups.Users.UserRetrieveParams`, … */
export declare namespace OpenAIAdmin {
  export type { ClientOptions };
  export type RequestOptions = import('./options.js').RequestOptions;
  /** The type of `client.admin`. */
  export type Admin = { readonly organization: Types.Organization };
  export namespace Admin {
    export import Organization = Types.Organization;
  }
}
