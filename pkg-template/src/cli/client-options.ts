/**
 * The one path from the global options to the client: `readGlobals` (parse.ts) reads them, and
 * `clientOptions` turns them into the options of the package's client, for every command that
 * calls the API (the table's commands, `access`, and completion's lookups).
 */
import { inspect } from 'node:util';
import type { Globals } from './parse.js';

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|api-key|x-api-key)$/i;

/** A `fetch` that prints each request and response on stderr (`--debug`). */
function debugFetch(base: typeof fetch, log: (text: string) => void): typeof fetch {
  let count = 0;
  const headerLines = (prefix: string, headers: Headers) => {
    const lines: string[] = [];
    headers.forEach((value, name) => lines.push(`${prefix} ${name}: ${SECRET_HEADERS.test(name) ? '[redacted]' : value}`));
    return lines;
  };
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const n = ++count;
    const copy = input instanceof Request ? new Request(input.clone(), init) : new Request(input, init);
    const body = await copy.text();
    log([`[${n}] > ${copy.method} ${copy.url}`, ...headerLines(`[${n}] >`, copy.headers), ...(body ? [`[${n}] > ${body}`] : [])].join('\n'));
    const started = Date.now();
    try {
      const response = await base(input, init);
      const text = await response.clone().text();
      log(
        [
          `[${n}] < ${response.status} ${response.statusText} (${Date.now() - started} ms)`,
          ...headerLines(`[${n}] <`, response.headers),
          ...(text ? [`[${n}] < ${text}`] : []),
        ].join('\n'),
      );
      return response;
    } catch (e) {
      log(`[${n}] < failed after ${Date.now() - started} ms: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }) as typeof fetch;
}

/**
 * The client's options from the global options: the key, base URL, organization, project and
 * retries as given; repeated `-H` of one name joined with `, ` (as the official CLI sends them);
 * the client's log lines on `log` (stderr), never in the output; with `--debug`, every request and
 * response there too, and where an answer differs from the spec.
 */
export function clientOptions(g: Globals, fetchImpl: typeof fetch | undefined, log: (t: string) => void): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (g.adminApiKey !== undefined) options.adminAPIKey = g.adminApiKey;
  if (g.baseURL !== undefined) options.baseURL = g.baseURL;
  if (g.organization !== undefined) options.organization = g.organization;
  if (g.project !== undefined) options.project = g.project;
  if (g.maxRetries !== undefined) options.maxRetries = g.maxRetries;
  if (g.headers.length > 0) {
    const headers: Record<string, string> = {};
    for (const [name, value] of g.headers) {
      const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
      if (existing !== undefined) headers[existing] = `${headers[existing]}, ${value}`;
      else headers[name] = value;
    }
    options.defaultHeaders = headers;
  }
  // Answers that differ from the spec are reported with --debug only: a command line prints data.
  options.responseDrift = g.debug ? 'warn' : 'off';
  const line = (...args: unknown[]) => log(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  options.logger = { error: line, warn: line, info: line, debug: line };
  if (g.debug) options.fetch = debugFetch(fetchImpl ?? globalThis.fetch, log);
  else if (fetchImpl) options.fetch = fetchImpl;
  return options;
}
