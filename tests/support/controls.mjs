// The mock's HTTP side: its API and its `/__mock` controls over plain `fetch`. No Node modules, so
// that pages served by the mock can import it as well as Node tests.

/** The admin key the mock requires by default (`--admin-key`, see mock.mjs). */
export const KEY = 'sk-admin-demo';

/**
 * Calls on the mock at `url` (its origin) with `key` as the bearer token:
 * `call(method, path, body)` for any route, plus the controls `reset`, `faults(rules)`,
 * `clearFaults`, `requests` (the body of `GET /__mock/requests`: `{ data: [...] }`) and
 * `clearRequests`. `api` is the base URL of the API, for an SDK's `baseURL`.
 */
export function mockClient(url, key = KEY) {
  /** JSON (or text) of the answer; throws on a status other than 2xx. */
  async function call(method, path, body) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
  }
  const control = (method, route, body) => call(method, `/__mock/${route}`, body);
  return {
    url,
    api: `${url}/v1`,
    call,
    /** Fresh seed data, no faults, empty request log. */
    reset: () => control('POST', 'reset'),
    faults: (rules) => control('POST', 'faults', rules),
    clearFaults: () => control('DELETE', 'faults'),
    requests: () => control('GET', 'requests'),
    clearRequests: () => control('DELETE', 'requests'),
  };
}
