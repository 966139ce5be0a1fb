#!/usr/bin/env node
/**
 * `openai-admin`: the official OpenAI CLI's commands for organization groups, users and roles
 * (`openai-admin admin:organization:groups list`), and the commands outside the table (`access`,
 * `console`), run on this package's client in Node. Every command comes from one registry
 * (cli/registry.ts). See `openai-admin --help`.
 */
import { openSync, readFileSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import type { Keys } from './cli/explore.js';
import { run, type ClientModule } from './cli/run.js';

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// A reader that went away (`| head`) ends the output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

/** Keys for the explorer: standard input when it is a terminal, else the terminal itself. */
function keys(): Keys | undefined {
  if (process.stdin.isTTY) return process.stdin;
  try {
    return new ReadStream(openSync('/dev/tty', 'r'));
  } catch {
    return undefined;
  }
}

const argv = process.argv.slice(2);
const status = await run({
  argv,
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  version: version(),
  load: () => import('./node.js') as Promise<unknown> as Promise<ClientModule>,
  loadAccess: () => import('./access/node.js'),
  keys,
});
// Completion answers at once: requests still open after its deadline are dropped.
if (argv[0] === '__complete') process.exit(status);
process.exitCode = status;
