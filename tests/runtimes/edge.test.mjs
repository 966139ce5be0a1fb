// The Vercel Edge Runtime (npm `edge-runtime`, the runtime Vercel's own tests use): an edge
// function with this package and one with the official SDK, each bundled by esbuild with the edge
// conditions (edge/bundle.mjs), run by `EdgeRuntime.dispatchFetch` against the mock.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startMock, KEY } from '../support/mock.mjs';
import { checkReport, here, ms, sameAsOfficial } from './harness.mjs';
import { bundleEdge, edgeRuntime } from './edge/bundle.mjs';

let mock;
const bundles = {};
before(async () => {
  mock = await startMock();
  for (const impl of ['wasm', 'official']) bundles[impl] = await bundleEdge(path.join(here, 'edge', `${impl}.js`));
});
after(() => mock?.stop());

async function programIn(impl) {
  const runtime = edgeRuntime(bundles[impl]);
  const res = await runtime.dispatchFetch(`http://edge.test/run?mock=${encodeURIComponent(mock.url)}`, { headers: { 'x-mock-key': KEY } });
  await res.waitUntil();
  const text = await res.text();
  assert.equal(res.status, 200, text.slice(0, 3000));
  return JSON.parse(text);
}

let officialReport;
test('the official SDK: the program in the Edge Runtime', async (t) => {
  t.diagnostic(`bundle ${bundles.official.bytes} B`);
  officialReport = await programIn('official');
  t.diagnostic(`first answer after ${ms(officialReport.firstAnswerMs)}`);
  checkReport(officialReport);
});

test('an edge function with this package: the same program, the same results as the official SDK', async (t) => {
  t.diagnostic(`bundle ${bundles.wasm.bytes} B, wasm modules: ${bundles.wasm.wasm.map((w) => path.basename(w.file)).join(', ') || 'none'}`);
  const report = await programIn('wasm');
  t.diagnostic(`first answer after ${ms(report.firstAnswerMs)}`);
  checkReport(report);
  assert.ok(officialReport, 'the official SDK ran first');
  sameAsOfficial(report, officialReport);
});
