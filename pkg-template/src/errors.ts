/**
 * Error classes, named and shaped as the official `openai` SDK's, so `instanceof` checks and
 * `error.status` / `error.requestID` branches carry over unchanged.
 *
 * The wasm core rejects with a plain description (`ErrorDescription`); {@link toError} turns it
 * into the class its `name` says.
 */

/** What the wasm core rejects with. */
export interface ErrorDescription {
  name: string;
  message: string;
  status?: number;
  headers?: Record<string, string>;
  error?: unknown;
  code?: string | null;
  param?: string | null;
  type?: string | null;
  requestID?: string | null;
}

/** Base class of every error this package throws. */
export class OpenAIError extends Error {
  override name = 'OpenAIError';
}

/** An argument was rejected before any request was made; `param` names it. */
export class InvalidArgumentError extends OpenAIError {
  override name = 'InvalidArgumentError';
  /** The argument at fault, e.g. `limit` or `group_id`. */
  readonly param: string | undefined;
  constructor(message: string, param?: string) {
    super(message);
    this.param = param;
  }
}

/** A failed request: an error status, an unreadable body, or no response at all. */
export class APIError extends OpenAIError {
  override name = 'APIError';
  /** HTTP status, or `undefined` when no response came. */
  readonly status: number | undefined;
  /** Response headers, or `undefined` when no response came. */
  readonly headers: Headers | undefined;
  /** The `error` object of the response body (or the body text when it was not JSON). */
  readonly error: unknown;
  readonly code: string | null | undefined;
  readonly param: string | null | undefined;
  readonly type: string | null | undefined;
  /** The `x-request-id` response header: quote it when asking OpenAI for help. */
  readonly requestID: string | null | undefined;

  constructor(description: Partial<ErrorDescription> & { message: string }) {
    super(description.message);
    this.status = description.status;
    this.headers = description.headers ? new Headers(description.headers) : undefined;
    this.error = description.error;
    this.code = description.code;
    this.param = description.param;
    this.type = description.type;
    this.requestID = description.requestID;
  }
}

/** The caller's `AbortSignal` fired. */
export class APIUserAbortError extends APIError {
  override name = 'APIUserAbortError';
  constructor(description: Partial<ErrorDescription> = {}) {
    super({ ...description, message: description.message ?? 'Request was aborted.' });
  }
}

/** No response: the connection failed or was dropped. */
export class APIConnectionError extends APIError {
  override name = 'APIConnectionError';
  constructor(description: Partial<ErrorDescription> = {}) {
    super({ ...description, message: description.message ?? 'Connection error.' });
  }
}

/** No response within `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(description: Partial<ErrorDescription> = {}) {
    super({ ...description, message: description.message ?? 'Request timed out.' });
  }
}

/** 400 */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/** 401 */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/** 403 */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
/** 404 */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/** 409 */
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
/** 422 */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
/** 429 */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
/** 500 and above */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

const classes = {
  APIError,
  APIUserAbortError,
  APIConnectionError,
  APIConnectionTimeoutError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
} as const;

/** Turns whatever a wasm call rejected with into an instance of the right class. */
export function toError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  const description = reason as ErrorDescription | undefined;
  if (!description || typeof description.name !== 'string') {
    return new OpenAIError(String(reason));
  }
  if (description.name === 'InvalidArgumentError') {
    return new InvalidArgumentError(description.message, description.param ?? undefined);
  }
  const ErrorClass = classes[description.name as keyof typeof classes] ?? APIError;
  return new ErrorClass(description);
}
