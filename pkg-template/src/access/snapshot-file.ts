/**
 * The snapshot on disk (Node only: imported by the Node entry points and the command line).
 *
 * - Where: `OPENAI_ADMIN_CACHE_DIR`, else `$XDG_CACHE_HOME/openai-admin`, else
 *   `~/.cache/openai-admin`; one file per API and key,
 *   `access-<hash of the base URL>-<key fingerprint>.json`.
 * - The key is never written: the file is named and marked with its fingerprint, an HMAC-SHA256
 *   of the key over a fixed label, 16 hex digits.
 * - Folders 0700, files 0600. Written atomically: a temporary file in the same folder, then a
 *   rename, so a kill at any moment leaves the old file or the new one. Before writing, the file
 *   as it is now (another command may have saved since) is merged into what is written: the
 *   newer read of each entity wins, so two commands at once lose nothing of each other's but what
 *   they raced on. The command's own snapshot stays what its model holds.
 * - A file that is not JSON, not a snapshot, of another format version, another API or another
 *   key is renamed `….bad` with one line said, and the command starts from nothing.
 * - A folder that cannot be written: one line said, and the command goes on without saving.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { Snapshot, SnapshotError } from './snapshot.js';

/** The fixed label the key's fingerprint is keyed over. */
const LABEL = 'openai-admin access snapshot v1';

/** The key's fingerprint: HMAC-SHA256 over a fixed label, keyed by the key, 16 hex digits. */
export function fingerprint(key: string): string {
  return createHmac('sha256', key).update(LABEL).digest('hex').slice(0, 16);
}

/** The cache folder: `OPENAI_ADMIN_CACHE_DIR`, `$XDG_CACHE_HOME/openai-admin`, `~/.cache/openai-admin`. */
export function cacheDir(env: Record<string, string | undefined>): string {
  if (env.OPENAI_ADMIN_CACHE_DIR) return env.OPENAI_ADMIN_CACHE_DIR;
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME || homedir(), '.cache');
  return path.join(base, 'openai-admin');
}

export interface SnapshotFileOptions {
  dir: string;
  baseURL: string;
  /** The admin key: only its fingerprint is kept. */
  key: string;
  /** One line, said once (a set-aside snapshot, an unwritable folder). */
  warn: (line: string) => void;
}

/** One API's and key's snapshot file. */
export class SnapshotFile {
  readonly path: string;
  readonly baseURL: string;
  readonly fingerprint: string;
  #dir: string;
  #warn: (line: string) => void;
  #writable = true;
  #saved = -1;

  constructor(o: SnapshotFileOptions) {
    this.#dir = path.resolve(o.dir);
    this.#warn = o.warn;
    this.baseURL = o.baseURL.replace(/\/+$/, '');
    this.fingerprint = fingerprint(o.key);
    const site = createHash('sha256').update(this.baseURL).digest('hex').slice(0, 12);
    this.path = path.join(this.#dir, `access-${site}-${this.fingerprint}.json`);
  }

  /** Whether saving works (false after the folder refused a write). */
  get writable(): boolean {
    return this.#writable;
  }

  /** The file's snapshot, or null when there is none or it cannot be used (then set aside, with one line). */
  #read(quiet: boolean): Snapshot | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // None there (the folder may not exist, or not be one: saving says so, once).
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && !quiet) this.#warn(`cannot read the snapshot ${this.path}: ${(e as Error).message}; reading the organization from the API`);
      return null;
    }
    try {
      return Snapshot.parse(text, { baseURL: this.baseURL, fingerprint: this.fingerprint });
    } catch (e) {
      if (!(e instanceof SnapshotError)) throw e;
      const aside = `${this.path}.bad`;
      try {
        renameSync(this.path, aside);
      } catch {
        // Left where it is: it is never read as a snapshot, and the next save replaces it.
      }
      this.#warn(`the snapshot ${this.path} was set aside (${e.message}); reading the organization again`);
      return null;
    }
  }

  /** Temporary files a killed save left behind (older than a minute) are removed. */
  #sweep(): void {
    const prefix = `.${path.basename(this.path)}.`;
    try {
      for (const name of readdirSync(this.#dir)) {
        if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
        const p = path.join(this.#dir, name);
        if (Date.now() - statSync(p).mtimeMs > 60_000) rmSync(p, { force: true });
      }
    } catch {
      // No folder yet, or not ours to clean: nothing to do.
    }
  }

  /** The snapshot as saved, or an empty one. */
  load(): Snapshot {
    this.#sweep();
    const s = this.#read(false) ?? Snapshot.empty(this.baseURL, this.fingerprint);
    this.#saved = s.version;
    return s;
  }

  /**
   * Writes `snapshot` (merged first with what the file holds now) atomically. Does nothing when it
   * did not change since the last save, or once the folder refused a write (said once).
   */
  save(snapshot: Snapshot): void {
    if (!this.#writable || snapshot.version === this.#saved) return;
    const version = snapshot.version;
    try {
      mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
      const onDisk = this.#read(true);
      // What another command saved meanwhile is written too, but not taken into `snapshot`: its
      // loader's model has not seen it.
      const merged = onDisk ? snapshot.mergedWith(onDisk) : snapshot;
      const temp = path.join(this.#dir, `.${path.basename(this.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, merged.text());
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      try {
        chmodSync(temp, 0o600);
        renameSync(temp, this.path);
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
      this.#saved = version;
    } catch (e) {
      this.#writable = false;
      this.#warn(`cannot save the snapshot in ${this.#dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); going on without it`);
    }
  }

  /** Saves every `everyMs` (half a second) while `snapshot` changes; `stop()` saves once more and stops. */
  autosave(snapshot: Snapshot, everyMs = 500): { stop: () => void } {
    const timer = setInterval(() => this.save(snapshot), everyMs);
    timer.unref?.();
    return {
      stop: () => {
        clearInterval(timer);
        this.save(snapshot);
      },
    };
  }
}
