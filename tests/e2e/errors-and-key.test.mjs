// Failures shown in place (status, message, request id) without losing input, and the admin key's
// handling: never stored, never in the URL, and not needed behind a proxy that adds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll, KEY } from './harness.mjs';

const e2e = useStack({ checkProblems: false });

const groupItems = (page) => page.getByRole('list', { name: 'Groups', exact: true }).getByRole('listitem');

test('a failed create shows status, message and request id, and keeps the typed name', async () => {
  e2e.session = await e2e.stack.open({ path: '/#groups' });
  const { page } = e2e.session;
  await groupItems(page).first().waitFor();
  // Enough failures to outlast the client's retries (2 by default).
  await e2e.stack.api('POST', '/__mock/faults', [{ method: 'POST', path: '/v1/organization/groups', count: 5, status: 500 }]);

  await page.getByLabel('New group name').fill('Quality Team');
  await page.getByRole('button', { name: 'Create group' }).click();
  const error = page.locator('#groups-panel .master .error:visible');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /Could not create the group/);
  assert.match(text, /HTTP 500/);
  assert.match(text, /InternalServerError/);
  const rid = text.match(/Request ID:\s*(req_[0-9a-f]+)/)?.[1];
  assert.ok(rid, `a request id is shown: ${text}`);
  const log = await e2e.stack.api('GET', '/__mock/requests');
  const entry = log.data.find((r) => r.request_id === rid);
  assert.equal(entry?.fault, 'status=500', 'the request id is the failed request');
  assert.ok(!text.includes(KEY), 'the key is not in the error');
  assert.equal(await page.getByLabel('New group name').inputValue(), 'Quality Team', 'the typed name is kept');
  await e2e.stack.screenshot(page, 'error-create-group');

  // Once the server recovers, the same input goes through.
  await e2e.stack.api('DELETE', '/__mock/faults');
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.getByRole('heading', { level: 2, name: 'Quality Team' }).waitFor();
  assert.equal(await error.isVisible(), false, 'the error is cleared by the retry');
  const all = await listAll(e2e.stack.api, '/v1/organization/groups');
  assert.ok(all.some((g) => g.name === 'Quality Team'));
});

test('a rejected role keeps every field of the form and names the parameter', async () => {
  e2e.session = await e2e.stack.open({ path: '/#groups' });
  const { page } = e2e.session;
  await page.getByRole('button', { name: 'Roles', exact: true }).click();
  await page.getByRole('listitem', { name: 'Role User Auditor' }).waitFor();
  await page.getByLabel('Role name', { exact: true }).fill('User Auditor'); // the name is taken: 400
  await page.getByLabel('Permissions', { exact: true }).fill('api.users.read');
  await page.getByLabel('Description', { exact: true }).fill('Second try');
  await page.getByRole('button', { name: 'Create role' }).click();
  const error = page.locator('#roles-panel .error:visible');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /HTTP 400/);
  assert.match(text, /BadRequestError/);
  assert.match(text, /already exists/);
  assert.match(text, /Parameter: role_name/);
  assert.match(text, /Request ID: req_/);
  assert.equal(await page.getByLabel('Role name', { exact: true }).inputValue(), 'User Auditor');
  assert.equal(await page.getByLabel('Permissions', { exact: true }).inputValue(), 'api.users.read');
  assert.equal(await page.getByLabel('Description', { exact: true }).inputValue(), 'Second try');
  await e2e.stack.screenshot(page, 'error-create-role');
});

test('a failing list shows its error in place', async () => {
  await e2e.stack.api('POST', '/__mock/faults', [{ method: 'GET', path: '/v1/organization/users', count: 5, status: 503 }]);
  e2e.session = await e2e.stack.open({ path: '/#groups' });
  const { page } = e2e.session;
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  const error = page.locator('#users-panel .error:visible');
  await error.waitFor();
  assert.match(await error.innerText(), /Could not load the users[\s\S]*HTTP 503/);
  await e2e.stack.screenshot(page, 'error-list-users');
});

