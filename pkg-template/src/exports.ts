/** What the package exports, whichever entry point loaded the wasm. */
import { OpenAIAdmin } from './client.js';

export {
  OpenAIAdmin,
  Groups,
  GroupUsers,
  GroupRoles,
  Roles,
  Users,
  UserRoles,
  Organization,
  type ClientOptions,
  type RequestOptions,
  type WithRequestID,
} from './client.js';
export * from './errors.js';
export { CursorPage, PagePromise, type NextCursorPage, type ConversationCursorPage } from './pagination.js';
export type * from '../wasm/openai_admin_wasm.js';
export default OpenAIAdmin;
