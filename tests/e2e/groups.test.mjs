// The Groups section: listing, paging, filtering, create / rename / delete, members and roles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll, pickFromList, loadMore, applyInPreview } from './harness.mjs';

const e2e = useStack({ openPath: '/#groups' });

const groupList = (page) => page.getByRole('list', { name: 'Groups', exact: true });
const groupItems = (page) => groupList(page).getByRole('listitem');

const openGroup = (page, name) => pickFromList(page, '#groups-panel', 'Groups', name);

test('the page loads, lists groups page by page and filters them as you type', async () => {
  const { page } = e2e.session;
  await groupItems(page).nth(9).waitFor();
  assert.equal(await groupItems(page).count(), 10, 'first page of 10 groups');
  // Served through the handler: who is signed in, and no key field.
  await page.getByText('Signed in as ada@example.com').waitFor();
  assert.equal(await page.getByLabel('Admin key').isVisible(), false, 'no key field behind the handler');

  await loadMore(page.locator('#groups-panel .master'));
  await groupItems(page).nth(11).waitFor();
  const all = await listAll(e2e.stack.api, '/v1/organization/groups');
  assert.equal(await groupItems(page).count(), all.length, 'every group after loading more');
  assert.equal(await page.getByRole('button', { name: 'Load more' }).first().isVisible(), false);

  await page.getByLabel('Filter groups by name').fill('eng');
  await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Groups"] li').length === 1);
  assert.match(await groupItems(page).first().innerText(), /Engineering/);
  await e2e.stack.screenshot(page, 'groups-list-filtered');
});

