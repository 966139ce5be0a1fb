/**
 * Runs `count` tasks with at most `workers` at a time, in order of index; stops taking new ones
 * once `signal` aborts or `stop()` returns true.
 */
export async function pool(count: number, workers: number, task: (i: number) => Promise<void>, signal?: AbortSignal | null, stop?: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (stop?.()) return;
      await task(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, count)) }, worker));
}

/** A worker count: a positive number (floored), else `fallback`. Throws a RangeError naming `name` for a bad one. */
export function workers(value: number | undefined, name: string, fallback = 8): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
  return Math.max(1, Math.floor(value));
}
