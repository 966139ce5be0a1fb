// `openai-admin-wasm/access` in headless Chromium: the browser entry fetches its own wasm module on
// first use, loads the organization from the mock (same origin), plans and applies; the client's
// entry alone never fetches the access module.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium } from '../support/browser.mjs';
import { KEY, repoRoot, startMock } from '../support/mock.mjs';

const www = mkdtempSync(path.join(tmpdir(), 'openai-admin-access-www-'));
writeFileSync(path.join(www, 'index.html'), '<!doctype html><meta charset="utf-8"><title>access</title>\n');
let mock;
let browser;
before(async () => {
  mock = await startMock({ seed: 'demo', args: ['--www', www, '--static', `/pkg=${path.join(repoRoot(), 'pkg')}`] });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await mock?.stop();
  rmSync(www, { recursive: true, force: true });
});

async function page() {
  const context = await browser.newContext();
  const p = await context.newPage();
  const fetched = [];
  p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await p.goto(`${mock.url}/index.html`);
  return { p, fetched, close: () => context.close() };
}

test('load, who, plan and apply in a page', async () => {
  const { p, fetched, close } = await page();
  try {
    const result = await p.evaluate(
      async ({ base, key }) => {
        const { default: OpenAIAdmin } = await import('/pkg/dist/index.js');
        const { loadOrganization, applyPlan } = await import('/pkg/dist/access/index.js');
        const client = new OpenAIAdmin({ adminAPIKey: key, baseURL: base, dangerouslyAllowBrowser: true });
        const org = await loadOrganization(client, { concurrency: 4 });
        const ada = org.accessOf('ada.lovelace@example.com');
        const plan = org.plan('groups:\n  Browser Team:\n    members: [ada.lovelace@example.com]\n');
        const outcomes = await applyPlan(client, plan);
        const again = (await loadOrganization(client)).plan('groups:\n  Browser Team:\n    members: [ada.lovelace@example.com]\n');
        return { stats: org.stats(), role: ada.organizationRole, ops: plan.operations.length, outcomes: outcomes.map((o) => o.status), rest: again.operations.length };
      },
      { base: mock.api, key: KEY },
    );
    assert.equal(result.stats.users, 45);
    assert.equal(result.role, 'owner');
    assert.equal(result.ops, 2);
    assert.deepEqual(result.outcomes, ['done', 'done']);
    assert.equal(result.rest, 0);
    assert.ok(fetched.includes('/pkg/wasm/openai_admin_access_bg.wasm'));
  } finally {
    await close();
  }
});

test('a page using only the client fetches no access code', async () => {
  const { p, fetched, close } = await page();
  try {
    const n = await p.evaluate(
      async ({ base, key }) => {
        const { default: OpenAIAdmin } = await import('/pkg/dist/index.js');
        const client = new OpenAIAdmin({ adminAPIKey: key, baseURL: base, dangerouslyAllowBrowser: true });
        return (await client.admin.organization.groups.list({ limit: 5 })).data.length;
      },
      { base: mock.api, key: KEY },
    );
    assert.equal(n, 5);
    assert.ok(fetched.includes('/pkg/wasm/openai_admin_wasm_bg.wasm'));
    assert.deepEqual(fetched.filter((f) => /access/.test(f)), []);
  } finally {
    await close();
  }
});
