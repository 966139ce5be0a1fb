// Changes from the Access section through the plan preview dialog: a failed row sent again alone
// (Retry), bulk removal of selected members, the import of an edited access file (YAML), a plan
// refused for leaving no owner, where focus goes when a dialog opens and closes, and one state
// for every section (a change in one shows in the other without a reload). Expected
// values come from the mock's API and its request log, read directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import YAML from 'yaml';
import { useStack, listAll, axeFindings, applyInPreview, pickFromList } from './harness.mjs';

// The failures a test causes on purpose are logged by the browser; anything else is a problem.
const e2e = useStack({ expected: /Failed to load resource: the server responded with a status of (409|500)\b/ });

const IMPORT = 'Import memberships CSV (group,email[,action]) or access file (YAML)';
const faults = (rules) => e2e.stack.api('POST', '/__mock/faults', rules);
const clearFaults = () => e2e.stack.api('DELETE', '/__mock/faults');
const clearRequests = () => e2e.stack.api('DELETE', '/__mock/requests');
/** The writes the mock received since the log was cleared: `METHOD path`. */
const writes = async () => (await e2e.stack.api('GET', '/__mock/requests')).data.filter((e) => e.method !== 'GET' && e.path.startsWith('/v1/')).map((e) => `${e.method} ${e.path}`);
const members = async (groupId) => (await listAll(e2e.stack.api, `/v1/organization/groups/${groupId}/users`)).map((u) => u.id).sort();
const groupNamed = async (name) => (await listAll(e2e.stack.api, '/v1/organization/groups')).find((g) => g.name === name);
/** The text of each item of a list. */
const texts = (list) => list.evaluate((ul) => [...ul.children].map((li) => li.textContent));
/** What has focus: `tag type "text"`, e.g. `BUTTON "Cancel"`. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return `${el?.tagName}${el?.type === 'file' ? ' file' : ''} "${(el?.textContent ?? '').trim().slice(0, 60)}"`;
});

async function showGroup(page, name) {
  await page.getByRole('combobox', { name: 'Find a person, group or role' }).fill(name);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).first().click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

test('a failed row is retried alone after the fault is gone; the row that succeeded is never sent again (360 px, axe)', async () => {
  const legal = await groupNamed('Legal');
  const finance = await groupNamed('Finance');
  const users = (await listAll(e2e.stack.api, '/v1/organization/users')).filter((u) => u.email);
  const inLegal = await members(legal.id);
  const inFinance = await members(finance.id);
  const a = users.find((u) => !inLegal.includes(u.id));
  const b = users.find((u) => u.id !== a.id && !inFinance.includes(u.id));
  const page = await e2e.openAccess({ viewport: { width: 360, height: 800 } });
  // Every request adding to Legal fails with a 500 (the client's retries too).
  await faults([{ method: 'POST', path: `/v1/organization/groups/${legal.id}/users`, status: 500, count: 50 }]);
  await page.getByLabel(IMPORT).setInputFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(`group,email\nLegal,${a.email}\nFinance,${b.email}\n`) });
  const dialog = page.getByRole('dialog', { name: 'Import two.csv' });
  await dialog.waitFor();
  assert.equal(await focused(page), 'BUTTON "Apply 2 changes"', 'on open, focus is on Apply');
  await dialog.getByRole('button', { name: 'Apply 2 changes' }).click();
  await dialog.getByText('1 of 2 failed.').waitFor({ timeout: 30_000 });
  assert.equal(await focused(page), 'BUTTON "Done"', 'when the apply ends, focus is on Done');
  const results = dialog.getByRole('list', { name: 'Results' });
  const failedRow = results.getByRole('listitem').filter({ hasText: a.email });
  assert.match(await failedRow.textContent(), /failed \(HTTP 500/);
  assert.equal(await results.getByRole('button', { name: /^Retry/ }).count(), 1, 'only the failed row offers Retry');
  assert.deepEqual(await members(legal.id), inLegal);
  assert.deepEqual(await members(finance.id), [...inFinance, b.id].sort());
  assert.deepEqual(await axeFindings(page), [], 'the results, with a Retry button, at 360 px');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scrolling at 360 px (${width})`);

  await clearFaults();
  await clearRequests();
  await failedRow.getByRole('button', { name: `Retry: add ${a.email} to Legal` }).click();
  await dialog.getByText('Applied 2 changes.').waitFor();
  assert.match(await failedRow.textContent(), /: done$/);
  assert.equal(await results.getByRole('button', { name: /^Retry/ }).count(), 0);
  assert.deepEqual(await writes(), [`POST /v1/organization/groups/${legal.id}/users`], 'one request: the retried row only');
  assert.deepEqual(await members(legal.id), [...inLegal, a.id].sort());
  assert.deepEqual(await members(finance.id), [...inFinance, b.id].sort());
  await dialog.getByRole('button', { name: 'Done' }).click();
  assert.equal(await dialog.count(), 0);
  assert.equal(await focused(page), 'INPUT file ""', 'focus is back on the import control');
});

test('a row the server refuses (409) can be retried and fails again, keeping its Retry', async () => {
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  const ada = users.find((u) => u.email === 'ada.lovelace@example.com');
  const page = await e2e.openAccess();
  await page.getByRole('combobox', { name: 'Find a person, group or role' }).fill('ada.lovelace');
  await page.getByRole('option', { name: /Ada Lovelace/ }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Ada Lovelace' }).waitFor();
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'User Auditor' });
  await faults([{ method: 'POST', path: `/v1/organization/users/${ada.id}/roles`, status: 409, count: 50 }]);
  await page.getByRole('button', { name: 'Assign role' }).click();
  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  await page.getByText('1 of 1 failed.').waitFor({ timeout: 30_000 });
  await clearRequests();
  await page.getByRole('button', { name: /^Retry: assign role User Auditor/ }).click();
  // While it is sent, the button is disabled; then the row says it failed again and offers Retry.
  await page.waitForFunction(() => [...document.querySelectorAll('dialog button')].some((b) => b.textContent === 'Retry' && !b.disabled), undefined, { timeout: 30_000 });
  await page.getByText('1 of 1 failed.').waitFor();
  assert.ok((await writes()).every((w) => w === `POST /v1/organization/users/${ada.id}/roles`));
  assert.equal(await focused(page), 'BUTTON "Retry"', 'focus stays on the row’s Retry');
  await clearFaults();
  await page.getByRole('button', { name: /^Retry: assign role User Auditor/ }).click();
  await page.getByText('Applied 1 change.').waitFor();
  const held = (await listAll(e2e.stack.api, `/v1/organization/users/${ada.id}/roles`)).map((r) => r.role?.name ?? r.name);
  assert.ok(held.includes('User Auditor'));
});

test('bulk remove: select members (one through "select all" of the filter), preview, cancel, apply; SCIM groups offer none', async () => {
  const groups = await listAll(e2e.stack.api, '/v1/organization/groups');
  let group;
  let before;
  for (const g of groups.filter((x) => !x.is_scim_managed)) {
    const m = await listAll(e2e.stack.api, `/v1/organization/groups/${g.id}/users`);
    if (m.filter((u) => u.email).length >= 3) {
      group = g;
      before = m;
      break;
    }
  }
  assert.ok(group, 'a group with three members');
  const [x, y] = before.filter((u) => u.email);
  const page = await e2e.openAccess({ viewport: { width: 360, height: 800 } });
  await showGroup(page, group.name);
  const remove = page.getByRole('button', { name: /^Remove selected/ });
  assert.equal(await remove.isDisabled(), true);
  // "Select all" selects what the filter shows, and only that.
  await page.getByLabel('Filter members').fill(x.email);
  await page.getByLabel('Select all 1 shown').click();
  await page.getByLabel('Filter members').fill('');
  await page.getByLabel(`Select all ${before.length} shown`).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: `Select ${x.name}` }).evaluate((box) => box.checked), true, 'kept after the filter changed');
  assert.equal(await page.getByRole('checkbox', { name: `Select ${y.name}` }).evaluate((box) => box.checked), false);
  await page.getByRole('checkbox', { name: `Select ${y.name}` }).click();
  await page.getByRole('button', { name: 'Remove selected (2)' }).waitFor();
  await remove.click();
  const dialog = page.getByRole('dialog', { name: `Remove from ${group.name}` });
  assert.equal(await dialog.getByRole('list', { name: 'Planned changes' }).getByRole('listitem').count(), 2);
  assert.deepEqual(await axeFindings(page), [], 'the preview dialog over a group view with checkboxes');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scrolling at 360 px (${width})`);
  assert.equal(await focused(page), 'BUTTON "Cancel"', 'a removal opens on Cancel');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'BUTTON "Remove selected (2)"', 'cancel returns focus to the opener');
  assert.equal((await members(group.id)).length, before.length, 'nothing sent on cancel');
  await remove.click();
  await dialog.getByRole('button', { name: 'Apply 2 changes' }).click();
  await dialog.getByText('Applied 2 changes.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const now = await members(group.id);
  assert.deepEqual(now, before.map((u) => u.id).filter((id) => id !== x.id && id !== y.id).sort());
  // The view is drawn again without them; the opener is disabled (nothing selected): focus is on the view.
  await page.getByRole('heading', { level: 3, name: `Members (${now.length})` }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'access-view');
  // A SCIM group: no checkboxes, no removal.
  const scim = groups.find((g) => g.is_scim_managed);
  await showGroup(page, scim.name);
  await page.getByRole('list', { name: 'Members', exact: true }).waitFor();
  assert.equal(await page.getByRole('checkbox').count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Remove selected/ }).count(), 0);
});

test('bulk add: the preview opens on Apply, Cancel returns focus to Preview, Done returns it to the redrawn Preview', async () => {
  const finance = await groupNamed('Finance');
  const inFinance = await members(finance.id);
  const outsider = (await listAll(e2e.stack.api, '/v1/organization/users')).find((u) => u.email && !inFinance.includes(u.id));
  const page = await e2e.openAccess();
  await showGroup(page, 'Finance');
  await page.getByLabel('Emails to add (one per line or comma-separated)').fill(outsider.email);
  await page.getByRole('button', { name: 'Preview' }).click();
  assert.equal(await focused(page), 'BUTTON "Apply 1 change"');
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await focused(page), 'BUTTON "Preview"');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  await page.getByText('Applied 1 change.').waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('heading', { level: 3, name: `Members (${inFinance.length + 1})` }).waitFor();
  assert.equal(await focused(page), 'BUTTON "Preview"');
  assert.deepEqual(await members(finance.id), [...inFinance, outsider.id].sort());
});

test('the delete confirmation opens on Cancel and gives focus back to Delete when cancelled', async () => {
  e2e.session = await e2e.stack.open({ path: '/#groups' });
  const { page } = e2e.session;
  const list = page.locator('#groups-panel .master').getByRole('list', { name: 'Groups', exact: true });
  await list.getByRole('listitem').first().waitFor();
  await list.getByRole('button').first().click();
  const del = page.locator('#groups-panel').getByRole('button', { name: 'Delete group' });
  await del.click();
  await page.getByRole('dialog').waitFor();
  assert.equal(await focused(page), 'BUTTON "Cancel"');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  assert.equal(await focused(page), 'BUTTON "Delete group"');
  assert.equal(await del.evaluate((el) => el === document.activeElement), true);
});

/** The access file the page exports (Export access file (YAML)). */
async function exportAccessFile(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export access file (YAML)' }).click()]);
  return readFile(await download.path(), 'utf8');
}

