/**
 * `openai-admin console`: the access console page, served on 127.0.0.1 through the server handler
 * (`openai-admin-wasm/server`), with the admin key kept in this process.
 *
 * - It prints a URL with a one-time token (as Jupyter does). The first request carrying it is
 *   answered with a session cookie (HttpOnly, SameSite=Strict, named after the port) and a redirect
 *   to the same address without the token; the token is then spent. Everything else needs the
 *   cookie: without it, 401 and nothing is sent upstream.
 * - API calls must come from the page itself: a request whose `Origin` is another origin, or whose
 *   `Sec-Fetch-Site` is not `same-origin`, gets a 403; a `Host` other than 127.0.0.1/localhost on
 *   this port (DNS rebinding) gets a 403 before anything else.
 * - Read-only unless `--allow-writes`: every write is refused with 403 by the handler.
 * - `--audit FILE` appends the handler's audit events as JSON lines. Ctrl-C stops it.
 */
import { spawn } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AuditEvent, Authorize } from '../server/types.js';
import type { Output } from './run.js';
import { resolveStatic } from './static.js';
import { consoleSnapshot, SNAPSHOT_CONSOLE_FLAGS, SNAPSHOT_CONSOLE_USAGE } from './console-snapshot.js';

export interface ConsoleRunOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  /** Resolves once the console should stop (default: the first SIGINT or SIGTERM). */
  stopped?: Promise<unknown>;
}

const USAGE = `Usage: openai-admin console [OPTIONS]

Serves the access console (a web page) on 127.0.0.1 through the server handler. The admin key
stays in this process; the browser gets a session cookie from the one-time URL printed at start.

Options:
  --admin-api-key KEY   the admin key (default: OPENAI_ADMIN_KEY)
  --base-url URL        the API (default: OPENAI_BASE_URL, else https://api.openai.com/v1)
  --port N              the port on 127.0.0.1 (default: a free one)
  --allow-writes        let the page change access (default: read-only, every write gets 403)
  --audit FILE          append the handler's audit events to FILE as JSON lines
  --open                open the URL in the browser ($BROWSER, else the system's opener)
${SNAPSHOT_CONSOLE_USAGE}
  -h, --help            this help
Ctrl-C stops it.
`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The package's root (this file is dist/cli/console.js). */
const PKG_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "frame-ancestors 'none'",
};

