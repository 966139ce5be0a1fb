// The reliability and security cases, written once for Node and Chromium alike: plain ES, no
// Node modules, no test framework. `defineCases(env)` lists them; `runCase(case)` runs one with
// console.* captured and a deadline, and resolves to a plain result that crosses `page.evaluate`.
//
// env = {
//   lib:         the package's module namespace (default export and error classes),
//   mock:        mockHandle(url) of a mock started with `--admin-key CANARY_KEY`,
//   where:       'node' | 'chromium',
//   closedPort:  a loopback port that refuses connections,
//   inspect:     optional, Node's util.inspect, to search the key in what a log line would show,
//   official:    the official `openai` SDK's module namespace (7.57.0), to compare with where it
//                defines the behaviour,
// }

import { CANARY_KEY, settle, show } from './common.mjs';
import { context } from './context.mjs';
import { faultCases } from './faults.mjs';
import { answerCases } from './answers.mjs';
import { optionCases } from './options.mjs';
import { badInputCases } from './input.mjs';
import { pathCases } from './paths.mjs';
import { securityCases } from './security.mjs';

export { CANARY_KEY, mockHandle } from './common.mjs';

/**
 * The cases: `{ name, group, timeout, only?, run }`. Each `run` starts from a freshly reset mock
 * (seed data, no fault rules, empty request log).
 */
export function defineCases(env) {
  const cases = [];
  const c = context(env, cases);
  faultCases(c);
  answerCases(c);
  optionCases(c);
  badInputCases(c);
  pathCases(c);
  securityCases(c);
  return cases;
}

const LEVELS = ['log', 'info', 'warn', 'error', 'debug', 'trace'];

function formatArg(arg) {
  if (arg instanceof Error) return `${arg.stack ?? arg} ${show(arg)}`;
  return typeof arg === 'string' ? arg : show(arg);
}

/**
 * Runs one case: resets the mock, captures console.* (passing it on), races the case against its
 * deadline. Resolves to `{ name, group, ok, error?, note?, ms, logged }`: plain data.
 */
export async function runCase(env, c) {
  const logged = [];
  const saved = {};
  for (const level of LEVELS) {
    saved[level] = console[level];
    console[level] = (...args) => {
      logged.push(args.map(formatArg).join(' '));
      saved[level].apply(console, args);
    };
  }
  const start = performance.now();
  const result = { name: c.name, group: c.group, ok: false };
  try {
    await env.mock.reset();
    const note = await settle(Promise.resolve().then(c.run), c.timeout, c.name);
    result.ok = true;
    if (typeof note === 'string') result.note = note;
  } catch (error) {
    result.error = String(error?.message ?? error);
  } finally {
    for (const level of LEVELS) console[level] = saved[level];
  }
  result.ms = Math.round(performance.now() - start);
  result.logged = logged.length;
  const leaked = logged.find((line) => line.includes(CANARY_KEY));
  if (leaked) {
    result.ok = false;
    result.error = `${result.error ?? ''} the key was logged to the console: ${leaked.slice(0, 300)}`.trim();
  }
  return result;
}
