// `openai-admin console`: the page and the server handler on 127.0.0.1 with a one-time token that
// becomes an HttpOnly session cookie. Each test checks, through the mock's request log, what the
// console sent upstream (nothing, for every refusal), and that the key is never in what it answers,
// prints or audits.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, describe, test } from 'node:test';
import { KEY, startMock } from '../support/mock.mjs';
import { setupCli } from './harness.mjs';

let cli;
let dir;
before(async () => {
  cli = await setupCli();
  dir = mkdtempSync(path.join(tmpdir(), 'openai-admin-console-'));
});
after(async () => {
  await cli?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => cli.mock.reset());

/** Starts the console; resolves to `{ base, link, output(), stop() }` once it printed its link. */
async function startConsole(args = [], env = {}) {
  const child = spawn(process.execPath, [cli.bin, 'console', ...args], { env: cli.env(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const link = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the console printed no link\n${out}`)), 15_000);
    child.once('exit', (code) => reject(new Error(`the console exited (${code})\n${out}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      out += `${line}\n`;
      const m = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const base = new URL(link).origin;
  return {
    base,
    link,
    child,
    output: () => out,
    async stop(signal = 'SIGINT') {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const end = await exited;
      clearTimeout(timer);
      return end;
    },
  };
}

/** Spends the one-time link; resolves to the `Cookie` header value of the session. */
async function signIn(c) {
  const res = await fetch(c.link, { redirect: 'manual', headers: { 'sec-fetch-site': 'none' } });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/');
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.match(cookie, /Path=\//);
  return cookie.split(';')[0];
}

const upstream = async () => (await cli.mock.requests()).data.filter((r) => r.path?.startsWith?.('/v1') ?? true);

describe('openai-admin console', () => {
  test('the one-time link signs in once, with an HttpOnly SameSite=Strict cookie, and the page and its package are served', async () => {
    const c = await startConsole();
    try {
      const cookie = await signIn(c);
      const again = await fetch(c.link, { redirect: 'manual' });
      assert.equal(again.status, 401, 'the token is spent after its first use');
      const page = await fetch(`${c.base}/`, { headers: { cookie } });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<script type="module"/);
      const session = await (await fetch(`${c.base}/session`, { headers: { cookie } })).json();
      assert.deepEqual(session, { user: 'console', role: 'viewer', session: 'cookie', server: 'openai-admin-wasm/server', snapshot: true });
      const wasm = await fetch(`${c.base}/pkg/wasm/openai_admin_access_bg.wasm`, { headers: { cookie } });
      assert.equal(wasm.status, 200);
      assert.equal(wasm.headers.get('content-type'), 'application/wasm');
      assert.equal((await fetch(`${c.base}/pkg/package.json`, { headers: { cookie } })).status, 404, 'only dist/ and wasm/ of the package');
      const users = await fetch(`${c.base}/v1/organization/users?limit=5`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
      assert.equal(users.status, 200);
      assert.equal((await users.json()).data.length, 5);
      const sent = await upstream();
      assert.equal(sent.length, 1, 'one request went upstream');
    } finally {
      await c.stop();
    }
  });

  test('a missing or wrong token or cookie gets 401 and sends nothing upstream', async () => {
    const c = await startConsole();
    try {
      await cli.mock.clearRequests();
      const wrong = new URL(c.link);
      wrong.searchParams.set('token', 'x'.repeat(32));
      assert.equal((await fetch(wrong, { redirect: 'manual' })).status, 401);
      assert.equal((await fetch(`${c.base}/`)).status, 401);
      assert.equal((await fetch(`${c.base}/pkg/dist/index.js`)).status, 401);
      for (const headers of [{}, { cookie: 'openai_admin_console_1=forged' }, { authorization: `Bearer ${KEY}` }]) {
        assert.equal((await fetch(`${c.base}/v1/organization/users`, { headers })).status, 401);
        assert.equal((await fetch(`${c.base}/v1/organization/groups`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"name":"x"}' })).status, 401);
      }
      assert.deepEqual(await upstream(), [], 'nothing was sent upstream');
      // The wrong token did not spend the right one.
      await signIn(c);
    } finally {
      await c.stop();
    }
  });

  test('the session cannot be used from another origin or another host name', async () => {
    const c = await startConsole(['--allow-writes']);
    try {
      const cookie = await signIn(c);
      await cli.mock.clearRequests();
      const cross = [
        { cookie, origin: 'http://evil.example' },
        { cookie, 'sec-fetch-site': 'cross-site' },
        { cookie, 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:1' },
      ];
      for (const headers of cross) {
        assert.equal((await fetch(`${c.base}/v1/organization/users`, { headers })).status, 403, JSON.stringify(headers));
        const post = await fetch(`${c.base}/v1/organization/groups`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"name":"Evil"}' });
        assert.equal(post.status, 403);
      }
      // DNS rebinding: a page of another site that resolves to 127.0.0.1 sends its own Host.
      const port = new URL(c.base).port;
      const rebound = await new Promise((resolve, reject) => {
        import('node:http').then(({ request }) => {
          const req = request({ host: '127.0.0.1', port, path: '/v1/organization/users', headers: { host: `evil.example:${port}`, cookie } }, (res) => {
            res.resume();
            resolve(res.statusCode);
          });
          req.on('error', reject);
          req.end();
        });
      });
      assert.equal(rebound, 403);
      // A link with the token opened from another site is refused, and does not spend it.
      const c2 = await startConsole();
      try {
        assert.equal((await fetch(c2.link, { redirect: 'manual', headers: { 'sec-fetch-site': 'cross-site' } })).status, 401);
        await signIn(c2);
      } finally {
        await c2.stop();
      }
      assert.deepEqual(await upstream(), [], 'nothing was sent upstream');
      const same = await fetch(`${c.base}/v1/organization/groups`, { method: 'POST', headers: { cookie, origin: c.base, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, body: '{"name":"From the page"}' });
      assert.equal(same.status, 200, 'the page itself may write under --allow-writes');
    } finally {
      await c.stop();
    }
  });

  test('read-only without --allow-writes: every write gets 403 and nothing is sent; the audit file records each', async () => {
    const audit = path.join(dir, 'readonly.jsonl');
    const c = await startConsole(['--audit', audit]);
    try {
      const cookie = await signIn(c);
      const headers = { cookie, origin: c.base, 'content-type': 'application/json' };
      await cli.mock.clearRequests();
      const writes = [
        ['POST', '/v1/organization/groups', { name: 'x' }],
        ['POST', '/v1/organization/groups/group_x', { name: 'y' }],
        ['DELETE', '/v1/organization/groups/group_x'],
        ['POST', '/v1/organization/groups/group_x/users', { user_id: 'user_x' }],
        ['POST', '/v1/organization/users/user_x/roles', { role_id: 'role_x' }],
        ['DELETE', '/v1/organization/users/user_x'],
        ['POST', '/v1/organization/roles', { role_name: 'r', permissions: [] }],
      ];
      for (const [method, p, body] of writes) {
        const res = await fetch(c.base + p, { method, headers, body: body && JSON.stringify(body) });
        assert.equal(res.status, 403, `${method} ${p}`);
      }
      assert.deepEqual(await upstream(), [], 'nothing was sent upstream');
      assert.equal((await fetch(`${c.base}/v1/organization/roles`, { headers: { cookie } })).status, 200, 'reads still work');
    } finally {
      assert.deepEqual(await c.stop(), { code: 0, signal: null });
    }
    const events = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(events.filter((e) => e.outcome === 'forbidden' && e.writes === true).length, 7);
    assert.equal(events.filter((e) => e.outcome === 'forwarded').length, 1);
  });

  test('the key is in no response, page, output or audit line', async () => {
    const audit = path.join(dir, 'key.jsonl');
    // A mock with a key of its own (the page names the demo mock's key, for its key form), given
    // with --admin-api-key instead of the environment.
    const secret = 'sk-admin-console-3c1f8e0b9d7a';
    const mock = await startMock({ adminKey: secret });
    const c2 = await startConsole(['--audit', audit, '--allow-writes', '--admin-api-key', secret, '--base-url', mock.api], { OPENAI_ADMIN_KEY: '' });
    const seen = [];
    try {
      const cookie = await signIn(c2);
      const paths = ['/', '/app.js', '/session', '/v1/organization/users', '/v1/organization/groups', '/v1/organization/nope', '/v1/organization/users/user_nope'];
      for (const p of paths) {
        const res = await fetch(c2.base + p, { headers: { cookie } });
        seen.push(JSON.stringify([...res.headers]), await res.text());
      }
      const post = await fetch(`${c2.base}/v1/organization/groups`, { method: 'POST', headers: { cookie, origin: c2.base, 'content-type': 'application/json' }, body: '{"name":"Key check"}' });
      seen.push(JSON.stringify([...post.headers]), await post.text());
      assert.equal(post.status, 200);
    } finally {
      await c2.stop();
      await mock.stop();
    }
    seen.push(c2.output(), readFileSync(audit, 'utf8'));
    const all = seen.join('\n');
    assert.ok(all.includes('"forwarded"'), 'the audit file was written');
    assert.ok(all.includes('Key check'), 'the write went through');
    assert.ok(!all.includes(secret), 'the key leaked');
  });

  test('without a key it refuses to start; Ctrl-C stops it cleanly and frees the port', async () => {
    const none = await cli.cli(['console'], { env: { OPENAI_ADMIN_KEY: '' } });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /OPENAI_ADMIN_KEY/);
    const c = await startConsole();
    const port = new URL(c.base).port;
    assert.deepEqual(await c.stop('SIGINT'), { code: 0, signal: null });
    assert.match(c.output(), /stopped/);
    await assert.rejects(fetch(`${c.base}/`), 'nothing listens on the port');
    // The port is free again: --port takes it.
    const again = await startConsole(['--port', port]);
    assert.equal(new URL(again.base).port, port);
    assert.deepEqual(await again.stop('SIGTERM'), { code: 0, signal: null });
  });

  test('--open runs $BROWSER with the link; --base-url points it at the API', async () => {
    const opened = path.join(dir, 'opened.txt');
    const browser = path.join(dir, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    chmodSync(browser, 0o755);
    const c = await startConsole(['--open', '--base-url', cli.mock.api], { BROWSER: browser, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    try {
      for (let i = 0; i < 50 && !existsSync(opened); i++) await sleep(100);
      assert.equal(readFileSync(opened, 'utf8'), c.link);
      const cookie = await signIn(c);
      assert.equal((await fetch(`${c.base}/v1/organization/groups`, { headers: { cookie } })).status, 200, 'the API of --base-url answered');
    } finally {
      await c.stop();
    }
  });

  test('the console hands the snapshot the access commands keep to its page: same-origin, behind the cookie, never the key; the page sends it back', async () => {
    const cache = mkdtempSync(path.join(dir, 'cache-'));
    const dump = await cli.cli(['access', 'dump'], { env: { OPENAI_ADMIN_CACHE_DIR: cache } });
    assert.equal(dump.code, 0, dump.stderr);
    const c = await startConsole([], { OPENAI_ADMIN_CACHE_DIR: cache });
    try {
      assert.equal((await fetch(`${c.base}/snapshot`)).status, 401, 'no cookie, no snapshot');
      const cookie = await signIn(c);
      const other = await fetch(`${c.base}/snapshot`, { headers: { cookie, origin: 'http://evil.test', 'sec-fetch-site': 'cross-site' } });
      assert.equal(other.status, 403);
      await cli.mock.clearRequests();
      const res = await fetch(`${c.base}/snapshot`, { headers: { cookie, 'sec-fetch-site': 'same-origin' } });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.ok(!text.includes(KEY), 'no key');
      const snapshot = JSON.parse(text);
      assert.ok(snapshot.lists.users.items.some((u) => u.email === 'ada.lovelace@example.com'), 'what the dump read');
      assert.ok(Object.keys(snapshot.userRoles).length > 10);
      assert.deepEqual(await upstream(), [], 'served without a read');

      const put = (body) => fetch(`${c.base}/snapshot`, { method: 'PUT', headers: { cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, body });
      assert.equal((await put(JSON.stringify({ ...snapshot, fingerprint: 'ffffffffffffffff' }))).status, 400, "another key's snapshot is refused");
      assert.equal((await put('{"truncated":')).status, 400);
      const later = Date.now() + 1000;
      const read = { at: later, items: [{ id: 'role_x', name: 'Seen by the page', permissions: [] }] };
      assert.equal((await put(JSON.stringify({ ...snapshot, userRoles: { ...snapshot.userRoles, [snapshot.lists.users.items[0].id]: read } }))).status, 204);
      const [file] = readdirSync(cache).filter((f) => f.endsWith('.json'));
      assert.match(readFileSync(path.join(cache, file), 'utf8'), /Seen by the page/, 'saved for the command line');
    } finally {
      await c.stop();
    }
  });

  test('OPENAI_ADMIN_TIME_SCALE is handed to the page in /session (its loads pace with the same caps); a bad one is a usage error naming it', async () => {
    const c = await startConsole([], { OPENAI_ADMIN_TIME_SCALE: '0.1' });
    try {
      const cookie = await signIn(c);
      const session = await (await fetch(`${c.base}/session`, { headers: { cookie } })).json();
      assert.equal(session.timeScale, 0.1);
    } finally {
      await c.stop();
    }
    const bad = await cli.cli(['console'], { env: { OPENAI_ADMIN_TIME_SCALE: 'fast' } });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /OPENAI_ADMIN_TIME_SCALE must be a positive number, got 'fast'/);
  });

  test('a bad --cache-dir is a usage error', async () => {
    const run = await cli.cli(['console', '--cache-dir='], { env: {} });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--cache-dir/);
  });
});
