// The Access section: the organization loaded through `openai-admin-wasm/access` in the page, one
// search box (people, groups, roles; keyboard), a person's roles with their sources, a role's
// holders, exports. Expected values come from the mock's API, read directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll } from './harness.mjs';

const e2e = useStack();

const search = (page) => page.getByRole('combobox', { name: 'Find a person, group or role' });

test('search finds people, groups and roles, grouped by kind, from the keyboard', async () => {
  const page = await e2e.openAccess();
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  assert.match(await page.locator('#access-panel').textContent(), new RegExp(`Loaded ${users.length} users`));
  const box = search(page);
  // Accent- and case-insensitive: "jose" finds José Álvarez.
  await box.fill('jose');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await results.getByRole('option', { name: /José Álvarez/ }).waitFor();
  await box.fill('eng');
  await results.getByRole('group', { name: 'Groups' }).getByRole('option', { name: /^Engineering/ }).waitFor();
  await box.fill('role admin');
  await results.getByRole('group', { name: 'Roles' }).getByRole('option', { name: /^Role Administrator/ }).waitFor();
  // Escape closes the list; ArrowDown opens it again; Enter opens the selected result.
  await box.press('Escape');
  assert.equal(await results.isVisible(), false);
  await box.press('ArrowDown');
  await results.waitFor();
  await box.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Role Administrator' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'access-view', 'focus moves to the view');
});

test("a person's inherited role names its group, with a link to it", async () => {
  // Someone holding a role only through a group, by the API's own assignment sources.
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  let found;
  for (const u of users) {
    const roles = await listAll(e2e.stack.api, `/v1/organization/users/${u.id}/roles`);
    const inherited = roles.find((r) => r.assignment_sources?.length && r.assignment_sources.every((s) => s.principal_type === 'group'));
    if (inherited && u.email) {
      found = { user: u, inherited };
      break;
    }
  }
  assert.ok(found, 'the demo seed has a role held through a group');
  const page = await e2e.openAccess();
  await search(page).fill(found.user.email);
  await page.getByRole('option', { name: new RegExp(found.user.name) }).first().click();
  await page.getByRole('heading', { level: 2, name: found.user.name }).waitFor();
  const roles = page.getByRole('list', { name: 'Roles', exact: true });
  const roleName = found.inherited.role?.name ?? found.inherited.name;
  const item = roles.getByRole('listitem').filter({ hasText: roleName });
  assert.match(await item.textContent(), /via /);
  assert.match(await item.textContent(), /held through a group/);
  const groupLink = item.getByRole('button').nth(1);
  const groupName = await groupLink.textContent();
  await groupLink.click();
  await page.getByRole('heading', { level: 2, name: groupName }).waitFor();
  await e2e.stack.screenshot(page, 'access-group-1280');
});

