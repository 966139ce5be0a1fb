/**
 * `openai-admin console`: the access console page, served on 127.0.0.1 by the console's web server
 * (`server/console-server.ts`: the page, the package and the server handler on one origin), with
 * the admin key kept in this process. The server's sign-in is the one-time link (`oneTimeLink`):
 * it prints a URL with a one-time token, which the browser trades for an HttpOnly session cookie.
 * Read-only unless `--allow-writes`; `--audit FILE` appends the handler's audit events as JSON
 * lines. Ctrl-C stops it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BASE_URL } from '../options.js';
import type { AuditEvent } from '../server/types.js';
import { put, type Output } from './io.js';
import type { ExtraInvocation } from './registry.js';
import type { RunOptions } from './run.js';
import { consoleSnapshot } from './console-snapshot.js';
import { timeScaleOf } from './durations.js';

/** The package's root (this file is dist/cli/console.js). */
const PKG_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

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

/** Runs the console until `o.stopped` (Ctrl-C); resolves to the exit status. */
export async function runConsole({ values, globals }: ExtraInvocation, o: RunOptions): Promise<number> {
  const key = globals.adminApiKey;
  if (!key) {
    await put(o.stderr, 'openai-admin console: no admin key: set OPENAI_ADMIN_KEY or pass --admin-api-key\n');
    return 2;
  }
  const baseURL = globals.baseURL ?? DEFAULT_BASE_URL;
  const allowWrites = values['allow-writes'] === true;
  let timeScale: number;
  try {
    // The page's loads pace themselves with the same caps as the `access` commands.
    timeScale = timeScaleOf(o.env.OPENAI_ADMIN_TIME_SCALE);
  } catch (e) {
    await put(o.stderr, `openai-admin console: ${(e as Error).message}\n`);
    return 2;
  }
  const snapshot = consoleSnapshot(values, o.env, baseURL, key, (l) => void put(o.stderr, `openai-admin console: ${l}\n`));
  if (typeof snapshot === 'string') {
    await put(o.stderr, `openai-admin console: ${snapshot}\n`);
    return 2;
  }
  const wwwDir = path.join(PKG_ROOT, 'www');
  if (!existsSync(path.join(wwwDir, 'index.html'))) {
    await put(o.stderr, `openai-admin console: the page is missing from this package (${wwwDir})\n`);
    return 1;
  }

  // Listening for Ctrl-C from here on: a signal during start-up also stops it cleanly.
  const stopped =
    o.stopped ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
  const { startConsoleServer, oneTimeLink } = await import('../server/console-server.js');
  const { jsonLinesAudit } = await import('../server/node.js');
  const auditFile = typeof values.audit === 'string' ? jsonLinesAudit(values.audit) : undefined;
  const audit = auditFile ? (event: AuditEvent) => auditFile(event) : undefined;
  const port = values.port === undefined ? 0 : Number(values.port);
  let server;
  try {
    server = await startConsoleServer({
      handler: {
        baseURL,
        adminAPIKey: key,
        ...(audit ? { audit } : {}),
        log: (level, message) => o.stderr.write(`openai-admin console: ${level}: ${message}\n`),
      },
      signIn: oneTimeLink({ allowWrites }),
      www: wwwDir,
      pkg: PKG_ROOT,
      port,
      log: (message) => o.stderr.write(`openai-admin console: ${message}\n`),
      snapshot,
      timeScale,
    });
  } catch (e) {
    await put(o.stderr, `openai-admin console: cannot listen on 127.0.0.1:${port}: ${(e as Error).message}\n`);
    return 1;
  }
  await put(
    o.stdout,
    `openai-admin console on ${server.url}/ (${allowWrites ? 'reads and writes' : 'read-only; --allow-writes to change access'}), API ${baseURL}\n` +
      `Open this link (it works once):\n  ${server.link}\nCtrl-C stops it.\n`,
  );
  if (values.open === true) openBrowser(server.link, o.env, o.stderr);

  await stopped;
  await server.close();
  await auditFile?.close?.();
  snapshot.close();
  await put(o.stdout, 'openai-admin console stopped\n');
  return 0;
}
