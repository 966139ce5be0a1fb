// `openai-admin access export --csv` and `import --csv` end to end against the mock; group rows
// list the groups they do not name as unmanaged, never the projects, and read no project's lists;
// a bad CSV changes nothing on the server.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { access, file, snapshot, writes } from './harness.mjs';

let mock;
before(async () => (mock = await startMock({ seed: 'demo' })));
after(() => mock.stop());
beforeEach(() => mock.reset());

test('export memberships and assignments; import plans and applies group,email[,action] rows', async () => {
  const m = await access(mock, ['export', '--csv', 'memberships']);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stdout, /^group,email$/m);
  assert.match(m.stdout, /^Engineering,ada\.lovelace@example\.com$/m);
  const a = await access(mock, ['export', '--csv', 'assignments']);
  assert.match(a.stdout, /^role,principal_type,principal,source$/m);
  const csv = file('group,email,action\nDesign,ada.lovelace@example.com,add\nEngineering,ada.lovelace@example.com,remove\n', 'csv');
  const plan = await access(mock, ['import', '--csv', csv]);
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stdout, /\+ .*ada\.lovelace@example\.com/);
  assert.deepEqual(await writes(mock), []);
  const applied = await access(mock, ['import', '--csv', csv, '--apply', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  const state = await snapshot(mock);
  assert.ok(state.groups.Design[0].members.includes('ada.lovelace@example.com'));
  assert.ok(!state.groups.Engineering[0].members.includes('ada.lovelace@example.com'));
});

test('group rows leave the projects alone: none listed as unmanaged, none of their lists read', async () => {
  const csv = file('group,email\nDesign,ada.lovelace@example.com\n', 'csv');
  const text = await access(mock, ['import', '--csv', csv]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^ {2}groups \(\d+\): /m, 'the groups the rows do not name are listed');
  assert.doesNotMatch(text.stdout, /projects \(/);
  await mock.reset();
  const plan = JSON.parse((await access(mock, ['import', '--csv', csv, '--format', 'json'])).stdout);
  assert.ok(plan.unmanaged.some((u) => u.kind === 'group'), JSON.stringify(plan.unmanaged));
  assert.deepEqual(plan.unmanaged.filter((u) => u.kind !== 'group'), []);
  const projectReads = (await mock.requests()).data.filter((e) => /\/projects\/[^/]+\//.test(e.path)).map((e) => e.path);
  assert.deepEqual(projectReads, []);
});

test('every bad CSV row gets its line number, and no row of the file is applied', async () => {
  const before = await snapshot(mock);
  const csv = file('group,email\nDesign,grace.hopper@example.com\nEngineering,grace.hopper@example.com,bogus\nNo Such Group,ada.lovelace@example.com\n', 'csv');
  const bad = await access(mock, ['import', '--csv', csv, '--apply', '--yes']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /f\d+\.csv:3\b.*bogus.*\n.*f\d+\.csv:4\b.*No Such Group.*\nNothing was sent\.\n$/);
  assert.deepEqual(await writes(mock), []);
  assert.deepEqual(await snapshot(mock), before);
});
