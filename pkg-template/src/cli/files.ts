/**
 * `@file` values, read as the official OpenAI CLI reads them in a JSON request's body and query:
 *
 * - `@perms.txt`: the file's content, as text when it is UTF-8 text, base64 otherwise;
 * - `@file://desc.md`: the content as text, always; `@data://logo.png`: base64, always;
 * - `@-` (or `@/dev/stdin`): standard input, read once;
 * - `\@name`: the literal `@name`;
 * - `@name` where no file `name` exists and the name has no `.`, `/` or `\`: the literal `@name`
 *   (a handle, not a file); a name that looks like a path and cannot be read is an error.
 *
 * Every string is read this way, also inside a JSON value (`--metadata '{"logo": "@logo.png"}'`).
 * The content is sent as it is, a final newline included.
 */
import { readFileSync } from 'node:fs';

/** A `@file` that looks like a path and cannot be read. */
export class FileArgumentError extends Error {
  override name = 'FileArgumentError';
}

const STDIN_PATHS = new Set(['-', '/dev/stdin', '/dev/fd/0']);

/** Reads files and standard input for one command line (standard input only once). */
export class FileReader {
  private stdinUsed = false;
  constructor(private readonly readStdin: () => Buffer = () => readFileSync(0)) {}

  private read(path: string): Buffer {
    if (STDIN_PATHS.has(path)) {
      if (this.stdinUsed) throw new FileArgumentError('standard input has already been read by another value; it can only be read once');
      this.stdinUsed = true;
      return this.readStdin();
    }
    return readFileSync(path);
  }

  /** One string value, with `@file` replaced by the content. */
  embed(value: string): string {
    if (value.startsWith('\\@')) return value.slice(1);
    if (!value.startsWith('@')) return value;
    for (const [prefix, as] of [['@data://', 'base64'], ['@file://', 'text']] as const) {
      if (!value.startsWith(prefix)) continue;
      const path = value.slice(prefix.length);
      const content = this.readOrThrow(path, value);
      return as === 'base64' ? content.toString('base64') : content.toString('utf8');
    }
    const path = value.slice(1);
    let content: Buffer;
    try {
      content = this.read(path);
    } catch (e) {
      if (e instanceof FileArgumentError) throw e;
      // `@username` is a value; `@perms.txt` or `@./x` is a file that must be readable.
      if (!/[./\\]/.test(path) && (e as NodeJS.ErrnoException).code === 'ENOENT') return value;
      throw new FileArgumentError(`cannot read ${value}: ${describe(e)}`);
    }
    return isUtf8Text(content) ? content.toString('utf8') : content.toString('base64');
  }

  private readOrThrow(path: string, value: string): Buffer {
    try {
      return this.read(path);
    } catch (e) {
      if (e instanceof FileArgumentError) throw e;
      throw new FileArgumentError(`cannot read ${value}: ${describe(e)}`);
    }
  }

  /** Every string in a value (a string, a list, a JSON object), each embedded. */
  embedAll(value: unknown): unknown {
    if (typeof value === 'string') return this.embed(value);
    if (Array.isArray(value)) return value.map((v) => this.embedAll(v));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.embedAll(v)]));
    }
    return value;
  }
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or directory';
  if (err.code === 'EACCES') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a directory';
  return err.message ?? String(e);
}

/** Signatures of formats that are not text even though their first bytes are (as a MIME sniffer reads them). */
const BINARY_SIGNATURES = ['%PDF-', '%!PS-Adobe-', 'GIF87a', 'GIF89a'];

/**
 * Whether a file's content is plain UTF-8 text: no bytes that only binary data has in its first
 * 512 bytes (the MIME sniffing rule the official CLI uses), not a known binary signature, and
 * valid UTF-8 throughout.
 */
export function isUtf8Text(content: Buffer): boolean {
  const head = content.subarray(0, 512);
  for (const b of head) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return false;
  }
  const start = head.toString('latin1');
  if (BINARY_SIGNATURES.some((s) => start.startsWith(s))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}
