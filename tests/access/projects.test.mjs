// Projects in the access module against the mock's demo seed: the load reads each project's
// members, groups with access, roles and groups' project roles, each once (one lane per
// endpoint, kept in the snapshot with its read time), and never a member's own project roles;
// asking about one person reads only that person's project roles, asking about one project only
// its members' (counted in the mock's request log); archived projects come only with
// `includeArchived`; `holdersOfProject` says who can use a project and why; search finds projects;
// a project asked about while 45 load under a route limit is read before the rest of the load; a
// project asked about twice at once is answered only once what the first ask started is read.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { access } from './harness.mjs';
import { OpenAIAdmin } from '../../pkg/dist/node.js';
import { loadOrganization, projectRolesText, Snapshot, startLoadingOrganization } from '../../pkg/dist/access/node.js';

let mock;
before(async () => {
  mock = await startMock({ seed: 'demo' });
});
after(async () => mock?.stop());

const client = () => new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: mock.api, maxRetries: 0 });
/** The GET paths of the mock's log matching `re`. */
const paths = async (re) => (await mock.requests()).data.filter((e) => e.method === 'GET' && re.test(e.path)).map((e) => e.path);
const MEMBER_ROLES = /^\/v1\/projects\/[^/]+\/users\/[^/]+\/roles/;
const ACTIVE = ['Data Pipeline', 'Default project', 'Research Sandbox', 'Support Assistant', 'billing-bot'];

test('the load reads every project once, and no member project roles', async () => {
  await mock.reset();
  const snapshot = Snapshot.empty(mock.api, 'test');
  const org = await loadOrganization(client(), { snapshot });
  try {
    const rows = org.projects();
    assert.deepEqual(rows.map((r) => r.project.name), ACTIVE);
    assert.ok(rows.every((r) => r.read.members && r.read.groups && r.read.roles && r.read.memberRoles === 0), JSON.stringify(rows));
    assert.deepEqual(await paths(MEMBER_ROLES), [], 'no member project roles read by the load');
    // Each project's three reads once, and each group with access its project roles once (7 in all).
    for (const re of [/\/organization\/projects\/[^/]+\/users$/, /\/organization\/projects\/[^/]+\/groups$/, /^\/v1\/projects\/[^/]+\/roles$/]) {
      const seen = await paths(re);
      assert.equal(seen.length, 5, `${re}: ${seen.join(', ')}`);
      assert.equal(new Set(seen).size, 5);
    }
    assert.equal((await paths(/^\/v1\/projects\/[^/]+\/groups\/[^/]+\/roles$/)).length, 7);
    // The list asked without archived projects.
    const [list] = (await mock.requests()).data.filter((e) => e.path === '/v1/organization/projects');
    assert.match(list.query, /include_archived=false/);
    assert.equal(projectRolesText(org.projectsRead()), 'custom project roles: read for 0 of 5 projects');
    // Kept in the snapshot with their read times.
    assert.equal(Object.keys(snapshot.data.projectMembers).length, 5);
    assert.equal(Object.keys(snapshot.data.projectGroupRoles).length, 7);
    assert.deepEqual(snapshot.data.projectUserRoles, {});
    assert.ok(Object.values(snapshot.data.projectRoles).every((r) => Number.isFinite(r.at)));

    // Who can use billing-bot, and how: members with their role, and the groups' members.
    const bot = org.holdersOfProject('billing-bot');
    const how = Object.fromEntries(bot.holders.map((h) => [h.user.email, [h.access.membership, h.access.groups.map((g) => g.name).join()]]));
    assert.deepEqual(how['grace.hopper@example.com'], ['owner', '']);
    assert.deepEqual(how['frances.allen@example.com'], ['member', '']);
    assert.deepEqual(how['annie.easley@example.com'], [null, 'Finance']);
    const annie = bot.holders.find((h) => h.user.email === 'annie.easley@example.com').access;
    assert.deepEqual(
      annie.roles.map((r) => [r.role.name, r.sources.map((s) => s.group?.name ?? s.kind).join()]),
      [
        ['Invoice Reader', 'Finance'],
        ['Project Member', 'Finance'],
      ],
    );
    assert.deepEqual(bot.roles.map((r) => r.name), ['API Project Key Manager', 'Invoice Reader']);
    assert.equal(org.holdersOfProject(bot.project.id).project.name, 'billing-bot');
    const hit = org.search('billing').find((h) => h.kind === 'project');
    assert.equal(hit.detail, 'project · 4 members · 2 groups');

    // One person: only that person's project roles are read.
    await mock.clearRequests();
    const frances = org.user('frances.allen@example.com');
    assert.equal(org.accessOf(frances.id).projects[0].access.rolesRead, false);
    await org.prioritize({ user: frances.email });
    const read = await paths(MEMBER_ROLES);
    assert.equal(read.length, 1, read.join('\n'));
    assert.ok(read[0].endsWith(`/users/${frances.id}/roles`), read[0]);
    const [mine] = org.accessOf(frances.id).projects;
    assert.equal(mine.project.name, 'billing-bot');
    assert.equal(mine.access.rolesRead, true);
    assert.deepEqual(mine.access.roles.map((r) => [r.role.name, r.sources.map((s) => s.kind).join()]), [['API Project Key Manager', 'direct']]);
    assert.ok(Object.keys(snapshot.data.projectUserRoles).some((k) => k.endsWith(`/${frances.id}`)));
    // Asked again: nothing more is read.
    await mock.clearRequests();
    await org.prioritize({ user: frances.email });
    assert.deepEqual(await paths(MEMBER_ROLES), []);

    // One project: its members' project roles, nobody else's.
    await org.prioritize({ project: 'billing-bot' });
    const members = await paths(MEMBER_ROLES);
    assert.equal(members.length, 3, members.join('\n'));
    assert.ok(members.every((p) => p.includes(`/projects/${bot.project.id}/`)));
    assert.equal(projectRolesText(org.projectsRead()), 'custom project roles: read for 1 of 5 projects');
  } finally {
    org.free();
  }
});

