// Next.js (next 16, React 19) in one app, tests/runtimes/next: `next build` once, `next start` on
// 127.0.0.1, then
// - a route handler on the Node.js runtime and one with `export const runtime = 'edge'`, each
//   running the program with this package and with the official SDK;
// - a client component in headless Chromium running the program with this package through the
//   server handler (`openai-admin-wasm/server` in a catch-all route handler).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchChromium } from '../support/browser.mjs';
import { startMock, KEY } from '../support/mock.mjs';
import { checkReport, ms, childEnv, here, runOk, sameAsOfficial, tool } from './harness.mjs';

const app = path.join(here, 'next');
let mock;
let server;
let base;
let serverLog = '';
let build;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  build = await runOk(tool('next'), ['build'], { cwd: app, timeoutMs: 400_000 });
  mock = await startMock();
  const port = await freePort();
  // Its own process group, so that stopping it by its PID also stops anything it started.
  server = spawn(tool('next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: app,
    env: childEnv({ MOCK_URL: mock.url, MOCK_KEY: KEY, NODE_ENV: 'production' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) assert.fail(`next start exited (${server.exitCode})\n${serverLog}`);
    try {
      await fetch(`${base}/api/mock/__mock/faults`);
      break;
    } catch {
      if (i > 300) assert.fail(`next start did not answer within 30 s\n${serverLog}`);
      await sleep(100);
    }
  }
});

after(async () => {
  if (server?.pid && server.exitCode === null) {
    const gone = new Promise((resolve) => server.once('exit', resolve));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {}
    await gone;
  }
  await mock?.stop();
});

async function route(which, impl) {
  const res = await fetch(`${base}/api/${which}?impl=${impl}`);
  const text = await res.text();
  assert.equal(res.status, 200, `${which} ${impl}: ${text.slice(0, 3000)}\n${serverLog.slice(-3000)}`);
  return JSON.parse(text);
}

test('next build: the Node and edge route handlers and the page are built', (t) => {
  const table = build.stdout.split('\n').filter((l) => /\/api\/|○|ƒ|\//.test(l) && /[├└┌]/.test(l));
  t.diagnostic(table.join(' | '));
  for (const r of ['/api/node', '/api/edge', '/api/admin/[...path]', '/']) {
    assert.ok(table.some((l) => l.includes(` ${r}`) || l.endsWith(r)), `route ${r} in:\n${build.stdout}`);
  }
});

for (const which of ['node', 'edge']) {
  test(`a route handler on the ${which === 'node' ? 'Node.js' : 'edge'} runtime: the program, the same results as the official SDK`, async (t) => {
    const wasm = await route(which, 'wasm');
    const official = await route(which, 'official');
    t.diagnostic(`first answer: this package ${ms(wasm.firstAnswerMs)}, official ${ms(official.firstAnswerMs)}`);
    checkReport(wasm);
    checkReport(official);
    sameAsOfficial(wasm, official);
  });
}

test('a client component in Chromium: the program through the server handler', async (t) => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = [];
    const wasmFetches = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    const failed = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wasm')) wasmFetches.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] });
      if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    await mock.clearRequests();
    await page.goto(`${base}/`);
    await page.locator('#report[data-done="true"]').waitFor({ timeout: 60_000 });
    const report = JSON.parse(await page.locator('#report').textContent());
    assert.equal(report.failed, undefined, report.failed);
    t.diagnostic(`first answer in the browser after ${ms(report.firstAnswerMs)}; wasm: ${JSON.stringify(wasmFetches)}`);
    checkReport(report);
    // The wasm came from the Next build, once.
    assert.equal(wasmFetches.length, 1, JSON.stringify(wasmFetches));
    assert.equal(wasmFetches[0].status, 200);
    assert.equal(wasmFetches[0].type, 'application/wasm');
    // Every API call went through the handler (its user agent), none from the page directly.
    const api = (await mock.requests()).data.filter((r) => r.path.startsWith('/v1/'));
    assert.ok(api.length >= 8, JSON.stringify(api.map((r) => r.path)));
    for (const r of api) assert.equal(r.headers['user-agent'], 'openai-admin-wasm/server');
    // The only failed requests: the 503 before the retry and the 404 of the deleted group, and
    // only they show up as console errors.
    assert.deepEqual(failed.map((f) => f.replace(/group_\w+/, 'ID')), ['503 GET /api/admin/v1/organization/groups/ID', '404 GET /api/admin/v1/organization/groups/ID']);
    assert.deepEqual(problems.filter((p) => !/\b(404|503)\b/.test(p)), [], failed.join('\n'));
  } finally {
    await browser.close();
  }
});
