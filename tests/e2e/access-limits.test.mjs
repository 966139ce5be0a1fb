// The Access section under the API's per-endpoint limits (the mock's `--route-limit 10/6`: ten
// answers per endpoint in any six seconds, then 429s with no Retry-After): under the progress
// bar, the endpoint the limit holds back gets a line with its reads done and why it waits,
// counted down, in the words the command line uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack, listAll } from './harness.mjs';

const e2e = useStack({ mockArgs: ['--route-limit', '10/6'], expected: /\b429\b|Too Many Requests/ });

const lines = (page) => page.evaluate(() => [...document.querySelectorAll('#access-panel [aria-label="Reads per endpoint"] li')].map((li) => li.textContent));

test("a limited endpoint's line: its reads, and the wait the API's 429s imposed, counting down", async () => {
  const users = await listAll(e2e.stack.api, '/v1/organization/users');
  assert.ok(users.length > 10, 'more user reads than the limit admits in a window');
  e2e.session = await e2e.stack.open();
  const { page } = e2e.session;
  const waiting = new RegExp(`^users' roles (\\d+)/${users.length} · waiting (\\d+) s: the API asked us to slow down$`);
  await page.waitForFunction(
    (source) => [...document.querySelectorAll('#access-panel [aria-label="Reads per endpoint"] li')].some((li) => new RegExp(source).test(li.textContent)),
    waiting.source,
    { timeout: 30_000 },
  );
  const first = (await lines(page)).map((l) => waiting.exec(l)).find(Boolean);
  assert.ok(Number(first[1]) <= 10, `no more reads done than the limit admitted: ${first[0]}`);
  assert.ok(Number(first[2]) > 1, `a wait long enough to count down: ${first[0]}`);
  // A second and a half later the same wait shows less time left (redrawn each second).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const later = (await lines(page)).map((l) => waiting.exec(l)).find(Boolean);
  assert.ok(later && Number(later[2]) < Number(first[2]), `counted down: ${first[0]} → ${later?.[0]}`);
  assert.equal(await page.getByRole('progressbar', { name: 'Loading the organization' }).isVisible(), true);
});
