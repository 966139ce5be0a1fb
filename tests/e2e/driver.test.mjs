// The driver's locators (driver.mjs, query-engine.mjs) find what Playwright's find: the same
// locators on the console page in the same state, Playwright's in Chromium as the reference, the
// driver's engine in the browser under test (E2E_BROWSER, through puppeteer-core), the matches
// compared one by one.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../support/browser.mjs';
import { stepsFor } from './driver.mjs';
import { startStack } from './harness.mjs';

let stack;
let reference;
const sessions = [];
before(async () => {
  stack = await startStack();
  reference = await launchChromium();
});
after(async () => {
  await reference?.close().catch(() => {});
  await stack?.close();
});
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

/** Locators of the kinds the tests use: roles with names (substring, exact, RegExp), levels, labels, text, CSS with :visible, filters, nth. */
const CASES = {
  'button Access, exact': (p) => p.getByRole('button', { name: 'Access', exact: true }),
  'button "access", substring and case': (p) => p.getByRole('button', { name: 'access' }),
  'every button': (p) => p.getByRole('button'),
  'headings of level 2': (p) => p.getByRole('heading', { level: 2 }),
  'list Groups, exact, its items': (p) => p.getByRole('list', { name: 'Groups', exact: true }).getByRole('listitem'),
  'list "groups", substring': (p) => p.getByRole('list', { name: 'groups' }),
  'items filtered by text': (p) => p.getByRole('listitem').filter({ hasText: 'engineering' }),
  'items without a text': (p) => p.getByRole('listitem').filter({ hasNotText: /group_/ }),
  'buttons by RegExp name': (p) => p.getByRole('button', { name: /^(Fin|Leg|Eng)/ }),
  'the third button': (p) => p.getByRole('button').nth(2),
  'the last list item': (p) => p.getByRole('listitem').last(),
  'combobox by name': (p) => p.getByRole('combobox', { name: 'Find a person, group or role' }),
  'options in the results': (p) => p.getByRole('listbox', { name: 'Search results' }).getByRole('option'),
  'options in the People group': (p) => p.getByRole('listbox', { name: 'Search results' }).getByRole('group', { name: 'People' }).getByRole('option'),
  'option by RegExp': (p) => p.getByRole('option', { name: /^Role / }),
  'tabpanels and regions': (p) => p.getByRole('region'),
  'label exact': (p) => p.getByLabel('Role name', { exact: true }),
  'label substring': (p) => p.getByLabel('name'),
  'label of the filter': (p) => p.getByLabel('Filter groups by name'),
  'label of the admin key (hidden)': (p) => p.getByLabel('Admin key'),
  'text RegExp': (p) => p.getByText(/^Loaded \d+ users/),
  'text substring': (p) => p.getByText('signed in as'),
  'text exact': (p) => p.getByText('Groups', { exact: true }),
  'text inside a list': (p) => p.getByRole('list', { name: 'Groups', exact: true }).getByText('Engineering'),
  'dialog and its buttons': (p) => p.getByRole('dialog').getByRole('button'),
  'list items named by aria-label': (p) => p.getByRole('listitem', { name: 'Role Owner' }),
  'textboxes': (p) => p.getByRole('textbox'),
  'comboboxes (selects)': (p) => p.getByRole('combobox'),
  'options of a select': (p) => p.getByRole('option', { name: 'User Auditor' }),
  'forms by name': (p) => p.getByRole('form'),
  'articles': (p) => p.getByRole('article'),
  'css': (p) => p.locator('#groups-panel li'),
  'css :visible': (p) => p.locator('.error:visible'),
  'css then role': (p) => p.locator('#groups-panel .master').getByRole('button', { name: 'Load more' }),
};

/** The engine's matches in the driver's page under test (the engine defined there first). */
async function engineMatches(page, steps) {
  await page.run(() => 0);
  return page.evaluate((s) => window.__e2e.query(s).map((el) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 160)), steps);
}

