// `openai-admin-wasm/access` in the Vercel Edge Runtime: an edge function bundled with the edge
// conditions (as tests/runtimes/ bundles one) loads the organization, plans and applies; both
// wasm modules come in as compiled modules, as on the platform.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { bundleEdge, edgeRuntime } from '../runtimes/edge/bundle.mjs';
import { KEY, repoRoot, startMock } from '../support/mock.mjs';

const app = mkdtempSync(path.join(tmpdir(), 'openai-admin-access-edge-'));
let mock;
before(async () => {
  mock = await startMock({ seed: 'demo' });
  mkdirSync(path.join(app, 'node_modules'));
  symlinkSync(path.join(repoRoot(), 'pkg'), path.join(app, 'node_modules', 'openai-admin-wasm'), 'dir');
});
after(async () => {
  await mock?.stop();
  rmSync(app, { recursive: true, force: true });
});

test('load, plan and apply in an edge function', async () => {
  const entry = path.join(app, 'edge.js');
  writeFileSync(
    entry,
    `import OpenAIAdmin from 'openai-admin-wasm';
import { loadOrganization, applyPlan } from 'openai-admin-wasm/access';
addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const client = new OpenAIAdmin({ adminAPIKey: event.request.headers.get('x-key'), baseURL: url.searchParams.get('api') });
  const file = 'groups:\\n  Edge Team:\\n    members: [grace.hopper@example.com]\\n';
  event.respondWith((async () => {
    const org = await loadOrganization(client);
    const plan = org.plan(file);
    const outcomes = await applyPlan(client, plan);
    const rest = (await loadOrganization(client)).plan(file).operations.length;
    return Response.json({ users: org.stats().users, ops: plan.operations.length, outcomes: outcomes.map((o) => o.status), rest });
  })());
});
`,
  );
  const bundle = await bundleEdge(entry);
  assert.deepEqual(bundle.wasm.map((w) => path.basename(w.file)).sort(), ['openai_admin_access_bg.wasm', 'openai_admin_wasm_bg.wasm']);
  const runtime = edgeRuntime(bundle);
  const res = await runtime.dispatchFetch(`http://edge.test/?api=${encodeURIComponent(mock.api)}`, { headers: { 'x-key': KEY } });
  const text = await res.text();
  assert.equal(res.status, 200, text.slice(0, 2000));
  assert.deepEqual(JSON.parse(text), { users: 45, ops: 2, outcomes: ['done', 'done'], rest: 0 });
});
