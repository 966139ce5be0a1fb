// The Access section under the API's per-endpoint limits, time-scaled: the mock's
// `--route-limit 3/6` (three answers per endpoint in any six seconds, then 429s with no
// Retry-After) stands for 3 a minute, and the demo server hands its page
// OPENAI_ADMIN_TIME_SCALE=0.1 (`/session`'s `timeScale`), so its scheduler's caps are a tenth
// (60 s → 6 s), as the command line's are under the same variable. The demo seed's 45 users' roles
// then take about 90 s to read: far longer than any of these tests waits.
//
// - Under the progress bar, the endpoint the limit holds back gets a line with its reads done and
//   why it waits, counted down, in the words the command line uses.
// - The line says the time left within one window of the first 429 (the rate it showed).
// - A person opened while their roles are unread is read first: their roles show while the load
//   goes on, and the mock's log has their read among the first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll } from './harness.mjs';

const LIMIT = 3;
const WINDOW_S = 6;
const e2e = useStack({ mockArgs: ['--route-limit', `${LIMIT}/${WINDOW_S}`], demoEnv: { OPENAI_ADMIN_TIME_SCALE: '0.1' }, expected: /\b429\b|Too Many Requests/ });

const ROLES_LINE = (n) => `^users' roles (\\d+)/${n} · `;
const lines = (page) => page.evaluate(() => [...document.querySelectorAll('#access-panel [aria-label="Reads per endpoint"] li')].map((li) => li.textContent));
/** Waits for a line of "Reads per endpoint" matching `re`; resolves to its match. */
async function lineMatching(page, re, timeout) {
  await page.waitForFunction(
    (source) => [...document.querySelectorAll('#access-panel [aria-label="Reads per endpoint"] li')].some((li) => new RegExp(source).test(li.textContent)),
    re.source,
    { timeout },
  );
  return (await lines(page)).map((l) => re.exec(l)).find(Boolean);
}
/**
 * Waits out the limit's window, so that what the test before read (all keys share the limit) no
 * longer counts against this one's page: the rate its page learns is the limit's, not what was left.
 */
const freshWindow = () => new Promise((resolve) => setTimeout(resolve, WINDOW_S * 1000 + 250));
const progressBar = (page) => page.getByRole('progressbar', { name: 'Loading the organization' });
/** `about 1 min 33 s left` → ms. */
const leftMs = (text) => {
  const [, min = '0', s = '0'] = /about (?:(\d+) min)? ?(?:(\d+) s)? left/.exec(text);
  return (Number(min) * 60 + Number(s)) * 1000;
};

test("a limited endpoint's line: its reads, and the wait the API's 429s imposed, counting down", async () => {
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  assert.ok(users.length > LIMIT * 10, 'more user reads than the limit admits in ten windows');
  e2e.session = await e2e.stack.open();
  const { page } = e2e.session;
  const waitLine = (seconds) => new RegExp(`${ROLES_LINE(users.length)}waiting (${seconds}) s: the API asked us to slow down(?: · about [\\d a-z]+ left)?$`);
  // A wait of 2 s or more (the first backoff, before a 429 showed a rate, may be a fraction of a second).
  const first = await lineMatching(page, waitLine('[2-9]|\\d\\d+'), 30_000);
  assert.ok(Number(first[1]) <= LIMIT * 2, `no more reads done than the limit admitted: ${first[0]}`);
  assert.ok(Number(first[2]) > 1, `a wait long enough to count down: ${first[0]}`);
  // A second and a half later the same wait shows less time left (redrawn each second).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const later = (await lines(page)).map((l) => waitLine('\\d+').exec(l)).find(Boolean);
  assert.ok(later && Number(later[2]) < Number(first[2]), `counted down: ${first[0]} → ${later?.[0]}`);
  assert.equal(await progressBar(page).isVisible(), true);
});

