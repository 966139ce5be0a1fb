/**
 * The `access` commands' snapshot: the settings its flags give (declared in the command registry,
 * checked by the parser), the file opened for this API and key, saving while a load runs and at
 * exit, saved plans, and the lines that say how old an answer is.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { SnapshotFile, cacheDir } from '../access/snapshot-file.js';
import { Snapshot, asOfText } from '../access/snapshot.js';
import { DEFAULT_MAX_AGE } from '../access/load.js';
import type { AccessPlan } from '../access/types.js';
import { parseDuration } from './durations.js';

export interface SnapshotSettings {
  /** null: --no-cache. */
  dir: string | null;
  maxAge: number;
  refresh: boolean;
  out: string | undefined;
}

/**
 * The snapshot flags' values (the parser checked each: `--max-age` a duration, `--refresh` true
 * or false), or the usage error's message naming the flag or variable.
 */
export function snapshotSettings(values: Record<string, unknown>, env: Record<string, string | undefined>): SnapshotSettings | string {
  const maxAge = values['max-age'] === undefined ? null : parseDuration(String(values['max-age']));
  const dirFlag = values['cache-dir'];
  if (dirFlag !== undefined && (typeof dirFlag !== 'string' || dirFlag.trim() === '')) return `--cache-dir must be a folder, got '${String(dirFlag)}'`;
  const envDir = env.OPENAI_ADMIN_CACHE_DIR;
  if (dirFlag === undefined && envDir !== undefined && envDir.trim() === '') return 'OPENAI_ADMIN_CACHE_DIR is set but empty';
  return {
    dir: values['no-cache'] === true ? null : ((dirFlag as string | undefined) ?? cacheDir(env)),
    maxAge: maxAge ?? DEFAULT_MAX_AGE,
    refresh: values['refresh'] !== 'false',
    out: values['out'] as string | undefined,
  };
}

/** The snapshot this command starts from, and how it is kept. */
export interface OpenSnapshot {
  snapshot: Snapshot;
  file: SnapshotFile | null;
  /** Saves every half second while it changes; `stop()` saves once more. */
  autosave(): { stop: () => void };
  save(): void;
}

export function openSnapshot(settings: SnapshotSettings, baseURL: string, key: string, warn: (line: string) => void): OpenSnapshot {
  if (settings.dir === null) {
    const snapshot = Snapshot.empty(baseURL, '');
    return { snapshot, file: null, autosave: () => ({ stop: () => {} }), save: () => {} };
  }
  const file = new SnapshotFile({ dir: settings.dir, baseURL, key, warn });
  const snapshot = file.load();
  return { snapshot, file, autosave: () => file.autosave(snapshot), save: () => file.save(snapshot) };
}

/** `Organization as of 14:02 (12 min ago)`, when some of what is shown was read before this command. */
export function ageLine(asOf: number | null, startedAt: number, what = 'Organization'): string {
  if (asOf === null || asOf >= startedAt) return '';
  return `${what} ${asOfText(asOf)}; --max-age 0 reads it again.\n`;
}

const PLAN_KIND = 'openai-admin-access-plan';

/** A saved plan: the plan, when it was made and on what, for the API and key it was made with. */
export interface SavedPlan {
  kind: typeof PLAN_KIND;
  format: 1;
  createdAt: number;
  /** The time of the oldest read the plan was made on. */
  asOf: number | null;
  baseURL: string;
  fingerprint: string;
  plan: AccessPlan;
}

export function savePlan(path: string, saved: Omit<SavedPlan, 'kind' | 'format'>): void {
  writeFileSync(path, `${JSON.stringify({ kind: PLAN_KIND, format: 1, ...saved }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** Whether `path` looks like a saved plan (JSON with the plan's kind) rather than an access file. */
export function isSavedPlan(text: string): boolean {
  try {
    return (JSON.parse(text) as { kind?: unknown })?.kind === PLAN_KIND;
  } catch {
    return false;
  }
}

/** The saved plan in `path`, or the reason it is refused. */
export function readPlan(path: string, expect: { baseURL: string; fingerprint: string; maxAge: number; now?: number }): SavedPlan | string {
  let saved: SavedPlan;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as SavedPlan;
  } catch (e) {
    return `${path} is not a saved plan (${(e as Error).message})`;
  }
  if (saved?.kind !== PLAN_KIND || saved.format !== 1 || !Array.isArray(saved.plan?.operations) || !Number.isFinite(saved.createdAt)) {
    return `${path} is not a saved plan of this version`;
  }
  if (saved.baseURL !== expect.baseURL || saved.fingerprint !== expect.fingerprint) return `${path} was made for another API or key`;
  const age = (expect.now ?? Date.now()) - saved.createdAt;
  if (age > expect.maxAge) return `${path} was made ${asOfText(saved.createdAt).replace(/^as of /, 'at ')}, longer ago than --max-age allows: plan again`;
  return saved;
}
