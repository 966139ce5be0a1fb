/** The JSON-lines file sink for audit events. */
import type { AuditEvent } from './types.js';

/** What the sink needs of `node:fs`. */
export interface FsLike {
  createWriteStream(path: string, options: { flags: string; mode: number; encoding: 'utf8' }): {
    write(chunk: string): boolean;
    end(callback?: () => void): unknown;
    on(event: 'error', listener: (err: Error) => void): unknown;
    once(event: 'drain', listener: () => void): unknown;
  };
}

/** An `audit` function that appends to a file; `flush()` waits for what was written so far, `close()` ends it. */
export interface JsonLinesAudit {
  (event: AuditEvent): void;
  /** Resolves once every event so far reached the file. */
  flush(): Promise<void>;
  /** Ends the file; later events are dropped. */
  close(): Promise<void>;
}

export interface JsonLinesAuditOptions {
  /** Strings to replace by `***` in every line, e.g. tokens an identity might carry. */
  redact?: readonly string[];
  /** Where a write failure is reported (default `console.error`). */
  onError?: (err: Error) => void;
}

/** @internal Makes `jsonLinesAudit` for an entry point, with the `fs` that entry can load. */
export function makeJsonLinesAudit(loadFs: () => FsLike) {
  /**
   * An audit sink writing one JSON object per line to `path` (appended, created with mode 0600).
   * Node (and runtimes with `node:fs`) only.
   */
  return function jsonLinesAudit(path: string, options: JsonLinesAuditOptions = {}): JsonLinesAudit {
    if (typeof path !== 'string' || path === '') throw new TypeError('jsonLinesAudit(path): a file path is required');
    const fs = loadFs();
    const stream = fs.createWriteStream(path, { flags: 'a', mode: 0o600, encoding: 'utf8' });
    const onError = options.onError ?? ((err: Error) => console.error(`openai-admin-wasm/server: audit file ${path}: ${err.message}`));
    const secrets = (options.redact ?? []).filter((s) => typeof s === 'string' && s !== '');
    let failed = false;
    let closed = false;
    stream.on('error', (err) => {
      if (!failed) onError(err);
      failed = true;
    });
    const line = (event: AuditEvent): string => {
      let text: string;
      try {
        text = JSON.stringify(event);
      } catch {
        text = JSON.stringify({ ...event, who: String(event.who) });
      }
      for (const s of secrets) if (text.includes(s)) text = text.split(s).join('***');
      return `${text}\n`;
    };
    const sink = ((event: AuditEvent) => {
      if (closed) return;
      stream.write(line(event));
    }) as JsonLinesAudit;
    sink.flush = () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        // An empty write calls back once everything queued before it is written.
        (stream as unknown as { write(c: string, cb: () => void): boolean }).write('', () => resolve());
      });
    sink.close = () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        stream.end(() => resolve());
      });
    return sink;
  };
}
