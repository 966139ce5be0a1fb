// The pager and `--format explore` on a real terminal (tmux), and what they do anywhere else.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { collect, KEY, startMock } from '../support/mock.mjs';
import { setupCli, shell, Terminal } from './harness.mjs';

let h;
let dir;
let OpenAIAdmin;
before(async () => {
  h = await setupCli();
  dir = mkdtempSync(path.join(tmpdir(), 'openai-admin-term-'));
  // A pager that keeps what it is given, its arguments and $LESS.
  writeFileSync(path.join(dir, 'pager'), `#!/bin/sh\nprintf '%s' "$LESS" > '${dir}/less'\nprintf '%s' "$*" > '${dir}/args'\ncat > '${dir}/paged'\n`);
  chmodSync(path.join(dir, 'pager'), 0o755);
  ({ default: OpenAIAdmin } = await import(pathToFileURL(path.join(h.pkg, 'dist', 'node.js')).href));
});
after(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args) => shell(['openai-admin', ...args]);
const users = () => collect(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: h.mock.api }).admin.organization.users.list({ limit: 20 }));

/** Runs `command` on a terminal (120x30) with `env`, calls `interact(terminal)`, then waits for the end. */
async function onTerminal(command, env = {}, interact = async () => {}) {
  const t = new Terminal(h.env({ TERM: 'xterm-256color', ...env }));
  try {
    t.start(command);
    await interact(t);
    return await t.exit();
  } finally {
    t.stop();
  }
}

function clean() {
  for (const f of ['less', 'args', 'paged', 'out', 'err']) rmSync(path.join(dir, f), { force: true });
}

test('a list longer than the terminal goes through less: its prompt is the command; q ends it', async () => {
  await h.mock.reset();
  const all = await users();
  assert.ok(all.length > 30, 'more users than the terminal has lines');
  const r = await onTerminal(run(['admin:organization:users', 'list', '--max-items', '-1']), {}, async (t) => {
    const screen = await t.waitFor(/openai-admin admin:organization:users list\s*$/);
    // The table's first rows are on the first page, not its last ones.
    assert.match(screen, /^ID\s+EMAIL\s+NAME/m);
    assert.ok(screen.includes(all[0].id) && !screen.includes(all[all.length - 1].id), screen);
    t.keys('G');
    await t.waitFor((s) => s.includes(all[all.length - 1].id));
    t.keys('q');
  });
  assert.equal(r.code, 0, r.screen);
});

test('$PAGER gets the whole list (as a pipe would) with LESS=-r -P<title>; arguments in $PAGER are kept', async () => {
  await h.mock.reset();
  clean();
  const piped = await h.cli(['admin:organization:users', 'list', '--max-items', '-1', '--format', 'jsonl']);
  const r = await onTerminal(run(['admin:organization:users', 'list', '--max-items', '-1', '--format', 'jsonl']), { PAGER: `${dir}/pager -S --x` });
  assert.equal(r.code, 0, r.screen);
  assert.equal(readFileSync(path.join(dir, 'paged'), 'utf8'), piped.stdout);
  assert.equal(readFileSync(path.join(dir, 'less'), 'utf8'), '-r -Popenai-admin admin\\:organization\\:users list$');
  assert.equal(readFileSync(path.join(dir, 'args'), 'utf8'), '-S --x');
  assert.ok(!r.screen.includes('"email"'), 'nothing printed besides the pager');
});

