// Both shapes of a user's role list give the same model: with `assignment_sources` (inherited roles
// listed with their groups) and with `null` (direct roles only, inheritance computed from members
// and group roles), every user's access, every role's holders and the access file are equal.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { OpenAIAdmin } from '../../pkg/dist/node.js';
import { loadOrganization } from '../../pkg/dist/access/node.js';
import { KEY, startMock } from '../support/mock.mjs';

const ORG = ['--users', '120', '--groups', '12', '--members-per-group', '15', '--roles', '4', '--scim-groups', '1', '--owners', '1'];
const mocks = [];
after(() => Promise.all(mocks.map((m) => m.stop())));

async function load(sources, seed) {
  const mock = await startMock({ seed, args: [...ORG, '--assignment-sources', sources] });
  mocks.push(mock);
  return loadOrganization(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: mock.api }));
}

for (const seed of ['demo', 'empty']) {
  test(`${seed} seed: the same answers from both shapes`, async () => {
    const [grouped, direct] = await Promise.all([load('groups', seed), load('null', seed)]);
    const users = grouped.stats().users;
    assert.equal(direct.stats().users, users);
    assert.deepEqual(direct.stats(), grouped.stats());
    let inherited = 0;
    for (const hit of grouped.search('example.com', 10_000).filter((h) => h.kind === 'user')) {
      const a = grouped.accessOf(hit.id);
      assert.deepEqual(direct.accessOf(hit.id), a, hit.label);
      inherited += a.roles.filter((r) => r.sources.every((s) => s.kind === 'group')).length;
    }
    assert.ok(inherited > 0, 'some roles come only from groups');
    for (const r of grouped.stats().holdersPerRole) assert.deepEqual(direct.holdersOf(r.role.id), grouped.holdersOf(r.role.id));
    assert.equal(direct.dump(), grouped.dump());
    assert.deepEqual(grouped.plan(direct.dump()).operations, []);
    grouped.free();
    direct.free();
  });
}
