// The snapshot's rules without the command line (pkg/dist/access): ages, which read
// wins a merge, what a whole list drops, what an apply writes back (through the access core's
// items), and reads in the order a person needs them (a prioritized user's roles read among the
// first, whatever its place in the list, and each part of the answer told as it is in).
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { KEY, repoRoot, startMock } from '../support/mock.mjs';

const dist = (f) => import(pathToFileURL(path.join(repoRoot(), 'pkg', 'dist', f)).href);
const access = await dist('access/node.js');
const { default: OpenAIAdmin } = await dist('node.js');
const { Snapshot, SnapshotError, SnapshotFile, asOfText, recordApplied } = access;

// Durations themselves are read and written by cli/durations.ts (tested in scheduler.test.mjs).
test('ages: as of the clock time (how long ago), with the date when not today', () => {
  const now = new Date(2026, 11, 7, 14, 14).getTime();
  assert.equal(asOfText(new Date(2026, 11, 7, 14, 2).getTime(), now), 'as of 14:02 (12 min ago)');
  assert.equal(asOfText(now - 10_000, now), 'as of 14:13 (just now)');
  assert.match(asOfText(now - 26 * 3_600_000, now), /^as of 2026-12-06 12:14 \(26 h ago\)$/);
});

test('parse refuses another API, key, version or shape; merge keeps the newer read of each entity', () => {
  const expect = { baseURL: 'https://api.test/v1', fingerprint: 'abcd' };
  const a = Snapshot.empty(expect.baseURL, expect.fingerprint);
  a.setList('groups', [{ id: 'g1' }, { id: 'g2' }], 100, true);
  a.setEntity('members', 'g1', [{ id: 'u1' }], 100);
  a.setEntity('members', 'g2', [{ id: 'u2' }], 300);
  const text = a.text();
  assert.deepEqual(Snapshot.parse(text, expect).data.members.g1.items, [{ id: 'u1' }]);
  for (const [other, reason] of [
    [{ ...expect, baseURL: 'https://other/v1' }, /another API/],
    [{ ...expect, fingerprint: 'ffff' }, /another key/],
  ]) {
    assert.throws(() => Snapshot.parse(text, other), (e) => e instanceof SnapshotError && reason.test(e.message));
  }
  assert.throws(() => Snapshot.parse(JSON.stringify({ ...JSON.parse(text), format: 2 }), expect), /format 2/);
  assert.throws(() => Snapshot.parse(text.slice(0, 40), expect), /not JSON/);
  const b = Snapshot.parse(text, expect);
  b.setEntity('members', 'g1', [{ id: 'u9' }], 200);
  b.setEntity('members', 'g2', [{ id: 'old' }], 50);
  a.merge(b);
  assert.deepEqual(a.data.members.g1.items, [{ id: 'u9' }], 'theirs is newer');
  assert.deepEqual(a.data.members.g2.items, [{ id: 'u2' }], 'mine is newer');
  // A whole list drops the reads of what it no longer has.
  assert.deepEqual(a.setList('groups', [{ id: 'g1' }], 400, true), ['g2']);
  assert.equal(a.entity('members', 'g2'), undefined);
});

test("a save writes what another command saved meanwhile, and keeps its own snapshot as its model has it", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'openai-admin-snapshot-'));
  const options = { dir, baseURL: 'https://api.test/v1', key: 'sk-admin-test', warn: (line) => assert.fail(line) };
  const mine = new SnapshotFile(options);
  const other = new SnapshotFile(options);
  const a = mine.load();
  const b = other.load();
  a.setEntity('members', 'g1', [{ id: 'u1' }], 100);
  b.setEntity('projectGroupRoles', 'p1/g1', [{ id: 'r1' }], 200);
  other.save(b);
  mine.save(a);
  // Both reads are in the file; a's snapshot still has only its own, so its loader reads p1/g1
  // itself rather than count a read its model never saw.
  const saved = mine.load();
  assert.deepEqual(saved.entity('members', 'g1').items, [{ id: 'u1' }]);
  assert.deepEqual(saved.entity('projectGroupRoles', 'p1/g1').items, [{ id: 'r1' }]);
  assert.equal(a.entity('projectGroupRoles', 'p1/g1'), undefined);
});