/** Opens the page (at `path`) in both browsers and brings both to the same state with `prepare(page)`. */
async function compare(prepare, path = '/') {
  const session = await stack.open({ path });
  sessions.push(session.context);
  const context = await reference.newContext({ viewport: { width: 1280, height: 900 } });
  sessions.push(context);
  const ref = await context.newPage();
  await ref.goto(stack.base + path);
  await prepare(session.page);
  await prepare(ref);
  const differences = [];
  let compared = 0;
  for (const [name, build] of Object.entries(CASES)) {
    const want = await build(ref).evaluateAll((els) => els.map((el) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 160)));
    const got = await engineMatches(session.page, stepsFor(build));
    compared += want.length;
    if (JSON.stringify(got) !== JSON.stringify(want)) differences.push(`${name}: Playwright ${want.length}, driver ${got.length}; only Playwright: ${JSON.stringify(want.filter((w) => !got.includes(w)).slice(0, 3))}; only the driver: ${JSON.stringify(got.filter((g) => !want.includes(g)).slice(0, 3))}`);
  }
  assert.deepEqual(differences, []);
  assert.ok(compared > 50, `the cases matched something (${compared} elements)`);
}

test("the driver's locators match Playwright's on the Groups section", async () => {
  await stack.reset();
  await compare(async (page) => {
    await page.getByRole('list', { name: 'Groups', exact: true }).getByRole('listitem').nth(9).waitFor();
  }, '/#groups');
});

test("the driver's locators match Playwright's on the Access section's search results", async () => {
  await stack.reset();
  await compare(async (page) => {
    await page.getByRole('button', { name: 'Access', exact: true }).click();
    await page.getByText(/^Loaded \d+ users, \d+ groups and \d+ roles\.$/).waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: 'Find a person, group or role' }).fill('a');
    await page.getByRole('listbox', { name: 'Search results' }).waitFor();
  });
});

test("the driver's locators match Playwright's with a group open and its delete dialog shown", async () => {
  await stack.reset();
  await compare(async (page) => {
    await page.getByRole('list', { name: 'Groups', exact: true }).getByRole('button', { name: /^Engineering/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Engineering' }).waitFor();
    // A direct role's Unassign comes once the organization is loaded: the page holds still after it.
    await page.getByRole('button', { name: 'Unassign API Group Manager' }).waitFor();
    await page.getByRole('button', { name: 'Delete group' }).click();
    await page.getByRole('dialog').waitFor();
  }, '/#groups');
});

test("the driver's locators match Playwright's on the Roles section with a role being edited", async () => {
  await stack.reset();
  await compare(async (page) => {
    await page.getByRole('button', { name: 'Roles', exact: true }).click();
    await page.getByRole('listitem', { name: 'Role User Auditor' }).waitFor();
    await page.getByLabel('Role name', { exact: true }).fill('Draft');
  });
});

test('an action on an element the page replaced after it was found is done on the new one, once', async () => {
  await stack.reset();
  const session = await stack.open({ path: '/' });
  sessions.push(session.context);
  const { page } = session;
  await page.evaluate(() => {
    const select = document.createElement('select');
    select.setAttribute('aria-label', 'Pick');
    select.innerHTML = '<option value="a">A</option><option value="b">B</option>';
    document.body.prepend(select);
  });
  const pick = page.getByRole('combobox', { name: 'Pick' });
  // The view is drawn again between the driver finding the select and choosing in it, as when a
  // read comes in (access.js): the first element found is replaced by a copy.
  const find = pick.element.bind(pick);
  let found = 0;
  pick.element = async (...args) => {
    const el = await find(...args);
    if (found++ === 0) await el.evaluate((node) => node.replaceWith(node.cloneNode(true)));
    return el;
  };
  assert.deepEqual(await pick.selectOption('B'), ['b']);
  assert.equal(found, 2, 'found again once, after the replacement');
  assert.equal(await page.evaluate(() => document.querySelector('select[aria-label="Pick"]').value), 'b', 'the select in the page has the choice');
});
