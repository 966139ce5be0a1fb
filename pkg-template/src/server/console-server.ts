/**
 * The console's web server (Node only, like `server/node.ts`): the page, the package's browser
 * files and the server handler on one origin, on 127.0.0.1. `openai-admin console` runs it, and
 * so do the demo server and the end-to-end tests (scripts/demo-server.mjs), so that they test the
 * server admins run.
 *
 * - Every request must name this server in `Host` (127.0.0.1 or localhost on its port, or the
 *   host it was given): another name is a DNS-rebinding page, answered 403 before anything else.
 * - `/v1/…` goes to the handler (`createAdminHandler`), whose `authorize` the sign-in decides.
 * - `/session` says who the page is signed in as (and whether the process keeps a snapshot, and
 *   the time scale of its scheduler's caps when one is set);
 *   `/snapshot` (when given one: `openai-admin console`'s) GETs and PUTs the organization as last
 *   read, for the page itself only (the cookie, and same-origin as the API calls);
 *   `/pkg/dist/…` and `/pkg/wasm/…` are the package,
 *   everything else the page (`resolveStatic`: no dot files, nothing outside the folder), with
 *   their MIME types and security headers (no framing, no sniffing, no referrer).
 *
 * Sign-in, `oneTimeLink` (the console's): the printed URL carries a one-time token (as Jupyter's
 * does). The first request carrying it gets a session cookie (HttpOnly, SameSite=Strict, named
 * after the port) and a 303 to the same address without the token; the token is then spent.
 * Everything else needs the cookie (401 without, nothing sent upstream), and API calls must come
 * from the page itself: an `Origin` of another origin, or a `Sec-Fetch-Site` other than
 * `same-origin`, gets 403. Read-only unless `allowWrites`: the handler refuses every write with 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAdminHandler, forbidden, toNodeHandler } from './node.js';
import { resolveStatic } from './static.js';
import type { AdminHandlerOptions, Authorize } from './types.js';

/** MIME types of the files the page and the package are made of. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

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

/** What `/session` answers, and what the handler is told about a request: who it is. */
export interface SignIn {
  /** The handler's `authorize`: who sent this API request (null: nobody, 401). */
  authorize: Authorize;
  /** Whether a request for the page (not the API) may be answered; false gets 401. */
  mayView(req: http.IncomingMessage): boolean;
  /** `/session`'s JSON for this request. */
  session(url: URL): Record<string, unknown>;
  /** Answers a sign-in request (the one-time link), or returns false for any other request. */
  signIn?(req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean;
  /** Told the server's origins once it listens (what a same-origin request names). */
  listening?(origins: readonly string[], port: number): void;
  /** The URL to print, once listening: the one-time link. */
  link?(base: string): string;
}

/**
 * The console's sign-in: a one-time link that becomes an HttpOnly session cookie, API calls from
 * the page's own origin only, and writes only with `allowWrites`.
 */
export function oneTimeLink({ allowWrites }: { allowWrites: boolean }): SignIn {
  let oneTime: string | null = randomBytes(24).toString('base64url');
  const sessions = new Set<string>();
  let origins: readonly string[] = [];
  let cookieName = '';
  const role = allowWrites ? 'admin' : 'viewer';
  const who = { user: 'console', role };
  const signedIn = (cookie: string | null | undefined): boolean => {
    const sid = cookieValue(cookie, cookieName);
    return sid !== null && sessions.has(sid);
  };
  return {
    authorize: (request, operation) => {
      if (!signedIn(request.headers.get('cookie'))) return null;
      const origin = request.headers.get('origin');
      const site = request.headers.get('sec-fetch-site');
      if ((origin !== null && !origins.includes(origin)) || (site !== null && site !== 'same-origin')) {
        throw forbidden(who, 'Requests must come from the console page itself.');
      }
      if (operation.writes && !allowWrites) {
        throw forbidden(who, `${operation.name} writes, and this console was started read-only (restart it with --allow-writes).`);
      }
      return who;
    },
    mayView: (req) => signedIn(req.headers.cookie),
    session: () => ({ user: who.user, role, session: 'cookie', server: 'openai-admin-wasm/server' }),
    signIn(req, res, url) {
      const token = url.searchParams.get('token');
      if (token === null) return false;
      const site = req.headers['sec-fetch-site'];
      if (oneTime === null || !sameSecret(token, oneTime) || (site !== undefined && site !== 'none' && site !== 'same-origin')) {
        send(res, 401, 'This link is not valid (it works once): open the URL printed by `openai-admin console`.\n');
        return true;
      }
      oneTime = null;
      const sid = randomBytes(24).toString('base64url');
      sessions.add(sid);
      url.searchParams.delete('token');
      send(res, 303, '', { location: url.pathname + url.search, 'set-cookie': `${cookieName}=${sid}; Path=/; HttpOnly; SameSite=Strict` });
      return true;
    },
    listening(o, port) {
      origins = o;
      cookieName = `openai_admin_console_${port}`;
    },
    link: (base) => `${base}/?token=${oneTime}`,
  };
}

export interface ConsoleServerOptions {
  /** The handler's options but `authorize`, which `signIn` gives. */
  handler: Omit<AdminHandlerOptions, 'authorize'>;
  signIn: SignIn;
  /** The page's folder (its index.html). */
  www: string;
  /** The package's folder: its `dist/` and `wasm/` are served under `/pkg/`. */
  pkg: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Where the server's own failures are told. */
  log?: (message: string) => void;
  /**
   * Handed to the page in `/session` (`timeScale`), which gives it to its loads' scheduler: the
   * scheduler's caps times this (`OPENAI_ADMIN_TIME_SCALE`, for tests; default 1, not said).
   */
  timeScale?: number;
  /** The snapshot the process keeps, served at `/snapshot` (`cli/console-snapshot.ts`). */
  snapshot?: {
    kept: boolean;
    serve(req: http.IncomingMessage, res: http.ServerResponse, send: (res: http.ServerResponse, status: number, body: string, headers?: Record<string, string>) => void): void;
  };
}

export interface ConsoleServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** The URL to open: the one-time link, or `url` + `/`. */
  readonly link: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts the console's web server; rejects when it cannot listen. */
export async function startConsoleServer(o: ConsoleServerOptions): Promise<ConsoleServer> {
  const host = o.host ?? '127.0.0.1';
  const api = toNodeHandler(createAdminHandler({ ...o.handler, authorize: o.signIn.authorize }));
  const www = path.resolve(o.www);
  const pkg = path.resolve(o.pkg);
  let origins: string[] = [];

  const server = http.createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    if (!origins.includes(`http://${hostHeader}`)) return send(res, 403, 'This console answers only on 127.0.0.1 and localhost.\n');
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    if (o.signIn.signIn?.(req, res, url)) return;
    if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) {
      api(req as unknown as Parameters<typeof api>[0], res).catch((err: Error) => {
        o.log?.(err.message);
        if (!res.headersSent) send(res, 500, 'error\n');
      });
      return;
    }
    const snapshot = url.pathname === '/snapshot' ? o.snapshot : undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD' && !snapshot) return send(res, 405, 'method not allowed\n');
    if (!o.signIn.mayView(req)) return send(res, 401, 'Not signed in: open the URL printed by `openai-admin console` (its token works once).\n');
    if (snapshot) {
      // The page's own requests only, as for the API: the snapshot is the organization.
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((origin !== undefined && !origins.includes(origin)) || (site !== undefined && site !== 'same-origin')) {
        return send(res, 403, 'The snapshot is for the console page itself.\n');
      }
      return snapshot.serve(req, res, send);
    }
    if (url.pathname === '/session') {
      const session = {
        ...o.signIn.session(url),
        ...(o.snapshot ? { snapshot: o.snapshot.kept } : {}),
        ...(o.timeScale !== undefined && o.timeScale !== 1 ? { timeScale: o.timeScale } : {}),
      };
      return send(res, 200, JSON.stringify(session), { 'content-type': 'application/json' });
    }
    const inPkg = /^\/pkg\/(dist|wasm)\//.test(url.pathname);
    const file = inPkg ? resolveStatic(pkg, url.pathname.slice(4)) : resolveStatic(www, url.pathname);
    if (!file) return send(res, 404, 'not found\n');
    res.writeHead(200, { ...SECURITY_HEADERS, 'cache-control': 'no-cache', 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origins = [...new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://${host.includes(':') ? `[${host}]` : host}:${port}`])];
  o.signIn.listening?.(origins, port);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    link: o.signIn.link?.(url) ?? `${url}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
