// Applying a large plan through a storm of 429s: the mock refuses a run of the page's writes with
// 429 and Retry-After; the apply still finishes with every row done, its progress bar only moves
// forward and ends at the number of rows, and the mock's state and request log agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll } from './harness.mjs';

const e2e = useStack();

const ROWS = 30;
const STORM = 20;

test(`a bulk add of ${ROWS} members through a run of ${STORM} 429s finishes, every row done, the progress never going back`, async () => {
  const group = (await listAll(e2e.stack.api, '/v1/organization/groups')).find((g) => g.name === 'Operations');
  assert.deepEqual(await listAll(e2e.stack.api, `/v1/organization/groups/${group.id}/users`), [], 'Operations starts empty');
  const users = (await listAll(e2e.stack.api, '/v1/organization/users')).filter((u) => u.email).slice(0, ROWS);
  assert.equal(users.length, ROWS);

  e2e.session = await e2e.stack.open();
  const { page } = e2e.session;
  await page.getByRole('button', { name: 'Access', exact: true }).click();
  await page.getByText(/^Loaded \d+ users, \d+ groups and \d+ roles\.$/).waitFor({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Find a person, group or role' }).fill('Operations');
  await page.getByRole('option', { name: /^Operations/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Operations' }).waitFor();
  await page.getByLabel('Emails to add (one per line or comma-separated)').fill(users.map((u) => u.email).join('\n'));
  await page.getByRole('button', { name: 'Preview' }).click();
  assert.equal(await page.getByRole('list', { name: 'Planned changes' }).getByRole('listitem').count(), ROWS);

  // The storm: the next STORM adds are refused with 429 and Retry-After: 1, then the API recovers.
  const path = `/v1/organization/groups/${group.id}/users`;
  await e2e.stack.api('DELETE', '/__mock/requests');
  await e2e.stack.api('POST', '/__mock/faults', [{ method: 'POST', path, count: STORM, status: 429, retry_after: '1' }]);
  // Every value the bar takes, recorded in the page as it is set (the attribute reflects `value`).
  await page.evaluate(() => {
    window.__bar = [];
    const record = (bar) => window.__bar.push({ value: bar.value, max: bar.max, now: bar.getAttribute('aria-valuenow') });
    new MutationObserver((changes) => {
      for (const c of changes) {
        const bars = c.type === 'attributes' ? [c.target] : [...c.addedNodes].flatMap((n) => (n.querySelectorAll ? [n, ...n.querySelectorAll('progress')] : []));
        for (const b of bars) if (b.matches?.('progress[aria-label="Applying"]')) record(b);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'max', 'aria-valuenow'] });
  });

  await page.getByRole('button', { name: `Apply ${ROWS} changes` }).click();
  // Polled from here too, until the apply says it is finished.
  const bar = page.getByRole('progressbar', { name: 'Applying' });
  const polled = [];
  const finished = page.getByText(`Applied ${ROWS} changes.`);
  const deadline = Date.now() + 60_000;
  while (!(await finished.isVisible())) {
    assert.ok(Date.now() < deadline, `the apply finished within a minute (bar at ${JSON.stringify(polled.at(-1))})`);
    if (await bar.count()) polled.push(await bar.evaluate((b) => ({ value: b.value, max: b.max, now: b.getAttribute('aria-valuenow') })));
    await new Promise((r) => setTimeout(r, 100));
  }
  polled.push(await bar.evaluate((b) => ({ value: b.value, max: b.max, now: b.getAttribute('aria-valuenow') })));
  const seen = await page.evaluate(() => window.__bar);
  // Chromium reports each refused request on the console: those are the storm; anything else still fails the test.
  const storm = /^console: Failed to load resource: the server responded with a status of 429 \(Too Many Requests\)$/;
  assert.ok(e2e.session.problems.filter((p) => storm.test(p)).length <= STORM);
  e2e.session.problems = e2e.session.problems.filter((p) => !storm.test(p));

  for (const [where, values] of [
    ['set in the page', seen],
    ['polled', polled],
  ]) {
    assert.ok(values.length > 0, `bar values ${where}`);
    for (const [i, v] of values.entries()) {
      assert.equal(v.max, ROWS, `the bar's total is the number of rows (${where} #${i})`);
      assert.ok(v.value >= 0 && v.value <= ROWS, `the bar stays within 0..${ROWS} (${where} #${i}: ${v.value})`);
      if (v.now !== null) assert.equal(Number(v.now), v.value, `aria-valuenow says the value (${where} #${i})`);
      if (i > 0) assert.ok(v.value >= values[i - 1].value, `the bar never goes back (${where}: ${values[i - 1].value} → ${v.value})`);
    }
    assert.equal(values.at(-1).value, ROWS, `the bar ends at ${ROWS} (${where})`);
  }
  assert.ok(new Set(seen.map((v) => v.value)).size > 2, `the bar moved in steps: ${seen.map((v) => v.value).join(' ')}`);

  // Every row done, in the page and in the mock.
  const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
  assert.equal(await results.count(), ROWS);
  for (let i = 0; i < ROWS; i++) assert.match(await results.nth(i).textContent(), /: done$/);
  const members = (await listAll(e2e.stack.api, path)).map((u) => u.id).sort();
  assert.deepEqual(members, users.map((u) => u.id).sort(), 'the group has exactly the added members');

  // The storm was real: the mock served every one of its 429s, and each row's add got through once refused ones were retried.
  const log = (await e2e.stack.api('GET', '/__mock/requests')).data.filter((r) => r.method === 'POST' && r.path === path);
  const refused = log.filter((r) => r.fault === 'status=429');
  assert.equal(refused.length, STORM, `${STORM} adds were answered 429`);
  assert.deepEqual((await e2e.stack.api('GET', '/__mock/faults')).data, [], 'the storm is spent');
  const sent = new Set(log.filter((r) => r.fault === null).map((r) => JSON.parse(r.body).user_id));
  assert.deepEqual([...sent].sort(), users.map((u) => u.id).sort(), 'each row was sent through to the API');
  await e2e.stack.screenshot(page, 'apply-after-429-storm');
});
