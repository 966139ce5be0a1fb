/**
 * Error classes, named and shaped as the official `openai` SDK's, so `instanceof` checks and
 * `error.status` / `error.requestID` branches carry over unchanged.
 *
 * The wasm core rejects with a plain description (`ErrorDescription`); {@link toError} turns it
 * into the class its `name` (or `kind`) says.
 */

/** What the wasm core rejects with. */
export interface ErrorDescription {
  name?: string;
  /** `'invalid'` for a request refused before it was sent. */
  kind?: string;
  message: string;
  status?: number;
  headers?: Record<string, string> | Headers;
  error?: unknown;
  code?: string | null;
  param?: string | null;
  type?: string | null;
  requestID?: string | null;
  cause?: unknown;
}

/** Base class of every error this package throws. */
export class OpenAIError extends Error {}
Object.defineProperty(OpenAIError.prototype, 'name', { value: 'OpenAIError', writable: true, configurable: true });

function isDescription(value: unknown): value is Partial<ErrorDescription> {
  return typeof value === 'object' && value !== null && !(value instanceof Headers);
}

function toHeaders(headers: Record<string, string> | Headers | undefined): Headers | undefined {
  if (headers === undefined || headers === null) return undefined;
  return headers instanceof Headers ? headers : new Headers(headers);
}

/**
 * A failed request: an error status, an unreadable body, or no response at all.
 *
 * Constructed as the official SDK's (`new APIError(status, error, message, headers)`) or from the
 * core's description (`new APIError({ message, status, headers, error, … })`).
 */
export class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
  TError extends Object | undefined = Object | undefined,
> extends OpenAIError {
  /** HTTP status for the response that caused the error */
  readonly status: TStatus;
  /** HTTP headers for the response that caused the error */
  readonly headers: THeaders;
  /** JSON body of the response that caused the error */
  readonly error: TError;
  readonly code: string | null | undefined;
  readonly param: string | null | undefined;
  readonly type: string | undefined;
  /** The `x-request-id` response header: quote it when asking OpenAI for help. */
  readonly requestID: string | null | undefined;

  constructor(status: TStatus, error: TError, message: string | undefined, headers: THeaders);
  constructor(description: Partial<ErrorDescription> & { message?: string });
  constructor(...args: unknown[]) {
    if (args.length <= 1 && isDescription(args[0])) {
      const d = args[0] as Partial<ErrorDescription>;
      super(d.message ?? '(no status code or body)');
      const headers = toHeaders(d.headers);
      this.status = d.status as TStatus;
      this.headers = headers as THeaders;
      this.error = d.error as TError;
      const data = d.error as Record<string, unknown> | undefined;
      this.code = d.code !== undefined ? d.code : (data?.['code'] as string | null | undefined);
      this.param = d.param !== undefined ? d.param : (data?.['param'] as string | null | undefined);
      this.type = (d.type ?? data?.['type'] ?? undefined) as string | undefined;
      this.requestID = d.requestID !== undefined ? d.requestID : headers?.get('x-request-id');
      if (d.cause !== undefined) Object.defineProperty(this, 'cause', { value: d.cause, writable: true, configurable: true });
      return;
    }
    const [status, error, message, headers] = args as [TStatus, TError, string | undefined, THeaders];
    super(makeMessage(status, error, message));
    this.status = status;
    this.headers = headers;
    this.requestID = headers?.get('x-request-id');
    this.error = error;
    const data = error as Record<string, any> | undefined;
    this.code = data?.['code'];
    this.param = data?.['param'];
    this.type = data?.['type'];
  }

  /** The class for `status`, as the official SDK picks it. */
  static generate(status: number | undefined, errorResponse: Object | undefined, message: string | undefined, headers: Headers | undefined): APIError {
    if (!status || !headers) {
      return new APIConnectionError({ message, cause: errorResponse instanceof Error ? errorResponse : undefined });
    }
    const error = (errorResponse as Record<string, any> | undefined)?.['error'];
    const Class = classForStatus(status);
    return new Class(status, error, message, headers);
  }
}

function makeMessage(status: number | undefined, error: any, message: string | undefined): string {
  const msg = error?.message
    ? typeof error.message === 'string'
      ? error.message
      : JSON.stringify(error.message)
    : error
      ? JSON.stringify(error)
      : message;
  if (status && msg) return `${status} ${msg}`;
  if (status) return `${status} status code (no body)`;
  if (msg) return msg;
  return '(no status code or body)';
}

/** The caller's `AbortSignal` fired. */
export class APIUserAbortError extends APIError<undefined, undefined, undefined> {
  constructor({ message }: { message?: string } = {}) {
    super({ message: message || 'Request was aborted.' });
  }
}

/** No response: the connection failed or was dropped. */
export class APIConnectionError extends APIError<undefined, undefined, undefined> {
  constructor({ message, cause }: { message?: string | undefined; cause?: Error | undefined } = {}) {
    super({ message: message || 'Connection error.' });
    if (cause) Object.defineProperty(this, 'cause', { value: cause, writable: true, configurable: true });
  }
}