test('create, rename and delete a group', async () => {
  const { page } = e2e.session;
  await groupItems(page).first().waitFor();

  await page.getByLabel('New group name').fill('Field Team');
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.getByRole('heading', { level: 2, name: 'Field Team' }).waitFor();
  let all = await listAll(e2e.stack.api, '/v1/organization/groups');
  const created = all.find((g) => g.name === 'Field Team');
  assert.ok(created, 'the mock has the new group');
  assert.equal(await page.getByLabel('New group name').inputValue(), '', 'the create form is cleared');

  // The detail's own reads (the page's sizes, not the access load's 1000): once each after the rename.
  const detailReads = async () => {
    const log = (await e2e.stack.api('GET', '/__mock/requests')).data;
    const of = (tail) => log.filter((r) => r.method === 'GET' && r.path === `/v1/organization/groups/${created.id}/${tail}` && !/limit=1000/.test(r.query ?? '')).length;
    return { members: of('users'), roles: of('roles') };
  };
  await page.getByText('This group has no members.').waitFor();
  await page.getByText('No roles assigned.').waitFor();
  const before = await detailReads();
  await page.getByLabel('Group name', { exact: true }).fill('Field Operations');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('heading', { level: 2, name: 'Field Operations' }).waitFor();
  await groupList(page).getByRole('button', { name: /^Field Operations/ }).waitFor();
  await page.getByText('This group has no members.').waitFor();
  await page.getByText('No roles assigned.').waitFor();
  const after = await detailReads();
  assert.deepEqual({ members: after.members - before.members, roles: after.roles - before.roles }, { members: 1, roles: 1 }, 'the renamed group read once');
  const renamed = await e2e.stack.api('GET', `/v1/organization/groups/${created.id}`);
  assert.equal(renamed.name, 'Field Operations');

  await page.getByRole('button', { name: 'Delete group' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Delete the group “Field Operations”?').waitFor();
  await e2e.stack.screenshot(page, 'group-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete group' }).click();
  await page.getByText('Select a group to see its members and roles.').waitFor();
  assert.equal(await groupList(page).getByRole('button', { name: /^Field Operations/ }).count(), 0);
  all = await listAll(e2e.stack.api, '/v1/organization/groups');
  assert.equal(all.find((g) => g.id === created.id), undefined, 'the mock no longer has the group');
  await e2e.stack.screenshot(page, 'group-deleted');
});

test('cancelling the confirmation keeps the group', async () => {
  const { page } = e2e.session;
  await openGroup(page, 'Legal');
  await page.getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  const all = await listAll(e2e.stack.api, '/v1/organization/groups');
  assert.ok(all.some((g) => g.name === 'Legal'));
  await page.getByRole('heading', { level: 2, name: 'Legal' }).waitFor();
});

test('add a member found by email, then remove them, each through the plan preview', async () => {
  const { page } = e2e.session;
  await openGroup(page, 'Operations'); // the seeded group without members (on the second page)
  const group = (await listAll(e2e.stack.api, '/v1/organization/groups')).find((g) => g.name === 'Operations');
  const members = page.getByRole('list', { name: 'Members of Operations' });
  await page.getByText('This group has no members.').waitFor();

  await page.getByLabel('Add a member by email').fill('grace.hopper@example.com');
  await page.getByRole('button', { name: 'Find user' }).click();
  await page.getByRole('button', { name: 'Add Grace Hopper to Operations' }).click();
  await page.getByRole('dialog', { name: 'Add to Operations' }).waitFor();
  assert.deepEqual(await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`), [], 'nothing sent before Apply');
  await applyInPreview(page, ['+ add grace.hopper@example.com to Operations']);
  await members.getByText('Grace Hopper').waitFor();
  let inGroup = await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`);
  assert.deepEqual(inGroup.map((u) => u.email), ['grace.hopper@example.com']);
  await e2e.stack.screenshot(page, 'group-member-added');

  await page.getByLabel('Add a member by email').fill('nobody@example.com');
  await page.getByRole('button', { name: 'Find user' }).click();
  await page.getByText('No user with the email nobody@example.com.').waitFor();

  await members.getByRole('button', { name: 'Remove Grace Hopper' }).click();
  await applyInPreview(page, ['- remove grace.hopper@example.com from Operations']);
  await page.getByText('This group has no members.').waitFor();
  inGroup = await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`);
  assert.deepEqual(inGroup, []);
});

test('members are paginated', async () => {
  const { page } = e2e.session;
  // Give "Operations" 12 members through the API, then page through them in the UI.
  const group = (await listAll(e2e.stack.api, '/v1/organization/groups')).find((g) => g.name === 'Operations');
  const users = (await listAll(e2e.stack.api, '/v1/organization/users')).slice(0, 12);
  for (const u of users) await e2e.stack.api('POST', `/v1/organization/groups/${group.id}/users`, { user_id: u.id });
  await openGroup(page, 'Operations');
  const members = page.getByRole('list', { name: 'Members of Operations' }).getByRole('listitem');
  await members.nth(9).waitFor();
  assert.equal(await members.count(), 10);
  await loadMore(page.getByRole('article').getByRole('region', { name: 'Members' }));
  await members.nth(11).waitFor();
  assert.equal(await members.count(), 12);
});

test('assign and unassign a role for a group through the plan preview', async () => {
  const { page } = e2e.session;
  await openGroup(page, 'Design');
  const group = (await listAll(e2e.stack.api, '/v1/organization/groups')).find((g) => g.name === 'Design');
  const roles = page.getByRole('list', { name: 'Roles of group Design' });
  await page.getByText('No roles assigned.').waitFor();

  await page.getByLabel('Role to assign to group Design').selectOption({ label: 'User Auditor' });
  await page.getByRole('button', { name: 'Assign role' }).click();
  await applyInPreview(page, ['+ assign role User Auditor to group Design']);
  await roles.getByText('User Auditor').waitFor();
  let assigned = await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/roles`);
  assert.deepEqual(assigned.map((r) => r.name), ['User Auditor']);
  await e2e.stack.screenshot(page, 'group-role-assigned');

  await roles.getByRole('button', { name: 'Unassign User Auditor' }).click();
  await applyInPreview(page, ['- unassign role User Auditor from group Design']);
  await page.getByText('No roles assigned.').waitFor();
  assigned = await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/roles`);
  assert.deepEqual(assigned, []);
});
