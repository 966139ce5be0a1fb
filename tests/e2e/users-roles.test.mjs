// The Users and Roles sections: email filter, organization role, user role assignments,
// deleting a user, custom roles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll, pickFromList, loadMore, applyInPreview } from './harness.mjs';

const e2e = useStack({ openPath: '/#users' });

const userList = (page) => page.getByRole('list', { name: 'Users', exact: true });

async function openUser(page, name) {
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  await pickFromList(page, '#users-panel', 'Users', name);
}

async function userByEmail(email) {
  const page = await e2e.stack.api('GET', `/v1/organization/users?emails=${encodeURIComponent(email)}`);
  return page.data[0];
}

test('users are listed page by page and filtered by email', async () => {
  const { page } = e2e.session;
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  const items = userList(page).getByRole('listitem');
  await items.nth(19).waitFor();
  assert.equal(await items.count(), 20);
  await loadMore(page.locator('#users-panel .master'));
  await items.nth(39).waitFor();

  await page.getByLabel('Filter by email').fill('Radia.Perlman@example.com');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.waitForFunction(() => document.querySelectorAll('ul[aria-label="Users"] li').length === 1);
  assert.match(await items.first().innerText(), /Radia Perlman/);
  const log = await e2e.stack.api('GET', '/__mock/requests');
  const last = log.data.filter((r) => r.path === '/v1/organization/users').at(-1);
  assert.match(decodeURIComponent(last.query), /emails(\[\])?=Radia\.Perlman@example\.com/, 'the filter goes to the API');
  await e2e.stack.screenshot(page, 'users-filtered');

  await page.getByLabel('Filter by email').fill('no.such.person@example.com');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByText('No users match.').waitFor();
  await page.getByRole('button', { name: 'Show all' }).click();
  await items.nth(19).waitFor();
});

test("change a user's organization role through the plan preview", async () => {
  const { page } = e2e.session;
  await openUser(page, 'Linus Torvalds');
  const before = await userByEmail('linus.torvalds@example.com');
  assert.equal(before.role, 'reader');
  await page.getByLabel('Organization role', { exact: true }).selectOption('owner');
  await page.getByRole('button', { name: 'Save role' }).click();
  await page.getByRole('dialog', { name: 'Change Linus Torvalds' }).waitFor();
  assert.equal((await userByEmail('linus.torvalds@example.com')).role, 'reader', 'nothing sent before Apply');
  await applyInPreview(page, ['~ change the organization role of linus.torvalds@example.com from reader to owner']);
  await page.getByText('Saved: owner.').waitFor();
  assert.equal((await userByEmail('linus.torvalds@example.com')).role, 'owner');
  await e2e.stack.screenshot(page, 'user-role-changed');
});

test('assign and unassign a role for a user through the plan preview', async () => {
  const { page } = e2e.session;
  await openUser(page, 'Linus Torvalds');
  const user = await userByEmail('linus.torvalds@example.com');
  const roles = page.getByRole('list', { name: 'Roles of Linus Torvalds' });
  await roles.getByText('API Group Manager').waitFor();

  await page.getByLabel('Role to assign to Linus Torvalds').selectOption({ label: 'Billing Viewer' });
  await page.getByRole('button', { name: 'Assign role' }).click();
  await applyInPreview(page, ['+ assign role Billing Viewer to linus.torvalds@example.com']);
  await roles.getByText('Billing Viewer').waitFor();
  let names = (await listAll(e2e.stack.api, `/v1/organization/users/${user.id}/roles`)).map((r) => r.name).sort();
  assert.deepEqual(names, ['API Group Manager', 'Billing Viewer', 'User Auditor']);
  await e2e.stack.screenshot(page, 'user-role-assigned');

  await roles.getByRole('button', { name: 'Unassign API Group Manager' }).click();
  await applyInPreview(page, ['- unassign role API Group Manager from linus.torvalds@example.com']);
  await roles.getByText('API Group Manager').waitFor({ state: 'detached' });
  names = (await listAll(e2e.stack.api, `/v1/organization/users/${user.id}/roles`)).map((r) => r.name).sort();
  assert.deepEqual(names, ['Billing Viewer', 'User Auditor']);
});