/** No response within `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor({ message }: { message?: string } = {}) {
    super({ message: message ?? 'Request timed out.' });
  }
}

/** 400 */
export class BadRequestError extends APIError<400, Headers> {}
/** 401 */
export class AuthenticationError extends APIError<401, Headers> {}
/** 403 */
export class PermissionDeniedError extends APIError<403, Headers> {}
/** 404 */
export class NotFoundError extends APIError<404, Headers> {}
/** 409 */
export class ConflictError extends APIError<409, Headers> {}
/** 422 */
export class UnprocessableEntityError extends APIError<422, Headers> {}
/** 429 */
export class RateLimitError extends APIError<429, Headers> {}
/** 500 and above */
export class InternalServerError extends APIError<number, Headers> {}

/**
 * A request refused before it was sent, because it cannot succeed under the API's schema (a wrong
 * JSON type, a missing required field, an id that is not one path segment, a number outside the
 * schema's bounds). It is a {@link BadRequestError}, so code that handles the server's 400 handles
 * it too; `param` names the argument, `status` is 400, `headers` are empty and `requestID` is
 * `null`: nothing reached the server.
 */
export class InvalidArgumentError extends BadRequestError {
  constructor(message: string, param?: string | null) {
    const text = /not sent|nothing was sent/i.test(message) ? message : `${message} (the request was not sent)`;
    super({ message: text, status: 400, headers: new Headers(), param: param ?? undefined, requestID: null });
  }
}

/**
 * An answer that differs from the API's published schema, with `responseDrift: 'error'` (this
 * package's extension; the default only logs drift at `warn`). The request succeeded: `status`,
 * `headers` and `requestID` are the response's; `drift` lists each difference and `data` is the
 * answer as the API sent it.
 */
export class ResponseDriftError extends APIError<number, Headers> {
  /** The operation, e.g. `groups.list`. */
  readonly operation: string;
  /** One line per difference, e.g. `data[].group_type is missing (the spec requires it)`. */
  readonly drift: readonly string[];
  /** The answer as the API sent it. */
  readonly data: unknown;
  constructor(operation: string, drift: readonly string[], response: Response, data: unknown) {
    super({
      message: `${operation}: the answer differs from the API's schema: ${drift.join('; ')}`,
      status: response.status,
      headers: response.headers,
    });
    this.operation = operation;
    this.drift = drift;
    this.data = data;
  }
}

const names: Array<[new (...a: any[]) => Error, string]> = [
  [APIError, 'APIError'],
  [APIUserAbortError, 'APIUserAbortError'],
  [APIConnectionError, 'APIConnectionError'],
  [APIConnectionTimeoutError, 'APIConnectionTimeoutError'],
  [BadRequestError, 'BadRequestError'],
  [AuthenticationError, 'AuthenticationError'],
  [PermissionDeniedError, 'PermissionDeniedError'],
  [NotFoundError, 'NotFoundError'],
  [ConflictError, 'ConflictError'],
  [UnprocessableEntityError, 'UnprocessableEntityError'],
  [RateLimitError, 'RateLimitError'],
  [InternalServerError, 'InternalServerError'],
  [InvalidArgumentError, 'InvalidArgumentError'],
  [ResponseDriftError, 'ResponseDriftError'],
];
// `name` on the prototype (not an own field): `util.inspect` and stack traces show the class,
// and minifiers that rename classes keep it.
for (const [Class, name] of names) {
  Object.defineProperty(Class.prototype, 'name', { value: name, writable: true, configurable: true });
}

/**
 * The class of an answer with `status`, as the official SDK's `APIError.generate` picks it. The one
 * place this map lives: the core describes an answer's error without naming a class.
 */
function classForStatus(status: number): typeof APIError<any, any, any> {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

/** Turns whatever a wasm call rejected with into an instance of the right class. */
export function toError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  if (!isDescription(reason) || typeof reason.message !== 'string') {
    return new OpenAIError(String(reason));
  }
  const d = reason as ErrorDescription;
  switch (d.kind ?? d.name) {
    case 'invalid':
    case 'InvalidArgumentError':
      return new InvalidArgumentError(d.message, d.param);
    case 'abort':
    case 'APIUserAbortError':
      return withCause(new APIUserAbortError({ message: d.message }), d.cause);
    case 'timeout':
    case 'APIConnectionTimeoutError':
      return withCause(new APIConnectionTimeoutError({ message: d.message }), d.cause);
    case 'connection':
    case 'APIConnectionError':
      return new APIConnectionError({ message: d.message, cause: d.cause instanceof Error ? d.cause : undefined });
    case 'OpenAIError':
      return new OpenAIError(d.message);
  }
  // An answer's class follows from its status, here and nowhere else (the core describes it).
  const Class = typeof d.status === 'number' ? classForStatus(d.status) : APIError;
  return new Class(d);
}

function withCause<E extends Error>(error: E, cause: unknown): E {
  if (cause !== undefined) Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
  return error;
}
