/** Static files of the console server (console-server.ts): one rule for what a URL path may reach. */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file below `dir` for a URL path, or null: no dot files, nothing outside `dir`. */
export function resolveStatic(dir: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.split('/').some((s) => s.startsWith('.'))) return null;
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(dir, `.${rel}`);
  if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) return null;
  const real = realpathSync(file);
  return real.startsWith(realpathSync(dir) + path.sep) ? real : null;
}
