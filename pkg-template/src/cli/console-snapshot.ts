/**
 * The console's snapshot: the process keeps the same snapshot file as the `access` commands (same
 * folder, same API and key) and hands it to its page at `/snapshot` (behind the session cookie,
 * same-origin only): `GET` answers the snapshot's JSON (no key in it, only its fingerprint), so
 * the page opens on it at once; `PUT` takes the page's snapshot back (as the page read more), and
 * it is saved, merged with the file, as the commands save theirs.
 */
import type http from 'node:http';
import { SnapshotFile } from '../access/snapshot-file.js';
import { Snapshot, SnapshotError } from '../access/snapshot.js';
import { snapshotSettings } from './access-snapshot.js';

/** A page's snapshot is refused above this size. */
const MAX_BODY = 256 * 1024 * 1024;

type Send = (res: http.ServerResponse, status: number, body: string, headers?: Record<string, string>) => void;

export interface ConsoleSnapshot {
  /** Whether there is one to hand to the page (not under --no-cache). */
  kept: boolean;
  serve(req: http.IncomingMessage, res: http.ServerResponse, send: Send): void;
  close(): void;
}

/** The console's snapshot, or the usage error naming the flag. */
export function consoleSnapshot(
  values: Record<string, unknown>,
  env: Record<string, string | undefined>,
  baseURL: string,
  key: string,
  warn: (line: string) => void,
): ConsoleSnapshot | string {
  const settings = snapshotSettings(values, env);
  if (typeof settings === 'string') return settings;
  if (settings.dir === null) {
    return { kept: false, serve: (_req, res, send) => send(res, 404, 'no snapshot (--no-cache)\n'), close: () => {} };
  }
  const file = new SnapshotFile({ dir: settings.dir, baseURL, key, warn });
  let snapshot = file.load();
  const expect = { baseURL: file.baseURL, fingerprint: file.fingerprint };
  return {
    kept: true,
    serve(req, res, send) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        return send(res, 200, req.method === 'HEAD' ? '' : snapshot.text(), { 'content-type': 'application/json' });
      }
      if (req.method !== 'PUT') return send(res, 405, 'method not allowed\n');
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        try {
          const theirs = Snapshot.parse(Buffer.concat(chunks).toString('utf8'), expect);
          theirs.merge(snapshot);
          theirs.version = snapshot.version + 1;
          snapshot = theirs;
          file.save(snapshot);
          send(res, 204, '');
        } catch (e) {
          send(res, 400, `${e instanceof SnapshotError ? e.message : 'not a snapshot'}\n`);
        }
      });
    },
    close: () => file.save(snapshot),
  };
}
