// startLoadingOrganization: the organization answers while it loads. Against the mock with 450
// synthetic users on top of the demo seed and 20 ms per answer: progress counted by kind (users
// listed a page at a time with no total until the last page, then each user's and group's own
// reads), search over what has arrived before the load ends, and the same organization at the end
// as loadOrganization's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { OpenAIAdmin } from '../../pkg/dist/node.js';
import { loadOrganization, startLoadingOrganization } from '../../pkg/dist/access/node.js';
import { all } from './harness.mjs';

let mock;
before(async () => {
  mock = await startMock({ seed: 'demo', args: ['--users', '450', '--groups', '6', '--members-per-group', '30', '--latency-ms', '20'] });
});
after(() => mock?.stop());
const client = () => new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: `${mock.api}`, maxRetries: 0 });

test('the organization is searchable before the load ends, and progress counts each kind', async () => {
  const users = await all(mock, 'users');
  const groups = await all(mock, 'groups');
  const roles = await all(mock, 'roles');
  const events = [];
  const loading = await startLoadingOrganization(client(), { concurrency: 4, onProgress: (p) => events.push(structuredClone(p)) });
  const org = loading.organization;
  try {
    assert.equal(org.complete, false);
    assert.equal(org.loadStats, undefined);
    // The first page of users (100) is searchable while the rest is still being read.
    const first = users[0];
    let hit = [];
    let when;
    while (!loading.progress.users.listed) await new Promise((r) => setTimeout(r, 5));
    hit = org.search(first.email, 5);
    when = structuredClone(loading.progress);
    assert.ok(
      hit.some((h) => h.kind === 'user' && h.id === first.id),
      `found ${first.email} with ${when.users.listed} users listed`,
    );
    assert.equal(org.complete, false, 'found before the load ended');
    assert.ok(when.done < when.total || when.users.total === null, JSON.stringify(when));

    const stats = await loading.done;
    assert.equal(org.complete, true);
    assert.deepEqual(org.loadStats, stats);
    // The projects list, and per active project its members, groups and roles and each group's project roles.
    const active = (await all(mock, 'projects')).filter((p) => p.archived_at === null);
    let projectReads = 1;
    for (const p of active) projectReads += 3 + (await all(mock, `projects/${p.id}/groups`)).length;
    assert.equal(stats.reads, 3 + groups.length * 2 + users.length + projectReads);

    // Users are listed a page (100) at a time, with no total until the list's end (the last page
    // is counted, then the total is known).
    const listing = events.filter((e) => e.users.total === null);
    assert.deepEqual(
      [...new Set(listing.map((e) => e.users.listed))].filter((n) => n > 0),
      [...Array.from({ length: Math.ceil(users.length / 100) - 1 }, (_, i) => (i + 1) * 100), users.length],
    );
    assert.ok(listing.every((e) => e.users.loaded === 0 && e.groups.loaded === 0));
    const known = events.filter((e) => e.users.total !== null);
    assert.ok(known.every((e) => e.users.total === users.length), 'the total, once known, is the number of users');
    // Then each user's role list and each group's members and roles, counted as they finish.
    const loaded = known.map((e) => e.users.loaded);
    assert.deepEqual(loaded, [...loaded].sort((a, b) => a - b), 'users loaded only grows');
    assert.ok(new Set(loaded).size > 10, 'users loaded is reported as it grows');
    const last = events.at(-1);
    assert.equal(last.phase, 'done');
    assert.deepEqual(last.users, { listed: users.length, total: users.length, loaded: users.length });
    assert.deepEqual(last.groups, { listed: groups.length, total: groups.length, loaded: groups.length });
    assert.deepEqual(last.roles, { listed: roles.length, total: roles.length, loaded: roles.length });
    assert.deepEqual(loading.progress, last);

    // Complete, it is the organization loadOrganization reads.
    const whole = await loadOrganization(client(), { concurrency: 8 });
    try {
      assert.equal(org.dump(), whole.dump());
      assert.deepEqual(org.stats(), whole.stats());
    } finally {
      whole.free();
    }
  } finally {
    org.free();
  }
});

test('a load stopped half way: done rejects with the reason, the organization keeps what was read', async () => {
  const controller = new AbortController();
  const loading = await startLoadingOrganization(client(), {
    concurrency: 2,
    signal: controller.signal,
    onProgress: (p) => p.users.loaded >= 20 && controller.abort(new Error('stop here')),
  });
  const org = loading.organization;
  try {
    await assert.rejects(loading.done, /stop here/);
    assert.equal(org.complete, false);
    assert.equal(org.loadStats, undefined);
    const users = await all(mock, 'users');
    // Every user was listed (the directory comes first); the person answers with what was read.
    assert.equal(org.stats().users >= users.length, true);
    assert.ok(org.search(users.at(-1).email, 1).length === 1);
    assert.ok(loading.progress.users.loaded >= 20 && loading.progress.users.loaded < users.length, JSON.stringify(loading.progress.users));
  } finally {
    org.free();
  }
});

test('search hits carry the counts: members per group, holders per role, organization role per user', async () => {
  const org = await loadOrganization(client());
  try {
    // users(): the people list, by organization role.
    const apiUsers = await all(mock, 'users');
    const owners = apiUsers.filter((u) => u.role === 'owner').map((u) => u.id).sort();
    assert.deepEqual(org.users('owner').map((u) => u.id).sort(), owners);
    assert.equal(org.users().length, apiUsers.length);
    assert.deepEqual(Object.fromEntries(Object.entries(org.stats().organizationRoles)), { owner: owners.length, reader: apiUsers.length - owners.length });
    const engineering = (await all(mock, 'groups')).find((g) => g.name === 'Engineering');
    const members = await all(mock, `groups/${engineering.id}/users`);
    const [g] = org.search('Engineering', 1);
    assert.equal(g.detail, `${members.length} member${members.length === 1 ? '' : 's'}`);
    const holders = org.holdersOf('Role Administrator').holders.length;
    assert.ok(holders > 0);
    const [r] = org.search('Role Administrator', 1);
    assert.match(r.detail, new RegExp(` · ${holders} holders?$`));
    const ada = (await all(mock, 'users')).find((u) => u.email === 'ada.lovelace@example.com');
    const [u] = org.search(ada.email, 1);
    assert.equal(u.detail, `${ada.email} · ${ada.role}`);
  } finally {
    org.free();
  }
});
