// A page that loads the organization with `openai-admin-wasm/access` (the access module is fetched
// on first use, beside the client's).
import OpenAIAdmin from '../../pkg/dist/index.js';
import { loadOrganization } from '../../pkg/dist/access/index.js';

export async function make(baseURL, adminAPIKey) {
  const client = new OpenAIAdmin({ adminAPIKey, baseURL, dangerouslyAllowBrowser: true });
  const org = await loadOrganization(client);
  return org.stats();
}
