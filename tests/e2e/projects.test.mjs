// The Access section's projects: search finds projects (archived ones marked), a project's view
// (who can use it and how, members with their project role, groups with their project roles,
// custom roles), and a person's projects with role and source; a member's own project roles are
// read when the view opens; bulk add by pasted emails with a project role, removal of selected
// members, and a member's own custom project role given and taken back, through the plan preview.
// Expected values come from the mock's API, read directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll, applyInPreview, axeFindings } from './harness.mjs';

const e2e = useStack();

const search = (page) => page.getByRole('combobox', { name: 'Find a person, group or role, or a project' });
const projects = (api) => listAll(api, '/v1/organization/projects?include_archived=true');

/** Opens billing-bot's view from the search, once its members' own project roles are read (the view is drawn again then). */
async function openBillingBot(page) {
  await search(page).fill('billing-bot');
  await page.getByRole('option', { name: /^billing-bot/ }).click();
  const view = page.locator('.access-view');
  await view.getByRole('heading', { level: 2, name: 'billing-bot' }).waitFor();
  await view.getByRole('list', { name: 'People who can use it' }).getByText(/project roles: API Project Key Manager \(direct\)/).waitFor();
  return view;
}

test("search finds a project; its view shows members, groups with their project roles, custom roles and each holder's source", async () => {
  const all = await projects(e2e.stack.api);
  const bot = all.find((p) => p.name === 'billing-bot');
  const members = await listAll(e2e.stack.api, `/v1/organization/projects/${bot.id}/users`);
  const groups = await listAll(e2e.stack.api, `/v1/organization/projects/${bot.id}/groups`);
  const roles = (await listAll(e2e.stack.api, `/v1/projects/${bot.id}/roles`)).filter((r) => !r.predefined_role);
  assert.ok(members.length > 1 && groups.length > 0 && roles.length > 0, 'the demo seed gives billing-bot members, groups and custom roles');

  const page = await e2e.openAccess({ viewport: { width: 360, height: 800 } });
  const box = search(page);
  await box.fill('billing');
  const results = page.getByRole('listbox', { name: 'Search results' });
  const option = results.getByRole('group', { name: 'Projects' }).getByRole('option', { name: /^billing-bot/ });
  await option.waitFor();
  assert.match(await option.textContent(), new RegExp(`project · ${members.length} members · ${groups.length} groups`));
  // From the keyboard: the project is the only hit, Enter opens it.
  await box.press('ArrowDown');
  await box.press('Enter');
  const view = page.locator('.access-view');
  await view.getByRole('heading', { level: 2, name: 'billing-bot' }).waitFor();

  const memberRows = view.getByRole('list', { name: 'Members', exact: true }).getByRole('listitem');
  await memberRows.first().waitFor();
  assert.equal(await memberRows.count(), members.length);
  for (const m of members) {
    assert.match(await memberRows.filter({ hasText: m.name }).textContent(), new RegExp(` — ${m.role}$`), `${m.name} is ${m.role}`);
  }
  const groupRows = view.getByRole('list', { name: 'Groups with access' }).getByRole('listitem');
  assert.equal(await groupRows.count(), groups.length);
  for (const g of groups) {
    const groupRoles = await listAll(e2e.stack.api, `/v1/projects/${bot.id}/groups/${g.group_id}/roles`);
    const text = await groupRows.filter({ hasText: g.group_name }).textContent();
    for (const r of groupRoles) assert.ok(text.includes(r.name), `${g.group_name} holds ${r.name} in the project: ${text}`);
  }
  const roleRows = view.getByRole('list', { name: 'Custom project roles' }).getByRole('listitem');
  assert.equal(await roleRows.count(), roles.length);
  for (const r of roles) assert.match(await roleRows.filter({ hasText: r.name }).textContent(), new RegExp(r.permissions[0].replaceAll('.', '\\.')));

  // A member's own custom project role is read when the view opens (only when asked): Frances
  // Allen's direct role shows, with no "not read" note left.
  const frances = view.getByRole('list', { name: 'People who can use it' }).getByRole('listitem').filter({ hasText: 'Frances Allen' });
  await frances.getByText(/project roles: API Project Key Manager \(direct\)/).waitFor();
  assert.equal(await view.getByText(/own project roles read for/).count(), 0, 'every member read once the view is drawn again');
  // A member of a group with access can use it through the group.
  const finance = groups.find((g) => g.group_name === 'Finance');
  const financeMembers = await listAll(e2e.stack.api, `/v1/organization/groups/${finance.group_id}/users`);
  const viaGroup = financeMembers.find((u) => !members.some((m) => m.id === u.id));
  assert.ok(viaGroup, 'Finance has a member who is not a project member');
  const viaRow = view.getByRole('list', { name: 'People who can use it' }).getByRole('listitem').filter({ hasText: viaGroup.name });
  assert.match(await viaRow.textContent(), /via group Finance · project roles: Invoice Reader \(via Finance\)/);
  assert.deepEqual(await axeFindings(page), [], 'the project view at 360 px (with its add and remove controls)');
  await e2e.stack.screenshot(page, 'access-project-360');
  // No horizontal scroll at 360 px.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
});