test('access file import: dump, edit, import; blocked rows say why; the server then matches the file', async () => {
  const page = await e2e.openAccess();
  const text = await exportAccessFile(page);
  const file = YAML.parse(text);
  const groups = await listAll(e2e.stack.api, '/v1/organization/groups');
  const legal = groups.find((g) => g.name === 'Legal');
  const finance = groups.find((g) => g.name === 'Finance');
  const scim = groups.find((g) => g.is_scim_managed);
  const users = (await listAll(e2e.stack.api, '/v1/organization/users')).filter((u) => u.email);
  const inLegal = await members(legal.id);
  const newcomer = users.find((u) => !inLegal.includes(u.id) && !u.is_scim_managed);
  const leaver = file.groups.Finance.members[0];
  // Add one to Legal, remove one from Finance, add one to a SCIM group (blocked).
  file.groups.Legal.members = [...file.groups.Legal.members, newcomer.email];
  file.groups.Finance.members = file.groups.Finance.members.slice(1);
  const scimOutsider = users.find((u) => !(file.groups[scim.name].members ?? []).includes(u.email));
  file.groups[scim.name].members = [...(file.groups[scim.name].members ?? []), scimOutsider.email];
  await clearRequests();
  await page.getByLabel(IMPORT).setInputFiles({ name: 'access.yaml', mimeType: 'application/yaml', buffer: Buffer.from(YAML.stringify(file)) });
  const dialog = page.getByRole('dialog', { name: 'Import access.yaml' });
  const planned = await texts(dialog.getByRole('list', { name: 'Planned changes' }));
  assert.equal(planned.length, 2, planned.join('\n'));
  assert.ok(planned.some((p) => p.startsWith('+') && p.includes(newcomer.email) && p.includes('Legal')), planned.join('\n'));
  assert.ok(planned.some((p) => p.startsWith('-') && p.includes(leaver) && p.includes('Finance')), planned.join('\n'));
  const blocked = await texts(dialog.getByRole('list', { name: 'Blocked' }));
  assert.ok(blocked.some((b) => b.includes(scim.name) && /SCIM/i.test(b)), blocked.join('\n'));
  assert.deepEqual(await writes(), [], 'nothing sent before Apply');
  assert.equal(await focused(page), 'BUTTON "Cancel"', 'a plan that removes opens on Cancel');
  await dialog.getByRole('button', { name: 'Apply 2 changes' }).click();
  await dialog.getByText('Applied 2 changes.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  assert.equal(await focused(page), 'INPUT file ""');
  // The server matches the file: memberships of the edited groups, the SCIM group unchanged.
  const emailOf = new Map((await listAll(e2e.stack.api, '/v1/organization/users')).map((u) => [u.id, u.email ?? u.id]));
  const emails = async (id) => (await members(id)).map((m) => emailOf.get(m)).sort();
  assert.deepEqual(await emails(legal.id), [...file.groups.Legal.members].sort());
  assert.deepEqual(await emails(finance.id), [...file.groups.Finance.members].sort());
  assert.ok(!(await emails(scim.id)).includes(scimOutsider.email));
  // Exported again, the file has the changes: importing it plans nothing.
  const again = await exportAccessFile(page);
  await page.getByLabel(IMPORT).setInputFiles({ name: 'again.yaml', mimeType: 'application/yaml', buffer: Buffer.from(again) });
  await page.getByRole('dialog', { name: 'Import again.yaml' }).getByText('Nothing to change.').waitFor();
});

test('access file import: a file with errors lists each with its line and applies nothing; leaving no owner is refused before any preview', async () => {
  const page = await e2e.openAccess();
  const text = await exportAccessFile(page);
  const lines = text.split('\n');
  // Two bad entries: an organization role that does not exist, and a key a group does not have.
  const roleAt = lines.findIndex((l) => /^\s+role: (owner|reader)\s*$/.test(l));
  const membersAt = lines.findIndex((l) => /^\s+members:/.test(l));
  assert.ok(roleAt > 0 && membersAt > 0, 'the dump has organization roles and members');
  const broken = [...lines];
  broken[roleAt] = broken[roleAt].replace(/role: \w+/, 'role: superuser');
  broken[membersAt] = broken[membersAt].replace('members:', 'membres:');
  await clearRequests();
  await page.getByLabel(IMPORT).setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken.join('\n')) });
  const errors = page.getByRole('list', { name: 'Errors in the file' });
  await errors.waitFor();
  const listed = await texts(errors);
  assert.equal(listed.length, 2, listed.join('\n'));
  const [first, second] = [roleAt, membersAt].sort((a, b) => a - b);
  assert.match(listed[0], new RegExp(`^broken\\.yaml, line ${first + 1}, column \\d+: `));
  assert.match(listed[1], new RegExp(`^broken\\.yaml, line ${second + 1}, column \\d+: `));
  assert.ok(listed.some((l) => l.includes(`line ${roleAt + 1},`) && l.includes('superuser')), listed.join('\n'));
  assert.ok(listed.some((l) => l.includes(`line ${membersAt + 1},`) && l.includes('membres')), listed.join('\n'));
  await page.getByText('broken.yaml: this file has 2 errors. Nothing was applied.').waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0);
  // Every owner made a reader: the core refuses the whole plan; the page says so and opens no preview.
  const ownerless = text.replace(/^(\s+role: )owner\s*$/gm, '$1reader');
  assert.notEqual(ownerless, text);
  await page.getByLabel(IMPORT).setInputFiles({ name: 'ownerless.yaml', mimeType: 'application/yaml', buffer: Buffer.from(ownerless) });
  await page.getByText(/^ownerless\.yaml: refused: the plan would leave the organization with no owner.*Nothing was applied\.$/).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.deepEqual(await writes(), []);
  const owners = (await listAll(e2e.stack.api, '/v1/organization/users')).filter((u) => u.role === 'owner');
  assert.ok(owners.length > 0);
});