test('behind the handler the page holds no key: not in storage, cookies, the URL, the page or the console', async () => {
  e2e.session = await e2e.stack.open({ path: '/#groups' });
  const { page, context } = e2e.session;
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  const seen = [];
  page.on('response', async (res) => {
    seen.push(JSON.stringify(await res.allHeaders()));
    if (res.url().includes('/v1/')) seen.push(await res.text().catch(() => ''));
  });
  await groupItems(page).first().waitFor();
  await page.getByText('Signed in as ada@example.com').waitFor();
  assert.equal(await page.getByLabel('Admin key').isVisible(), false);
  // Use the page: create a group, open a user, fail a request.
  await page.getByLabel('New group name').fill('Key Check');
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.getByRole('heading', { level: 2, name: 'Key Check' }).waitFor();
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  await page.getByRole('list', { name: 'Users', exact: true }).getByRole('button').first().click();
  await e2e.stack.api('POST', '/__mock/faults', [{ method: 'GET', path: '/v1/organization/roles', count: 5, status: 401 }]);
  await page.getByRole('button', { name: 'Roles', exact: true }).click();

  const stored = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
    url: location.href,
    html: document.documentElement.outerHTML,
  }));
  for (const [where, value] of Object.entries(stored)) assert.ok(!value.includes(KEY), `key in ${where}`);
  assert.ok(!logs.some((l) => l.includes(KEY)), 'key in the console');
  assert.ok(!seen.some((t) => t.includes(KEY)), 'key in a response');
  assert.deepEqual(await context.cookies(), []);
  // Every request reached the mock with the key the handler added, none with the page's token.
  const log = await e2e.stack.api('GET', '/__mock/requests');
  assert.ok(log.data.length > 0);
  for (const r of log.data) assert.equal(r.headers.authorization, 'Bearer ***', 'the handler added the key');
  assert.ok(!JSON.stringify(log.data).includes('e2e-admin-token'), 'the sign-in token never reaches the API');
  assert.ok(!e2e.stack.demo.output().includes(KEY), 'the key is not in the server output');
  await e2e.stack.screenshot(page, 'key-not-in-browser');
});

test('a viewer reads, and every write is refused with 403 shown in place', async () => {
  e2e.session = await e2e.stack.open({ path: '/?as=viewer#groups' });
  const { page } = e2e.session;
  await page.getByText('Signed in as grace@example.com').waitFor();
  await groupItems(page).nth(9).waitFor();
  await page.getByLabel('New group name').fill('Not Allowed');
  await page.getByRole('button', { name: 'Create group' }).click();
  const error = page.locator('#groups-panel .master .error:visible');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /HTTP 403/);
  assert.match(text, /PermissionDeniedError/);
  assert.match(text, /grace@example.com \(viewer\) may not run groups\.create/);
  const all = await listAll(e2e.stack.api, '/v1/organization/groups');
  assert.ok(!all.some((g) => g.name === 'Not Allowed'), 'nothing was created');
  const denied = await e2e.stack.demo.audited((e) => e.operation === 'groups.create' && e.status === 403);
  assert.ok(denied.length >= 1, 'the refused write is audited');
  assert.deepEqual(denied.at(-1).who, { user: 'grace@example.com', role: 'viewer' });
  await e2e.stack.screenshot(page, 'viewer-write-refused');
});

test('served without the handler, the page asks for a key and keeps it in memory only', async () => {
  e2e.session = await e2e.stack.open({ origin: e2e.stack.direct, path: '/#groups' });
  const { page, context } = e2e.session;
  await groupItems(page).first().waitFor();
  assert.equal(await page.getByLabel('Admin key').inputValue(), KEY);
  await page.getByText('demo key of the local mock').waitFor();
  await page.getByLabel('Admin key').fill('sk-admin-wrong-key');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.locator('#groups-panel .error:visible').waitFor();
  const unauthorized = await page.locator('#groups-panel .error:visible').innerText();
  assert.match(unauthorized, /HTTP 401/);
  assert.ok(!unauthorized.includes('sk-admin-wrong-key'));
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie + location.href);
  for (const key of [KEY, 'sk-admin-wrong-key']) assert.ok(!stored.includes(key));
  assert.deepEqual(await context.cookies(), []);
});