test('an archived project is found and shown as archived', async () => {
  const legacy = (await projects(e2e.stack.api)).find((p) => p.name === 'Legacy Chatbot');
  assert.equal(legacy.status, 'archived');
  const page = await e2e.openAccess();
  await search(page).fill('legacy');
  const option = page.getByRole('option', { name: /^Legacy Chatbot/ });
  await option.waitFor();
  assert.match(await option.textContent(), /archived project/);
  await option.click();
  const view = page.locator('.access-view');
  await view.getByRole('heading', { level: 2, name: /^Legacy Chatbot/ }).waitFor();
  assert.match(await view.locator('h2').textContent(), /archived$/);
  assert.match(await view.textContent(), /archived project \(read-only\)/);
  await view.getByText(/^Archived: /).waitFor();
});

/** The users whose own project roles the mock was asked for since the log was cleared (`user_id`s, with the project). */
async function projectRoleReads() {
  const log = (await e2e.stack.api('GET', '/__mock/requests')).data;
  return log.filter((r) => r.method === 'GET' && /^\/v1\/projects\/[^/]+\/users\/[^/]+\/roles$/.test(r.path.split('?')[0])).map((r) => r.path.split('?')[0].split('/').slice(3, 6).filter((_, i) => i !== 1).join(' '));
}

test("a person's projects: role and source, their own project roles read on opening (theirs only), a link to each project", async () => {
  await e2e.stack.api('DELETE', '/__mock/requests');
  const page = await e2e.openAccess();
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  const franId = users.find((u) => u.name === 'Frances Allen').id;
  // The loaded organization read nobody's own project roles: they are read only when asked.
  assert.deepEqual(await projectRoleReads(), []);
  await search(page).fill('Frances Allen');
  await page.getByRole('option', { name: /^Frances Allen/ }).click();
  const view = page.locator('.access-view');
  await view.getByRole('heading', { level: 2, name: 'Frances Allen' }).waitFor();
  const list = view.getByRole('list', { name: 'Projects', exact: true });
  const row = list.getByRole('listitem').filter({ hasText: 'billing-bot' });
  // Read when the view opens: her direct custom project role in billing-bot.
  await row.getByText(/project roles: API Project Key Manager \(direct\)/).waitFor();
  assert.match(await row.textContent(), /billing-bot — member \(direct\)/);
  assert.equal(await view.getByText(/own project roles are not read yet/).count(), 0);
  // Every project the API lists her in, and only those (the demo seed has her in no archived one).
  const mine = [];
  for (const p of await projects(e2e.stack.api)) {
    if (p.status === 'archived') continue;
    const users = await listAll(e2e.stack.api, `/v1/organization/projects/${p.id}/users`);
    if (users.some((u) => u.name === 'Frances Allen')) mine.push(p);
  }
  for (const p of mine) await list.getByRole('listitem').filter({ hasText: p.name }).waitFor();
  assert.equal(await list.getByRole('listitem').count(), mine.length);
  // Opening her read her own project roles, one read per project she is a member of, nobody else's.
  assert.deepEqual((await projectRoleReads()).sort(), mine.map((p) => `${p.id} ${franId}`).sort());
  assert.deepEqual(await axeFindings(page), [], "a person's projects");
  await row.getByRole('button', { name: 'billing-bot' }).click();
  await view.getByRole('heading', { level: 2, name: 'billing-bot' }).waitFor();
});

