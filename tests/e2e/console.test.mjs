// `openai-admin console` in the headless browser E2E_BROWSER names (driver.mjs): the printed link signs the browser in (the token
// leaves the address bar, the session cookie is HttpOnly), the page works through the handler,
// a read-only console refuses the page's writes, and the key is nowhere in the page.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { launchBrowser } from './driver.mjs';
import { copyPkg, repoRoot, startMock } from '../support/mock.mjs';

const SECRET = 'sk-admin-console-e2e-91f0c3d5';
let mock;
let pkgDir;
let browser;
before(async () => {
  pkgDir = await copyPkg({ need: ['dist/cli.js', 'dist/server/node.js', 'www/index.html'], prefix: 'admin-console-e2e-' });
  // The command's own dependencies, as an install would have them.
  if (!existsSync(path.join(pkgDir, 'node_modules'))) symlinkSync(path.join(repoRoot(), 'node_modules'), path.join(pkgDir, 'node_modules'));
  mock = await startMock({ adminKey: SECRET, builds: ['release', 'debug'] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close().catch(() => {});
  await mock?.stop();
  if (pkgDir) rmSync(pkgDir, { recursive: true, force: true });
});

async function startConsole(args, env = {}) {
  const child = spawn(process.execPath, [path.join(pkgDir, 'dist/cli.js'), 'console', '--base-url', mock.api, ...args], {
    cwd: repoRoot(),
    env: { ...process.env, OPENAI_ADMIN_KEY: SECRET, OPENAI_ADMIN_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'openai-admin-cache-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const link = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the console exited (${code})\n${out}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      out += `${line}\n`;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return {
    link,
    output: () => out,
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

test('the link signs the browser in: token gone from the address bar, HttpOnly cookie, groups listed, key nowhere', async () => {
  await mock.reset();
  const c = await startConsole(['--allow-writes']);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(c.link);
    assert.equal(page.url(), `${new URL(c.link).origin}/`, 'the token is stripped from the address bar');
    await page.getByText('Signed in as console').waitFor();
    // The Access section opens first; the Groups tab lists the groups.
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('list', { name: 'Groups', exact: true }).getByRole('listitem').first().waitFor();
    assert.equal(await page.evaluate(() => document.cookie), '', 'the session cookie is HttpOnly');
    const cookies = await context.cookies();
    assert.equal(cookies.length, 1);
    assert.equal(cookies[0].httpOnly, true);
    assert.equal(cookies[0].sameSite, 'Strict');
    const html = await page.content();
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!html.includes(SECRET) && !storage.includes(SECRET), 'the key is not in the page');
    // A second visit of the same link (another browser) is refused.
    const other = await browser.newContext();
    const res = await (await other.newPage()).goto(c.link);
    assert.equal(res.status(), 401);
    await other.close();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    assert.equal(await c.stop(), 0);
  }
  assert.ok(!c.output().includes(SECRET));
});

test('a read-only console: the page shows the viewer role and its write is refused with 403, nothing sent', async () => {
  await mock.reset();
  const c = await startConsole([]);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(c.link);
    await page.getByText('Signed in as console').waitFor();
    await page.getByText('viewer (reads only)').waitFor();
    await page.getByRole('button', { name: 'Groups', exact: true }).click();
    await page.getByRole('list', { name: 'Groups', exact: true }).getByRole('listitem').first().waitFor();
    await page.waitForLoadState('networkidle');
    await mock.clearRequests();
    const status = await page.evaluate(async () => (await fetch('/v1/organization/groups', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' })).status);
    assert.equal(status, 403);
    assert.deepEqual((await mock.requests()).data.filter((r) => r.method !== 'GET'), [], 'the write was not sent');
  } finally {
    await context.close();
    assert.equal(await c.stop(), 0);
  }
});

test('reopening the console shows the organization from its snapshot at once, with its age, without reading it again', async () => {
  await mock.reset();
  const cache = mkdtempSync(path.join(tmpdir(), 'openai-admin-cache-'));
  const c = await startConsole([], { OPENAI_ADMIN_CACHE_DIR: cache });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(c.link);
    await page.getByText('Loaded 45 users').waitFor();
    // The page hands what it read back to the console, which saves it.
    for (let i = 0; i < 100 && !readdirSync(cache).some((f) => f.endsWith('.json')); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(readdirSync(cache).some((f) => f.endsWith('.json')), 'the console saved what the page read');
    await mock.clearRequests();
    const opened = Date.now();
    await page.reload();
    await page.getByText('Organization as of').waitFor({ timeout: 5000 });
    assert.ok(Date.now() - opened < 5000);
    assert.match(await page.getByText('Organization as of').textContent(), /as of \d\d:\d\d \(just now\)/);
    const reads = (await mock.requests()).data.filter((r) => /\/organization\/(users\/[^/]+\/roles|groups\/[^/]+\/(users|roles))/.test(r.path));
    assert.deepEqual(reads, [], 'no per-user or per-group read: the snapshot is fresh');
  } finally {
    await context.close();
    assert.equal(await c.stop(), 0);
  }
});