test('archived projects come only with includeArchived, marked archived', async () => {
  await mock.reset();
  const org = await loadOrganization(client(), { includeArchived: true });
  try {
    const [list] = (await mock.requests()).data.filter((e) => e.path === '/v1/organization/projects');
    assert.match(list.query, /include_archived=true/);
    assert.deepEqual(org.projects().map((r) => r.project.name), ACTIVE);
    const all = org.projects(true);
    assert.deepEqual(
      all.filter((r) => r.project.archived).map((r) => r.project.name),
      ['Legacy Chatbot', 'Old Experiments'],
    );
    // Listed, but their own lists are not read (the API refuses them), nor asked for.
    const archived = all.filter((r) => r.project.archived);
    assert.ok(archived.every((r) => !r.read.members && !r.read.groups && !r.read.roles));
    const ids = archived.map((r) => r.project.id);
    const reads = (await mock.requests()).data.filter((e) => ids.some((id) => e.path.includes(`/${id}/`)));
    assert.deepEqual(reads, []);
    assert.equal(org.holdersOfProject('Legacy Chatbot').project.archived, true);
    await org.prioritize({ project: 'Legacy Chatbot' });
    assert.equal((await mock.requests()).data.filter((e) => ids.some((id) => e.path.includes(`/${id}/`))).length, 0);
  } finally {
    org.free();
  }
});

