/**
 * The loader's lanes: one per per-entity endpoint, holding its pending reads (the front first) and
 * the reads being made now, each with its own abort, so that a read of an entity deleted meanwhile
 * is dropped rather than sent.
 */
import { method, type AdminClient } from './client.js';
import type { EntityKind } from './snapshot.js';

/**
 * Every item of a list, page after page. `onBatch`, when given, gets the items every `batch`
 * items (a page) and the rest at the end.
 */
export async function readAll(
  client: AdminClient,
  op: string,
  args: unknown[],
  signal: AbortSignal | undefined,
  onBatch?: { batch: number; add: (items: unknown[], all: unknown[]) => void },
): Promise<unknown[]> {
  const items: unknown[] = [];
  let handed = 0;
  const hand = () => {
    if (handed < items.length) onBatch?.add(items.slice(handed), items);
    handed = items.length;
  };
  const pages = method(client, op)(...args, signal ? { signal } : undefined) as AsyncIterable<unknown>;
  for await (const item of pages) {
    items.push(item);
    if (onBatch && items.length - handed >= onBatch.batch) hand();
  }
  hand();
  return items;
}

export interface Waiter {
  keys: Set<string>;
  resolve: () => void;
}

/** One endpoint's pending reads: the front first, then in the order they were added. */
export class Lane {
  readonly pending = new Map<string, string>();
  /** Keys read before the rest, the latest ask first. */
  front = new Set<string>();
  /**
   * The reads being made now (not pending again when prioritized), each with the abort that drops
   * it when its entity is deleted meanwhile.
   */
  readonly reading = new Map<string, AbortController>();
  unsent = 0;
  inFlight = 0;
  done = 0;
  wakers: (() => void)[] = [];
  take(): string | undefined {
    for (const key of this.front) {
      this.front.delete(key);
      if (this.pending.has(key)) return this.#remove(key);
    }
    const first = this.pending.keys().next();
    return first.done ? undefined : this.#remove(first.value);
  }
  #remove(key: string): string {
    const id = this.pending.get(key)!;
    this.pending.delete(key);
    return id;
  }
  poke(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const w of wakers) w();
  }
}

export const keyOf = (kind: EntityKind, id: string) => `${kind}:${id}`;
