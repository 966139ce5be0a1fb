// What every reliability case uses: the canary key, a handle on the mock's controls, and plain
// assertions (no Node modules, so that the same code runs in Chromium).

import { mockClient } from '../support/controls.mjs';

/** A key to search for everywhere: it must never show in an error or a log line. */
export const CANARY_KEY = 'sk-admin-SECRET-CANARY-123';

export const GROUPS = '/v1/organization/groups';

/** The mock's `/__mock` controls (support/controls.mjs), `requests()` resolving to the log itself. */
export function mockHandle(url, key = CANARY_KEY) {
  const mock = mockClient(url, key);
  return { ...mock, requests: async () => (await mock.requests()).data };
}

// --- assertions --------------------------------------------------------------------------------

export function show(value) {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  } catch {
    return String(value);
  }
}

export function ok(condition, message) {
  if (!condition) throw new Error(message);
}

export function eq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export function between(value, low, high, what) {
  ok(value >= low && value <= high, `${what}: expected ${low}..${high}, got ${value}`);
}

/** Resolves or rejects as `promise` does, or rejects once `ms` have passed: nothing hangs. */
export async function settle(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: promise still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every string an error exposes, as a user would print, log or serialize it. */
export function exposed(error, inspect) {
  const parts = [String(error), error.message, error.stack, show(error), show(error.error)];
  for (const name of Object.getOwnPropertyNames(error)) parts.push(`${name}=${show(error[name])}`);
  if (error.headers && typeof error.headers.entries === 'function') parts.push(show([...error.headers.entries()]));
  if (inspect) parts.push(inspect(error, { depth: 8, showHidden: true }));
  return parts.map(String);
}

/** Asserts that the canary key shows nowhere in `error`. */
export function assertNoKey(error, inspect) {
  for (const part of exposed(error, inspect)) {
    ok(!part.includes(CANARY_KEY), `the key leaked into an error: ${part.slice(0, 300)}`);
  }
}
