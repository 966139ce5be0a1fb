// The Access section with a slow, larger organization (the demo seed plus 1,200 synthetic users
// and 4 groups of 400, every answer 30 ms late): it opens first, is searchable before the load
// ends, counts users as they load ("412 of 1,245 users"), shows long lists as virtual lists
// that the keyboard reaches the end of, and keeps a members filter typed while its group is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll } from './harness.mjs';

const e2e = useStack({ mockArgs: ['--users', '1200', '--groups', '4', '--members-per-group', '400', '--owners', '3', '--roles', '2', '--latency-ms', '30'] });

/** The progress line's text now. */
const progressText = (page) => page.evaluate(() => document.querySelector('#access-panel .load-row .status')?.textContent ?? '');

const search = (page) => page.getByRole('combobox', { name: 'Find a person, group or role' });
const loaded = (page) => page.getByText(/^Loaded [\d,]+ users, [\d,]+ groups and [\d,]+ roles\.$/);

test('Access opens first and is searchable before the organization has loaded, with users counted as they load', async () => {
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  assert.ok(users.length > 1200);
  // The users' list pages (the first requests under /v1/organization/users) answer 300 ms late,
  // so the page is seen while it has listed some users and does not know how many there are.
  await e2e.stack.api('POST', '/__mock/faults', [{ method: 'GET', path: '/v1/organization/users', count: 16, delay_ms: 300 }]);
  e2e.session = await e2e.stack.open();
  const { page } = e2e.session;
  assert.equal(await page.getByRole('button', { name: 'Access', exact: true }).getAttribute('aria-pressed'), 'true');
  const box = search(page);
  await page.waitForFunction(() => /^[1-9][\d,]* users listed so far/.test(document.querySelector('#access-panel .load-row .status')?.textContent ?? ''));
  const listing = await progressText(page);
  // Before the end of the users' list, only how many were listed (the API gives no total).
  assert.match(listing, /^[\d,]+ users listed so far \(the API tells how many there are only at the end of its list\) · /);
  await box.fill('ada.lovelace');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /Ada Lovelace/ }).waitFor();
  assert.equal(await loaded(page).count(), 0, 'found before the load ended');
  assert.equal(await page.getByRole('progressbar', { name: 'Loading the organization' }).isVisible(), true);
  assert.match(await page.locator(`#${await box.getAttribute('aria-describedby')}`).textContent(), /^Still loading: search covers the [\d,]+ users/);
  // A person opened while loading says the view may be incomplete, and offers no change yet.
  await box.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Ada Lovelace' }).waitFor();
  assert.equal(await loaded(page).count(), 0);
  await page.getByText(/^Still loading: this view shows what has been read so far/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Assign role' }).count(), 0);

  // Then "N of 1,245 users": sampled until the end, the count grows and is seen in the middle.
  const total = new Intl.NumberFormat('en-US').format(users.length);
  const counted = [];
  while (!(await loaded(page).count())) {
    const m = new RegExp(`^([\\d,]+) of ${total} users · [\\d,]+ of [\\d,]+ groups · `).exec(await progressText(page));
    if (m) counted.push(Number(m[1].replace(/,/g, '')));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(counted.some((n) => n > 0 && n < users.length), `a count in the middle of the load: ${counted.join(', ')}`);
  assert.deepEqual(counted, [...counted].sort((a, b) => a - b), 'the count only grows');
  assert.equal(await page.getByRole('progressbar').count(), 0);
  await page.getByRole('button', { name: 'Show this view complete' }).click();
  await page.getByRole('button', { name: 'Assign role' }).waitFor();

  // Users per organization role, where people look.
  const owners = users.filter((u) => u.role === 'owner').length;
  const readers = users.filter((u) => u.role === 'reader').length;
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const perRole = page.getByRole('list', { name: 'Users per organization role' });
  assert.equal(await perRole.getByRole('listitem').filter({ hasText: /^owner:/ }).textContent(), `owner: ${owners}`);
  assert.equal(await perRole.getByRole('listitem').filter({ hasText: /^reader:/ }).textContent(), `reader: ${new Intl.NumberFormat('en-US').format(readers)}`);
});

