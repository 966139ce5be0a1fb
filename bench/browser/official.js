// The official SDK (openai@7.57.0) in a browser.
import OpenAI from 'openai';
import { script } from './script.js';

export function make(baseURL, adminAPIKey) {
  const client = new OpenAI({
    adminAPIKey,
    apiKey: 'unused',
    baseURL,
    maxRetries: 0,
    dangerouslyAllowBrowser: true,
  });
  return script(client.admin.organization);
}
