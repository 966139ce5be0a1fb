// The access commands' snapshot against the mock: where it is kept and how (no key, 0600 in 0700,
// atomic under SIGKILL), what it saves (a warm `who` reads nothing; a killed dump resumes), what
// it never trusts (corrupt, truncated, foreign), fresh plans (another admin's change seen with a
// handful of requests), saved plans, `--refresh=false`, and bad flags.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { after, before, beforeEach, describe, test } from 'node:test';
import { KEY, repoRoot, startMock } from '../support/mock.mjs';
import { access, dir, file, parse, stringify } from './harness.mjs';

const stats = (mock) => mock.call('GET', '/__mock/stats');
const clearStats = (mock) => mock.call('DELETE', '/__mock/stats');
const newCache = () => mkdtempSync(path.join(dir, 'snap-'));
const snapshots = (d) => readdirSync(d).filter((f) => /^access-.*\.json$/.test(f));
const mode = (p) => statSync(p).mode & 0o777;
const at = (cache) => ({ env: { OPENAI_ADMIN_CACHE_DIR: cache } });

describe('the snapshot', () => {
  let mock;
  before(async () => (mock = await startMock({ seed: 'demo' })));
  after(() => mock.stop());
  beforeEach(async () => {
    await mock.reset();
    await clearStats(mock);
  });

  test('kept 0600 in a 0700 folder, without the key; a warm who reads nothing and says how old its answer is; --max-age 0 reads again', async () => {
    const cache = path.join(newCache(), 'nested', 'openai-admin');
    const dump = await access(mock, ['dump'], at(cache));
    assert.equal(dump.code, 0, dump.stderr);
    const [name] = snapshots(cache);
    assert.ok(name, 'a snapshot file');
    assert.equal(mode(cache), 0o700);
    assert.equal(mode(path.join(cache, name)), 0o600);
    const text = readFileSync(path.join(cache, name), 'utf8');
    assert.ok(!text.includes(KEY) && !text.includes('sk-admin'), 'no key in the snapshot');
    assert.ok(text.includes('ada.lovelace@example.com'));
    const full = (await stats(mock)).requests;
    assert.ok(full > 40, `a whole read (${full} requests)`);

    await clearStats(mock);
    const who = await access(mock, ['who', 'ada.lovelace@example.com'], at(cache));
    assert.equal(who.code, 0, who.stderr);
    assert.match(who.stdout, /ada\.lovelace@example\.com/);
    assert.match(who.stderr, /as of \d\d:\d\d \(just now\)/);
    assert.equal((await stats(mock)).requests, 0, 'a warm who within --max-age reads nothing');

    const again = await access(mock, ['dump', '--max-age', '0'], at(cache));
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, dump.stdout);
    assert.doesNotMatch(again.stderr, /as of/);
    assert.equal((await stats(mock)).requests, full, '--max-age 0 reads everything again');
  });

  test('two commands at once on one snapshot: both answer, and the snapshot they leave loads and is used', async () => {
    const cache = newCache();
    const [a, b] = await Promise.all([access(mock, ['dump'], at(cache)), access(mock, ['dump', '--format', 'json'], at(cache))]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.deepEqual(parse(a.stdout), JSON.parse(b.stdout));
    await clearStats(mock);
    const who = await access(mock, ['who', 'Engineering'], at(cache));
    assert.equal(who.code, 0, who.stderr);
    assert.doesNotMatch(who.stderr, /set aside|cannot/);
    assert.equal((await stats(mock)).requests, 0);
  });

  test('--no-cache keeps nothing', async () => {
    const cache = path.join(newCache(), 'none');
    const dump = await access(mock, ['dump', '--no-cache'], at(cache));
    assert.equal(dump.code, 0, dump.stderr);
    assert.throws(() => readdirSync(cache), /ENOENT/);
  });

  test('a corrupt, truncated or foreign snapshot is set aside with one line, and the organization read again', async () => {
    const cache = newCache();
    const good = await access(mock, ['dump'], at(cache));
    const [name] = snapshots(cache);
    const p = path.join(cache, name);
    const valid = readFileSync(p, 'utf8');
    const data = JSON.parse(valid);
    const variants = {
      garbage: 'not json at all \u0000\u0001',
      truncated: valid.slice(0, Math.floor(valid.length / 2)),
      'another version': JSON.stringify({ ...data, format: 99 }),
      "another key's fingerprint": JSON.stringify({ ...data, fingerprint: '0123456789abcdef' }),
      'a malformed entry': JSON.stringify({ ...data, userRoles: { u: { at: 'then', items: 3 } } }),
    };
    for (const [what, text] of Object.entries(variants)) {
      writeFileSync(p, text);
      await clearStats(mock);
      const run = await access(mock, ['dump'], at(cache));
      assert.equal(run.code, 0, `${what}: ${run.stderr}`);
      assert.equal(run.stdout, good.stdout, `${what}: the same organization`);
      const lines = run.stderr.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, `${what}: one line: ${run.stderr}`);
      assert.match(lines[0], /set aside/);
      assert.ok((await stats(mock)).requests > 40, `${what}: read again, not trusted`);
      assert.doesNotThrow(() => JSON.parse(readFileSync(p, 'utf8')), `${what}: rebuilt`);
      assert.ok(readdirSync(cache).some((f) => f.endsWith('.bad')), `${what}: kept aside`);
    }
  });

  test('a cache folder that cannot be written: the command works and says so once', async () => {
    const blocker = file('a file, not a folder', 'txt');
    const run = await access(mock, ['dump', '--cache-dir', path.join(blocker, 'cache')]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(parse(run.stdout).groups.Engineering);
    const lines = run.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /cannot save the snapshot/);
  });

  test('bad --max-age, --timeout, --cache-dir, --refresh: usage error 2 naming the flag, nothing read', async () => {
    for (const [flag, value] of [
      ['--max-age', '5x'],
      ['--max-age', '-1m'],
      ['--timeout', 'soon'],
      ['--timeout', '0'],
      ['--cache-dir', ''],
      ['--refresh', 'maybe'],
    ]) {
      const run = await access(mock, ['dump', `${flag}=${value}`]);
      assert.equal(run.code, 2, `${flag} ${value}: ${run.stderr}`);
      assert.ok(run.stderr.includes(flag), `${flag} named: ${run.stderr}`);
    }
    assert.equal((await stats(mock)).requests, 0);
  });

  test('a dump killed with SIGKILL halfway, run again: complete, and the two runs read at most 1.25× one run; --timeout gives up and keeps what was read', async () => {
    const slow = await startMock({ seed: 'demo', args: ['--latency-ms', '200'] });
    try {
      const started = Date.now();
      const whole = await access(slow, ['dump', '--concurrency', '2'], at(newCache()));
      const ms = Date.now() - started;
      assert.equal(whole.code, 0, whole.stderr);
      const one = (await stats(slow)).requests;
      await clearStats(slow);

      const cache = newCache();
      let child;
      const killed = access(slow, ['dump', '--concurrency', '2'], { ...at(cache), onSpawn: (c) => (child = c) });
      await sleep(ms / 2);
      child.kill('SIGKILL');
      const cut = await killed;
      assert.equal(cut.signal, 'SIGKILL', 'killed before it finished');
      const resumed = await access(slow, ['dump', '--concurrency', '2'], at(cache));
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.equal(resumed.stdout, whole.stdout, 'complete and the same');
      const both = (await stats(slow)).requests;
      assert.ok(both <= 1.25 * one, `the two runs read ${both} against ${one} for one`);
      assert.ok(both > one * 0.9, `the second run continued rather than starting over (${both} against ${one})`);

      // --timeout gives up, saying so; what was read is kept.
      const timed = newCache();
      const late = await access(slow, ['dump', '--concurrency', '2', '--timeout', '1500ms'], at(timed));
      assert.equal(late.code, 1, late.stderr);
      assert.match(late.stderr, /gave up after --timeout 1500ms/);
      assert.equal(snapshots(timed).length, 1, 'what was read is saved');
    } finally {
      await slow.stop();
    }
  });

  test('a list cut mid-read (SIGKILL) goes on after its last page kept: the two runs read each page of it about once', async () => {
    // 1,245 users: 13 pages of the users' list, read one after the other, 150 ms each.
    const big = await startMock({ seed: 'demo', args: ['--users', '1200', '--latency-ms', '150'] });
    try {
      const pagesOf = async () => (await stats(big)).endpoints['GET /organization/users']?.ok ?? 0;
      const whole = await access(big, ['who', 'Engineering', '--no-cache']);
      assert.equal(whole.code, 0, whole.stderr);
      const pages = await pagesOf();
      assert.ok(pages >= 10, `a list of ${pages} pages`);
      await clearStats(big);

      const cache = newCache();
      let child;
      const killed = access(big, ['who', 'Engineering'], { ...at(cache), onSpawn: (c) => (child = c) });
      // Killed once the snapshot holds part of the users' list (it is saved every 500 ms).
      let kept = 0;
      for (let i = 0; i < 200 && !(kept >= 300); i++) {
        await sleep(50);
        const [name] = snapshots(cache);
        try {
          const users = name && JSON.parse(readFileSync(path.join(cache, name), 'utf8')).lists?.users;
          if (users && !users.complete) kept = users.items.length;
        } catch {}
      }
      child.kill('SIGKILL');
      const cut = await killed;
      assert.equal(cut.signal, 'SIGKILL');
      assert.ok(kept >= 300 && kept < 1245, `killed with ${kept} users listed`);
      const first = await pagesOf();
      const resumed = await access(big, ['who', 'Engineering'], at(cache));
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.equal(resumed.stdout, whole.stdout, 'the same answer');
      const both = await pagesOf();
      assert.ok(both - first <= pages - Math.floor(kept / 100) + 1, `the second run read ${both - first} pages, ${first} were read before the kill, ${pages} in all`);
      assert.ok(both <= pages + 2, `the two runs read ${both} pages of the ${pages}`);
      const saved = JSON.parse(readFileSync(path.join(cache, snapshots(cache)[0]), 'utf8')).lists.users;
      assert.equal(saved.complete, true);
      assert.equal(new Set(saved.items.map((u) => u.id)).size, 1245, 'every user once');
    } finally {
      await big.stop();
    }
  });

  test('killed while writing: the snapshot still loads, old or new', async () => {
    const cache = newCache();
    const script = file(
      `const { SnapshotFile } = await import(${JSON.stringify(pathToFileURL(path.join(repoRoot(), 'pkg/dist/access/snapshot-file.js')).href)});
const f = new SnapshotFile({ dir: ${JSON.stringify(cache)}, baseURL: 'http://api.test/v1', key: ${JSON.stringify(KEY)}, warn: (l) => console.error(l) });
const s = f.load();
const items = Array.from({ length: 400 }, (_, i) => ({ id: 'role_' + i, name: 'Role ' + i, permissions: ['a', 'b', 'c'] }));
for (let i = 0; ; i++) { s.setEntity('userRoles', 'user_' + i, items, Date.now()); s.setList('users', [{ id: 'n', n: i }], Date.now(), true); f.save(s); if (i === 0) console.log('saving'); }
`,
      'mjs',
    );
    const { SnapshotFile } = await import(pathToFileURL(path.join(repoRoot(), 'pkg/dist/access/snapshot-file.js')).href);
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      await new Promise((resolve) => child.stdout.once('data', resolve));
      await sleep(50 + Math.random() * 300);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(err, '', 'the writer warned of nothing');
      const warnings = [];
      const s = new SnapshotFile({ dir: cache, baseURL: 'http://api.test/v1', key: KEY, warn: (l) => warnings.push(l) }).load();
      assert.deepEqual(warnings, [], `round ${round}: the snapshot loads`);
      const n = s.list('users').items[0].n;
      assert.ok(n >= 0 && Object.keys(s.data.userRoles).length >= n + 1, `round ${round}: a whole snapshot (${n})`);
      assert.ok(!readFileSync(path.join(cache, snapshots(cache)[0]), 'utf8').includes(KEY));
    }
  });

  test('plan reads again what the file names: another admin’s change is seen, with at most a dozen requests', async () => {
    const cache = newCache();
    const doc = parse((await access(mock, ['dump'], at(cache))).stdout);
    const groups = (await mock.call('GET', '/v1/organization/groups?limit=100')).data;
    const eng = groups.find((g) => g.name === 'Engineering');
    const users = (await mock.call('GET', '/v1/organization/users?limit=100')).data;
    const outsider = users.find((u) => u.email && !doc.groups.Engineering.members.includes(u.email));
    // Someone else adds a member, a second after the snapshot.
    await mock.call('POST', `/v1/organization/groups/${eng.id}/users`, { user_id: outsider.id });
    const only = file(stringify({ groups: { Engineering: doc.groups.Engineering } }));

    const stale = await access(mock, ['plan', '-f', only, '--refresh=false'], at(cache));
    assert.equal(stale.code, 0, stale.stderr);
    assert.match(stale.stdout, /No changes/, 'on the snapshot as it is, the change is not seen');
    assert.match(stale.stderr, /as of \d\d:\d\d/);

    await clearStats(mock);
    const plan = await access(mock, ['plan', '-f', only], at(cache));
    assert.equal(plan.code, 0, plan.stderr);
    assert.ok(plan.stdout.includes(`- remove ${outsider.email} from Engineering`), plan.stdout);
    const { requests } = await stats(mock);
    assert.ok(requests <= 12, `${requests} requests`);
  });

  test('plan --out saves the plan; apply PLAN applies exactly it without reading, and writes the change into the snapshot; a plan older than --max-age is refused', async () => {
    const cache = newCache();
    const doc = parse((await access(mock, ['dump'], at(cache))).stdout);
    const users = Object.keys(doc.users);
    const newcomer = users.find((u) => !doc.groups.Engineering.members.includes(u));
    const edited = file(stringify({ groups: { Engineering: { ...doc.groups.Engineering, members: [...doc.groups.Engineering.members, newcomer] } } }));
    const saved = path.join(newCache(), 'plan.json');
    const plan = await access(mock, ['plan', '-f', edited, '--out', saved], at(cache));
    assert.equal(plan.code, 0, plan.stderr);
    assert.equal(mode(saved), 0o600);
    assert.ok(!readFileSync(saved, 'utf8').includes(KEY));

    const old = await access(mock, ['apply', saved, '--yes', '--max-age', '0'], at(cache));
    assert.equal(old.code, 2, old.stderr);
    assert.match(old.stderr, /longer ago than --max-age/);

    await mock.clearRequests();
    await clearStats(mock);
    const applied = await access(mock, ['apply', saved, '--yes'], at(cache));
    assert.equal(applied.code, 0, applied.stderr);
    const log = (await mock.requests()).data;
    assert.deepEqual(
      log.map((e) => e.method),
      ['POST'],
      'one write, no read',
    );

    await clearStats(mock);
    const who = await access(mock, ['who', newcomer], at(cache));
    assert.equal(who.code, 0, who.stderr);
    assert.match(who.stdout, /groups: .*Engineering/, 'the snapshot has the change');
    assert.equal((await stats(mock)).requests, 0, 'without a read');
  });

  test('who on a cold cache answers before the whole organization is read; who holds a role says it needs every user', async () => {
    const whole = (await access(mock, ['who', 'ada.lovelace@example.com', '--no-cache'])).stdout;
    await clearStats(mock);
    const cold = await access(mock, ['who', 'ada.lovelace@example.com', '--concurrency', '2'], at(newCache()));
    assert.equal(cold.code, 0, cold.stderr);
    assert.equal(cold.stdout, whole);
    const cheap = (await stats(mock)).requests;
    await clearStats(mock);
    await access(mock, ['dump', '--no-cache']);
    const all = (await stats(mock)).requests;
    assert.ok(cheap < all, `who read ${cheap} of the ${all} reads`);

    const role = await access(mock, ['who', 'User Auditor'], at(newCache()));
    assert.equal(role.code, 0, role.stderr);
    assert.match(role.stderr, /needs every user's roles/);
  });
});
