// Shared by the runtime tests: where the scratch project and the tools are, running a command,
// reading the program's report from a process's output, and checking a report.
//
// These files run from a copy inside the scratch project that scripts/test-runtimes.sh makes
// (target/runtimes-test/project/runtimes/), where `openai-admin-wasm` is installed from the packed
// tarball and the runtimes are linked from the repository's node_modules.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../support/mock.mjs';
import { EXPECTED } from './program.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
/** The scratch project: `openai-admin-wasm` is in its node_modules, installed from the tarball. */
export const project = path.resolve(here, '..');
export const root = repoRoot();

/** A tool from the repository's devDependencies (node_modules/.bin). */
export function tool(name) {
  const p = path.join(root, 'node_modules', '.bin', name);
  if (!existsSync(p)) throw new Error(`${p} is missing: run npm ci in the repository (scripts/setup.sh)`);
  return p;
}

/** The environment of a child: this one without OpenAI's variables, plus `extra`. */
export function childEnv(extra = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|NODE_OPTIONS$|NODE_TEST_CONTEXT$)/.test(k)));
  return { ...base, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', WRANGLER_SEND_METRICS: 'false', DO_NOT_TRACK: '1', ...extra };
}

/**
 * Runs a command to its end; resolves to `{ status, signal, stdout, stderr, ms }`. Killed (by its
 * PID) after `timeoutMs`.
 */
export function run(cmd, args, { cwd = project, env = {}, timeoutMs = 120_000, input } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: childEnv(env), stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (input !== undefined) child.stdin.end(input);
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${timeoutMs} ms]`;
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** `run`, failing the test with the command's output when it exits with another status than 0. */
export async function runOk(cmd, args, options) {
  const r = await run(cmd, args, options);
  assert.equal(r.status, 0, `${path.basename(cmd)} ${args.join(' ')} exited with ${r.status ?? r.signal}\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-6000)}`);
  return r;
}

/** Reports printed as `REPORT <json>` lines by a program, in order. */
export function reportsIn(output) {
  return output
    .split('\n')
    .filter((l) => l.startsWith('REPORT '))
    .map((l) => JSON.parse(l.slice('REPORT '.length)));
}

/**
 * Checks one report of tests/runtimes/program.mjs: every step ran and gave the expected result.
 * `skip` names steps that cannot run there (none so far).
 */
export function checkReport(report, { skip = [] } = {}) {
  assert.ok(report && typeof report === 'object', `no report: ${JSON.stringify(report)}`);
  const { results } = report;
  for (const [name, expected] of Object.entries(EXPECTED)) {
    if (skip.includes(name)) continue;
    const got = results?.[name];
    assert.ok(got !== undefined, `${report.label}: step ${name} did not run`);
    assert.equal(got.threw, undefined, `${report.label}: ${name} threw ${got.name}: ${got.message}\n${got.stack ?? ''}`);
    assert.deepEqual(got, expected, `${report.label}: ${name}`);
  }
  assert.equal(typeof report.firstAnswerMs, 'number', `${report.label}: no first answer`);
}

/** The results of two reports are the same (this package and the official SDK in one runtime). */
export function sameAsOfficial(wasm, official) {
  assert.deepEqual(wasm.results, official.results, `${wasm.label} differs from ${official.label}`);
}

/** A duration for a diagnostic line. */
export const ms = (x) => (typeof x === 'number' ? `${x.toFixed(1)} ms` : 'never');
