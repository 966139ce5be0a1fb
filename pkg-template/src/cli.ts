#!/usr/bin/env node
/**
 * `openai-admin`: the official OpenAI CLI's commands for organization groups, users and roles
 * (`openai-admin admin:organization:groups list`), run on this package's client in Node.
 * See `openai-admin --help`.
 */
import { readFileSync } from 'node:fs';
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

process.exitCode = await run({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  version: version(),
  load: () => import('./node.js') as Promise<unknown> as Promise<ClientModule>,
});