test('no pager for short output, through a pipe, or for one object; a missing pager prints directly; a failing one exits 1', async () => {
  await h.mock.reset();
  const all = await users();
  clean();
  const short = await onTerminal(run(['admin:organization:users', 'list', '--max-items', '3']), { PAGER: `${dir}/pager` });
  assert.equal(short.code, 0);
  assert.ok(!existsSync(path.join(dir, 'paged')), 'the pager did not run');
  for (const u of all.slice(0, 3)) assert.ok(short.screen.includes(u.id), short.screen);

  const piped = await onTerminal(`${run(['admin:organization:users', 'list', '--max-items', '-1', '--format', 'jsonl'])} > '${dir}/out'`, { PAGER: `${dir}/pager` });
  assert.equal(piped.code, 0);
  assert.ok(!existsSync(path.join(dir, 'paged')), 'the pager did not run');
  assert.equal(readFileSync(path.join(dir, 'out'), 'utf8').trimEnd().split('\n').length, all.length);

  const one = await onTerminal(run(['admin:organization:users', 'retrieve', all[0].id, '--format', 'json']), { PAGER: `${dir}/pager` });
  assert.equal(one.code, 0);
  assert.ok(!existsSync(path.join(dir, 'paged')));

  const missing = await onTerminal(`${run(['admin:organization:users', 'list', '--max-items', '-1', '--format', 'jsonl'])} 2> '${dir}/err'`, { PAGER: 'no-such-pager-here' });
  assert.equal(missing.code, 0);
  assert.equal(readFileSync(path.join(dir, 'err'), 'utf8'), 'openai-admin: pager "no-such-pager-here" not found; printing the output directly\n');
  assert.ok(missing.screen.includes(all[all.length - 1].email), 'the end of the list is on the screen');

  const failing = await onTerminal(run(['admin:organization:users', 'list', '--max-items', '-1']), { PAGER: 'false' });
  assert.equal(failing.code, 1);
  assert.match(failing.screen, /Pager exited with non-zero exit status: 1/);
});

test('access dump, long on a terminal, goes through $PAGER; access who, short, does not; piped both are printed', async () => {
  await h.mock.reset();
  clean();
  const dump = await h.cli(['access', 'dump']);
  assert.equal(dump.code, 0, dump.stderr);
  assert.ok(dump.stdout.split('\n').length > 30, 'longer than the terminal');
  let r = await onTerminal(run(['access', 'dump']), { PAGER: `${dir}/pager` });
  assert.equal(r.code, 0, r.screen);
  assert.equal(readFileSync(path.join(dir, 'paged'), 'utf8'), dump.stdout);
  assert.equal(readFileSync(path.join(dir, 'less'), 'utf8'), '-r -Popenai-admin access dump$');
  clean();
  const who = await h.cli(['access', 'who', 'Engineering']);
  assert.equal(who.code, 0, who.stderr);
  r = await onTerminal(run(['access', 'who', 'Engineering']), { PAGER: `${dir}/pager` });
  assert.equal(r.code, 0, r.screen);
  assert.ok(!existsSync(path.join(dir, 'paged')), 'short output is not paged');
  assert.ok(r.screen.includes(who.stdout.trim().split('\n')[0]), r.screen);
});

test('quitting the pager stops a long list: the pages after it are never requested', async () => {
  const big = await startMock({ args: ['--users', '2000'] });
  try {
    const r = await onTerminal(run(['admin:organization:users', 'list', '--max-items', '-1', '--format', 'jsonl']), { OPENAI_BASE_URL: big.api }, async (t) => {
      await t.waitFor(/openai-admin admin:organization:users list\s*$/);
      t.keys('q');
    });
    assert.equal(r.code, 0, r.screen);
    const pages = (await big.requests()).data.filter((q) => q.path === '/v1/organization/users').length;
    assert.ok(pages >= 1 && pages < 50, `${pages} pages of 20 requested`);
  } finally {
    await big.stop();
  }
});

test('--format explore: a table to move through, open, go back and print from; q quits', async () => {
  await h.mock.reset();
  const groups = await collect(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: h.mock.api }).admin.organization.groups.list({ limit: 100 }));
  const r = await onTerminal(run(['admin:organization:groups', 'list', '--format', 'explore']), {}, async (t) => {
    let s = await t.waitFor(/q\/enter quit • ↑\/k up • ↓\/j down • ←\/h go back • →\/l expand • p print and exit • r toggle raw JSON/);
    assert.match(s, /^ {2}openai-admin admin:organization:groups list$/m);
    for (const g of groups.slice(0, 10)) assert.ok(s.includes(g.id) && s.includes(g.name), `${g.name} in the table`);
    t.keys('j', 'j', 'Right');
    s = await t.waitFor(/openai-admin admin:organization:groups list → \[2\]/);
    assert.match(s, new RegExp(`│ name\\s+${groups[2].name}\\s+│`));
    assert.match(s, new RegExp(`│ id\\s+${groups[2].id}\\s+│`));
    t.keys('r');
    await t.waitFor(/→ \[2\] \(JSON\)/);
    t.keys('r', 'h');
    s = await t.waitFor((x) => /groups list$/m.test(x) && !x.includes('→ ['));
    t.keys('Down', 'l');
    s = await t.waitFor(/→ \[3\]/);
    // Down to `name`, print it and exit.
    const keys = Object.keys(groups[3]).filter((k) => k !== '_request_id');
    for (let i = 0; i < keys.indexOf('name'); i++) t.keys('j');
    t.keys('p');
  });
  assert.equal(r.code, 0, r.screen);
  assert.equal(r.screen.trim(), groups[3].name);
});

