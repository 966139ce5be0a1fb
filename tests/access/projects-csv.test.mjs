// Project rows of the memberships CSV end to end against the mock's demo seed: `access export
// --csv projects` writes each active project's members with their project role, and importing it
// plans nothing; edited rows (a member added, one promoted to owner, one removed) apply through
// the planner and converge, reading only the named project's members; every bad row (a bad role,
// an unknown project, an archived one, an unknown email) is named by its line and nothing is sent.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { access, file, writes } from './harness.mjs';

let mock;
before(async () => (mock = await startMock({ seed: 'demo' })));
after(() => mock?.stop());
beforeEach(() => mock.reset());

/** A project as the mock holds it now: its id and members (email → role), through `who`. */
async function project(name) {
  const r = await access(mock, ['who', name, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const answer = JSON.parse(r.stdout);
  return { id: answer.project.id, members: Object.fromEntries(answer.members.map((m) => [m.user.email, m.role])) };
}

/** The export's rows of one project: email → role. */
const rowsOf = (csv, name) =>
  Object.fromEntries(csv.trim().split(/\r?\n/).slice(1).map((l) => l.split(',')).filter((f) => f[0] === name).map((f) => [f[1], f[2]]));

test('export --csv projects writes the members of the active projects, and importing it plans nothing', async () => {
  const out = await access(mock, ['export', '--csv', 'projects']);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /^project,email,role\r?\n/);
  assert.deepEqual(rowsOf(out.stdout, 'billing-bot'), (await project('billing-bot')).members);
  assert.doesNotMatch(out.stdout, /Legacy Chatbot/, 'archived projects are not written');
  const plan = await access(mock, ['import', '--csv', file(out.stdout, 'csv'), '--exit-code']);
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
  assert.match(plan.stdout, /No changes/);
  assert.deepEqual(await writes(mock), []);
});

test('project rows apply through the planner, read only the named project, and converge', async () => {
  const before = await project('billing-bot');
  const owner = Object.keys(before.members).find((e) => before.members[e] === 'owner');
  const [promoted, removed] = Object.keys(before.members).filter((e) => e !== owner);
  assert.ok(promoted && removed && !('ada.lovelace@example.com' in before.members), JSON.stringify(before));
  const csv = file(`project,email,role,action\nbilling-bot,ada.lovelace@example.com,member\n${before.id},${promoted},owner\nbilling-bot,${removed},,remove\n`, 'csv');
  await mock.reset();
  const plan = JSON.parse((await access(mock, ['import', '--csv', csv, '--format', 'json'])).stdout);
  assert.deepEqual(plan.blocked, []);
  assert.deepEqual(plan.operations.map((o) => o.operation).sort(), ['projects.users.create', 'projects.users.delete', 'projects.users.update']);
  // The plan read the lists and billing-bot's members, no other project's lists.
  const log = (await mock.requests()).data;
  const projectReads = log.filter((e) => /\/projects\/[^/]+\//.test(e.path)).map((e) => e.path);
  assert.deepEqual(projectReads, [`/v1/organization/projects/${before.id}/users`], projectReads.join(', '));
  assert.deepEqual(await writes(mock), [], 'plan sends nothing');

  const applied = await access(mock, ['import', '--csv', csv, '--apply', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stderr, /0 failed, 0 skipped/);
  const members = { ...before.members, 'ada.lovelace@example.com': 'member', [promoted]: 'owner' };
  delete members[removed];
  assert.deepEqual((await project('billing-bot')).members, members);
  const sent = (await writes(mock)).length;
  assert.equal(sent, 3);
  const again = await access(mock, ['import', '--csv', csv, '--exit-code']);
  assert.equal(again.code, 0, again.stdout);
  assert.match(again.stdout, /No changes/);
  assert.equal((await access(mock, ['import', '--csv', csv, '--apply', '--yes'])).code, 0);
  assert.equal((await writes(mock)).length, sent, 'a second apply sends nothing');
});

test('every bad project row is named by its line, and nothing is sent', async () => {
  const before = await project('billing-bot');
  const csv = file(
    'project,email,role\nbilling-bot,ada.lovelace@example.com,member\nbilling-bot,grace.hopper@example.com,admin\nNo Such Project,ada.lovelace@example.com,member\nLegacy Chatbot,ada.lovelace@example.com,member\nbilling-bot,nobody@example.com,owner\n',
    'csv',
  );
  const bad = await access(mock, ['import', '--csv', csv, '--apply', '--yes']);
  assert.equal(bad.code, 1, bad.stdout);
  assert.match(
    bad.stderr,
    /f\d+\.csv:3\b.*not `admin`.*\n.*f\d+\.csv:4\b.*No Such Project.*\n.*f\d+\.csv:5\b.*Legacy Chatbot.*archived.*\n.*f\d+\.csv:6\b.*nobody@example\.com.*\nNothing was sent\.\n$/,
  );
  assert.deepEqual(await writes(mock), []);
  assert.deepEqual(await project('billing-bot'), before);
});