test('access who PROJECT lists its holders with sources; who EMAIL shows the person\'s projects', async () => {
  await mock.reset();
  const r = await access(mock, ['who', 'billing-bot']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^project billing-bot \(proj_/m);
  assert.match(r.stdout, /^ {4}grace\.hopper@example\.com: owner$/m);
  assert.match(r.stdout, /^ {4}annie\.easley@example\.com: via group Finance\n {6}Invoice Reader: via group Finance\n {6}Project Member: via group Finance$/m);
  // Its members' own project roles were read for this answer (and only theirs).
  assert.match(r.stdout, /^ {4}frances\.allen@example\.com: member\n {6}API Project Key Manager: direct$/m);
  assert.match(r.stdout, /^ {2}groups: Finance \(\d+ members; Invoice Reader, Project Member\), Support Team/m);
  const id = /\((proj_[^)]+)\)/.exec(r.stdout)[1];
  const read = await paths(MEMBER_ROLES);
  assert.equal(read.length, 4, read.join('\n'));
  assert.ok(read.every((p) => p.startsWith(`/v1/projects/${id}/users/`)));

  const json = await access(mock, ['who', id, '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const answer = JSON.parse(json.stdout);
  assert.equal(answer.kind, 'project');
  assert.equal(answer.project.name, 'billing-bot');
  assert.equal(answer.read.memberRoles, 4);

  await mock.clearRequests();
  const person = await access(mock, ['who', 'frances.allen@example.com']);
  assert.equal(person.code, 0, person.stderr);
  assert.match(person.stdout, /^ {2}projects:\n {4}billing-bot: member\n {6}API Project Key Manager: direct$/m);
  const mine = await paths(MEMBER_ROLES);
  const user = (await access(mock, ['who', 'frances.allen@example.com', '--format', 'json'])).stdout;
  const userId = JSON.parse(user).user.id;
  assert.deepEqual(mine.map((p) => p.slice(p.indexOf('/users/'))), [`/users/${userId}/roles`]);

  const none = await access(mock, ['who', 'no-such-project']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no user, group, role or project 'no-such-project'/);
});

test('a project asked about while a load of 45 projects runs is read before the rest of the load', async () => {
  // 10 per 6 s per endpoint (time-scaled: the scheduler's caps times 0.1): the load's project reads
  // take about four windows; the project asked about must not wait for them.
  const limited = await startMock({ seed: 'demo', args: ['--projects', '40', '--route-limit', '10/6'] });
  try {
    const stop = new AbortController();
    const loading = await startLoadingOrganization(new OpenAIAdmin({ adminAPIKey: 'sk-admin-demo', baseURL: limited.api, maxRetries: 0 }), { timeScale: 0.1, signal: stop.signal });
    const org = loading.organization;
    try {
      await org.listed();
      const asked = org.holdersOfProject('billing-bot').project.id;
      // The background load asked for every project's groups first; this ask goes before it.
      await org.prioritize({ project: 'billing-bot' });
      const log = (await limited.requests()).data.filter((e) => e.method === 'GET' && e.fault !== 'rate_limited');
      const groups = log.filter((e) => /^\/v1\/organization\/projects\/[^/]+\/groups$/.test(e.path)).map((e) => e.path);
      assert.ok(groups.includes(`/v1/organization/projects/${asked}/groups`), 'its groups read');
      assert.ok(groups.length < 30, `its groups read after ${groups.length} projects' groups, not after the load's 45`);
      assert.equal(org.complete, false, 'answered while the load still reads');
      const answer = org.holdersOfProject('billing-bot');
      assert.equal(answer.read.memberRoles, answer.members.length);
      // The same answer as the demo seed's without limits.
      await mock.reset();
      const free = await loadOrganization(client());
      try {
        await free.prioritize({ project: 'billing-bot' });
        const expected = free.holdersOfProject('billing-bot');
        assert.deepEqual(answer.members, expected.members);
        assert.deepEqual(answer.holders, expected.holders);
      } finally {
        free.free();
      }
    } finally {
      // The rest of the load is not this test's: stopped, and its end awaited before the model goes.
      stop.abort();
      await loading.done.catch(() => {});
      org.free();
    }
  } finally {
    await limited.stop();
  }
});

test('a project asked about twice at once: the second answer also waits for the reads the first started', async () => {
  await mock.reset();
  const loading = await startLoadingOrganization(client(), { concurrency: 1 });
  const org = loading.organization;
  await org.listed();
  // The first ask puts billing-bot's reads in flight; the second finds them being read and must
  // wait for them, not answer from what is not read yet.
  const first = org.prioritize({ project: 'billing-bot' });
  await org.prioritize({ project: 'billing-bot' });
  const answer = org.holdersOfProject('billing-bot');
  assert.ok(answer.read.members && answer.read.groups && answer.read.roles, JSON.stringify(answer.read));
  assert.ok(answer.groups.length > 0 && answer.groups.every((g) => g.roles.length > 0), JSON.stringify(answer.groups));
  assert.equal(answer.read.memberRoles, answer.read.memberCount, "every member's own project roles read");
  await first;
  loading.done.catch(() => {});
  await loading.done;
  org.free();
});
