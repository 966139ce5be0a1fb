// The words of the console's project views (www/js/project-text.js), over answers shaped as the
// access module's `accessOf(user).projects` and `holdersOfProject(project)`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holderLine, personProjectsUnread, projectMeta, projectReadNote, projectRolesLine, projectUse } from '../../www/js/project-text.js';

const finance = { id: 'g-fin', name: 'Finance' };
const support = { id: 'g-sup', name: 'Support' };
const reader = { id: 'r-inv', name: 'Invoice Reader', description: null, permissions: ['api.invoices.read'], predefined: false };
const use = (over = {}) => ({ membership: null, groups: [], roles: [], rolesRead: true, ...over });

test('how someone can use a project: the membership, then the groups with access', () => {
  assert.equal(projectUse(use({ membership: 'owner' })), 'owner');
  assert.equal(projectUse(use({ groups: [finance] })), 'via group Finance');
  assert.equal(projectUse(use({ membership: 'member', groups: [finance, support] })), 'member; via groups Finance, Support');
});

test('project roles name every source: direct, through a group', () => {
  const a = use({ membership: 'member', roles: [{ role: reader, sources: [{ kind: 'direct' }, { kind: 'group', group: finance }] }] });
  assert.equal(projectRolesLine(a), 'Invoice Reader (direct, via Finance)');
  assert.equal(holderLine(a), 'member · project roles: Invoice Reader (direct, via Finance)');
  assert.equal(projectRolesLine(use()), '');
});

test("a holder whose own project roles are not read says so; a person's projects too", () => {
  const unread = use({ membership: 'owner', rolesRead: false });
  assert.equal(holderLine(unread), 'owner · own project roles not read yet');
  assert.equal(personProjectsUnread([{ project: {}, access: use() }, { project: {}, access: unread }]), true);
  assert.equal(personProjectsUnread([{ project: {}, access: use() }]), false);
  assert.equal(personProjectsUnread([]), false);
});

test("a project's meta line counts members, groups and holders, and says archived", () => {
  const answer = { project: { id: 'proj_1', name: 'billing-bot', archived: false }, members: [{}, {}], groups: [{}], holders: [{}, {}, {}], roles: [] };
  assert.equal(projectMeta(answer), 'project · proj_1 · 2 members · 1 group with access · 3 people can use it');
  assert.match(projectMeta({ ...answer, project: { ...answer.project, archived: true }, holders: [{}] }), /^archived project \(read-only\) · .* · 1 person can use it$/);
});

test('what of a project is not read yet, or null when all of it is', () => {
  const all = { members: true, groups: true, roles: true, memberRoles: 3, memberCount: 3 };
  assert.equal(projectReadNote(all, false), null);
  assert.equal(projectReadNote({ ...all, memberRoles: 1 }, false), 'Members’ own project roles read for 1 of 3: they are read now.');
  assert.equal(projectReadNote({ ...all, groups: false, roles: false, memberRoles: 0, memberCount: 0 }, false), 'Not read yet: its groups, custom roles.');
  assert.match(projectReadNote(all, true), /^Archived: /);
});
