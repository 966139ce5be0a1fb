/** What the package exports, whichever entry point loaded the wasm. */
import { OpenAIAdmin } from './client.js';

export { OpenAIAdmin };
export type { ClientOptions, RequestOptions, Fetch, HeadersLike, MergedRequestInit, Logger, LogLevel, ResponseDriftMode } from './options.js';
export { APIPromise, type WithRequestID } from './api-promise.js';
export {
  AbstractPage,
  NextCursorPage,
  ConversationCursorPage,
  PagePromise,
  type NextCursorPageParams,
  type NextCursorPageResponse,
  type ConversationCursorPageParams,
  type ConversationCursorPageResponse,
  type PageRequestOptions,
} from './pagination.js';
export * from './errors.js';
export type { Organization } from './types.js';
export default OpenAIAdmin;