let mock;
before(async () => (mock = await startMock({ seed: 'demo', args: ['--latency-ms', '20'] })));
after(() => mock.stop());

test('an apply writes what it changed into the snapshot, as the model says after it', async () => {
  await mock.reset();
  const client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api });
  const snapshot = Snapshot.empty(mock.api, 'x');
  const org = await access.loadOrganization(client, { snapshot });
  const eng = org.group('Engineering');
  const newcomer = org.users().find((u) => !eng.members.some((m) => m.id === u.id));
  const doc = JSON.parse(org.dump('json'));
  doc.groups.Engineering.members.push(newcomer.email);
  doc.groups['New Team'] = { members: [newcomer.email] };
  const plan = org.plan(JSON.stringify({ groups: { Engineering: doc.groups.Engineering, 'New Team': doc.groups['New Team'] } }));
  const outcomes = await access.applyPlan(client, plan);
  assert.ok(outcomes.every((o) => o.status === 'done'));
  const readAt = snapshot.entity('members', eng.group.id).at;
  org.applyOutcomes(plan, outcomes);
  recordApplied(snapshot, org.model, plan.operations, outcomes);
  assert.ok(snapshot.entity('members', eng.group.id).items.some((m) => m.id === newcomer.id), 'the member added');
  assert.equal(snapshot.entity('members', eng.group.id).at, readAt, 'the read keeps its time');
  const created = outcomes.find((o, i) => plan.operations[i].operation === 'groups.create').result.id;
  assert.ok(snapshot.list('groups').items.some((g) => g.id === created && g.name === 'New Team'), 'the group created');
  assert.deepEqual(snapshot.entity('members', created).items.map((m) => m.id), [newcomer.id]);
  // A model filled from the snapshot alone plans nothing more.
  const again = await access.startLoadingOrganization(client, { snapshot, maxAge: 3_600_000 });
  await again.done;
  assert.equal(again.organization.plan(JSON.stringify({ groups: { Engineering: doc.groups.Engineering, 'New Team': doc.groups['New Team'] } })).operations.length, 0);
  again.organization.free();
  org.free();
});

test('prioritize: a user listed last has its roles read among the first, and the answer is ready before the load ends', async () => {
  await mock.reset();
  await mock.clearRequests();
  const client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api });
  const loading = await access.startLoadingOrganization(client, { concurrency: 1 });
  await loading.organization.listed();
  const users = loading.organization.users();
  const last = users.map((u) => u.id).sort().at(-1);
  await loading.organization.prioritize({ user: last });
  assert.equal(loading.organization.complete, false, 'answered before the end');
  assert.notEqual(loading.organization.readAt({ user: last }), null);
  await loading.done;
  const roleReads = (await mock.requests()).data.filter((r) => /^\/v1\/organization\/users\/[^/]+\/roles$/.test(r.path)).map((r) => decodeURIComponent(r.path.split('/')[4]));
  assert.equal(new Set(roleReads).size, users.length, 'every user read once in the end');
  assert.ok(roleReads.indexOf(last) <= 1, `read at ${roleReads.indexOf(last)} of ${roleReads.length}`);
  loading.organization.free();
});

test("prioritize tells each part as it is in: a user's own roles first, then every group's members, then resolves", async () => {
  await mock.reset();
  const client = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api });
  const loading = await access.startLoadingOrganization(client, { concurrency: 1 });
  await loading.organization.listed();
  const org = loading.organization;
  const last = org.users().map((u) => u.id).sort().at(-1);
  const parts = [];
  await org.prioritize({ user: last }, { onRead: () => parts.push({ own: org.readAt({ user: last }) !== null, members: org.unread().members }) });
  assert.equal(parts.length, 2, 'told twice before it resolved');
  assert.deepEqual(parts[0].own, true, "first: the user's own roles are read");
  assert.deepEqual(parts[1], { own: true, members: 0 }, "then: every group's members (the user's groups are known)");
  const group = org.stats().membersPerGroup.at(-1).group.id;
  const told = [];
  await org.prioritize({ group }, { onRead: () => told.push(org.readAt({ group }) === null) });
  assert.equal(told.length, 1, 'a group: told once its members are in');
  assert.notEqual(org.readAt({ group }), null, 'resolved once its roles are in too');
  await loading.done;
  org.free();
});
