/**
 * The request scheduler as the loader and the snapshot use it: a `fetch` wrapper, the rates it
 * learned (kept in the snapshot and handed back on the next run), and an ETA per endpoint.
 *
 * Today this adapts the shared `Pacer` (one window for every endpoint, nothing learned across
 * runs); the per-endpoint scheduler takes its place behind the same interface.
 */
import { Pacer, type FetchLike } from './pacer.js';

/** A rate learned for one endpoint (`GET /organization/users/{user_id}/roles`). */
export interface LearnedRate {
  endpoint: string;
  perMinute: number;
  /** When it was learned (epoch ms). */
  at: number;
}

/** What the loader needs of a scheduler. */
export interface RequestScheduler {
  fetch(base: FetchLike): FetchLike;
  learned(): LearnedRate[];
  /** How long `remaining` more requests to `endpoint` should take; null when nothing is known yet. */
  etaMs(endpoint: string, remaining: number): number | null;
  /** Requests in flight at most (the loader runs this many reads at a time per endpoint). */
  readonly concurrency: number;
}

const PARAMS: Record<string, string> = { users: 'user_id', groups: 'group_id', roles: 'role_id' };

/** `GET /organization/users/{user_id}/roles`: the method and the route template, ids left out. */
export function endpointOf(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url, 'http://x').pathname;
  } catch {
    path = url.split('?')[0] ?? url;
  }
  const parts = path.split('/').filter(Boolean);
  const start = parts.indexOf('organization');
  const route = (start >= 0 ? parts.slice(start) : parts).map((p, i, all) => {
    const param = PARAMS[all[i - 1] ?? ''];
    return param ? `{${param}}` : p;
  });
  return `${method.toUpperCase()} /${route.join('/')}`;
}

/** The URL and method of a `fetch` call. */
export function requestOf(input: string | URL | Request, init?: RequestInit): { method: string; url: string } {
  if (typeof input === 'string') return { method: init?.method ?? 'GET', url: input };
  if (input instanceof URL) return { method: init?.method ?? 'GET', url: input.href };
  return { method: init?.method ?? input.method, url: input.url };
}

/** Today's pacer behind the scheduler's interface: ETAs from the answers seen per endpoint in the last minute. */
export class PacerScheduler implements RequestScheduler {
  readonly pacer: Pacer;
  #answers = new Map<string, number[]>();
  #now: () => number;

  constructor(pacer: Pacer, now: () => number = () => Date.now()) {
    this.pacer = pacer;
    this.#now = now;
  }
  get concurrency(): number {
    return this.pacer.concurrency;
  }
  fetch(base: FetchLike): FetchLike {
    const paced = this.pacer.fetch(base);
    return async (input, init) => {
      const response = await paced(input, init);
      if (response.ok) {
        const { method, url } = requestOf(input, init);
        const key = endpointOf(method, url);
        const list = this.#answers.get(key) ?? [];
        list.push(this.#now());
        if (list.length > 200) list.splice(0, list.length - 200);
        this.#answers.set(key, list);
      }
      return response;
    };
  }
  learned(): LearnedRate[] {
    return [];
  }
  etaMs(endpoint: string, remaining: number): number | null {
    if (remaining <= 0) return 0;
    const now = this.#now();
    const recent = (this.#answers.get(endpoint) ?? []).filter((t) => now - t < 60_000);
    if (recent.length < 2) return null;
    const span = Math.max(1, now - recent[0]!);
    return Math.round((remaining * span) / recent.length);
  }
}
