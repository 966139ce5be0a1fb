// `openai-admin-wasm/access` as an installed package resolves it: import (Node ESM), require
// (CommonJS twin), and the browser entry for bundlers; and the client's own entry does not pull it in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../support/mock.mjs';

const pkg = path.join(repoRoot(), 'pkg');
const app = mkdtempSync(path.join(tmpdir(), 'openai-admin-access-app-'));
mkdirSync(path.join(app, 'node_modules'));
symlinkSync(pkg, path.join(app, 'node_modules', 'openai-admin-wasm'), 'dir');
after(() => rmSync(app, { recursive: true, force: true }));

const NAMES = [
  'DEFAULT_MAX_AGE', 'Organization', 'SNAPSHOT_FORMAT', 'Scheduler', 'SchedulerDeadlineError', 'Snapshot', 'SnapshotError', 'SnapshotFile', 'applyPlan', 'asOfText', 'busyEndpoints', 'cacheDir', 'emptyOrganization', 'endpointLines', 'endpointText', 'fingerprint', 'foldName', 'limitedEndpoints', 'loadAccessModule', 'loadOrganization', 'projectRolesText', 'rateText', 'recordApplied', 'retryPlan', 'startLoadingOrganization', 'waitText',
];

test('import and require of openai-admin-wasm/access give the same calls, and the model works', () => {
  writeFileSync(
    path.join(app, 'esm.mjs'),
    `import * as a from 'openai-admin-wasm/access';
const org = await a.emptyOrganization();
org.model.addUsers([{ object: 'organization.user', id: 'user_1', name: 'Ada', email: 'ada@example.com', role: 'owner', added_at: 1 }]);
console.log(JSON.stringify({ names: Object.keys(a).sort(), users: org.stats().users }));`,
  );
  writeFileSync(path.join(app, 'cjs.cjs'), `const a = require('openai-admin-wasm/access'); console.log(JSON.stringify({ names: Object.keys(a).filter((k) => k !== 'default' && k !== '__esModule').sort() }));`);
  const esm = JSON.parse(execFileSync(process.execPath, ['esm.mjs'], { cwd: app, encoding: 'utf8' }));
  assert.deepEqual(esm, { names: NAMES, users: 1 });
  const cjs = JSON.parse(execFileSync(process.execPath, ['cjs.cjs'], { cwd: app, encoding: 'utf8' }));
  assert.deepEqual(cjs.names, NAMES);
});

test('the client entry imports nothing of the access code', () => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) visit(path.resolve(path.dirname(file), m[1]));
  };
  visit(path.join(pkg, 'dist', 'index.js'));
  const access = [...seen].filter((f) => /access/.test(path.relative(pkg, f)));
  assert.deepEqual(access, []);
  assert.ok(seen.size > 5);
});
