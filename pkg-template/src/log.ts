/**
 * Logging as the official SDK does it (`internal/utils/log`): a `logger` with `error`, `warn`,
 * `info` and `debug`, filtered by `logLevel` (`'off' | 'error' | 'warn' | 'info' | 'debug'`,
 * default `'warn'`, or `OPENAI_LOG`). Every line of this package goes through it.
 */

type LogFn = (message: string, ...rest: unknown[]) => void;
export type Logger = {
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
};
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

const levelNumbers: Record<LogLevel, number> = { off: 0, error: 200, warn: 300, info: 400, debug: 500 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(levelNumbers, value);
}

function noop() {}

/**
 * The logger's method for `level`, or a no-op when `logLevel` filters it out. Lines pass through
 * `scrub` (which removes the key, should a message ever carry it).
 */
export function logFn(logger: Logger | undefined, logLevel: LogLevel, level: keyof Logger, scrub: (s: string) => string): LogFn {
  if (!logger || levelNumbers[level] > levelNumbers[logLevel] || typeof logger[level] !== 'function') return noop;
  return (message, ...rest) => logger[level].call(logger, scrub(String(message)), ...rest);
}
