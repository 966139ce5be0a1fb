/**
 * Durations for people, in one place: how the command line writes a wait or the time left
 * (`38 s`, `4 min 10 s`, `2 h 50 min`), and how it reads one a person gives (`30s`, `15m`, `2h`,
 * `1h30m`, `0`; a bare number is seconds).
 */

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `2 h 50 min`, `4 min 10 s`, `38 s`: rounded up to what matters at that size. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'an unknown time';
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const min = Math.ceil(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h >= 48) return `${Math.ceil(min / 1440)} days`;
  return `${h} h${min % 60 ? ` ${min % 60} min` : ''}`;
}

/**
 * `30s`, `15m`, `2h`, `1h30m`, `500ms`, `1d`, `0`, or a number of seconds, in milliseconds; `null`
 * when `text` is none of these.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 1000;
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(t)) return null;
  let ms = 0;
  for (const [, n, unit] of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) ms += Number(n) * UNITS[unit!]!;
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The time scale `OPENAI_ADMIN_TIME_SCALE` asks for (its raw value): a positive number, 1 when
 * unset or empty; anything else throws, naming the variable. The scheduler's caps (60 s after a
 * 429 without `Retry-After`, 5 minutes of a `Retry-After`) are multiplied by it (its `timeScale`),
 * for tests that treat "N per 6 s" as "N a minute" (0.1). The `access` commands and
 * `openai-admin console` (which hands it to its page) read it here.
 */
export function timeScaleOf(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`OPENAI_ADMIN_TIME_SCALE must be a positive number, got '${raw}'`);
  return n;
}