function send(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function openBrowser(url: string, env: Record<string, string | undefined>, stderr: Output): void {
  const [cmd, ...args] = env.BROWSER
    ? [env.BROWSER, url]
    : process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', url]
        : ['xdg-open', url];
  try {
    const child = spawn(cmd!, args, { detached: true, stdio: 'ignore' });
    child.once('error', () => stderr.write(`openai-admin console: could not run ${cmd} to open the browser; open the URL above\n`));
    child.unref();
  } catch {
    stderr.write(`openai-admin console: could not open the browser; open the URL above\n`);
  }
}

/** Runs the console until `stopped` (Ctrl-C); resolves to the exit status. */
export async function runConsole(o: ConsoleRunOptions): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: o.argv.slice(o.argv.indexOf('console') + 1) as string[],
      options: {
        'admin-api-key': { type: 'string' },
        'base-url': { type: 'string' },
        port: { type: 'string' },
        'allow-writes': { type: 'boolean' },
        audit: { type: 'string' },
        open: { type: 'boolean' },
        ...SNAPSHOT_CONSOLE_FLAGS,
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    o.stderr.write(`openai-admin console: ${(err as Error).message.replace(/\. To specify.*$/s, '')}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    o.stdout.write(USAGE);
    return 0;
  }
  const key = values['admin-api-key'] ?? o.env.OPENAI_ADMIN_KEY;
  if (!key) {
    o.stderr.write('openai-admin console: no admin key: set OPENAI_ADMIN_KEY or pass --admin-api-key\n');
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    o.stderr.write(`openai-admin console: --port must be a port number, got '${values.port}'\n`);
    return 2;
  }
  const baseURL = values['base-url'] ?? o.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1';
  const allowWrites = values['allow-writes'] === true;
  const snapshot = consoleSnapshot(values, o.env, baseURL, key, (l) => o.stderr.write(`openai-admin console: ${l}\n`));
  if (typeof snapshot === 'string') {
    o.stderr.write(`openai-admin console: ${snapshot}\n`);
    return 2;
  }
  const wwwDir = path.join(PKG_ROOT, 'www');
  if (!existsSync(path.join(wwwDir, 'index.html'))) {
    o.stderr.write(`openai-admin console: the page is missing from this package (${wwwDir})\n`);
    return 1;
  }

  // Listening for Ctrl-C from here on: a signal during start-up also stops it cleanly.
  const stopped =
    o.stopped ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
  const server = await import('../server/node.js');
  const auditFile = values.audit ? server.jsonLinesAudit(values.audit) : undefined;
  const audit = auditFile ? (event: AuditEvent) => auditFile(event) : undefined;

  // Secrets of this run: the one-time token (spent on first use) and the sessions it opened.
  let oneTime: string | null = randomBytes(24).toString('base64url');
  const sessions = new Set<string>();
  let origins: string[] = [];
  let cookieName = '';
  const role = allowWrites ? 'admin' : 'viewer';
  const who = { user: 'console', role };

  const signedIn = (cookie: string | null | undefined): boolean => {
    const sid = cookieValue(cookie, cookieName);
    return sid !== null && sessions.has(sid);
  };
  const authorize: Authorize = (request, operation) => {
    if (!signedIn(request.headers.get('cookie'))) return null;
    const origin = request.headers.get('origin');
    const site = request.headers.get('sec-fetch-site');
    if ((origin !== null && !origins.includes(origin)) || (site !== null && site !== 'same-origin')) {
      throw server.forbidden(who, 'Requests must come from the console page itself.');
    }
    if (operation.writes && !allowWrites) {
      throw server.forbidden(who, `${operation.name} writes, and this console was started read-only (restart it with --allow-writes).`);
    }
    return who;
  };
  const handler = server.createAdminHandler({
    baseURL,
    adminAPIKey: key,
    authorize,
    ...(audit ? { audit } : {}),
    log: (level, message) => o.stderr.write(`openai-admin console: ${level}: ${message}\n`),
  });
  const api = server.toNodeHandler(handler);

  const httpServer = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!origins.includes(`http://${host}`)) return send(res, 403, 'This console answers only on 127.0.0.1 and localhost.\n');
    const target = req.url ?? '/';
    const url = new URL(target, `http://${host}`);
    const token = url.searchParams.get('token');
    if (token !== null) {
      const site = req.headers['sec-fetch-site'];
      if (oneTime === null || !sameSecret(token, oneTime) || (site !== undefined && site !== 'none' && site !== 'same-origin')) {
        return send(res, 401, 'This link is not valid (it works once): open the URL printed by `openai-admin console`.\n');
      }
      oneTime = null;
      const sid = randomBytes(24).toString('base64url');
      sessions.add(sid);
      url.searchParams.delete('token');
      return send(res, 303, '', {
        location: url.pathname + url.search,
        'set-cookie': `${cookieName}=${sid}; Path=/; HttpOnly; SameSite=Strict`,
      });
    }
    if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) {
      api(req as unknown as Parameters<typeof api>[0], res).catch((err: Error) => {
        o.stderr.write(`openai-admin console: ${err.message}\n`);
        if (!res.headersSent) send(res, 500, 'error\n');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && url.pathname !== '/snapshot') return send(res, 405, 'method not allowed\n');
    if (!signedIn(req.headers.cookie)) {
      return send(res, 401, 'Not signed in: open the URL printed by `openai-admin console` (its token works once).\n');
    }
    if (url.pathname === '/snapshot') {
      // The page's own requests only, as for the API: the snapshot is the organization.
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((origin !== undefined && !origins.includes(origin)) || (site !== undefined && site !== 'same-origin')) {
        return send(res, 403, 'The snapshot is for the console page itself.\n');
      }
      return snapshot.serve(req, res, send);
    }
    if (url.pathname === '/session') {
      return send(res, 200, JSON.stringify({ user: who.user, role, session: 'cookie', server: 'openai-admin-wasm/server', snapshot: snapshot.kept }), {
        'content-type': 'application/json',
      });
    }
    const inPkg = /^\/pkg\/(dist|wasm)\//.test(url.pathname);
    const file = inPkg ? resolveStatic(PKG_ROOT, url.pathname.slice(4)) : resolveStatic(wwwDir, url.pathname);
    if (!file) return send(res, 404, 'not found\n');
    res.writeHead(200, { ...SECURITY_HEADERS, 'cache-control': 'no-cache', 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });

  const listening = await new Promise<AddressInfo | Error>((resolve) => {
    httpServer.once('error', resolve);
    httpServer.listen(port, '127.0.0.1', () => resolve(httpServer.address() as AddressInfo));
  });
  if (listening instanceof Error) {
    o.stderr.write(`openai-admin console: cannot listen on 127.0.0.1:${port}: ${listening.message}\n`);
    return 1;
  }
  const bound = listening.port;
  origins = [`http://127.0.0.1:${bound}`, `http://localhost:${bound}`];
  cookieName = `openai_admin_console_${bound}`;
  const link = `http://127.0.0.1:${bound}/?token=${oneTime}`;
  o.stdout.write(
    `openai-admin console on http://127.0.0.1:${bound}/ (${allowWrites ? 'reads and writes' : 'read-only; --allow-writes to change access'}), API ${baseURL}\n` +
      `Open this link (it works once):\n  ${link}\nCtrl-C stops it.\n`,
  );
  if (values.open) openBrowser(link, o.env, o.stderr);

  await stopped;
  await new Promise<void>((resolve) => {
    httpServer.close(() => resolve());
    httpServer.closeAllConnections();
  });
  await auditFile?.close?.();
  snapshot.close();
  o.stdout.write('openai-admin console stopped\n');
  return 0;
}
