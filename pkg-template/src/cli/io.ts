/**
 * How every command writes: the one writer (`put`, which waits for a full pipe to drain), the
 * key's redaction on the way out, and the one rule for text from the API shown on a terminal
 * (`sanitize`).
 */

/** Where output goes (process.stdout / stderr, or a test's stand-in). */
export interface Output {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  once?(event: 'drain', listener: () => void): unknown;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

/** Writes, waiting for a full pipe to drain. */
export async function put(out: Output, text: string): Promise<void> {
  if (text === '') return;
  if (!out.write(text) && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
}

/** Replaces every occurrence of the key with `[redacted]`. */
export function redactor(key: string | undefined): (text: string) => string {
  if (key === undefined || key.length < 4) return (t) => t;
  return (t) => (t.includes(key) ? t.split(key).join('[redacted]') : t);
}

/** `out`, with `redact` applied to everything written to it. */
export function withRedaction(out: Output, redact: (t: string) => string): Output {
  const wrapped: Output = { write: (t) => out.write(redact(t)) };
  if (out.isTTY !== undefined) wrapped.isTTY = out.isTTY;
  // Live: a terminal's size changes while the explorer runs.
  Object.defineProperty(wrapped, 'columns', { get: () => out.columns, enumerable: true });
  Object.defineProperty(wrapped, 'rows', { get: () => out.rows, enumerable: true });
  if (out.once) wrapped.once = (e, l) => out.once!(e, l);
  if (out.on) wrapped.on = (e, l) => out.on!(e, l);
  if (out.off) wrapped.off = (e, l) => out.off!(e, l);
  return wrapped;
}

const NAMED: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escape = (c: string) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Control characters (C0, DEL and C1) shown escaped as JSON escapes them (`\n`, `\u001b`), so
 * that a value cannot drive the terminal. With `lines`, tabs and line breaks stay (readable text).
 */
export function sanitize(s: string, lines = false): string {
  return s.replace(lines ? CONTROLS_BUT_LINES : CONTROLS, escape);
}