test('"who can write roles": the Role Administrator holders are the ones the API implies', async () => {
  const roles = await listAll(e2e.stack.api, '/v1/organization/roles');
  const role = roles.find((r) => r.name === 'Role Administrator');
  assert.ok(role.permissions.includes('api.roles.write'));
  // Holders: direct assignments, and members of every group the role is assigned to.
  const holders = new Set();
  for (const u of await listAll(e2e.stack.api, '/v1/organization/users')) {
    const rs = await listAll(e2e.stack.api, `/v1/organization/users/${u.id}/roles`);
    if (rs.some((r) => (r.role?.id ?? r.id) === role.id)) holders.add(u.id);
  }
  assert.ok(holders.size > 0);
  const page = await e2e.openAccess({ viewport: { width: 360, height: 800 } });
  await search(page).fill('Role Administrator');
  await page.getByRole('option', { name: /^Role Administrator/ }).click();
  await page.locator('.access-view').getByText(new RegExp(`· ${holders.size} holders?$`)).waitFor();
  // A virtual list: every row says its place in the whole list.
  const listed = page.getByRole('list', { name: 'Holders', exact: true }).getByRole('listitem');
  assert.equal(await listed.first().getAttribute('aria-setsize'), String(holders.size));
  assert.equal(await listed.first().getAttribute('aria-posinset'), '1');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scrolling at 360 px (${width})`);
  await e2e.stack.screenshot(page, 'access-role-360');
});

test('export downloads the memberships CSV the API implies', async () => {
  const page = await e2e.openAccess();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export memberships (CSV)' }).click()]);
  assert.equal(download.suggestedFilename(), 'memberships.csv');
  const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  const rows = text.trim().split(/\r?\n/);
  assert.equal(rows[0], 'group,email');
  let expected = 0;
  for (const g of await listAll(e2e.stack.api, '/v1/organization/groups')) {
    const members = await listAll(e2e.stack.api, `/v1/organization/groups/${g.id}/users`);
    expected += members.length;
    // A member without an email (a service account) is named by its id.
    for (const m of members) assert.ok(rows.includes(`${/[",]/.test(g.name) ? `"${g.name}"` : g.name},${m.email ?? m.id}`), `${g.name},${m.email ?? m.id}`);
  }
  assert.equal(rows.length - 1, expected);
});

/** axe-core's serious and critical findings on the page as it is now (WCAG 2 A and AA rules). */
async function axeFindings(page) {
  const { readFile } = await import('node:fs/promises');
  const { createRequire } = await import('node:module');
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] })).violations);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe-core finds nothing serious or critical in the Access section, at 360 px and 1,440 px; screenshots kept', async () => {
  for (const width of [360, 1440]) {
    const page = await e2e.openAccess({ viewport: { width, height: 900 } });
    await page.getByRole('list', { name: 'People', exact: true }).getByRole('listitem').first().waitFor();
    assert.deepEqual(await axeFindings(page), [], `the overview at ${width} px`);
    const overviewWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overviewWidth <= width, `no horizontal scrolling of the overview at ${width} px (${overviewWidth})`);
    await search(page).fill('a');
    await page.getByRole('listbox', { name: 'Search results' }).waitFor();
    assert.deepEqual(await axeFindings(page), [], `search results at ${width} px`);
    await search(page).press('Enter');
    await page.locator('.access-view h2').waitFor();
    assert.deepEqual(await axeFindings(page), [], `a view at ${width} px`);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `no horizontal scrolling at ${width} px (${scroll})`);
    await e2e.stack.artifact(page, `access-${width}`);
    await e2e.session.context.close();
    assert.deepEqual(e2e.session.problems, []);
    e2e.session = null;
  }
});

