// The access file's `projects:` section end to end against the mock's demo seed: `access dump`
// writes each active project's members (with their project role) and groups with access (with
// their project roles) and custom project roles, and its plan is empty; an edited file applies
// (members added, re-roled and removed, a custom role created and given to a group given access,
// a group's access taken away) and converges (the plan after it is
// empty, a second apply sends nothing); a group the file's `groups:` creates is given access to a
// project with a project role in the same plan (its id taken from the create), as the mock then
// holds; a project's `users:` gives members their own project
// roles (a custom one to a member, one to a member the same plan adds, after the membership; an
// unlisted member's taken back), reading only that project's members' own roles, and the mock
// then holds them; bad entries are blocked with their line, a bad member role is an error of the
// file, and a plan that would leave a project without an owner is refused, nothing sent.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { access, all, file, parse, stringify, writes } from './harness.mjs';

let mock;
before(async () => (mock = await startMock({ seed: 'demo' })));
after(() => mock?.stop());
beforeEach(() => mock.reset());

/** billing-bot as the mock holds it now: members (email → role) and groups (name → role names). */
async function billingBot() {
  const r = await access(mock, ['who', 'billing-bot', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const answer = JSON.parse(r.stdout);
  const members = Object.fromEntries(answer.members.map((m) => [m.user.email, m.role]));
  const groups = Object.fromEntries(answer.groups.map((g) => [g.group.name, g.roles.map((x) => x.name).sort()]));
  return { members, groups };
}

test('dump writes the projects, and the plan of the dump is empty', async () => {
  const dump = await access(mock, ['dump']);
  assert.equal(dump.code, 0, dump.stderr);
  const doc = parse(dump.stdout);
  const now = await billingBot();
  assert.deepEqual(doc.projects['billing-bot'].members, now.members);
  assert.deepEqual(doc.projects['billing-bot'].groups, now.groups);
  assert.match(doc.projects['billing-bot'].id, /^proj_/);
  assert.equal(doc.projects['Legacy Chatbot'], undefined, 'archived projects are not written');
  // The load reads no member's own project roles: `users:` is left out, and left alone.
  assert.equal(doc.projects['billing-bot'].users, undefined);
  const plan = await access(mock, ['plan', '-f', file(dump.stdout), '--exit-code']);
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
  assert.match(plan.stdout, /No changes/);
  assert.deepEqual(await writes(mock), []);
});

test('an edited projects section applies and converges', async () => {
  const now = await billingBot();
  const owner = Object.keys(now.members).find((e) => now.members[e] === 'owner');
  const others = Object.keys(now.members).filter((e) => e !== owner);
  assert.ok(others.length >= 2, JSON.stringify(now));
  const [promoted, removed] = others;
  assert.ok(!('ada.lovelace@example.com' in now.members));
  const members = { ...now.members, 'ada.lovelace@example.com': 'member', [promoted]: 'owner' };
  delete members[removed];
  const [kept, dropped] = Object.keys(now.groups);
  assert.ok(kept && dropped, JSON.stringify(now.groups));
  const groups = { [kept]: now.groups[kept], Engineering: ['Project Member', 'Spend Reader'] };
  const roles = { 'Spend Reader': { description: 'Reads spend', permissions: ['api.billing.read'] } };
  const f = file(stringify({ projects: { 'billing-bot': { members, groups, roles } } }));

  const plan = JSON.parse((await access(mock, ['plan', '-f', f, '--format', 'json'])).stdout);
  assert.deepEqual(plan.blocked, []);
  assert.deepEqual(
    plan.operations.map((o) => o.operation).sort(),
    ['projects.groups.create', 'projects.groups.delete', 'projects.groups.roles.create', 'projects.roles.create', 'projects.users.create', 'projects.users.delete', 'projects.users.update'],
  );
  // The new role's id comes from its create: the group's access waits for it.
  const create = plan.operations.findIndex((o) => o.operation === 'projects.roles.create');
  assert.ok(plan.operations.some((o) => o.operation.startsWith('projects.groups.') && o.dependsOn.includes(create)));
  assert.deepEqual(await writes(mock), [], 'plan sends nothing');

  const applied = await access(mock, ['apply', '-f', f, '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stderr, /0 failed, 0 skipped/);
  assert.deepEqual(await billingBot(), { members, groups: { ...groups, [kept]: now.groups[kept] } });
  const again = await access(mock, ['plan', '-f', f, '--exit-code']);
  assert.equal(again.code, 0, again.stdout);
  assert.match(again.stdout, /No changes/);
  const sent = (await writes(mock)).length;
  assert.equal(sent, 7);
  assert.equal((await access(mock, ['apply', '-f', f, '--yes'])).code, 0);
  assert.equal((await writes(mock)).length, sent, 'a second apply sends nothing');
});

test('a group the file creates is given access to a project, with a project role, in the same plan', async () => {
  const now = await billingBot();
  const groups = { ...now.groups, 'Billing Ops': ['Invoice Reader', 'Project Member'] };
  const f = file(stringify({ groups: { 'Billing Ops': { members: ['ada.lovelace@example.com'] } }, projects: { 'billing-bot': { groups } } }));
  const plan = JSON.parse((await access(mock, ['plan', '-f', f, '--format', 'json'])).stdout);
  assert.deepEqual(plan.blocked, []);
  assert.deepEqual(plan.operations.map((o) => o.operation), ['groups.create', 'groups.users.create', 'projects.groups.create', 'projects.groups.roles.create']);
  // The access and its role take the group's id from its create.
  assert.deepEqual(plan.operations[2].body.group_id, { from: 0 });
  assert.deepEqual(plan.operations[3].ids.group_id, { from: 0 });
  assert.deepEqual(plan.operations[3].dependsOn, [0, 2]);
  assert.deepEqual(await writes(mock), [], 'plan sends nothing');

  const applied = await access(mock, ['apply', '-f', f, '--yes']);
  assert.equal(applied.code, 0, applied.stdout + applied.stderr);
  assert.match(applied.stderr, /4 done, 0 failed, 0 skipped/);
  // Read back from the mock itself: the new group has access to billing-bot with both roles.
  const group = (await all(mock, 'groups')).find((g) => g.name === 'Billing Ops');
  assert.ok(group, 'the group was created');
  const projectId = (await mock.call('GET', '/v1/organization/projects?limit=100')).data.find((p) => p.name === 'billing-bot').id;
  const access_ = await mock.call('GET', `/v1/organization/projects/${projectId}/groups?limit=100`);
  assert.ok(access_.data.some((g) => g.group_id === group.id), JSON.stringify(access_.data));
  const roles = await mock.call('GET', `/v1/projects/${projectId}/groups/${group.id}/roles?limit=100`);
  assert.deepEqual(roles.data.map((r) => (r.role ?? r).name).sort(), ['Invoice Reader', 'Project Member']);
  assert.deepEqual(await billingBot(), { members: now.members, groups });
  const again = await access(mock, ['plan', '-f', f, '--exit-code']);
  assert.equal(again.code, 0, again.stdout);
  assert.match(again.stdout, /No changes/);
});

/** The mock's own answer: the project roles a member holds directly (names, sorted). */
async function ownRoles(projectId, userId) {
  const page = await mock.call('GET', `/v1/projects/${projectId}/users/${userId}/roles?limit=100`);
  const direct = page.data.filter((r) => !r.assignment_sources || r.assignment_sources.some((s) => s.principal_type === 'user'));
  return direct.map((r) => (r.role ?? r).name).sort();
}

test("a project's users: gives members their own project roles, reading only that project's", async () => {
  const r = await access(mock, ['who', 'billing-bot', '--format', 'json']);
  const answer = JSON.parse(r.stdout);
  const projectId = answer.project.id;
  const member = (name) => answer.members.find((m) => m.user.name === name).user;
  const [frances, linus] = [member('Frances Allen'), member('Linus Torvalds')];
  const ids = answer.members.map((m) => m.user.id).sort();
  const ada = (await all(mock, 'users')).find((u) => u.email === 'ada.lovelace@example.com');
  const members = { ...Object.fromEntries(answer.members.map((m) => [m.user.email, m.role])), [ada.email]: 'member' };
  const users = { [frances.email]: ['API Project Key Manager'], [linus.email]: ['Invoice Reader'], [ada.email]: ['API Project Key Manager'] };
  const f = file(stringify({ projects: { 'billing-bot': { members, users } } }));
  await mock.reset();

  const plan = JSON.parse((await access(mock, ['plan', '-f', f, '--format', 'json'])).stdout);
  assert.deepEqual(plan.blocked, []);
  assert.deepEqual(plan.operations.map((o) => o.summary), [
    'add ada.lovelace@example.com to project billing-bot as member',
    `assign project role Invoice Reader to ${linus.email} in project billing-bot`,
    'assign project role API Project Key Manager to ada.lovelace@example.com in project billing-bot',
  ]);
  // The new member's role waits for the membership.
  assert.deepEqual(plan.operations[2].dependsOn, [0]);
  // The plan read billing-bot's members' own project roles, each once, and no other project's.
  const read = (await mock.requests()).data.filter((e) => e.method === 'GET' && /^\/v1\/projects\/[^/]+\/users\/[^/]+\/roles/.test(e.path)).map((e) => e.path);
  assert.deepEqual(read.map((p) => p.replace(/\?.*/, '')).sort(), ids.map((id) => `/v1/projects/${projectId}/users/${id}/roles`));
  assert.deepEqual(await writes(mock), [], 'plan sends nothing');

  const applied = await access(mock, ['apply', '-f', f, '--yes']);
  assert.equal(applied.code, 0, applied.stdout + applied.stderr);
  assert.match(applied.stderr, /3 done, 0 failed, 0 skipped/);
  assert.deepEqual(await ownRoles(projectId, linus.id), ['Invoice Reader']);
  assert.deepEqual(await ownRoles(projectId, ada.id), ['API Project Key Manager']);
  assert.deepEqual(await ownRoles(projectId, frances.id), ['API Project Key Manager']);
  const again = await access(mock, ['plan', '-f', f, '--exit-code']);
  assert.equal(again.code, 0, again.stdout);
  assert.match(again.stdout, /No changes/);
  // Planned from the snapshot (`--refresh=false`), the member roles missing from it are read too.
  const cached = await access(mock, ['plan', '-f', f, '--refresh=false', '--format', 'json']);
  assert.equal(cached.code, 0, cached.stderr);
  assert.deepEqual(JSON.parse(cached.stdout).blocked, []);
  assert.deepEqual(JSON.parse(cached.stdout).operations, []);

  // A member the list leaves out loses their own roles (Frances); the others keep theirs.
  const g = file(stringify({ projects: { 'billing-bot': { users: { [linus.email]: ['Invoice Reader'], [ada.email]: ['API Project Key Manager'] } } } }));
  const taken = await access(mock, ['apply', '-f', g, '--yes']);
  assert.equal(taken.code, 0, taken.stdout + taken.stderr);
  assert.match(taken.stdout, new RegExp(`unassign project role API Project Key Manager from ${frances.email.replace(/\./g, '\\.')} in project billing-bot`));
  assert.match(taken.stderr, /1 done, 0 failed, 0 skipped/);
  assert.deepEqual(await ownRoles(projectId, frances.id), []);
  assert.deepEqual(await ownRoles(projectId, linus.id), ['Invoice Reader']);
});

test('bad entries are blocked with their line, a bad role is an error of the file, the owner floor refuses', async () => {
  const text = 'projects:\n  billing-bott:\n    members: {}\n  Legacy Chatbot:\n    members: {}\n  billing-bot:\n    groups:\n      Finance: [No Such Role]\n      Support Team: [Project Viewer]\n';
  const blocked = await access(mock, ['apply', '-f', file(text), '--yes']);
  assert.match(blocked.stdout, /No changes can be made/);
  assert.match(blocked.stdout, /project billing-bott \(line 2\): no project of the organization is named billing-bott/);
  assert.match(blocked.stdout, /project Legacy Chatbot \(line 4\): the project is archived/);
  assert.match(blocked.stdout, /group Finance in project billing-bot \(line 8\): No Such Role \(line 8\) is not a role of project billing-bot/);
  // A project role for someone who is not a member (Frances keeps hers: nothing else changes).
  const stranger = file('projects:\n  billing-bot:\n    users:\n      frances.allen@example.com: [API Project Key Manager]\n      alan.turing@example.com: [Invoice Reader]\n');
  const notMember = await access(mock, ['apply', '-f', stranger, '--yes']);
  assert.equal(notMember.code, 1, notMember.stdout);
  assert.match(notMember.stdout, /No changes can be made/);
  assert.match(notMember.stdout, /user alan\.turing@example\.com in project billing-bot \(line 5\): not a member of project billing-bot/);

  const bad = await access(mock, ['apply', '-f', file('projects:\n  billing-bot:\n    members:\n      ada.lovelace@example.com: admin\n'), '--yes']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /f\d+\.yaml:4:\d+: .*must be `owner` or `member`, not `admin`/);
  assert.match(bad.stderr, /Nothing was sent/);

  const now = await billingBot();
  const demoted = Object.fromEntries(Object.keys(now.members).map((e) => [e, 'member']));
  const floor = await access(mock, ['apply', '-f', file(stringify({ projects: { 'billing-bot': { members: demoted } } })), '--yes']);
  assert.notEqual(floor.code, 0);
  assert.match(floor.stdout + floor.stderr, /leave the project with no owner/);
  assert.deepEqual(await writes(mock), [], 'nothing sent');
});
