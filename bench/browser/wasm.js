// This package in a browser: the browser entry point, which fetches the .wasm next to it.
import OpenAIAdmin from '../../pkg/dist/index.js';
import { script } from './script.js';

export function make(baseURL, adminAPIKey) {
  const client = new OpenAIAdmin({ adminAPIKey, baseURL, maxRetries: 0, dangerouslyAllowBrowser: true });
  return script(client.admin.organization);
}