test('bulk add with one unknown email: it is shown, the rest is added only after the preview is confirmed', async () => {
  const groups = await listAll(e2e.stack.api, '/v1/organization/groups');
  const group = groups.find((g) => g.name === 'Finance');
  const members = new Set((await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`)).map((u) => u.id));
  const outsiders = (await listAll(e2e.stack.api, '/v1/organization/users')).filter((u) => u.email && !members.has(u.id)).slice(0, 2);
  assert.equal(outsiders.length, 2);
  const page = await e2e.openAccess();
  await search(page).fill('Finance');
  await page.getByRole('option', { name: /^Finance/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Finance' }).waitFor();
  await page.getByLabel('Emails to add (one per line or comma-separated)').fill(`${outsiders[0].email}\nnobody@nowhere.example, ${outsiders[1].email.toUpperCase()}`);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('list', { name: 'Not found' }).getByText('nobody@nowhere.example').waitFor();
  assert.equal(await page.getByRole('list', { name: 'Planned changes' }).getByRole('listitem').count(), 2);
  // Nothing sent before the confirmation.
  let now = new Set((await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`)).map((u) => u.id));
  assert.equal(now.size, members.size);
  await page.getByRole('button', { name: 'Apply 2 changes' }).click();
  await page.getByText('Applied 2 changes.').waitFor();
  now = new Set((await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`)).map((u) => u.id));
  assert.ok(outsiders.every((u) => now.has(u.id)));
  assert.equal(now.size, members.size + 2);
});

test('the viewer sees the access views and is offered no change', async () => {
  const page = await e2e.openAccess({ path: '/?as=viewer' });
  await search(page).fill('Finance');
  await page.getByRole('option', { name: /^Finance/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Finance' }).waitFor();
  await page.getByRole('list', { name: 'Members', exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Preview' }).count(), 0);
  assert.equal(await page.getByLabel('Emails to add (one per line or comma-separated)').count(), 0);
  assert.equal(await page.getByLabel('Import memberships CSV (group,email[,action]) or access file (YAML)').isVisible(), false);
});

test('CSV import: a file with bad rows names each with its line and applies nothing; a good one applies and the mock matches', async () => {
  const groups = await listAll(e2e.stack.api, '/v1/organization/groups');
  const legal = groups.find((g) => g.name === 'Legal');
  const before = (await listAll(e2e.stack.api, `/v1/organization/groups/${legal.id}/users`)).map((u) => u.id);
  const users = (await listAll(e2e.stack.api, '/v1/organization/users')).filter((u) => u.email && !before.includes(u.id)).slice(0, 3);
  const page = await e2e.openAccess();
  const input = page.getByLabel('Import memberships CSV (group,email[,action]) or access file (YAML)');
  const bad = `group,email\nLegal,${users[0].email}\nNo Such Group,${users[1].email}\nLegal,nobody@example.invalid\n`;
  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const errors = page.getByRole('list', { name: 'Errors in the file' });
  await errors.getByText(/^bad\.csv, line 3: /).waitFor();
  await errors.getByText(/^bad\.csv, line 4: .*nobody@example\.invalid/).waitFor();
  await page.getByText('bad.csv: this file has 2 errors. Nothing was applied.').waitFor();
  assert.deepEqual((await listAll(e2e.stack.api, `/v1/organization/groups/${legal.id}/users`)).map((u) => u.id).sort(), [...before].sort());
  const good = `group,email,action\n${users.map((u) => `Legal,${u.email},add`).join('\n')}\n`;
  await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('dialog', { name: 'Import good.csv' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Planned changes' }).getByRole('listitem').count(), 3);
  await page.getByRole('button', { name: 'Apply 3 changes' }).click();
  await page.getByText('Applied 3 changes.').waitFor();
  const after = (await listAll(e2e.stack.api, `/v1/organization/groups/${legal.id}/users`)).map((u) => u.id).sort();
  assert.deepEqual(after, [...before, ...users.map((u) => u.id)].sort());
});

test('a person: assign a role and remove it through the preview; a role held only through a group offers no removal', async () => {
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  const ada = users.find((u) => u.email === 'ada.lovelace@example.com');
  const roles = await listAll(e2e.stack.api, '/v1/organization/roles');
  const auditor = roles.find((r) => r.name === 'User Auditor');
  const held = async () => (await listAll(e2e.stack.api, `/v1/organization/users/${ada.id}/roles`)).filter((r) => (r.role?.id ?? r.id) === auditor.id);
  assert.deepEqual(await held(), []);
  const page = await e2e.openAccess();
  await search(page).fill('ada.lovelace');
  await page.getByRole('option', { name: /Ada Lovelace/ }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Ada Lovelace' }).waitFor();
  // API Group Manager comes only through groups: no removal offered.
  assert.equal(await page.getByRole('button', { name: 'Remove direct role API Group Manager' }).count(), 0);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'User Auditor' });
  await page.getByRole('button', { name: 'Assign role' }).click();
  await page.getByRole('list', { name: 'Planned changes' }).getByText(`+ assign role User Auditor to ${ada.email}`).waitFor();
  assert.deepEqual(await held(), [], 'nothing sent before Apply');
  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  await page.getByText('Applied 1 change.').waitFor();
  assert.equal((await held()).length, 1);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Remove direct role User Auditor' }).click();
  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  await page.getByText('Applied 1 change.').waitFor();
  assert.deepEqual(await held(), []);
});
