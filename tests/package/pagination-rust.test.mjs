// The next-page rule has two owners, one per language: the package's page classes
// (pkg-template/src/pagination.ts) and the core's `ops::next_after`, which the Rust client
// (`openai-admin`, client/) asks. This test holds them to the same pages: on the same mock, the
// package's `for await` and the Rust client's `list_all` (client/examples/list_ids.rs, built here
// with cargo) visit the same ids in the same order and send the same requests, on a list that ends
// mid-page and on scripted pages where the two page classes differ (has_more without a cursor, an
// empty page that goes on, an empty cursor, an empty users page), and on a page whose items lack
// required fields (the package passes them on; the Rust models give them their absent values).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import OpenAIAdmin from 'openai-admin-wasm';
import { startMock, repoRoot, KEY } from '../support/mock.mjs';

let mock;
let org;
let walker;

before(async () => {
  const root = repoRoot();
  // Quiet unless it fails; a few seconds when `cargo test` has built the client already.
  execFileSync('cargo', ['build', '--quiet', '-p', 'openai-admin', '--example', 'list_ids'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  walker = path.join(root, 'target', 'debug', 'examples', 'list_ids');
  mock = await startMock({ seed: 'empty', args: ['--users', '2500', '--groups', '7'] });
  org = new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api, maxRetries: 0 }).admin.organization;
});
after(() => mock?.stop());

/** The requests the mock logged since the last call, as `METHOD path?query`. */
async function takeRequests() {
  const { data } = await mock.requests();
  await mock.clearRequests();
  return data.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`);
}

/** The ids the Rust client's `list_all` visits, and the requests it sent. */
async function rustWalk(list, limit) {
  await takeRequests();
  const run = spawnSync(walker, [list, String(limit)], {
    env: { ...process.env, OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: mock.api },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `list_ids ${list} ${limit} failed: ${run.stderr}`);
  return { ids: run.stdout.split('\n').filter(Boolean), requests: await takeRequests() };
}

/** The ids the package's `for await` visits, and the requests it sent. */
async function packageWalk(list, limit) {
  await takeRequests();
  const ids = [];
  for await (const item of org[list].list({ limit })) ids.push(item.id);
  return { ids, requests: await takeRequests() };
}

/** Arms `rules` (fault rules, matched in order), walks with the Rust client, arms them again, walks with the package. */
async function bothWalks(list, limit, rules = []) {
  await mock.faults(rules);
  const rust = await rustWalk(list, limit);
  await mock.faults(rules);
  const pkg = await packageWalk(list, limit);
  await mock.clearFaults();
  return { rust, pkg };
}

/** A scripted 200 answer for the next request to `path`. */
const page = (path, body) => ({ method: 'GET', path: `/v1/organization/${path}`, count: 1, status: 200, body });

test('2,500 users, 90 a page (the last page ends mid-page, with 70): the same ids, in order, with the same requests', async () => {
  const { rust, pkg } = await bothWalks('users', 90);
  assert.equal(pkg.ids.length, 2500);
  assert.equal(new Set(pkg.ids).size, 2500);
  assert.deepEqual(rust.ids, pkg.ids);
  assert.equal(pkg.requests.length, 28, '27 full pages and one of 70');
  assert.deepEqual(rust.requests, pkg.requests);
  assert.equal(pkg.requests[1], `GET /v1/organization/users?limit=90&after=${pkg.ids[89]}`);
});

test('users: has_more true but no last_id ends the list after that page, in both', async () => {
  const all = (await org.users.list({ limit: 3 })).data;
  const rules = [
    page('users', { object: 'list', data: all.slice(0, 2), has_more: true, first_id: all[0].id, last_id: all[1].id }),
    page('users', { object: 'list', data: all.slice(2, 3), has_more: true }),
  ];
  const { rust, pkg } = await bothWalks('users', 2, rules);
  assert.deepEqual(pkg.ids, all.map((u) => u.id));
  assert.deepEqual(rust.ids, pkg.ids);
  assert.equal(pkg.requests.length, 2);
  assert.deepEqual(rust.requests, pkg.requests);
});

test('users: an empty page with has_more and a last_id ends the list, in both', async () => {
  const rules = [page('users', { object: 'list', data: [], has_more: true, first_id: null, last_id: 'user_x' })];
  const { rust, pkg } = await bothWalks('users', 100, rules);
  assert.deepEqual(pkg.ids, []);
  assert.deepEqual(rust.ids, pkg.ids);
  assert.deepEqual(rust.requests, pkg.requests);
  assert.equal(pkg.requests.length, 1);
});

test('groups: an empty page with has_more and a next goes on; an empty next ends the list, in both', async () => {
  const groups = (await org.groups.list({ limit: 100 })).data;
  assert.equal(groups.length, 7);
  // An empty page pointing after the second group, then the real pages of 3 from there.
  let { rust, pkg } = await bothWalks('groups', 3, [
    page('groups', { object: 'list', data: [], has_more: true, next: groups[1].id }),
  ]);
  assert.deepEqual(pkg.ids, groups.slice(2).map((g) => g.id));
  assert.deepEqual(rust.ids, pkg.ids);
  assert.deepEqual(rust.requests, pkg.requests);
  assert.equal(pkg.requests[1], `GET /v1/organization/groups?limit=3&after=${groups[1].id}`);

  // has_more with an empty `next`, then has_more with no `next`: each ends the list.
  for (const end of [{ next: '' }, {}]) {
    ({ rust, pkg } = await bothWalks('groups', 3, [
      page('groups', { object: 'list', data: groups.slice(0, 3), has_more: true, next: groups[2].id }),
      page('groups', { object: 'list', data: groups.slice(3, 5), has_more: true, ...end }),
    ]));
    assert.deepEqual(pkg.ids, groups.slice(0, 5).map((g) => g.id), JSON.stringify(end));
    assert.deepEqual(rust.ids, pkg.ids, JSON.stringify(end));
    assert.deepEqual(rust.requests, pkg.requests);
    assert.equal(pkg.requests.length, 2);
  }

  // has_more: false ends it whatever its next.
  ({ rust, pkg } = await bothWalks('groups', 3, [
    page('groups', { object: 'list', data: groups.slice(0, 3), has_more: false, next: groups[2].id }),
  ]));
  assert.deepEqual(pkg.ids, groups.slice(0, 3).map((g) => g.id));
  assert.deepEqual(rust.ids, pkg.ids);
  assert.deepEqual(rust.requests, pkg.requests);
});

test('a page whose items lack required fields is walked on by both, never refused', async () => {
  const groups = (await org.groups.list({ limit: 100 })).data;
  const bare = groups.slice(0, 3).map(({ id }) => ({ id }));
  const { rust, pkg } = await bothWalks('groups', 3, [
    page('groups', { object: 'list', data: bare, has_more: true, next: groups[2].id }),
  ]);
  assert.deepEqual(pkg.ids, groups.map((g) => g.id));
  assert.deepEqual(rust.ids, pkg.ids);
  assert.deepEqual(rust.requests, pkg.requests);
});