test('the progress shows the time left for the limited endpoint within a window of its first 429 (seconds, not a minute)', async () => {
  await freshWindow();
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  const opened = Date.now();
  e2e.session = await e2e.stack.open();
  const { page } = e2e.session;
  // Said while waiting (`waiting 5 s: … · about 1 min 30 s left`) or after (`2.7/min learned · about …`).
  const eta = new RegExp(`${ROLES_LINE(users.length)}(?:waiting \\d+ s: the API asked us to slow down|[\\d.]+/min learned) · (about (?:\\d+ min)? ?(?:\\d+ s)? left)$`);
  // The first 429 comes at once (the lists, then 45 reads of users' roles): the time left follows
  // within two windows (without the time scale, the first wait alone is a minute).
  const seen = await lineMatching(page, eta, 2 * WINDOW_S * 1000);
  const after = Date.now() - opened;
  assert.ok(after < 2 * WINDOW_S * 1000, `the time left shown ${after} ms after the page opened`);
  // The limit-bound time of the rest: (ceil(n / N) − 1) windows. The ETA is of that order, not of
  // a minute-long window per three reads (the caps are time-scaled in the page).
  const left = leftMs(seen[2]);
  const bound = (Math.ceil((users.length - Number(seen[1])) / LIMIT) - 1) * WINDOW_S * 1000;
  assert.ok(left >= bound * 0.5 && left <= bound * 3, `${seen[0]}: about ${left} ms left, the limit allows ${bound} ms`);
  assert.equal(await progressBar(page).isVisible(), true, 'said while the load goes on');
});

test('a person opened while their roles are unread is read first: their roles show before the load ends', async () => {
  await freshWindow();
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  const groups = await listAll(e2e.stack.api, '/v1/organization/groups');
  assert.ok(groups.length > 3 * LIMIT, "more groups' members to read than three windows admit");
  // The load reads users' roles in the list's order: this one would come among the last.
  const person = users.findLast((u) => u.email && u.name);
  const place = users.indexOf(person);
  assert.ok(place >= users.length - 3, `late in the read order: ${place} of ${users.length}`);
  const roles = (await e2e.stack.api('GET', '/v1/organization/roles?limit=100')).data;
  const role = roles.find((r) => !r.predefined_role);
  await e2e.stack.api('POST', `/v1/organization/users/${person.id}/roles`, { role_id: role.id });
  await e2e.stack.api('DELETE', '/__mock/requests');

  e2e.session = await e2e.stack.open();
  const { page } = e2e.session;
  const box = page.getByRole('combobox', { name: 'Find a person, group or role' });
  await box.fill(person.email);
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: new RegExp(person.name) }).waitFor();
  await box.press('Enter');
  await page.getByRole('heading', { level: 2, name: person.name }).waitFor();
  const note = page.getByText(/^Still loading: this view shows what has been read so far/);
  assert.match(await note.textContent(), /Roles not read yet: they are read next\.$/, 'opened before their roles were read');

  // Their direct role shows once read, long before the rest: the load is still under way.
  const held = page.getByRole('list', { name: 'Roles', exact: true }).getByRole('listitem').filter({ hasText: role.name });
  await held.waitFor({ timeout: 30_000 });
  assert.match(await held.textContent(), /— direct/);
  assert.equal(await progressBar(page).isVisible(), true, 'the load has not ended');
  assert.doesNotMatch(await note.textContent(), /Roles not read yet/);

  // The mock's log: their roles answered among the first reads of users' roles, most still to come.
  const log = (await e2e.stack.api('GET', '/__mock/requests')).data;
  const reads = log.filter((r) => r.method === 'GET' && /^\/v1\/organization\/users\/[^/]+\/roles$/.test(r.path) && r.fault === null).map((r) => decodeURIComponent(r.path.split('/')[4]));
  const at = reads.indexOf(person.id);
  assert.ok(at >= 0 && at < 4 * LIMIT, `their read is #${at + 1} of the ${reads.length} answered so far`);
  assert.ok(reads.length < users.length / 2, `the rest still to read: ${reads.length} of ${users.length} answered`);
  // Shown as soon as read: not once the rest of what the person's answer needs is (every group's
  // members, to know their groups, then those groups' roles), which takes windows more.
  const members = log.filter((r) => r.method === 'GET' && /^\/v1\/organization\/groups\/[^/]+\/users$/.test(r.path) && r.fault === null).length;
  assert.ok(members < groups.length, `shown before every group's members were read: ${members} of ${groups.length}`);
});