test('a group of 400 members is a virtual list: few rows in the page, every row placed, the keyboard reaches the last', async () => {
  const groups = await listAll(e2e.stack.api, '/v1/organization/groups');
  const group = groups.find((g) => g.name === 'Bench Group 000002');
  const members = await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`);
  assert.equal(members.length, 400);
  e2e.session = await e2e.stack.open();
  const { page } = e2e.session;
  await loaded(page).waitFor({ timeout: 120_000 });
  // The overview lists the groups with their member counts.
  await page.getByRole('list', { name: 'Groups', exact: true }).getByRole('listitem').filter({ hasText: 'Bench Group 000002 — 400 members' }).waitFor();
  await search(page).fill('Bench Group 000002');
  const option = page.getByRole('option', { name: /^Bench Group 000002/ });
  await option.waitFor();
  assert.match(await option.textContent(), /^Bench Group 000002 400 members$/, 'the hit says how many members');
  await search(page).press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Bench Group 000002' }).waitFor();
  const list = page.getByRole('list', { name: 'Members', exact: true });
  const rows = list.getByRole('listitem');
  await rows.first().waitFor();
  const rendered = await rows.count();
  assert.ok(rendered > 5 && rendered < 60, `only the rows in view are in the page (${rendered})`);
  assert.equal(await rows.first().getAttribute('aria-setsize'), '400');
  // One tab stop: the first row's control; End goes to the last row, Up to the one before.
  await rows.first().getByRole('button').press('End');
  const focused = () => page.evaluate(() => document.activeElement?.closest('[role="listitem"]')?.getAttribute('aria-posinset'));
  assert.equal(await focused(), '400');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), '399');
  assert.equal(await list.locator('button[tabindex="0"]').count(), 1, 'one row in the tab order');
  // The row's controls: its checkbox (an admin selects members to remove), then the person.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('type')), 'checkbox');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), '399');
  const name = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: name.replace(/ <.*>$/, '') }).waitFor();
});

test('a members filter typed while the group is read again keeps its text, its caret and what it filters', async () => {
  const groups = await listAll(e2e.stack.api, '/v1/organization/groups');
  const group = groups.find((g) => g.name === 'Bench Group 000003');
  const members = await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`);
  const other = groups.find((g) => g.name === 'Bench Group 000004');
  const wanted = members[7];
  // The group's roles, read after its members, come 4 s late: the view is drawn again, under the
  // reader's typing, when they do. Another group's roles come 15 s late, so the load is still
  // under way then (once it is complete, the view is offered again instead of drawn).
  await e2e.stack.api('POST', '/__mock/faults', [
    { method: 'GET', path: '/v1/organization/users', count: 16, delay_ms: 300 },
    { method: 'GET', path: `/v1/organization/groups/${group.id}/roles`, count: 1, delay_ms: 4000 },
    { method: 'GET', path: `/v1/organization/groups/${other.id}/roles`, count: 1, delay_ms: 15000 },
  ]);
  e2e.session = await e2e.stack.open();
  const { page } = e2e.session;
  await search(page).fill(group.name);
  await page.getByRole('option', { name: new RegExp(`^${group.name}`) }).waitFor();
  await search(page).press('Enter');
  const filter = page.getByRole('searchbox', { name: 'Filter members' });
  await filter.waitFor();
  assert.equal(await loaded(page).count(), 0, 'still loading');
  // The heading drawn now, marked: the view drawn again has another one.
  await page.evaluate(() => (document.querySelector('#access-panel .access-view h2').dataset.before = 'roles read'));
  await filter.fill(wanted.email);
  await page.evaluate(() => document.activeElement.setSelectionRange(2, 5));
  await page.waitForFunction(() => !document.querySelector('#access-panel .access-view h2')?.dataset.before, undefined, { timeout: 30_000 });
  assert.equal(await loaded(page).count(), 0, 'drawn again while loading');
  assert.equal(await filter.inputValue(), wanted.email);
  assert.deepEqual(
    await page.evaluate(() => [document.activeElement.getAttribute('aria-label') ?? document.activeElement.labels?.[0]?.textContent, document.activeElement.selectionStart, document.activeElement.selectionEnd]),
    ['Filter members', 2, 5],
  );
  const rows = page.getByRole('list', { name: 'Members', exact: true }).getByRole('listitem');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), new RegExp(wanted.email.replace(/[.+]/g, '\\$&')));
});