test('a file dropped on the import control is planned like a chosen one', async () => {
  const legal = await groupNamed('Legal');
  const inLegal = await members(legal.id);
  const newcomer = (await listAll(e2e.stack.api, '/v1/organization/users')).find((u) => u.email && !inLegal.includes(u.id));
  const page = await e2e.openAccess();
  await clearRequests();
  // What a drop from the desktop gives the page: a drop event carrying the file.
  await page.evaluate((csv) => {
    const zone = document.querySelector('.drop-zone');
    const data = new DataTransfer();
    data.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
  }, `group,email\nLegal,${newcomer.email}\n`);
  const dialog = page.getByRole('dialog', { name: 'Import dropped.csv' });
  await dialog.waitFor();
  assert.deepEqual(await texts(dialog.getByRole('list', { name: 'Planned changes' })), [`+ add ${newcomer.email} to Legal`]);
  assert.deepEqual(await writes(), []);
  await dialog.getByRole('button', { name: 'Apply 1 change' }).click();
  await dialog.getByText('Applied 1 change.').waitFor();
  assert.deepEqual(await members(legal.id), [...inLegal, newcomer.id].sort());
});

test('one state: a member added in the Access section shows in the Groups section’s open group, and one removed there leaves the Access view, without a reload', async () => {
  const operations = await groupNamed('Operations'); // the seeded group without members
  assert.deepEqual(await members(operations.id), []);
  const page = await e2e.openAccess();
  await page.getByRole('button', { name: 'Groups', exact: true }).click();
  await pickFromList(page, '#groups-panel', 'Groups', 'Operations');
  await page.getByText('This group has no members.').waitFor();

  await page.getByRole('button', { name: 'Access', exact: true }).click();
  await showGroup(page, 'Operations');
  await page.getByLabel('Emails to add (one per line or comma-separated)').fill('grace.hopper@example.com');
  await page.getByRole('button', { name: 'Preview' }).click();
  await applyInPreview(page, ['+ add grace.hopper@example.com to Operations']);
  await page.getByRole('button', { name: 'Groups', exact: true }).click();
  const inGroups = page.getByRole('list', { name: 'Members of Operations' });
  await inGroups.getByText('Grace Hopper').waitFor();

  await inGroups.getByRole('button', { name: 'Remove Grace Hopper' }).click();
  await applyInPreview(page, ['- remove grace.hopper@example.com from Operations']);
  await page.getByText('This group has no members.').waitFor();
  await page.getByRole('button', { name: 'Access', exact: true }).click();
  await page.locator('#access-panel').getByText('No members.', { exact: true }).waitFor();
  assert.deepEqual(await members(operations.id), []);
});