test('--format explore on a long list reads a screenful, then more as the cursor reaches the end', async () => {
  const big = await startMock({ args: ['--users', '2000'] });
  try {
    const all = (await collect(new OpenAIAdmin({ adminAPIKey: KEY, baseURL: big.api }).admin.organization.users.list({ limit: 100 }))).slice(0, 90);
    const pages = async () => (await big.requests()).data.filter((q) => q.path === '/v1/organization/users').length;
    const r = await onTerminal(run(['admin:organization:users', 'list', '--format', 'explore', '--transform', '{id,email}']), { OPENAI_BASE_URL: big.api }, async (t) => {
      await t.waitFor(/p print and exit/);
      await big.clearRequests();
      t.keys('G');
      await t.waitFor((s) => s.includes(all[29].id));
      // Reaching the last row loaded the next screenful (users pages of 20): G again goes further.
      t.keys('G');
      await t.waitFor((s) => s.includes(all[59].id));
      t.keys('q');
    });
    assert.equal(r.code, 0, r.screen);
    const read = await pages();
    assert.ok(read >= 2 && read <= 5, `${read} pages read while scrolling 60 of 2000 users`);
  } finally {
    await big.stop();
  }
});

test('--format explore on one object, with --transform; and anywhere but a terminal json with the official warning', async () => {
  await h.mock.reset();
  const [user] = await users();
  const r = await onTerminal(run(['admin:organization:users', 'retrieve', user.id, '--format', 'explore']), {}, async (t) => {
    const s = await t.waitFor(/p print and exit/);
    assert.match(s, /│ Object\s+│/);
    assert.match(s, new RegExp(`│ email\\s+${user.email.replace(/\./g, '\\.')}\\s+│`));
    t.keys('q');
  });
  assert.equal(r.code, 0);
  assert.ok(!r.screen.includes('Object'), 'the screen is restored');

  // Standard input not a terminal (here /dev/null): the keys come from the terminal itself.
  const noStdin = await onTerminal(`${run(['admin:organization:users', 'retrieve', user.id, '--format', 'explore'])} < /dev/null`, {}, async (t) => {
    await t.waitFor(/p print and exit/);
    t.keys('j', 'p');
  });
  assert.equal(noStdin.code, 0);
  const second = Object.values(user)[1];
  assert.equal(noStdin.screen.trim(), typeof second === 'string' ? second : JSON.stringify(second));

  const picked = await onTerminal(run(['admin:organization:users', 'retrieve', user.id, '--format', 'explore', '--transform', '{id,email}']), {}, async (t) => {
    const s = await t.waitFor(/p print and exit/);
    assert.ok(!s.includes('│ name'), s);
    assert.match(s, /│ id\s+user_\w+\s+│/);
    t.keys('p');
  });
  // p prints the selected row's value: the first, id.
  assert.equal(picked.screen.trim(), user.id);

  for (const args of [['admin:organization:users', 'retrieve', user.id], ['admin:organization:users', 'list', '--max-items', '2']]) {
    const json = await h.cli([...args, '--format', 'json']);
    const explore = await h.cli([...args, '--format', 'explore']);
    assert.equal(explore.code, 0);
    assert.equal(explore.stdout, json.stdout);
    assert.equal(explore.stderr, "Warning: Output format 'explore' not supported for non-terminal output; falling back to 'json'\n");
  }
});
