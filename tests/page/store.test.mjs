// The page's one state (www/js/store.js): the load and its progress, a load abandoned by a new
// connection, waiting for the whole organization, the writes' touched ids and their times, a
// console's snapshot the load starts from, and what a view opens read first.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createStore, touchedBy } from '../../www/js/store.js';
import { fakeOrg, op } from './fake-org.mjs';

/** A loader whose load the test finishes: `finish()` or `fail(err)`; `progress(p)` reports. */
function loader() {
  const loads = [];
  const startLoading = async (client, options) => {
    const organization = fakeOrg();
    organization.complete = false;
    let finish;
    let fail;
    const done = new Promise((resolve, reject) => {
      finish = () => {
        organization.complete = true;
        resolve({});
      };
      fail = reject;
    });
    loads.push({ client, options, organization, finish, fail, progress: (p) => options.onProgress(p) });
    return { organization, done };
  };
  return { loads, startLoading };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A store connected with client `c` and a loader; `waiting`: the promise of its whole organization (the load started). */
async function connected(options = {}) {
  const { loads, startLoading } = loader();
  const store = createStore({ startLoading, ...options });
  store.connect({ client: 'c' });
  const waiting = store.organization();
  await tick();
  return { loads, store, waiting };
}

test('a load: loading, the organization as soon as it starts, progress, then complete with every entity known as of its end', async () => {
  const { loads, startLoading } = loader();
  const store = createStore({ startLoading, now: () => 1000 });
  const seen = [];
  store.subscribe((c, s) => seen.push(`${c.type}:${s.load.status}:${s.org ? 'org' : '-'}`));
  store.connect({ client: 'client-1', role: 'admin' });
  assert.equal(store.canChange(), false);
  const whole = store.organization();
  await tick();
  assert.equal(loads.length, 1, 'organization() started the load');
  assert.equal(loads[0].client, 'client-1');
  loads[0].progress({ done: 1 });
  assert.deepEqual(store.state.load.progress, { done: 1 });
  loads[0].finish();
  assert.equal(await whole, loads[0].organization);
  assert.deepEqual(seen, ['connection:idle:-', 'load:loading:-', 'load:loading:org', 'progress:loading:org', 'load:complete:org']);
  assert.equal(store.canChange(), true);
  assert.equal(store.state.asOf.user.get('u-grace'), 1000);
  assert.equal(store.state.asOf.group.get('g-ops'), 1000);
  assert.equal(store.state.asOf.role.get('r-aud'), 1000);
  assert.equal(await store.organization(), loads[0].organization, 'once complete, no second load');
  assert.equal(loads.length, 1);
});

test('a new connection abandons the load under way: its organization is freed, its progress and end ignored', async () => {
  const { loads, store, waiting: first } = await connected();
  store.connect({ client: 'b', role: 'viewer' });
  await assert.rejects(first, /connection changed/);
  assert.equal(loads[0].options.signal.aborted, true);
  assert.equal(loads[0].organization.calls.freed, 1, 'the abandoned organization is freed');
  const seen = [];
  store.subscribe((c) => seen.push(c.type));
  loads[0].progress({ done: 9 });
  loads[0].finish();
  await tick();
  assert.deepEqual(seen, [], 'the old load says nothing');
  assert.equal(store.state.org, null);
  store.load();
  await tick();
  loads[1].finish();
  await tick();
  assert.equal(store.state.load.status, 'complete');
  assert.equal(store.canChange(), false, 'a viewer is offered no change');
});

test('a load that fails: failed with its error, waiters rejected, the organization read so far kept', async () => {
  const { loads, store, waiting: whole } = await connected();
  loads[0].fail(new Error('HTTP 500'));
  await assert.rejects(whole, /HTTP 500/);
  assert.equal(store.state.load.status, 'failed');
  assert.match(store.state.load.error.message, /HTTP 500/);
  assert.equal(store.state.org, loads[0].organization);
});

test('changed: the revision, each touched entity as of now, and the subscribers told what was touched', async () => {
  let t = 5;
  const { loads, store } = await connected({ now: () => t });
  loads[0].finish();
  await tick();
  const told = [];
  const off = store.subscribe((c) => c.type === 'changed' && told.push(c.touched));
  t = 9;
  store.changed({ users: new Set(['u-ada']), groups: new Set(['g-new']), roles: new Set(), deleted: new Set() });
  assert.equal(store.state.revision, 1);
  assert.equal(store.state.asOf.user.get('u-ada'), 9);
  assert.equal(store.state.asOf.user.get('u-grace'), 5);
  assert.equal(store.state.asOf.group.get('g-new'), 9);
  assert.deepEqual([...told[0].users], ['u-ada']);
  off();
  store.changed({ users: new Set(), groups: new Set(), roles: new Set(), deleted: new Set() });
  assert.equal(told.length, 1, 'unsubscribed');
});

test('invalidate: the organization is dropped and, when one was read, read again', async () => {
  const { loads, startLoading } = loader();
  const store = createStore({ startLoading });
  store.connect({ client: 'c' });
  store.invalidate();
  await tick();
  assert.equal(loads.length, 0, 'nothing was read: nothing to read again');
  store.load();
  await tick();
  loads[0].finish();
  await tick();
  store.invalidate();
  await tick();
  assert.equal(loads[0].organization.calls.freed, 1);
  assert.equal(loads.length, 2);
  assert.equal(store.state.load.status, 'loading');
});

test('touchedBy: the ids of the operations that were done, created ids and `{ from }` resolved', () => {
  const plan = {
    operations: [
      op('groups.create', {}, { name: 'New' }),
      op('groups.users.create', { group_id: { from: 0 } }, { user_id: 'u-ada' }),
      op('users.roles.delete', { user_id: 'u-grace', role_id: 'r-aud' }, null, '-'),
      op('users.update', { user_id: 'u-eve' }, { role: 'owner' }, '~'),
      op('roles.create', {}, { role_name: 'X' }),
      op('groups.delete', { group_id: 'g-old' }, null, '-'),
    ],
  };
  const t = touchedBy(plan, [{ status: 'done', result: { id: 'g-new' } }, { status: 'done' }, { status: 'done' }, { status: 'failed' }, { status: 'done', result: { id: 'r-new' } }, { status: 'done', result: null }]);
  assert.deepEqual([...t.groups].sort(), ['g-new', 'g-old']);
  assert.deepEqual([...t.deleted], ['g-old']);
  assert.deepEqual([...t.users].sort(), ['u-ada', 'u-grace']);
  assert.deepEqual([...t.roles].sort(), ['r-aud', 'r-new']);
  assert.deepEqual([...touchedBy(plan, []).users], [], 'nothing done, nothing touched');
});

test("a connection that keeps a snapshot: the load starts from it and keeps what it reads; each entity is as of its own read; a view's entity is read first, once per load", async () => {
  const { loads, startLoading } = loader();
  const kept = [];
  const snapshots = {
    read: async () => ({ format: 1, users: 'as read' }),
    keep: (org) => {
      kept.push(org);
      return () => kept.push('stopped');
    },
  };
  const store = createStore({ startLoading, snapshots, now: () => 1000, maxAge: 60_000 });
  const reads = [];
  store.subscribe((c) => c.type === 'read' && reads.push(`${c.kind}:${c.id}`));
  store.connect({ client: 'c', snapshot: true });
  const whole = store.organization();
  await tick();
  await tick();
  assert.deepEqual(loads[0].options.snapshot, { format: 1, users: 'as read' }, 'the snapshot handed to the load');
  assert.equal(loads[0].options.maxAge, 60_000);
  assert.equal(loads[0].options.includeArchived, true, 'archived projects listed, to be shown as archived');
  assert.deepEqual(kept, [loads[0].organization], 'what the load reads is kept');
  const org = loads[0].organization;
  const asked = [];
  // The organization reads the person's own roles first (onRead), the rest of the answer later.
  let rest;
  org.prioritize = (ref, { onRead }) => {
    asked.push(ref);
    return new Promise((resolve) => {
      rest = resolve;
      setTimeout(onRead, 0);
    });
  };
  org.readAt = (ref) => (ref.user === 'u-grace' ? 400 : null);
  store.prioritize('user', 'u-grace');
  store.prioritize('user', 'u-grace');
  await tick();
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(asked, [{ user: 'u-grace' }], 'asked once per load');
  assert.deepEqual(reads, ['user:u-grace'], 'the view is told as soon as part of its answer is in, before the rest');
  rest();
  await tick();
  assert.deepEqual(reads, ['user:u-grace', 'user:u-grace'], 'and again once all of it is');
  loads[0].finish();
  await whole;
  assert.deepEqual(kept.at(-1), 'stopped', 'kept a last time at the end');
  assert.equal(store.state.asOf.user.get('u-grace'), 400, 'as of its read, older than the load');
  assert.equal(store.state.asOf.user.get('u-ada'), 1000, 'never read before: as of the load');
  store.prioritize('group', 'g-eng');
  store.prioritize('role', 'r-owner');
  assert.equal(asked.length, 1, 'nothing to read first once complete');
  // A person's (or a project's members') own project roles are read only when asked: also now.
  store.prioritize('user', 'u-ada');
  assert.equal(kept.at(-1), org, 'what it reads is kept in the snapshot');
  rest();
  await tick();
  await tick();
  assert.equal(kept.at(-1), 'stopped', 'sent once it is in');
  store.prioritize('project', 'proj-1');
  store.prioritize('user', 'u-ada');
  assert.deepEqual(asked.slice(1), [{ user: 'u-ada' }, { project: 'proj-1' }], 'asked once each');
  // After a change (new members, whose own project roles are unread), asked again.
  store.changed({ users: new Set(['u-grace']), groups: new Set(), roles: new Set(), deleted: new Set() });
  store.prioritize('project', 'proj-1');
  store.prioritize('group', 'g-eng');
  assert.deepEqual(asked.slice(3), [{ project: 'proj-1' }]);
});

test('a connection without a snapshot: the load starts from nothing, nothing kept', async () => {
  const { loads, startLoading } = loader();
  let readCalls = 0;
  const store = createStore({ startLoading, snapshots: { read: async () => (readCalls++, {}), keep: () => () => {} } });
  store.connect({ client: 'c' });
  store.organization();
  await tick();
  assert.equal(readCalls, 0);
  assert.equal('snapshot' in loads[0].options, false);
  assert.equal('timeScale' in loads[0].options, false, 'the scheduler keeps its own caps');
});

test("the console's time scale is handed to each load (its scheduler's caps); a value that is no positive number is not", async () => {
  const { loads, startLoading } = loader();
  const store = createStore({ startLoading });
  for (const timeScale of [0.1, 'fast', -1, undefined]) {
    store.connect({ client: 'c', timeScale });
    store.organization().catch(() => {});
    await tick();
  }
  assert.deepEqual(
    loads.map((l) => l.options.timeScale),
    [0.1, undefined, undefined, undefined],
  );
});
