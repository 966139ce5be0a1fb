// `openai-admin access` end to end against the mock, with both shapes of a user's role list
// (inherited roles with assignment_sources, or direct roles with null): dump, edit, plan, apply,
// plan again; blocked cases send nothing; bad files and bad CSV change nothing; who and CSV.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startMock } from '../support/mock.mjs';
import { access, file, parse, snapshot, stringify, writes } from './harness.mjs';

for (const sources of ['groups', 'null']) {
  describe(`assignment_sources: ${sources}`, () => {
    let mock;
    before(async () => (mock = await startMock({ seed: 'demo', args: ['--assignment-sources', sources] })));
    after(() => mock.stop());
    beforeEach(() => mock.reset());

    test('dump, then plan of the dump: no changes, and nothing sent', async () => {
      const dump = await access(mock, ['dump']);
      assert.equal(dump.code, 0, dump.stderr);
      const doc = parse(dump.stdout);
      assert.ok(doc.groups.Engineering.members.includes('ada.lovelace@example.com'));
      assert.ok(doc.roles['User Auditor'], 'custom roles listed');
      assert.equal(doc.roles.Owner, undefined, 'predefined roles are not');
      const plan = await access(mock, ['plan', '-f', file(dump.stdout), '--exit-code']);
      assert.equal(plan.code, 0, plan.stdout + plan.stderr);
      assert.match(plan.stdout, /No changes/);
      const json = await access(mock, ['dump', '--format', 'json']);
      assert.deepEqual(JSON.parse(json.stdout), doc);
      assert.deepEqual(await writes(mock), []);
    });

    test('edit, plan, apply, plan again: no changes; the mock holds the file', async () => {
      const doc = parse((await access(mock, ['dump'])).stdout);
      doc.groups['Ops Team'] = { members: ['grace.hopper@example.com', 'linus.torvalds@example.com'], roles: ['User Auditor'] };
      doc.groups.Engineering.members = doc.groups.Engineering.members.filter((m) => m !== 'ada.lovelace@example.com');
      doc.groups.Platform.members.push('zoe.muller@example.com');
      doc.roles['Incident Responder'] = { description: 'On call', permissions: ['api.groups.read'] };
      doc.users['linus.torvalds@example.com'].roles = ['Incident Responder'];
      const f = file(stringify(doc));
      const plan = await access(mock, ['plan', '-f', f, '--exit-code']);
      assert.equal(plan.code, 2, plan.stderr);
      assert.match(plan.stdout, /^ {2}\+ .*Ops Team/m);
      assert.match(plan.stdout, /^ {2}- .*ada\.lovelace@example\.com/m);
      assert.doesNotMatch(plan.stdout, /\x1b\[/, 'no colour without a terminal');
      const json = JSON.parse((await access(mock, ['plan', '-f', f, '--format', 'json'])).stdout);
      assert.ok(json.operations.every((o) => typeof o.operation === 'string' && o.ids && 'body' in o && o.summary));
      assert.ok(json.operations.some((o) => o.operation === 'groups.users.create'));
      assert.deepEqual(await writes(mock), [], 'plan sends nothing');

      const refused = await access(mock, ['apply', '-f', f]);
      assert.equal(refused.code, 2, 'no terminal, no --yes');
      assert.deepEqual(await writes(mock), []);

      const applied = await access(mock, ['apply', '-f', f, '--yes']);
      assert.equal(applied.code, 0, applied.stderr);
      assert.match(applied.stderr, /\[1\/\d+\] done: /);
      assert.match(applied.stderr, /0 failed, 0 skipped/);
      const again = await access(mock, ['plan', '-f', f, '--exit-code']);
      assert.equal(again.code, 0, again.stdout);
      assert.match(again.stdout, /No changes/);
      const state = await snapshot(mock);
      assert.deepEqual(state.groups['Ops Team'], [{ members: ['grace.hopper@example.com', 'linus.torvalds@example.com'], roles: ['User Auditor'] }]);
      assert.ok(!state.groups.Engineering[0].members.includes('ada.lovelace@example.com'));
      assert.ok(state.roles.includes('Incident Responder:api.groups.read'));
      const before = (await writes(mock)).length;
      const second = await access(mock, ['apply', '-f', f, '--yes']);
      assert.equal(second.code, 0);
      assert.equal((await writes(mock)).length, before, 'a second apply sends nothing');
    });

    test('SCIM group, last owner and unknown email are blocked, and nothing is sent for them', async () => {
      const doc = parse((await access(mock, ['dump'])).stdout);
      doc.groups.Security.members = ['ada.lovelace@example.com'];
      doc.groups.Engineering.members.push('nobody@example.com');
      const plan = await access(mock, ['plan', '-f', file(stringify(doc)), '--format', 'json']);
      const json = JSON.parse(plan.stdout);
      assert.ok(json.blocked.some((b) => /Security/.test(b.subject) && /SCIM/i.test(b.reason)), plan.stdout);
      assert.ok(json.blocked.some((b) => /nobody@example\.com/.test(`${b.subject} ${b.reason}`)), plan.stdout);
      assert.ok(!json.operations.some((o) => /Security|nobody/.test(o.summary)));
      const applied = await access(mock, ['apply', '-f', file(stringify(doc)), '--yes']);
      assert.equal(applied.code, 1, 'blocked changes were not made');
      assert.match(applied.stderr, /blocked/);
      assert.deepEqual(await writes(mock), [], 'nothing sent for them');

      const owners = parse((await access(mock, ['dump'])).stdout);
      for (const u of Object.values(owners.users)) if (u.role === 'owner') u.role = 'reader';
      const before = await writes(mock);
      const lastOwner = await access(mock, ['apply', '-f', file(stringify(owners)), '--yes']);
      assert.notEqual(lastOwner.code, 0);
      assert.match(lastOwner.stdout + lastOwner.stderr, /owner/i);
      assert.deepEqual(await writes(mock), before, 'refused as a whole');
    });

    test('a bad file changes nothing on the server', async () => {
      const before = await snapshot(mock);
      const bad = await access(mock, ['apply', '-f', file('groups:\n  Engineering:\n    members: [a@example.com\n'), '--yes']);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /f\d+\.yaml:\d+(:\d+)?: /);
      assert.match(bad.stderr, /Nothing was sent/);
      const unknown = await access(mock, ['apply', '-f', file('groups:\n  Engineering:\n    membres: []\n'), '--yes']);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /f\d+\.yaml:3:5: .*membres/);
      // Every bad entry, one line each, in file order.
      const two = await access(mock, ['plan', '-f', file('groups:\n  Engineering:\n    membres: []\nusers:\n  ada.lovelace@example.com:\n    role: superuser\n')]);
      assert.equal(two.code, 1);
      assert.match(two.stderr, /^openai-admin: \S*f\d+\.yaml:3:5: .*membres.*\nopenai-admin: \S*f\d+\.yaml:6:\d+: .*superuser.*\nNothing was sent\.\n$/);
      const dup = await access(mock, ['plan', '-f', file('groups:\n  Ops:\n    members: [ada.lovelace@example.com, ada.lovelace@example.com]\n')]);
      assert.equal(dup.code, 1);
      assert.match(dup.stderr, /:3:/);
      assert.deepEqual(await writes(mock), []);
      assert.deepEqual(await snapshot(mock), before);
    });

    test('who answers for a user, a group and a role', async () => {
      const who = await access(mock, ['who', 'margaret.hamilton@example.com', '--format', 'json']);
      assert.equal(who.code, 0, who.stderr);
      const answer = JSON.parse(who.stdout);
      assert.equal(answer.kind, 'user');
      assert.ok(answer.roles.some((r) => r.sources.some((s) => s.kind === 'direct')));
      const byId = await access(mock, ['who', answer.user.id, '--format', 'json']);
      assert.deepEqual(JSON.parse(byId.stdout), answer);
      const viaGroup = await access(mock, ['who', 'ada.lovelace@example.com']);
      assert.match(viaGroup.stdout, /API Group Manager: .*via group Engineering/);
      const group = await access(mock, ['who', 'Engineering']);
      assert.match(group.stdout, /^group Engineering/m);
      const role = await access(mock, ['who', 'User Auditor', '--format', 'json']);
      assert.equal(JSON.parse(role.stdout).kind, 'role');
      const none = await access(mock, ['who', 'zzz-nobody']);
      assert.equal(none.code, 1);
    });

    test('usage errors exit 2 before anything is read', async () => {
      for (const args of [['plan'], ['bogus'], ['dump', '--format', 'xml'], ['apply', '-f', 'x.yaml', '--max-rps', '0']]) {
        const r = await access(mock, args);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      }
      assert.equal((await mock.requests()).data.length, 0);
    });
  });
}