test('bulk add by pasted emails with a project role, and removal of selected members, through the plan preview', async () => {
  const bot = (await projects(e2e.stack.api)).find((p) => p.name === 'billing-bot');
  const membersNow = async () => (await listAll(e2e.stack.api, `/v1/organization/projects/${bot.id}/users`)).map((u) => `${u.email}:${u.role}`).sort();
  const before = await membersNow();
  const page = await e2e.openAccess({ viewport: { width: 360, height: 800 } });
  const view = await openBillingBot(page);
  // Ada (not a member) as owner, Linus (a member) promoted, someone the organization lacks left out.
  await view.getByLabel('Emails to add (one per line or comma-separated)').fill('ada.lovelace@example.com\nlinus.torvalds@example.com, nobody@example.com');
  await view.getByLabel('Project role', { exact: true }).selectOption('owner');
  await view.getByRole('button', { name: 'Preview' }).click();
  const dialog = page.getByRole('dialog');
  assert.deepEqual(await dialog.getByRole('list', { name: 'Not found' }).getByRole('listitem').allTextContents(), ['nobody@example.com']);
  await applyInPreview(page, ['~ change the project role of linus.torvalds@example.com in project billing-bot from member to owner', '+ add ada.lovelace@example.com to project billing-bot as owner']);
  const after = (await membersNow()).filter((m) => !m.startsWith('linus.torvalds@'));
  assert.deepEqual(after, [...before.filter((m) => !m.startsWith('linus.torvalds@')), 'ada.lovelace@example.com:owner'].sort());
  assert.ok((await membersNow()).includes('linus.torvalds@example.com:owner'));
  // The view follows the model: Ada is listed as an owner.
  const rows = view.getByRole('list', { name: 'Members', exact: true }).getByRole('listitem');
  await rows.filter({ hasText: 'Ada Lovelace' }).getByText(/— owner$/).waitFor();
  // Her own project roles are read for the view too (asked again after the change): drawn at
  // once, or offered when the focus is in the view (back on Preview), as a reader would take it.
  const ada = view.getByRole('list', { name: 'People who can use it' }).getByRole('listitem').filter({ hasText: 'Ada Lovelace' });
  const offer = page.getByRole('button', { name: 'Show this view complete' });
  for (let i = 0; !/ — owner$/.test(await ada.textContent()); i++) {
    assert.ok(i < 100, `Ada's own project roles read: ${await ada.textContent()}`);
    if (await offer.count()) await offer.click();
    else await new Promise((r) => setTimeout(r, 100));
  }

  // Remove Ada and Linus, selected by their checkboxes.
  await view.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
  await view.getByRole('checkbox', { name: 'Select Linus Torvalds' }).check();
  await view.getByRole('button', { name: 'Remove selected (2)' }).click();
  await applyInPreview(page, ['- remove ada.lovelace@example.com from project billing-bot', '- remove linus.torvalds@example.com from project billing-bot']);
  assert.deepEqual(await membersNow(), before.filter((m) => !m.startsWith('linus.torvalds@')));
  await view.getByRole('heading', { level: 3, name: `Members (${before.length - 1})` }).waitFor();
});

test("removing a project's last owner is refused before any preview", async () => {
  const page = await e2e.openAccess();
  const view = await openBillingBot(page);
  await view.getByRole('checkbox', { name: 'Select Grace Hopper' }).check();
  await view.getByRole('button', { name: 'Remove selected (1)' }).click();
  await view.getByText(/Refused: .*owner/).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'no preview');
});

test("a member's own custom project role given and taken back, through the plan preview", async () => {
  const bot = (await projects(e2e.stack.api)).find((p) => p.name === 'billing-bot');
  const linus = (await listAll(e2e.stack.api, `/v1/organization/projects/${bot.id}/users`)).find((u) => u.email === 'linus.torvalds@example.com');
  assert.ok(linus, 'Linus is a member of billing-bot');
  /** Linus's own project roles as the mock holds them (names, sorted). */
  const ownRoles = async () => {
    const items = await listAll(e2e.stack.api, `/v1/projects/${bot.id}/users/${linus.id}/roles`);
    const direct = items.filter((r) => !r.assignment_sources || r.assignment_sources.some((s) => s.principal_type === 'user'));
    return direct.map((r) => (r.role ?? r).name).sort();
  };
  const before = await ownRoles();
  assert.ok(!before.includes('Invoice Reader'), JSON.stringify(before));
  const page = await e2e.openAccess();
  const view = await openBillingBot(page);
  await view.getByLabel('Member', { exact: true }).selectOption({ label: 'Linus Torvalds' });
  await view.getByLabel('Custom project role', { exact: true }).selectOption({ label: 'Invoice Reader' });
  await view.getByRole('button', { name: 'Give the role' }).click();
  await applyInPreview(page, ['+ assign project role Invoice Reader to linus.torvalds@example.com in project billing-bot']);
  assert.deepEqual(await ownRoles(), [...before, 'Invoice Reader'].sort());
  // The view follows the model: Linus holds it directly.
  const row = view.getByRole('list', { name: 'People who can use it' }).getByRole('listitem').filter({ hasText: 'Linus Torvalds' });
  await row.getByText(/Invoice Reader \(direct/).waitFor();

  await view.getByLabel('Member', { exact: true }).selectOption({ label: 'Linus Torvalds' });
  await view.getByLabel('Custom project role', { exact: true }).selectOption({ label: 'Invoice Reader' });
  await view.getByRole('button', { name: 'Take the role back' }).click();
  await applyInPreview(page, ['- unassign project role Invoice Reader from linus.torvalds@example.com in project billing-bot']);
  assert.deepEqual(await ownRoles(), before);
});