test('delete a user after confirming', async () => {
  const { page } = e2e.session;
  await openUser(page, 'Carol Shaw');
  await page.getByRole('button', { name: 'Delete user' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete user' }).click();
  await page.getByText('Select a user to see their roles.').waitFor();
  assert.equal(await userByEmail('carol.shaw@example.com'), undefined);
});

test('create, edit and delete a custom role; predefined roles are read-only', async () => {
  const { page } = e2e.session;
  await page.getByRole('button', { name: 'Roles', exact: true }).click();
  const roleList = page.getByRole('list', { name: 'Organization roles' });
  await roleList.getByRole('listitem', { name: 'Role Owner' }).waitFor();
  const owner = roleList.getByRole('listitem', { name: 'Role Owner' });
  assert.equal(await owner.getByRole('button').count(), 0, 'no Edit or Delete on a predefined role');
  await owner.getByText('predefined · read-only').waitFor();

  await page.getByLabel('Role name', { exact: true }).fill('Release Manager');
  await page.getByLabel('Permissions', { exact: true }).fill('api.groups.read, api.users.read\napi.roles.read');
  await page.getByLabel('Description', { exact: true }).fill('Ships releases');
  await page.getByRole('button', { name: 'Create role' }).click();
  const card = roleList.getByRole('listitem', { name: 'Role Release Manager' });
  await card.waitFor();
  let role = (await listAll(e2e.stack.api, '/v1/organization/roles')).find((r) => r.name === 'Release Manager');
  assert.deepEqual(role.permissions, ['api.groups.read', 'api.users.read', 'api.roles.read']);
  assert.equal(role.description, 'Ships releases');
  assert.equal(await page.getByLabel('Role name', { exact: true }).inputValue(), '', 'the create form is cleared');

  await card.getByRole('button', { name: 'Edit Release Manager' }).click();
  const edit = page.getByRole('form', { name: 'Edit Release Manager' });
  await edit.getByLabel('Description', { exact: true }).fill('Ships releases weekly');
  await edit.getByRole('button', { name: 'Save' }).click();
  await card.getByText('Ships releases weekly').waitFor();
  role = await e2e.stack.api('GET', `/v1/organization/roles/${role.id}`);
  assert.equal(role.description, 'Ships releases weekly');
  await e2e.stack.screenshot(page, 'roles');

  await card.getByRole('button', { name: 'Delete Release Manager' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete role' }).click();
  await card.waitFor({ state: 'detached' });
  const all = await listAll(e2e.stack.api, '/v1/organization/roles');
  assert.equal(all.find((r) => r.id === role.id), undefined);
});

test('the layout works at phone width', async () => {
  await e2e.session.context.close();
  e2e.session = await e2e.stack.open({ viewport: { width: 390, height: 844 }, path: '/#users' });
  const { page } = e2e.session;
  await openUser(page, 'Ada Lovelace');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  // Selecting a user focuses the detail's heading, which scrolls it into view.
  await page.getByRole('heading', { level: 2, name: 'Ada Lovelace' }).evaluate((el) => {
    if (document.activeElement !== el) throw new Error('the detail heading is not focused');
  });
  await e2e.stack.screenshot(page, 'phone-user-detail', { fullPage: false });
  await page.getByRole('button', { name: 'Groups', exact: true }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await e2e.stack.screenshot(page, 'phone-top', { fullPage: false });
});

test('the only owner is neither made a reader nor deleted: the access core refuses it before anything is sent', async () => {
  const { page } = e2e.session;
  const owners = (await listAll(e2e.stack.api, '/v1/organization/users')).filter((u) => u.role === 'owner');
  const ada = owners.find((u) => u.email === 'ada.lovelace@example.com');
  assert.ok(ada && owners.length > 1, 'the demo seed has Ada Lovelace and other owners');
  for (const other of owners) if (other.id !== ada.id) await e2e.stack.api('POST', `/v1/organization/users/${other.id}`, { role: 'reader' });
  await e2e.stack.api('DELETE', '/__mock/requests');

  await openUser(page, 'Ada Lovelace');
  await page.getByLabel('Organization role', { exact: true }).selectOption('reader');
  await page.getByRole('button', { name: 'Save role' }).click();
  const refused = 'Refused: the plan would leave the organization with no owner: nothing is planned.';
  await page.locator('.user-detail form + .error').getByText(refused).waitFor();
  await page.getByRole('button', { name: 'Delete user' }).click();
  await page.locator('.user-detail .detail-head + .error').getByText(refused).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'no preview nor confirmation for a refused change');
  const sent = (await e2e.stack.api('GET', '/__mock/requests')).data.filter((r) => r.method !== 'GET');
  assert.deepEqual(sent, [], 'nothing but reads reached the API');
  assert.equal((await userByEmail('ada.lovelace@example.com')).role, 'owner');

  // With another owner (made so behind the page's back: the page is loaded again, as it plans
  // over the organization it has read), the same change goes through.
  const grace = owners.find((u) => u.email === 'grace.hopper@example.com');
  await e2e.stack.api('POST', `/v1/organization/users/${grace.id}`, { role: 'owner' });
  await page.reload();
  await openUser(page, 'Ada Lovelace');
  await page.getByLabel('Organization role', { exact: true }).selectOption('reader');
  await page.getByRole('button', { name: 'Save role' }).click();
  await applyInPreview(page, ['~ change the organization role of ada.lovelace@example.com from owner to reader']);
  await page.getByText('Saved: reader.').waitFor();
  assert.equal((await userByEmail('ada.lovelace@example.com')).role, 'reader');
});
